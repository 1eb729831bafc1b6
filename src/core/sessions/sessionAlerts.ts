/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the active profile's session calls for, from its known expiry alone: nothing, the time left in the
// status bar (under an hour), the expired colour, a sign-in (no token cached), and when to warn before the
// end. The moments these change are computed here, so the editor arms one timer to the next moment instead
// of polling. Pure: the caller gives the time. A token the SDKs renew by themselves (refreshable) needs none
// of it: its expiry passes unnoticed.

import type { Expiry } from '../model/expiry';

export const hourMs = 60 * 60 * 1000;

export type SessionState =
	/** No session to speak of: long-term keys, a role, nothing readable. */
	| { readonly kind: 'none' }
	/** An SSO profile without a cached token: never signed in, or signed out. */
	| { readonly kind: 'signed-out' }
	/** More than an hour left, or renewed by the SDKs on use. */
	| { readonly kind: 'fine' }
	| { readonly kind: 'under-hour'; readonly msLeft: number }
	| { readonly kind: 'expired' };

export function sessionState(expiry: Expiry | undefined, now: number): SessionState {
	if (expiry === undefined || expiry.state === 'unreadable') {
		return { kind: 'none' };
	}
	if (expiry.state === 'no-token') {
		return { kind: 'signed-out' };
	}
	const msLeft = expiry.expiresAt - now;
	if (expiry.refreshable || msLeft >= hourMs) {
		return { kind: 'fine' };
	}
	return msLeft > 0 ? { kind: 'under-hour', msLeft } : { kind: 'expired' };
}

/** Whether the "expires soon" warning is due now: within `warnMs` of the end, not yet past it (0: never). */
export function warningDue(expiry: Expiry | undefined, now: number, warnMs: number): boolean {
	if (warnMs <= 0 || expiry?.state !== 'known' || expiry.refreshable) {
		return false;
	}
	const msLeft = expiry.expiresAt - now;
	return msLeft > 0 && msLeft <= warnMs;
}

/**
 * The next moment after `now` at which what the session calls for changes: it falls under an hour, the
 * warning falls due, it expires; undefined when nothing will change by itself.
 */
export function nextSessionChange(expiry: Expiry | undefined, now: number, warnMs: number): number | undefined {
	if (expiry?.state !== 'known' || expiry.refreshable) {
		return undefined;
	}
	const moments = [expiry.expiresAt - hourMs, expiry.expiresAt, ...(warnMs > 0 ? [expiry.expiresAt - warnMs] : [])];
	const future = moments.filter((moment) => moment > now);
	return future.length === 0 ? undefined : Math.min(...future);
}

/** What the warning is about, so it is given once per session and profile, not at each re-arming. */
export function warningKey(profile: string, expiry: Expiry): string {
	return expiry.state === 'known' ? `${profile}\n${expiry.expiresAt}` : profile;
}
