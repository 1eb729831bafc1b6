/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import type { InputStepOptions } from '../../src/ui/prompts';
import { relint, scripted, ScriptedAnswers, testingApi, waitFor } from './helpers';

function diagnosticsOf(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'AWS Profiles' && (code === undefined || d.code === code));
}

describe('Diagnostics in the config and credentials files', function () {
	this.timeout(30_000);
	let api: TestingApi;
	let config: vscode.TextDocument;

	before(async () => {
		api = await testingApi();
		config = await vscode.workspace.openTextDocument(vscode.Uri.file(api.files.configFile));
		await vscode.window.showTextDocument(config);
	});

	afterEach(async () => {
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('gives the files their languages, and underlines a source_profile that names no profile', async () => {
		assert.equal(config.languageId, 'aws-config');
		await waitFor(() => diagnosticsOf(config.uri, 'aws-files/source-profile-missing').length > 0);
		const [missing] = diagnosticsOf(config.uri, 'aws-files/source-profile-missing');
		assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
		assert.equal(config.getText(missing.range), 'fixture-missing');
	});

	it('offers to add the missing source profile: Add AWS Profile, with the name filled in', async () => {
		await waitFor(() => diagnosticsOf(config.uri, 'aws-files/source-profile-missing').length > 0);
		const [missing] = diagnosticsOf(config.uri, 'aws-files/source-profile-missing');
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', config.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
		const add = actions.find((action) => action.title === 'Add AWS Profile \'fixture-missing\'...');
		assert.deepEqual(add?.command?.arguments, ['fixture-missing'], `no such fix among ${actions.map((a) => a.title).join(', ')}`);
		const asked: ScriptedAnswers['asked'] = [];
		api.setPrompts(scripted({ steps: ['static', undefined], asked }));
		try {
			await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? []));
		} finally {
			api.setPrompts(undefined);
		}
		assert.equal((asked[1] as InputStepOptions).value, 'fixture-missing', 'the wizard starts from the missing name');
	});

	it('tells, on a config-only profile, that a Serverless v3 project of the workspace cannot see it', async () => {
		const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'legacy-api');
		mkdirSync(folder, { recursive: true });
		const project = vscode.Uri.file(path.join(folder, 'serverless.yml'));
		writeFileSync(project.fsPath, 'service: legacy\nframeworkVersion: \'3\'\nprovider:\n  name: aws\n  profile: fixture-settings\n');
		const header = config.getText().split('\n').indexOf('[profile fixture-settings]');
		const reported = () => diagnosticsOf(config.uri, 'aws-files/config-only-profile');
		try {
			await api.serverlessProjects.scan(); // as at start-up: found by searching the workspace
			await waitFor(() => reported().length > 0, 10_000);
			const [info] = reported();
			assert.equal(info.severity, vscode.DiagnosticSeverity.Information);
			assert.equal(info.range.start.line, header);
			assert.match(info.message, /^legacy-api\/serverless\.yml uses this profile with Serverless Framework v3/);

			// Changed on disk outside VS Code: the watcher the search started reads it again.
			const text = readFileSync(project.fsPath, 'utf8');
			writeFileSync(project.fsPath, text.replace('\'3\'', '\'4\''));
			await waitFor(() => reported().length === 0, 10_000);
			writeFileSync(project.fsPath, text);
			await waitFor(() => reported().length > 0, 10_000);

			// Moved to v4 (which reads the config file) in the editor and saved: the finding goes.
			const document = await vscode.workspace.openTextDocument(project);
			const upgrade = new vscode.WorkspaceEdit();
			upgrade.replace(project, new vscode.Range(1, 19, 1, 20), '4');
			assert.ok(await vscode.workspace.applyEdit(upgrade));
			assert.ok(await document.save());
			assert.match(document.getText(), /frameworkVersion: '4'/);
			await waitFor(() => reported().length === 0, 10_000);

			// Back to v3, then the project deleted through VS Code.
			const downgrade = new vscode.WorkspaceEdit();
			downgrade.replace(project, new vscode.Range(1, 19, 1, 20), '3');
			assert.ok(await vscode.workspace.applyEdit(downgrade));
			assert.ok(await document.save());
			await waitFor(() => reported().length > 0, 10_000);
			const deletion = new vscode.WorkspaceEdit();
			deletion.deleteFile(project);
			assert.ok(await vscode.workspace.applyEdit(deletion));
			await waitFor(() => reported().length === 0, 10_000);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});


	it('lints the text as it is typed, and its quick fix repairs it leaving every other byte alone', async () => {
		const editor = vscode.window.activeTextEditor!;
		const line = config.getText().split('\n').indexOf('region = us-east-2');
		await editor.edit((builder) => builder.replace(new vscode.Range(line, 0, line, 'region'.length), 'regoin'));
		const typed = config.getText();
		await waitFor(() => diagnosticsOf(config.uri, 'aws-files/unknown-key').length > 0);
		const [unknown] = diagnosticsOf(config.uri, 'aws-files/unknown-key');
		assert.equal(unknown.range.start.line, line);
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', config.uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
		const change = actions.find((action) => action.title === "Change to 'region'");
		assert.ok(change?.edit, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
		assert.ok(await vscode.workspace.applyEdit(change.edit));
		assert.equal(config.getText(), typed.replace('regoin = us-east-2', 'region = us-east-2'));
		await waitFor(() => diagnosticsOf(config.uri, 'aws-files/unknown-key').length === 0);
	});

	it('keeps the real files\' problems and quick fixes to their own pair while documents marked with the AWS languages are linted', async () => {
		const editor = vscode.window.activeTextEditor!;
		const line = config.getText().split('\n').indexOf('region = us-east-2');
		await editor.edit((builder) => builder.replace(new vscode.Range(line, 0, line, 'region'.length), 'regoin'));
		await waitFor(() => diagnosticsOf(config.uri, 'aws-files/unknown-key').length > 0);
		const [unknown] = diagnosticsOf(config.uri, 'aws-files/unknown-key');
		const quickFixes = async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>(
			'vscode.executeCodeActionProvider', config.uri, unknown.range, vscode.CodeActionKind.QuickFix.value)).map((action) => action.title);
		assert.ok((await quickFixes()).includes("Change to 'region'"));
		// Scratch documents the user gave the AWS languages, each linted with the real other file, and linted last.
		const scratches = [
			// Its [default] would override the real config's region, were it the real credentials file.
			{ language: 'aws-credentials', content: '[default]\nregion = us-west-2\nregoin = us-west-2\n' },
			{ language: 'aws-config', content: '[profile scratch]\nregoin = us-west-2\n' },
		];
		let opened = 0;
		try {
			for (const scratch of scratches) {
				const document = await vscode.workspace.openTextDocument(scratch);
				await vscode.window.showTextDocument(document, { preview: false });
				opened++;
				await waitFor(() => diagnosticsOf(document.uri, 'aws-files/unknown-key').length > 0, 10_000);
				assert.deepEqual(diagnosticsOf(config.uri).map((d) => d.code).filter((code) => code === 'aws-files/overridden-by-credentials'), []);
				assert.ok((await quickFixes()).includes("Change to 'region'"), `the real config's quick fix, after a ${scratch.language} scratch`);
			}
		} finally {
			for (let i = 0; i < opened; i++) {
				await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
			}
			await vscode.window.showTextDocument(config); // afterEach reverts the active editor
		}
	});

	it('keeps a backup, 0600, when a quick fix is saved by auto-save, as the extension\'s own writes do', async () => {
		const file = api.files.configFile;
		const backup = `${file}.bak`;
		const original = readFileSync(file, 'utf8');
		const withTypo = original.replace('region = us-east-2', 'regoin = us-east-2');
		const files = vscode.workspace.getConfiguration('files');
		writeFileSync(file, withTypo);
		const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
		await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand('workbench.action.files.revert'); // the text on disk now
		await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
		await files.update('autoSaveDelay', 300, vscode.ConfigurationTarget.Global);
		try {
			await waitFor(() => document.getText() === withTypo && diagnosticsOf(document.uri, 'aws-files/unknown-key').length > 0, 10_000);
			const [unknown] = diagnosticsOf(document.uri, 'aws-files/unknown-key');
			const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
			const change = actions.find((action) => action.title === "Change to 'region'");
			assert.ok(change?.edit, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
			assert.ok(await vscode.workspace.applyEdit(change.edit));
			await waitFor(() => readFileSync(file, 'utf8') === original && !document.isDirty, 10_000); // auto-saved
			assert.equal(readFileSync(backup, 'utf8'), withTypo, 'the file as it was before the save');
			assert.equal(statSync(backup).mode & 0o777, 0o600);
		} finally {
			await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
			await files.update('autoSaveDelay', undefined, vscode.ConfigurationTarget.Global);
			writeFileSync(file, original);
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
	});

	it('warns where the AWS CLI and the SDKs read a line differently', async () => {
		const editor = vscode.window.activeTextEditor!;
		const line = config.getText().split('\n').indexOf('region = sa-east-1');
		await editor.edit((builder) => builder.insert(new vscode.Position(line, 'region = sa-east-1'.length), ' # main'));
		await waitFor(() => diagnosticsOf(config.uri, 'aws-files/compatibility').length > 0);
		const [difference] = diagnosticsOf(config.uri, 'aws-files/compatibility');
		assert.match(difference.message, /AWS CLI/);
		assert.equal(difference.range.start.line, line);
	});

	it('hovers a profile header with its summary, completes source_profile, and goes to its definition', async () => {
		const text = config.getText();
		const header = text.split('\n').indexOf('[profile fixture-dev]');
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', config.uri, new vscode.Position(header, 12));
		assert.ok(hovers.some((hover) => hover.contents.some((c) => (c as vscode.MarkdownString).value?.includes('Access key: `AKIA****0001`'))));

		const source = text.split('\n').findIndex((l) => l === 'source_profile = fixture-dev');
		const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', config.uri, new vscode.Position(source, 'source_profile = fixture'.length));
		assert.ok(completions.items.some((item) => item.label === 'fixture-sso'));

		const [definition] = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', config.uri, new vscode.Position(source, 'source_profile = '.length + 2));
		const target = 'targetUri' in definition ? definition.targetUri : definition.uri;
		const range = 'targetRange' in definition ? definition.targetRange : definition.range;
		assert.equal(target.fsPath, api.files.configFile);
		assert.equal(range.start.line, header);
	});

	it('warns when the credentials file is readable by others, and its quick fix makes it 0600', async () => {
		const credentials = await vscode.workspace.openTextDocument(vscode.Uri.file(api.files.credentialsFile));
		await vscode.window.showTextDocument(credentials);
		chmodSync(api.files.credentialsFile, 0o644);
		api.diagnostics.relintOpenFiles();
		await waitFor(() => diagnosticsOf(credentials.uri, 'aws-files/file-permissions').length > 0);
		const [permissions] = diagnosticsOf(credentials.uri, 'aws-files/file-permissions');
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', credentials.uri, permissions.range, vscode.CodeActionKind.QuickFix.value);
		const command = actions.find((action) => action.command?.command === 'awsProfiles.fixFileMode')?.command;
		assert.ok(command);
		await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
		assert.equal(statSync(api.files.credentialsFile).mode & 0o777, 0o600);
		await waitFor(() => diagnosticsOf(credentials.uri, 'aws-files/file-permissions').length === 0);
	});

	it('warns on the root user\'s keys once a verification found them', async () => {
		const credentials = await vscode.workspace.openTextDocument(vscode.Uri.file(api.files.credentialsFile));
		api.setPrompts(scripted({ notify: () => undefined }));
		try {
			await vscode.commands.executeCommand('awsProfiles.verifyProfile', 'default');
			await waitFor(() => diagnosticsOf(credentials.uri, 'aws-files/root-user-keys').length > 0);
		} finally {
			api.setPrompts(undefined);
		}
	});

	it('masks the secret values on screen', async () => {
		const credentials = await vscode.workspace.openTextDocument(vscode.Uri.file(api.files.credentialsFile));
		const masked = api.masks.secretRanges(credentials).map((range) => credentials.getText(range));
		assert.deepEqual(masked, [
			'fixtureDefaultSecret00000000000000000001', 'fixtureDevSecret000000000000000000000001',
			'fixtureTempSecret00000000000000000000001', 'fixtureSessionToken0000000000000000000000000000000001',
		]);
	});

	it('clears a file\'s problems when its tab is closed, and a later lint of the other file does not bring them back', async () => {
		await vscode.window.showTextDocument(config);
		await waitFor(() => diagnosticsOf(config.uri).length > 0);
		const credentials = await vscode.workspace.openTextDocument(vscode.Uri.file(api.files.credentialsFile));
		await vscode.window.showTextDocument(credentials, { preview: false });
		await vscode.window.showTextDocument(config, { preview: false });
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		await waitFor(() => diagnosticsOf(config.uri).length === 0);
		// The credentials file is linted with the config file beside it (as after any change on disk).
		await relint(api);
		assert.deepEqual(diagnosticsOf(config.uri), []);
		// Shown again: checked again.
		await vscode.window.showTextDocument(config);
		await waitFor(() => diagnosticsOf(config.uri).length > 0);
	});
});
