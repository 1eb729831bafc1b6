/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { promises as fs } from 'node:fs';
import { FileLocations } from './fileLocations';

/** One of the two files as read from disk: its text, or why there is none. */
export type ReadFile =
	| { readonly kind: 'read'; readonly role: FileRole; readonly path: string; readonly text: string }
	| { readonly kind: 'missing'; readonly role: FileRole; readonly path: string }
	| { readonly kind: 'unreadable'; readonly role: FileRole; readonly path: string; readonly reason: string };

export type FileRole = 'config' | 'credentials';

export interface ProfileFilesSnapshot {
	readonly files: readonly [ReadFile, ReadFile];
}

/** Reads both files; a missing file is normal (a new machine), any other failure is reported, never thrown. */
export async function readProfileFiles(locations: FileLocations): Promise<ProfileFilesSnapshot> {
	const [config, credentials] = await Promise.all([
		readOne('config', locations.configFile),
		readOne('credentials', locations.credentialsFile),
	]);
	return { files: [config, credentials] };
}

async function readOne(role: FileRole, path: string): Promise<ReadFile> {
	try {
		return { kind: 'read', role, path, text: await fs.readFile(path, 'utf8') };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') {
			return { kind: 'missing', role, path };
		}
		// The code alone (EACCES, EISDIR...) never carries file content.
		return { kind: 'unreadable', role, path, reason: describeErrorCode(code) };
	}
}

function describeErrorCode(code: string | undefined): string {
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'it is a folder, not a file';
		default:
			return code ?? 'unknown error';
	}
}
