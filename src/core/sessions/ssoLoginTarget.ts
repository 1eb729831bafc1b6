/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What a sign-in to IAM Identity Center is for, read from the profiles: the start URL and region to sign in
// at, the scopes to register, and the id the token is cached under (the sso-session's name, or a legacy
// profile's start URL), as the AWS CLI reads them for `aws sso login --profile P` or `--sso-session S`.

import { ssoCacheId } from '../model/expiry';
import type { ProfileModel } from '../model/profileModel';
import { configuredEndpoint } from '../model/serviceEndpoints';
import type { Environment } from '../readings/fileLocations';
import type { Section } from '../readings/profileSet';
import { displayName } from '../display/secretMasking';

export interface SsoLoginTarget {
	/** What the cache file is named after: the sso-session's name, or the legacy start URL. */
	readonly cacheId: string;
	/** The sso-session's name; undefined for a legacy profile. */
	readonly sessionName?: string;
	readonly startUrl: string;
	readonly region: string;
	/**
	 * Scopes to register the client with. A registration with scopes gets a refresh token, so the SDKs renew
	 * the token by themselves: an sso-session's `sso_registration_scopes`, else `sso:account:access` (what
	 * `aws configure sso` writes); a legacy profile registers none, as the AWS CLI does.
	 */
	readonly scopes: readonly string[];
}

export type SsoLoginTargetResult =
	| { readonly ok: true; readonly target: SsoLoginTarget }
	| { readonly ok: false; readonly reason: string };

export const defaultRegistrationScopes: readonly string[] = ['sso:account:access'];

function value(section: Section, key: string): string | undefined {
	const found = section.properties.get(key)?.value.trim();
	return found === '' ? undefined : found;
}

function scopesOf(section: Section): readonly string[] {
	const written = value(section, 'sso_registration_scopes');
	if (written === undefined) {
		return defaultRegistrationScopes;
	}
	return written.split(',').map((scope) => scope.trim()).filter((scope) => scope !== '');
}

export function ssoLoginTargetForSession(model: ProfileModel, session: string): SsoLoginTargetResult {
	const section = model.ssoSessions.get(session);
	const shown = displayName(session);
	if (!section) {
		return { ok: false, reason: `There is no [sso-session ${shown}] in the config file.` };
	}
	const startUrl = value(section, 'sso_start_url');
	const region = value(section, 'sso_region');
	if (startUrl === undefined || region === undefined) {
		return { ok: false, reason: `[sso-session ${shown}] needs both sso_start_url and sso_region.` };
	}
	return { ok: true, target: { cacheId: session, sessionName: session, startUrl, region, scopes: scopesOf(section) } };
}

export function ssoLoginTargetForProfile(model: ProfileModel, profile: string): SsoLoginTargetResult {
	const entry = model.profiles.get(profile);
	const shown = displayName(profile);
	if (!entry) {
		return { ok: false, reason: `There is no profile ${shown}.` };
	}
	if (entry.kind.kind !== 'sso') {
		return { ok: false, reason: `Profile ${shown} does not sign in through IAM Identity Center (no sso_session or sso_start_url).` };
	}
	const token = entry.kind.token;
	if (token.kind === 'sso-session') {
		return ssoLoginTargetForSession(model, token.session);
	}
	const cacheId = ssoCacheId(token);
	if (cacheId === undefined || token.region === undefined) {
		return { ok: false, reason: `Profile ${shown} needs both sso_start_url and sso_region.` };
	}
	return { ok: true, target: { cacheId, startUrl: cacheId, region: token.region, scopes: [] } };
}

/** A sign-in with where it goes: the endpoints and CA bundle the SDKs would use for it. */
export interface SsoSignIn {
	readonly target: SsoLoginTarget;
	readonly endpoints: { readonly oidc?: string; readonly portal?: string };
	readonly caBundle?: string;
}

export type SsoSignInResult = { readonly ok: true; readonly signIn: SsoSignIn } | { readonly ok: false; readonly reason: string };

/**
 * The sign-in of a profile, or of an sso-session by name, for the editor and the CLI alike. The profile's own
 * endpoint settings and `ca_bundle` count, as the SDKs read them; an sso-session alone has only the environment's.
 */
export function ssoSignInFor(model: ProfileModel, chosen: { readonly profile: string } | { readonly session: string }, env: Environment): SsoSignInResult {
	const profile = 'profile' in chosen ? chosen.profile : undefined;
	const found = profile !== undefined ? ssoLoginTargetForProfile(model, profile) : ssoLoginTargetForSession(model, 'session' in chosen ? chosen.session : '');
	if (!found.ok) {
		return found;
	}
	const oidc = configuredEndpoint(model, profile ?? '', 'sso oidc', env);
	const portal = configuredEndpoint(model, profile ?? '', 'sso', env);
	const caBundle = profile === undefined ? undefined : model.profiles.get(profile)?.section.properties.get('ca_bundle')?.value;
	return {
		ok: true,
		signIn: { target: found.target, endpoints: { ...(oidc ? { oidc } : {}), ...(portal ? { portal } : {}) }, ...(caBundle ? { caBundle } : {}) },
	};
}

/**
 * How the editor signs in: with the browser and a loopback redirect where the editor runs on this machine; by
 * device code in a remote window (SSH, WSL, a container), where no browser can reach the loopback address of the
 * machine the files are on.
 */
export function signInFlowFor(remoteName: string | undefined): 'device-code' | 'authorization-code' {
	return remoteName ? 'device-code' : 'authorization-code';
}
