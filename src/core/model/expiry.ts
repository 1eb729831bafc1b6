/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// When a profile's credentials stop working, where that can be known without calling AWS:
// - temporary keys written by a tool (saml2aws, aws-vault's exports, gimme-aws-creds...) that also writes
//   `aws_expiration` or `x_security_token_expires` next to them, as an ISO 8601 time with a zone;
// - SSO profiles, whose token the AWS CLI caches in `~/.aws/sso/cache/<sha1>.json` (`expiresAt`), the sha1
//   being of the sso-session name, or of the start URL for a legacy profile.
// Pure: the cache files are read by io/tokenCacheReads.ts. Nothing read from a cache file (tokens, secrets) is
// ever kept or quoted.

import { createHash } from 'node:crypto';
import { Keys, valueOf } from './profileKeys';
import type { SsoTokenSource } from './profileKind';
import type { Section } from '../readings/profileSet';

/** Milliseconds since the epoch, like `Date.now`. */
export type Clock = () => number;

export type ExpiryProperty = typeof Keys.awsExpiration | typeof Keys.securityTokenExpires;

export type ExpirySource =
	| { readonly kind: 'property'; readonly property: ExpiryProperty }
	| { readonly kind: 'sso-token-cache'; readonly file: string }
	/** An `aws login` session's token (loginCache.ts). */
	| { readonly kind: 'login-cache'; readonly file: string };

export type Expiry =
	/**
	 * `refreshable`: the SDK renews the token by itself when it is about to expire (an sso-session token
	 * with its refresh token and a live client registration), so an expired one is not yet a failure.
	 */
	| { readonly state: 'known'; readonly expiresAt: number; readonly refreshable: boolean; readonly source: ExpirySource }
	/** Written but not understood: a time without a zone, a cache file that is not a token. */
	| { readonly state: 'unreadable'; readonly reason: string; readonly source: ExpirySource }
	/** An SSO profile with no cached token: never logged in, or logged out. */
	| { readonly state: 'no-token'; readonly source: ExpirySource };

export type ExpiryStatus = 'valid' | 'expiring-soon' | 'expired' | 'refreshable' | 'no-token' | 'unknown';

/** The JS SDK treats credentials that expire within five minutes as expired already. */
export const defaultExpiringSoonMs = 5 * 60 * 1000;

export type TimestampResult =
	| { readonly ok: true; readonly epochMs: number }
	| { readonly ok: false; readonly reason: 'not-a-timestamp' | 'no-time-zone' | 'out-of-range' };

const timestampPattern =
	/^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?))?$/;

/**
 * An ISO 8601 / RFC 3339 date and time with a zone: `2026-01-02T03:04:05Z`, `...05.123+02:00`, `...05+0200`,
 * a space instead of `T` (Python's `str(datetime)`), or `UTC` (what older AWS CLI versions wrote in the SSO
 * cache). A time without a zone is refused rather than guessed.
 */
export function parseTimestamp(text: string): TimestampResult {
	const trimmed = text.trim();
	const plain = plainUtcTimestamp(trimmed);
	if (plain) {
		return plain;
	}
	const match = timestampPattern.exec(trimmed);
	if (!match) {
		return { ok: false, reason: 'not-a-timestamp' };
	}
	const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
	return timestampOf(year, month, day, hour, minute, second, fraction, zone);
}

/**
 * What tools write nearly always, `2026-01-02T03:04:05Z` exactly (or with `t`, a space, `z`), read without the
 * regular expression or any string; undefined for anything else, which parseTimestamp then reads in full.
 */
function plainUtcTimestamp(text: string): TimestampResult | undefined {
	if (text.length !== 20 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d // -
		|| text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) { // :
		return undefined;
	}
	const t = text.charCodeAt(10);
	const z = text.charCodeAt(19);
	if ((t !== 0x54 && t !== 0x74 && t !== 0x20) || (z !== 0x5a && z !== 0x7a)) { // T t space, Z z
		return undefined;
	}
	const year = digitsAt(text, 0, 4);
	const month = digitsAt(text, 5, 2);
	const day = digitsAt(text, 8, 2);
	const hour = digitsAt(text, 11, 2);
	const minute = digitsAt(text, 14, 2);
	const second = digitsAt(text, 17, 2);
	// Date.UTC reads years 0 to 99 as 1900 to 1999: those take the long way, like anything not all digits.
	if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
		return undefined;
	}
	if (!inRange([month, day, hour, minute, second]) || day > daysInMonth(year, month)) {
		return { ok: false, reason: 'out-of-range' };
	}
	return { ok: true, epochMs: Date.UTC(year, month - 1, day, hour, minute, second) };
}

