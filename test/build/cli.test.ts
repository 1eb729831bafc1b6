/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';
import { FakeAws, readSeedFile, startFakeAws } from '../fake-aws/server';
import { cleanEnvironment, cli, runCli } from './runCli';


/** The same, without blocking this process: needed when the test itself serves the CLI's requests. */
function runCliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [cli, ...args], { env: { ...cleanEnvironment(), ...env }, encoding: 'utf8' }, (error, stdout, stderr) => {
			resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
		});
	});
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
		// Under HOME as ~/..., the way the README and the user write them.
		assert.match(byHome.stdout, /^config +~\/\.aws\/config\n/m);
		assert.match(byHome.stdout, /^credentials +~\/\.aws\/credentials \(missing\)\n/m);
		assert.ok(!byHome.stdout.includes(home), 'no absolute path under HOME');

		const byEnv = runCli(['files'], { HOME: home, AWS_CONFIG_FILE: '~/other-config', AWS_PROFILE: 'dev' });
		assert.match(byEnv.stdout, /^config +~\/other-config \(missing\)/m);
		assert.match(byEnv.stdout, /profile +dev/);

		const outside = path.join(path.dirname(home), 'elsewhere-config');
		const byPath = runCli(['files'], { HOME: home, AWS_CONFIG_FILE: outside });
		assert.match(byPath.stdout, new RegExp(`^config +${outside} \\(missing\\)`, 'm'), 'a file outside HOME stays absolute');
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

		it('reads with the JS SDK\'s loader alone: parse and lint work without the AWS layer (dist/aws.js) beside the CLI', () => {
			const bin = path.join(home, 'bin');
			mkdirSync(bin);
			for (const bundle of ['cli.js', 'jsSdkReader.js', 're2.js']) {
				copyFileSync(path.join(projectRoot, 'dist', bundle), path.join(bin, bundle));
			}
			const run = (args: string[]) => spawnSync(process.execPath, [path.join(bin, 'cli.js'), ...args],
				{ cwd: home, env: { ...cleanEnvironment(), HOME: home }, encoding: 'utf8' });
			assert.deepEqual(JSON.parse(run(['parse', '--config', config, '--reader', 'js-sdk', '--json']).stdout),
				{ profiles: { x: { region: 'us-east-1' } }, ssoSessions: {} });
			const findings = JSON.parse(run(['lint', '--config', config, '--format', 'json']).stdout) as { rule: string; line: number }[];
			assert.ok(findings.some((finding) => finding.rule === 'aws-files/compatibility' && finding.line === 3),
				'the JS SDK\'s reading is compared: it drops [profile  y]');
		});

		it('reports a lint finding\'s related places, as it reports a reference\'s: the other definition of a duplicate', () => {
			writeFileSync(config, '[profile x]\nregion = us-east-1\n[profile x]\nregion = eu-west-1\n');
			const findings = JSON.parse(runCli(['lint', '--config', config, '--format', 'json'], { HOME: home }).stdout) as
				{ rule: string; line: number; related?: { file: string; line: number }[] }[];
			const duplicate = findings.find((finding) => finding.rule === 'aws-files/duplicate-section');
			assert.ok(duplicate?.related?.some((related) => related.file === config && related.line !== duplicate.line), JSON.stringify(findings));
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

		it('refuses a file larger than 64 MB without reading it, and says so', () => {
			const huge = path.join(home, 'credentials');
			writeFileSync(huge, '[default]\n');
			truncateSync(huge, 65 * 1024 * 1024); // sparse: no disk is written
			for (const args of [['parse', '--credentials', huge], ['list'], ['lint', huge]]) {
				const result = runCli(args, { HOME: home, AWS_SHARED_CREDENTIALS_FILE: huge });
				assert.equal(result.status, 2, args.join(' '));
				assert.match(result.stderr, /credentials: it is larger than 64 MB/, args.join(' '));
			}
		});

		it('lint reads ${env:AWS_PROFILE, \'default\'} from its own environment, and says so', () => {
			const project = path.join(home, 'project');
			mkdirSync(project);
			writeFileSync(path.join(project, 'serverless.yml'), 'service: s\nprovider:\n  name: aws\n  profile: ${env:AWS_PROFILE, \'default\'}\n');
			writeFileSync(path.join(home, 'config'), '[profile work]\nregion = eu-west-1\n');
			const env = { HOME: home, AWS_CONFIG_FILE: path.join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'creds') };
			const lint = (extra: Record<string, string>) => runCli(['lint', '--format', 'json', project], { ...env, ...extra }).stdout;
			assert.match(lint({}), /Profile 'default' is not defined/);
			assert.doesNotMatch(lint({ AWS_PROFILE: 'work' }), /profile-reference\/missing-profile/);
			assert.match(lint({ AWS_PROFILE: 'wrok' }), /Profile 'wrok' \(with AWS_PROFILE=wrok from this terminal's environment\) is not defined.*Did you mean 'work'/);
		});

		it('lint checks a Terraform profile against the files its block names, and says when one is missing', () => {
			const project = path.join(home, 'infra');
			mkdirSync(project);
			writeFileSync(path.join(project, 'main.tf'), 'provider "aws" {\n  profile = var.p\n  shared_credentials_files = ["~/.aws/tf", "./creds"]\n}\n');
			writeFileSync(path.join(project, 'terraform.tfvars'), 'p = "tf-deploy"\n');
			writeFileSync(path.join(home, 'config'), '[profile tf-deploy]\nregion = eu-west-1\n');
			const env = { HOME: home, AWS_CONFIG_FILE: path.join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'creds') };
			const missing = runCli(['lint', '--format', 'json', project], env).stdout;
			assert.match(missing, /cannot give credentials as it stands.*Named by the block: ~\/\.aws\/tf does not exist/);
			writeFileSync(path.join(project, 'creds'), '[tf-deploy]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
			assert.doesNotMatch(runCli(['lint', '--format', 'json', project], env).stdout, /profile-reference\/(missing|broken)-profile/);
		});
	});

	describe('verify (real SDK, local AWS endpoint)', function () {
		this.timeout(30_000);
		let aws: FakeAws;
		before(async () => {
			aws = await startFakeAws(readSeedFile(path.join(projectRoot, 'test', 'fixtures', 'fake-aws-seed.json')));
		});
		after(() => aws.close());
		beforeEach(() => {
			mkdirSync(path.join(home, '.aws'));
			writeFileSync(path.join(home, '.aws', 'credentials'), readFileSync(path.join(projectRoot, 'test', 'fixtures', 'home', '.aws', 'credentials')));
		});
		const env = () => ({ HOME: home, AWS_ENDPOINT_URL: aws.url, AWS_EC2_METADATA_DISABLED: 'true' });

		it('prints whose keys a profile holds, and exits 1 on a warning such as AdministratorAccess', async () => {
			const result = await runCliAsync(['verify', '--profile', 'fixture-dev', '--deploy', 'serverless'], env());
			assert.equal(result.status, 1, result.stderr);
			assert.match(result.stdout, /^fixture-dev: arn:aws:iam::111122223333:user\/fixture-developer \(account 111122223333\), key AKIA\*\*\*\*0001$/m);
			assert.match(result.stdout, /serverless: may deploy/);
			assert.match(result.stdout, /warning: This user has AdministratorAccess/);
			assert.ok(!result.stdout.includes('fixtureDevSecret') && !result.stdout.includes('AKIAFIXTUREDEV000001'));
		});

		it('uses AWS_PROFILE, prints JSON, and explains a failure', async () => {
			const result = await runCliAsync(['verify', '--json'], { ...env(), AWS_PROFILE: 'fixture-temp' });
			assert.equal(result.status, 1);
			const json = JSON.parse(result.stdout) as { ok: boolean; failure: { code: string } };
			assert.deepEqual([json.ok, json.failure.code], [false, 'expired-token']);
			assert.ok(!result.stdout.includes('fixtureSessionToken'));
		});

		it('says what the files say cannot work, and whose key AWS refused', async () => {
			writeFileSync(path.join(home, '.aws', 'config'), [
				'[profile sso-nowhere]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = ReadOnly',
				'[profile unknown-role]', 'role_arn = arn:aws:iam::111122223333:role/Admin', 'source_profile = unknown-key',
			].join('\n'));
			writeFileSync(path.join(home, '.aws', 'credentials'), '[unknown-key]\naws_access_key_id = AKIAFIXTUREUNKNOWN01\naws_secret_access_key = fixtureUnknownSecret0000000000000000001\n');
			const sso = await runCliAsync(['verify', '--profile', 'sso-nowhere'], env());
			assert.equal(sso.status, 1);
			assert.match(sso.stdout, /verification failed \(misconfigured\)\n.*no \[sso-session corp\] section/);
			const role = await runCliAsync(['verify', '--profile', 'unknown-role'], env());
			assert.match(role.stdout, /access key ID of 'unknown-key' \(whose credentials 'unknown-role' uses\)/);
			assert.ok(!role.stdout.includes('fixtureUnknownSecret') && !role.stdout.includes('AKIAFIXTUREUNKNOWN01'));
		});

		it('exits 2 on an unknown deploy tool', () => {
			assert.equal(runCli(['verify', '--deploy', 'terraform'], env()).status, 2);
		});
	});

	describe('lint: the reader of the tool that deploys', () => {
		let project: string;
		beforeEach(() => {
			mkdirSync(path.join(home, '.aws'));
			writeFileSync(path.join(home, '.aws', 'config'), '[profile  ckl]\ncredential_process = /bin/true\n[profile lambda]# main\ncredential_process = /bin/true\n');
			project = path.join(home, 'project');
			mkdirSync(path.join(project, 'v4'), { recursive: true });
			mkdirSync(path.join(project, 'v3'));
			mkdirSync(path.join(project, 'sam'));
			writeFileSync(path.join(project, 'v4', 'serverless.yml'), 'service: a\nprovider:\n  name: aws\n  profile: ckl\n');
			writeFileSync(path.join(project, 'v3', 'serverless.yml'), 'service: b\nframeworkVersion: \'3\'\nprovider:\n  name: aws\n  profile: lambda\n');
			writeFileSync(path.join(project, 'sam', 'samconfig.toml'), 'version = 0.1\n[default.deploy.parameters]\nprofile = "lambda"\n');
		});

		type Entry = { file: string; line: number; rule: string; message: string; related?: { file: string; line: number; column: number }[] };
		const lint = (env: NodeJS.ProcessEnv = {}) => {
			const result = runCli(['lint', '--format', 'json', project], { HOME: home, ...env });
			return (JSON.parse(result.stdout) as Entry[]).filter((entry) => entry.rule.startsWith('profile-reference/'));
		};

		it('flags the reference the tool cannot see, naming the tool and why, linked to the header', () => {
			const config = path.join(home, '.aws', 'config');
			assert.deepEqual(lint().map(({ file, line, rule, message, related }) => ({ file: path.relative(project, path.resolve(file)), line, rule, message, related })), [
				{
					file: path.join('v3', 'serverless.yml'), line: 5, rule: 'profile-reference/invisible-to-tool',
					message: 'Serverless Framework v3 reads the files with the JavaScript SDK v2, which reads only the credentials file unless '
						+ 'AWS_SDK_LOAD_CONFIG=1 is set, and this profile is only in the config file (`[profile lambda]# main`): profile \'lambda\' does not exist for it.',
					related: [{ file: config, line: 3, column: 1, message: 'The header Serverless Framework v3 does not read as profile \'lambda\'.' }],
				},
				{
					file: path.join('v4', 'serverless.yml'), line: 4, rule: 'profile-reference/invisible-to-tool',
					message: 'Serverless Framework v4 reads the files with the JavaScript SDK, which ignores the header `[profile  ckl]` (two spaces): '
						+ 'profile \'ckl\' does not exist for it.',
					related: [{ file: config, line: 1, column: 1, message: 'The header Serverless Framework v4 does not read as profile \'ckl\'.' }],
				},
			]);
		});

		it('takes AWS_SDK_LOAD_CONFIG from its own environment for Serverless v3', () => {
			assert.deepEqual(lint({ AWS_SDK_LOAD_CONFIG: '1' }).map((entry) => entry.file.split(path.sep).slice(-2).join('/')), ['v4/serverless.yml']);
		});
	});
});
