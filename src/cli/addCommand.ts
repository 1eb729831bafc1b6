/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles add NAME`: a new profile from `key = value` lines on standard input (a heredoc, a file, a
// secrets manager's output), so that no secret is on the command line. Secrets go to the credentials file
// and the rest to the config file, as `aws configure` writes them.

import { fileForNewProperty, validateProperty } from '../core';
import type { Command } from './command';
import { ExitStatus, UsageError } from './output';
import { applyEdit, checkPlainKey, describeWrite, readFilesForEdit, shown } from './profileFileEdit';
import { isTerminal, readAllInput } from './standardInput';

export const addCommand: Command = {
	name: 'add',
	summary: 'Add a profile from key = value lines on standard input, secrets to the credentials file.',
	usage: 'aws-profiles add NAME < FILE\n\n'
		+ 'Reads key = value lines from standard input; blank lines and lines starting with # or ; are skipped.\n'
		+ 'aws_access_key_id, aws_secret_access_key and aws_session_token go to the credentials file, other keys\n'
		+ 'to the config file. A profile of that name must not exist yet. The previous content of a changed\n'
		+ 'file is kept as FILE.bak. For example:\n'
		+ '  aws-profiles add ci <<EOF\n'
		+ '  aws_access_key_id = AKIA...\n'
		+ '  aws_secret_access_key = ...\n'
		+ '  region = eu-west-1\n'
		+ '  EOF',
	options: {},
	positionals: true,
	async run(_values, out, positionals) {
		if (positionals.length !== 1) {
			throw new UsageError('takes one NAME and reads key = value lines from standard input; see aws-profiles add --help');
		}
		const [profile] = positionals;
		if (isTerminal()) {
			out.error('Type the key = value lines of the profile, then Ctrl-D on a line of its own:');
		}
		const properties = parsePropertyLines(await readAllInput());
		const files = await readFilesForEdit();
		const result = await applyEdit(files, { op: 'add-properties', profile, properties });
		for (const role of ['config', 'credentials'] as const) {
			const written = result[role];
			if (written) {
				const keys = properties.filter(([key]) => fileForNewProperty(key) === role).map(([key]) => key);
				out.line(`Added profile '${shown(profile)}' (${keys.map(shown).join(', ')}) to ${describeWrite(written)}.`);
			}
		}
		return ExitStatus.Ok;
	},
};

/**
 * `key = value` lines, each checked as the planner will check it but refused with its line number; the
 * messages quote no value, and of a key at most one character (a pasted secret may sit where a key should).
 */
export function parsePropertyLines(text: string): [string, string][] {
	const properties: [string, string][] = [];
	const firstLineOf = new Map<string, number>();
	text.split('\n').forEach((raw, index) => {
		const number = index + 1;
		const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
		const trimmed = line.trim();
		if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) {
			return;
		}
		const refuse = (reason: string) => new UsageError(`line ${number} of standard input: ${reason}; nothing was written`);
		if (/^\s/.test(line)) {
			// In the files an indented line continues the value above (or is a sub-property): not what a list of keys means.
			throw refuse('starts with whitespace; write each key = value at the start of its line (continued values and sub-properties are not supported)');
		}
		if (trimmed.startsWith('[')) {
			throw refuse('is a section header; give only key = value lines (the profile\'s name is the argument)');
		}
		const equals = line.indexOf('=');
		if (equals < 0) {
			throw refuse('is not key = value');
		}
		const key = line.slice(0, equals).trim();
		const value = line.slice(equals + 1).trim();
		const check = validateProperty(key, value);
		if (!check.ok) {
			throw refuse(lowerFirst(check.message.replace(/\.$/, '')));
		}
		try {
			checkPlainKey(key);
		} catch (error) {
			throw refuse((error as Error).message);
		}
		const earlier = firstLineOf.get(key.toLowerCase());
		if (earlier !== undefined) {
			throw refuse(`sets the key of line ${earlier} again (keys do not depend on case); the AWS CLI refuses a profile with a key twice`);
		}
		firstLineOf.set(key.toLowerCase(), number);
		properties.push([key, value]);
	});
	if (properties.length === 0) {
		throw new UsageError('standard input has no key = value line; a new profile needs at least one; nothing was written');
	}
	return properties;
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
