/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Reading, writing and removing one SSO token cache file (`<cache folder>/<sha1 of the id>.json`). The write
// goes through the safe write (a temporary file renamed over the old one, refused if another program changed
// the file meanwhile), keeps no backup (a backup would be one more copy of a live token), and leaves the file
// 0600 and its folder 0700 whatever they were. Errors name the path and the system's reason, never content.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ssoCacheFileName } from '../model/expiry';
import { readForEdit, writeEdited } from './safeWrite';
import { CachedSsoToken, formatCachedToken, parseCachedToken } from '../sessions/ssoTokenCache';

export function ssoTokenFilePath(cacheFolder: string, cacheId: string): string {
	return path.join(cacheFolder, ssoCacheFileName(cacheId));
}

export type ReadTokenResult =
	| { readonly state: 'found'; readonly token: CachedSsoToken; readonly file: string }
	| { readonly state: 'missing'; readonly file: string }
	| { readonly state: 'unreadable'; readonly reason: string; readonly file: string };

export async function readTokenFile(cacheFolder: string, cacheId: string): Promise<ReadTokenResult> {
	const file = ssoTokenFilePath(cacheFolder, cacheId);
	let text: string;
	try {
		text = await fs.readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' ? { state: 'missing', file } : { state: 'unreadable', reason: `cannot be read (${code ?? 'error'})`, file };
	}
	const parsed = parseCachedToken(text);
	return parsed.ok ? { state: 'found', token: parsed.token, file } : { state: 'unreadable', reason: parsed.reason, file };
}

/** Writes the token as the AWS CLI does, through the safe write; answers the file written. */
export async function writeTokenFile(cacheFolder: string, cacheId: string, token: CachedSsoToken): Promise<string> {
	const file = ssoTokenFilePath(cacheFolder, cacheId);
	const current = await readForEdit(file);
	const result = await writeEdited(current, formatCachedToken(token), { backups: 0 });
	// The safe write keeps an existing file's mode; a token file is the user's alone, whatever it was.
	await fs.chmod(result.target, 0o600);
	return file;
}

/** Removes the token file; false when there was none. */
export async function removeTokenFile(cacheFolder: string, cacheId: string): Promise<boolean> {
	try {
		await fs.unlink(ssoTokenFilePath(cacheFolder, cacheId));
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return false;
		}
		throw new Error(`Cannot remove ${ssoTokenFilePath(cacheFolder, cacheId)} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { cause: error });
	}
}
