/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The sessions of `aws login` (`login_session` profiles, AWS CLI 2.32 and later): where their tokens are cached
// and when they expire. The place is the JS SDK's and the AWS CLI's (`@aws-sdk/credential-provider-login`):
// AWS_LOGIN_CACHE_DIRECTORY, else `~/.aws/login/cache`, a file `<sha256 hex of the session's name>.json` holding
// `accessToken: { accessKeyId, secretAccessKey, sessionToken, accountId, expiresAt }` beside the `refreshToken`,
// `clientId` and `dpopKey` the SDK renews it with by itself. Only `expiresAt` and whether those three are there
// are read; nothing of the token is kept.

import { createHash } from 'node:crypto';
import { describeTimestampProblem, Expiry, ExpirySource, parseTimestamp } from '../model/expiry';

export function loginCacheFileName(session: string): string {
	return `${createHash('sha256').update(session, 'utf8').digest('hex')}.json`;
}

/** The expiry of a cached login token's text. */
export function loginTokenExpiry(text: string, source: ExpirySource): Expiry {
	let cached: unknown;
	try {
		cached = JSON.parse(text);
	} catch {
		// The parser's message quotes the text, which holds the keys: say nothing of it.
		return { state: 'unreadable', reason: 'the cache file is not valid JSON', source };
	}
	const fields = typeof cached === 'object' && cached !== null ? cached as Record<string, unknown> : {};
	const accessToken = typeof fields.accessToken === 'object' && fields.accessToken !== null ? fields.accessToken as Record<string, unknown> : undefined;
	if (typeof accessToken?.expiresAt !== 'string') {
		return { state: 'unreadable', reason: 'the cached token has no expiresAt', source };
	}
	const expiresAt = parseTimestamp(accessToken.expiresAt);
	if (!expiresAt.ok) {
		return { state: 'unreadable', reason: `the cached token's expiresAt ${describeTimestampProblem(expiresAt.reason)}`, source };
	}
	// The SDK renews the keys with these, and refuses the file without them.
	const refreshable = ['refreshToken', 'clientId', 'dpopKey'].every((key) => typeof fields[key] === 'string' && fields[key] !== '');
	return { state: 'known', expiresAt: expiresAt.epochMs, refreshable, source };
}
