/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How a named profile gets its credentials when a tool selects it, in the order the JavaScript SDK v3
// decides it (`resolveProfileData` in @aws-sdk/credential-provider-ini, what Serverless, CDK and SST use):
//
//   1. assume-role        `role_arn` and exactly one of `source_profile` / `credential_source`
//   2. static keys        `aws_access_key_id` and `aws_secret_access_key` (`aws_session_token` optional)
//   3. web identity       `web_identity_token_file` and `role_arn`
//   4. credential process `credential_process`
//   5. SSO                any of `sso_session`, `sso_start_url`, `sso_account_id`, `sso_region`, `sso_role_name`
//   6. login session      a non-empty `login_session`
//   otherwise no credentials (a config-only profile, e.g. just a region).
//
// The first complete source wins; every other source the profile mentions is reported as ignored, with why,
// because "my keys are ignored since role_arn is set" is exactly what users cannot see. This is the kind of
// the profile itself; the standard's view of a role's sources (which differs in places) is roleChain.ts.

import { definedKeys, has, hasAny, KeyName, Keys, setDefined, ssoKeys, valueOf, Writable } from './profileKeys';
import type { Section } from '../readings/profileSet';
import { maskAccessKeyId } from '../display/secretMasking';

export type CredentialSourceName =
	| 'assume-role' | 'static-keys' | 'web-identity' | 'credential-process' | 'sso' | 'login-session';

export type RoleSource =
	| { readonly kind: 'source-profile'; readonly profile: string }
	/** `Environment`, `Ec2InstanceMetadata` or `EcsContainer` for the SDKs; any other name fails at run time. */
	| { readonly kind: 'credential-source'; readonly name: string };

export interface AssumeRoleKind {
	readonly kind: 'assume-role';
	readonly roleArn: string;
	readonly source: RoleSource;
	readonly roleSessionName?: string;
	readonly externalId?: string;
	readonly mfaSerial?: string;
	/** As written; the SDKs default to 3600 seconds. */
	readonly durationSeconds?: string;
}

export interface StaticKeysKind {
	readonly kind: 'static-keys';
	/** `temporary` when `aws_session_token` is set: that is what the SDK sends, whatever the key id says. */
	readonly term: 'long-term' | 'temporary';
	/** `AKIA****ABCD`: enough to recognise a key, never the whole id, never the secret. */
	readonly maskedAccessKeyId: string;
	/**
	 * What the key id itself says: `AKIA` is a long-term IAM user key, `ASIA` a temporary STS key. It can
	 * disagree with `term` (an `ASIA` key without its session token cannot work).
	 */
	readonly keyIdPrefix: 'AKIA' | 'ASIA' | undefined;
	readonly accountId?: string;
}

export interface WebIdentityKind {
	readonly kind: 'web-identity';
	readonly roleArn: string;
	readonly tokenFile: string;
	readonly roleSessionName?: string;
}

export interface CredentialProcessKind {
	readonly kind: 'credential-process';
	/**
	 * The program only (first word of the command). Its arguments can hold secrets (a password, a token),
	 * so the model never carries them; whoever runs the command reads the property itself.
	 */
	readonly program: string;
}

/** Where an SSO profile's token comes from; it also names the token's cache file (expiry.ts). */
export type SsoTokenSource =
	| { readonly kind: 'sso-session'; readonly session: string }
	/** The legacy form: start URL and region in the profile itself. */
	| { readonly kind: 'legacy'; readonly startUrl?: string; readonly region?: string };

export interface SsoKind {
	readonly kind: 'sso';
	readonly token: SsoTokenSource;
	/** Without account and role, the profile yields only a bearer token (for the SDK: incomplete). */
	readonly accountId?: string;
	readonly roleName?: string;
}

export interface LoginSessionKind {
	readonly kind: 'login-session';
	readonly session: string;
}

export interface NoCredentialsKind {
	readonly kind: 'none';
}

export type ProfileKind =
	| AssumeRoleKind
	| StaticKeysKind
	| WebIdentityKind
	| CredentialProcessKind
	| SsoKind
	| LoginSessionKind
	| NoCredentialsKind;

/** Why a source the profile mentions is not the one the SDK uses. */
export type IgnoredReason =
	/** Complete, but a source earlier in the order won. */
	| { readonly why: 'shadowed'; readonly by: CredentialSourceName }
	/** A key it needs is not defined (or, for `login_session`, empty). */
	| { readonly why: 'missing-key'; readonly key: KeyName }
	/** `role_arn` with neither `source_profile` nor `credential_source`. */
	| { readonly why: 'no-role-source' }
	/** `role_arn` with both `source_profile` and `credential_source`: the JS SDK then ignores the role. */
	| { readonly why: 'conflicting-role-sources' };

