/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The one way the project writes `~/.aws/config` and `~/.aws/credentials`. These files hold the user's keys:
// a half-written file, a lost edit made by another program meanwhile, a file turned world-readable, or a
// secret quoted in an error message are all worse than not writing at all. So a write:
// - refuses when the file changed on disk since it was read (compared by the sha256 of its bytes);
// - writes a temporary file in the same folder, fsyncs it and renames it over the file, so a reader sees the
//   old bytes or the new ones, never a mix, and a crash leaves the original in place;
// - follows a symlinked file to its target (dotfiles setups link ~/.aws/credentials) instead of replacing
//   the link with a plain file;
// - keeps the file's mode; creates a new file 0600 and a missing folder 0700;
// - refuses a read-only file (no write permission in its mode bits), which the rename would otherwise replace;
// - refuses a file larger than the read path reads (profileFileSize.ts), before reading it;
// - keeps the previous content as `<name>.bak`, `<name>.bak.1`, ... (0600) beside the path as named;
// - on failure removes its temporary file and leaves the original untouched;
// - removes the stale temporary files an earlier write left when it was killed midway (each a full copy of the
//   file, secrets included), so that they never pile up (see removeStaleTemporaries for what it may remove);
// - builds every error message from the path (`~/.aws/...` under the home folder) and the system error code
//   only, never from content.
// All disk access goes through a small port so the failures can be tested without touching Node's globals.

import { isUtf8 } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import { shownPath } from '../display/displayPath';
import { maxProfileFileBytes, tooLargeReason } from './profileFileSize';
import { OwnError } from '../display/ownError';

/** The part of a file's stat this module reads. */
export interface FileStats {
	readonly mode: number;
	readonly size: number;
	readonly uid: number;
	readonly gid: number;
	readonly mtimeMs: number;
	isFile(): boolean;
	isDirectory(): boolean;
	isSymbolicLink(): boolean;
}

/** An open file, as `node:fs/promises` FileHandle offers it. */
export interface FileHandlePort {
	writeFile(data: Uint8Array): Promise<void>;
	sync(): Promise<void>;
	chmod(mode: number): Promise<void>;
	close(): Promise<void>;
}

/** The file-system calls a safe write needs; `node:fs/promises` is one, a test's wrapper that fails on cue another. */
export interface FileSystemPort {
	readFile(path: string): Promise<Uint8Array>;
	stat(path: string): Promise<FileStats>;
	lstat(path: string): Promise<FileStats>;
	readdir(path: string): Promise<string[]>;
	readlink(path: string): Promise<string>;
	mkdir(path: string, options: { recursive: true; mode: number }): Promise<string | undefined>;
	open(path: string, flags: string, mode?: number): Promise<FileHandlePort>;
	rename(oldPath: string, newPath: string): Promise<void>;
	unlink(path: string): Promise<void>;
	chmod(path: string, mode: number): Promise<void>;
}

export const nodeFileSystem: FileSystemPort = nodeFs;

/**
 * A file as read for editing: its exact text and the hash of its bytes, which the write compares against
 * what is on disk then. A missing file is a normal start (a new machine): it is created on write.
 */
export type EditableFile =
	| { readonly path: string; readonly existed: true; readonly text: string; readonly hash: string }
	| { readonly path: string; readonly existed: false; readonly text: ''; readonly hash: undefined };

export interface ReadOptions {
	readonly fs?: FileSystemPort;
}

export interface WriteOptions {
	/** How many previous versions to keep (`.bak`, `.bak.1`, ...); 0 keeps none. */
	readonly backups?: number;
	readonly fs?: FileSystemPort;
}

export const defaultBackupCount = 5;

export interface WriteResult {
	/** The file as it now is on disk, ready for the next edit. */
	readonly file: EditableFile;
	/** False when the new text equals the old one: nothing was touched, no backup was rotated. */
	readonly written: boolean;
	/** Where the bytes went: the path itself, or the end of its chain of symbolic links. */
	readonly target: string;
	readonly created: boolean;
	/** The backup of the previous content made by this write, if any. */
	readonly backup?: string;
	/** Whether the folder's entry for the file was fsynced; not every platform allows it (Windows does not). */
	readonly folderSynced: boolean;
}

