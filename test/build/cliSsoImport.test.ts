/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles sso import` as built (dist/cli.js), against the fake IAM Identity Center this process serves: signed
// in with `aws-profiles login` (the test approves the code as the user would), it previews, writes one safe edit
// (backup kept, 0600 for a new file), and on a re-run after the portal changed says what is new and what is gone,
// removing a gone profile only with --remove-gone. The token is never printed.

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


describe('aws-profiles sso import (the built CLI) against the fake IAM Identity Center', function () {
	this.timeout(60_000);
	let server: FakeAws;
	let home: string;
	let env: NodeJS.ProcessEnv;
	const config = () => path.join(home, '.aws', 'config');

	beforeEach(async () => {
		server = await startFakeAws(readSeedFile(seedFile));
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-cli-sso-import-'));
		mkdirSync(path.join(home, '.aws'));
		writeFileSync(config(), [
			'[sso-session my-sso]', `sso_start_url = ${startUrl}`, 'sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access', '',
			'[profile production-readonly]', 'region = us-east-1', '',
		].join('\n'), { mode: 0o600 });
		env = { HOME: home, AWS_ENDPOINT_URL: server.url };
	});

	afterEach(async () => {
		await server.close();
		rmSync(home, { recursive: true, force: true });
	});

	async function signIn(): Promise<string> {
		let approved = false;
		const login = await runCli(['login', '--sso-session', 'my-sso'], env, (stderr) => {
			const code = /shows the code ([A-Z]{4}-[A-Z]{4})/.exec(stderr)?.[1];
			if (code && !approved) {
				approved = true;
				server.identityCenter?.approveDevice(code);
			}
		});
		assert.equal(login.status, 0, login.stderr);
		const file = path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('my-sso').digest('hex')}.json`);
		return (JSON.parse(readFileSync(file, 'utf8')) as { accessToken: string }).accessToken;
	}

	it('says to sign in first when there is no token, and writes nothing', async () => {
		const before = readFileSync(config(), 'utf8');
		const run = await runCli(['sso', 'import', '--session', 'my-sso'], env);
		assert.equal(run.status, 1);
		assert.match(run.stderr, /Not signed in\. Sign in first: aws-profiles login --sso-session my-sso/);
		assert.equal(readFileSync(config(), 'utf8'), before);
		const typo = await runCli(['sso', 'import', '--session', 'my-sso', '--template', '{acount_name}'], env);
		assert.equal(typo.status, 2);
		assert.match(typo.stderr, /unknown placeholder \{acount_name\}/);
		const unknown = await runCli(['sso', 'import', '--session', 'nope'], env);
		assert.equal(unknown.status, 2);
		assert.match(unknown.stderr, /no \[sso-session nope\]/);
	});

	it('previews with --dry-run, then writes every account and role in one edit; a re-run shows what changed', async () => {
		const token = await signIn();
		const before = readFileSync(config(), 'utf8');
		const dry = await runCli(['sso', 'import', '--session', 'my-sso', '--dry-run'], env);
		assert.equal(dry.status, 0, dry.stderr);
		assert.match(dry.stdout, /To add \(4, region eu-west-1\):/);
		assert.match(dry.stdout, /production-administratoraccess\s+111111111111 \(Production\)\s+AdministratorAccess/);
		assert.match(dry.stdout, /production-readonly-2\s+111111111111 \(Production\)\s+ReadOnly/, 'the taken name is suffixed');
		assert.match(dry.stdout, /Dry run: nothing was written/);
		assert.equal(readFileSync(config(), 'utf8'), before);

		const run = await runCli(['sso', 'import', '--session', 'my-sso'], env);
		assert.equal(run.status, 0, run.stderr);
		assert.match(run.stdout, /Added 4 profiles: ~\/\.aws\/config \(backup: ~\/\.aws\/config\.bak\)/);
		const written = readFileSync(config(), 'utf8');
		assert.ok(written.startsWith(before), 'what was there is kept as it was');
		assert.ok(written.includes('[profile sandbox-developer]\nsso_session = my-sso\nsso_account_id = 444444444444\nsso_role_name = Developer\nregion = eu-west-1\n'));
		assert.equal(readFileSync(`${config()}.bak`, 'utf8'), before);
		assert.equal(statSync(config()).mode & 0o777, 0o600);
		// The AWS CLI reads the profiles the import wrote.
		const listed = await runCli(['list', '--json'], env);
		assert.match(listed.stdout, /audit-readonly/);

		// The portal changes: one role is taken away, another given; a profile is edited by hand.
		server.identityCenter!.withdrawAssignment('444444444444', 'Developer');
		server.identityCenter!.withdrawAssignment('333333333333', 'ReadOnly');
		server.identityCenter!.grantAssignment('444444444444', 'Developer', 'jane');
		server.identityCenter!.withdrawAssignment('111111111111', 'AdministratorAccess');
		writeFileSync(config(), readFileSync(config(), 'utf8').replace('[profile audit-readonly]\n', '[profile audit-readonly]\noutput = json\n'));
		const again = await runCli(['sso', 'import', '--session', 'my-sso'], env);
		assert.equal(again.status, 0, again.stderr);
		assert.match(again.stdout, /Nothing new to add\./);
		assert.match(again.stdout, /Gone from the portal \(1\): kept; --remove-gone removes them:\n {2}production-administratoraccess/);
		assert.match(again.stdout, /edited by hand \(1\): left alone:\n {2}audit-readonly/);
		assert.ok(readFileSync(config(), 'utf8').includes('[profile production-administratoraccess]'), 'nothing removed without asking');

		const removed = await runCli(['sso', 'import', '--session', 'my-sso', '--remove-gone'], env);
		assert.equal(removed.status, 0, removed.stderr);
		assert.match(removed.stdout, /Added 0 profiles, removed 1/);
		const after = readFileSync(config(), 'utf8');
		assert.ok(!after.includes('[profile production-administratoraccess]'));
		assert.ok(after.includes('[profile audit-readonly]\noutput = json'), 'the hand-edited profile is left alone');
		for (const output of [dry, run, again, removed]) {
			assert.ok(!(output.stdout + output.stderr).includes(token), 'the token is never printed');
		}
		assert.ok(existsSync(`${config()}.bak`));
	});
});
