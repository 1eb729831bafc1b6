/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles login` and `logout` as built (dist/cli.js), against the fake IAM Identity Center this process
// serves: the CLI prints the page and the code, the test approves the code as the user would, and the token
// lands in the sandbox HOME's SSO cache as the AWS CLI names and writes it. The fake's poll interval (1 s, as
// AWS's) is really waited here: the CLI runs as a user runs it.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';
import { FakeAws, readSeedFile, startFakeAws } from '../fake-aws/server';
import { runCliAsync as runCli } from './runCli';

const seedFile = path.join(projectRoot, 'test', 'fake-aws', 'seed.sso.example.json');
const startUrl = 'https://d-9067example.awsapps.com/start';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');


describe('aws-profiles login and logout (the built CLI) against the fake IAM Identity Center', function () {
	this.timeout(60_000);
	let server: FakeAws;
	let home: string;
	let env: NodeJS.ProcessEnv;

	beforeEach(async () => {
		server = await startFakeAws(readSeedFile(seedFile));
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-cli-sso-'));
		mkdirSync(path.join(home, '.aws'));
		writeFileSync(path.join(home, '.aws', 'config'), [
			'[sso-session my-sso]', `sso_start_url = ${startUrl}`, 'sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access', '',
			'[profile prod]', 'sso_session = my-sso', 'sso_account_id = 111111111111', 'sso_role_name = ReadOnly', 'region = eu-west-1', '',
			'[profile old]', `sso_start_url = ${startUrl}`, 'sso_region = eu-west-1', 'sso_account_id = 444444444444', 'sso_role_name = Developer', '',
			'[profile keys]', 'region = eu-west-1', '',
		].join('\n'));
		env = { HOME: home, AWS_ENDPOINT_URL: server.url };
	});

	afterEach(async () => {
		await server.close();
		rmSync(home, { recursive: true, force: true });
	});

	/** Approves the code once the CLI has printed it. */
	function approver(): (stderr: string) => void {
		let approved = false;
		return (stderr) => {
			const code = /shows the code ([A-Z]{4}-[A-Z]{4})/.exec(stderr)?.[1];
			if (code && !approved) {
				approved = true;
				server.identityCenter?.approveDevice(code);
			}
		};
	}

	it('signs in for a profile of an sso-session: prints the page and code, caches the token 0600, prints no secret', async () => {
		const result = await runCli(['login', '--profile', 'prod'], env, approver());
		assert.equal(result.status, 0, result.stderr);
		assert.match(result.stderr, /open this page and check that it shows the code [A-Z]{4}-[A-Z]{4}:\n {2}http:\/\/127\.0\.0\.1:\d+\/device\?user_code=/);
		assert.match(result.stdout, /^Signed in to sso-session my-sso: the session expires at \d{4}-\d\d-\d\dT[\d:.]+Z, renewed by the SDKs/);
		const file = path.join(home, '.aws', 'sso', 'cache', `${sha1('my-sso')}.json`);
		assert.match(result.stdout, new RegExp(`Token cached in ${file}`));
		assert.equal(statSync(file).mode & 0o777, 0o600);
		const token = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
		for (const secret of [token.accessToken, token.clientSecret, token.refreshToken]) {
			assert.ok(secret && !result.stdout.includes(secret) && !result.stderr.includes(secret));
		}
	});

	it('signs in for a legacy profile (the file named by its start URL), then logs out', async () => {
		const login = await runCli(['login', '--profile', 'old', '--device-code'], env, approver());
		assert.equal(login.status, 0, login.stderr);
		const file = path.join(home, '.aws', 'sso', 'cache', `${sha1(startUrl)}.json`);
		assert.ok(existsSync(file));
		const logout = await runCli(['logout', '--profile', 'old'], env);
		assert.equal(logout.status, 0, logout.stderr);
		assert.equal(logout.stdout, `Signed out of profile old: removed ${file}\n`);
		assert.ok(!existsSync(file));
		assert.ok(server.requests.some((request) => request.action === 'Logout'));
		const again = await runCli(['logout', '--profile', 'old'], env);
		assert.match(again.stdout, /Not signed in to profile old/);
	});

	it('logs out of an sso-session by name', async () => {
		assert.equal((await runCli(['login', '--sso-session', 'my-sso'], env, approver())).status, 0);
		const logout = await runCli(['logout', '--sso-session', 'my-sso'], env);
		assert.equal(logout.status, 0, logout.stderr);
		assert.ok(!existsSync(path.join(home, '.aws', 'sso', 'cache', `${sha1('my-sso')}.json`)));
	});

	it('exits 1 with the reason when the user denies, writing nothing', async () => {
		const result = await runCli(['login', '--profile', 'prod'], env, (stderr) => {
			const code = /shows the code ([A-Z]{4}-[A-Z]{4})/.exec(stderr)?.[1];
			if (code && server.identityCenter?.pendingUserCodes().includes(code)) {
				server.identityCenter.denyDevice(code);
			}
		});
		assert.equal(result.status, 1);
		assert.match(result.stderr, /aws-profiles login: The sign-in was denied on the AWS sign-in page\./);
		assert.ok(!existsSync(path.join(home, '.aws', 'sso', 'cache')));
	});

	it('exits 2 for a profile that is not an SSO one, or one that does not exist', async () => {
		const keys = await runCli(['login', '--profile', 'keys'], env);
		assert.equal(keys.status, 2);
		assert.match(keys.stderr, /does not sign in through IAM Identity Center/);
		const missing = await runCli(['logout', '--sso-session', 'nope'], env);
		assert.equal(missing.status, 2);
		assert.match(missing.stderr, /There is no \[sso-session nope\]/);
	});
});
