/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The chain of sources behind a profile, as the SDKs' shared assume-role suite (smithy-rs
// `assume-role-tests.json`) pins it down: follow `source_profile` from the selected profile until a profile
// gives credentials of its own (the base), then assume each role on the way back. Errors (a loop, a missing
// profile, a half-written source) are a result, never an exception: they are what the lint rules report.
//
// The rules, which are the standard's and differ from the JS SDK's order in profileKind.ts in places:
// - a profile is a role link when it has `role_arn` and no `web_identity_token_file` (with a token file,
//   `role_arn` is the web identity's role, and the profile is a base);
// - a role link needs exactly one of `source_profile` and `credential_source`; `credential_source`, or a
//   `source_profile` naming the profile itself, makes that same profile the base;
// - after the first profile, static keys win over everything else in a source profile;
// - a base is, in this order: `credential_source`, web identity, SSO, `login_session`, `credential_process`,
//   static keys.

import {
	CredentialProcessKind, credentialProcessOf, LoginSessionKind, loginSessionOf, StaticKeysKind, staticKeysOf,
	WebIdentityKind, webIdentityOf,
} from './profileKind';
import { has, hasAny, Keys, optional, setDefined, ssoKeys, valueOf, Writable } from './profileKeys';
import type { ProfileSet, Section } from '../readings/profileSet';

/** A role assumed on the way, with the parameters the chain itself decides. */
export interface RoleLink {
	/** The profile that names the role. */
	readonly profile: string;
	readonly roleArn: string;
	readonly externalId?: string;
	readonly roleSessionName?: string;
}

/** SSO as the standard resolves it: with an sso-session, its start URL and region come from that section. */
export interface ResolvedSso {
	readonly kind: 'sso';
	readonly session?: string;
	readonly startUrl: string;
	readonly region: string;
	/** Both or neither; without them the profile resolves a bearer token rather than credentials. */
	readonly accountId?: string;
	readonly roleName?: string;
}

export interface NamedCredentialSource {
	readonly kind: 'credential-source';
	readonly name: string;
}

export type BaseProvider =
	| NamedCredentialSource
	| StaticKeysKind
	| WebIdentityKind
	| ResolvedSso
	| LoginSessionKind
	| CredentialProcessKind;

export interface RoleChain {
	/** Where the first credentials come from, and which profile says so. */
	readonly base: { readonly profile: string; readonly provider: BaseProvider };
	/** The roles assumed with them, in order: the first with the base credentials, the last is the selected profile's. */
	readonly roles: readonly RoleLink[];
}

export type ChainError =
	| { readonly code: 'no-profiles' }
	/** `referencedFrom` is the profile whose `source_profile` names it; absent for the selected profile. */
	| { readonly code: 'missing-profile'; readonly profile: string; readonly referencedFrom?: string }
	| { readonly code: 'cycle'; readonly profiles: readonly string[]; readonly next: string }
	| { readonly code: 'role-without-source'; readonly profile: string }
	| { readonly code: 'conflicting-role-sources'; readonly profile: string }
	| { readonly code: 'no-credentials'; readonly profile: string }
	| { readonly code: 'partial-static-keys'; readonly profile: string; readonly missing: 'aws_access_key_id' | 'aws_secret_access_key' }
	| { readonly code: 'web-identity-without-role-arn'; readonly profile: string }
	/** The profile sets it, its sso-session does not: smithy-rs and the Ruby SDK refuse that. */
	| { readonly code: 'sso-key-outside-session'; readonly profile: string; readonly key: 'sso_start_url' | 'sso_region' }
	/** Both set it, to different values: the AWS CLI refuses that. */
	| { readonly code: 'sso-key-differs-from-session'; readonly profile: string; readonly key: 'sso_start_url' | 'sso_region'; readonly session: string }
	| { readonly code: 'sso-session-not-found'; readonly profile: string; readonly session: string }
	| { readonly code: 'sso-unpaired'; readonly profile: string; readonly present: SsoPairKey; readonly missing: SsoPairKey }
	/** `session` is set when the setting should have come from that sso-session. */
	| { readonly code: 'sso-missing-setting'; readonly profile: string; readonly key: 'sso_start_url' | 'sso_region'; readonly session?: string };

export type SsoPairKey = 'sso_account_id' | 'sso_role_name';

export type ChainErrorCode = ChainError['code'];

export type RoleChainResult =
	| { readonly ok: true; readonly chain: RoleChain; readonly visited: readonly string[] }
	/** `visited` are the profiles followed before the error, the failing one last. */
	| { readonly ok: false; readonly error: ChainError; readonly visited: readonly string[] };

