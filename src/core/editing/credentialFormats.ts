/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The shapes of the values a person types when adding a profile: access key ids, secrets, role and MFA ARNs,
// account ids. Each check answers in plain words and never repeats a secret.

import { checkRegion } from '../model/regions';

export type FormatCheck =
	| { readonly level: 'ok' }
	/** Allowed, but probably a mistake: say so and let the user go on. */
	| { readonly level: 'warning'; readonly message: string }
	| { readonly level: 'error'; readonly message: string };

const ok: FormatCheck = { level: 'ok' };

export const accessKeyIdPattern = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
export const secretAccessKeyPattern = /^[A-Za-z0-9/+]{40}$/;

/** The example keys of the AWS documentation: they look right and never work. */
export const documentationAccessKeyIds: ReadonlySet<string> = new Set([
	'AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'AKIAJ5E5JC4WSEXAMPLE', 'ASIAIOSFODNN7EXAMPLE',
]);
export const documentationSecretKeys: ReadonlySet<string> = new Set([
	'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);

export function checkAccessKeyId(id: string): FormatCheck {
	if (documentationAccessKeyIds.has(id)) {
		return { level: 'error', message: 'This is the AWS documentation\'s example key: use the key ID of your own IAM user.' };
	}
	if (!accessKeyIdPattern.test(id)) {
		return { level: 'error', message: 'An access key ID is AKIA (or ASIA for temporary keys) followed by 16 capital letters and digits.' };
	}
	return ok;
}

export function checkSecretAccessKey(secret: string): FormatCheck {
	if (documentationSecretKeys.has(secret)) {
		return { level: 'error', message: 'This is the AWS documentation\'s example secret: use the secret of your own access key.' };
	}
	if (secret === '') {
		return { level: 'error', message: 'The secret access key is required.' };
	}
	if (!secretAccessKeyPattern.test(secret)) {
		return { level: 'warning', message: 'A secret access key is usually 40 letters, digits, / and +. Check that it was copied whole.' };
	}
	return ok;
}

/** A session token is required with temporary (ASIA) keys and makes no sense with long-term (AKIA) ones. */
export function checkSessionToken(accessKeyId: string, token: string): FormatCheck {
	if (accessKeyId.startsWith('ASIA') && token === '') {
		return { level: 'error', message: 'Temporary keys (ASIA...) need their session token.' };
	}
	if (accessKeyId.startsWith('AKIA') && token !== '') {
		return { level: 'warning', message: 'Long-term keys (AKIA...) have no session token: leave it empty unless you are sure.' };
	}
	return ok;
}

const roleArnPattern = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const mfaSerialPattern = /^(arn:aws(-[a-z]+)*:iam::\d{12}:(mfa|u2f)\/[\w+=,.@/-]+|[A-Z0-9]{9,})$/;

export function checkRoleArn(arn: string): FormatCheck {
	return roleArnPattern.test(arn)
		? ok
		: { level: 'error', message: 'A role ARN looks like arn:aws:iam::123456789012:role/RoleName.' };
}

export function checkMfaSerial(serial: string): FormatCheck {
	return serial === '' || mfaSerialPattern.test(serial)
		? ok
		: { level: 'error', message: 'An MFA device is an ARN like arn:aws:iam::123456789012:mfa/name, or a hardware serial number.' };
}

export function checkAccountId(id: string): FormatCheck {
	return /^\d{12}$/.test(id) ? ok : { level: 'error', message: 'An AWS account ID is 12 digits.' };
}

export function checkDurationSeconds(text: string): FormatCheck {
	if (text === '') {
		return ok;
	}
	const seconds = Number(text);
	return Number.isInteger(seconds) && seconds >= 900 && seconds <= 43200
		? ok
		: { level: 'error', message: 'A role session lasts from 900 to 43200 seconds (15 minutes to 12 hours).' };
}

export function checkStartUrl(url: string): FormatCheck {
	return /^https:\/\/\S+$/.test(url) ? ok : { level: 'error', message: 'The SSO start URL is an https:// address, e.g. https://my-company.awsapps.com/start.' };
}

/** What STS allows in `RoleSessionName`: the AWS CLI and the SDKs send it as written, and STS refuses any other. */
const roleSessionNamePattern = /^[\w+=,.@-]{2,64}$/;

export function checkRoleSessionName(name: string): FormatCheck {
	return name === '' || roleSessionNamePattern.test(name)
		? ok
		: { level: 'error', message: 'A role session name is 2 to 64 letters, digits and + = , . @ _ - (no spaces).' };
}

/** One OAuth scope of IAM Identity Center: words joined by colons, such as sso:account:access or codewhisperer:completions. */
const registrationScopePattern = /^[A-Za-z0-9_-]+(:[A-Za-z0-9_.-]+)+$/;

/** `sso_registration_scopes`: scopes separated by commas, as the AWS CLI splits them; empty asks for none. */
export function checkRegistrationScopes(scopes: string): FormatCheck {
	if (scopes.trim() === '') {
		return ok;
	}
	return scopes.split(',').every((scope) => registrationScopePattern.test(scope.trim()))
		? ok
		: { level: 'error', message: 'Registration scopes are separated by commas and look like sso:account:access.' };
}

/**
 * A region typed by hand, by the lint's one check (regions.ts): a name no partition allows is certainly a
 * mistake, one shaped like a region but unknown to this version is a new region or a typo (`eu-west-4`).
 * Both only warn, as the lint does: a region newer than the extension must stay possible.
 */
export function checkRegionName(name: string): FormatCheck {
	if (name === '') {
		return ok;
	}
	const check = checkRegion(name);
	switch (check.kind) {
		case 'known': return ok;
		case 'unknown': return { level: 'warning', message: `Not a region of the ${check.partition} partition known to this version: a new region, or a typo?` };
		case 'invalid': return { level: 'warning', message: 'Not an AWS region name (such as us-east-1 or eu-west-2): every call would fail.' };
	}
}
