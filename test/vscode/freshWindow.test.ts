/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What needs a window where nothing has happened yet, so it runs first (see index.ts). VS Code completes a
// walkthrough step on the first occurrence of its event in a window's session only (a later one is ignored,
// even after the progress is reset): here each event happens for the first time.
// Steps 2 and 5 are done from the start here: the fixtures' profiles exist while the window starts, and the
// workspace's serverless.yml names a profile (the reload suite shows step 2 done on a profile's arrival).

import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { clickInWorkbench, scripted, testingApi, waitFor, waitForWorkbenchText, walkthroughStepDone } from './helpers';

describe('Walkthrough progress, in a new window', () => {
	let api: TestingApi;

	before(async () => {
		api = await testingApi();
		await api.store.snapshot();
	});

	after(() => api.setPrompts(undefined));

	/** Opens ours; again if VS Code's own first-run walkthrough took the editor meanwhile. */
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

	/** Pins the active profile in a new up.json, opened in an editor; checks the edit, then reverts it. */
	async function pinInNewUpJson(): Promise<void> {
		// A folder of its own: a document another test opened at the same path could still be open, with older text.
		const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'pin-test');
		const file = path.join(folder, 'up.json');
		mkdirSync(folder, { recursive: true });
		writeFileSync(file, '{\n  "name": "app",\n  "regions": ["us-east-1"]\n}\n');
		try {
			const notified: string[] = [];
			api.setPrompts(scripted({ notify: (message) => (notified.push(message), undefined) }));
			const document = await vscode.workspace.openTextDocument(file);
			await vscode.window.showTextDocument(document);
			await vscode.commands.executeCommand('awsProfiles.pinProfileInProject');
			assert.equal(document.getText(), '{\n  "profile": "fixture-admin",\n  "name": "app",\n  "regions": ["us-east-1"]\n}\n');
			assert.ok(document.isDirty, 'left for the user to save');
			assert.deepEqual(notified, ['Pinned \'fixture-admin\' as profile in pin-test/up.json. Save the file to keep it.']);
			await vscode.commands.executeCommand('workbench.action.files.revert');
			await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}

	it('lists the profile active since the window opened under "recently used", before any switch', async () => {
		const active = api.statusBar.text.replace(/^\$\(cloud\) /, '').split(' · ')[0];
		const picks: string[][] = [];
		api.setPrompts(scripted({ pick: (items) => (picks.push(items.map((item) => item.label)), undefined) }));
		await vscode.commands.executeCommand('awsProfiles.switchProfile');
		assert.equal(picks[0][0], 'recently used');
		assert.match(picks[0][1], new RegExp(`\\) ${active}$`));
	});

	it('shows the steps the setup had done before the window opened: profiles exist, a project file pins one', async () => {
		await showWalkthrough();
		// The fixtures' profiles exist, and the workspace's serverless.yml names one for each stage.
		assert.equal(await walkthroughStepDone('addProfile', true), true, 'profiles exist: step 2 is done');
		assert.equal(await walkthroughStepDone('pinProfile', true), true, 'serverless.yml pins a profile: step 5 is done');
		assert.equal(await walkthroughStepDone('verifyProfile', false), false, 'nothing verified yet');
		assert.equal(await walkthroughStepDone('switchProfile', false), false, 'the profile in use is the implicit default');
	});

	it('marks a step done on its event: a copied policy, a verify, a switch, a pin, a look at the last step', async () => {
		const notices: string[] = [];
		api.setPrompts(scripted({ notify: (message) => (notices.push(message), undefined) }));
		await showWalkthrough();
		assert.equal(await walkthroughStepDone('createIamUser', false), false, 'nothing done yet');

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

		await pinInNewUpJson();
		await showWalkthrough();
		assert.equal(await walkthroughStepDone('pinProfile', true), true, 'a pin keeps step 5 done');

		await clickInWorkbench('Several accounts', false);
		assert.equal(await walkthroughStepDone('severalAccounts', true), true, 'looking at the last step completes it');
	});

	it('keeps the steps done for the next window: a new window marks them again from what was recorded', async () => {
		const step = (id: string) => `aws-profiles.aws-profiles#awsProfiles.setup#${id}`;
		await showWalkthrough();
		// After opening it: the extension's open() marks again the steps done in this window.
		await vscode.commands.executeCommand('welcome.markStepIncomplete', step('verifyProfile'));
		await vscode.commands.executeCommand('welcome.markStepIncomplete', step('switchProfile'));
		assert.equal(await walkthroughStepDone('verifyProfile', false), false, 'VS Code forgot step 3');
		assert.equal(await walkthroughStepDone('switchProfile', false), false, 'VS Code forgot step 4');
		// What a new window does at its start, here with a setup that shows nothing done by itself.
		const done = await api.walkthrough.catchUp({ profileCount: 0, profileChosen: false, pinnedInProject: false });
		assert.deepEqual(done, ['addProfile', 'verifyProfile', 'switchProfile', 'pinProfile'], 'recorded when they happened');
		assert.equal(await walkthroughStepDone('verifyProfile', true), true);
		assert.equal(await walkthroughStepDone('switchProfile', true), true);
	});
});