export type IgnoredSource = {
	readonly source: CredentialSourceName;
	/** The keys of that source the profile defines, so a diagnostic can point at them. */
	readonly keys: readonly KeyName[];
} & IgnoredReason;

export interface KindAnalysis {
	readonly kind: ProfileKind;
	readonly ignored: readonly IgnoredSource[];
}

export function profileKindOf(section: Section): ProfileKind {
	return analyzeProfileKind(section).kind;
}

export function analyzeProfileKind(section: Section): KindAnalysis {
	// One pass in the order of the sources: the first complete one wins, every other one mentioned is ignored
	// (a complete one after the winner is shadowed by it). A source none of whose keys the section defines is
	// not mentioned: its rule gives undefined.
	let kind: ProfileKind | undefined;
	let winner: CredentialSourceName | undefined;
	let ignored: IgnoredSource[] | undefined;
	for (const rule of sourceOrder) {
		const outcome = rule.evaluate(section);
		if (!outcome) {
			continue;
		}
		if (isKind(outcome) && !kind) {
			kind = outcome;
			winner = rule.source;
			continue;
		}
		const reason: IgnoredReason = isKind(outcome) ? { why: 'shadowed', by: winner! } : outcome;
		(ignored ??= []).push({ source: rule.source, keys: definedKeys(section, rule.keys), ...reason });
	}
	return { kind: kind ?? noCredentials, ignored: ignored ?? noIgnoredSources };
}

/** The kind of every profile without credentials (one object for all of them: the model keeps a kind per profile). */
const noCredentials: NoCredentialsKind = Object.freeze({ kind: 'none' });

/** What most profiles ignore: nothing (one list for all of them). */
const noIgnoredSources: readonly IgnoredSource[] = Object.freeze([]);

/** The first word of a command line, quotes removed (`"C:\Program Files\x.exe" --flag` → the path). */
export function programOf(command: string): string {
	const text = command.trim();
	const quote = text[0];
	if (quote === '"' || quote === '\'') {
		const end = text.indexOf(quote, 1);
		return end > 0 ? text.slice(1, end) : text.slice(1);
	}
	// The text before the first whitespace (what `split(/\s+/)[0]` gives, without splitting all of it).
	const end = text.search(/\s/);
	return end === -1 ? text : text.slice(0, end);
}

/** A complete source (the kind it gives) or an incomplete one (why not). */
type Outcome = ProfileKind | IgnoredReason;

function isKind(outcome: Outcome): outcome is ProfileKind {
	return 'kind' in outcome;
}

interface SourceRule {
	readonly source: CredentialSourceName;
	readonly keys: readonly KeyName[];
	/** The outcome, or `undefined` when the profile does not mention this source at all (defines none of `keys`). */
	readonly evaluate: (section: Section) => Outcome | undefined;
}

function rule(source: CredentialSourceName, keys: readonly KeyName[], evaluate: SourceRule['evaluate']): SourceRule {
	return { source, keys, evaluate };
}

const sourceOrder: readonly SourceRule[] = [
	rule('assume-role', [Keys.roleArn, Keys.sourceProfile, Keys.credentialSource], assumeRole),
	rule('static-keys', [Keys.accessKeyId, Keys.secretAccessKey, Keys.sessionToken], staticKeysOf),
	rule('web-identity', [Keys.webIdentityTokenFile], webIdentityOf),
	rule('credential-process', [Keys.credentialProcess], credentialProcessOf),
	rule('sso', ssoKeys, sso),
	rule('login-session', [Keys.loginSession], loginSessionOf),
];

function assumeRole(section: Section): Outcome | undefined {
	const roleArn = valueOf(section, Keys.roleArn);
	const sourceProfile = valueOf(section, Keys.sourceProfile);
	const credentialSource = valueOf(section, Keys.credentialSource);
	if (roleArn === undefined) {
		// `source_profile` alone does nothing for the profile itself (`credential_source` alone only works
		// when another profile uses this one as its source).
		return sourceProfile !== undefined || credentialSource !== undefined
			? { why: 'missing-key', key: Keys.roleArn }
			: undefined;
	}
	if (sourceProfile !== undefined && credentialSource !== undefined) {
		return { why: 'conflicting-role-sources' };
	}
	const source: RoleSource | undefined = sourceProfile !== undefined
		? { kind: 'source-profile', profile: sourceProfile }
		: credentialSource !== undefined ? { kind: 'credential-source', name: credentialSource } : undefined;
	if (!source) {
		// With a token file, `role_arn` belongs to web identity and is not a role to chain.
		return has(section, Keys.webIdentityTokenFile) ? undefined : { why: 'no-role-source' };
	}
	// Optional fields are left out rather than undefined, set one by one (cheaper than spreading objects).
	const kind: Writable<AssumeRoleKind> = { kind: 'assume-role', roleArn, source };
	setDefined(kind, 'roleSessionName', valueOf(section, Keys.roleSessionName));
	setDefined(kind, 'externalId', valueOf(section, Keys.externalId));
	setDefined(kind, 'mfaSerial', valueOf(section, Keys.mfaSerial));
	setDefined(kind, 'durationSeconds', valueOf(section, Keys.durationSeconds));
	return kind;
}

