/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The SSO token cache entry, `~/.aws/sso/cache/<sha1>.json` (expiry.ts names the file), in the AWS CLI v2's own
// format: the fields in its order, written as Python's json.dumps writes them (one line, `", "` and `": "`,
// every character outside printable ASCII escaped), times as `2026-12-07T18:00:00Z`. The AWS CLI, every SDK
// and the tools built on them (Serverless, CDK, SAM, Terraform) read this file: writing it as they do is what
// lets a sign-in here serve them all. Pure: the file's I/O is ssoTokenFile.ts. Never quotes a field's value.

import { parseTimestamp } from '../model/expiry';

/** What the cache holds for one login, as the AWS CLI writes it after `aws sso login`. */
export interface CachedSsoToken {
	readonly startUrl: string;
	readonly region: string;
	readonly accessToken: string;
	/** `2026-12-07T18:00:00Z`. */
	readonly expiresAt: string;
	/** The client registration the token was made with: what a refresh needs. */
	readonly clientId?: string;
	readonly clientSecret?: string;
	readonly registrationExpiresAt?: string;
	/** Only when the registration asked for scopes (an sso-session login). */
	readonly refreshToken?: string;
}

/** The AWS CLI's order of the fields. */
const fieldOrder: readonly (keyof CachedSsoToken)[] = [
	'startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken',
];

/** Seconds precision, UTC, `Z`: Python's `strftime('%Y-%m-%dT%H:%M:%SZ')`, which the AWS CLI uses. */
export function cacheTimestamp(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The entry's text, byte for byte as the AWS CLI's json.dumps writes it. */
export function formatCachedToken(token: CachedSsoToken): string {
	const parts = fieldOrder.flatMap((field) => {
		const value = token[field];
		return value === undefined ? [] : [`${JSON.stringify(field)}: ${pythonJsonString(value)}`];
	});
	return `{${parts.join(', ')}}`;
}

/** json.dumps with ensure_ascii: anything outside space to `~` is escaped as \uXXXX (the usual short escapes kept). */
function pythonJsonString(value: string): string {
	return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type ParsedCachedToken =
	| { readonly ok: true; readonly token: CachedSsoToken }
	| { readonly ok: false; readonly reason: string };

/** Reads an entry; the reason never quotes the text (it holds the token). */
export function parseCachedToken(text: string): ParsedCachedToken {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'the cache file is not valid JSON' };
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return { ok: false, reason: 'the cache file is not a token' };
	}
	const fields = json as Record<string, unknown>;
	const text_ = (name: string) => typeof fields[name] === 'string' ? fields[name] as string : undefined;
	const accessToken = text_('accessToken');
	const expiresAt = text_('expiresAt');
	if (accessToken === undefined || expiresAt === undefined) {
		return { ok: false, reason: 'the cached token has no accessToken or expiresAt' };
	}
	const token: Record<string, string> = {};
	for (const field of fieldOrder) {
		const value = text_(field);
		if (value !== undefined) {
			token[field] = value;
		}
	}
	return { ok: true, token: { startUrl: '', region: '', ...token } as unknown as CachedSsoToken };
}

/** How long before expiry a token is renewed: the AWS CLI's and botocore's window. */
export const refreshWindowMs = 15 * 60 * 1000;

export type RefreshAbility =
	| { readonly refreshable: true }
	| { readonly refreshable: false; readonly reason: 'no-refresh-token' | 'registration-expired' };

/** Whether the refresh token grant can renew this token: a refresh token, a client, a registration still alive. */
export function refreshAbility(token: CachedSsoToken, now: number): RefreshAbility {
	if (!token.refreshToken || !token.clientId || !token.clientSecret) {
		return { refreshable: false, reason: 'no-refresh-token' };
	}
	if (token.registrationExpiresAt !== undefined) {
		const registration = parseTimestamp(token.registrationExpiresAt);
		if (!registration.ok || registration.epochMs <= now) {
			return { refreshable: false, reason: 'registration-expired' };
		}
	}
	return { refreshable: true };
}

/** The token's expiry in milliseconds since the epoch, or undefined when unreadable. */
export function tokenExpiresAt(token: CachedSsoToken): number | undefined {
	const parsed = parseTimestamp(token.expiresAt);
	return parsed.ok ? parsed.epochMs : undefined;
}

/** Whether to renew now: within the window before expiry (or past it), and renewable. */
export function shouldRefresh(token: CachedSsoToken, now: number, windowMs = refreshWindowMs): boolean {
	const expiresAt = tokenExpiresAt(token);
	return expiresAt !== undefined && expiresAt - now <= windowMs && refreshAbility(token, now).refreshable;
}
