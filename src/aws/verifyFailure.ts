/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What went wrong when verifying a profile, in plain advice. The SDK's and AWS's own error messages are
// never passed on: AWS's SignatureDoesNotMatch message quotes the request it expected (with a session token
// in it), and an SDK message may quote a config value. Only the error's code is kept, when it is a plain word.
// A key AWS refuses is the key of the profile that signed (the chain's first step), named as such.

import type { PreflightProblem } from '../core/verify/verifyPreflight';

export type FailureCode =
	| 'invalid-key-id'
	| 'wrong-secret'
	| 'clock-skew'
	| 'expired-token'
	| 'opt-in-required'
	| 'access-denied'
	| 'sso-expired'
	| 'no-credentials'
	| 'network'
	| 'tls'
	| 'timeout'
	| 'cancelled'
	/** The files say why it cannot work, before any call (core/verifyPreflight.ts): `problems` says what. */
	| 'misconfigured'
	| 'unknown';

/** Where verification was when it failed, for the log. */
export type VerifyStep = 'files' | 'credentials' | 'identity' | 'deploy';

export interface VerifyFailure {
	readonly code: FailureCode;
	readonly message: string;
	/** A command that fixes it, for a button ("Sign in" runs `aws sso login --profile x`). */
	readonly fix?: { readonly label: string; readonly terminalCommand: string };
	/** What the files say cannot work, each with the profile that holds it. */
	readonly problems?: readonly PreflightProblem[];
	readonly step?: VerifyStep;
}

interface ErrorShape {
	readonly name?: unknown;
	readonly code?: unknown;
	readonly Code?: unknown;
	readonly message?: unknown;
	readonly cause?: unknown;
}

const networkCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH', 'EPIPE']);
const tlsCodes = new Set([
	'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED',
]);

/**
 * Maps whatever the SDK threw while verifying `profile` to advice; never quotes the error's own text. `signer` is
 * the profile whose credentials signed the first call, when it is another one (the source of a role).
 */
export function describeFailure(error: unknown, profile: string, signer: string = profile): VerifyFailure {
	const keysOf = signer === profile ? `'${profile}'` : `'${signer}' (whose credentials '${profile}' uses)`;
	const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
	const name = String(shape.name ?? shape.Code ?? '');
	const code = systemCode(shape);
	const text = typeof shape.message === 'string' ? shape.message : '';
	if (name === 'AbortError' || code === 'ABORT_ERR') {
		return { code: 'cancelled', message: 'The verification was cancelled.' };
	}
	switch (name) {
		case 'InvalidClientTokenId':
			return { code: 'invalid-key-id', message: `AWS does not know the access key ID of ${keysOf}: the key was deleted or deactivated, or mistyped. Create a new access key for the IAM user (IAM console > Users > Security credentials) and update the profile.` };
		case 'SignatureDoesNotMatch':
			return /signature expired|not yet current/i.test(text)
				? { code: 'clock-skew', message: 'This computer\'s clock is more than 15 minutes off, so AWS refuses its signed requests. Set the clock to update automatically, then verify again.' }
				: { code: 'wrong-secret', message: `The secret access key of ${keysOf} does not match its access key ID. Paste the secret again; if it is lost, create a new access key and delete the old one.` };
		case 'ExpiredToken':
		case 'ExpiredTokenException':
		case 'RequestExpired':
			return { code: 'expired-token', message: `The temporary credentials of ${keysOf} have expired. Get new ones (from your SSO or SAML tool, aws-vault, or aws sts get-session-token) and update the profile.` };
		case 'OptInRequired':
			return { code: 'opt-in-required', message: 'This AWS account cannot use the service yet: its sign-up is not complete (usually no valid payment method). Finish the sign-up in the AWS console; activation can take a few minutes.' };
		case 'AccessDenied':
		case 'AccessDeniedException':
			return { code: 'access-denied', message: `The credentials of '${profile}' are not allowed to do this: for a role, check that its trust policy lets the source profile assume it (and whether it requires MFA).` };
	}
	if (name === 'CaBundleError') {
		// Our own message: it names the file and the system's reason, nothing else.
		return { code: 'tls', message: text };
	}
	if (isSsoExpiry(name, text)) {
		return {
			code: 'sso-expired',
			message: `The SSO session of '${profile}' has expired or was never started. Sign in again.`,
			fix: { label: 'Sign in', terminalCommand: `aws sso login --profile ${profile}` },
		};
	}
	if (name === 'CredentialsProviderError' || /could not resolve credentials|could not be found/i.test(text)) {
		return { code: 'no-credentials', message: `The AWS SDK found no credentials for '${profile}'. Check the profile's keys, role, SSO or credential_process settings.` };
	}
	if (tlsCodes.has(code) || /certificate/i.test(text)) {
		return { code: 'tls', message: 'A TLS certificate on the way to AWS is not trusted, usually because a company proxy inspects HTTPS. Point AWS_CA_BUNDLE (or ca_bundle in the profile) at your company\'s CA certificate.' };
	}
	if (name === 'TimeoutError' && !networkCodes.has(code)) {
		return { code: 'timeout', message: 'AWS did not answer in time. Check your network or proxy (HTTPS_PROXY), or raise awsProfiles.verify.timeoutSeconds.' };
	}
	if (networkCodes.has(code)) {
		return { code: 'network', message: `AWS could not be reached (${code}). Check your network connection, VPN or proxy (HTTPS_PROXY).` };
	}
	return { code: 'unknown', message: `Verification failed${/^[A-Za-z][\w.]{0,63}$/.test(name) ? ` (${name})` : ''}. See the AWS Profiles log for the step that failed.` };
}

function systemCode(shape: ErrorShape): string {
	const cause = (typeof shape.cause === 'object' && shape.cause !== null ? shape.cause : {}) as ErrorShape;
	const code = shape.code ?? cause.code;
	return typeof code === 'string' ? code : '';
}

function isSsoExpiry(name: string, text: string): boolean {
	return /^(SSOTokenProviderFailure|TokenProviderError|UnauthorizedException)$/.test(name)
		|| /token is expired|aws sso login/i.test(text)
		|| mentionsSsoExpiry(text);
}

/**
 * `/sso.*(expired|refresh|login)/i`, which tried every `sso` against the rest of the line and so took
 * quadratic time on a long message: a line's first `sso` followed by one of the words.
 */
function mentionsSsoExpiry(text: string): boolean {
	return text.split(/[\n\r\u2028\u2029]/).some((line) => {
		const sso = line.search(/sso/i);
		return sso >= 0 && /expired|refresh|login/i.test(line.slice(sso + 3));
	});
}
