/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The profiles as the rest of the extension sees them: built once from what the reader read (a ProfileSet), never
// changed afterwards (a new read builds a new model); every profile's entry is made at once. Per
// profile: its kind, its region, where each of its properties is written, the chain behind a role, and its expiry
// when that can be known. Building it does no I/O: the SSO token cache is read beforehand (expiry.ts) and handed in.

import { Expiry, propertyExpiry, ssoCacheId } from './expiry';
import { Keys, valueOf } from './profileKeys';
import { analyzeProfileKind, IgnoredSource, ProfileKind, SsoTokenSource } from './profileKind';
import type { Problem, ProfileSet, PropertyDefinition, Section } from '../readings/profileSet';
import { resolveRoleChain, RoleChainResult } from './roleChain';

export interface ProfileEntry {
	readonly name: string;
	/** How the JS SDK gets credentials for it (profileKind.ts). */
	readonly kind: ProfileKind;
	/** The other credential sources the profile mentions, and why the SDK does not use them. */
	readonly ignoredSources: readonly IgnoredSource[];
	readonly region?: string;
	/** Its merged properties, each with where it is written, and every header that contributed. */
	readonly section: Section;
	/** For an assume-role profile: the chain of sources behind the role, by the standard (roleChain.ts). */
	readonly chain?: RoleChainResult;
	/**
	 * Temporary keys: from `aws_expiration` / `x_security_token_expires`. SSO: from the token cache, when
	 * the caller read it (`ProfileModelOptions.ssoTokens`). Otherwise unknown.
	 */
	readonly expiry?: Expiry;
}

export interface ProfileModel {
	/** In the order the reader found them. */
	readonly profiles: ReadonlyMap<string, ProfileEntry>;
	readonly ssoSessions: ReadonlyMap<string, Section>;
	/** The cached token of each sso-session, by its name, when the caller read it (`ProfileModelOptions.ssoTokens`). */
	readonly ssoSessionTokens: ReadonlyMap<string, Expiry>;
	readonly services: ReadonlyMap<string, Section>;
	readonly problems: readonly Problem[];
}

export interface ProfileModelOptions {
	/** The SSO tokens read from the cache (`readSsoTokenExpiries`), by cache id. */
	readonly ssoTokens?: ReadonlyMap<string, Expiry>;
	/** The `aws login` sessions' tokens (`readLoginSessionExpiries`), by session name. */
	readonly loginTokens?: ReadonlyMap<string, Expiry>;
}

export function buildProfileModel(set: ProfileSet, options: ProfileModelOptions = {}): ProfileModel {
	return Object.freeze({
		profiles: entriesOf(set, options),
		ssoSessions: set.ssoSessions,
		ssoSessionTokens: sessionTokensOf(set, options),
		services: set.services,
		problems: Object.freeze([...set.problems]),
	});
}

export function findProfile(model: ProfileModel, name: string): ProfileEntry | undefined {
	return model.profiles.get(name);
}

/** Where a property of the profile is written (its key and value ranges), if it is. */
export function propertyOf(entry: ProfileEntry, key: string): PropertyDefinition | undefined {
	return entry.section.properties.get(key);
}

/**
 * The profiles whose `source_profile` names `name`, in model order: what breaks if it is renamed or
 * deleted. A profile that is its own source is included (renaming it must update that line too).
 */
export function profilesSourcedFrom(model: ProfileModel, name: string): ProfileEntry[] {
	return [...model.profiles.values()].filter(entry => valueOf(entry.section, Keys.sourceProfile) === name);
}

/** The profiles that log in through the sso-session `name`. */
export function profilesUsingSsoSession(model: ProfileModel, name: string): ProfileEntry[] {
	return [...model.profiles.values()].filter(entry =>
		entry.kind.kind === 'sso' && entry.kind.token.kind === 'sso-session' && entry.kind.token.session === name);
}

/**
 * Every distinct SSO login the model's profiles use, then every sso-session no profile uses (the view shows
 * each session's time left): what to read from the token cache.
 */
export function ssoTokenSourcesOf(model: ProfileModel): SsoTokenSource[] {
	const byId = new Map<string, SsoTokenSource>();
	for (const entry of model.profiles.values()) {
		if (entry.kind.kind === 'sso') {
			const id = ssoCacheId(entry.kind.token);
			if (id !== undefined && !byId.has(id)) {
				byId.set(id, entry.kind.token);
			}
		}
	}
	for (const session of model.ssoSessions.keys()) {
		if (!byId.has(session)) {
			byId.set(session, { kind: 'sso-session', session });
		}
	}
	return [...byId.values()];
}

/** The tokens read for the sso-sessions, by session name (the read tokens are by cache id, a start URL for legacy profiles). */
function sessionTokensOf(set: ProfileSet, options: ProfileModelOptions): ReadonlyMap<string, Expiry> {
	const tokens = new Map<string, Expiry>();
	for (const session of set.ssoSessions.keys()) {
		const expiry = options.ssoTokens?.get(session);
		if (expiry !== undefined) {
			tokens.set(session, expiry);
		}
	}
	return tokens;
}

/** Every `aws login` session the model's profiles use: what to read from the login cache. */
export function loginSessionsOf(model: ProfileModel): string[] {
	return [...new Set([...model.profiles.values()].flatMap((entry) => entry.kind.kind === 'login-session' ? [entry.kind.session] : []))];
}

/** An entry per profile, in the set's order. */
function entriesOf(set: ProfileSet, options: ProfileModelOptions): ReadonlyMap<string, ProfileEntry> {
	const profiles = new Map<string, ProfileEntry>();
	for (const [name, section] of set.profiles) {
		profiles.set(name, buildEntry(name, section, set, options));
	}
	return profiles;
}

function buildEntry(name: string, section: Section, set: ProfileSet, options: ProfileModelOptions): ProfileEntry {
	const { kind, ignored: ignoredSources } = analyzeProfileKind(section);
	const region = valueOf(section, Keys.region);
	// A role has no expiry of its own. Every entry has the same fields (undefined rather than absent), so that
	// code reading thousands of them sees one shape.
	const chain = kind.kind === 'assume-role' ? resolveRoleChain(set, name) : undefined;
	const expiry = chain ? undefined : expiryOf(kind, section, options);
	return Object.freeze({ name, kind, ignoredSources, region, section, chain, expiry });
}

function expiryOf(kind: ProfileKind, section: Section, options: ProfileModelOptions): Expiry | undefined {
	if (kind.kind === 'static-keys') {
		// Only temporary keys expire; a stale `aws_expiration` beside long-term keys means nothing.
		return kind.term === 'temporary' ? propertyExpiry(section) : undefined;
	}
	if (kind.kind === 'sso') {
		const id = ssoCacheId(kind.token);
		return id === undefined ? undefined : options.ssoTokens?.get(id);
	}
	if (kind.kind === 'login-session') {
		return options.loginTokens?.get(kind.session);
	}
	return undefined;
}
