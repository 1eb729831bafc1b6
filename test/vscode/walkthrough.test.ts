/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { clickInWorkbench, scripted, ScriptedAnswers, testingApi, waitFor, waitForWorkbenchText, walkthroughSteps } from './helpers';

/**
 * Opens a step of the walkthrough and presses its button. VS Code re-renders the page when a step is marked done
 * (the extension marks steps as their state becomes known, some of it after activation), which can fold the step
 * just opened: then it is opened again.
 */
async function clickStepButton(step: string, button: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		await clickInWorkbench(step, false);
		try {
			await clickInWorkbench(button);
			return;
		} catch (error) {
			if (attempt === 3) {
				throw error;
			}
		}
	}
}

describe('Walkthrough: Set up AWS credentials', () => {
	let api: TestingApi;

	before(async () => {
		api = await testingApi();
	});

	after(async () => {
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'default');
	});

	afterEach(async () => {
		api.setPrompts(undefined);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('opens by itself on the first run only, and only when there is no profile; VS Code shows its six steps', async () => {
		await api.walkthrough.forgetFirstRun();
		assert.equal(await api.walkthrough.offerOnFirstRun(api.store.current!.model.profiles.size), false, 'profiles exist: not opened');
		assert.equal(await api.walkthrough.offerOnFirstRun(0), false, 'the first run is over');
		await api.walkthrough.forgetFirstRun();
		assert.equal(await api.walkthrough.offerOnFirstRun(0), true, 'a first run without profiles opens it');
		const text = await waitForWorkbenchText('Set up AWS credentials');
		const steps = walkthroughSteps();
		assert.equal(steps.length, 6);
		for (const step of steps) {
			assert.ok(text.includes(step.title), `the walkthrough shows the step '${step.title}'`);
			assert.ok((step.completionEvents ?? []).length > 0, `'${step.title}' has a completion event`);
		}
	});

	it('runs the command of each step\'s button when it is clicked', async () => {
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		const notified: string[] = [];
		const picks: string[][] = [];
		const asked: ScriptedAnswers['asked'] = [];
		const answers: ScriptedAnswers = {
			notify: (message) => (notified.push(message), undefined),
			pick: (items) => (picks.push(items.map((item) => item.label)), undefined),
			steps: [undefined],
			asked,
		};
		api.setPrompts(scripted(answers));
		await api.walkthrough.open();
		await waitForWorkbenchText('Create an IAM user for deployments');

		await vscode.env.clipboard.writeText('');
		await clickInWorkbench('Create an IAM user for deployments', false);
		await clickInWorkbench('Serverless Framework');
		await waitFor(() => notified.some((message) => message.includes('Serverless Framework')), 10_000);
		const policy = JSON.parse(await vscode.env.clipboard.readText()) as { Statement: { Action: string[] }[] };
		assert.ok(policy.Statement[0].Action.includes('cloudformation:CreateStack'), 'the Serverless policy was copied');

		await clickStepButton('Add the profile', 'Add AWS Profile');
		await waitFor(() => asked.length === 1, 10_000);
		assert.match(asked[0].title, /Add AWS Profile/, 'the wizard asked its first question');

		await clickStepButton('Verify it', 'Verify Profile');
		await waitFor(() => picks.length === 1, 10_000);
		assert.ok(picks[0].includes('fixture-dev'), 'Verify Profile asked which profile');

		await clickStepButton('Switch per project', 'Switch Profile');
		await waitFor(() => picks.length === 2, 10_000);
		assert.ok(picks[1].some((label) => label.includes('fixture-admin')), 'Switch Profile offered the profiles');

		await clickStepButton('Pin it in the project', 'Pin the Active Profile');
		await waitFor(() => picks.length === 3, 10_000);
		assert.deepEqual(picks[2], ['provider.profile (stage dev)', 'provider.profile (stage prod)'],
			'Pin asked where in the workspace\'s serverless.yml');

		await clickStepButton('Several accounts', 'Set a Naming Pattern');
		await waitForWorkbenchText('Naming: Pattern');
	});

	it('copies each tool\'s example policy, and says why when there is no active profile to pin', async () => {
		for (const tool of ['serverless', 'up', 'zappa']) {
			api.setPrompts(scripted({ notify: () => undefined }));
			await vscode.commands.executeCommand('awsProfiles.copyExamplePolicy', tool);
			const policy = JSON.parse(await vscode.env.clipboard.readText()) as { Version: string; Statement: { Effect: string; Action: string[] }[] };
			assert.equal(policy.Version, '2012-10-17');
			assert.equal(policy.Statement[0].Effect, 'Allow');
			assert.ok(policy.Statement[0].Action.length > 10, `${tool}: the actions of its deploy`);
		}
		const warnings: string[] = [];
		api.setPrompts(scripted({
			notify: (message) => (warnings.push(message), undefined),
			pick: (items) => items.find((item) => item.label.includes('No AWS profile')),
		}));
		await vscode.commands.executeCommand('awsProfiles.switchProfile');
		await vscode.commands.executeCommand('awsProfiles.pinProfileInProject');
		assert.deepEqual(warnings, ['No active profile: pick one in the status bar first, then pin it.']);
	});
});
