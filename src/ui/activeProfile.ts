/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import type { ProfileSnapshot } from '../core/io/profileSnapshot';
import { readSettings } from './settings';
import { displayName, displayValue } from '../core/display/secretMasking';

/** What the user chose for this workspace: a profile, or explicitly none. */
type Choice = { readonly kind: 'profile'; readonly name: string } | { readonly kind: 'none' };

const choiceKey = 'awsProfiles.activeProfile';
const recentKey = 'awsProfiles.recentProfiles';
const recentCount = 5;

/**
 * The profile new terminals, tasks (and, if enabled, debug sessions) of this workspace deploy with. It is
 * remembered per workspace and reaches terminals as AWS_PROFILE through the extension's
 * environmentVariableCollection, so VS Code marks the terminals opened before a switch as stale and offers
 * to relaunch them. The `[default]` profile is never rewritten.
 */
export class ActiveProfile implements vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<string | undefined>();
	readonly onDidChange = this.changed.event;

	constructor(
		private readonly context: vscode.ExtensionContext,
		/** AWS_PROFILE of the VS Code process: the starting point before the user chooses. */
		private readonly inherited: string | undefined,
	) { }

	/** The active profile's name, or undefined for "No AWS profile". */
	name(snapshot: ProfileSnapshot | undefined): string | undefined {
		const choice = this.context.workspaceState.get<Choice>(choiceKey);
		if (choice) {
			return choice.kind === 'profile' ? choice.name : undefined;
		}
		if (this.inherited) {
			return this.inherited;
		}
		return snapshot?.model.profiles.has('default') ? 'default' : undefined;
	}

	/**
	 * Whether a profile was made active on purpose: chosen in this workspace, or given as AWS_PROFILE to the
	 * editor; not "No AWS profile", nor `default` taken for want of a choice.
	 */
	chosen(): boolean {
		const choice = this.context.workspaceState.get<Choice>(choiceKey);
		return choice ? choice.kind === 'profile' : Boolean(this.inherited);
	}

	/**
	 * The names used recently in this workspace, the latest first. The active profile is among them even before
	 * the first switch: it is the one in use since the window opened.
	 */
	recent(snapshot: ProfileSnapshot | undefined): readonly string[] {
		const switched = this.switchedTo();
		const active = this.name(snapshot);
		return active === undefined || switched.includes(active) ? switched : [active, ...switched].slice(0, recentCount);
	}

	private switchedTo(): readonly string[] {
		return this.context.workspaceState.get<string[]>(recentKey, []);
	}

	async set(name: string | undefined, snapshot: ProfileSnapshot | undefined): Promise<void> {
		const choice: Choice = name === undefined ? { kind: 'none' } : { kind: 'profile', name };
		await this.context.workspaceState.update(choiceKey, choice);
		if (name !== undefined) {
			await this.context.workspaceState.update(recentKey, [name, ...this.switchedTo().filter((n) => n !== name)].slice(0, recentCount));
		}
		this.applyToTerminals(snapshot);
		this.changed.fire(name);
	}

	/** Puts the active profile (and, if enabled, its region) into the environment of new terminals and tasks. */
	applyToTerminals(snapshot: ProfileSnapshot | undefined): void {
		const collection = this.context.environmentVariableCollection;
		const settings = readSettings();
		const name = this.name(snapshot);
		collection.clear();
		if (!settings.injectProfile) {
			collection.description = undefined;
			return;
		}
		// An empty AWS_PROFILE reads as unset for the AWS CLI and the SDKs: "No AWS profile" must not fall back
		// to an AWS_PROFILE that VS Code itself was started with.
		collection.replace('AWS_PROFILE', name ?? '');
		const region = name === undefined ? undefined : snapshot?.model.profiles.get(name)?.region;
		if (settings.setRegion && region) {
			collection.replace('AWS_REGION', region);
		}
		// VS Code puts the extension's name before the description in the stale-terminal notice itself.
		collection.description = name === undefined
			? 'no AWS profile (AWS_PROFILE cleared)'
			: `AWS_PROFILE=${displayName(name)}${settings.setRegion && region ? `, AWS_REGION=${displayValue('region', region)}` : ''}`;
	}

	dispose(): void {
		this.changed.dispose();
	}
}
