/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles rename OLD NEW`: renames a profile in both files, and the `source_profile` settings that name
// it, so that no role chain is left pointing at a name that is gone.

import { Keys, readStandard } from '../core';
import type { ProfileSet } from '../core';
import type { Command } from './command';
import { ExitStatus, UsageError } from './output';
import { applyEdit, describeWrite, readFilesForEdit, shown, writtenFiles } from './profileFileEdit';

export const renameCommand: Command = {
	name: 'rename',
	summary: 'Rename a profile in both files, and the source_profile settings that name it.',
	usage: 'aws-profiles rename OLD NEW\n\n'
		+ 'The default profile cannot be renamed, nor another renamed to default. The previous content of a\n'
		+ 'changed file is kept as FILE.bak.',
	options: {},
	positionals: true,
	async run(_values, out, positionals) {
		if (positionals.length !== 2) {
			throw new UsageError('takes OLD NEW; see aws-profiles rename --help');
		}
		const [from, to] = positionals;
		const files = await readFilesForEdit();
		const result = await applyEdit(files, { op: 'rename', from, to });
		for (const written of writtenFiles(result)) {
			out.line(`Renamed profile '${shown(from)}' to '${shown(to)}' in ${describeWrite(written)}.`);
		}
		const after = readStandard({
			config: result.config?.file.text ?? files.config.text,
			credentials: result.credentials?.file.text ?? files.credentials.text,
		});
		const followed = namingAsSource(files.reading, from).filter((name) => namingAsSource(after, to).includes(name));
		if (followed.length > 0) {
			out.line(`The source_profile of ${followed.map((name) => `'${shown(name)}'`).join(', ')} now names '${shown(to)}'.`);
		}
		return ExitStatus.Ok;
	},
};

/** The profiles whose source_profile is `name`, with the new name where a profile itself was renamed. */
function namingAsSource(reading: ProfileSet, name: string): string[] {
	return [...reading.profiles.values()]
		.filter((section) => section.properties.get(Keys.sourceProfile)?.value === name)
		.map((section) => section.name);
}
