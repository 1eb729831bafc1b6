/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Every reference file under a project folder, read and searched: what the lint command and the extension's
// workspace scan call. Bounded, since a folder can be anything: folders named in `skip` are not entered
// (node_modules, .git, build outputs), a file over `maxFileBytes` is listed as skipped unread, a symbolic
// link to a folder already visited (a loop) is not followed again, and the walk stops at `maxDepth` levels and
// `maxEntries` directory entries. The only I/O of the references core; reading never runs anything.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isDotenvFile } from './dotenv';
import { findProfileReferences, referenceFileKind } from './findReferences';
import type { DotenvFileText, ProfileReference, ReferenceFileKind } from './profileReference';
import { isServerlessFile } from './serverless';

export interface ScanOptions {
	/** Only this stage's references (see `FindOptions.stage`). */
	readonly stage?: string;
	/** Folder names never entered. */
	readonly skip?: readonly string[];
	/** The environment `${env:X}` reads (empty by default: never the process's own). */
	readonly env?: Readonly<Record<string, string>>;
	readonly maxFileBytes?: number;
	readonly maxDepth?: number;
	readonly maxEntries?: number;
}

export interface ScannedFile {
	/** The file's path: `folder` joined with its relative path. */
	readonly file: string;
	readonly kind: ReferenceFileKind;
	readonly references: readonly ProfileReference[];
	/** The text the references were found in (without a byte order mark); empty when the file was skipped. */
	readonly text: string;
	/** Set when the file was not read: it is larger than `maxFileBytes`, or could not be read. */
	readonly skipped?: 'too-large' | 'unreadable';
}

export const defaultSkippedFolders: readonly string[] = [
	'node_modules', '.git', '.serverless', '.aws-sam', 'cdk.out', '.terraform', '.venv', 'venv', '__pycache__',
];

const defaults = { maxFileBytes: 1024 * 1024, maxDepth: 20, maxEntries: 100_000 };

export async function scanProjectFolder(folder: string, options: ScanOptions = {}): Promise<ScannedFile[]> {
	const files = await listReferenceFiles(folder, options);
	const maxFileBytes = options.maxFileBytes ?? defaults.maxFileBytes;
	const scanned: ScannedFile[] = [];
	for (const file of files) {
		const kind = referenceFileKind(file);
		if (!kind) {
			continue;
		}
		const text = await readBounded(file, maxFileBytes);
		if (typeof text !== 'string') {
			scanned.push({ file, kind, references: [], text: '', skipped: text.skipped });
			continue;
		}
		const dotenvFiles = isServerlessFile(file) ? await dotenvFilesBeside(file, maxFileBytes) : [];
		const references = findProfileReferences(file, text, {
			...(options.env ? { env: options.env } : {}),
			...(options.stage !== undefined ? { stage: options.stage } : {}),
			dotenvFiles,
		});
		scanned.push({ file, kind, references, text });
	}
	return scanned;
}

/** The reference files under `folder`, in path order. */
async function listReferenceFiles(folder: string, options: ScanOptions): Promise<string[]> {
	const skip = new Set(options.skip ?? defaultSkippedFolders);
	const maxDepth = options.maxDepth ?? defaults.maxDepth;
	let budget = options.maxEntries ?? defaults.maxEntries;
	const visited = new Set<string>();
	const found: string[] = [];
	const walk = async (directory: string, depth: number): Promise<void> => {
		const real = await fs.realpath(directory).catch(() => undefined);
		if (real === undefined || visited.has(real) || depth > maxDepth) {
			return;
		}
		visited.add(real);
		const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => []);
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			if (--budget < 0) {
				return;
			}
			const full = path.join(directory, entry.name);
			let isDirectory = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				const target = await fs.stat(full).catch(() => undefined); // follows the link; a broken one is nothing
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

/** The `.env` files next to a Serverless file, which Serverless may load. */
async function dotenvFilesBeside(file: string, maxFileBytes: number): Promise<DotenvFileText[]> {
	const directory = path.dirname(file);
	const names = await fs.readdir(directory).catch(() => [] as string[]);
	const result: DotenvFileText[] = [];
	for (const name of names.filter(isDotenvFile).sort()) {
		const full = path.join(directory, name);
		const text = await readBounded(full, maxFileBytes);
		if (typeof text === 'string') {
			result.push({ file: full, text });
		}
	}
	return result;
}

/** The file's text (without a byte order mark, as an editor shows it), or why it was not read. */
async function readBounded(file: string, maxFileBytes: number): Promise<string | { skipped: 'too-large' | 'unreadable' }> {
	try {
		const stat = await fs.stat(file);
		if (!stat.isFile()) {
			return { skipped: 'unreadable' };
		}
		if (stat.size > maxFileBytes) {
			return { skipped: 'too-large' };
		}
		const text = await fs.readFile(file, 'utf8');
		return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	} catch {
		return { skipped: 'unreadable' };
	}
}
