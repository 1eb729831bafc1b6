/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Time left on temporary credentials (the view's description, the status bar's tooltip) and Copy as
// Environment Variables, in the real VS Code. A role is resolved by the real SDK through the local AWS
// endpoint (AWS_ENDPOINT_URL), and the copied lines are run by a real shell with the real AWS CLI.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { logText, sandboxRoot, scripted, testingApi, waitFor } from './helpers';

interface Notice {
	readonly message: string;
	readonly severity?: string;
}

const devKeys = { id: 'AKIAFIXTUREDEV000001', secret: 'fixtureDevSecret000000000000000000000001' };
const minute = 60_000;

describe('Time left and Copy as Environment Variables', function () {
	this.timeout(30_000);
	let api: TestingApi;
	const notices: Notice[] = [];

	before(async () => {
		api = await testingApi();
		await api.store.reload();
		api.resetVerifications();
		api.setPrompts(scripted({ notify: (message, _actions, severity) => (notices.push({ message, severity }), undefined) }));
	});

	beforeEach(() => {
		notices.length = 0;
	});

	after(async () => {
		api.setPrompts(undefined);
		await vscode.workspace.getConfiguration('awsProfiles').update('copyEnvironment.shell', undefined, vscode.ConfigurationTarget.Global);
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'default');
	});

	function description(name: string): string {
		const node = api.tree.getChildren().find((n) => n.label === name && /^profile/.test(n.contextValue ?? ''));
		return String(node?.description ?? '');
	}

	async function copy(profile: string): Promise<{ text: string; notice: Notice }> {
		await vscode.env.clipboard.writeText('');
		await vscode.commands.executeCommand('awsProfiles.copyAsEnvironmentVariables', profile);
		await waitFor(() => notices.length > 0, 20_000);
		return { text: await vscode.env.clipboard.readText(), notice: notices[0] };
	}

	it('shows how long temporary keys still work in the view and the status bar\'s tooltip', async () => {
		const file = api.files.credentialsFile;
		const before = readFileSync(file, 'utf8');
		// Half a minute to spare, so the test may take that long and still read "42 min".
		const expiresAt = new Date(Date.now() + 42 * minute + 30_000).toISOString();
		try {
			writeFileSync(file, `${before}\n[fixture-saml]\naws_access_key_id = ASIAFIXTURESAML00001\naws_secret_access_key = fixtureSamlSecret00000000000000000000001\naws_session_token = fixtureSamlToken000000000000000000000001\naws_expiration = ${expiresAt}\n`);
			await waitFor(() => api.store.current?.model.profiles.has('fixture-saml') === true, 10_000);
			assert.equal(description('fixture-saml'), 'expires in 42 min');
			assert.match(description('fixture-temp'), /^expired \d+ years ago$/, 'aws_expiration 2020-01-01');
			await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-saml');
			assert.equal(description('fixture-saml'), 'active · expires in 42 min');
			assert.match((api.statusBar.tooltip as vscode.MarkdownString).value, /^Its credentials expire in 42 min\.$/m);
			await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-temp');
			assert.match((api.statusBar.tooltip as vscode.MarkdownString).value, /^Its credentials expired \d+ years ago\.$/m);
		} finally {
			writeFileSync(file, before);
			await waitFor(() => !api.store.current?.model.profiles.has('fixture-saml'), 10_000);
		}
	});

	it('shows how long an SSO profile\'s cached token still works', async () => {
		const cache = path.join(path.dirname(api.files.configFile), 'sso', 'cache');
		const file = path.join(cache, `${createHash('sha1').update('fixture-corp').digest('hex')}.json`);
		mkdirSync(cache, { recursive: true });
		try {
			const expiresAt = new Date(Date.now() + 3 * 60 * minute + 30 * minute).toISOString();
			writeFileSync(file, JSON.stringify({ startUrl: 'https://fixture.awsapps.com/start', region: 'eu-west-1', accessToken: 'fixture-token', expiresAt }));
			await waitFor(() => api.store.current?.model.profiles.get('fixture-sso')?.expiry?.state === 'known', 15_000);
			assert.equal(description('fixture-sso'), 'ap-southeast-2 · expires in 3 h');
		} finally {
			rmSync(path.join(path.dirname(api.files.configFile), 'sso'), { recursive: true, force: true });
			await api.store.reload();
		}
		assert.equal(description('fixture-sso'), 'ap-southeast-2', 'no cached token: nothing said');
	});

	it('copies the keys written in a profile as POSIX export lines, and names only the variables', async () => {
		await vscode.workspace.getConfiguration('awsProfiles').update('copyEnvironment.shell', 'posix', vscode.ConfigurationTarget.Global);
		const { text, notice } = await copy('fixture-dev');
		assert.equal(text, `export AWS_ACCESS_KEY_ID='${devKeys.id}'\nexport AWS_SECRET_ACCESS_KEY='${devKeys.secret}'\nexport AWS_REGION='us-east-2'\n`);
		assert.equal(notice.severity, 'info');
		assert.equal(notice.message, 'Copied AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION of \'fixture-dev\' as POSIX shell (export) lines.');
	});

	it('writes PowerShell or cmd lines by the setting', async () => {
		const settings = vscode.workspace.getConfiguration('awsProfiles');
		await settings.update('copyEnvironment.shell', 'powershell', vscode.ConfigurationTarget.Global);
		assert.equal((await copy('fixture-dev')).text, `$Env:AWS_ACCESS_KEY_ID = '${devKeys.id}'\n$Env:AWS_SECRET_ACCESS_KEY = '${devKeys.secret}'\n$Env:AWS_REGION = 'us-east-2'\n`);
		notices.length = 0;
		await settings.update('copyEnvironment.shell', 'cmd', vscode.ConfigurationTarget.Global);
		assert.equal((await copy('fixture-dev')).text, `set "AWS_ACCESS_KEY_ID=${devKeys.id}"\nset "AWS_SECRET_ACCESS_KEY=${devKeys.secret}"\nset "AWS_REGION=us-east-2"\n`);
		await settings.update('copyEnvironment.shell', 'posix', vscode.ConfigurationTarget.Global);
	});

	it('resolves a role through the SDK (local AWS endpoint): the lines work in a shell with the AWS CLI', async () => {
		const { text, notice } = await copy('fixture-admin');
		assert.equal(notice.severity, 'info', notice.message);
		assert.match(notice.message, /^Copied AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION of 'fixture-admin' as POSIX shell \(export\) lines\. They expire in \d+ (min|h)\.$/);
		const values = new Map([...text.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
		assert.deepEqual([...values.keys()], ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION']);
		assert.match(values.get('AWS_ACCESS_KEY_ID')!, /^ASIA/, 'the role\'s temporary keys, not the source\'s');
		assert.ok(!text.includes(devKeys.secret));
		for (const value of values.values()) {
			assert.ok(!notice.message.includes(value), 'the notification holds no value');
			assert.ok(!logText().includes(value), 'the log holds no value');
		}
		// The copied lines, run by a shell, give the AWS CLI the role's identity (no profile, no files).
		const empty = path.join(sandboxRoot(), 'no-such-file');
		// Debian's AWS CLI predates AWS_ENDPOINT_URL: the local endpoint is given as --endpoint-url.
		const script = `${text}exec aws --endpoint-url "$1" sts get-caller-identity --output json`;
		const { stdout: identity } = await promisify(execFile)('/bin/sh', ['-c', script, 'sh', process.env.AWS_ENDPOINT_URL!], {
			encoding: 'utf8',
			env: { PATH: process.env.PATH, HOME: sandboxRoot(), AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: empty, AWS_SHARED_CREDENTIALS_FILE: empty },
		});
		assert.match((JSON.parse(identity) as { Arn: string }).Arn, /^arn:aws:sts::111122223333:assumed-role\/Admin\//);
	});

	it('says why nothing was copied, without a value: a broken role, a profile of settings only', async () => {
		const broken = await copy('fixture-broken');
		assert.equal(broken.notice.severity, 'error');
		assert.match(broken.notice.message, /^Nothing was copied\. The source_profile of 'fixture-broken' names 'fixture-missing'/);
		assert.equal(broken.text, '');
		notices.length = 0;
		const settings = await copy('fixture-settings');
		assert.equal(settings.notice.message, '\'fixture-settings\' has no credentials to copy: it holds settings only.');
		assert.equal(settings.text, '');
	});

	it('is in the profile\'s context menu and the command palette', () => {
		const manifest = vscode.extensions.getExtension('aws-profiles.aws-profiles')!.packageJSON as {
			contributes: { menus: Record<string, { command: string; when?: string }[]> };
		};
		const menu = manifest.contributes.menus['view/item/context'].find((item) => item.command === 'awsProfiles.copyAsEnvironmentVariables');
		assert.match(menu?.when ?? '', /viewItem =~ \/\^profile\//);
		assert.ok(!manifest.contributes.menus.commandPalette.some((item) => item.command === 'awsProfiles.copyAsEnvironmentVariables'), 'not hidden from the palette');
	});
});
