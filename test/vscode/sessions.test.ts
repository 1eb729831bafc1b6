/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Sessions in the real VS Code, against the local IAM Identity Center the harness started (AWS_ENDPOINT_URL; its
// seed approves every device code at the first poll and every browser sign-in at once): the view's [sso-session]
// nodes with their time left and inline Sign In / Sign Out (clicked in the workbench); the active profile's token
// renewed with its refresh token before it expires, and the fallback when that fails; the authorization-code
// flow with PKCE, the test's "browser" following the page the extension opens back to the loopback redirect;
// and `aws login` in a terminal, with a stub AWS CLI 2.32 on the PATH that records how it was run.

import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ssoCacheFileName } from '../../src/core/model/expiry';
import { refreshLeadMs } from '../../src/core/sessions/sessionRefresh';
import { CachedSsoToken, cacheTimestamp, formatCachedToken } from '../../src/core/sessions/ssoTokenCache';
import type { TestingApi } from '../../src/ui/extension';
import { activateExtension, clickInWorkbench, logText, sandboxRoot, scripted, testingApi, waitFor, waitForWorkbenchText } from './helpers';

interface Notice {
	readonly message: string;
	readonly actions: readonly string[];
	readonly severity?: string;
}

const startUrl = 'https://fixture.awsapps.com/start';
const minute = 60_000;

/** A session (and, when `profile` is given, a profile of it) added to the config file for one describe. */
function sessionSections(session: string, profile?: string): string {
	return `\n[sso-session ${session}]\nsso_start_url = ${startUrl}\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n`
		+ (profile === undefined ? '' : `\n[profile ${profile}]\nsso_session = ${session}\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1\n`);
}

/** The config file with more sections, the prompts scripted, Sign In's browser recorded; all undone after. */
function useFixture(extra: string, flow: 'device-code' | 'authorization-code') {
	const state = {
		api: undefined as unknown as TestingApi,
		notices: [] as Notice[],
		opened: [] as string[],
		answer: (() => undefined) as (notice: Notice) => string | undefined,
		browse: async (_url: string): Promise<void> => undefined,
	};
	let config = '';
	let activeBefore: string | undefined;
	let openExternal: (url: string) => Promise<boolean>;
	before(async () => {
		state.api = await testingApi();
		activeBefore = (await activateExtension()).getActiveProfile();
		config = readFileSync(state.api.files.configFile, 'utf8');
		writeFileSync(state.api.files.configFile, config + extra);
		await state.api.store.reload();
		openExternal = state.api.signIn.openExternal;
		state.api.signIn.flowOverride = flow;
		state.api.signIn.openExternal = async (url) => {
			state.opened.push(url);
			await state.browse(url);
			return true;
		};
		state.api.setPrompts(scripted({
			notify: (message, actions, severity) => {
				const notice = { message, actions, severity };
				state.notices.push(notice);
				return state.answer(notice);
			},
		}));
	});
	beforeEach(() => {
		state.notices.length = 0;
		state.opened.length = 0;
		state.answer = () => undefined;
	});
	after(async () => {
		state.api.setPrompts(undefined);
		state.api.signIn.flowOverride = undefined;
		state.api.signIn.openExternal = openExternal;
		writeFileSync(state.api.files.configFile, config);
		await state.api.store.reload();
		if (activeBefore !== undefined && state.api.store.current?.model.profiles.has(activeBefore)) {
			await vscode.commands.executeCommand('awsProfiles.switchProfile', activeBefore);
		}
	});
	return state;
}

function tokenFileOf(api: TestingApi, session: string): string {
	return path.join(api.files.ssoCacheFolder, ssoCacheFileName(session));
}

function readToken(file: string): CachedSsoToken {
	return JSON.parse(readFileSync(file, 'utf8')) as CachedSsoToken;
}

