/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Verify Profile in the real VS Code: the real SDK signs real HTTP requests to the local AWS endpoint the
// harness started (AWS_ENDPOINT_URL), which checks the signatures against its seed.

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { logText, scripted, testingApi, waitFor } from './helpers';

interface Notice {
	readonly message: string;
	readonly actions: readonly string[];
	readonly severity?: string;
}

const secrets = [
	'fixtureDevSecret000000000000000000000001', 'fixtureDefaultSecret00000000000000000001', 'fixtureTempSecret00000000000000000000001',
	'fixtureSessionToken0000000000000000000000000000000001', 'AKIAFIXTUREDEV000001', 'AKIAFIXTUREDEFAULT01', 'ASIAFIXTURETEMP00001',
];

describe('Verify Profile (real SDK, local AWS endpoint)', function () {
	this.timeout(30_000);
	let api: TestingApi;
	const notices: Notice[] = [];

	before(async () => {
		api = await testingApi();
		await api.store.snapshot();
	});

	beforeEach(() => {
		notices.length = 0;
	});

	after(() => api.setPrompts(undefined));

	function profileNode(name: string): vscode.TreeItem {
		return api.tree.allNodes().find((n) => n.label === name && /^profile/.test(n.contextValue ?? ''))!;
	}

	function tooltipOf(node: vscode.TreeItem): string {
		return (node.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
	}

	async function verify(profile: string, answers: Parameters<typeof scripted>[0] = {}): Promise<Notice> {
		api.setPrompts(scripted({ ...answers, notify: (message, actions, severity) => (notices.push({ message, actions, severity }), answers.notify?.(message, actions, severity)) }));
		await vscode.commands.executeCommand('awsProfiles.verifyProfile', profile);
		await waitFor(() => notices.length > 0);
		return notices[0];
	}

	it('says whose keys they are, and shows the account in the view and the status bar', async () => {
		const notice = await verify('fixture-dev');
		assert.match(notice.message, /^'fixture-dev' is arn:aws:iam::111122223333:user\/fixture-developer in account 111122223333\./);
		assert.match(notice.message, /AdministratorAccess/);
		assert.equal(notice.severity, 'warning');
		assert.equal(api.verifications.get('fixture-dev')?.account, '111122223333');
		const node = api.tree.allNodes().find((n) => n.label === 'fixture-dev' && /^profile/.test(n.contextValue ?? ''))!;
		assert.match(String(node.description), /111122223333/);
		assert.equal((node.iconPath as vscode.ThemeIcon).id, 'warning', 'verified, with warnings to look at');
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		assert.match((api.statusBar.tooltip as vscode.MarkdownString).value, /Verified .*account 111122223333/);
	});

	it('loaded the AWS SDK only now, on first use', () => {
		assert.ok(Object.keys(require.cache).some((file) => /[\\/]dist[\\/]aws\.js$/.test(file)));
	});

	it('warns about the root user\'s keys', async () => {
		const notice = await verify('default');
		assert.match(notice.message, /root user's keys/);
		assert.deepEqual(notice.actions, ['Learn more']);
	});

	it('asks for the MFA code a role needs', async () => {
		const prompts: string[] = [];
		const notice = await verify('fixture-mfa', { input: () => (prompts.push('mfa'), '123456') });
		assert.deepEqual(prompts, ['mfa']);
		assert.match(notice.message, /assumed-role\/MfaAdmin\//);
	});

	it('turns an expired session into plain advice', async () => {
		const notice = await verify('fixture-temp');
		assert.equal(notice.severity, 'error');
		assert.match(notice.message, /temporary credentials of 'fixture-temp' have expired/);
		assert.equal(api.verifications.get('fixture-temp')?.ok, false);
		const node = profileNode('fixture-temp');
		assert.equal((node.iconPath as vscode.ThemeIcon).id, 'error', 'a failed verification is an error');
		assert.deepEqual((node.iconPath as vscode.ThemeIcon).color, new vscode.ThemeColor('list.errorForeground'));
	});

	it('says what the files say cannot work, naming the profile that holds it, before calling AWS', async () => {
		const broken = await verify('fixture-broken');
		assert.match(broken.message, /The source_profile of 'fixture-broken' names 'fixture-missing', which is not defined in either file/);
		const config = readFileSync(api.files.configFile, 'utf8');
		try {
			writeFileSync(api.files.configFile, `${config}\n[profile fixture-nowhere]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n`);
			await api.store.reload();
			notices.length = 0;
			const sso = await verify('fixture-nowhere');
			assert.equal(sso.severity, 'error');
			assert.match(sso.message, /'fixture-nowhere' logs in through the sso-session 'corp', but the config file has no \[sso-session corp\] section/);
			assert.doesNotMatch(sso.message, /TypeError/);
		} finally {
			writeFileSync(api.files.configFile, config);
			await api.store.reload();
		}
	});

	it('says, on success, that IAM refused to show the keys and policies: in the notification and the tooltip', async () => {
		const credentials = readFileSync(api.files.credentialsFile, 'utf8');
		try {
			writeFileSync(api.files.credentialsFile, `${credentials}\n[fixture-limited]\naws_access_key_id = AKIAFIXTURELIMITED01\naws_secret_access_key = fixtureLimitedSecret00000000000000000001\n`);
			await api.store.reload();
			const notice = await verify('fixture-limited');
			assert.match(notice.message, /^'fixture-limited' is arn:aws:iam::111122223333:user\/fixture-limited in account 111122223333\. IAM did not let this user read its own keys and policies/);
			assert.equal(notice.severity, 'info');
			await waitFor(() => /IAM did not let this user read its own keys and policies/.test(tooltipOf(profileNode('fixture-limited'))));
			assert.ok(!notice.message.includes('fixtureLimitedSecret') && !tooltipOf(profileNode('fixture-limited')).includes('fixtureLimitedSecret'));
		} finally {
			writeFileSync(api.files.credentialsFile, credentials);
			await api.store.reload();
		}
	});

	it('shows one verification at a time: a newer one ends the one under way, whose result never shows', async () => {
		let release!: (code: string) => void;
		const code = new Promise<string>((resolve) => { release = resolve; });
		let asked = false;
		const earlier = api.verifications.get('fixture-mfa')?.at;
		api.setPrompts(scripted({
			// The first verification waits at its MFA code while the second one starts.
			input: () => (asked = true, code as unknown as string),
			notify: (message, actions, severity) => (notices.push({ message, actions, severity }), undefined),
		}));
		const first = vscode.commands.executeCommand('awsProfiles.verifyProfile', 'fixture-mfa');
		await waitFor(() => asked);
		const second = await verify('fixture-dev');
		release('123456');
		await first;
		assert.match(second.message, /^'fixture-dev' is /);
		assert.deepEqual(notices.map((notice) => notice.message.split(' ')[0]), ['\'fixture-dev\''], 'one notification, the newer verification\'s');
		assert.equal(api.verifications.get('fixture-mfa')?.at, earlier, 'the ended verification records nothing');
	});

	it('offers to sign in when an SSO session has expired, or to run aws sso login in a terminal', async () => {
		const notice = await verify('fixture-sso', { notify: (_message, actions) => actions[1] });
		assert.deepEqual(notice.actions, ['Sign In', 'Use the AWS CLI']);
		await waitFor(() => vscode.window.terminals.some((terminal) => terminal.name === 'AWS: Sign in'));
		vscode.window.terminals.filter((terminal) => terminal.name === 'AWS: Sign in').forEach((terminal) => terminal.dispose());
	});

	it('marks a profile verified without warnings with a check, and offers Verify now after Add AWS Profile', async () => {
		api.setPrompts(scripted({
			steps: ['static', 'fixture-deployer', 'AKIAFIXTUREDEPLOY001', 'fixtureDeploySecret000000000000000000001', '', '', ''],
			notify: (message, actions, severity) => (notices.push({ message, actions, severity }), actions.includes('Verify now') ? 'Verify now' : undefined),
		}));
		const credentials = readFileSync(api.files.credentialsFile, 'utf8');
		const config = readFileSync(api.files.configFile, 'utf8');
		try {
			await vscode.commands.executeCommand('awsProfiles.addProfile');
			await waitFor(() => notices.length >= 2);
			assert.deepEqual(notices[0].actions, ['Verify now', 'Switch to it']);
			assert.match(notices[1].message, /^'fixture-deployer' is arn:aws:iam::111122223333:user\/fixture-deployer/);
			const node = api.tree.allNodes().find((n) => n.label === 'fixture-deployer' && /^profile/.test(n.contextValue ?? ''))!;
			assert.equal((node.iconPath as vscode.ThemeIcon).id, 'pass');
		} finally {
			writeFileSync(api.files.credentialsFile, credentials);
			writeFileSync(api.files.configFile, config);
			await api.store.reload();
		}
	});

	it('checks whether a profile may deploy with a tool', async () => {
		api.setPrompts(scripted({
			pick: (items) => items.find((item) => item.label === 'Serverless Framework'),
			notify: (message, actions, severity) => (notices.push({ message, actions, severity }), undefined),
		}));
		await vscode.commands.executeCommand('awsProfiles.checkDeployPermissions', 'fixture-dev');
		await waitFor(() => notices.length > 0);
		assert.match(notices[0].message, /It may deploy with serverless\./);
	});

	it('never writes a secret into a notification or the log', async () => {
		await verify('fixture-dev');
		const log = logText();
		assert.match(log, /Verify fixture-dev: arn:aws:iam::111122223333:user\/fixture-developer/);
		for (const text of [log, ...notices.map((n) => n.message)]) {
			for (const secret of secrets) {
				assert.ok(!text.includes(secret), 'a secret leaked');
			}
		}
	});
});
