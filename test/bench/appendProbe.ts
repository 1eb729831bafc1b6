/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Loaded by VS Code in the extension host for append.bench.ts, in place of a test suite. For each size it
// writes a generated pair of files, waits until the view has them, then appends one profile at a time to
// the credentials file in place (fs.appendFile: no rename, the file keeps its inode) and times how long
// until VS Code's own getChildren of the open view has fetched it (and the host is idle again). It logs one line a size.

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { testingApi } from '../vscode/helpers';
import { generateProfiles } from './generateProfiles';

/** The sizes measured and how many appends each: the issue's 500, and issue 20's 10,000. */
export const appendSizes: readonly { readonly profiles: number; readonly appends: number }[] = [
	{ profiles: 500, appends: 9 },
	{ profiles: 10_000, appends: 5 },
];

export async function run(): Promise<void> {
	const api = await testingApi();
	await vscode.commands.executeCommand('awsProfiles.profiles.focus');
	const original = { config: readFileSync(api.files.configFile, 'utf8'), credentials: readFileSync(api.files.credentialsFile, 'utf8') };
	try {
		for (const { profiles, appends } of appendSizes) {
			const pair = generateProfiles(profiles);
			writeFileSync(api.files.configFile, pair.config);
			writeFileSync(api.files.credentialsFile, pair.credentials);
			await shown(api, `client-${profiles - 1}-${['dev', 'prod', 's3'][(profiles - 1) % 3]}`, 60_000);
			const times: number[] = [];
			for (let i = 0; i < appends; i++) {
				const name = `appended-${profiles}-${i}`;
				const start = performance.now();
				// For append.bench.ts, which waits for the workbench to render the row: when the append began.
				console.log(`appended ${name} at ${Date.now()}`);
				appendFileSync(api.files.credentialsFile, `\n[${name}]\naws_access_key_id = AKIAAPPENDED${String(i).padStart(8, '0')}\naws_secret_access_key = ${'f'.repeat(40)}\n`);
				// Until VS Code itself has fetched the new node: what the extension computes and what VS Code converts.
				const asked = askedByVscode(api, name);
				await shown(api, name, 10_000);
				await asked;
				times.push(performance.now() - start);
				// Let the workbench render it (the bench watches for the row) before the next append.
				await new Promise((resolve) => setTimeout(resolve, 1500));
			}
			console.log(`append ${profiles}: ${times.map((ms) => ms.toFixed(1)).join(' ')}`); // the line append.bench.ts reads
		}
	} finally {
		writeFileSync(api.files.configFile, original.config);
		writeFileSync(api.files.credentialsFile, original.credentials);
	}
}

/** Resolves when the view's top-level nodes list the profile `name` (rechecked after each change of the store). */
function shown(api: TestingApi, name: string, timeoutMs: number): Promise<void> {
	const listed = () => api.tree.getChildren().some((node) => node.label === name);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			listener.dispose();
			reject(new Error(`${name} is not in the view after ${timeoutMs} ms`));
		}, timeoutMs);
		const listener = api.store.onDidChange(() => {
			if (listed()) {
				clearTimeout(timer);
				listener.dispose();
				resolve();
			}
		});
		if (listed()) {
			clearTimeout(timer);
			listener.dispose();
			resolve();
		}
	});
}

/** Resolves when VS Code itself has asked for the node of `name` and the host is idle again (it sent the nodes). */
function askedByVscode(api: TestingApi, name: string): Promise<void> {
	const tree = api.tree as unknown as { getTreeItem(node: vscode.TreeItem): vscode.TreeItem };
	const original = tree.getTreeItem.bind(tree);
	return new Promise((resolve) => {
		tree.getTreeItem = (node) => {
			if (node.label === name) {
				tree.getTreeItem = original;
				setTimeout(resolve, 0);
			}
			return original(node);
		};
	});
}