describe('Sessions: the view\'s sso-session nodes', function () {
	this.timeout(90_000);
	const session = 'fixture-nodes';
	const fixture = useFixture(sessionSections(session, 'fixture-nodes-dev'), 'device-code');
	let tokenFile: string;

	before(() => {
		tokenFile = tokenFileOf(fixture.api, session);
		rmSync(tokenFile, { force: true });
	});

	after(() => rmSync(tokenFile, { force: true }));

	function sessionNode(name: string): vscode.TreeItem {
		const group = fixture.api.tree.getChildren().find((node) => node.label === 'SSO sessions');
		assert.ok(group, 'the view has an SSO sessions group');
		const node = fixture.api.tree.getChildren(group).find((child) => child.label === name);
		assert.ok(node, `the group lists ${name}`);
		return node;
	}

	it('lists the config file\'s sso-sessions after the profiles, each signed out or with its time left', async () => {
		const roots = fixture.api.tree.getChildren();
		assert.equal(roots.at(-1)?.label, 'SSO sessions', 'after the profiles');
		assert.deepEqual(fixture.api.tree.getChildren(roots.at(-1)).map((node) => node.label), ['fixture-corp', session]);
		assert.equal(sessionNode(session).description, 'signed out · 1 profile');
		assert.equal(sessionNode(session).contextValue, 'ssoSession');
		assert.ok(!/^profile/.test(sessionNode(session).contextValue ?? ''), 'no profile action applies to it');
		await vscode.commands.executeCommand('workbench.view.extension.awsProfiles');
		await waitForWorkbenchText('SSO sessions');
		await waitForWorkbenchText('signed out · 1 profile');
	});

	it('signs the session in and out from the node\'s inline actions, clicked in the workbench', async () => {
		await fixture.api.treeView.reveal(sessionNode(session), { select: true, focus: true });
		await clickInWorkbench('Sign In');
		await waitFor(() => existsSync(tokenFile), 30_000);
		assert.equal(readToken(tokenFile).startUrl, startUrl);
		await waitFor(() => /^expires in \d+ h · 1 profile$/.test(String(sessionNode(session).description)), 10_000);
		assert.equal(sessionNode(session).contextValue, 'ssoSession.signedIn', 'Sign Out is offered now');
		assert.ok(fixture.notices.some((n) => /^Signed in to sso-session 'fixture-nodes': /.test(n.message)));
		await waitForWorkbenchText(' h · 1 profile');

		await fixture.api.treeView.reveal(sessionNode(session), { select: true, focus: true });
		await clickInWorkbench('Sign Out');
		await waitFor(() => !existsSync(tokenFile), 20_000).catch((error: Error) => {
			throw new Error(`${error.message}: ${JSON.stringify(fixture.notices)}\n${logText().slice(-2000)}`);
		});
		await waitFor(() => sessionNode(session).description === 'signed out · 1 profile', 10_000);
		assert.equal(sessionNode(session).contextValue, 'ssoSession');
	});

	it('adds profiles from IAM Identity Center with the node\'s session, asking for none', async () => {
		await vscode.commands.executeCommand('awsProfiles.addProfilesFromSso', sessionNode(session));
		await waitFor(() => fixture.notices.some((n) => /Nothing was added\. Not signed in\./.test(n.message)), 20_000);
		assert.ok(fixture.notices.some((n) => n.message.includes(`Sign in to sso-session ${session} first.`)));
	});
});

