/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The walk of a project folder for its reference files, and the bounded read of one of them: Node I/O, kept
// apart from the finders (and their parsers) so that the editor can list and read project files without
// loading them. Bounded, since a folder can be anything: folders named in `skip` are not entered (node_modules,
// .git, build outputs), the walk stops at `maxDepth` levels and `maxEntries` directory entries, a file over
// `maxFileBytes` is not read, and nothing leaves the folder: a symbolic link is followed only when its real path
// is inside the folder's real path (a link `up -> ..` or to /etc is not), and a folder already visited (a loop)
// is not entered again.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { maxProjectFileChars } from '../references/parseLimits';
import { referenceFileKind } from '../references/referenceFiles';

/** The bounds of a walk. */
export interface WalkOptions {
	/** Folder names never entered. */
	readonly skip?: readonly string[];
	readonly maxFileBytes?: number;
	readonly maxDepth?: number;
	readonly maxEntries?: number;
}

export const defaultSkippedFolders: readonly string[] = [
	'node_modules', '.git', '.serverless', '.aws-sam', 'cdk.out', '.terraform', '.venv', 'venv', '__pycache__',
];

export const walkDefaults = { maxFileBytes: maxProjectFileChars, maxDepth: 20, maxEntries: 100_000 };

export type Skipped = { readonly skipped: 'too-large'; readonly size: number } | { readonly skipped: 'unreadable' | 'outside' };

/**
 * The paths of the reference files under `folder`, in path order, at most `maxFiles` of them, found by the same
 * bounded walk as the scan (skipped folders, depth, entries, never a link out of the folder): the extension's
 * list of the workspace's files to check in the background. Nothing is read.
 */
export async function listProjectFiles(folder: string, options: WalkOptions & { readonly maxFiles: number }): Promise<string[]> {
	const root = await fs.realpath(folder).catch(() => undefined);
	return root === undefined ? [] : listReferenceFiles(folder, root, options);
}

/** Whether a real path is the real folder `root` or inside it. */
export function isInsideFolder(root: string, real: string): boolean {
	const prefix = root.endsWith(path.sep) ? root : root + path.sep;
	return real === root || real.startsWith(prefix);
}

/** The reference files under `folder` (whose real path is `root`), in path order; never a path out of it. */
export async function listReferenceFiles(folder: string, root: string, options: WalkOptions & { readonly maxFiles?: number }): Promise<string[]> {
	const maxFiles = options.maxFiles ?? Infinity;
	const skip = new Set(options.skip ?? defaultSkippedFolders);
	const maxDepth = options.maxDepth ?? walkDefaults.maxDepth;
	let budget = options.maxEntries ?? walkDefaults.maxEntries;
	const visited = new Set<string>();
	const found: string[] = [];
	const walk = async (directory: string, depth: number): Promise<void> => {
		const real = await fs.realpath(directory).catch(() => undefined);
		if (real === undefined || !isInsideFolder(root, real) || visited.has(real) || depth > maxDepth) {
			return;
		}
		visited.add(real);
		const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => []);
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			if (--budget < 0 || found.length >= maxFiles) {
				return;
			}
			const full = path.join(directory, entry.name);
			let isDirectory = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				// Followed only to a place inside the folder; a broken link, or one out of the folder, is nothing.
				const real = await fs.realpath(full).catch(() => undefined);
				const target = real !== undefined && isInsideFolder(root, real) ? await fs.stat(real).catch(() => undefined) : undefined;
				isDirectory = target?.isDirectory() ?? false;
				isFile = target?.isFile() ?? false;
			}
			if (isDirectory && !skip.has(entry.name)) {
				await walk(full, depth + 1);
			} else if (isFile && referenceFileKind(entry.name) !== undefined) {
				found.push(full);
			}
		}
	};
	await walk(folder, 0);
	return found;
}

/**
 * The file's text (without a byte order mark, as an editor shows it), or why it was not read: its real path is
 * out of the folder `root`, it is not a regular file, or it is larger than `maxFileBytes` (checked on the open
 * file too, and never more than that read, should it grow in between).
 */
export async function readBounded(file: string, root: string, maxFileBytes: number): Promise<string | Skipped> {
	try {
		const real = await fs.realpath(file);
		if (!isInsideFolder(root, real)) {
			return { skipped: 'outside' };
		}
		if (!(await fs.stat(real)).isFile()) {
			return { skipped: 'unreadable' }; // a FIFO or a device: opening it could block or never end
		}
		const handle = await fs.open(real, 'r');
		try {
			const stat = await handle.stat();
			if (!stat.isFile()) {
				return { skipped: 'unreadable' };
			}
			if (stat.size > maxFileBytes) {
				return { skipped: 'too-large', size: stat.size };
			}
			const buffer = Buffer.alloc(stat.size + 1);
			let bytesRead = 0;
			for (let read = -1; read !== 0 && bytesRead < buffer.length;) {
				({ bytesRead: read } = await handle.read(buffer, bytesRead, buffer.length - bytesRead, bytesRead));
				bytesRead += read;
			}
			if (bytesRead > maxFileBytes) {
				return { skipped: 'too-large', size: bytesRead };
			}
			const text = buffer.toString('utf8', 0, bytesRead);
			return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
		} finally {
			await handle.close();
		}
	} catch {
		return { skipped: 'unreadable' };
	}
}