export type SafeWriteErrorCode =
	/** The file's bytes differ from those read (or it appeared or disappeared): another program wrote it. */
	| 'ChangedOnDisk'
	| 'IsFolder'
	/** The file cannot be read (EACCES/EPERM). */
	| 'Unreadable'
	/** No file can be created in the folder (EACCES/EPERM/EROFS). */
	| 'FolderNotWritable'
	/** The bytes are not UTF-8, or the new text cannot be encoded as UTF-8: a round trip would change bytes. */
	| 'NotUtf8'
	/** The file, or the edited text, is larger than maxProfileFileBytes. */
	| 'TooLarge'
	/** The file's mode gives the user no write permission: it was made read-only on purpose. */
	| 'ReadOnly'
	| 'BackupFailed'
	/** Any other reason the system gave for not reading: a path part that is not a folder, a link loop... */
	| 'ReadFailed'
	/** Any other reason the system gave for not writing: the disk is full, an I/O error... */
	| 'WriteFailed';

/** Why a read or write was refused. The message names the path and the system's reason, never content. */
export class SafeWriteError extends OwnError {
	override readonly name = 'SafeWriteError';

	constructor(
		readonly code: SafeWriteErrorCode,
		readonly path: string,
		message: string,
		/** The system error code behind it (`EACCES`, `ENOSPC`...), when there is one. */
		readonly systemCode?: string,
	) {
		super(message);
	}
}

const newFileMode = 0o600;
const newFolderMode = 0o700;
const backupMode = 0o600;
/** As many links as Linux follows before ELOOP. */
const maxLinks = 40;
/**
 * How long since a temporary file of ours was last written before it is taken for a leftover: far longer than any
 * write takes (a 64 MB file is written and synced in seconds), so that a write another process has in progress
 * keeps its file.
 */
export const staleTemporaryAgeMs = 10 * 60 * 1000;
/** The temporary files of the writes this process has in progress: never stale, however long a write stalls. */
const temporariesInUse = new Set<string>();

export async function readForEdit(filePath: string, options: ReadOptions = {}): Promise<EditableFile> {
	const fs = options.fs ?? nodeFileSystem;
	const bytes = await readCurrent(fs, filePath);
	if (bytes === undefined) {
		return { path: filePath, existed: false, text: '', hash: undefined };
	}
	return { path: filePath, existed: true, text: decode(bytes, filePath), hash: hashOf(bytes) };
}

export async function writeEdited(file: EditableFile, newText: string, options: WriteOptions = {}): Promise<WriteResult> {
	const fs = options.fs ?? nodeFileSystem;
	const backups = checkBackupCount(options.backups ?? defaultBackupCount);
	const bytes = encode(newText, file.path);
	const target = await resolveTarget(fs, file.path);
	const before = await assertUnchanged(fs, file, target);
	if (file.existed && newText === file.text) {
		return { file, written: false, target, created: false, folderSynced: false };
	}
	const mode = before === undefined ? newFileMode : writableMode(await statsOf(fs, target), file.path);
	if (before === undefined) {
		await ensureFolder(fs, path.dirname(target), file.path);
	}
	await removeStaleTemporaries(fs, target);
	await removeStaleTemporaries(fs, backupPath(file.path, 0));
	const temp = await writeTemporary(fs, target, bytes, mode, file.path);
	let backup: string | undefined;
	try {
		if (before !== undefined && backups > 0) {
			backup = await keepBackup(fs, file.path, before, backups);
		}
		// Checked again just before the rename: the window for a lost update is now the rename itself.
		await assertUnchanged(fs, file, target);
		await replace(fs, temp, target, file.path);
	} catch (error) {
		await removeQuietly(fs, temp);
		throw error;
	} finally {
		temporariesInUse.delete(temp);
	}
	const folderSynced = await syncFolder(fs, path.dirname(target));
	return {
		file: { path: file.path, existed: true, text: newText, hash: hashOf(bytes) },
		written: true,
		target,
		created: before === undefined,
		backup,
		folderSynced,
	};
}

/**
 * Keeps the file's content on disk as its newest backup (the older ones shifted), as writeEdited does before
 * it replaces the file: for a write this module does not make, the editor's save of a document (a quick fix
 * saved by auto-save). Nothing when the file is missing or already holds `newText`; the backup made, if any.
 */
