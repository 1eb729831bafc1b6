/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The property names that decide how a profile gets credentials, and the one way the profile model reads
// them from a section. Names are lower-case because the standard reader lower-cases keys (profileSet.ts).

import type { Section } from '../readings/profileSet';

export const Keys = {
	roleArn: 'role_arn',
	sourceProfile: 'source_profile',
	credentialSource: 'credential_source',
	roleSessionName: 'role_session_name',
	externalId: 'external_id',
	mfaSerial: 'mfa_serial',
	durationSeconds: 'duration_seconds',
	accessKeyId: 'aws_access_key_id',
	secretAccessKey: 'aws_secret_access_key',
	sessionToken: 'aws_session_token',
	accountId: 'aws_account_id',
	webIdentityTokenFile: 'web_identity_token_file',
	credentialProcess: 'credential_process',
	ssoSession: 'sso_session',
	ssoStartUrl: 'sso_start_url',
	ssoRegion: 'sso_region',
	ssoAccountId: 'sso_account_id',
	ssoRoleName: 'sso_role_name',
	loginSession: 'login_session',
	region: 'region',
	awsExpiration: 'aws_expiration',
	securityTokenExpires: 'x_security_token_expires',
} as const;

export type KeyName = typeof Keys[keyof typeof Keys];

/** The SSO keys of a profile, in the order the SDKs list them. */
export const ssoKeys: readonly KeyName[] = [
	Keys.ssoSession, Keys.ssoStartUrl, Keys.ssoRegion, Keys.ssoAccountId, Keys.ssoRoleName,
];

/**
 * A property's value, or `undefined` when the section does not define it. An empty value (`role_arn =`)
 * counts as defined, as it does for the SDKs (the JS SDK tests `typeof value === 'string'`).
 */
export function valueOf(section: Section, key: KeyName): string | undefined {
	return section.properties.get(key)?.value;
}

export function has(section: Section, key: KeyName): boolean {
	return section.properties.has(key);
}

/** The keys of `keys` that the section defines, in the order given. */
export function definedKeys(section: Section, keys: readonly KeyName[]): KeyName[] {
	return keys.filter(key => section.properties.has(key));
}

/** Whether the section defines any of `keys` (definedKeys without building the list). */
export function hasAny(section: Section, keys: readonly KeyName[]): boolean {
	const { properties } = section;
	for (const key of keys) {
		if (properties.has(key)) {
			return true;
		}
	}
	return false;
}

/** `{ [name]: value }` when there is a value, `{}` otherwise, so optional fields stay absent, not `undefined`. */
export function optional<K extends string>(name: K, value: string | undefined): { readonly [P in K]?: string } {
	return (value === undefined ? {} : { [name]: value }) as { readonly [P in K]?: string };
}

/** An object still being built, before it is handed out as its readonly type. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Sets an optional field when there is a value, and leaves it absent otherwise (never `undefined`): what
 * `optional` does for a spread, without building an object to spread.
 */
export function setDefined<T, K extends keyof T>(target: T, name: K, value: T[K] | undefined): void {
	if (value !== undefined) {
		target[name] = value;
	}
}
