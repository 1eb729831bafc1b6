/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles set KEY VALUE [--profile P]`: `aws configure set` with the extension's safe write (backup,
// atomic rename, formatting and comments kept). VALUE `-` reads the value from standard input, so that a
// secret need not be on a command line, where other users of the machine and the shell history see it.

import type { Command } from './command';
import { ExitStatus, UsageError } from './output';
import { applyEdit, checkPlainKey, chosenProfile, describeWrite, readFilesForEdit, shown, writtenFiles } from './profileFileEdit';
import { askLine, isTerminal, readInputValue } from './standardInput';
import { shownPath } from '../core';

export const setCommand: Command = {
	name: 'set',
	summary: 'Set a key of a profile, as `aws configure set` does, with a backup and the file\'s formatting kept.',
	usage: 'aws-profiles set KEY VALUE [--profile NAME]\n\n'
		+ 'VALUE - reads the value from standard input (its trailing line break removed; on a terminal it is\n'
		+ 'asked for and not shown), so that a secret need not be on the command line.\n'
		+ 'aws_access_key_id, aws_secret_access_key and aws_session_token go to the credentials file, other keys\n'
		+ 'to the config file; a key the profile already has is changed where it is.\n'
		+ 'The profile defaults to AWS_PROFILE, else default. A profile that does not exist is created, as\n'
		+ '`aws configure set` does. The previous content of a changed file is kept as FILE.bak.',
	options: { profile: { type: 'string' } },
	positionals: true,
	async run(values, out, positionals) {
		if (positionals.length !== 2) {
			throw new UsageError('takes KEY VALUE (VALUE - reads it from standard input); see aws-profiles set --help');
		}
		const [key, given] = positionals;
		checkPlainKey(key);
		const value = given === '-' ? await valueFromInput(key) : given;
		const files = await readFilesForEdit();
		const profile = chosenProfile(values, files);
		const exists = files.reading.profiles.has(profile);
		const result = await applyEdit(files, exists
			? { op: 'set', profile, key, value }
			: { op: 'add-properties', profile, properties: [[key, value]] });
		for (const written of writtenFiles(result)) {
			out.line(written.written
				? `Set ${shown(key)} of ${exists ? '' : 'the new '}profile '${shown(profile)}' in ${describeWrite(written)}.`
				: `${shown(key)} of profile '${shown(profile)}' already has that value in ${shownPath(written.file.path)}; nothing was written.`);
		}
		return ExitStatus.Ok;
	},
};

async function valueFromInput(key: string): Promise<string> {
	return isTerminal() ? askLine(`Value of ${shown(key)} (not shown): `, true) : readInputValue();
}
