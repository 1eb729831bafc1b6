/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The README's pictures, taken in the real VS Code on the fixtures (fake keys only): `npm run docs` copies
// them from out/screenshots/ into media/screenshots/.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { sandboxRoot, screenshot, testingApi, waitFor } from './helpers';

function pictureFile(name: string): string {
	return path.join(process.env.AWS_PROFILES_SCREENSHOTS ?? path.join(sandboxRoot(), 'screenshots'), name);
}

async function takePicture(name: string): Promise<void> {
	// Let the workbench finish painting (decorations, the view's icons) before the picture.
	await new Promise((resolve) => setTimeout(resolve, 1500));
	const file = pictureFile(name);
	await screenshot(file);
	assert.ok(readFileSync(file).length > 10_000, `${name} is a real picture`);
}

describe('README pictures', function () {
	this.timeout(60_000);
	let api: TestingApi;

	before(async () => {
		api = await testingApi();
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		// Only the editor and the view: earlier tests may have left a panel or other editors open.
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await vscode.commands.executeCommand('workbench.action.closePanel');
	});

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('the Profiles view, the status bar, and a serverless.yml that names a missing profile, underlined', async () => {
		const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'serverless.yml');
		const editor = await vscode.window.showTextDocument(uri);
		await waitFor(() => vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.message.includes('fixture-devv')), 10_000);
		const line = editor.document.getText().split('\n').findIndex((text) => text.includes('fixture-devv'));
		editor.selection = new vscode.Selection(line, 10, line, 10);
		await vscode.commands.executeCommand('workbench.view.extension.awsProfiles');
		await vscode.window.showTextDocument(editor.document);
		await vscode.commands.executeCommand('editor.action.showHover');
		await takePicture('overview.png');
	});

	it('a diagnostic in ~/.aws/config, with its message', async () => {
		const editor = await vscode.window.showTextDocument(vscode.Uri.file(api.files.configFile));
		const uri = editor.document.uri;
		await waitFor(() => vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.message.includes('fixture-missing')), 10_000);
		const line = editor.document.getText().split('\n').findIndex((text) => text.includes('fixture-missing'));
		editor.selection = new vscode.Selection(line, 20, line, 20);
		await vscode.commands.executeCommand('editor.action.showHover');
		await takePicture('aws-file-diagnostics.png');
	});

	it('the walkthrough', async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await api.walkthrough.open();
		await takePicture('walkthrough.png');
	});
});
