/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles lint` in a temporary HOME (never the machine's ~/.aws): the files the SDKs would read or the
// files given, the three formats, the exit status, and that nothing secret is printed.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readJsSdk } from '../../../src/core/readings/jsSdkReader';
import { createLintCommand, roleOfFile } from '../../../src/cli/lintCommand';
import { ExitStatus, Output, UsageError } from '../../../src/cli/output';
import { keyId, keys, now, secret } from './lintKit';

/** No project files: these tests are about the AWS files. */
const emptyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-lint-empty-'));
const command = createLintCommand({ readJsSdk: async () => undefined, now: () => now, platform: 'linux', cwd: emptyFolder });

const variables = ['HOME', 'USERPROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE'] as const;

describe('aws-profiles lint', () => {
	let home: string;
	let saved: Record<string, string | undefined>;

	beforeEach(() => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-lint-'));
		fs.mkdirSync(path.join(home, '.aws'));
		saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));
		process.env.HOME = home;
		process.env.USERPROFILE = home;
		process.env.AWS_CONFIG_FILE = path.join(home, '.aws', 'config');
		process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, '.aws', 'credentials');
		delete process.env.AWS_PROFILE;
	});

	afterEach(() => {
		for (const name of variables) {
			if (saved[name] === undefined) {
				delete process.env[name];
			} else {
				process.env[name] = saved[name];
			}
		}
		fs.rmSync(home, { recursive: true, force: true });
	});

	function write(name: string, text: string, mode = 0o600): string {
		const file = path.join(home, '.aws', name);
		fs.writeFileSync(file, text, { mode });
		fs.chmodSync(file, mode);
		return file;
	}

	async function run(values: Record<string, string>, files?: string[]) {
		const captured = Output.capture();
		const status = await command.run(values, captured.output, files ?? []);
		return { status, stdout: captured.stdout.join('\n'), stderr: captured.stderr.join('\n') };
	}

	it('checks the files the SDKs would read, and exits 0 without errors', async () => {
		write('config', '[profile dev]\nregion = us-east-1\n');
		write('credentials', keys('dev'));
		const { status, stdout } = await run({ format: 'text' });
		assert.equal(status, ExitStatus.Ok);
		assert.match(stdout, /^No problems found in .*config and .*credentials and .*aws-profiles-lint-empty-\w+\.$/);
	});

	it('prints one line per finding and exits 1 on an error', async () => {
		const config = write('config', '[profile dev]\nregoin = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = nowhere\n');
		const { status, stdout } = await run({ format: 'text' });
		assert.equal(status, ExitStatus.Findings);
		// The file under HOME named as ~/.aws/config, as the user writes it (JSON and SARIF keep the absolute path).
		assert.equal(config, path.join(home, '.aws', 'config'));
		assert.ok(stdout.includes('~/.aws/config:2:1: warning \'regoin\' is not a key'), stdout);
		assert.ok(stdout.includes('~/.aws/config:4:18: error source_profile names'), stdout);
		assert.ok(!stdout.includes(home), stdout);
		assert.match(stdout, /\[aws-files\/source-profile-missing\]/);
		assert.match(stdout, /1 error, 1 warning$/);
	});

	it('writes JSON with 1-based start and end positions', async () => {
		const config = write('config', '[profile dev]\nregion = us-east1\n');
		const { status, stdout } = await run({ format: 'json' });
		assert.equal(status, ExitStatus.Ok);
		assert.deepEqual(JSON.parse(stdout), [{
			file: config, line: 2, column: 10, endLine: 2, endColumn: 18, severity: 'warning', rule: 'aws-files/invalid-region',
			message: '"us-east1" is not an AWS region name (such as us-east-1 or eu-west-2), so every call through this setting fails. Did you mean \'us-east-1\' or \'us-east-2\'?',
		}]);
	});

	it('writes SARIF 2.1.0 with the rules\' metadata', async () => {
		write('config', '[profile dev]\nregion = us-east-1\nsource_profile = nowhere\nrole_arn = arn:aws:iam::123456789012:role/x\n');
		const { stdout } = await run({ format: 'sarif' });
		const log = JSON.parse(stdout);
		assert.equal(log.version, '2.1.0');
		const [run0] = log.runs;
		assert.equal(run0.tool.driver.name, 'aws-profiles');
		const rule = run0.tool.driver.rules.find((candidate: { id: string }) => candidate.id === 'aws-files/source-profile-missing');
		assert.equal(rule.defaultConfiguration.level, 'error');
		assert.deepEqual(run0.results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level]), [['aws-files/source-profile-missing', 'error']]);
		const [result] = run0.results;
		assert.equal(run0.tool.driver.rules[result.ruleIndex].id, result.ruleId);
		assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: 18, endLine: 3, endColumn: 25 });
		assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/.*\/\.aws\/config$/);
	});

	it('checks the files given, telling config from credentials by name or content', async () => {
		const credentials = write('work-creds', `[dev]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`);
		const config = write('team.ini', '[profile dev]\nregion = us-east-1\n');
		const { status, stdout } = await run({}, [credentials, config]);
		assert.equal(status, ExitStatus.Ok, stdout);
		assert.equal(roleOfFile(credentials, fs.readFileSync(credentials, 'utf8')), 'credentials');
		assert.equal(roleOfFile(config, fs.readFileSync(config, 'utf8')), 'config');
		assert.equal(roleOfFile('/x/credentials', ''), 'credentials');
		await assert.rejects(run({}, [config, config]), UsageError);
	});

	it('reports a credentials file others can read, and never prints a secret', async () => {
		write('credentials', `[dev]\naws_access_key_id = ${keyId}\naws_secret_access_key = "${secret}"\n`, 0o644);
		for (const format of ['text', 'json', 'sarif']) {
			const { stdout } = await run({ format });
			assert.match(stdout, /aws-files\/file-permissions/);
			assert.ok(!stdout.includes(secret) && !stdout.includes(keyId), stdout);
		}
	});

	it('uses the JavaScript SDK\'s reading when it has one', async () => {
		write('config', '[profile a]\nregion = us-east-1\n');
		const reading = { ok: true as const, reading: { profiles: { a: { region: 'eu-west-1' } }, ssoSessions: {} } };
		const withJs = createLintCommand({ readJsSdk: async () => reading, now: () => now, platform: 'linux', cwd: emptyFolder });
		const captured = Output.capture();
		await withJs.run({ format: 'json' }, captured.output, []);
		const [entry] = JSON.parse(captured.stdout.join('\n'));
		assert.equal(entry.rule, 'aws-files/compatibility');
		assert.match(entry.message, /the JS SDK reads "eu-west-1"/);
	});

	it('reads the files with the real JavaScript SDK loader', async () => {
		write('config', '[profile a]\nregion = us-east-1\n[profile dev]# team\nregion = eu-west-1\n');
		const withJs = createLintCommand({ readJsSdk, now: () => now, platform: 'linux', cwd: emptyFolder });
		const captured = Output.capture();
		assert.equal(await withJs.run({ format: 'json' }, captured.output, []), ExitStatus.Ok);
		const rules = JSON.parse(captured.stdout.join('\n')).map((entry: { rule: string; line: number }) => `${entry.rule}@${entry.line}`);
		assert.deepEqual(rules, ['aws-files/compatibility@3']);
	});

	it('checks the profile references of the project folders given, per stage with --stage', async () => {
		write('config', '[profile acme-dev]\nregion = eu-west-1\n');
		write('credentials', `[acme-dev]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`);
		const project = path.join(home, 'project');
		fs.mkdirSync(path.join(project, 'node_modules', 'dep'), { recursive: true });
		fs.writeFileSync(path.join(project, 'serverless.yml'), 'service: s\ncustom:\n  profiles:\n    dev: acme-dev\n    prod: acme-prod\nprovider:\n  name: aws\n  profile: ${self:custom.profiles.${sls:stage}}\n');
		fs.writeFileSync(path.join(project, 'node_modules', 'dep', 'serverless.yml'), 'provider:\n  profile: skipped\n');
		const { status, stdout } = await run({ format: 'json' }, [project]);
		assert.equal(status, ExitStatus.Ok, 'a missing profile is a warning');
		const entries = JSON.parse(stdout) as { file: string; line: number; column: number; endColumn: number; rule: string }[];
		assert.deepEqual(entries.map((e) => [path.basename(e.file), e.rule, e.line, e.column, e.endColumn]), [
			['serverless.yml', 'profile-reference/missing-profile', 5, 11, 20],
		]);
		const dev = await run({ format: 'json', stage: 'dev' }, [project]);
		assert.deepEqual(JSON.parse(dev.stdout), []);
	});

	it('reports a config-only profile that a Serverless v3 project of the folders names', async () => {
		write('config', '[profile acme-sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Deploy\n'
			+ '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n');
		write('credentials', '');
		const project = path.join(home, 'legacy');
		fs.mkdirSync(project);
		fs.writeFileSync(path.join(project, 'serverless.yml'), 'service: s\nframeworkVersion: \'3\'\nprovider:\n  name: aws\n  profile: acme-sso\n');
		const { stdout } = await run({ format: 'json' }, [project]);
		const entries = JSON.parse(stdout) as { file: string; line: number; severity: string; rule: string; message: string }[];
		const [entry] = entries.filter((e) => e.rule === 'aws-files/config-only-profile');
		assert.deepEqual([path.basename(entry.file), entry.line, entry.severity], ['config', 1, 'info']);
		assert.match(entry.message, /legacy\/serverless\.yml uses this profile with Serverless Framework v3/);
		fs.writeFileSync(path.join(project, 'serverless.yml'), 'service: s\nframeworkVersion: \'4\'\nprovider:\n  name: aws\n  profile: acme-sso\n');
		const v4 = JSON.parse((await run({ format: 'json' }, [project])).stdout) as { rule: string }[];
		assert.deepEqual(v4.filter((e) => e.rule === 'aws-files/config-only-profile'), [], 'v4 reads the config file');
	});

	it('refuses an unknown format', async () => {
		await assert.rejects(run({ format: 'xml' }), /unknown format/);
	});
});
