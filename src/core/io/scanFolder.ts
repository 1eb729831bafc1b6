/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Every reference file under a project folder, read and searched: what the lint command calls, and the reads of
// the files a reference needs beside its own (the `.env` files Serverless loads, a Terraform module's other
// files, the files Terraform blocks name). The walk and its bounds are projectFolderWalk.ts's; a file over
// `maxFileBytes` is not read but gets a "not checked: too large" reference (never silence). Reading never runs
// anything.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { displayPath } from '../display/displayPath';
import { fileLimitReference, findProfileReferences } from '../references/findReferences';
import { listReferenceFiles, readBounded, WalkOptions, walkDefaults } from './projectFolderWalk';
import type { DotenvFileText, ProfileReference, ReferenceFileKind } from '../references/profileReference';
import { isDotenvFile, isServerlessFile, isTerraformFile, isTerraformVariablesFile, referenceFileKind } from '../references/referenceFiles';
import { SharedFileRead, SharedFileRole, sharedFilesKey, SharedFilesText } from '../references/sharedFiles';
import { sharedFilePaths } from '../references/terraform';

export interface ScanOptions extends WalkOptions {
	/** Only this stage's references (see `FindOptions.stage`). */
	readonly stage?: string;
	/** The environment `${env:X}` reads (empty by default: never the process's own). */
	readonly env?: Readonly<Record<string, string>>;
	/** What `env` is, for messages (`FindOptions.envSource`). */
	readonly envSource?: string;
	/** The home folder, for `~` in Terraform's `shared_credentials_files`; without it such a file is not read. */
	readonly home?: string;
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

export async function scanProjectFolder(folder: string, options: ScanOptions = {}): Promise<ScannedFile[]> {
	const root = await fs.realpath(folder).catch(() => undefined);
	if (root === undefined) {
		return [];
	}
	const files = await listReferenceFiles(folder, root, options);
	const maxFileBytes = options.maxFileBytes ?? walkDefaults.maxFileBytes;
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

/** The `.env` files next to a Serverless file, which Serverless may load. */
export async function dotenvFilesBeside(file: string, root: string, maxFileBytes: number = walkDefaults.maxFileBytes): Promise<DotenvFileText[]> {
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
export async function terraformModuleFiles(file: string, root: string, maxFileBytes: number = walkDefaults.maxFileBytes): Promise<DotenvFileText[]> {
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
	references: readonly ProfileReference[], file: string, root: string, home: string | undefined, maxFileBytes: number = walkDefaults.maxFileBytes,
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
