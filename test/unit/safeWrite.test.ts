/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { maxProfileFileBytes } from '../../src/core/io/profileFileSize';
import {
	backupPath, EditableFile, FileHandlePort, FileSystemPort, keepBackupBeforeSave, modeLetsUserWrite, nodeFileSystem, readForEdit, SafeWriteError,
	SafeWriteErrorCode, staleTemporaryAgeMs, writeEdited,
} from '../../src/core/io/safeWrite';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const credentials = `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n`;
const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

/** An error as Node's fs raises it, with a message that (unlike Node's) quotes the secret, to prove we never use it. */
function systemError(code: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: simulated failure near "${secret}"`), { code });
}

/** The real file system with some calls replaced. */
function withFaults(overrides: Partial<FileSystemPort>): FileSystemPort {
	return { ...nodeFileSystem, ...overrides };
}

/** The real file system whose opened files fail (or do something) at one step; `real` is the file's own handle. */
function withHandleFaults(handleOverrides: (file: string, real: FileHandlePort) => Partial<FileHandlePort>): FileSystemPort {
	return withFaults({
		open: async (file, flags, mode) => {
			const handle = await fs.promises.open(file, flags, mode);
			const real: FileHandlePort = {
				writeFile: (data) => handle.writeFile(data),
				sync: () => handle.sync(),
				chmod: (m) => handle.chmod(m),
				close: () => handle.close(),
			};
			return { ...real, ...handleOverrides(file, real) };
		},
	});
}

async function rejection(promise: Promise<unknown>, code: SafeWriteErrorCode): Promise<SafeWriteError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof SafeWriteError, `not a SafeWriteError: ${String(error)}`);
		assert.equal(error.code, code, error.message);
		assertNoSecret(error);
		return error;
	}
	assert.fail(`expected ${code}`);
}

function assertNoSecret(error: SafeWriteError): void {
	for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error)]) {
		assert.ok(!text.includes(secret) && !text.includes('wJalr'), `secret in: ${text}`);
	}
}

function modeOf(file: string): number {
	return fs.statSync(file).mode & 0o777;
}

function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

describe('Safe write of the AWS files', () => {
	let dir: string;
	let file: string;

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-safewrite-'));
		file = path.join(dir, 'credentials');
	});

	afterEach(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	/** What the folder holds besides the file and its backups: nothing, after any write, good or failed. */
	function leftovers(folder = dir): string[] {
		return fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'));
	}

	describe('reading', () => {
		it('returns the text, the sha256 of the bytes, and that it existed', async () => {
			fs.writeFileSync(file, credentials);
			const read = await readForEdit(file);
			assert.equal(read.existed, true);
			assert.equal(read.text, credentials);
			assert.equal(read.hash, sha256(Buffer.from(credentials)));
			assert.equal(read.path, file);
		});

		it('reads a missing file as empty and absent', async () => {
			const read = await readForEdit(file);
			assert.deepEqual(read, { path: file, existed: false, text: '', hash: undefined });
		});

		it('keeps the BOM in the text', async () => {
			fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[default]\r\n')]));
			const read = await readForEdit(file);
			assert.equal(read.text, '\ufeff[default]\r\n');
		});

		it('refuses bytes that are not UTF-8, rather than changing them', async () => {
			fs.writeFileSync(file, Buffer.from([0x5b, 0x64, 0x65, 0x76, 0x5d, 0x0a, 0xe9, 0xff, 0x0a]));
			const error = await rejection(readForEdit(file), 'NotUtf8');
			assert.ok(error.message.includes(file));
		});

		it('says so when the path is a folder', async () => {
			fs.mkdirSync(file);
			const error = await rejection(readForEdit(file), 'IsFolder');
			assert.equal(error.message, `Cannot use ${file}: it is a folder, not a file.`);
		});

		it('says so when the file cannot be read (EACCES), naming the path and the reason', async () => {
			fs.writeFileSync(file, credentials);
			const port = withFaults({ readFile: async () => { throw systemError('EACCES'); } });
			const error = await rejection(readForEdit(file, { fs: port }), 'Unreadable');
			assert.equal(error.message, `Cannot read ${file}: permission denied (EACCES).`);
			assert.equal(error.systemCode, 'EACCES');
		});

		it('says so for a real unreadable file', async function () {
			if (isRoot || !posix) {
				this.skip();
			}
			fs.writeFileSync(file, credentials);
			fs.chmodSync(file, 0o000);
			await rejection(readForEdit(file), 'Unreadable');
		});
	});

	describe('writing', () => {
		it('replaces the content and returns the file ready for the next edit', async () => {
			fs.writeFileSync(file, credentials);
			const first = await writeEdited(await readForEdit(file), credentials + '[dev]\n');
			assert.equal(first.written, true);
			assert.equal(first.created, false);
			assert.equal(first.target, file);
			assert.equal(fs.readFileSync(file, 'utf8'), credentials + '[dev]\n');
			assert.equal(first.file.hash, sha256(fs.readFileSync(file)));
			const second = await writeEdited(first.file, credentials);
			assert.equal(fs.readFileSync(file, 'utf8'), credentials);
			assert.equal(second.written, true);
			assert.deepEqual(leftovers(), []);
		});

		it('keeps CRLF and the BOM byte for byte', async () => {
			const bom = Buffer.from([0xef, 0xbb, 0xbf]);
			fs.writeFileSync(file, Buffer.concat([bom, Buffer.from('[default]\r\nregion = us-east-1\r\n')]));
			const read = await readForEdit(file);
			await writeEdited(read, read.text.replace('us-east-1', 'eu-west-1'));
			assert.deepEqual(fs.readFileSync(file), Buffer.concat([bom, Buffer.from('[default]\r\nregion = eu-west-1\r\n')]));
		});

		it('writes nothing, and rotates no backup, when the text did not change', async () => {
			fs.writeFileSync(file, credentials);
			const result = await writeEdited(await readForEdit(file), credentials);
			assert.equal(result.written, false);
			assert.equal(result.backup, undefined);
			assert.deepEqual(fs.readdirSync(dir), ['credentials']);
		});

		it('refuses text that cannot be written as UTF-8', async () => {
			fs.writeFileSync(file, credentials);
			await rejection(writeEdited(await readForEdit(file), credentials + '\ud800'), 'NotUtf8');
			assert.equal(fs.readFileSync(file, 'utf8'), credentials);
		});

		it('refuses a negative number of backups', async () => {
			await assert.rejects(writeEdited(await readForEdit(file), 'x', { backups: -1 }), RangeError);
		});
	});

	describe('conflicts', () => {
		it('refuses when another program changed the file since it was read', async () => {
			fs.writeFileSync(file, credentials);
			const read = await readForEdit(file);
			fs.writeFileSync(file, credentials + '[theirs]\n');
			const error = await rejection(writeEdited(read, credentials + '[mine]\n'), 'ChangedOnDisk');
			assert.match(error.message, /another program changed it since it was read/);
			assert.ok(error.message.includes(file));
			assert.equal(fs.readFileSync(file, 'utf8'), credentials + '[theirs]\n');
			assert.deepEqual(fs.readdirSync(dir), ['credentials'], 'no temp file, no backup');
		});

		it('refuses when the file was deleted since it was read', async () => {
			fs.writeFileSync(file, credentials);
			const read = await readForEdit(file);
			fs.unlinkSync(file);
			await rejection(writeEdited(read, credentials), 'ChangedOnDisk');
			assert.deepEqual(fs.readdirSync(dir), []);
		});

		it('refuses when the file was created since it was found missing', async () => {
			const read = await readForEdit(file);
			fs.writeFileSync(file, credentials);
			await rejection(writeEdited(read, '[mine]\n'), 'ChangedOnDisk');
			assert.equal(fs.readFileSync(file, 'utf8'), credentials);
		});

		it('checks again just before the rename', async () => {
			fs.writeFileSync(file, credentials);
			const read = await readForEdit(file);
			// Another program writes while our temporary file is being made durable.
			const port = withHandleFaults((opened) => opened.endsWith('.tmp') && opened.includes('.credentials.')
				? { sync: async () => fs.writeFileSync(file, '[theirs]\n') }
				: {});
			await rejection(writeEdited(read, '[mine]\n', { fs: port }), 'ChangedOnDisk');
			assert.equal(fs.readFileSync(file, 'utf8'), '[theirs]\n');
			assert.deepEqual(leftovers(), []);
		});
	});

	describe('atomicity', () => {
		it('leaves the original intact and no temporary file when the rename fails', async () => {
			fs.writeFileSync(file, credentials);
			const port = withFaults({
				rename: async (from, to) => {
					if (to === file) {
						throw systemError('EIO');
					}
					await fs.promises.rename(from, to);
				},
			});
			const error = await rejection(writeEdited(await readForEdit(file), 'x', { fs: port, backups: 0 }), 'WriteFailed');
			assert.equal(error.message, `Cannot write ${file}: an input/output error (EIO); it was not changed.`);
			assert.equal(fs.readFileSync(file, 'utf8'), credentials);
			assert.deepEqual(leftovers(), []);
		});

		for (const [step, code, reason] of [
			['writeFile', 'ENOSPC', 'no space left on the device'],
			['sync', 'EIO', 'an input/output error'],
			['chmod', 'EPERM', 'permission denied'],
			['close', 'EIO', 'an input/output error'],
		] as const) {
			it(`leaves the original intact and no temporary file when ${step} fails (${code})`, async () => {
				fs.writeFileSync(file, credentials);
				const port = withHandleFaults((_file, real) => ({
					[step]: async () => {
						if (step === 'close') {
							await real.close(); // Closed, yet reported as failed: no descriptor is leaked by the test.
						}
						throw systemError(code);
					},
				}));
				const error = await rejection(writeEdited(await readForEdit(file), 'x', { fs: port }), 'WriteFailed');
				assert.ok(error.message.includes(reason), error.message);
				assert.equal(fs.readFileSync(file, 'utf8'), credentials);
				assert.deepEqual(leftovers(), []);
			});
		}

		it('makes the rename durable by syncing the folder where the platform allows', async () => {
			fs.writeFileSync(file, credentials);
			const result = await writeEdited(await readForEdit(file), 'x');
			assert.equal(result.folderSynced, posix);
		});
	});

	describe('folders and permissions', () => {
		it('creates a new file 0600 in a new folder 0700', async function () {
			if (!posix) {
				this.skip();
			}
			const aws = path.join(dir, 'home', '.aws');
			const config = path.join(aws, 'config');
			const result = await writeEdited(await readForEdit(config), '[default]\n');
			assert.equal(result.created, true);
			assert.equal(result.backup, undefined);
			assert.equal(fs.readFileSync(config, 'utf8'), '[default]\n');
			assert.equal(modeOf(config), 0o600);
			assert.equal(modeOf(aws), 0o700);
			assert.deepEqual(fs.readdirSync(aws), ['config']);
		});

		it('keeps the mode of an existing file', async function () {
			if (!posix) {
				this.skip();
			}
			for (const mode of [0o644, 0o640, 0o600]) {
				fs.writeFileSync(file, credentials);
				fs.chmodSync(file, mode);
				await writeEdited(await readForEdit(file), credentials + `# ${mode}\n`, { backups: 0 });
				assert.equal(modeOf(file), mode);
			}
		});

		it('says so when the path became a folder', async () => {
			const read = await readForEdit(file);
			fs.mkdirSync(file);
			const error = await rejection(writeEdited(read, 'x'), 'IsFolder');
			assert.ok(error.message.includes(file));
		});

		it('says so when the folder is not writable, naming it and the reason', async () => {
			fs.writeFileSync(file, credentials);
			const port = withFaults({
				open: async (opened, flags, mode) => {
					if (flags === 'wx') {
						throw systemError('EACCES');
					}
					return fs.promises.open(opened, flags, mode);
				},
			});
			const error = await rejection(writeEdited(await readForEdit(file), 'x', { fs: port }), 'FolderNotWritable');
			assert.equal(error.message,
				`Cannot write a file in the folder ${dir}: permission denied (EACCES); ${file} was not changed.`);
			assert.equal(fs.readFileSync(file, 'utf8'), credentials);
		});

		it('says so when the folder cannot be created', async () => {
			const config = path.join(dir, 'missing', 'config');
			const port = withFaults({ mkdir: async () => { throw systemError('EROFS'); } });
			const error = await rejection(writeEdited(await readForEdit(config), 'x', { fs: port }), 'FolderNotWritable');
			assert.match(error.message, /the file system is read-only \(EROFS\)/);
		});

		it('says so for a real read-only folder', async function () {
			if (isRoot || !posix) {
				this.skip();
			}
			fs.writeFileSync(file, credentials);
			const read = await readForEdit(file);
			fs.chmodSync(dir, 0o500);
			try {
				await rejection(writeEdited(read, 'x'), 'FolderNotWritable');
				assert.equal(fs.readFileSync(file, 'utf8'), credentials);
			} finally {
				fs.chmodSync(dir, 0o700);
			}
		});

		it('says so when the file cannot be read any more at write time', async () => {
			fs.writeFileSync(file, credentials);
			const read = await readForEdit(file);
			const port = withFaults({ readFile: async () => { throw systemError('EACCES'); } });
			await rejection(writeEdited(read, 'x', { fs: port }), 'Unreadable');
			assert.equal(fs.readFileSync(file, 'utf8'), credentials);
		});
	});

	describe('symbolic links', function () {
		let real: string;

		beforeEach(function () {
			real = path.join(dir, 'dotfiles', 'aws-credentials');
			fs.mkdirSync(path.dirname(real));
			fs.mkdirSync(path.join(dir, '.aws'));
			file = path.join(dir, '.aws', 'credentials');
			try {
				fs.symlinkSync(path.join('..', 'dotfiles', 'aws-credentials'), file);
			} catch {
				this.skip(); // Windows without the right to make links.
			}
		});

		it('writes the link target and leaves the link a link', async () => {
			fs.writeFileSync(real, credentials);
			fs.chmodSync(real, 0o640);
			const result = await writeEdited(await readForEdit(file), credentials + '[dev]\n');
			assert.equal(result.target, real);
			assert.ok(fs.lstatSync(file).isSymbolicLink());
			assert.equal(fs.readlinkSync(file), path.join('..', 'dotfiles', 'aws-credentials'));
			assert.equal(fs.readFileSync(real, 'utf8'), credentials + '[dev]\n');
			if (posix) {
				assert.equal(modeOf(real), 0o640);
			}
			assert.deepEqual(leftovers(path.dirname(real)), []);
		});

		it('keeps the backup beside the link, not in the linked folder', async () => {
			fs.writeFileSync(real, credentials);
			const result = await writeEdited(await readForEdit(file), 'x');
			assert.equal(result.backup, `${file}.bak`);
			assert.equal(fs.readFileSync(`${file}.bak`, 'utf8'), credentials);
			assert.deepEqual(fs.readdirSync(path.dirname(real)), ['aws-credentials']);
		});

		it('follows a chain of links', async () => {
			fs.writeFileSync(real, credentials);
			const outer = path.join(dir, 'outer');
			fs.symlinkSync(file, outer);
			const result = await writeEdited(await readForEdit(outer), 'x', { backups: 0 });
			assert.equal(result.target, real);
			assert.ok(fs.lstatSync(outer).isSymbolicLink() && fs.lstatSync(file).isSymbolicLink());
			assert.equal(fs.readFileSync(real, 'utf8'), 'x');
		});

		it('creates the target of a dangling link, 0600', async () => {
			const result = await writeEdited(await readForEdit(file), '[default]\n');
			assert.equal(result.created, true);
			assert.ok(fs.lstatSync(file).isSymbolicLink());
			assert.equal(fs.readFileSync(real, 'utf8'), '[default]\n');
			if (posix) {
				assert.equal(modeOf(real), 0o600);
			}
		});

		it('refuses a loop of links', async () => {
			fs.rmSync(file);
			const other = path.join(dir, 'loop');
			fs.symlinkSync(other, file);
			fs.symlinkSync(file, other);
			const error = await rejection(writeEdited({ path: file, existed: false, text: '', hash: undefined }, 'x'), 'ReadFailed');
			assert.match(error.message, /too many levels of symbolic links/);
		});
	});

	describe('backups', () => {
		async function writeVersions(count: number, backups?: number): Promise<void> {
			fs.writeFileSync(file, 'version 0\n');
			let current: EditableFile = await readForEdit(file);
			for (let version = 1; version <= count; version++) {
				current = (await writeEdited(current, `version ${version}\n`, { backups })).file;
			}
		}

		it('keeps the previous content as .bak, 0600 even when the file is not', async function () {
			fs.writeFileSync(file, credentials);
			if (posix) {
				fs.chmodSync(file, 0o644);
			}
			const result = await writeEdited(await readForEdit(file), 'x');
			assert.equal(result.backup, `${file}.bak`);
			assert.equal(fs.readFileSync(`${file}.bak`, 'utf8'), credentials);
			if (posix) {
				assert.equal(modeOf(`${file}.bak`), 0o600);
				assert.equal(modeOf(file), 0o644);
			}
		});

		it('rotates and keeps the last 5 by default', async () => {
			await writeVersions(8);
			assert.equal(fs.readFileSync(file, 'utf8'), 'version 8\n');
			for (let index = 0; index < 5; index++) {
				assert.equal(fs.readFileSync(backupPath(file, index), 'utf8'), `version ${7 - index}\n`);
				if (posix) {
					assert.equal(modeOf(backupPath(file, index)), 0o600);
				}
			}
			assert.deepEqual(fs.readdirSync(dir).sort(), ['credentials', 'credentials.bak', 'credentials.bak.1',
				'credentials.bak.2', 'credentials.bak.3', 'credentials.bak.4']);
		});

		it('keeps the number asked for, or none', async () => {
			await writeVersions(4, 2);
			assert.deepEqual(fs.readdirSync(dir).sort(), ['credentials', 'credentials.bak', 'credentials.bak.1']);
			assert.equal(fs.readFileSync(`${file}.bak.1`, 'utf8'), 'version 2\n');
			fs.rmSync(`${file}.bak`);
			fs.rmSync(`${file}.bak.1`);
			await writeVersions(3, 0);
			assert.deepEqual(fs.readdirSync(dir), ['credentials']);
		});

		it('tightens a backup another tool left readable as it rotates it', async function () {
			if (!posix) {
				this.skip();
			}
			fs.writeFileSync(`${file}.bak`, 'old\n', { mode: 0o644 });
			fs.chmodSync(`${file}.bak`, 0o644);
			fs.writeFileSync(file, credentials);
			await writeEdited(await readForEdit(file), 'x');
			assert.equal(modeOf(`${file}.bak.1`), 0o600);
			assert.equal(fs.readFileSync(`${file}.bak.1`, 'utf8'), 'old\n');
		});

		it('refuses the write, leaving the original, when the backup cannot be kept', async () => {
			fs.writeFileSync(file, credentials);
			const port = withFaults({
				rename: async (from, to) => {
					if (to === `${file}.bak`) {
						throw systemError('ENOSPC');
					}
					await fs.promises.rename(from, to);
				},
			});
			const error = await rejection(writeEdited(await readForEdit(file), 'x', { fs: port }), 'BackupFailed');
			assert.equal(error.message, `Cannot keep a backup of ${file} as ${file}.bak: `
				+ `no space left on the device (ENOSPC); ${file} was not changed.`);
			assert.equal(fs.readFileSync(file, 'utf8'), credentials);
			assert.deepEqual(leftovers(), []);
		});
	});

	describe('backups before a save made by another writer (the editor)', () => {
		it('keeps the content on disk as .bak, 0600, rotating the older ones as a write does', async () => {
			fs.writeFileSync(file, credentials);
			if (posix) {
				fs.chmodSync(file, 0o644);
			}
			fs.writeFileSync(`${file}.bak`, 'older\n');
			assert.equal(await keepBackupBeforeSave(file, 'saved text\n'), `${file}.bak`);
			assert.equal(fs.readFileSync(`${file}.bak`, 'utf8'), credentials);
			assert.equal(fs.readFileSync(`${file}.bak.1`, 'utf8'), 'older\n');
			assert.equal(fs.readFileSync(file, 'utf8'), credentials, 'the file itself is the saver\'s to write');
			if (posix) {
				assert.equal(modeOf(`${file}.bak`), 0o600);
				assert.equal(modeOf(`${file}.bak.1`), 0o600);
			}
			assert.deepEqual(leftovers(), []);
		});

		it('keeps nothing for a missing file, a save of the same text, or a count of 0', async () => {
			assert.equal(await keepBackupBeforeSave(file, 'x'), undefined);
			fs.writeFileSync(file, credentials);
			assert.equal(await keepBackupBeforeSave(file, credentials), undefined);
			assert.equal(await keepBackupBeforeSave(file, 'x', { backups: 0 }), undefined);
			assert.deepEqual(fs.readdirSync(dir), ['credentials']);
		});

		it('says why, without content, when the backup cannot be kept', async () => {
			fs.writeFileSync(file, credentials);
			const port = withFaults({ open: () => Promise.reject(systemError('ENOSPC')) });
			const error = await rejection(keepBackupBeforeSave(file, 'x', { fs: port }), 'BackupFailed');
			assert.match(error.message, /^Cannot keep a backup of .+ as .+\.bak: no space left on the device \(ENOSPC\)/);
		});
	});

	describe('leftover temporary files', () => {
		/** Makes `name` in the folder look last written `ageMs` ago. */
		function age(name: string, ageMs = staleTemporaryAgeMs + 60_000): void {
			const then = new Date(Date.now() - ageMs);
			fs.lutimesSync(path.join(dir, name), then, then);
		}

		it('removes those of this file that killed writes left, its own and its backup\'s, and nothing else', async function () {
			if (!posix) {
				this.skip();
			}
			fs.writeFileSync(file, credentials);
			const stale = ['.credentials.0123456789ab.tmp', '.credentials.bak.a1b2c3d4e5f6.tmp'];
			const kept = [
				'.credentials.0123456789AB.tmp', // not a name we make: upper-case digits
				'.credentials.0123456789a.tmp', // 11 digits
				'.credentials.0123456789ab.tmp.keep',
				'credentials.0123456789ab.tmp', // not hidden
				'.credentials-old.0123456789ab.tmp', // another file's
				'.xcredentials.0123456789ab.tmp',
				'.credentials.bak.1.0123456789ab.tmp',
				'.credentials.00000000000a.tmp', // ours, but written a moment ago: maybe another process's write in progress
			];
			for (const name of [...stale, ...kept]) {
				fs.writeFileSync(path.join(dir, name), credentials, { mode: 0o600 });
				age(name);
			}
			age('.credentials.00000000000a.tmp', 1000);
			fs.mkdirSync(path.join(dir, '.credentials.fedcba987654.tmp')); // a folder
			age('.credentials.fedcba987654.tmp');
			fs.symlinkSync(file, path.join(dir, '.credentials.ffffffffffff.tmp')); // a link
			age('.credentials.ffffffffffff.tmp');
			kept.push('.credentials.fedcba987654.tmp', '.credentials.ffffffffffff.tmp');
			if (isRoot) {
				fs.writeFileSync(path.join(dir, '.credentials.abcdefabcdef.tmp'), 'another user\'s\n');
				fs.chownSync(path.join(dir, '.credentials.abcdefabcdef.tmp'), 4242, 4242);
				age('.credentials.abcdefabcdef.tmp');
				kept.push('.credentials.abcdefabcdef.tmp');
			}

			await writeEdited(await readForEdit(file), credentials + '[dev]\n');
			const names = fs.readdirSync(dir);
			for (const name of stale) {
				assert.ok(!names.includes(name), `${name} left`);
			}
			for (const name of kept) {
				assert.ok(names.includes(name), `${name} removed`);
			}
			assert.deepEqual(names.filter((name) => !kept.includes(name)).sort(), ['credentials', 'credentials.bak']);
		});

		it('removes a leftover beside the link\'s target, and the backup\'s beside the link', async function () {
			if (!posix) {
				this.skip();
			}
			const real = path.join(dir, 'dotfiles');
			fs.mkdirSync(real);
			fs.writeFileSync(path.join(real, 'aws-credentials'), credentials);
			fs.symlinkSync(path.join(real, 'aws-credentials'), file);
			fs.writeFileSync(path.join(real, '.aws-credentials.0123456789ab.tmp'), credentials);
			fs.writeFileSync(path.join(dir, '.credentials.bak.0123456789ab.tmp'), credentials);
			age('dotfiles/.aws-credentials.0123456789ab.tmp');
			age('.credentials.bak.0123456789ab.tmp');
			await writeEdited(await readForEdit(file), 'x');
			assert.deepEqual(fs.readdirSync(real), ['aws-credentials']);
			assert.deepEqual(fs.readdirSync(dir).sort(), ['credentials', 'credentials.bak', 'dotfiles']);
		});

		it('keeps the temporary file of a write this process has in progress, however old', async () => {
			fs.writeFileSync(file, credentials);
			let release!: () => void;
			const gate = new Promise<void>((resolve) => release = resolve);
			let stalled!: () => void;
			const reached = new Promise<void>((resolve) => stalled = resolve);
			let reads = 0;
			// The second read is the check just before the rename: the temporary file is written by then.
			const stalling = withFaults({
				readFile: async (name) => {
					if (++reads === 2) {
						stalled();
						await gate;
					}
					return nodeFileSystem.readFile(name);
				},
			});
			const first = writeEdited(await readForEdit(file), credentials + '# first\n', { fs: stalling, backups: 0 });
			await reached;
			const [temp] = leftovers().map((name) => path.join(dir, name));
			assert.ok(temp, 'the stalled write has written its temporary file');
			age(path.basename(temp));
			await writeEdited(await readForEdit(file), credentials + '# second\n', { backups: 0 });
			assert.ok(fs.existsSync(temp), 'the write in progress lost its temporary file');
			release();
			await rejection(first, 'ChangedOnDisk'); // the second write changed the file meanwhile
			assert.equal(fs.readFileSync(file, 'utf8'), credentials + '# second\n');
			assert.deepEqual(leftovers(), []);
		});

		it('never fails a write when a leftover cannot be removed', async () => {
			fs.writeFileSync(file, credentials);
			fs.writeFileSync(path.join(dir, '.credentials.0123456789ab.tmp'), credentials);
			age('.credentials.0123456789ab.tmp');
			const port = withFaults({ unlink: async () => { throw systemError('EPERM'); } });
			await writeEdited(await readForEdit(file), 'x', { fs: port, backups: 0 });
			assert.equal(fs.readFileSync(file, 'utf8'), 'x');
		});
	});

	describe('read-only files', () => {
		for (const mode of [0o444, 0o400, 0o555]) {
			it(`refuses a file of mode 0${mode.toString(8)}, writing nothing and leaving no temporary file`, async function () {
				if (!posix) {
					this.skip();
				}
				fs.writeFileSync(file, credentials);
				fs.chmodSync(file, mode);
				const error = await rejection(writeEdited(await readForEdit(file), credentials + '[dev]\n'), 'ReadOnly');
				assert.equal(error.message, `${file} is read-only (mode 0${mode.toString(8)}); it was not changed. `
					+ 'Give yourself write permission on it first (chmod u+w) if you mean to change it.');
				assert.equal(fs.readFileSync(file, 'utf8'), credentials);
				assert.equal(modeOf(file), mode);
				assert.deepEqual(fs.readdirSync(dir), ['credentials']);
			});
		}

		it('refuses a read-only link target, and leaves the link alone', async function () {
			if (!posix) {
				this.skip();
			}
			const target = path.join(dir, 'target');
			fs.writeFileSync(target, credentials);
			fs.chmodSync(target, 0o444);
			fs.symlinkSync(target, file);
			await rejection(writeEdited(await readForEdit(file), 'x'), 'ReadOnly');
			assert.equal(fs.readFileSync(target, 'utf8'), credentials);
			assert.ok(fs.lstatSync(file).isSymbolicLink());
		});

		it('reads the mode bits as access(2) does, except that root is refused only a file no one may write', () => {
			const user = { uid: 1000, gids: [1000, 27] };
			const stats = (mode: number, uid = 1000, gid = 1000) => ({ mode: 0o100000 | mode, uid, gid });
			assert.equal(modeLetsUserWrite(stats(0o644), user), true);
			assert.equal(modeLetsUserWrite(stats(0o444), user), false);
			assert.equal(modeLetsUserWrite(stats(0o464), user), false, 'the owner\'s bit decides for the owner');
			assert.equal(modeLetsUserWrite(stats(0o464, 0, 27), user), true, 'a member of the group');
			assert.equal(modeLetsUserWrite(stats(0o644, 0, 27), user), false);
			assert.equal(modeLetsUserWrite(stats(0o646, 0, 0), user), true, 'anyone else');
			assert.equal(modeLetsUserWrite(stats(0o644, 0, 0), user), false, 'another user\'s file the rename would replace');
			const root = { uid: 0, gids: [0] };
			assert.equal(modeLetsUserWrite(stats(0o600), root), true);
			assert.equal(modeLetsUserWrite(stats(0o444), root), false);
			assert.equal(modeLetsUserWrite(stats(0o666), undefined), true, 'no users: the read-only flag');
			assert.equal(modeLetsUserWrite(stats(0o444), undefined), false);
		});
	});

	describe('size', () => {
		it('refuses to read for edit a file larger than the read path reads, before reading it', async () => {
			fs.writeFileSync(file, '');
			fs.truncateSync(file, maxProfileFileBytes + 1); // sparse: no disk is written
			const read: string[] = [];
			const port = withFaults({ readFile: async (name) => { read.push(name); return nodeFileSystem.readFile(name); } });
			const error = await rejection(readForEdit(file, { fs: port }), 'TooLarge');
			assert.equal(error.message,
				`${file} was not edited: it is larger than 64 MB, far more than any AWS config or credentials file, so it was not read.`);
			assert.deepEqual(read, []);
		});

		it('refuses when the file grew larger than the limit since it was read', async () => {
			fs.writeFileSync(file, credentials);
			const read = await readForEdit(file);
			fs.truncateSync(file, maxProfileFileBytes + 1);
			await rejection(writeEdited(read, 'x'), 'TooLarge');
			assert.deepEqual(leftovers(), []);
		});

		it('refuses an edit that would make the file larger than the limit', async () => {
			fs.writeFileSync(file, credentials);
			const error = await rejection(writeEdited(await readForEdit(file), credentials + '#'.repeat(maxProfileFileBytes)), 'TooLarge');
			assert.ok(error.message.startsWith(`${file} was not written: the edited file would be larger than 64 MB`), error.message);
			assert.equal(fs.readFileSync(file, 'utf8'), credentials);
			assert.deepEqual(fs.readdirSync(dir), ['credentials']);
		});
	});

	describe('secrets', () => {
		it('quotes no content in any error, even when the system error did', async () => {
			fs.writeFileSync(file, credentials);
			const failing: [Partial<FileSystemPort>, SafeWriteErrorCode][] = [
				[{ readFile: async () => { throw systemError('EACCES'); } }, 'Unreadable'],
				[{ readFile: async () => { throw systemError('EIO'); } }, 'ReadFailed'],
				[{ readFile: async () => { throw new Error(secret); } }, 'ReadFailed'],
				[{ lstat: async () => { throw systemError('ENOTDIR'); } }, 'ReadFailed'],
				[{ open: async () => { throw systemError('EACCES'); } }, 'FolderNotWritable'],
				[{ rename: async () => { throw systemError('EBUSY'); } }, 'BackupFailed'],
			];
			const read = await readForEdit(file);
			for (const [overrides, code] of failing) {
				await rejection(writeEdited(read, `${credentials}# ${secret}\n`, { fs: withFaults(overrides) }), code);
			}
			fs.writeFileSync(file, `${credentials}[changed]\n`);
			await rejection(writeEdited(read, `${credentials}# ${secret}\n`), 'ChangedOnDisk');
			assert.deepEqual(leftovers(), []);
		});
	});
});
