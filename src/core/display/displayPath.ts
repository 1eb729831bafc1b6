/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How a message names a file: `~/.aws/credentials`, as the user knows it and the README writes it, not
// `/home/someone/.aws/credentials`. Only a file under the home folder is shortened; any other stays absolute,
// so that it can still be found. Every notification, diagnostic, tooltip, log line and CLI line that names a
// path goes through here.

import * as os from 'node:os';
import * as path from 'node:path';
import { homeDirectory, platformOf } from '../readings/fileLocations';

/** The path with the home folder written `~`; as it is when it is not under `home` (or there is no home). */
export function displayPath(file: string, home: string | undefined, windows = false): string {
	const paths = windows ? path.win32 : path.posix;
	const root = home === undefined || home === '' ? '' : trimSeparators(home, paths);
	if (root === '' || paths.parse(root).root === root) {
		return file; // no home folder, or the root of the disk: `~` would say nothing true
	}
	const same = (a: string, b: string) => windows ? a.toLowerCase() === b.toLowerCase() : a === b;
	if (same(file, root)) {
		return '~';
	}
	const prefix = file.slice(0, root.length + 1);
	if (same(prefix.slice(0, root.length), root) && (prefix.endsWith(paths.sep) || (windows && prefix.endsWith('/')))) {
		return `~${paths.sep}${file.slice(root.length + 1)}`;
	}
	return file;
}

/** displayPath against this process's home folder (HOME, as the SDKs take it). */
export function shownPath(file: string): string {
	const platform = platformOf(process.platform);
	return displayPath(file, homeDirectory({ env: process.env, platform, languageSpecificHome: os.homedir() }), platform === 'windows');
}

function trimSeparators(folder: string, paths: typeof path.posix): string {
	let trimmed = folder;
	while (trimmed.length > 1 && (trimmed.endsWith(paths.sep) || trimmed.endsWith('/')) && paths.parse(trimmed).root !== trimmed) {
		trimmed = trimmed.slice(0, -1);
	}
	return trimmed;
}
