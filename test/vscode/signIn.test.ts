/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Sign In in the real VS Code: the real SDK's SSO OIDC client runs the device flow against the local IAM
// Identity Center the harness started (AWS_ENDPOINT_URL; its seed approves every device code at the first
// poll), the token is cached as the AWS CLI caches it, and the view and the status bar show the session's
// time left; the active session's expiry warning comes from a timer armed at its known expiry.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ssoCacheFileName } from '../../src/core/model/expiry';
import { cacheTimestamp } from '../../src/core/sessions/ssoTokenCache';
import type { TestingApi } from '../../src/ui/extension';
import { activateExtension, logText, scripted, testingApi, waitFor } from './helpers';

interface Notice {
	readonly message: string;
	readonly actions: readonly string[];
	readonly severity?: string;
}

const session = 'fixture-signin';
const profile = 'fixture-signin';
const profiles = `
[sso-session ${session}]
sso_start_url = https://fixture.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile ${profile}]
sso_session = ${session}
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = eu-west-1

[profile fixture-login]
login_session = arn:aws:iam::111122223333:user/fixture-developer
region = eu-west-1
`;

describe('Sign In to IAM Identity Center (device flow, local IAM Identity Center)', function () {
	this.timeout(60_000);
	let api: TestingApi;
	let config: string;
	let tokenFile: string;
	let activeBefore: string | undefined;
	const notices: Notice[] = [];
	const opened: string[] = [];
	let answer: (notice: Notice) => string | undefined = () => undefined;
	let openExternal: (url: string) => Promise<boolean>;

	before(async () => {
		api = await testingApi();
		activeBefore = (await activateExtension()).getActiveProfile();
		config = readFileSync(api.files.configFile, 'utf8');
		tokenFile = path.join(api.files.ssoCacheFolder, ssoCacheFileName(session));
		rmSync(tokenFile, { force: true });
		writeFileSync(api.files.configFile, config + profiles);
		await api.store.reload();
		openExternal = api.signIn.openExternal;
		api.signIn.flowOverride = 'device-code';
		api.signIn.openExternal = async (url) => (opened.push(url), true);
		api.setPrompts(scripted({
			notify: (message, actions, severity) => {
				const notice = { message, actions, severity };
				notices.push(notice);
				return answer(notice);
			},
		}));
		await vscode.commands.executeCommand('awsProfiles.switchProfile', profile);
	});

	beforeEach(() => {
		notices.length = 0;
		opened.length = 0;
		answer = () => undefined;
	});

	after(async () => {
		api.setPrompts(undefined);
		api.signIn.flowOverride = undefined;
		api.signIn.openExternal = openExternal;
		await vscode.workspace.getConfiguration('awsProfiles').update('sessions.warnMinutesBefore', undefined, vscode.ConfigurationTarget.Global);
		rmSync(tokenFile, { force: true });
		writeFileSync(api.files.configFile, config);
		await api.store.reload();
		if (activeBefore !== undefined) {
			await vscode.commands.executeCommand('awsProfiles.switchProfile', activeBefore);
		}
	});

	function node(name: string): vscode.TreeItem {
		return api.tree.allNodes().find((n) => n.label === name && /^profile/.test(n.contextValue ?? ''))!;
	}

	it('offers Sign In on the view\'s SSO profile and in the status bar while signed out', () => {
		assert.match(node(profile).contextValue!, /^profile\.active\.sso$/);
		assert.match(node('fixture-login').contextValue!, /^profile\.login$/);
		assert.match(node('fixture-dev').contextValue!, /^profile$/, 'keys: no Sign In');
		assert.equal(api.statusBar.text, `$(cloud) ${profile} · eu-west-1 · signed out`);
		assert.deepEqual(api.statusBar.backgroundColor, new vscode.ThemeColor('statusBarItem.warningBackground'));
		const command = api.statusBar.command as vscode.Command;
		assert.equal(command.command, 'awsProfiles.signIn');
		assert.deepEqual(command.arguments, [profile]);
	});

	it('signs in through the device flow: the page opens, the code can be copied, the token is cached as the AWS CLI caches it', async () => {
		answer = (notice) => notice.actions.includes('Copy Code') ? 'Copy Code' : undefined;
		await vscode.commands.executeCommand('awsProfiles.signIn', node(profile));
		assert.ok(existsSync(tokenFile), 'the token file is written');
		assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
		const text = readFileSync(tokenFile, 'utf8');
		const token = JSON.parse(text) as Record<string, string>;
		assert.deepEqual(Object.keys(token), ['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
		assert.match(text, /^\{"startUrl": "https:\/\/fixture\.awsapps\.com\/start", "region": "eu-west-1", "accessToken": "/, 'json.dumps\'s separators');
		assert.match(token.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

		const code = notices.find((n) => n.actions.includes('Copy Code'));
		assert.ok(code, 'the code is shown with a Copy button');
		const userCode = /code ([A-Z]{4}-[A-Z]{4})/.exec(code.message)?.[1];
		assert.ok(userCode, code.message);
		assert.equal(await clipboardText(userCode), userCode, 'Copy Code copies the code');
		assert.equal(opened.length, 1);
		assert.equal(opened[0], `${process.env.AWS_ENDPOINT_URL}/device?user_code=${userCode}`, 'the verification page with the code filled in');
		assert.ok(notices.some((n) => /^Signed in to sso-session 'fixture-signin': the session lasts \d h, renewed by the SDKs on use\.$/.test(n.message)));

		// The view and the status bar follow: time left, no longer signed out.
		await waitFor(() => /expires in \d h/.test(String(node(profile).description)));
		assert.equal(api.statusBar.text, `$(cloud) ${profile} · eu-west-1`);
		assert.equal(api.statusBar.backgroundColor, undefined);
		assert.equal(api.statusBar.command, 'awsProfiles.switchProfile');
		for (const secret of [token.accessToken, token.clientSecret, token.refreshToken]) {
			assert.ok(!notices.some((n) => n.message.includes(secret)), 'no secret in a notification');
			assert.ok(!logText().includes(secret), 'no secret in the log');
		}
	});

	it('warns some minutes before the active session expires, from a timer, offering Sign In', async () => {
		await vscode.workspace.getConfiguration('awsProfiles').update('sessions.warnMinutesBefore', 1, vscode.ConfigurationTarget.Global);
		const expiresAt = Math.floor((Date.now() + 70_000) / 1000) * 1000;
		writeToken(expiresAt);
		await api.store.reload();
		assert.equal(api.sessionAlerts.armedFor, expiresAt - 60_000, 'armed for a minute before the end');
		assert.equal(notices.length, 0, 'not yet due');
		assert.match(api.statusBar.text, /· \$\(watch\) 1 min$/);
		assert.deepEqual(api.statusBar.backgroundColor, new vscode.ThemeColor('statusBarItem.warningBackground'));
		await waitFor(() => notices.length > 0, 20_000);
		assert.match(notices[0].message, /^The session of the active AWS profile 'fixture-signin' expires in (1 min|less than a minute)\.$/);
		assert.deepEqual(notices[0].actions, ['Sign In']);
		assert.equal(api.sessionAlerts.armedFor, expiresAt, 're-armed for the end');
	});

	it('turns the status bar to the error colour when the session ends, and Sign In from the warning signs in again', async () => {
		const expiresAt = Math.floor((Date.now() + 5_000) / 1000) * 1000;
		writeToken(expiresAt);
		await api.store.reload();
		await waitFor(() => notices.length > 0, 5_000);
		assert.deepEqual(notices[0].actions, ['Sign In'], 'due at once: a new session is warned of again');
		await waitFor(() => api.statusBar.text.endsWith(' · expired'), 15_000);
		assert.deepEqual(api.statusBar.backgroundColor, new vscode.ThemeColor('statusBarItem.errorBackground'));
		assert.equal((api.statusBar.command as vscode.Command).command, 'awsProfiles.signIn');
		// The status bar's click: sign in again.
		const command = api.statusBar.command as vscode.Command;
		await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
		const token = JSON.parse(readFileSync(tokenFile, 'utf8')) as Record<string, string>;
		assert.ok(Date.parse(token.expiresAt) > Date.now() + 3_600_000, 'a new session of hours');
		await waitFor(() => api.statusBar.text === `$(cloud) ${profile} · eu-west-1`);
	});

	it('signs out: the token file is removed and the status bar offers Sign In', async () => {
		await vscode.commands.executeCommand('awsProfiles.signOut', node(profile));
		assert.ok(!existsSync(tokenFile));
		assert.match(notices[0].message, /^Signed out of sso-session 'fixture-signin': its cached token is removed\.$/);
		await waitFor(() => api.statusBar.text.endsWith(' · signed out'));
	});

	it('offers Sign In after Verify finds no session, beside the AWS CLI, and signs in', async () => {
		answer = (notice) => notice.actions.includes('Sign In') ? 'Sign In' : undefined;
		await vscode.commands.executeCommand('awsProfiles.verifyProfile', profile);
		await waitFor(() => existsSync(tokenFile), 20_000);
		const failure = notices.find((n) => n.severity === 'error')!;
		assert.deepEqual(failure.actions, ['Sign In', 'Use the AWS CLI']);
		await vscode.commands.executeCommand('awsProfiles.signOut', profile);
	});

	it('signs an aws login profile in with aws login, or names the AWS CLI version it needs', async () => {
		await vscode.commands.executeCommand('awsProfiles.signIn', 'fixture-login');
		const terminal = vscode.window.terminals.find((t) => t.name === 'AWS: Sign in (fixture-login)');
		if (terminal) {
			terminal.dispose();
			return;
		}
		assert.match(notices[0].message, /^Signing in to profile 'fixture-login' runs `aws login`, which needs AWS CLI 2\.32 or later; (the installed one is \d+\.\d+\.\d+|none was found)\.$/);
		assert.deepEqual(notices[0].actions, ['Install the AWS CLI']);
	});

	/** The clipboard once it holds `expected`, or what it holds after a few seconds. */
	async function clipboardText(expected: string): Promise<string> {
		for (let i = 0; i < 50; i++) {
			const text = await vscode.env.clipboard.readText();
			if (text === expected) {
				return text;
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		return vscode.env.clipboard.readText();
	}

	function writeToken(expiresAt: number): void {
		mkdirSync(api.files.ssoCacheFolder, { recursive: true });
		writeFileSync(tokenFile, JSON.stringify({
			startUrl: 'https://fixture.awsapps.com/start', region: 'eu-west-1', accessToken: 'fixture-short-session-token', expiresAt: cacheTimestamp(expiresAt),
		}), { mode: 0o600 });
	}
});
