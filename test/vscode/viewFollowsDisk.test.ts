/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The Profiles view and the status bar show the AWS files as saved on disk, which is what the SDKs and the
// AWS CLI read: text typed into an editor shows only once it is saved. And a change on disk shows by itself,
// an in-place append too (how long it takes is `npm run bench`, append.bench.ts, not a test).

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { testingApi, waitFor } from './helpers';

function profileLabels(api: TestingApi): string[] {
	return api.tree.getChildren().filter((node) => /^profile/.test(node.contextValue ?? '')).map((node) => String(node.label));
}

function statusTooltip(api: TestingApi): string {
	return (api.statusBar.tooltip as vscode.MarkdownString).value;
}

describe('The view follows the files on disk', function () {
	this.timeout(30_000);
	let api: TestingApi;

	before(async () => {
		api = await testingApi();
		await api.store.reload();
		api.resetVerifications();
	});

	after(async () => {
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'default');
	});

	it('shows typed text only once it is saved, with auto-save off: the tree and the status bar', async () => {
		const files = vscode.workspace.getConfiguration('files');
		// code-server is the web build, where auto-save defaults to afterDelay: typed text reaches the disk (and
		// so the view) a second later. Off, an unsaved document must change nothing.
		console.log(`    files.autoSave defaults to '${files.inspect<string>('autoSave')?.defaultValue}' in this VS Code (${vscode.env.appHost})`);
		await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
		const file = api.files.credentialsFile;
		const onDisk = readFileSync(file, 'utf8');
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
		const editor = await vscode.window.showTextDocument(document);
		try {
			await vscode.commands.executeCommand('workbench.action.files.revert');
			assert.equal(editor.document.getText(), onDisk, 'the editor starts from the file on disk');
			const labels = profileLabels(api);
			const statusText = api.statusBar.text;
			const tooltip = statusTooltip(api);
			assert.match(tooltip, /AKIA\*\*\*\*0001/);

			// Type a new profile at the end and change the active profile's key id, without saving.
			const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
			editor.selection = new vscode.Selection(end, end);
			await vscode.commands.executeCommand('type', { text: '\n[fixture-typed]\naws_access_key_id = AKIAFIXTURETYPED0001\naws_secret_access_key = fixtureTypedSecret000000000000000000001\n' });
			const keyId = editor.document.getText().indexOf('AKIAFIXTUREDEV000001');
			await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(keyId), editor.document.positionAt(keyId + 20)), 'AKIAFIXTUREDEV000009'));
			assert.ok(editor.document.isDirty);
			// Longer than auto-save's delay, the store's settle time and the lint of the typed text.
			await new Promise((resolve) => setTimeout(resolve, 2500));
			await api.store.snapshot();
			assert.equal(readFileSync(file, 'utf8'), onDisk, 'nothing was saved');
			assert.deepEqual(profileLabels(api), labels, 'the tree shows the file on disk');
			assert.equal(api.statusBar.text, statusText);
			assert.equal(statusTooltip(api), tooltip, 'the status bar shows the file on disk');

			assert.ok(await editor.document.save());
			await waitFor(() => api.store.current?.model.profiles.has('fixture-typed') === true, 10_000);
			assert.ok(profileLabels(api).includes('fixture-typed'), 'saved, the tree shows it');
			assert.match(statusTooltip(api), /AKIA\*\*\*\*0009/, 'saved, the status bar shows it');
		} finally {
			writeFileSync(file, onDisk);
			await vscode.commands.executeCommand('workbench.action.files.revert');
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
			await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
			await waitFor(() => !api.store.current?.model.profiles.has('fixture-typed'), 10_000);
		}
	});

	it('shows a profile appended in place to the credentials file (no rename)', async () => {
		const file = api.files.credentialsFile;
		const before = readFileSync(file, 'utf8');
		await vscode.commands.executeCommand('awsProfiles.profiles.focus');
		try {
			appendFileSync(file, '\n[fixture-appended]\naws_access_key_id = AKIAFIXTUREAPPEND001\naws_secret_access_key = fixtureAppendSecret00000000000000000001\n');
			await waitFor(() => profileLabels(api).includes('fixture-appended'), 10_000);
		} finally {
			writeFileSync(file, before);
			await waitFor(() => !api.store.current?.model.profiles.has('fixture-appended'), 10_000);
		}
	});

	it('follows the SSO token cache after its folder was removed and made again (rm -rf ~/.aws/sso, then a login)', async function () {
		this.timeout(60_000);
		const sso = path.join(path.dirname(api.files.configFile), 'sso');
		const cache = path.join(sso, 'cache');
		const token = path.join(cache, `${createHash('sha1').update('fixture-corp').digest('hex')}.json`);
		const login = () => {
			mkdirSync(cache, { recursive: true });
			const expiresAt = new Date(Date.now() + 3 * 3600_000).toISOString();
			writeFileSync(token, JSON.stringify({ startUrl: 'https://fixture.awsapps.com/start', region: 'eu-west-1', accessToken: 'fixture-token', expiresAt }));
		};
		const state = () => api.store.current?.model.profiles.get('fixture-sso')?.expiry?.state;
		try {
			login();
			await waitFor(() => state() === 'known', 15_000);
			rmSync(sso, { recursive: true, force: true });
			await waitFor(() => state() === 'no-token', 15_000);
			login();
			await waitFor(() => state() === 'known', 15_000);
		} finally {
			rmSync(sso, { recursive: true, force: true });
			await api.store.reload();
		}
	});

	it('makes a profile\'s tooltip when VS Code asks for it (hover), not with every node of every change', async () => {
		await api.store.reload();
		api.tree.refresh();
		const nodes = api.tree.getChildren().filter((node) => /^profile/.test(node.contextValue ?? ''));
		assert.ok(nodes.length > 5);
		assert.ok(nodes.every((node) => node.tooltip === undefined), 'the nodes VS Code fetches carry no tooltip');
		const dev = nodes.find((node) => node.label === 'fixture-dev')!;
		const resolved = api.tree.resolveTreeItem(dev, dev);
		assert.match((resolved.tooltip as vscode.MarkdownString).value, /Access key: `AKIA\*\*\*\*0001`/);
	});
});
