/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { activateExtension, scripted, testingApi, waitFor } from './helpers';

function referenceDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((d) => String(d.code).startsWith('profile-reference/'));
}

describe('Profile references in serverless.yml', function () {
	this.timeout(30_000);
	let api: TestingApi;
	let document: vscode.TextDocument;
	let original: string;

	before(async () => {
		api = await testingApi();
		const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'serverless.yml');
		original = readFileSync(file, 'utf8');
		document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
		await vscode.window.showTextDocument(document);
	});

	after(async () => {
		writeFileSync(document.fileName, original);
		await vscode.commands.executeCommand('workbench.action.files.revert');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('underlines the one stage\'s profile that does not exist, where it is written', async () => {
		await waitFor(() => referenceDiagnostics(document.uri).some((d) => d.code === 'profile-reference/missing-profile'));
		const missing = referenceDiagnostics(document.uri).filter((d) => d.code === 'profile-reference/missing-profile');
		assert.equal(missing.length, 1);
		assert.equal(document.getText(missing[0].range), 'fixture-devv');
		assert.match(missing[0].message, /fixture-devv/);
		// The files under the home folder named as the user knows them, not by their absolute paths.
		assert.match(missing[0].message, /is not defined in ~\/\.aws\/credentials or ~\/\.aws\/config\./);
		// Where the name is read, shown as related information (it was computed and dropped before).
		const used = missing[0].relatedInformation?.find((related) => related.location.uri.toString() === document.uri.toString());
		assert.match(used?.message ?? '', /^Used by provider\.profile/, JSON.stringify(missing[0].relatedInformation));
		assert.match(document.getText(used!.location.range), /^\$\{self:custom\.profiles/);
	});

	it('offers the profiles in completion, and a CodeLens that says which profile deploys', async () => {
		const line = document.getText().split('\n').findIndex((l) => l.includes('dev: fixture-dev'));
		const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, '    dev: fixture'.length));
		assert.ok(completions.items.some((item) => item.label === 'fixture-sso'));
		const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
		const titles = lenses.map((lens) => lens.command?.title ?? '');
		assert.ok(titles.some((title) => /^Deploys as fixture-dev\b/.test(title)), titles.join(' | '));
	});

	it('completes a name being typed in custom.profiles, before the text is checked again', async () => {
		const line = document.getText().split('\n').findIndex((l) => l.includes('prod: fixture-devv'));
		const edit = new vscode.WorkspaceEdit();
		edit.insert(document.uri, new vscode.Position(line + 1, 0), '    qa: fixture-\n');
		assert.ok(await vscode.workspace.applyEdit(edit));
		try {
			const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line + 1, '    qa: fixture-'.length));
			const item = completions.items.find((i) => i.label === 'fixture-sso');
			assert.ok(item, completions.items.map((i) => i.label).join(', '));
			// The whole name is replaced, dashes and all.
			const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
			assert.equal(range && document.getText(range), 'fixture-');
		} finally {
			const undo = new vscode.WorkspaceEdit();
			undo.delete(document.uri, new vscode.Range(line + 1, 0, line + 2, 0));
			assert.ok(await vscode.workspace.applyEdit(undo));
		}
		assert.equal(document.getText(), original);
	});

	it('hovers a reference with its profile and stages, goes to its definition, and says when the terminal differs', async () => {
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-sso');
		const line = document.getText().split('\n').findIndex((l) => l.includes('dev: fixture-dev'));
		const position = new vscode.Position(line, '    dev: fixture'.length);
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
		const hover = hovers.map((h) => h.contents.map((c) => (c as vscode.MarkdownString).value).join('')).join('');
		assert.match(hover, /fixture\\-dev\*\* · keys/);
		assert.match(hover, /Stage: dev/);
		const [definition] = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
		const target = 'targetUri' in definition ? definition.targetUri : definition.uri;
		assert.equal(target.fsPath, api.files.configFile);
		const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
		const titles = lenses.map((lens) => lens.command?.title ?? '');
		assert.ok(titles.includes('Terminal uses fixture-sso'), titles.join(' | '));
		const lens = lenses.find((l) => l.command?.title.startsWith('Deploys as fixture-dev'))!;
		await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
		assert.equal((await activateExtension()).getActiveProfile(), 'fixture-dev');
	});

	it('adds the missing profile from the quick fix, and the warning goes away by itself', async () => {
		const [missing] = referenceDiagnostics(document.uri).filter((d) => d.code === 'profile-reference/missing-profile');
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
		const add = actions.find((action) => action.title === "Add AWS Profile 'fixture-devv'...");
		assert.ok(add?.command, actions.map((a) => a.title).join(', '));
		const credentials = readFileSync(api.files.credentialsFile, 'utf8');
		const config = readFileSync(api.files.configFile, 'utf8');
		api.setPrompts(scripted({ steps: ['credential-process', 'fixture-devv', 'fixture-creds', ''], notify: () => undefined }));
		try {
			await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
			await waitFor(() => !referenceDiagnostics(document.uri).some((d) => d.code === 'profile-reference/missing-profile'));
		} finally {
			api.setPrompts(undefined);
			writeFileSync(api.files.credentialsFile, credentials);
			writeFileSync(api.files.configFile, config);
			await api.store.reload();
		}
	});

	it('renames the reference to the closest profile with the other quick fix', async () => {
		await waitFor(() => referenceDiagnostics(document.uri).some((d) => d.code === 'profile-reference/missing-profile'));
		const [missing] = referenceDiagnostics(document.uri).filter((d) => d.code === 'profile-reference/missing-profile');
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
		const change = actions.find((action) => action.title === "Change to 'fixture-dev'");
		assert.ok(change?.edit, actions.map((a) => a.title).join(', '));
		assert.ok(await vscode.workspace.applyEdit(change.edit));
		assert.equal(document.getText(), original.replace('prod: fixture-devv', 'prod: fixture-dev'));
		await waitFor(() => referenceDiagnostics(document.uri).filter((d) => d.code === 'profile-reference/missing-profile').length === 0);
	});

	it('reads the .env file Serverless loads, and fixes a name written there in that file', async () => {
		const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'dotenv-fix');
		mkdirSync(folder, { recursive: true });
		const serverless = path.join(folder, 'serverless.yml');
		const dotenv = path.join(folder, '.env');
		writeFileSync(serverless, 'service: s\nuseDotenv: true\nprovider:\n  name: aws\n  profile: ${env:DEPLOY_PROFILE}\n');
		writeFileSync(dotenv, '# the deploy profile\nDEPLOY_PROFILE=fixture-dve\n');
		try {
			const project = await vscode.workspace.openTextDocument(vscode.Uri.file(serverless));
			await vscode.window.showTextDocument(project);
			await waitFor(() => referenceDiagnostics(project.uri).some((d) => d.code === 'profile-reference/missing-profile'));
			const [missing] = referenceDiagnostics(project.uri).filter((d) => d.code === 'profile-reference/missing-profile');
			assert.match(missing.message, /fixture-dve/);
			const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', project.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
			const change = actions.find((action) => action.title === "Change to 'fixture-dev'");
			assert.ok(change?.edit, actions.map((a) => a.title).join(', '));
			assert.deepEqual(change.edit.entries().map(([uri]) => uri.fsPath), [dotenv], 'the edit is in the .env file');
			assert.ok(await vscode.workspace.applyEdit(change.edit));
			const edited = await vscode.workspace.openTextDocument(vscode.Uri.file(dotenv));
			assert.equal(edited.getText(), '# the deploy profile\nDEPLOY_PROFILE=fixture-dev\n');
			await edited.save();
			await waitFor(() => !referenceDiagnostics(project.uri).some((d) => d.code === 'profile-reference/missing-profile'));
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
			rmSync(folder, { recursive: true, force: true });
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
	});

	describe('in the other tools\' files', () => {
		const files: [string, string, string][] = [
			['up.json', '{\n  "name": "app",\n  "profile": "fixture-"\n}\n', '  "profile": "fixture-'],
			['.env', 'AWS_PROFILE=fixture-\n', 'AWS_PROFILE=fixture-'],
			['samconfig.toml', 'version = 0.1\n[default.deploy.parameters]\nprofile = "fixture-"\n', 'profile = "fixture-'],
			['main.tf', 'provider "aws" {\n  profile = "fixture-"\n}\n', '  profile = "fixture-'],
		];
		for (const [name, text, before] of files) {
			it(`completes profile names in ${name}`, async () => {
				const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name);
				writeFileSync(file, text);
				try {
					const opened = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
					const line = text.split('\n').findIndex((l) => l.startsWith(before));
					const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', opened.uri, new vscode.Position(line, before.length));
					assert.ok(completions.items.some((item) => item.label === 'fixture-dev'), completions.items.map((i) => i.label).join(', '));
					await waitFor(() => referenceDiagnostics(opened.uri).some((d) => d.code === 'profile-reference/missing-profile'));
				} finally {
					rmSync(file, { force: true });
				}
			});
		}
	});
});
