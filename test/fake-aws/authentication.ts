/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Who sent a request, or the error AWS answers when it cannot tell, checked in this order: a signature is
// there and well formed; the access key exists and is active; a temporary key came with its own session token
// (and a long-term one with none); the session has not expired; the request time is within 15 minutes of ours
// (AWS's "Signature expired" wording, so the SDK corrects its clock from our Date header); the body is the
// one signed; the signature is right.

import * as errors from './awsError';
import type { Credentials, Directory, Principal } from './directory';
import {
	formatAmzDate, parseAmzDate, parseAuthorization, ReceivedRequest, sha256Hex, SigV4Authorization, signatureMatches,
} from './sigv4Verifier';

export interface Caller {
	readonly principal: Principal;
	readonly credentials: Credentials;
	readonly region: string;
}

/** How far a request's time may be from ours, either way. */
export const allowedClockSkewMs = 15 * 60 * 1000;

/** The authorization header, read; throws the AWS error for a missing or malformed one. */
export function readAuthorization(request: ReceivedRequest): SigV4Authorization {
	const header = request.headers.authorization;
	if (header === undefined) {
		throw errors.missingAuthenticationToken();
	}
	const parsed = parseAuthorization(header);
	if (!parsed.ok) {
		throw errors.incompleteSignature(parsed.problem);
	}
	return parsed.authorization;
}

function checkClock(requestTime: Date, now: Date): void {
	const earliest = new Date(now.getTime() - allowedClockSkewMs);
	const latest = new Date(now.getTime() + allowedClockSkewMs);
	if (requestTime < earliest) {
		throw errors.signatureDoesNotMatch(`Signature expired: ${formatAmzDate(requestTime)} is now earlier than `
			+ `${formatAmzDate(earliest)} (${formatAmzDate(now)} - 15 min.)`);
	}
	if (requestTime > latest) {
		throw errors.signatureDoesNotMatch(`Signature not yet current: ${formatAmzDate(requestTime)} is still later than `
			+ `${formatAmzDate(latest)} (${formatAmzDate(now)} + 15 min.)`);
	}
}

function checkToken(credentials: Credentials, token: string | undefined, now: Date): void {
	if (credentials.kind === 'long-term') {
		if (credentials.status !== 'Active' || token !== undefined) {
			throw errors.invalidClientTokenId();
		}
		return;
	}
	if (token !== credentials.token) {
		throw errors.invalidClientTokenId();
	}
	if (credentials.expiration <= now) {
		throw errors.expiredToken();
	}
}

export async function authenticate(
	directory: Directory, request: ReceivedRequest, authorization: SigV4Authorization, now: Date,
): Promise<Caller> {
	const credentials = directory.credentials(authorization.accessKeyId);
	if (!credentials) {
		throw errors.invalidClientTokenId();
	}
	checkToken(credentials, request.headers['x-amz-security-token'], now);
	const amzDate = request.headers['x-amz-date'];
	const requestTime = parseAmzDate(amzDate);
	if (!requestTime) {
		throw errors.incompleteSignature(`Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.`);
	}
	checkClock(requestTime, now);
	if (!amzDate?.startsWith(authorization.scopeDate)) {
		throw errors.signatureDoesNotMatch(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: `
			+ `'${authorization.scopeDate}' != '${amzDate?.slice(0, 8)}', from '${amzDate}'.`);
	}
	const claimedHash = request.headers['x-amz-content-sha256'];
	if (claimedHash !== undefined && claimedHash !== 'UNSIGNED-PAYLOAD' && claimedHash !== sha256Hex(request.body)) {
		// The service hashes the body it received for the canonical request, so a body changed after signing
		// fails as a wrong signature (S3 alone has an error of its own for this).
		throw errors.signatureDoesNotMatch();
	}
	if (!await signatureMatches(request, authorization, credentials.secret, requestTime)) {
		throw errors.signatureDoesNotMatch();
	}
	const principal = credentials.kind === 'long-term' ? credentials.owner : credentials.principal;
	return { principal, credentials, region: authorization.region };
}