export async function keepBackupBeforeSave(filePath: string, newText: string, options: WriteOptions = {}): Promise<string | undefined> {
	const fs = options.fs ?? nodeFileSystem;
	const backups = checkBackupCount(options.backups ?? defaultBackupCount);
	const before = await readCurrent(fs, filePath);
	if (before === undefined || backups === 0 || Buffer.from(before).equals(Buffer.from(newText, 'utf8'))) {
		return undefined;
	}
	await removeStaleTemporaries(fs, backupPath(filePath, 0));
	return keepBackup(fs, filePath, before, backups);
}

/** The name of the `index`-th backup: 0 is the newest, `credentials.bak`; then `credentials.bak.1`... */
export function backupPath(filePath: string, index: number): string {
	return index === 0 ? `${filePath}.bak` : `${filePath}.bak.${index}`;
}

export function hashOf(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

// --- reading ---

/**
 * The file's bytes now, or undefined when there is no file; a folder, an unreadable file or one larger than the read
 * path reads is an error. The size is checked before reading, so that no such file is ever read into memory.
 */
async function readCurrent(fs: FileSystemPort, filePath: string): Promise<Uint8Array | undefined> {
	let bytes: Uint8Array;
	try {
		const { size } = await fs.stat(filePath);
		if (size > maxProfileFileBytes) {
			throw tooLarge(filePath);
		}
		bytes = await fs.readFile(filePath);
	} catch (error) {
		if (error instanceof SafeWriteError) {
			throw error;
		}
		const code = systemCodeOf(error);
		if (code === 'ENOENT') {
			return undefined;
		}
		throw readError(code, filePath);
	}
	if (bytes.length > maxProfileFileBytes) { // it grew between the two calls
		throw tooLarge(filePath);
	}
	return bytes;
}

function tooLarge(filePath: string): SafeWriteError {
	return new SafeWriteError('TooLarge', filePath, `${shownPath(filePath)} was not edited: ${tooLargeReason}.`, 'EFBIG');
}

function readError(code: string | undefined, filePath: string): SafeWriteError {
	if (code === 'EISDIR') {
		return new SafeWriteError('IsFolder', filePath, `Cannot use ${shownPath(filePath)}: it is a folder, not a file.`, code);
	}
	if (code === 'EACCES' || code === 'EPERM') {
		return new SafeWriteError('Unreadable', filePath, `Cannot read ${shownPath(filePath)}: ${describeSystemError(code)}.`, code);
	}
	return new SafeWriteError('ReadFailed', filePath, `Cannot read ${shownPath(filePath)}: ${describeSystemError(code)}.`, code);
}

/**
 * Exact decoding: the BOM is kept as U+FEFF, and bytes that are not UTF-8 refuse the edit instead of becoming U+FFFD.
 * (isUtf8 then Buffer's decoding: several times faster than a fatal TextDecoder on a large file.)
 */
function decode(bytes: Uint8Array, filePath: string): string {
	if (!isUtf8(bytes)) {
		throw new SafeWriteError('NotUtf8', filePath,
			`${shownPath(filePath)} is not UTF-8 text; it is not edited, so that none of its bytes change.`);
	}
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * A lone surrogate would be written as U+FFFD, so the file would not hold the text the edit made. A text larger
 * than the read path reads is refused too: the edit would make a file that the project could not read again.
 */
function encode(text: string, filePath: string): Uint8Array {
	if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
		throw new SafeWriteError('NotUtf8', filePath,
			`The new text for ${shownPath(filePath)} has an unpaired UTF-16 surrogate and cannot be written as UTF-8.`);
	}
	const bytes = Buffer.from(text, 'utf8');
	if (bytes.length > maxProfileFileBytes) {
		throw new SafeWriteError('TooLarge', filePath,
			`${shownPath(filePath)} was not written: the edited file would be larger than ${maxProfileFileBytes / (1024 * 1024)} MB, more than the project reads.`);
	}
	return bytes;
}

// --- checks ---

/** Refuses when the bytes on disk are not those that were read; answers the bytes on disk. */
async function assertUnchanged(fs: FileSystemPort, file: EditableFile, target: string): Promise<Uint8Array | undefined> {
	const current = await readCurrent(fs, target);
	if (current === undefined && file.existed) {
		throw changedOnDisk(file.path, 'it was deleted since it was read');
	}
	if (current !== undefined && !file.existed) {
		throw changedOnDisk(file.path, 'another program created it since it was found missing');
	}
	if (current !== undefined && hashOf(current) !== file.hash) {
		throw changedOnDisk(file.path, 'another program changed it since it was read');
	}
	return current;
}

function changedOnDisk(filePath: string, why: string): SafeWriteError {
	return new SafeWriteError('ChangedOnDisk', filePath,
		`${shownPath(filePath)} was not written: ${why}. Read it again and redo the change.`);
}

function checkBackupCount(count: number): number {
	if (!Number.isInteger(count) || count < 0) {
		throw new RangeError(`The number of backups to keep must be a whole number, 0 or more; got ${count}.`);
	}
	return count;
}

// --- where and how ---

/** Follows the path's own chain of links (not its folders'), to the file to replace; a dangling link's target is created. */
async function resolveTarget(fs: FileSystemPort, filePath: string): Promise<string> {
	let current = filePath;
	for (let hop = 0; hop <= maxLinks; hop++) {
		let stats: FileStats;
		try {
			stats = await fs.lstat(current);
		} catch (error) {
			const code = systemCodeOf(error);
			if (code === 'ENOENT') {
				return current;
			}
			throw readError(code, filePath);
		}
		if (stats.isDirectory()) {
			throw readError('EISDIR', filePath);
		}
		if (!stats.isSymbolicLink()) {
			return current;
		}
		current = path.resolve(path.dirname(current), await readLink(fs, current, filePath));
	}
	throw readError('ELOOP', filePath);
}

async function readLink(fs: FileSystemPort, link: string, filePath: string): Promise<string> {
	try {
		return await fs.readlink(link);
	} catch (error) {
		throw readError(systemCodeOf(error), filePath);
	}
}

async function statsOf(fs: FileSystemPort, target: string): Promise<FileStats> {
	try {
		return await fs.lstat(target);
	} catch (error) {
		throw readError(systemCodeOf(error), target);
	}
}

/** The file's mode, to give the new file; a read-only file is refused rather than replaced by the rename. */
function writableMode(stats: FileStats, filePath: string): number {
	const mode = stats.mode & 0o7777;
	if (!modeLetsUserWrite(stats, currentUser())) {
		throw new SafeWriteError('ReadOnly', filePath,
			`${shownPath(filePath)} is read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); it was not changed. `
			+ 'Give yourself write permission on it first (chmod u+w) if you mean to change it.');
	}
	return mode;
}

/** Who runs this process, where the platform has users (not Windows). */
export interface UserIdentity {
	readonly uid: number;
	readonly gids: readonly number[];
}

function currentUser(): UserIdentity | undefined {
	if (typeof process.getuid !== 'function' || typeof process.getgroups !== 'function' || typeof process.getgid !== 'function') {
		return undefined;
	}
	return { uid: process.getuid(), gids: [process.getgid(), ...process.getgroups()] };
}

/**
 * Whether the mode bits give `user` write permission on the file, as access(2) reads them: the owner's bit for its
 * owner, the group's for a member, the others' for anyone else. Not access(2) itself, since the rename would replace
 * a file its user cannot write, and root may write any file: root is refused only a file that no one may write
 * (0444), which someone made read-only on purpose. Without users (Windows), the owner's bit is the read-only flag.
 */
export function modeLetsUserWrite(stats: Pick<FileStats, 'mode' | 'uid' | 'gid'>, user: UserIdentity | undefined): boolean {
	const mode = stats.mode;
	if (user === undefined) {
		return (mode & 0o200) !== 0;
	}
	if (user.uid === 0) {
		return (mode & 0o222) !== 0;
	}
	if (user.uid === stats.uid) {
		return (mode & 0o200) !== 0;
	}
	if (user.gids.includes(stats.gid)) {
		return (mode & 0o020) !== 0;
	}
	return (mode & 0o002) !== 0;
}

/** Creates the folder (and any missing parent) 0700, as the AWS CLI makes ~/.aws: it will hold secrets. */
async function ensureFolder(fs: FileSystemPort, folder: string, filePath: string): Promise<void> {
	try {
		await fs.mkdir(folder, { recursive: true, mode: newFolderMode });
	} catch (error) {
		throw folderError(systemCodeOf(error), folder, filePath, 'create the folder');
	}
}

function folderError(code: string | undefined, folder: string, filePath: string, action: string): SafeWriteError {
	const denied = code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
	return new SafeWriteError(denied ? 'FolderNotWritable' : 'WriteFailed', filePath,
		`Cannot ${action} ${shownPath(folder)}: ${describeSystemError(code)}; ${shownPath(filePath)} was not changed.`, code);
}

/** `.credentials.0123456789ab.tmp` beside `credentials`: hidden, and named for the file it will replace. */
function temporaryPath(finalPath: string): string {
	const name = `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`;
	return path.join(path.dirname(finalPath), name);
}

/** Whether `entry` is exactly a name temporaryPath gives for `finalPath`: nothing else beside it is one. */
function isTemporaryNameOf(entry: string, finalPath: string): boolean {
	const prefix = `.${path.basename(finalPath)}.`;
	const suffix = '.tmp';
	return entry.length === prefix.length + 12 + suffix.length && entry.startsWith(prefix) && entry.endsWith(suffix)
		&& /^[0-9a-f]{12}$/.test(entry.slice(prefix.length, prefix.length + 12));
}

/**
 * Removes what writes killed midway left beside `finalPath`: full copies of the file, secrets included. Only a file
 * that is certainly one of ours is removed, so that no other program's file can be: its name is exactly one that
 * temporaryPath gives for this very file (`.credentials.<12 hex digits>.tmp`, which no other program makes); it is a
 * plain file (not a link, nor a folder); it belongs to the user running this process; no write of this process is
 * using it; and it was last written more than staleTemporaryAgeMs ago, so a write still in progress in another
 * process (another window, the CLI) keeps it. Best effort: nothing here ever fails the write.
 */
async function removeStaleTemporaries(fs: FileSystemPort, finalPath: string): Promise<void> {
	const folder = path.dirname(finalPath);
	let names: string[];
	try {
		names = await fs.readdir(folder);
	} catch {
		return;
	}
	const uid = process.getuid?.();
	for (const name of names) {
		const candidate = path.join(folder, name);
		if (!isTemporaryNameOf(name, finalPath) || temporariesInUse.has(candidate)) {
			continue;
		}
		try {
			const stats = await fs.lstat(candidate);
			const ours = stats.isFile() && (uid === undefined || stats.uid === uid);
			if (ours && Date.now() - stats.mtimeMs > staleTemporaryAgeMs) {
				await fs.unlink(candidate);
			}
		} catch {
			// gone meanwhile, or not ours to remove: either way, not this write's concern
		}
	}
}

/**
 * Writes the bytes to a new temporary file beside `finalPath` and makes them durable. It is created 0600 and
 * only then given `mode`, so the content is never readable by others on the way. On failure it is removed.
 */
async function writeTemporary(fs: FileSystemPort, finalPath: string, bytes: Uint8Array, mode: number, filePath: string): Promise<string> {
	const temp = temporaryPath(finalPath);
	let handle: FileHandlePort;
	try {
		handle = await fs.open(temp, 'wx', newFileMode);
	} catch (error) {
		throw folderError(systemCodeOf(error), path.dirname(finalPath), filePath, 'write a file in the folder');
	}
	// In use until the caller renames or removes it (and forgets it).
	temporariesInUse.add(temp);
	try {
		await handle.writeFile(bytes);
		await handle.sync();
		await handle.chmod(mode);
	} catch (error) {
		await closeQuietly(handle);
		await removeQuietly(fs, temp);
		temporariesInUse.delete(temp);
		throw writeError(systemCodeOf(error), filePath);
	}
	try {
		await handle.close();
	} catch (error) {
		await removeQuietly(fs, temp);
		temporariesInUse.delete(temp);
		throw writeError(systemCodeOf(error), filePath);
	}
	return temp;
}

function writeError(code: string | undefined, filePath: string): SafeWriteError {
	return new SafeWriteError('WriteFailed', filePath,
		`Cannot write ${shownPath(filePath)}: ${describeSystemError(code)}; it was not changed.`, code);
}

async function replace(fs: FileSystemPort, temp: string, target: string, filePath: string): Promise<void> {
	try {
		await fs.rename(temp, target);
	} catch (error) {
		throw writeError(systemCodeOf(error), filePath);
	}
}

// --- backups ---

/**
 * Shifts `.bak` to `.bak.1` and so on, dropping the oldest of `count`, then writes the previous content as
 * `.bak`, atomically and 0600. Backups sit beside the path as named, not the link's target: that is where the
 * user looks, and it keeps extra copies of secrets out of a linked dotfiles folder that may be synced or versioned.
 */
async function keepBackup(fs: FileSystemPort, filePath: string, previous: Uint8Array, count: number): Promise<string> {
	const newest = backupPath(filePath, 0);
	try {
		for (let index = count - 1; index >= 1; index--) {
			await shiftBackup(fs, backupPath(filePath, index - 1), backupPath(filePath, index));
		}
	} catch (error) {
		throw backupError(systemCodeOf(error), filePath, newest);
	}
	let temp: string;
	try {
		temp = await writeTemporary(fs, newest, previous, backupMode, filePath);
	} catch (error) {
		throw backupError(error instanceof SafeWriteError ? error.systemCode : systemCodeOf(error), filePath, newest);
	}
	try {
		await fs.rename(temp, newest);
	} catch (error) {
		await removeQuietly(fs, temp);
		throw backupError(systemCodeOf(error), filePath, newest);
	} finally {
		temporariesInUse.delete(temp);
	}
	await syncFolder(fs, path.dirname(newest));
	return newest;
}

async function shiftBackup(fs: FileSystemPort, from: string, to: string): Promise<void> {
	try {
		await fs.rename(from, to);
	} catch (error) {
		if (systemCodeOf(error) === 'ENOENT') {
			return;
		}
		throw error;
	}
	// A backup another tool left readable by others is tightened as it moves; failing that is not worth a refusal.
	await fs.chmod(to, backupMode).catch(() => undefined);
}

function backupError(code: string | undefined, filePath: string, backup: string): SafeWriteError {
	return new SafeWriteError('BackupFailed', filePath,
		`Cannot keep a backup of ${shownPath(filePath)} as ${shownPath(backup)}: ${describeSystemError(code)}; ${shownPath(filePath)} was not changed.`, code);
}

// --- best-effort steps ---

/** Makes the rename durable. Windows cannot open a folder for fsync, and elsewhere a failure here is not a lost write. */
async function syncFolder(fs: FileSystemPort, folder: string): Promise<boolean> {
	if (process.platform === 'win32') {
		return false;
	}
	let handle: FileHandlePort | undefined;
	try {
		handle = await fs.open(folder, 'r');
		await handle.sync();
		return true;
	} catch {
		return false;
	} finally {
		if (handle) {
			await closeQuietly(handle);
		}
	}
}

async function closeQuietly(handle: FileHandlePort): Promise<void> {
	await handle.close().catch(() => undefined);
}

async function removeQuietly(fs: FileSystemPort, file: string): Promise<void> {
	await fs.unlink(file).catch(() => undefined);
}

// --- messages ---

function systemCodeOf(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** The reason in words, from the code alone: a system error's own message is never used, so no text can leak in. */
function describeSystemError(code: string | undefined): string {
	const reasons: Record<string, string> = {
		EACCES: 'permission denied',
		EPERM: 'permission denied',
		EROFS: 'the file system is read-only',
		ENOSPC: 'no space left on the device',
		EDQUOT: 'the disk quota is exceeded',
		EISDIR: 'it is a folder, not a file',
		ENOTDIR: 'a part of the path is not a folder',
		ENOENT: 'it does not exist',
		ELOOP: 'too many levels of symbolic links',
		EBUSY: 'it is in use by another program',
		EMFILE: 'too many open files',
		EIO: 'an input/output error',
		EEXIST: 'a file of that name already exists',
	};
	if (code === undefined) {
		return 'an unknown error';
	}
	return `${reasons[code] ?? 'a system error'} (${code})`;
}
