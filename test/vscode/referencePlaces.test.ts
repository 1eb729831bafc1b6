/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findProfileReferences } from '../../src/core/references/findReferences';
import { isReferenceFile } from '../../src/core/references/referenceFiles';
import { testingApi } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'references');

/** The hover's text at the position, empty when there is none. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
	return hovers.map((h) => h.contents.map((c) => (c as vscode.MarkdownString).value ?? String(c)).join('')).join('');
}

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
	const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
	return list.items.map((item) => typeof item.label === 'string' ? item.label : item.label.label);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) {
			return false;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return true;
}

describe('Every reference place of the fixtures', function () {
	this.timeout(180_000);
	let folder: string;

	before(async () => {
		await testingApi();
		folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'reference-places');
		cpSync(fixtures, folder, { recursive: true });
	});

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		rmSync(folder, { recursive: true, force: true });
	});

	it('has both a hover and completion of the profile names, in every tool\'s file', async () => {
		const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
			.map((relative) => path.join(folder, relative))
			.filter((file) => statSync(file).isFile() && isReferenceFile(file));
		let places = 0;
		const failures: string[] = [];
		for (const file of files) {
			const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
			const text = document.getText();
			const literals = findProfileReferences(path.basename(file), text)
				.flatMap((reference) => reference.status === 'resolved' && reference.rename && reference.rename.file === undefined ? [{ key: reference.key, range: reference.rename.range }] : []);
			for (const { key, range } of literals) {
				const position = document.positionAt(range.offset + (range.length >> 1));
				const where = `${path.relative(folder, file)} ${key} at ${position.line + 1}:${position.character + 1}`;
				// The first hover waits for the file's check; the others come from it.
				if (!await eventually(async () => (await hoverText(document.uri, position)) !== '')) {
					failures.push(`${where}: no hover`);
				}
				if (!(await completionLabels(document.uri, position)).includes('fixture-dev')) {
					failures.push(`${where}: no completion`);
				}
				places++;
			}
		}
		assert.deepEqual(failures, []);
		assert.ok(places >= 20, `only ${places} places`);
	});
});
