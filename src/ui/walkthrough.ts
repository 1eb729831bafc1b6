/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The "Set up AWS credentials" walkthrough (package.json `contributes.walkthroughs`): the commands of its step
// buttons that exist for it alone (copy an example IAM policy, pin the active profile in the project's file),
// its steps' progress (a profile exists, a verification succeeded, a switch, a pin), and opening it once, on
// the first run, for someone who has no profile yet.
//
// Progress is not left to the steps' `onContext:` events alone. VS Code takes a context key that already
// holds when it registers the walkthrough for an event seen, and never completes the step on it in that
// window; it registers an extension's walkthrough only after asking its experiment service (up to 5 s,
// offline), by which time `awsProfiles.hasProfiles` is set. And context keys die with the window. So each
// step done is also marked through VS Code's own command, and recorded in global state for the next window.

import * as vscode from 'vscode';
import { CommandError } from './commands';
import { DeployTool, deployToolTitle, deployTools, examplePolicy } from '../core/verify/deployTools';
import type { PinPlace } from '../core/references/pinProfile';
import { loadChecks } from './lazyBundles';
import type { Prompts } from './prompts';
import { SetupFacts, SetupStep, setupStepsDone } from '../core/guidance/walkthroughProgress';
import { isInsideWorkspace, readWorkspaceFile } from './workspaceFiles';

export const walkthroughId = 'awsProfiles.setup';

/** The context keys the walkthrough's steps complete on (`onContext:` events), set once something happened. */
const contextKeys: Record<SetupStep, string> = {
	addProfile: 'awsProfiles.hasProfiles', // set (and unset) with the profiles by the view
	verifyProfile: 'awsProfiles.verifiedOnce',
	switchProfile: 'awsProfiles.switchedOnce',
	pinProfile: 'awsProfiles.pinnedOnce',
};

/** Where the steps done are recorded (global state), for the windows to come. */
const stepsDoneKey = 'awsProfiles.walkthroughStepsDone';

/** How many project files are read to find a pinned profile; a workspace with more has one among them anyway. */
const maxProjectFilesRead = 50;

/** Where the first run was recorded (global state): the walkthrough opens by itself at most once per machine. */
const offeredKey = 'awsProfiles.walkthroughOffered';

/** Where to look for a project file when none is open: the base names of every tool's files, any extension. */
const projectFileCandidates = '**/{serverless,up,zappa_settings,samconfig,cdk}.*';

export class Walkthrough {
	constructor(
		private readonly context: vscode.ExtensionContext,
		private readonly prompts: () => Prompts,
		private readonly activeProfile: () => string | undefined,
	) { }

	/** The steps marked in this window: VS Code is told once each. */
	private readonly marked = new Set<SetupStep>();

	/** Opens the walkthrough on the extension's first run when there is no profile; returns whether it did. */
	async offerOnFirstRun(profileCount: number): Promise<boolean> {
		if (this.context.globalState.get<boolean>(offeredKey, false)) {
			return false;
		}
		await this.context.globalState.update(offeredKey, true);
		// Recorded either way: a first run with profiles to show needs no walkthrough, now or later.
		if (profileCount > 0) {
			return false;
		}
		await this.open();
		return true;
	}

	/** Forgets the first run (for the tests, which run in one profile of VS Code). */
	async forgetFirstRun(): Promise<void> {
		await this.context.globalState.update(offeredKey, undefined);
	}

	async open(): Promise<void> {
		await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${this.context.extension.id}#${walkthroughId}`, false);
		// Again, now that VS Code surely knows the walkthrough: a step marked before it did may not have taken.
		await Promise.all([...this.marked].map((step) => this.markInVsCode(step)));
	}

	/** Marks a step done, in this window and the next ones; VS Code keeps a completed step completed. */
	reached(step: SetupStep): void {
		if (this.marked.has(step)) {
			return;
		}
		this.marked.add(step);
		if (step !== 'addProfile') {
			void vscode.commands.executeCommand('setContext', contextKeys[step], true);
		}
		void this.markInVsCode(step);
		const recorded = this.recorded();
		if (!recorded.includes(step)) {
			void this.context.globalState.update(stepsDoneKey, [...recorded, step]);
		}
	}

	/**
	 * Marks the steps recorded by earlier windows and those the setup shows done (`facts`); the project files
	 * are looked at unless `facts` says whether one pins a profile. Resolves once VS Code was told.
	 */
	async catchUp(facts: SetupFacts): Promise<SetupStep[]> {
		const known = { ...facts, pinnedInProject: facts.pinnedInProject ?? await this.projectPinsProfile() };
		const done = setupStepsDone(this.context.globalState.get(stepsDoneKey), known);
		done.forEach((step) => this.reached(step));
		await Promise.all(done.map((step) => this.markInVsCode(step)));
		return done;
	}

	private recorded(): SetupStep[] {
		return setupStepsDone(this.context.globalState.get(stepsDoneKey), {});
	}

