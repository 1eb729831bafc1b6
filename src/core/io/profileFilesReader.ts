/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { promises as fs } from 'node:fs';
import type { FileLocations, FileRole } from '../readings/fileLocations';
import { maxProfileFileBytes, tooLargeReason } from './profileFileSize';
import { hashOf } from './safeWrite';

export { maxProfileFileBytes } from './profileFileSize';

/** One of the two files as read from disk: its text, or why there is none. */
export type ReadFile =
	/** `hash` is of the bytes read: an edit based on this text is refused if the file has changed since. */
	| { readonly kind: 'read'; readonly role: FileRole; readonly path: string; readonly text: string; readonly hash: string }
	| { readonly kind: 'missing'; readonly role: FileRole; readonly path: string }
	| { readonly kind: 'unreadable'; readonly role: FileRole; readonly path: string; readonly reason: string };


export interface ProfileFilesSnapshot {
	readonly files: readonly [ReadFile, ReadFile];
}

/**
 * The bytes of a config or credentials file. A file larger than maxProfileFileBytes is refused with an error whose
 * code is EFBIG (file too large), before it is read; any other failure is the file system's own error.
 */
export async function readProfileFileBytes(path: string): Promise<Buffer> {
	const handle = await fs.open(path, 'r');
	try {
		const { size } = await handle.stat();
		if (size > maxProfileFileBytes) {
			throw Object.assign(new Error(`${path} is larger than ${maxProfileFileBytes / (1024 * 1024)} MB`), { code: 'EFBIG' });
		}
		return await handle.readFile();
	} finally {
		await handle.close();
	}
}

/** What a file error's code means, in words: the code alone (EACCES, EISDIR...) never carries file content. */
export function describeFileErrorCode(code: string | undefined): string {
	switch (code) {
		case 'ENOENT':
			return 'no such file';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'it is a folder, not a file';
		case 'EFBIG':
			return tooLargeReason;
		default:
			return code ?? 'unknown error';
	}
}

/** Reads both files; a missing file is normal (a new machine), any other failure is reported, never thrown. */
export async function readProfileFiles(locations: Pick<FileLocations, 'configFile' | 'credentialsFile'>): Promise<ProfileFilesSnapshot> {
	const [config, credentials] = await Promise.all([
		readOne('config', locations.configFile),
		readOne('credentials', locations.credentialsFile),
	]);
	return { files: [config, credentials] };
}

async function readOne(role: FileRole, path: string): Promise<ReadFile> {
	try {
		const bytes = await readProfileFileBytes(path);
		return { kind: 'read', role, path, text: bytes.toString('utf8'), hash: hashOf(bytes) };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') {
			return { kind: 'missing', role, path };
		}
		return { kind: 'unreadable', role, path, reason: describeFileErrorCode(code) };
	}
}

/** The texts of a snapshot, as the readers take them: a missing or unreadable file is absent. */
export function textsOf(files: readonly ReadFile[]): { config?: string; credentials?: string } {
	const texts: { config?: string; credentials?: string } = {};
	for (const file of files) {
		if (file.kind === 'read') {
			texts[file.role] = file.text;
		}
	}
	return texts;
}
