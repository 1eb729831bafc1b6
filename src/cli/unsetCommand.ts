/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles unset KEY [--profile P]`: removes a key from a profile, in whichever of the two files sets it,
// with the extension's safe write. The AWS CLI has no such command (`aws configure set KEY ""` leaves `KEY =`).

import type { Command } from './command';
import { ExitStatus, UsageError } from './output';
import { applyEdit, chosenProfile, describeWrite, readFilesForEdit, shown, writtenFiles } from './profileFileEdit';

export const unsetCommand: Command = {
	name: 'unset',
	summary: 'Remove a key from a profile, in whichever file sets it, with a backup.',
	usage: 'aws-profiles unset KEY [--profile NAME]\n\n'
		+ 'Removes every line of KEY (in any case) from the profile\'s sections in the config and credentials\n'
		+ 'files. The profile defaults to AWS_PROFILE, else default. The previous content of a changed file is\n'
		+ 'kept as FILE.bak.',
	options: { profile: { type: 'string' } },
	positionals: true,
	async run(values, out, positionals) {
		if (positionals.length !== 1) {
			throw new UsageError('takes one KEY; see aws-profiles unset --help');
		}
		const [key] = positionals;
		const files = await readFilesForEdit();
		const profile = chosenProfile(values, files);
		const result = await applyEdit(files, { op: 'remove', profile, key });
		for (const written of writtenFiles(result)) {
			out.line(`Removed ${shown(key)} from profile '${shown(profile)}' in ${describeWrite(written)}.`);
		}
		return ExitStatus.Ok;
	},
};
