/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Reading the two files from disk: a missing one is normal, any other failure is a reason in words, never thrown,
// never quoting the file, and a file far larger than any real one is refused before it is read.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { maxProfileFileBytes, readProfileFiles } from '../../src/core/io/profileFilesReader';

describe('Reading the config and credentials files', () => {
	let folder: string;

	beforeEach(() => {
		folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-read-'));
	});
	afterEach(() => rmSync(folder, { recursive: true, force: true }));

	it('reads a file, and takes a missing one as absent', async () => {
		const configFile = path.join(folder, 'config');
		writeFileSync(configFile, '[default]\nregion = eu-west-1\n');
		const { files } = await readProfileFiles({ configFile, credentialsFile: path.join(folder, 'credentials') });
		assert.equal(files[0].kind === 'read' && files[0].text, '[default]\nregion = eu-west-1\n');
		assert.equal(files[1].kind, 'missing');
	});

	it('refuses a file larger than the limit before reading it, with a reason that says why', async () => {
		const credentialsFile = path.join(folder, 'credentials');
		writeFileSync(credentialsFile, '[default]\naws_secret_access_key = secret-in-a-huge-file\n');
		truncateSync(credentialsFile, maxProfileFileBytes + 1); // sparse: no disk is written
		const { files } = await readProfileFiles({ configFile: path.join(folder, 'config'), credentialsFile });
		const [, credentials] = files;
		assert.equal(credentials.kind, 'unreadable');
		assert.match(credentials.kind === 'unreadable' ? credentials.reason : '', /^it is larger than 64 MB, .* so it was not read$/);
		assert.doesNotMatch(JSON.stringify(files), /secret-in-a-huge-file/);
	});

	it('reads a file of exactly the limit', async () => {
		const configFile = path.join(folder, 'config');
		writeFileSync(configFile, '');
		truncateSync(configFile, maxProfileFileBytes);
		const { files } = await readProfileFiles({ configFile, credentialsFile: path.join(folder, 'credentials') });
		assert.equal(files[0].kind === 'read' && files[0].text.length, maxProfileFileBytes);
	});

	it('says when a path is a folder', async () => {
		const configFile = path.join(folder, 'config');
		mkdirSync(configFile);
		const { files } = await readProfileFiles({ configFile, credentialsFile: path.join(folder, 'credentials') });
		assert.deepEqual(files[0].kind === 'unreadable' && files[0].reason, 'it is a folder, not a file');
	});
});
