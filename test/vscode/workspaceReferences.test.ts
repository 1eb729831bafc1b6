/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { activateExtension, testingApi, waitFor } from './helpers';

function referenceDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((d) => String(d.code).startsWith('profile-reference/'));
}

function isOpen(uri: vscode.Uri): boolean {
	return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
}

function workspaceFile(...parts: string[]): string {
	return path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, ...parts);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
	return hovers.map((h) => h.contents.map((c) => (c as vscode.MarkdownString).value).join('')).join('');
}

describe('Project files of the workspace, checked in the background', function () {
	this.timeout(60_000);
	let api: TestingApi;

	before(async () => {
		api = await testingApi();
	});

	it('found the workspace\'s project files by itself, after activation', async () => {
		const serverless = vscode.Uri.file(workspaceFile('serverless.yml'));
		await waitFor(() => api.projectFiles.has(serverless), 10_000);
		await waitFor(() => referenceDiagnostics(serverless).some((d) => d.code === 'profile-reference/missing-profile'), 10_000);
	});

	it('shows the problems of a file never opened, follows it on disk, and clears them when it is deleted', async () => {
		const file = workspaceFile('never-opened', 'up.json');
		const uri = vscode.Uri.file(file);
		mkdirSync(path.dirname(file), { recursive: true });
		try {
			writeFileSync(file, '{\n  "name": "app",\n  "profile": "fixture-nowhere"\n}\n');
			await waitFor(() => referenceDiagnostics(uri).some((d) => /'fixture-nowhere'/.test(d.message)), 30_000);
			assert.ok(!isOpen(uri), 'the test opened the file');
			const [missing] = referenceDiagnostics(uri);
			assert.equal(missing.code, 'profile-reference/missing-profile');
			// Where the editor would underline it: the name, read from the text on disk.
			assert.equal(missing.range.start.line, 2);
			assert.equal(readFileSync(file, 'utf8').split('\n')[2].slice(missing.range.start.character, missing.range.end.character), 'fixture-nowhere');

			writeFileSync(file, '{\n  "name": "app",\n  "profile": "fixture-elsewhere"\n}\n');
			await waitFor(() => referenceDiagnostics(uri).some((d) => /'fixture-elsewhere'/.test(d.message)), 30_000);
			assert.equal(referenceDiagnostics(uri).length, 1);

			rmSync(file);
			await waitFor(() => referenceDiagnostics(uri).length === 0, 30_000);
			assert.ok(!isOpen(uri));
		} finally {
			rmSync(path.dirname(file), { recursive: true, force: true });
		}
	});

	it('keeps the editor\'s text while the file is open, and the file\'s on disk once it is closed', async () => {
		const file = workspaceFile('opened-then-closed', 'cdk.json');
		const uri = vscode.Uri.file(file);
		mkdirSync(path.dirname(file), { recursive: true });
		try {
			writeFileSync(file, '{"app": "node app.js", "profile": "fixture-on-disk"}\n');
			await waitFor(() => referenceDiagnostics(uri).some((d) => /'fixture-on-disk'/.test(d.message)), 30_000)
				.catch((error: Error) => assert.fail(`${error.message}; followed: ${api.projectFiles.has(uri)}; open: ${isOpen(uri)}; ${JSON.stringify(referenceDiagnostics(uri).map((d) => d.message))}`));
			const document = await vscode.workspace.openTextDocument(uri);
			await vscode.window.showTextDocument(document);
			const edit = new vscode.WorkspaceEdit();
			edit.replace(uri, document.validateRange(new vscode.Range(0, 0, 99, 0)), '{"app": "node app.js", "profile": "fixture-in-editor"}\n');
			assert.ok(await vscode.workspace.applyEdit(edit));
			await waitFor(() => referenceDiagnostics(uri).some((d) => /'fixture-in-editor'/.test(d.message)), 30_000);
			// A change on disk meanwhile does not replace the editor's text.
			writeFileSync(file, '{"app": "node app.js", "profile": "fixture-on-disk-2"}\n');
			await new Promise((resolve) => setTimeout(resolve, 1500));
			assert.ok(referenceDiagnostics(uri).some((d) => /'fixture-in-editor'/.test(d.message)));
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
			await waitFor(() => referenceDiagnostics(uri).some((d) => /'fixture-on-disk-2'/.test(d.message)), 30_000);
		} finally {
			rmSync(path.dirname(file), { recursive: true, force: true });
		}
	});

	it('follows at most 200 files, however many the workspace holds, and lets go of a deleted folder\'s', async () => {
		const folder = workspaceFile('many-projects');
		const uris: vscode.Uri[] = [];
		try {
			for (let i = 0; i < 230; i++) {
				const file = path.join(folder, `p${i}`, 'up.json');
				mkdirSync(path.dirname(file), { recursive: true });
				writeFileSync(file, `{"profile": "fixture-many-${i}"}\n`);
				uris.push(vscode.Uri.file(file));
			}
			await api.projectFiles.scan();
			assert.equal(api.projectFiles.all().length, 200);
			const shown = () => uris.filter((uri) => referenceDiagnostics(uri).length > 0).length;
			await waitFor(() => shown() > 150, 30_000);
			await new Promise((resolve) => setTimeout(resolve, 2000));
			assert.ok(shown() <= 200, `${shown()} files checked`);
			assert.ok(api.projectFiles.all().length <= 200);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
		await waitFor(() => uris.every((uri) => referenceDiagnostics(uri).length === 0), 20_000);
		await api.projectFiles.scan();
	});
});

describe('References a deploy tool cannot see, and the environment of new terminals', function () {
	this.timeout(60_000);
	let api: TestingApi;
	let config: string;
	let activeBefore: string | undefined;
	const folder = () => workspaceFile('deploy-tools');

	before(async () => {
		api = await testingApi();
		config = readFileSync(api.files.configFile, 'utf8');
		activeBefore = (await activateExtension()).getActiveProfile();
		mkdirSync(folder(), { recursive: true });
	});

	after(async () => {
		writeFileSync(api.files.configFile, config);
		await api.store.reload();
		if (activeBefore !== undefined) {
			await vscode.commands.executeCommand('awsProfiles.switchProfile', activeBefore);
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		rmSync(folder(), { recursive: true, force: true });
	});

	async function opened(name: string, text: string): Promise<vscode.TextDocument> {
		const file = path.join(folder(), name);
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
		const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
		await vscode.window.showTextDocument(document);
		return document;
	}

	async function invisible(document: vscode.TextDocument): Promise<vscode.Diagnostic> {
		await waitFor(() => referenceDiagnostics(document.uri).some((d) => d.code === 'profile-reference/invisible-to-tool'), 30_000);
		return referenceDiagnostics(document.uri).find((d) => d.code === 'profile-reference/invisible-to-tool')!;
	}

	it('flags a config-only profile on the reference of a Serverless v3 project, naming the tool and linking to the header', async () => {
		const document = await opened(path.join('v3', 'serverless.yml'), 'service: v3app\nframeworkVersion: \'3\'\nprovider:\n  name: aws\n  profile: fixture-settings\n');
		const diagnostic = await invisible(document);
		assert.equal(document.getText(diagnostic.range), 'fixture-settings');
		assert.match(diagnostic.message, /^Serverless Framework v3 .*credentials file.*'fixture-settings'/);
		const header = diagnostic.relatedInformation?.find((related) => related.location.uri.fsPath === api.files.configFile);
		assert.ok(header, JSON.stringify(diagnostic.relatedInformation));
		assert.equal(config.split(/\r?\n/)[header.location.range.start.line], '[profile fixture-settings]');
	});

	it('flags a profile whose header the JavaScript SDK reads otherwise, from CDK and Serverless v4', async () => {
		appendFileSync(api.files.configFile, '\n[profile lambda]# main\ncredential_process = /usr/local/bin/fixture-creds\n');
		await api.store.reload();
		const cdk = await opened(path.join('cdk', 'cdk.json'), '{\n  "app": "node app.js",\n  "profile": "lambda"\n}\n');
		const v4 = await opened(path.join('v4', 'serverless.yml'), 'service: v4app\nprovider:\n  name: aws\n  profile: lambda\n');
		for (const [document, tool] of [[cdk, 'CDK'], [v4, 'Serverless Framework v4']] as const) {
			const diagnostic = await invisible(document);
			assert.equal(document.getText(diagnostic.range), 'lambda');
			assert.ok(diagnostic.message.startsWith(`${tool} reads the files with the JavaScript SDK`), diagnostic.message);
			assert.match(diagnostic.message, /\[profile lambda\]# main/);
			assert.ok(diagnostic.relatedInformation?.some((related) => related.location.uri.fsPath === api.files.configFile));
		}
	});

	it('hovers a name typed a moment ago, before its check was due', async () => {
		const document = await opened(path.join('typed', 'cdk.json'), '{\n  "app": "node app.js",\n  "profile": "fixture-dev"\n}\n');
		await waitFor(() => api.store.current !== undefined);
		assert.match(await hoverText(document.uri, new vscode.Position(2, 18)), /fixture\\-dev\*\*/);
		const edit = new vscode.WorkspaceEdit();
		edit.replace(document.uri, new vscode.Range(2, 14, 2, 25), 'fixture-sso');
		assert.ok(await vscode.workspace.applyEdit(edit));
		assert.match(await hoverText(document.uri, new vscode.Position(2, 18)), /fixture\\-sso\*\*/);
	});

	it('reads ${env:AWS_PROFILE, \'default\'} from the environment new terminals get: the active profile, and says so', async () => {
		const document = await opened(path.join('env', 'serverless.yml'), 'service: envapp\nprovider:\n  name: aws\n  profile: ${env:AWS_PROFILE, \'default\'}\n');
		const position = new vscode.Position(3, '  profile: ${env:AWS'.length);
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-broken');
		const said = /^Profile 'fixture-broken' \(with AWS_PROFILE=fixture-broken from the environment of new terminals \(the active profile\)\) cannot give credentials/;
		await waitFor(() => referenceDiagnostics(document.uri).some((d) => said.test(d.message)), 30_000);
		const [broken] = referenceDiagnostics(document.uri);
		assert.equal(broken.code, 'profile-reference/broken-profile');
		assert.equal(document.getText(broken.range), '${env:AWS_PROFILE, \'default\'}');
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		await waitFor(() => referenceDiagnostics(document.uri).length === 0, 30_000);
		let hover = '';
		for (let i = 0; i < 50 && !/AWS_PROFILE=fixture-dev/.test(hover); i++) {
			hover = await hoverText(document.uri, position);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		assert.match(hover, /fixture\\-dev\*\*/);
		assert.match(hover, /The name is read \(with AWS_PROFILE=fixture-dev from the environment of new terminals \(the active profile\)\)/);
	});
});
