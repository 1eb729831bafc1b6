/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import type { ProfileEntry } from '../core/model/profileModel';
import { SessionState, sessionState } from '../core/sessions/sessionAlerts';
import { span, timeLeftSentence } from '../core/display/timeLeft';
import type { ProfileSnapshot } from '../core/io/profileSnapshot';
import { escapeMarkdown, profileSummary, VerificationSummary } from '../core/display/profileSummary';
import { displayName, displayValue } from '../core/display/secretMasking';
import type { Settings } from './settings';

/** Everything the status-bar item shows is worked out from this state alone. */
export interface StatusState {
	readonly active: string | undefined;
	readonly snapshot: ProfileSnapshot | undefined;
	readonly verification: VerificationSummary | undefined;
	readonly settings: Settings;
	readonly now: number;
}

type Health = 'ok' | 'warning' | 'error';

/**
 * `$(cloud) dev · eu-west-1`: the profile new terminals deploy with; a click switches it. A session under an
 * hour shows its time left in the warning colour, an expired one the error colour; a click on an SSO or
 * `aws login` profile signed out or expired signs in.
 */
export class ProfileStatusBar implements vscode.Disposable {
	readonly item = vscode.window.createStatusBarItem('awsProfiles.active', vscode.StatusBarAlignment.Left, 10);

	constructor() {
		this.item.name = 'AWS Profile';
		this.item.command = 'awsProfiles.switchProfile';
		this.item.show();
	}

	update(state: StatusState): void {
		const entry = state.active === undefined ? undefined : state.snapshot?.model.profiles.get(state.active);
		const session = sessionState(entry?.expiry, state.now);
		const health = healthOf(state, session);
		const signIn = entry !== undefined && needsSignIn(entry, session);
		this.item.text = state.active === undefined
			? '$(cloud) No AWS profile'
			: `$(cloud) ${displayName(state.active)}${entry?.region ? ` · ${displayValue('region', entry.region)}` : ''}${sessionText(session)}`;
		this.item.backgroundColor = health === 'ok' ? undefined : new vscode.ThemeColor(`statusBarItem.${health}Background`);
		this.item.command = signIn && entry
			? { command: 'awsProfiles.signIn', title: 'Sign In', arguments: [entry.name] }
			: 'awsProfiles.switchProfile';
		const tooltip = new vscode.MarkdownString(tooltipOf(state, signIn));
		tooltip.isTrusted = { enabledCommands: ['awsProfiles.verifyProfile', 'awsProfiles.switchProfile'] };
		this.item.tooltip = tooltip;
		this.item.accessibilityInformation = { label: `AWS profile: ${state.active === undefined ? 'none' : displayName(state.active)}` };
	}

	dispose(): void {
		this.item.dispose();
	}
}

function healthOf({ active, snapshot }: StatusState, session: SessionState): Health {
	if (active === undefined || !snapshot) {
		return 'ok';
	}
	const entry = snapshot.model.profiles.get(active);
	if (!entry || (entry.chain && !entry.chain.ok)) {
		return 'warning';
	}
	if (session.kind === 'expired') {
		return 'error';
	}
	return session.kind === 'under-hour' || session.kind === 'signed-out' ? 'warning' : 'ok';
}

/** ` · 42 min`, ` · expired`, ` · signed out`: only what calls for attention. */
function sessionText(session: SessionState): string {
	if (session.kind === 'under-hour') {
		return ` · $(watch) ${span(session.msLeft)}`;
	}
	return session.kind === 'expired' || session.kind === 'signed-out' ? ` · ${session.kind.replace('-', ' ')}` : '';
}

/** Whether a click should sign in: a profile that signs in (SSO, aws login) with no live session. */
function needsSignIn(entry: ProfileEntry, session: SessionState): boolean {
	const signsIn = entry.kind.kind === 'sso' || entry.kind.kind === 'login-session';
	return signsIn && (session.kind === 'signed-out' || session.kind === 'expired');
}

function tooltipOf(state: StatusState, signIn: boolean): string {
	const terminals = state.settings.injectProfile
		? state.active === undefined
			? 'New terminals and tasks get no `AWS_PROFILE`.'
			: `New terminals and tasks get \`AWS_PROFILE=${displayName(state.active)}\`.`
		: 'Terminal injection is off (`awsProfiles.terminal.injectProfile`).';
	const entry = state.active === undefined ? undefined : state.snapshot?.model.profiles.get(state.active);
	const lines: string[] = [];
	if (state.active !== undefined && !entry && state.snapshot) {
		lines.push(`**${escapeMarkdown(displayName(state.active))}** does not exist in your config or credentials file.`);
	} else if (entry) {
		lines.push(profileSummary(entry, { now: state.now, active: true, verification: state.verification }));
	} else {
		lines.push('No AWS profile is active.');
	}
	const timeLeft = timeLeftSentence(entry?.expiry, state.now);
	if (timeLeft) {
		lines.push('', timeLeft);
	}
	// A name shaped like a secret is not written even into the link: Verify then asks which profile.
	const argument = entry && displayName(entry.name) === entry.name ? `?${encodeURIComponent(JSON.stringify([entry.name]))}` : '';
	const verify = entry ? ` · [Verify](command:awsProfiles.verifyProfile${argument})` : '';
	const click = signIn ? 'Click to sign in' : 'Click to switch profile';
	lines.push('', terminals, '', `${click}${verify}`);
	return lines.join('\n');
}
