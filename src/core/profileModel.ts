/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The profiles as the rest of the extension sees them: built once from what the reader read (a ProfileSet), never
// changed afterwards (a new read builds a new model); each profile's entry is made when it is first read. Per
// profile: its kind, its region, where each of its properties is written, the chain behind a role, and its expiry
// when that can be known. Building it does no I/O: the SSO token cache is read beforehand (expiry.ts) and handed in.

import { Expiry, propertyExpiry, ssoCacheId } from './expiry';
import { keepShapesAlive } from './iniScanner';
import { NameTable } from './nameTable';
import { Keys, valueOf } from './profileKeys';
import { analyzeProfileKind, IgnoredSource, ProfileKind, SsoTokenSource } from './profileKind';
import type { Problem, ProfileSet, PropertyDefinition, Section } from './profileSet';
import { resolveRoleChain, RoleChainResult } from './roleChain';
import { readStandard } from './standardReader';

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
	readonly services: ReadonlyMap<string, Section>;
	readonly problems: readonly Problem[];
}

export interface ProfileModelOptions {
	/** The SSO tokens read from the cache (`readSsoTokenExpiries`), by cache id. */
	readonly ssoTokens?: ReadonlyMap<string, Expiry>;
}

export function buildProfileModel(set: ProfileSet, options: ProfileModelOptions = {}): ProfileModel {
	return Object.freeze({
		profiles: entriesOf(set, options),
		ssoSessions: set.ssoSessions,
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

/** Every distinct SSO login the model's profiles use: what to read from the token cache. */
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
	return [...byId.values()];
}

/**
 * An entry per profile, in the set's order. From a set the reader made, each entry is made the first time it is read
 * and then kept (NameTable.mapLazily), and the entries share the keys of the set's table, so building the model
 * hashes no name and makes no object per profile: of a large pair, a view or a rule reads a few profiles, and a
 * model that kept an entry (with its kind, chain and expiry) for each of 100,000 profiles cost the read more to
 * collect than to build (`npm run bench`). What is made when read is what would have been made at once: an entry
 * is a function of the set and the options only.
 */
function entriesOf(set: ProfileSet, options: ProfileModelOptions): ReadonlyMap<string, ProfileEntry> {
	// A function of the module and a `this` rather than a closure, which V8 would optimize anew for each model.
	const build: ModelBuild = { set, options };
	if (set.profiles instanceof NameTable) {
		return (set.profiles as NameTable<Section>).mapLazily(entryOf, build);
	}
	const profiles = new Map<string, ProfileEntry>();
	set.profiles.forEach((section, name) => profiles.set(name, entryOf.call(build, section, name)));
	return profiles;
}

interface ModelBuild {
	readonly set: ProfileSet;
	readonly options: ProfileModelOptions;
}

function entryOf(this: ModelBuild, section: Section, name: string): ProfileEntry {
	return buildEntry(name, section, this.set, this.options);
}

function buildEntry(name: string, section: Section, set: ProfileSet, options: ProfileModelOptions): ProfileEntry {
	const { kind, ignored: ignoredSources } = analyzeProfileKind(section);
	const region = valueOf(section, Keys.region);
	// Optional fields are absent rather than undefined. Each shape is written out whole: adding a field to an
	// object afterwards, or spreading, costs more than building the rest of the entry. A role has no expiry.
	if (kind.kind === 'assume-role') {
		const chain = resolveRoleChain(set, name);
		return Object.freeze(region === undefined
			? { name, kind, ignoredSources, section, chain }
			: { name, kind, ignoredSources, region, section, chain });
	}
	const expiry = expiryOf(kind, section, options);
	if (expiry === undefined) {
		return Object.freeze(region === undefined
			? { name, kind, ignoredSources, section }
			: { name, kind, ignoredSources, region, section });
	}
	return Object.freeze(region === undefined
		? { name, kind, ignoredSources, section, expiry }
		: { name, kind, ignoredSources, region, section, expiry });
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
	return undefined;
}

// See keepShapesAlive (iniScanner.ts): a model of a profile of each common kind, every entry made, kept so that the
// shapes of entries, kinds, chains, expiries and sections outlive the models callers drop. Without it, reading
// entries after a garbage collection discards and re-optimizes this code, on every such read.
const sampleModel = buildProfileModel(readStandard({
	config: [
		'[profile role]', 'role_arn = arn:aws:iam::123456789012:role/r', 'source_profile = keys', 'region = us-east-1',
		'[profile sso]', 'sso_session = s', 'sso_account_id = 123456789012', 'sso_role_name = r', 'region = us-east-1',
		'[profile legacy]', 'sso_start_url = https://example.com/start', 'sso_region = us-east-1',
		'[profile process]', 'credential_process = /bin/credentials', 'region = us-east-1',
		'[profile web]', 'web_identity_token_file = /token', 'role_arn = arn:aws:iam::123456789012:role/r',
		'[profile none]', 'region = us-east-1', 's3 =', '  max_concurrent_requests = 10',
		'[sso-session s]', 'sso_start_url = https://example.com/start', 'sso_region = us-east-1',
	].join('\n'),
	credentials: [
		'[keys]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = example',
		'[temporary]', 'aws_access_key_id = ASIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = example',
		'aws_session_token = example', 'aws_expiration = 2026-01-01T00:00:00Z',
	].join('\n'),
}));
keepShapesAlive(sampleModel, [...sampleModel.profiles.values()]);
