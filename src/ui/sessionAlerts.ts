/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The active profile's session, watched from its known expiry alone: one timer to the next moment something
// changes (it falls under an hour, the warning falls due, it expires; sessionAlerts.ts in core), re-armed
// whenever the snapshot, the active profile or the setting changes. No polling, no network: the expiry comes
// from the files and the token cache the store already reads. The warning is a notification offering Sign In,
// given once per session.

import * as vscode from 'vscode';
import type { ProfileEntry } from '../core/model/profileModel';
import { displayName } from '../core/display/secretMasking';
import { nextSessionChange, warningDue, warningKey } from '../core/sessions/sessionAlerts';
import { span } from '../core/display/timeLeft';
import type { Prompts } from './prompts';
import { MomentTimer } from './momentTimer';

export interface SessionAlertDeps {
	/** The active profile's entry, if it exists. */
	readonly activeEntry: () => ProfileEntry | undefined;
	readonly prompts: () => Prompts;
	/** Redraws the view and the status bar at a moment the session's state changes. */
	readonly redraw: () => void;
	readonly signIn: (profile: string) => Thenable<unknown>;
	readonly log: vscode.LogOutputChannel;
}

export function warnMinutesBefore(): number {
	// Anything but a positive number (a string in settings.json, a negative) turns the warning off.
	return Math.max(0, Number(vscode.workspace.getConfiguration('awsProfiles').get('sessions.warnMinutesBefore', 10))) || 0;
}

export class SessionAlerts implements vscode.Disposable {
	private readonly timer = new MomentTimer();
	private readonly warned = new Set<string>();
	/** When the armed timer fires (ms since the epoch), for the tests. */
	get armedFor(): number | undefined {
		return this.timer.armedFor;
	}

	constructor(private readonly deps: SessionAlertDeps) { }

	/** Warns now if due, then sets the one timer to the next change. */
	arm(): void {
		this.timer.clear();
		const entry = this.deps.activeEntry();
		const warnMs = warnMinutesBefore() * 60_000;
		const now = Date.now();
		if (entry?.expiry && warningDue(entry.expiry, now, warnMs)) {
			this.warn(entry, now);
		}
		const next = nextSessionChange(entry?.expiry, now, warnMs);
		if (next === undefined) {
			return;
		}
		// A few milliseconds late rather than early: at the moment itself the state has changed.
		this.timer.set(next, now, () => {
			this.deps.redraw();
			this.arm();
		}, 5);
	}

	/**
	 * The warning for a token the editor tried to renew before it expires (sessionRefresh.ts) and could not:
	 * the SDKs would fail to renew it too, so the user is offered Sign In as before any expiry.
	 */
	renewalFailed(entry: ProfileEntry, reason: string): void {
		if (entry.expiry?.state !== 'known') {
			return;
		}
		const left = entry.expiry.expiresAt - Date.now();
		const when = left > 0 ? `expires in ${span(left)}` : `expired ${span(left)} ago`;
		const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
		this.warn(entry, Date.now(), `The session of the active AWS profile '${displayName(entry.name)}' ${when} and could not be renewed: ${sentence}`);
	}

	private warn(entry: ProfileEntry, now: number, text?: string): void {
		const key = warningKey(entry.name, entry.expiry!);
		if (this.warned.has(key) || entry.expiry?.state !== 'known') {
			return;
		}
		this.warned.add(key);
		const canSignIn = entry.kind.kind === 'sso' || entry.kind.kind === 'login-session';
		// Temporary keys are a session too (STS's): the same words for all.
		const message = text ?? `The session of the active AWS profile '${displayName(entry.name)}' expires in ${span(entry.expiry.expiresAt - now)}.`;
		this.deps.log.info(message);
		void this.deps.prompts().notify(message, canSignIn ? ['Sign In'] : [], 'warning').then((action) => {
			if (action === 'Sign In') {
				void this.deps.signIn(entry.name);
			}
		});
	}

	dispose(): void {
		this.timer.dispose();
	}
}
