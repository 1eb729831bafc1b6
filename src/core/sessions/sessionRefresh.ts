/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// When the editor renews the active profile's SSO token by itself, with the refresh token, before it expires:
// only a token cached for an sso-session with its refresh token and a client registration still alive (what
// the SDKs call renewable), only when the setting allows, only once per token, and at a moment worked out from
// the known expiry (a few minutes before it, or at once when that is past), so the editor arms one timer and
// never polls. Nothing else makes the editor call AWS on its own. Pure: the caller gives the time.

import type { Expiry } from '../model/expiry';

/** How long before the token expires the editor renews it: inside the JS SDK's own 5-minute window, never after. */
export const refreshLeadMs = 5 * 60_000;

export interface RefreshOptions {
	/** `awsProfiles.sessions.refreshAutomatically`. */
	readonly enabled: boolean;
	readonly now: number;
	/** The tokens already tried (refreshKey), each tried once: a failed renewal is not retried in a loop. */
	readonly tried?: ReadonlySet<string>;
	readonly leadMs?: number;
}

/** The moment (ms since the epoch, never before `now`) to renew the token; undefined when the editor must not. */
export function refreshMoment(expiry: Expiry | undefined, options: RefreshOptions): number | undefined {
	if (!options.enabled || expiry?.state !== 'known' || expiry.source.kind !== 'sso-token-cache' || !expiry.refreshable) {
		return undefined;
	}
	if (options.tried?.has(refreshKey(expiry))) {
		return undefined;
	}
	return Math.max(options.now, expiry.expiresAt - (options.leadMs ?? refreshLeadMs));
}

/** One token of one cache file: a renewed token has a new expiry, so a new key. */
export function refreshKey(expiry: Expiry & { state: 'known' }): string {
	return `${expiry.source.kind === 'property' ? expiry.source.property : expiry.source.file}\n${expiry.expiresAt}`;
}
