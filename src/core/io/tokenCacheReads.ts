/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The reads of the token caches: the SSO cache (`~/.aws/sso/cache`) and the `aws login` cache
// (`~/.aws/login/cache`). Each takes its folder and, where it judges expiry, a clock, so it never depends on the
// machine's home folder or time; what a file's text means is decided by the pure model/expiry.ts and
// sessions/loginCache.ts. Nothing read from a cache file (tokens, secrets) is kept or quoted.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SsoTokenSource } from '../model/profileKind';
import { Clock, Expiry, ExpirySource, ssoCacheFileName, ssoCacheId, tokenExpiry } from '../model/expiry';
import { loginCacheFileName, loginTokenExpiry } from '../sessions/loginCache';

/**
 * Reads the cached token of one SSO profile's login from `cacheFolder` (normally `~/.aws/sso/cache`).
 * Never throws: a missing file is `no-token`, anything else that goes wrong is `unreadable`; `undefined`
 * when nothing names the token (a legacy profile without `sso_start_url`).
 */
export async function readSsoTokenExpiry(
	cacheFolder: string,
	token: SsoTokenSource,
	clock: Clock,
): Promise<Expiry | undefined> {
	const cacheId = ssoCacheId(token);
	if (cacheId === undefined) {
		return undefined;
	}
	const source: ExpirySource = { kind: 'sso-token-cache', file: path.join(cacheFolder, ssoCacheFileName(cacheId)) };
	const text = await readCachedToken(source);
	return typeof text === 'string' ? tokenExpiry(text, token, clock(), source) : text;
}

/**
 * A token cache file's text (the SSO cache's, the login cache's), or the expiry that says why there is none:
 * `no-token` when the file is missing, `unreadable` when it cannot be read. Never throws.
 */
export async function readCachedToken(source: Extract<ExpirySource, { file: string }>): Promise<string | Expiry> {
	try {
		return await fs.readFile(source.file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT'
			? { state: 'no-token', source }
			: { state: 'unreadable', reason: `the cache file cannot be read (${code ?? 'unknown error'})`, source };
	}
}

/** Reads the tokens of several SSO logins at once, by cache id (the key `ProfileModelOptions.ssoTokens` wants). */
export async function readSsoTokenExpiries(
	cacheFolder: string,
	tokens: readonly SsoTokenSource[],
	clock: Clock,
): Promise<ReadonlyMap<string, Expiry>> {
	const entries = await Promise.all(tokens.map(async token => {
		const cacheId = ssoCacheId(token);
		const expiry = await readSsoTokenExpiry(cacheFolder, token, clock);
		return cacheId === undefined || expiry === undefined ? undefined : [cacheId, expiry] as const;
	}));
	return new Map(entries.filter(entry => entry !== undefined));
}

/** The cached token of each login session, by session name; a missing file is `no-token`, never an error. */
export async function readLoginSessionExpiries(cacheFolder: string, sessions: readonly string[]): Promise<ReadonlyMap<string, Expiry>> {
	const entries = await Promise.all([...new Set(sessions)].map(async (session) => [session, await readLoginSessionExpiry(cacheFolder, session)] as const));
	return new Map(entries);
}

async function readLoginSessionExpiry(cacheFolder: string, session: string): Promise<Expiry> {
	const source: ExpirySource = { kind: 'login-cache', file: path.join(cacheFolder, loginCacheFileName(session)) };
	const text = await readCachedToken(source);
	return typeof text === 'string' ? loginTokenExpiry(text, source) : text;
}
