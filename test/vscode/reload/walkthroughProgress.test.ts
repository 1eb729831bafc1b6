/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// In the fresh window of the reload suite: VS Code completes a walkthrough step on the first occurrence of its
// event in a window's session only (a later one is ignored, even after the progress is reset), and the main
// suite has verified and switched profiles long before. Here each event happens for the first time.
// Step 2 (`onContext:awsProfiles.hasProfiles`) is not observable so: the fixtures' profiles set it while the
// window starts; the welcome view's tests cover that context key.

import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/ui/extension';
import { clickInWorkbench, scripted, testingApi, waitFor, waitForWorkbenchText, walkthroughStepDone } from '../helpers';

describe('Walkthrough progress, in a new window', () => {
	let api: TestingApi;

	before(async () => {
		api = await testingApi();
		await api.store.snapshot();
	});

	after(() => api.setPrompts(undefined));

	/** Opens ours; again if VS Code's own first-run walkthrough (its progress was reset too) took the editor. */
	async function showWalkthrough(): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			await api.walkthrough.open();
			try {
				await waitForWorkbenchText('Create an IAM user for deployments', 5_000);
				return;
			} catch (error) {
				if (attempt === 3) {
					throw error;
				}
			}
		}
	}

	it('marks a step done on its event: a copied policy, a verify, a switch, a pin, a look at the last step', async () => {
		const notices: string[] = [];
		api.setPrompts(scripted({ notify: (message) => (notices.push(message), undefined) }));
		await vscode.commands.executeCommand('resetGettingStartedProgress');
		await showWalkthrough();
		assert.equal(await walkthroughStepDone('createIamUser', false), false, 'the progress starts afresh');

		// `onCommand` counts commands run from the workbench (a button, the palette), as a user runs them.
		await clickInWorkbench('Create an IAM user for deployments', false);
		await clickInWorkbench('Apex Up');
		assert.equal(await walkthroughStepDone('createIamUser', true), true, 'copying a policy completes step 1');

		assert.equal(await walkthroughStepDone('verifyProfile', false), false);
		await vscode.commands.executeCommand('awsProfiles.verifyProfile', 'fixture-dev');
		await waitFor(() => notices.some((notice) => notice.includes('fixture-dev')), 10_000);
		await showWalkthrough();
		assert.equal(await walkthroughStepDone('verifyProfile', true), true, 'a successful verify completes step 3');

		assert.equal(await walkthroughStepDone('switchProfile', false), false);
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-admin');
		assert.equal(await walkthroughStepDone('switchProfile', true), true, 'a switch completes step 4');

		assert.equal(await walkthroughStepDone('pinProfile', false), false);
		const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'cdk.json');
		writeFileSync(file, '{\n  "app": "npx ts-node bin/app.ts"\n}\n');
		try {
			await vscode.window.showTextDocument(vscode.Uri.file(file));
			await vscode.commands.executeCommand('awsProfiles.pinProfileInProject');
			await vscode.commands.executeCommand('workbench.action.files.revert');
			await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		} finally {
			rmSync(file, { force: true });
		}
		await showWalkthrough();
		assert.equal(await walkthroughStepDone('pinProfile', true), true, 'a pin completes step 5');

		await clickInWorkbench('Several accounts', false);
		assert.equal(await walkthroughStepDone('severalAccounts', true), true, 'looking at the last step completes it');
	});
});
