/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Every reference file under a project folder, read and searched: what the lint command and the extension's
// workspace scan call. Bounded, since a folder can be anything: folders named in `skip` are not entered
// (node_modules, .git, build outputs), a file over `maxFileBytes` is not read but gets a "not checked: too
// large" reference (never silence), the walk stops at `maxDepth` levels and `maxEntries` directory entries, and
// it never leaves the folder: a symbolic link is followed only when its real path is inside the folder's real
// path (a link `up -> ..` or to /etc is not), and a folder already visited (a loop) is not entered again. The
// only I/O of the references core; reading never runs anything.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { displayPath } from '../displayPath';
import { fileLimitReference, findProfileReferences } from './findReferences';
import { maxProjectFileChars } from './parseLimits';
import type { DotenvFileText, ProfileReference, ReferenceFileKind } from './profileReference';
import { isDotenvFile, isServerlessFile, isTerraformFile, isTerraformVariablesFile, referenceFileKind } from './referenceFiles';
import { SharedFileRead, SharedFileRole, sharedFilesKey, SharedFilesText } from './sharedFiles';
import { sharedFilePaths } from './terraform';

export interface ScanOptions {
	/** Only this stage's references (see `FindOptions.stage`). */
	readonly stage?: string;
	/** Folder names never entered. */
	readonly skip?: readonly string[];
	/** The environment `${env:X}` reads (empty by default: never the process's own). */
	readonly env?: Readonly<Record<string, string>>;
	/** What `env` is, for messages (`FindOptions.envSource`). */
	readonly envSource?: string;
	/** The home folder, for `~` in Terraform's `shared_credentials_files`; without it such a file is not read. */
	readonly home?: string;
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
	/**
	 * Set when the file was not read: it is larger than `maxFileBytes` (then its one reference says so), or could
	 * not be read, or is a link out of the folder.
	 */
	readonly skipped?: 'too-large' | 'unreadable' | 'outside';
	/** Terraform: the files its blocks name for their profile (`shared_credentials_files`), read. */
	readonly sharedFiles?: readonly SharedFilesText[];
}

export const defaultSkippedFolders: readonly string[] = [
	'node_modules', '.git', '.serverless', '.aws-sam', 'cdk.out', '.terraform', '.venv', 'venv', '__pycache__',
];

const defaults = { maxFileBytes: maxProjectFileChars, maxDepth: 20, maxEntries: 100_000 };

type Skipped = { readonly skipped: 'too-large'; readonly size: number } | { readonly skipped: 'unreadable' | 'outside' };

export async function scanProjectFolder(folder: string, options: ScanOptions = {}): Promise<ScannedFile[]> {
	const root = await fs.realpath(folder).catch(() => undefined);
	if (root === undefined) {
		return [];
	}
	const files = await listReferenceFiles(folder, root, options);
	const maxFileBytes = options.maxFileBytes ?? defaults.maxFileBytes;
	const scanned: ScannedFile[] = [];
	for (const file of files) {
		const kind = referenceFileKind(file);
		if (!kind) {
			continue;
		}
		const text = await readBounded(file, root, maxFileBytes);
		if (typeof text !== 'string') {
			const references = text.skipped === 'too-large' ? [fileLimitReference(kind, { limit: 'size', size: text.size, max: maxFileBytes })] : [];
			scanned.push({ file, kind, references, text: '', skipped: text.skipped });
			continue;
		}
		const dotenvFiles = isServerlessFile(file) ? await dotenvFilesBeside(file, root, maxFileBytes) : [];
		const moduleFiles = kind === 'terraform' ? await terraformModuleFiles(file, root, maxFileBytes) : [];
		const references = findProfileReferences(file, text, {
			...(options.env ? { env: options.env } : {}),
			...(options.envSource !== undefined ? { envSource: options.envSource } : {}),
			...(options.stage !== undefined ? { stage: options.stage } : {}),
			dotenvFiles,
			...(moduleFiles.length > 0 ? { moduleFiles } : {}),
		});
		const sharedFiles = kind === 'terraform' ? await readSharedFiles(references, file, root, options.home, maxFileBytes) : [];
		scanned.push({ file, kind, references, text, ...(sharedFiles.length > 0 ? { sharedFiles } : {}) });
	}
	return scanned;
}

/**
 * The paths of the reference files under `folder`, in path order, at most `maxFiles` of them, found by the same
 * bounded walk as the scan (skipped folders, depth, entries, never a link out of the folder): the extension's
 * list of the workspace's files to check in the background. Nothing is read.
 */
export async function listProjectFiles(folder: string, options: ScanOptions & { readonly maxFiles: number }): Promise<string[]> {
	const root = await fs.realpath(folder).catch(() => undefined);
	return root === undefined ? [] : listReferenceFiles(folder, root, options);
}

