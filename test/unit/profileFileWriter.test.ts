/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, existsSync, readdirSync, truncateSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyProfileOperation, ProfileEditError } from '../../src/core/io/profileFileWriter';
import { describeFileErrorCode, maxProfileFileBytes } from '../../src/core/io/profileFilesReader';
import { readForEdit, SafeWriteError } from '../../src/core/io/safeWrite';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzSECRET';

describe('Profile operations on disk', () => {
	let home: string;
	let locations: { configFile: string; credentialsFile: string };

	beforeEach(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-writer-'));
		locations = { configFile: path.join(home, '.aws', 'config'), credentialsFile: path.join(home, '.aws', 'credentials') };
	});
	afterEach(() => rmSync(home, { recursive: true, force: true }));

	function seed(config: string, credentials: string): void {
		mkdirSync(path.join(home, '.aws'), { recursive: true });
		writeFileSync(locations.configFile, config);
		writeFileSync(locations.credentialsFile, credentials);
	}

	it('creates ~/.aws (0700) and both files (0600) for a first profile', async () => {
		const result = await applyProfileOperation(locations, {
			op: 'add',
			profile: { kind: 'static', name: 'dev', accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: secret, region: 'eu-west-1' },
		});
		assert.equal(result.config?.created, true);
		assert.equal(statSync(path.join(home, '.aws')).mode & 0o777, 0o700);
		assert.equal(statSync(locations.credentialsFile).mode & 0o777, 0o600);
		assert.equal(statSync(locations.configFile).mode & 0o777, 0o600);
		assert.equal(readFileSync(locations.credentialsFile, 'utf8'), `[dev]\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\naws_secret_access_key = ${secret}\n`);
		assert.equal(readFileSync(locations.configFile, 'utf8'), '[profile dev]\nregion = eu-west-1\n');
	});

	it('keeps a backup of the previous content of each file it changes', async () => {
		seed('[profile dev]\nregion = x\n', `# keys\n[dev]\naws_secret_access_key = ${secret}\n`);
		const result = await applyProfileOperation(locations, { op: 'delete', profile: 'dev' });
		assert.equal(readFileSync(`${locations.credentialsFile}.bak`, 'utf8'), `# keys\n[dev]\naws_secret_access_key = ${secret}\n`);
		assert.equal(readFileSync(locations.credentialsFile, 'utf8'), '# keys\n');
		assert.equal(result.credentials?.backup, `${locations.credentialsFile}.bak`);
		assert.equal(readFileSync(locations.configFile, 'utf8'), '');
	});

	it('writes only the files the operation changes', async () => {
		seed('[profile dev]\nregion = x\n', '[dev]\naws_access_key_id = A\n');
		const result = await applyProfileOperation(locations, { op: 'set', profile: 'dev', key: 'region', value: 'y' });
		assert.ok(result.config?.written);
		assert.equal(result.credentials, undefined);
		assert.ok(!existsSync(`${locations.credentialsFile}.bak`));
	});

	it('refuses to write a file that changed since the caller read it', async () => {
		seed('[profile dev]\nregion = x\n', '');
		const seen = await readForEdit(locations.configFile);
		writeFileSync(locations.configFile, '[profile dev]\nregion = changed-elsewhere\n');
		await assert.rejects(
			applyProfileOperation(locations, { op: 'set', profile: 'dev', key: 'region', value: 'y' }, { basedOn: { config: seen.hash } }),
			(error: unknown) => error instanceof SafeWriteError && error.code === 'ChangedOnDisk',
		);
		assert.equal(readFileSync(locations.configFile, 'utf8'), '[profile dev]\nregion = changed-elsewhere\n');
	});

	it('refuses an impossible operation with a plain message, writing nothing and quoting no secret', async () => {
		seed('', `[dev]\naws_secret_access_key = ${secret}\n`);
		await assert.rejects(
			applyProfileOperation(locations, { op: 'add', profile: { kind: 'static', name: 'dev', accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: secret } }),
			(error: unknown) => error instanceof ProfileEditError && /already exists/.test(error.message) && !error.message.includes(secret),
		);
		assert.equal(readFileSync(locations.credentialsFile, 'utf8'), `[dev]\naws_secret_access_key = ${secret}\n`);
		assert.ok(!existsSync(`${locations.credentialsFile}.bak`));
	});

	it('refuses to edit a file larger than the read path reads, with the read path\'s words, writing nothing', async () => {
		seed('', `[dev]\naws_secret_access_key = ${secret}\n`);
		truncateSync(locations.configFile, maxProfileFileBytes + 1); // sparse: no disk is written
		await assert.rejects(
			applyProfileOperation(locations, { op: 'set', profile: 'dev', key: 'region', value: 'eu-west-1' }),
			(error: unknown) => error instanceof SafeWriteError && error.code === 'TooLarge'
				&& error.message === `${locations.configFile} was not edited: ${describeFileErrorCode('EFBIG')}.`,
		);
		assert.equal(readFileSync(locations.credentialsFile, 'utf8'), `[dev]\naws_secret_access_key = ${secret}\n`);
		assert.equal(statSync(locations.configFile).size, maxProfileFileBytes + 1);
		assert.deepEqual(readdirSync(path.join(home, '.aws')).sort(), ['config', 'credentials']);
	});
});