/** Static keys, why they are unusable (one of the pair missing), or `undefined` when none is written. */
export function staticKeysOf(section: Section): StaticKeysKind | IgnoredReason | undefined {
	const accessKeyId = valueOf(section, Keys.accessKeyId);
	const hasSecret = has(section, Keys.secretAccessKey);
	const hasToken = has(section, Keys.sessionToken);
	if (accessKeyId === undefined) {
		return hasSecret || hasToken ? { why: 'missing-key', key: Keys.accessKeyId } : undefined;
	}
	if (!hasSecret) {
		return { why: 'missing-key', key: Keys.secretAccessKey };
	}
	const id = accessKeyId.trim();
	const kind: Writable<StaticKeysKind> = {
		kind: 'static-keys',
		term: hasToken ? 'temporary' : 'long-term',
		maskedAccessKeyId: maskAccessKeyId(id),
		// The literals, not a slice of the id: the model keeps one of these for every profile with keys.
		keyIdPrefix: id.startsWith('AKIA') ? 'AKIA' : id.startsWith('ASIA') ? 'ASIA' : undefined,
	};
	setDefined(kind, 'accountId', valueOf(section, Keys.accountId));
	return kind;
}

/** Web identity, why not (`role_arn` missing), or `undefined` when there is no token file. */
export function webIdentityOf(section: Section): WebIdentityKind | IgnoredReason | undefined {
	const tokenFile = valueOf(section, Keys.webIdentityTokenFile);
	if (tokenFile === undefined) {
		return undefined;
	}
	const roleArn = valueOf(section, Keys.roleArn);
	if (roleArn === undefined) {
		return { why: 'missing-key', key: Keys.roleArn };
	}
	const kind: Writable<WebIdentityKind> = { kind: 'web-identity', roleArn, tokenFile };
	setDefined(kind, 'roleSessionName', valueOf(section, Keys.roleSessionName));
	return kind;
}

export function credentialProcessOf(section: Section): CredentialProcessKind | undefined {
	const command = valueOf(section, Keys.credentialProcess);
	return command === undefined ? undefined : { kind: 'credential-process', program: programOf(command) };
}

function sso(section: Section): Outcome | undefined {
	if (!hasAny(section, ssoKeys)) {
		return undefined;
	}
	const session = valueOf(section, Keys.ssoSession);
	let token: SsoTokenSource;
	if (session !== undefined) {
		token = { kind: 'sso-session', session };
	} else {
		const legacy: Writable<SsoTokenSource & { kind: 'legacy' }> = { kind: 'legacy' };
		setDefined(legacy, 'startUrl', valueOf(section, Keys.ssoStartUrl));
		setDefined(legacy, 'region', valueOf(section, Keys.ssoRegion));
		token = legacy;
	}
	const kind: Writable<SsoKind> = { kind: 'sso', token };
	setDefined(kind, 'accountId', valueOf(section, Keys.ssoAccountId));
	setDefined(kind, 'roleName', valueOf(section, Keys.ssoRoleName));
	return kind;
}

export function loginSessionOf(section: Section): LoginSessionKind | IgnoredReason | undefined {
	const session = valueOf(section, Keys.loginSession);
	if (session === undefined) {
		return undefined;
	}
	// The JS SDK tests this one for truth, not for presence: an empty value is no login session.
	return session === '' ? { why: 'missing-key', key: Keys.loginSession } : { kind: 'login-session', session };
}

/**
 * Whether a profile of this kind can give credentials to another one (a role's `source_profile`): not a
 * config-only profile, not an SSO profile without account and role (only a bearer token), not an `ASIA`
 * key without its session token (AWS rejects every request signed with it).
 */
export function givesCredentials(kind: ProfileKind): boolean {
	switch (kind.kind) {
		case 'none': return false;
		case 'sso': return kind.accountId !== undefined && kind.roleName !== undefined;
		case 'static-keys': return !(kind.term === 'long-term' && kind.keyIdPrefix === 'ASIA');
		default: return true;
	}
}
