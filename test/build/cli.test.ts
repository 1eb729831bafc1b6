/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';

const cli = path.join(projectRoot, 'dist', 'cli.js');

/** Runs the bundled CLI as a user would, in a sandbox HOME with none of the caller's AWS_* variables. */
export function runCli(args: string[], env: NodeJS.ProcessEnv) {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
	const result = spawnSync(process.execPath, [cli, ...args], { env: { ...clean, ...env }, encoding: 'utf8' });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('The aws-profiles CLI bundle', () => {
	let home: string;

	beforeEach(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-cli-'));
	});
	afterEach(() => rmSync(home, { recursive: true, force: true }));

	it('is the package\'s bin, with a shebang', () => {
		const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
		assert.equal(manifest.bin['aws-profiles'], 'dist/cli.js');
		assert.match(readFileSync(cli, 'utf8'), /^#!\/usr\/bin\/env node\n/);
	});

	it('prints its usage with --help and exits 0', () => {
		const result = runCli(['--help'], { HOME: home });
		assert.equal(result.status, 0);
		assert.match(result.stdout, /Usage: aws-profiles <command>/);
	});

	it('exits 2 on an unknown command', () => {
		const result = runCli(['nonsense'], { HOME: home });
		assert.equal(result.status, 2);
		assert.match(result.stderr, /unknown command 'nonsense'/);
	});

	it('finds the files under HOME, or where AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE say', () => {
		mkdirSync(path.join(home, '.aws'));
		writeFileSync(path.join(home, '.aws', 'config'), '[default]\n');
		const byHome = runCli(['files'], { HOME: home });
		assert.equal(byHome.status, 0);
		assert.match(byHome.stdout, new RegExp(`config +${path.join(home, '.aws', 'config')}\n`));
		assert.match(byHome.stdout, /credentials +.*credentials \(missing\)/);

		const byEnv = runCli(['files'], { HOME: home, AWS_CONFIG_FILE: '~/other-config', AWS_PROFILE: 'dev' });
		assert.match(byEnv.stdout, new RegExp(`config +${path.join(home, 'other-config')} \\(missing\\)`));
		assert.match(byEnv.stdout, /profile +dev/);
	});
});