export type ProfileSections = Pick<ProfileSet, 'profiles' | 'ssoSessions'>;

export function resolveRoleChain(set: ProfileSections, selected: string): RoleChainResult {
	if (set.profiles.size === 0) {
		return { ok: false, error: { code: 'no-profiles' }, visited: [] };
	}
	const visited: string[] = [];
	const roles: RoleLink[] = [];
	let name = selected;
	for (;;) {
		const section = set.profiles.get(name);
		if (!section) {
			const error: Writable<ChainError & { code: 'missing-profile' }> = { code: 'missing-profile', profile: name };
			setDefined(error, 'referencedFrom', visited.at(-1));
			return { ok: false, error, visited: kept(visited) };
		}
		if (visited.includes(name)) {
			return { ok: false, error: { code: 'cycle', profiles: [...visited], next: name }, visited: kept(visited) };
		}
		visited.push(name);
		if (visited.length > 1) {
			const keys = staticKeysOf(section);
			if (keys && !('why' in keys)) {
				return chainResult(name, keys, roles, visited);
			}
		}
		const role = roleLinkOf(name, section);
		if (!role) {
			return chainResult(name, baseOf(name, section, set), roles, visited);
		}
		const next = nextProfileOf(name, section);
		if (typeof next !== 'string') {
			return { ok: false, error: next, visited: kept(visited) };
		}
		roles.push(role);
		// A profile that is its own source uses its own keys for the role (they would be a loop otherwise).
		if (next === name) {
			return chainResult(name, baseOf(name, section, set), roles, visited);
		}
		name = next;
	}
}

/** The chain down to the base `profile`, or the error that stopped it there. */
function chainResult(profile: string, base: BaseProvider | ChainError, roles: RoleLink[], visited: string[]): RoleChainResult {
	return 'code' in base
		? { ok: false, error: base, visited: kept(visited) }
		: { ok: true, chain: { base: { profile, provider: base }, roles: kept(roles).reverse() }, visited: kept(visited) };
}

/**
 * An array to keep, the length of its items. The model keeps a chain per role profile, and an array that grew by
 * `push` keeps room for 17 items: with 100,000 profiles, those arrays were a tenth of the model's memory.
 */
function kept<T>(items: T[]): T[] {
	return items.slice();
}

/** One sentence for a chain error; never quotes a value, only profile and sso-session names. */
export function describeChainError(error: ChainError): string {
	switch (error.code) {
		case 'no-profiles':
			return 'No profiles were defined';
		case 'missing-profile':
			return error.referencedFrom === undefined
				? `profile \`${error.profile}\` was not found`
				: `could not find source profile ${error.profile} referenced from ${error.referencedFrom}`;
		case 'cycle':
			return `profile formed an infinite loop: ${[...error.profiles, error.next].join(' -> ')}`;
		case 'role-without-source':
			return `profile \`${error.profile}\` sets role_arn, but the profile must contain \`source_profile\` or \`credential_source\``;
		case 'conflicting-role-sources':
			return `profile \`${error.profile}\` is invalid: profile contained both source_profile and credential_source, only one may be set`;
		case 'no-credentials':
			return `profile \`${error.profile}\` did not contain credential information`;
		case 'partial-static-keys':
			return `profile \`${error.profile}\` is invalid: profile missing ${error.missing}`;
		case 'web-identity-without-role-arn':
			return `profile \`${error.profile}\` sets \`web_identity_token_file\` but \`role_arn\` was missing`;
		case 'sso-key-outside-session':
			return `profile \`${error.profile}\` has invalid SSO config: \`${error.key}\` can only be specified in the [sso-session] config when a session name is given`;
		case 'sso-key-differs-from-session':
			return `profile \`${error.profile}\` has invalid SSO config: \`${error.key}\` differs from the one of sso-session \`${error.session}\``;
		case 'sso-session-not-found':
			return `sso-session named \`${error.session}\` (referenced by profile \`${error.profile}\`) was not found`;
		case 'sso-unpaired':
			return `profile \`${error.profile}\` has invalid SSO config: if \`${error.present}\` is set, then \`${error.missing}\` must also be set`;
		case 'sso-missing-setting':
			return error.session === undefined
				? `profile \`${error.profile}\` has invalid SSO config: \`${error.key}\` is missing`
				: `sso-session \`${error.session}\` (used by profile \`${error.profile}\`) is missing \`${error.key}\``;
	}
}

