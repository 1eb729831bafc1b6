/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Whether a credential_process program is there, looked for as the shell looks for it, in a temporary folder.

import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { programPresence, ProgramLookup } from '../../src/aws/credentialProcessProgram';

describe('credential_process program lookup', () => {
	let folder: string;
	let lookup: ProgramLookup;

	before(() => {
		folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-program-'));
		mkdirSync(path.join(folder, 'bin'));
		mkdirSync(path.join(folder, 'home', 'tools'), { recursive: true });
		for (const file of [path.join(folder, 'bin', 'fixture-creds'), path.join(folder, 'home', 'tools', 'creds')]) {
			writeFileSync(file, '#!/bin/sh\necho {}\n');
			chmodSync(file, 0o755);
		}
		lookup = { env: { PATH: `/nonexistent:${path.join(folder, 'bin')}`, HOME: path.join(folder, 'home') }, platform: 'linux', cwd: folder };
	});

	after(() => rmSync(folder, { recursive: true, force: true }));

	it('finds a bare name on PATH, and says when no PATH folder has it', async () => {
		assert.equal(await programPresence('fixture-creds', lookup), 'found');
		assert.equal(await programPresence('no-such-creds-program', lookup), 'missing');
	});

	it('looks for a path as a file, after ~ and from the current folder', async () => {
		assert.equal(await programPresence(path.join(folder, 'bin', 'fixture-creds'), lookup), 'found');
		assert.equal(await programPresence('/no/such/program', lookup), 'missing');
		assert.equal(await programPresence('~/tools/creds', lookup), 'found');
		assert.equal(await programPresence('~/tools/missing', lookup), 'missing');
		assert.equal(await programPresence('bin/fixture-creds', lookup), 'found');
		assert.equal(await programPresence(path.join(folder, 'bin'), lookup), 'missing', 'a folder is not a program');
	});

	it('does not judge what the shell works out itself: variables, builtins', async () => {
		assert.equal(await programPresence('$HOME/creds', lookup), 'unknown');
		assert.equal(await programPresence('echo', lookup), 'unknown');
	});

	it('tries PATHEXT on Windows', async () => {
		writeFileSync(path.join(folder, 'bin', 'wincreds.EXE'), '');
		const windows: ProgramLookup = { env: { Path: path.join(folder, 'bin'), PATHEXT: '.COM;.EXE' }, platform: 'win32', cwd: folder };
		assert.equal(await programPresence('wincreds', windows), 'found');
		assert.equal(await programPresence('othercreds', windows), 'missing');
	});
});
