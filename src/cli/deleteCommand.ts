/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles delete NAME [--yes]`: removes a profile's sections from both files. It asks first on a
// terminal; elsewhere (CI, a pipe) it deletes only with --yes, since nobody can be asked and a script that
// forgot it must not lose a profile.

import { shownPath } from '../core';
import type { FileRole } from '../core';
import type { Command } from './command';
import { ExitStatus, UsageError } from './output';
import { applyEdit, describeWrite, FilesForEdit, readFilesForEdit, shown, writtenFiles } from './profileFileEdit';
import { askLine, isTerminal } from './standardInput';

export const deleteCommand: Command = {
	name: 'delete',
	summary: 'Delete a profile from both files, after asking (or with --yes), with a backup.',
	usage: 'aws-profiles delete NAME [--yes]\n\n'
		+ 'Asks for confirmation on a terminal; without one (CI, a pipe) it refuses unless --yes is given.\n'
		+ 'The previous content of a changed file is kept as FILE.bak.',
	options: { yes: { type: 'boolean' } },
	positionals: true,
	async run(values, out, positionals) {
		if (positionals.length !== 1) {
			throw new UsageError('takes one NAME; see aws-profiles delete --help');
		}
		const [profile] = positionals;
		const files = await readFilesForEdit();
		if (!values.yes) {
			await confirm(files, profile);
		}
		const result = await applyEdit(files, { op: 'delete', profile });
		for (const written of writtenFiles(result)) {
			out.line(`Deleted profile '${shown(profile)}' from ${describeWrite(written)}.`);
		}
		return ExitStatus.Ok;
	},
};

async function confirm(files: FilesForEdit, profile: string): Promise<void> {
	const section = files.reading.profiles.get(profile);
	if (!section) {
		throw new UsageError(`There is no profile named '${shown(profile)}'; nothing was deleted.`);
	}
	if (!isTerminal()) {
		throw new UsageError(`not deleting profile '${shown(profile)}': there is no terminal to confirm in; add --yes to delete it.`);
	}
	const roles = [...new Set<FileRole>(section.headers.map((header) => header.file))];
	const answer = await askLine(`Delete the AWS profile '${shown(profile)}' from ${roles.map((role) => shownPath(files[role].path)).join(' and ')}? `
		+ 'A backup of each file is kept. [y/N] ', false);
	if (!/^y(es)?$/i.test(answer.trim())) {
		throw new UsageError(`not confirmed; profile '${shown(profile)}' was not deleted.`);
	}
}