function roleLinkOf(profile: string, section: Section): RoleLink | undefined {
	const roleArn = valueOf(section, Keys.roleArn);
	if (roleArn === undefined || has(section, Keys.webIdentityTokenFile)) {
		return undefined;
	}
	const link: Writable<RoleLink> = { profile, roleArn };
	setDefined(link, 'externalId', valueOf(section, Keys.externalId));
	setDefined(link, 'roleSessionName', valueOf(section, Keys.roleSessionName));
	return link;
}

/** The profile whose credentials the role uses: another one, this one itself (then it is its own base), or an error. */
function nextProfileOf(profile: string, section: Section): string | ChainError {
	const sourceProfile = valueOf(section, Keys.sourceProfile);
	const hasCredentialSource = has(section, Keys.credentialSource);
	if (sourceProfile !== undefined && hasCredentialSource) {
		return { code: 'conflicting-role-sources', profile };
	}
	if (sourceProfile === undefined) {
		// `credential_source` is this profile's own base; neither is an error.
		return hasCredentialSource ? profile : { code: 'role-without-source', profile };
	}
	return sourceProfile;
}

function baseOf(profile: string, section: Section, set: ProfileSections): BaseProvider | ChainError {
	const credentialSource = valueOf(section, Keys.credentialSource);
	if (credentialSource !== undefined) {
		return { kind: 'credential-source', name: credentialSource };
	}
	const webIdentity = webIdentityOf(section);
	if (webIdentity) {
		return 'why' in webIdentity ? { code: 'web-identity-without-role-arn', profile } : webIdentity;
	}
	const sso = resolveSso(profile, section, set);
	if (sso) {
		return sso;
	}
	const login = loginSessionOf(section);
	if (login && !('why' in login)) {
		return login;
	}
	const process = credentialProcessOf(section);
	if (process) {
		return process;
	}
	const keys = staticKeysOf(section);
	if (!keys) {
		return { code: 'no-credentials', profile };
	}
	if ('why' in keys) {
		const missing = keys.why === 'missing-key' && keys.key === Keys.secretAccessKey ? Keys.secretAccessKey : Keys.accessKeyId;
		return { code: 'partial-static-keys', profile, missing };
	}
	return keys;
}

function resolveSso(profile: string, section: Section, set: ProfileSections): ResolvedSso | ChainError | undefined {
	if (!hasAny(section, ssoKeys)) {
		return undefined;
	}
	const session = valueOf(section, Keys.ssoSession);
	let startUrl = valueOf(section, Keys.ssoStartUrl);
	let region = valueOf(section, Keys.ssoRegion);
	if (session !== undefined) {
		const sessionSection = set.ssoSessions.get(session);
		if (!sessionSection) {
			return { code: 'sso-session-not-found', profile, session };
		}
		// Where to log in belongs to the session. smithy-rs refuses the keys in the profile at all; the AWS CLI
		// accepts them when they repeat the session's values (Ruby chain test 9 has such a profile), and so do we.
		for (const key of [Keys.ssoStartUrl, Keys.ssoRegion] as const) {
			const inProfile = valueOf(section, key);
			const inSession = valueOf(sessionSection, key);
			if (inProfile !== undefined && inProfile !== inSession) {
				return inSession === undefined
					? { code: 'sso-key-outside-session', profile, key }
					: { code: 'sso-key-differs-from-session', profile, key, session };
			}
		}
		startUrl = valueOf(sessionSection, Keys.ssoStartUrl);
		region = valueOf(sessionSection, Keys.ssoRegion);
	}
	const accountId = valueOf(section, Keys.ssoAccountId);
	const roleName = valueOf(section, Keys.ssoRoleName);
	if (accountId !== undefined && roleName === undefined) {
		return { code: 'sso-unpaired', profile, present: Keys.ssoAccountId, missing: Keys.ssoRoleName };
	}
	if (roleName !== undefined && accountId === undefined) {
		return { code: 'sso-unpaired', profile, present: Keys.ssoRoleName, missing: Keys.ssoAccountId };
	}
	const inSession = optional('session', session);
	if (region === undefined) {
		return { code: 'sso-missing-setting', profile, key: Keys.ssoRegion, ...inSession };
	}
	if (startUrl === undefined) {
		return { code: 'sso-missing-setting', profile, key: Keys.ssoStartUrl, ...inSession };
	}
	return {
		kind: 'sso',
		...inSession,
		startUrl,
		region,
		...optional('accountId', accountId),
		...optional('roleName', roleName),
	};
}