/** The number `count` ASCII digits at `start` make, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
	let value = 0;
	for (let i = start; i < start + count; i++) {
		const digit = text.charCodeAt(i) - 0x30;
		if (digit < 0 || digit > 9) {
			return -1;
		}
		value = value * 10 + digit;
	}
	return value;
}

/** In the proleptic Gregorian calendar, as Date counts. */
function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	}
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The time the fields of a timestamp give, once it has matched. */
function timestampOf(
	year: string, month: string, day: string, hour: string, minute: string, second: string, fraction: string, zone: string | undefined,
): TimestampResult {
	if (zone === undefined) {
		return { ok: false, reason: 'no-time-zone' };
	}
	const offsetMinutes = zoneOffsetMinutes(zone);
	const fields = [Number(month), Number(day), Number(hour), Number(minute), Number(second)];
	if (offsetMinutes === undefined || !inRange(fields) || fields[1] > daysInMonth(Number(year), fields[0])) {
		return { ok: false, reason: 'out-of-range' };
	}
	// setUTCFullYear rather than Date.UTC, which reads years 0 to 99 as 1900 to 1999.
	const date = new Date(0);
	date.setUTCFullYear(Number(year), fields[0] - 1, fields[1]);
	date.setUTCHours(fields[2], fields[3], fields[4], Number(fraction.padEnd(3, '0').slice(0, 3)));
	return { ok: true, epochMs: date.getTime() - offsetMinutes * 60_000 };
}

/**
 * The expiry a tool wrote into the profile. With both keys, the earlier time counts: the keys stop
 * working at the first of them.
 */
export function propertyExpiry(section: Section): Expiry | undefined {
	let earliest: Expiry | undefined;
	let unreadable: Expiry | undefined;
	for (const property of [Keys.awsExpiration, Keys.securityTokenExpires] as const) {
		const value = valueOf(section, property);
		if (value === undefined) {
			continue;
		}
		const source: ExpirySource = { kind: 'property', property };
		const parsed = parseTimestamp(value);
		if (!parsed.ok) {
			unreadable ??= { state: 'unreadable', reason: `${property} ${describeTimestampProblem(parsed.reason)}`, source };
		} else if (earliest?.state !== 'known' || parsed.epochMs < earliest.expiresAt) {
			earliest = { state: 'known', expiresAt: parsed.epochMs, refreshable: false, source };
		}
	}
	return earliest ?? unreadable;
}

/** What names an SSO token in the cache: the sso-session's name, or a legacy profile's start URL. */
export function ssoCacheId(token: SsoTokenSource): string | undefined {
	return token.kind === 'sso-session' ? token.session : token.startUrl;
}

/** `<sha1 hex of the id>.json`, as the AWS CLI and the SDKs name the file. */
export function ssoCacheFileName(cacheId: string): string {
	return `${createHash('sha1').update(cacheId, 'utf8').digest('hex')}.json`;
}

export function expiryStatus(expiry: Expiry, now: number, expiringSoonMs = defaultExpiringSoonMs): ExpiryStatus {
	switch (expiry.state) {
		case 'no-token':
			return 'no-token';
		case 'unreadable':
			return 'unknown';
		case 'known': {
			const left = expiry.expiresAt - now;
			if (left > expiringSoonMs) {
				return 'valid';
			}
			if (expiry.refreshable) {
				return 'refreshable';
			}
			return left > 0 ? 'expiring-soon' : 'expired';
		}
	}
}

export function tokenExpiry(text: string, token: SsoTokenSource, now: number, source: ExpirySource): Expiry {
	let cached: unknown;
	try {
		cached = JSON.parse(text);
	} catch {
		// The parser's message quotes the text, which holds the access token: say nothing of it.
		return { state: 'unreadable', reason: 'the cache file is not valid JSON', source };
	}
	if (typeof cached !== 'object' || cached === null) {
		return { state: 'unreadable', reason: 'the cache file is not a token', source };
	}
	const fields = cached as Record<string, unknown>;
	if (typeof fields.expiresAt !== 'string') {
		return { state: 'unreadable', reason: 'the cached token has no expiresAt', source };
	}
	const expiresAt = parseTimestamp(fields.expiresAt);
	if (!expiresAt.ok) {
		return { state: 'unreadable', reason: `the cached token's expiresAt ${describeTimestampProblem(expiresAt.reason)}`, source };
	}
	return { state: 'known', expiresAt: expiresAt.epochMs, refreshable: canRefresh(fields, token, now), source };
}

/**
 * The SDKs renew only sso-session tokens (a legacy profile's token cannot be renewed), and only with the
 * refresh token and client registration the CLI stored beside it, while that registration lives.
 */
function canRefresh(fields: Record<string, unknown>, token: SsoTokenSource, now: number): boolean {
	if (token.kind !== 'sso-session') {
		return false;
	}
	const hasAll = ['refreshToken', 'clientId', 'clientSecret'].every(key => typeof fields[key] === 'string' && fields[key] !== '');
	if (!hasAll) {
		return false;
	}
	if (typeof fields.registrationExpiresAt !== 'string') {
		return true;
	}
	const registration = parseTimestamp(fields.registrationExpiresAt);
	return registration.ok && registration.epochMs > now;
}

function zoneOffsetMinutes(zone: string): number | undefined {
	if (zone === 'Z' || zone === 'z' || zone === 'UTC') {
		return 0;
	}
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
	if (hours > 23 || minutes > 59) {
		return undefined;
	}
	return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function inRange([month, day, hour, minute, second]: number[]): boolean {
	return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59;
}

export function describeTimestampProblem(reason: 'not-a-timestamp' | 'no-time-zone' | 'out-of-range'): string {
	switch (reason) {
		case 'not-a-timestamp':
			return 'is not an ISO 8601 date and time';
		case 'no-time-zone':
			return 'has no time zone (add Z or an offset such as +02:00)';
		case 'out-of-range':
			return 'is not a real date and time';
	}
}