	private async markInVsCode(step: SetupStep): Promise<void> {
		try {
			// VS Code's own "Mark Step Complete". Before VS Code has registered the walkthrough it records the
			// mark and then fails: the step shows done once registered.
			await vscode.commands.executeCommand('welcome.markStepComplete', `${this.context.extension.id}#${walkthroughId}#${step}`);
		} catch {
			// recorded anyway, or an editor without walkthroughs: the context key is all it can have
		}
	}

	/** Whether a project file of the workspace (serverless.yml, up.json, zappa_settings...) names a profile. */
	private async projectPinsProfile(): Promise<boolean> {
		const { findProfileReferences, isPinnableFile } = loadChecks();
		const candidates = (await vscode.workspace.findFiles(projectFileCandidates, '**/node_modules/**', maxProjectFilesRead))
			.filter((uri) => isPinnableFile(uri.fsPath));
		for (const uri of candidates) {
			const text = await readWorkspaceFile(uri);
			try {
				if (text !== undefined && findProfileReferences(uri.fsPath, text).length > 0) {
					return true;
				}
			} catch {
				// a file too deep or too large to read is not a pin we can see
			}
		}
		return false;
	}

	/** Copies the example IAM policy of a deploy tool (the actions the verify command simulates). */
	async copyExamplePolicy(tool?: DeployTool): Promise<DeployTool | undefined> {
		const chosen = tool ?? (await this.prompts().pick(
			deployTools.map((candidate) => ({ label: deployToolTitle(candidate), tool: candidate })),
			{ placeHolder: 'Which tool will the IAM user deploy with?' },
		))?.tool;
		if (!chosen) {
			return undefined;
		}
		if (!deployTools.includes(chosen)) {
			throw new CommandError(`No example policy for '${String(chosen)}': the tools are ${deployTools.join(', ')}.`);
		}
		await vscode.env.clipboard.writeText(examplePolicy(chosen));
		void this.prompts().notify(
			`Copied an IAM policy for ${deployToolTitle(chosen)}. In the IAM console, create a policy, paste it in the JSON editor, and attach it to the deploy user.`,
			[],
		);
		return chosen;
	}

	/**
	 * Writes the active profile where the tool of the open project file reads it (`provider.profile`,
	 * `profile`, `profile_name`...), as an edit of the editor's document that the user saves (or undoes).
	 */
	async pinActiveProfile(): Promise<boolean> {
		const profile = this.activeProfile();
		if (profile === undefined) {
			void this.prompts().notify('No active profile: pick one in the status bar first, then pin it.', [], 'warning');
			return false;
		}
		const document = await this.projectDocument();
		if (!document) {
			return false;
		}
		const plan = loadChecks().planProfilePin(document.fileName, document.getText(), profile);
		if (!plan.ok) {
			void this.prompts().notify(plan.reason, [], 'warning');
			return false;
		}
		const place = await this.choosePlace(plan.places, profile);
		if (!place) {
			return false;
		}
		const edit = new vscode.WorkspaceEdit();
		for (const change of place.edits) {
			const range = new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length));
			edit.replace(document.uri, range, change.content);
		}
		if (!await vscode.workspace.applyEdit(edit)) {
			throw new CommandError(`Could not edit ${vscode.workspace.asRelativePath(document.uri)}.`);
		}
		await vscode.window.showTextDocument(document);
		this.reached('pinProfile');
		void this.prompts().notify(`Pinned '${profile}' as ${loadChecks().describePinPlace(place)} in ${vscode.workspace.asRelativePath(document.uri)}. Save the file to keep it.`, []);
		return true;
	}

	/** The project file in the active editor, else the workspace's (asked when there are several). */
	private async projectDocument(): Promise<vscode.TextDocument | undefined> {
		const active = vscode.window.activeTextEditor?.document;
		const { isPinnableFile } = loadChecks();
		if (active && isPinnableFile(active.fileName)) {
			return active;
		}
		const candidates = (await vscode.workspace.findFiles(projectFileCandidates, '**/node_modules/**', 200))
			.filter((uri) => isPinnableFile(uri.fsPath));
		const inside = await Promise.all(candidates.map(isInsideWorkspace)); // never a link out of the workspace
		const found = candidates.filter((_, i) => inside[i]);
		if (found.length === 0) {
			void this.prompts().notify('Open the project\'s serverless.yml, up.json, zappa_settings, samconfig or cdk.json, then pin the profile in it.', [], 'warning');
			return undefined;
		}
		const uri = found.length === 1 ? found[0] : (await this.prompts().pick(
			found.map((candidate) => ({ label: vscode.workspace.asRelativePath(candidate), uri: candidate })),
			{ placeHolder: 'Which project file should name the profile?' },
		))?.uri;
		return uri && vscode.workspace.openTextDocument(uri);
	}

	private async choosePlace(places: readonly PinPlace[], profile: string): Promise<PinPlace | undefined> {
		if (places.length === 1) {
			return places[0];
		}
		const picked = await this.prompts().pick(
			places.map((place) => ({ label: loadChecks().describePinPlace(place), description: place.action === 'replace' ? 'replaces the name there' : 'new key', place })),
			{ placeHolder: `Where should '${profile}' go?` },
		);
		return picked?.place;
	}
}
