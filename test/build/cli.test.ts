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

	describe('list', () => {
		const secret = 'fixtureSecret0000000000000000000000000001';
		beforeEach(() => {
			mkdirSync(path.join(home, '.aws'));
			writeFileSync(path.join(home, '.aws', 'credentials'), `[dev]\naws_access_key_id = AKIAFIXTURE000000DEV\naws_secret_access_key = ${secret}\n`);
			writeFileSync(path.join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\n\n[profile admin]\nrole_arn = arn:aws:iam::111122223333:role/Admin\nsource_profile = dev\n');
		});

		it('lists every profile with kind, region and lines, the key id masked and no secret', () => {
			const result = runCli(['list'], { HOME: home, AWS_PROFILE: 'admin' });
			assert.equal(result.status, 0);
			assert.match(result.stdout, /^ +NAME +KIND +REGION +DEFINED IN$/m);
			assert.match(result.stdout, /^ +default +config only +eu-west-1 +config:1$/m);
			assert.match(result.stdout, /^\* admin +role +- +config:4$/m);
			assert.match(result.stdout, /^ +dev +keys AKIA\*\*\*\*0DEV +- +credentials:1$/m);
			assert.ok(!result.stdout.includes(secret) && !result.stdout.includes('AKIAFIXTURE000000DEV'));
		});

		it('prints JSON with --json', () => {
			const result = runCli(['list', '--json'], { HOME: home });
			const profiles = JSON.parse(result.stdout) as { name: string; kind: string; active: boolean; accessKeyId?: string; definedIn: { file: string; line: number }[] }[];
			assert.deepEqual(profiles.map((p) => [p.name, p.kind, p.active]), [['default', 'none', true], ['admin', 'assume-role', false], ['dev', 'static-keys', false]]);
			assert.equal(profiles[2].accessKeyId, 'AKIA****0DEV');
			assert.deepEqual(profiles[1].definedIn.map((d) => [d.file, d.line]), [['config', 4]]);
			assert.ok(!result.stdout.includes(secret));
		});

		it('exits 1 and names the line when a file has a syntax error', () => {
			writeFileSync(path.join(home, '.aws', 'config'), '[default]\nregion = x\n[profile broken\n');
			const result = runCli(['list'], { HOME: home });
			assert.equal(result.status, 1);
			assert.match(result.stderr, /config:3: /);
		});
	});

	describe('parse', () => {
		let config: string;
		beforeEach(() => {
			config = path.join(home, 'config');
			writeFileSync(config, '[profile x]\nregion = us-east-1 # main\n[profile  y]\nregion = b\n');
		});

		it('prints what each reader sees, in the suite shape', () => {
			const read = (reader: string) => JSON.parse(runCli(['parse', '--config', config, '--reader', reader, '--json'], { HOME: home }).stdout) as unknown;
			assert.deepEqual(read('standard'), { profiles: { x: { region: 'us-east-1' }, y: { region: 'b' } }, ssoSessions: {} });
			assert.deepEqual(read('aws-cli'), { profiles: { x: { region: 'us-east-1 # main' }, y: { region: 'b' } }, ssoSessions: {} });
			// The JavaScript SDK drops a header with two spaces.
			assert.deepEqual(read('js-sdk'), { profiles: { x: { region: 'us-east-1' } }, ssoSessions: {} });
		});

		it('prints {"error"} and exits 1 when the standard refuses the input', () => {
			writeFileSync(config, '[profile x\n');
			const result = runCli(['parse', '--config', config, '--json'], { HOME: home });
			assert.equal(result.status, 1);
			assert.ok(typeof (JSON.parse(result.stdout) as { error: unknown }).error === 'string');
		});

		it('masks secrets unless --show-secrets is given', () => {
			writeFileSync(config, '[default]\naws_secret_access_key = s3cr3t\n');
			assert.ok(!runCli(['parse', '--config', config], { HOME: home }).stdout.includes('s3cr3t'));
			assert.ok(runCli(['parse', '--config', config, '--show-secrets'], { HOME: home }).stdout.includes('s3cr3t'));
		});

		it('reads the files the SDK would read when no file is named', () => {
			writeFileSync(path.join(home, 'creds'), '[from-env]\nregion = r\n');
			const result = runCli(['parse', '--json'], { HOME: home, AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'creds') });
			assert.deepEqual(JSON.parse(result.stdout), { profiles: { 'from-env': { region: 'r' } }, ssoSessions: {} });
		});

		it('exits 2 on an unreadable file, an unknown reader or option, and explains --help', () => {
			assert.equal(runCli(['parse', '--config', path.join(home, 'missing')], { HOME: home }).status, 2);
			assert.equal(runCli(['parse', '--reader', 'perl'], { HOME: home }).status, 2);
			assert.equal(runCli(['parse', '--bogus'], { HOME: home }).status, 2);
			const help = runCli(['parse', '--help'], { HOME: home });
			assert.equal(help.status, 0);
			assert.match(help.stdout, /--reader standard\|aws-cli\|js-sdk/);
		});
	});
});