describe('Sessions: renewing the active session before it expires', function () {
	this.timeout(90_000);
	const session = 'fixture-renew';
	const profile = 'fixture-renew';
	const fixture = useFixture(sessionSections(session, profile), 'device-code');
	const settings = () => vscode.workspace.getConfiguration('awsProfiles');
	let tokenFile: string;

	before(async () => {
		tokenFile = tokenFileOf(fixture.api, session);
		rmSync(tokenFile, { force: true });
		await vscode.commands.executeCommand('awsProfiles.switchProfile', profile);
	});

	after(async () => {
		await settings().update('sessions.refreshAutomatically', undefined, vscode.ConfigurationTarget.Global);
		rmSync(tokenFile, { force: true });
	});

	/** The cached token, its expiry moved to `expiresAt`, written as the AWS CLI writes it. */
	async function expireAt(token: CachedSsoToken, expiresAt: number): Promise<void> {
		writeFileSync(tokenFile, formatCachedToken({ ...token, expiresAt: cacheTimestamp(expiresAt) }), { mode: 0o600 });
		await fixture.api.store.reload();
	}

	it('arms from the known expiry, then renews the token with its refresh token a few minutes before it expires', async () => {
		await vscode.commands.executeCommand('awsProfiles.signIn', profile);
		const signedIn = readToken(tokenFile);
		assert.ok(signedIn.refreshToken, 'the sign-in gave a refresh token');
		await waitFor(() => fixture.api.sessionRefresh.armedFor === Date.parse(signedIn.expiresAt) - refreshLeadMs);

		const soon = Math.floor((Date.now() + 3 * minute) / 1000) * 1000;
		await expireAt(signedIn, soon);
		await waitFor(() => readToken(tokenFile).accessToken !== signedIn.accessToken, 20_000);
		const renewed = readToken(tokenFile);
		assert.ok(Date.now() < soon, 'renewed before it expired');
		assert.ok(Date.parse(renewed.expiresAt) > Date.now() + 60 * minute, 'a new session of hours');
		assert.equal(renewed.clientId, signedIn.clientId, 'the same client registration');
		assert.equal(renewed.registrationExpiresAt, signedIn.registrationExpiresAt);
		assert.ok(renewed.refreshToken);
		assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
		assert.deepEqual(fixture.notices.filter((n) => n.severity !== 'info'), [], 'quietly');
		// The log reaches its file a little later.
		await waitFor(() => /Renewed the session of sso-session 'fixture-renew' with its refresh token/.test(logText()), 10_000);
		for (const secret of [renewed.accessToken, renewed.clientSecret!, renewed.refreshToken]) {
			assert.ok(!logText().includes(secret), 'no secret in the log');
		}
		await waitFor(() => fixture.api.sessionRefresh.armedFor === Date.parse(renewed.expiresAt) - refreshLeadMs, 10_000);
	});

	it('leaves the token alone with awsProfiles.sessions.refreshAutomatically off', async () => {
		await settings().update('sessions.refreshAutomatically', false, vscode.ConfigurationTarget.Global);
		try {
			const token = readToken(tokenFile);
			await expireAt(token, Math.floor((Date.now() + 3 * minute) / 1000) * 1000);
			assert.equal(fixture.api.sessionRefresh.armedFor, undefined);
			const written = readFileSync(tokenFile, 'utf8');
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			assert.equal(readFileSync(tokenFile, 'utf8'), written, 'not renewed');
			// Hours left again before the setting is back on, which would otherwise renew this token during the next test.
			await expireAt(token, Date.now() + 2 * 60 * minute);
		} finally {
			await settings().update('sessions.refreshAutomatically', undefined, vscode.ConfigurationTarget.Global);
		}
	});

	it('falls back to the expiry warning offering Sign In when the renewal is refused', async () => {
		const token = readToken(tokenFile);
		const soon = Math.floor((Date.now() + 3 * minute) / 1000) * 1000;
		// A client IAM Identity Center does not know (its registration was deleted): CreateToken refuses it.
		await expireAt({ ...token, clientId: 'fixture-gone-client', clientSecret: 'fixture-gone-secret' }, soon);
		await waitFor(() => fixture.notices.some((n) => n.actions.includes('Sign In')), 20_000);
		const warning = fixture.notices.find((n) => n.actions.includes('Sign In'))!;
		assert.match(warning.message, /^The session of the active AWS profile 'fixture-renew' expires in (2|3) min and could not be renewed: IAM Identity Center refused the client registration\. Sign in again\.$/);
		assert.deepEqual(warning.actions, ['Sign In']);
		assert.equal(warning.severity, 'warning');
		assert.equal(readToken(tokenFile).expiresAt, cacheTimestamp(soon), 'the file is left as it was');
		assert.equal(fixture.api.sessionRefresh.armedFor, undefined, 'tried once, not again');
	});
});

