/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Whether the program of a `credential_process` is there to run. The JS SDK runs the command through the
// shell (child_process.exec), and when the program is missing the shell's complaint ends up as "found no
// credentials"; this looks for it first, as the shell would: a path (after `~`) as a file, a bare name on PATH.
// Anything the shell would work out for itself (a variable, a substitution, a builtin) is not judged.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ProgramPresence = 'found' | 'missing' | 'unknown';

/** Words the shell runs itself, with no program on PATH (POSIX sh's special and common builtins). */
const shellBuiltins = new Set([
	'.', ':', 'break', 'cd', 'command', 'continue', 'echo', 'eval', 'exec', 'exit', 'export', 'printf', 'read',
	'set', 'source', 'test', 'true', 'false', 'type', '[',
]);

export interface ProgramLookup {
	readonly env: NodeJS.ProcessEnv;
	readonly platform: NodeJS.Platform;
	readonly cwd: string;
}

const processLookup = (): ProgramLookup => ({ env: process.env, platform: process.platform, cwd: process.cwd() });

export async function programPresence(program: string, lookup: ProgramLookup = processLookup()): Promise<ProgramPresence> {
	const windows = lookup.platform === 'win32';
	if (program === '' || /[$`%*?]/.test(program) || (!windows && shellBuiltins.has(program))) {
		return 'unknown';
	}
	const home = lookup.env.HOME ?? (windows ? lookup.env.USERPROFILE : undefined) ?? os.homedir();
	const expanded = !windows && (program === '~' || program.startsWith('~/')) ? path.join(home, program.slice(1)) : program;
	const separators = windows ? /[\\/]/ : /\//;
	if (separators.test(expanded)) {
		return await candidatesExist(extensionsOf(path.resolve(lookup.cwd, expanded), lookup)) ? 'found' : 'missing';
	}
	const folders = (lookup.env.PATH ?? lookup.env.Path ?? '').split(windows ? ';' : ':').filter((folder) => folder !== '');
	// cmd.exe looks in the current folder first; sh does not.
	const searched = windows ? [lookup.cwd, ...folders] : folders;
	for (const folder of searched) {
		if (await candidatesExist(extensionsOf(path.join(folder, expanded), lookup))) {
			return 'found';
		}
	}
	return 'missing';
}

/** On Windows a program may be named without its extension (PATHEXT). */
function extensionsOf(file: string, lookup: ProgramLookup): string[] {
	if (lookup.platform !== 'win32') {
		return [file];
	}
	const extensions = (lookup.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
	return [file, ...extensions.map((extension) => file + extension)];
}

async function candidatesExist(files: readonly string[]): Promise<boolean> {
	for (const file of files) {
		try {
			if ((await fs.stat(file)).isFile()) {
				return true;
			}
		} catch {
			// not there: try the next one
		}
	}
	return false;
}
