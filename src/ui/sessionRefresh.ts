/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The active profile's SSO token renewed with its refresh token a few minutes before it expires (the moment
// from sessionRefresh.ts in core), from one timer armed at the known expiry and re-armed whenever the
// snapshot, the active profile or the settings change: no polling, and no call to AWS but this one, which
// `awsProfiles.sessions.refreshAutomatically` turns off. The renewal itself is Sign In's (dist/signIn.js,
// loaded when the timer first fires). A renewal that fails falls back to the expiry warning offering Sign In.

import * as vscode from 'vscode';
import type { ProfileEntry } from '../core/model/profileModel';
import { displayName, maskSecretsIn } from '../core/display/secretMasking';
import { refreshKey, refreshMoment } from '../core/sessions/sessionRefresh';
import { MomentTimer } from './momentTimer';

export type RenewalResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export interface SessionRefreshDeps {
	/** The active profile's entry, if it exists. */
	readonly activeEntry: () => ProfileEntry | undefined;
	/** Renews the profile's cached token and reloads the store (which re-arms this timer). */
	readonly renew: (profile: string) => Promise<RenewalResult>;
	/** The expiry warning offering Sign In, for a renewal that failed. */
	readonly renewalFailed: (entry: ProfileEntry, message: string) => void;
	readonly log: vscode.LogOutputChannel;
}

export function refreshAutomatically(): boolean {
	// Anything but false (a string in settings.json) leaves it on, as the default.
	return vscode.workspace.getConfiguration('awsProfiles').get<unknown>('sessions.refreshAutomatically', true) !== false;
}

export class SessionRefresh implements vscode.Disposable {
	private readonly timer = new MomentTimer();
	/** The tokens already tried: each once, so a refused renewal is not retried in a loop. */
	private readonly tried = new Set<string>();
	/** When the armed timer fires (ms since the epoch), for the tests. */
	get armedFor(): number | undefined {
		return this.timer.armedFor;
	}

	constructor(private readonly deps: SessionRefreshDeps) { }

	arm(): void {
		this.timer.clear();
		const now = Date.now();
		const moment = refreshMoment(this.deps.activeEntry()?.expiry, { enabled: refreshAutomatically(), now, tried: this.tried });
		if (moment === undefined) {
			return;
		}
		this.timer.set(moment, now, () => void this.fire());
	}

	/** At the moment (re-checked: the snapshot may have changed since), renews the token once. */
	private async fire(): Promise<void> {
		const entry = this.deps.activeEntry();
		const expiry = entry?.expiry;
		const moment = refreshMoment(expiry, { enabled: refreshAutomatically(), now: Date.now(), tried: this.tried });
		if (!entry || expiry?.state !== 'known' || moment === undefined || moment > Date.now()) {
			this.arm();
			return;
		}
		const key = refreshKey(expiry);
		this.tried.add(key);
		this.timer.clear();
		let result: RenewalResult;
		try {
			result = await this.deps.renew(entry.name);
		} catch (error) {
			result = { ok: false, message: error instanceof Error ? error.message : 'the renewal failed' };
		}
		if (!result.ok) {
			this.deps.log.warn(`Renewing the session of profile '${displayName(entry.name)}' failed: ${maskSecretsIn(result.message)}`);
			// A token written meanwhile (a sign-in, the AWS CLI) is not the one that failed: its own timer decides.
			const current = this.deps.activeEntry()?.expiry;
			if (current?.state === 'known' && refreshKey(current) === key) {
				this.deps.renewalFailed(entry, result.message);
			}
		}
		this.arm();
	}

	dispose(): void {
		this.timer.dispose();
	}
}