describe('Sessions: Sign In through the browser (authorization code with PKCE on a loopback redirect)', function () {
	this.timeout(60_000);
	const session = 'fixture-browser';
	const fixture = useFixture(sessionSections(session), 'authorization-code');
	const pages: string[] = [];
	let tokenFile: string;

	before(() => {
		tokenFile = tokenFileOf(fixture.api, session);
		rmSync(tokenFile, { force: true });
		// The browser: it loads the page the extension opens; IAM Identity Center approves and redirects it to the loopback address.
		fixture.browse = async (url) => {
			void fetch(url).then((response) => response.text()).then((page) => pages.push(page), (error: unknown) => pages.push(`error: ${String(error)}`));
		};
	});

	after(() => rmSync(tokenFile, { force: true }));

	it('opens the authorize page, takes the code the browser brings back to the loopback address, and caches the token', async () => {
		await vscode.commands.executeCommand('awsProfiles.signIn', { ssoSession: session });
		assert.equal(fixture.opened.length, 1);
		const page = new URL(fixture.opened[0]);
		assert.equal(`${page.origin}${page.pathname}`, `${process.env.AWS_ENDPOINT_URL}/authorize`);
		assert.equal(page.searchParams.get('response_type'), 'code');
		assert.equal(page.searchParams.get('code_challenge_method'), 'S256');
		assert.match(page.searchParams.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
		assert.ok(existsSync(tokenFile), 'the token is cached');
		assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
		const token = readToken(tokenFile);
		assert.deepEqual(Object.keys(token), ['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
		assert.equal(token.startUrl, startUrl);
		assert.ok(fixture.notices.some((n) => /^Signed in to sso-session 'fixture-browser': the session lasts \d h, renewed by the SDKs on use\.$/.test(n.message)));
		await waitFor(() => pages.length > 0);
		assert.ok(!pages[0].startsWith('error:'), pages[0]);
		assert.ok(!pages[0].includes(token.accessToken), 'the browser\'s page holds no token');
	});
});

describe('Sessions: aws login in a terminal, with an AWS CLI that has it', function () {
	this.timeout(60_000);
	const profile = 'fixture-stub-login';
	const fixture = useFixture(`\n[profile ${profile}]\nlogin_session = arn:aws:iam::111122223333:user/fixture-developer\nregion = eu-west-1\n`, 'device-code');
	const pathBefore = process.env.PATH;
	let folder: string;

	before(async () => {
		// A stub `aws` first on the PATH of the extension host (which asks its version) and of the terminals.
		folder = path.join(sandboxRoot(), 'stub-aws-cli');
		mkdirSync(folder, { recursive: true });
		const stub = path.join(folder, 'aws');
		writeFileSync(stub, [
			'#!/bin/sh',
			`if [ "$1" = "--version" ]; then echo version >> '${folder}/versions.txt'; echo 'aws-cli/2.32.4 Python/3.13.7 Linux/6.8 exe/x86_64'; exit 0; fi`,
			`printf '%s\\n' "$@" > '${folder}/argv.txt.partial' && mv '${folder}/argv.txt.partial' '${folder}/argv.txt'`,
			'',
		].join('\n'));
		chmodSync(stub, 0o755);
		process.env.PATH = `${folder}${path.delimiter}${pathBefore ?? ''}`;
		await vscode.workspace.getConfiguration('terminal.integrated').update('env.linux', { PATH: `${folder}:\${env:PATH}` }, vscode.ConfigurationTarget.Global);
	});

	after(async () => {
		process.env.PATH = pathBefore;
		await vscode.workspace.getConfiguration('terminal.integrated').update('env.linux', undefined, vscode.ConfigurationTarget.Global);
		vscode.window.terminals.filter((t) => t.name === `AWS: Sign in (${profile})`).forEach((t) => t.dispose());
	});

	it('runs aws login --profile P in a terminal (with --remote in a remote window)', async () => {
		await vscode.commands.executeCommand('awsProfiles.signIn', profile);
		assert.deepEqual(fixture.notices, [], 'no "version needed" message');
		assert.ok(existsSync(path.join(folder, 'versions.txt')), 'the installed AWS CLI\'s version was asked');
		const terminal = vscode.window.terminals.find((t) => t.name === `AWS: Sign in (${profile})`);
		assert.ok(terminal, 'the sign-in terminal is open');
		await waitFor(() => existsSync(path.join(folder, 'argv.txt')), 30_000);
		const argv = readFileSync(path.join(folder, 'argv.txt'), 'utf8').split('\n').filter(Boolean);
		assert.deepEqual(argv, ['login', '--profile', profile, ...(vscode.env.remoteName ? ['--remote'] : [])]);
	});
});
