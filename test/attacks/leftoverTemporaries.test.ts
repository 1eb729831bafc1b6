/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The attack: a write killed midway (`kill -9`) leaves `.credentials.<hex>.tmp` and `.credentials.bak.<hex>.tmp`
// beside the file, each a full copy with the secrets, and nothing removed them. Here a child process writes through
// a file system that stalls once both temporary files are written (the new text, and the backup of the old one),
// and is killed with SIGKILL there: the original must be intact, and the next write, once the leftovers are older
// than a write in progress could be, must remove them and nothing else.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readForEdit, staleTemporaryAgeMs, writeEdited } from '../../src/core/io/safeWrite';

const secret = 'leftoverCanary0000000000000000000000000042';
const credentials = `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n`;
const safeWriteModule = path.join(__dirname, '..', '..', 'src', 'core', 'io', 'safeWrite.js');

/** Runs in the child: the write, through a port whose second temporary file never finishes syncing. */
const childScript = `
const { promises: fs } = require('node:fs');
const { readForEdit, writeEdited } = require(process.argv[1]);
let opened = 0;
const port = { ...fs, open: async (file, flags, mode) => {
	const handle = await fs.open(file, flags, mode);
	const stall = flags === 'wx' && ++opened === 2;
	return {
		writeFile: (data) => handle.writeFile(data),
		sync: async () => {
			await handle.sync();
			if (stall) {
				process.stdout.write('stalled\\n');
				await new Promise(() => setInterval(() => undefined, 1000));
			}
		},
		chmod: (m) => handle.chmod(m),
		close: () => handle.close(),
	};
} };
readForEdit(process.argv[2]).then((read) => writeEdited(read, read.text + '[added]\\n', { fs: port }));
`;

/** Starts the child's write and kills it with SIGKILL once it stalls; resolves when it is dead. */
function killMidway(file: string): Promise<NodeJS.Signals | null> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', childScript, safeWriteModule, file], { stdio: ['ignore', 'pipe', 'inherit'] });
		child.stdout.on('data', (chunk: Buffer) => {
			if (chunk.toString('utf8').includes('stalled')) {
				child.kill('SIGKILL');
			}
		});
		child.on('error', reject);
		child.on('exit', (_code, signal) => resolve(signal));
	});
}

describe('Attack: temporary files left by a write killed midway', function () {
	this.timeout(60_000);
	let dir: string;
	let file: string;

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-killed-'));
		file = path.join(dir, 'credentials');
		fs.writeFileSync(file, credentials, { mode: 0o600 });
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('leaves the original intact, and the next write removes the copies the killed one left, and nothing else', async () => {
		const unrelated = ['.credentials.0123456789ab.tmp.keep', '.credentials-2.0123456789ab.tmp', 'credentials.0123456789ab.tmp'];
		for (const name of unrelated) {
			fs.writeFileSync(path.join(dir, name), 'not ours\n');
		}

		assert.equal(await killMidway(file), 'SIGKILL');
		assert.equal(fs.readFileSync(file, 'utf8'), credentials);
		const left = fs.readdirSync(dir).filter((name) => /^\.credentials(\.bak)?\.[0-9a-f]{12}\.tmp$/.test(name)).sort();
		assert.equal(left.length, 2, `expected the new text's and the backup's temporary files: ${left.join(', ')}`);
		for (const name of left) {
			assert.ok(fs.readFileSync(path.join(dir, name), 'utf8').includes(secret), `${name} is a full copy`);
		}

		// A moment later they could still be another process's write in progress: the next write keeps them.
		await writeEdited(await readForEdit(file), credentials + '# one\n');
		assert.deepEqual(left.filter((name) => !fs.existsSync(path.join(dir, name))), []);

		// Once older than any write takes, they are leftovers: the next write removes them.
		const then = new Date(Date.now() - staleTemporaryAgeMs - 60_000);
		for (const name of [...left, ...unrelated]) {
			fs.utimesSync(path.join(dir, name), then, then);
		}
		await writeEdited(await readForEdit(file), credentials + '# two\n');
		assert.deepEqual(fs.readdirSync(dir).sort(), ['credentials', 'credentials.bak', 'credentials.bak.1', ...unrelated].sort());
		assert.equal(fs.readFileSync(file, 'utf8'), credentials + '# two\n');
	});
});