/** Whether a real path is the real folder `root` or inside it. */
export function isInsideFolder(root: string, real: string): boolean {
	const prefix = root.endsWith(path.sep) ? root : root + path.sep;
	return real === root || real.startsWith(prefix);
}

/** The reference files under `folder` (whose real path is `root`), in path order; never a path out of it. */
async function listReferenceFiles(folder: string, root: string, options: ScanOptions & { readonly maxFiles?: number }): Promise<string[]> {
	const maxFiles = options.maxFiles ?? Infinity;
	const skip = new Set(options.skip ?? defaultSkippedFolders);
	const maxDepth = options.maxDepth ?? defaults.maxDepth;
	let budget = options.maxEntries ?? defaults.maxEntries;
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

/** The `.env` files next to a Serverless file, which Serverless may load. */
async function dotenvFilesBeside(file: string, root: string, maxFileBytes: number): Promise<DotenvFileText[]> {
	const directory = path.dirname(file);
	const names = await fs.readdir(directory).catch(() => [] as string[]);
	const result: DotenvFileText[] = [];
	for (const name of names.filter(isDotenvFile).sort()) {
		const full = path.join(directory, name);
		const text = await readBounded(full, root, maxFileBytes);
		if (typeof text === 'string') {
			result.push({ file: full, text });
		}
	}
	return result;
}

/** The other files of a Terraform module (its folder): `.tf` files and `terraform.tfvars` / `*.auto.tfvars`. */
export async function terraformModuleFiles(file: string, root: string, maxFileBytes: number = defaults.maxFileBytes): Promise<DotenvFileText[]> {
	const directory = path.dirname(file);
	const names = await fs.readdir(directory).catch(() => [] as string[]);
	const result: DotenvFileText[] = [];
	for (const name of names.filter((candidate) => isTerraformFile(candidate) || isTerraformVariablesFile(candidate)).sort()) {
		const full = path.join(directory, name);
		if (full === file) {
			continue;
		}
		const text = await readBounded(full, root, maxFileBytes);
		if (typeof text === 'string') {
			result.push({ file: full, text });
		}
	}
	return result;
}

/**
 * The files Terraform blocks name for their profile, each read when it is in the project folder `root` or the
 * home folder (the usual place, `~/.aws/...`), a regular file and not over the size limit; never elsewhere.
 */
export async function readSharedFiles(
	references: readonly ProfileReference[], file: string, root: string, home: string | undefined, maxFileBytes: number = defaults.maxFileBytes,
): Promise<SharedFilesText[]> {
	const result = new Map<string, SharedFilesText>();
	const homeReal = home === undefined ? undefined : await fs.realpath(home).catch(() => undefined);
	for (const reference of references) {
		if (reference.status !== 'resolved' || !reference.sharedFiles || result.has(sharedFilesKey(reference.sharedFiles))) {
			continue;
		}
		const files: SharedFileRead[] = [];
		for (const role of ['credentials', 'config'] as const) {
			for (const written of reference.sharedFiles[role] ?? []) {
				files.push(await readSharedFile(role, written, path.dirname(file), root, home, homeReal, maxFileBytes));
			}
		}
		result.set(sharedFilesKey(reference.sharedFiles), { written: reference.sharedFiles, files });
	}
	return [...result.values()];
}

async function readSharedFile(
	role: SharedFileRole, written: string, moduleFolder: string, root: string, home: string | undefined, homeReal: string | undefined, maxFileBytes: number,
): Promise<SharedFileRead> {
	if (home === undefined && written.startsWith('~')) {
		return { role, shown: written, state: 'not-read' };
	}
	const [full] = sharedFilePaths([written], moduleFolder, home ?? '');
	const shown = displayPath(full, home, path.sep === '\\');
	const exists = await fs.stat(full).then(() => true, (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && error.code !== 'ENOTDIR');
	if (!exists) {
		return { role, shown, state: 'missing' };
	}
	let text = await readBounded(full, root, maxFileBytes);
	if (typeof text !== 'string' && text.skipped === 'outside' && homeReal !== undefined) {
		text = await readBounded(full, homeReal, maxFileBytes);
	}
	return typeof text === 'string' ? { role, shown, state: 'read', text } : { role, shown, state: 'not-read' };
}

/**
 * The file's text (without a byte order mark, as an editor shows it), or why it was not read: its real path is
 * out of the folder `root`, it is not a regular file, or it is larger than `maxFileBytes` (checked on the open
 * file too, and never more than that read, should it grow in between).
 */
async function readBounded(file: string, root: string, maxFileBytes: number): Promise<string | Skipped> {
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
