/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How long a profile's temporary credentials (or SSO token) still work, in the few words a tree item's
// description or a status-bar tooltip has room for: "expires in 42 min", "expired 3 h ago". Pure: the
// caller gives the time.

import { Expiry, expiryStatus } from '../model/expiry';

/**
 * `expires in 42 min`, `expired 3 h ago`, or, for an SSO token the SDK renews by itself, `token renews on
 * use`; undefined when nothing is known (no expiry written, no token cached, a time that cannot be read).
 */
export function timeLeftLabel(expiry: Expiry | undefined, now: number): string | undefined {
	if (expiry?.state !== 'known') {
		return undefined;
	}
	const left = expiry.expiresAt - now;
	switch (expiryStatus(expiry, now)) {
		case 'refreshable':
			return left > 0 ? `expires in ${span(left)}, renews on use` : 'token renews on use';
		case 'expired':
			return `expired ${span(-left)} ago`;
		default:
			return `expires in ${span(left)}`;
	}
}

/**
 * The same, as a sentence of the status bar's tooltip: `Its credentials expire in 42 min.`, `Its SSO token
 * expired 3 h ago.`; undefined when nothing is known.
 */
export function timeLeftSentence(expiry: Expiry | undefined, now: number): string | undefined {
	const label = timeLeftLabel(expiry, now);
	if (expiry?.state !== 'known' || label === undefined) {
		return undefined;
	}
	const subject = expiry.source.kind === 'sso-token-cache' ? 'Its SSO token' : expiry.source.kind === 'login-cache' ? 'Its login session' : 'Its credentials';
	if (label === 'token renews on use') {
		return `${subject} has expired; the SDK renews it on use.`;
	}
	// "expires in" of a label is "expire in" after a plural subject.
	const verb = subject === 'Its credentials' ? label.replace(/^expires/, 'expire') : label;
	return `${subject} ${verb}.`;
}

/** A length of time, coarse: `less than a minute`, `42 min`, `3 h`, `5 days`, `4 months`, `6 years`. */
export function span(ms: number): string {
	const minutes = Math.floor(Math.abs(ms) / 60_000);
	if (minutes < 1) {
		return 'less than a minute';
	}
	if (minutes < 120) {
		return `${minutes} min`;
	}
	const hours = Math.floor(minutes / 60);
	if (hours < 48) {
		return `${hours} h`;
	}
	const days = Math.floor(hours / 24);
	if (days < 60) {
		return `${days} days`;
	}
	const months = Math.floor(days / 30.44);
	return months < 24 ? `${months} months` : `${Math.floor(days / 365.25)} years`;
}
