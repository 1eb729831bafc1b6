/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Proof Key for Code Exchange (RFC 7636) with S256, and the `state` of the authorization-code flow: what
// keeps a code intercepted on the way to the loopback address useless to anyone but this process.

import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, the RFC's recommendation. */
export function createCodeVerifier(): string {
	return randomBytes(32).toString('base64url');
}

export function codeChallengeS256(verifier: string): string {
	return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createState(): string {
	return randomBytes(16).toString('base64url');
}
