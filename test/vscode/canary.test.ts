/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The canary scan of the editor: the sandbox's AWS files and a project folder get the unique random secrets
// of test/attacks/canaries.ts (in every key, in wrong keys, as profile names), then every surface the
// extension writes to is read back and searched for any 8-character fragment of any canary: the log, the
// tree's labels, descriptions and tooltips, the status bar, the terminals' environment note, hovers over
// every line, the diagnostics of both files and of the project files with their quick fixes and lenses,
// and the notifications (a failed verification, a command failing on an error the extension did not make).

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { Canaries, LeakScanner, makeCanaries } from '../attacks/canaries';
import { activateExtension, logText, relint, scripted, testingApi, waitFor } from './helpers';

function textOf(value: string | vscode.MarkdownString | vscode.TreeItemLabel | { value: string } | undefined): string {
	if (value === undefined) {
		return '';
	}
	if (typeof value === 'string') {
		return value;
	}
	return 'value' in value ? value.value : value.label;
}

describe('Canary scan of the editor', function () {
	this.timeout(120_000);
	let api: TestingApi;
	let canaries: Canaries;
	let scanner: LeakScanner;
	let original: { config: string; credentials: string };
	let previousActive: string | undefined;
	let projectFolder: string;
	/** Every text a surface showed, by surface. */
	const shown: { where: string; text: string }[] = [];
	const see = (where: string, ...texts: (string | undefined)[]) => texts.forEach((text) => text && shown.push({ where, text }));

	before(async () => {
		api = await testingApi();
		previousActive = (await activateExtension()).getActiveProfile();
		canaries = makeCanaries();
		scanner = new LeakScanner(canaries);
		original = { config: readFileSync(api.files.configFile, 'utf8'), credentials: readFileSync(api.files.credentialsFile, 'utf8') };
		writeFileSync(api.files.configFile, canaries.config);
		writeFileSync(api.files.credentialsFile, canaries.credentials);
		projectFolder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'canary-project');
		mkdirSync(projectFolder, { recursive: true });
		for (const [name, text] of Object.entries(canaries.project)) {
			writeFileSync(path.join(projectFolder, name), text);
		}
		await waitFor(() => api.store.current?.model.profiles.has(canaries.secretNames.defined) === true, 10_000);
	});

	after(async () => {
		api.setPrompts(undefined);
		api.resetVerifications();
		rmSync(projectFolder, { recursive: true, force: true });
		writeFileSync(api.files.configFile, original.config);
		writeFileSync(api.files.credentialsFile, original.credentials);
		// Each file's document is read again from disk: otherwise the suites after this one could get the canaries'
		// text from it (VS Code does not follow a file outside the workspace on disk once its editor is closed).
		for (const file of [api.files.configFile, api.files.credentialsFile]) {
			await vscode.window.showTextDocument(vscode.Uri.file(file));
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await waitFor(() => api.store.current?.model.profiles.has(canaries.secretNames.defined) === false, 10_000);
		if (previousActive !== undefined) {
			// An earlier suite may have left a profile active that it has since removed: the switch refuses it.
			if (api.store.current?.model.profiles.has(previousActive)) {
				await api.commands.switchProfile(previousActive);
			}
		} else {
			api.setPrompts(scripted({ pick: (items) => items.find((item) => (item as { none?: boolean }).none) }));
			await api.commands.switchProfile();
			api.setPrompts(undefined);
		}
	});

	it('shows no fragment of any canary in the log, the tree, the status bar, hovers, diagnostics or notifications', async () => {
		const notices: string[] = [];
		api.setPrompts(scripted({
			notify: (message) => (notices.push(message), undefined),
			confirm: (message) => (notices.push(message), false),
		}));

		// The view, the status bar and the terminals' note, with the secret-shaped profile active.
		await api.commands.switchProfile(canaries.secretNames.defined);
		for (const node of api.tree.allNodes()) {
			see('tree', textOf(node.label), String(node.description ?? ''), textOf(node.tooltip), node.accessibilityInformation?.label);
		}
		see('status bar', api.statusBar.text, textOf(api.statusBar.tooltip), api.statusBar.accessibilityInformation?.label);
		see('terminal environment', textOf(api.terminalEnvironment.description));

		// Both AWS files open: their diagnostics, quick fixes and hovers over every line.
		for (const [file, text] of [[api.files.configFile, canaries.config], [api.files.credentialsFile, canaries.credentials]]) {
			const document = await showAsOnDisk(file, text);
			await waitFor(() => vscode.languages.getDiagnostics(document.uri).length > 0, 10_000);
			await scanDiagnostics(document);
			for (let line = 0; line < document.lineCount; line++) {
				const text = document.lineAt(line).text;
				const columns = new Set([0, 1, text.indexOf('=') + 2, text.length - 1].filter((column) => column >= 0 && column <= text.length));
				for (const character of columns) {
					const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
					for (const hover of hovers ?? []) {
						see(`hover ${path.basename(file)}:${line + 1}`, ...hover.contents.map((content) => textOf(content as vscode.MarkdownString)));
					}
				}
			}
		}

		// The project files: their diagnostics, quick fixes and lenses.
		for (const name of Object.keys(canaries.project)) {
			const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(projectFolder, name)));
			await vscode.window.showTextDocument(document, { preview: false });
			await new Promise((resolve) => setTimeout(resolve, 1_500)); // the references are checked after a pause in typing
			await scanDiagnostics(document);
			const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
			for (const lens of lenses ?? []) {
				see(`lens ${name}`, lens.command?.title, lens.command?.tooltip);
			}
		}

		// Notifications: a failed verification of the secret-shaped profile (the local endpoint knows no such
		// key), and a command failing on an error it did not make (Node's, quoting the path it was given).
		await vscode.commands.executeCommand('awsProfiles.verifyProfile', canaries.secretNames.defined);
		await waitFor(() => notices.length > 0, 20_000);
		await vscode.commands.executeCommand('awsProfiles.fixFileMode', path.join(projectFolder, canaries.placed.get('region')!.replace(/\//g, '_')), 0o600);
		await waitFor(() => /awsProfiles\.fixFileMode: /.test(logText()), 10_000);
		see('notifications', ...notices);
		see('log', logText());

		assert.ok(shown.some(({ where }) => where === 'tree') && shown.some(({ where }) => where.startsWith('hover')), 'the surfaces were read');
		assert.ok(shown.some(({ where }) => where.startsWith('diagnostic')), 'the files have diagnostics');
		const leaks = shown.flatMap(({ where, text }) => scanner.leaks(text).map((canary) => `${where}: ${canary}`));
		assert.deepEqual([...new Set(leaks)], []);
	});

	/**
	 * The editor of `file`, once its document holds `text`, the file's text on disk, and its diagnostics are that
	 * text's. VS Code may still hold the text an earlier suite left in the document (it does not follow a file
	 * outside the workspace on disk once its editor is closed), and reload it from disk only once the editor shows
	 * it: a reload during the scan would cancel the requests under way, and the scan would read the old text.
	 */
	async function showAsOnDisk(file: string, text: string): Promise<vscode.TextDocument> {
		const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
		await vscode.window.showTextDocument(document, { preview: false });
		if (document.getText() !== text) {
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
		await waitFor(() => document.getText() === text, 10_000);
		await relint(api, ({ uri, version }) => uri.toString() === document.uri.toString() && version === document.version);
		return document;
	}

	async function scanDiagnostics(document: vscode.TextDocument): Promise<void> {
		const name = path.basename(document.fileName);
		for (const diagnostic of vscode.languages.getDiagnostics(document.uri)) {
			see(`diagnostic ${name}`, diagnostic.message, ...(diagnostic.relatedInformation ?? []).map((related) => related.message));
			const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
			see(`quick fix ${name}`, ...(actions ?? []).map((action) => action.title));
		}
	}
});
