/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Verify Profile in the real VS Code: the real SDK signs real HTTP requests to the local AWS endpoint the
// harness started (AWS_ENDPOINT_URL), which checks the signatures against its seed.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { sandboxRoot, scripted, testingApi, waitFor } from './helpers';

interface Notice {
	readonly message: string;
	readonly actions: readonly string[];
	readonly severity?: string;
}

const secrets = [
	'fixtureDevSecret000000000000000000000001', 'fixtureDefaultSecret00000000000000000001', 'fixtureTempSecret00000000000000000000001',
	'fixtureSessionToken0000000000000000000000000000000001', 'AKIAFIXTUREDEV000001', 'AKIAFIXTUREDEFAULT01', 'ASIAFIXTURETEMP00001',
];

/** Every file VS Code wrote for the extension's output channel, under the sandbox's user data. */
function logText(): string {
	const files: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder)) {
			const file = path.join(folder, entry);
			if (statSync(file).isDirectory()) {
				walk(file);
			} else if (entry.endsWith('AWS Profiles.log')) {
				files.push(file);
			}
		}
	};
	walk(path.join(sandboxRoot(), 'user-data', 'logs'));
	return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

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
	});

	it('offers to sign in when an SSO session has expired, running aws sso login in a terminal', async () => {
		const notice = await verify('fixture-sso', { notify: (_message, actions) => actions[0] });
		assert.deepEqual(notice.actions, ['Sign in']);
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
