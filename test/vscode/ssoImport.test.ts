/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// "Add Profiles from IAM Identity Center" in the real VS Code, against a fake IAM Identity Center this test serves in
// the extension host (AWS_ENDPOINT_URL_SSO points the extension's portal client at it): signed in through the
// engine's device flow (the fake approves the code), the import shows the roles grouped by account and a preview,
// then writes; after the fake's assignments change, a re-sync offers only what is new and removes nothing unless
// the user agrees to the separate question.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ssoTokenFilePath } from '../../src/core/io/ssoTokenFile';
import type { TestingApi } from '../../src/ui/extension';
import type { ProfileNode } from '../../src/ui/profileTree';
import type { FakeAws } from '../fake-aws/server';
import { scripted, ScriptedAnswers, testingApi, waitFor } from './helpers';

const seedFile = path.join(__dirname, '..', '..', '..', 'test', 'fake-aws', 'seed.sso.example.json');
const startUrl = 'https://d-9067example.awsapps.com/start';
const session = 'import-test';

interface Notice {
	readonly message: string;
	readonly actions: readonly string[];
}

describe('Add Profiles from IAM Identity Center (fake Identity Center)', function () {
	this.timeout(60_000);
	let api: TestingApi;
	let server: FakeAws;
	let original: string;
	const endpointBefore = process.env.AWS_ENDPOINT_URL_SSO;
	const configFile = () => api.files.configFile;

	before(async () => {
		api = await testingApi();
		// Required here, not at the top: the activation test, which runs first, checks that no SDK module is loaded yet.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { readSeedFile, startFakeAws } = require('../fake-aws/server') as typeof import('../fake-aws/server');
		server = await startFakeAws(readSeedFile(seedFile));
		process.env.AWS_ENDPOINT_URL_SSO = server.url;
		original = existsSync(configFile()) ? readFileSync(configFile(), 'utf8') : '';
		writeFileSync(configFile(), `${original}${original.endsWith('\n') || original === '' ? '' : '\n'}\n[sso-session ${session}]\n`
			+ `sso_start_url = ${startUrl}\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n\n`
			+ '[profile production-readonly]\nregion = us-east-1\n');
		await api.store.reload();
	});

	after(async () => {
		api.setPrompts(undefined);
		writeFileSync(configFile(), original);
		rmSync(ssoTokenFilePath(api.files.ssoCacheFolder, session), { force: true });
		if (endpointBefore === undefined) {
			delete process.env.AWS_ENDPOINT_URL_SSO;
		} else {
			process.env.AWS_ENDPOINT_URL_SSO = endpointBefore;
		}
		await server.close();
		await api.store.reload();
	});

	async function run(answers: ScriptedAnswers, done: RegExp): Promise<Notice[]> {
		const notices: Notice[] = [];
		api.setPrompts(scripted({ ...answers, notify: (message, actions) => (notices.push({ message, actions }), undefined) }));
		await vscode.commands.executeCommand('awsProfiles.addProfilesFromSso', session);
		await waitFor(() => notices.some((notice) => done.test(notice.message)), 20_000);
		return notices;
	}

	it('says to sign in first when the session has no token, and writes nothing', async () => {
		const before = readFileSync(configFile(), 'utf8');
		const notices = await run({}, /Nothing was added\. Not signed in\./);
		assert.ok(notices.some((notice) => /Sign in to sso-session import-test/.test(notice.message)));
		assert.equal(readFileSync(configFile(), 'utf8'), before);
	});

	it('takes the sso-session of the SSO profile it is run on from the view', async () => {
		const before = readFileSync(configFile(), 'utf8');
		writeFileSync(configFile(), `${before}\n[profile via-session]\nsso_session = ${session}\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n`);
		try {
			await api.store.reload();
			const node = api.tree.getChildren().flatMap((node) => [node, ...api.tree.getChildren(node)]).find((node) => (node as Partial<ProfileNode>).entry?.name === 'via-session');
			assert.ok(node, 'the view shows the SSO profile');
			const picks: string[] = [];
			const notices: string[] = [];
			api.setPrompts(scripted({ pick: (items) => (picks.push(...items.map((item) => item.label)), undefined), notify: (message) => (notices.push(message), undefined) }));
			await vscode.commands.executeCommand('awsProfiles.addProfilesFromSso', node);
			await waitFor(() => notices.some((message) => /Sign in to sso-session import-test/.test(message)), 20_000);
			assert.deepEqual(picks, [], 'no session was asked for');
		} finally {
			writeFileSync(configFile(), before);
			await api.store.reload();
		}
	});

	it('imports the picked roles with a preview, then a re-sync shows what changed and removes nothing without asking', async () => {
		const center = server.identityCenter!;
		center.withdrawAssignment('333333333333', 'ReadOnly');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { signInToSso } = require('../../src/aws/ssoSignIn') as typeof import('../../src/aws/ssoSignIn');
		const signedIn = await signInToSso({
			target: { cacheId: session, sessionName: session, startUrl, region: 'eu-west-1', scopes: ['sso:account:access'] },
			cacheFolder: api.files.ssoCacheFolder, flow: 'device-code', endpoints: { oidc: server.url, portal: server.url },
			onDeviceCode: (prompt) => center.approveDevice(prompt.userCode),
		});
		assert.ok(signedIn.ok);
		const token = (JSON.parse(readFileSync(signedIn.file, 'utf8')) as { accessToken: string }).accessToken;

		// The first import: every role, grouped by account; the user leaves one out.
		let offered: readonly vscode.QuickPickItem[] = [];
		const confirms: { message: string; detail: string }[] = [];
		await run({
			pickMany: (items) => (offered = items, items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator && item.label !== 'sandbox-developer')),
			confirm: (message, detail) => (confirms.push({ message, detail }), true),
		}, /added 2 profiles/);
		assert.deepEqual(offered.map((item) => [item.kind === vscode.QuickPickItemKind.Separator ? 'account' : 'role', item.label]), [
			['account', 'Production (111111111111)'], ['role', 'production-administratoraccess'], ['role', 'production-readonly-2'],
			['account', 'Sandbox (444444444444)'], ['role', 'sandbox-developer'],
		]);
		assert.equal(confirms.length, 1, 'nothing is gone: one question');
		assert.match(confirms[0].message, /^Add 2 profiles from sso-session import-test\?/);
		assert.match(confirms[0].detail, /production-administratoraccess: Production \(111111111111\), AdministratorAccess/);
		assert.match(confirms[0].detail, /production-readonly-2: Production \(111111111111\), ReadOnly/);
		let text = readFileSync(configFile(), 'utf8');
		assert.ok(text.includes('[profile production-administratoraccess]\nsso_session = import-test\nsso_account_id = 111111111111\n'
			+ 'sso_role_name = AdministratorAccess\nregion = eu-west-1\n'));
		assert.ok(text.includes('[profile production-readonly]\nregion = us-east-1\n'), 'the taken name is left as it was');
		assert.ok(!text.includes('[profile sandbox-developer]'));
		assert.ok(existsSync(`${configFile()}.bak`), 'a backup is kept');
		await waitFor(() => api.store.current?.model.profiles.has('production-readonly-2') ?? false);

		// The portal changes: Audit is given, Production's admin role taken away.
		center.grantAssignment('333333333333', 'ReadOnly');
		center.withdrawAssignment('111111111111', 'AdministratorAccess');
		confirms.length = 0;
		const resync = await run({
			pickMany: (items) => (offered = items, items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator)),
			confirm: (message, detail) => (confirms.push({ message, detail }), /^Add/.test(message)),
		}, /kept 1 profile whose role is gone/);
		assert.deepEqual(offered.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator).map((item) => item.label),
			['sandbox-developer', 'audit-readonly'], 'only what has no profile yet');
		assert.deepEqual(confirms.map(({ message }) => message), [
			'Add 2 profiles from sso-session import-test?',
			'Remove 1 profile whose account or role sso-session import-test no longer gives access to?',
		]);
		assert.match(confirms[1].detail, /production-administratoraccess: Production \(111111111111\), AdministratorAccess/);
		assert.match(resync.find((notice) => /kept/.test(notice.message))!.message, /added 2 profiles; kept 1 profile whose role is gone/);
		text = readFileSync(configFile(), 'utf8');
		assert.ok(text.includes('[profile production-administratoraccess]'), 'nothing removed without asking');
		assert.ok(text.includes('[profile audit-readonly]\nsso_session = import-test\nsso_account_id = 333333333333\n'));

		// Asked again, the user agrees: only the gone profile goes.
		await waitFor(() => api.store.current?.model.profiles.has('audit-readonly') ?? false);
		await run({ confirm: () => true }, /removed 1 profile/);
		text = readFileSync(configFile(), 'utf8');
		assert.ok(!text.includes('[profile production-administratoraccess]'));
		assert.ok(text.includes('[profile sandbox-developer]') && text.includes('[profile production-readonly]\nregion = us-east-1\n'));
		assert.ok(!text.includes(token), 'the token never reaches the files');
	});
});
