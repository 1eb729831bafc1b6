/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What `aws-profiles login` and `logout` act on: the SSO login of a profile (`--profile`, else AWS_PROFILE,
// else default) or of an sso-session (`--sso-session`), with the endpoints the SDK would use for it.

import { buildProfileModel, configuredEndpoint, processFileLocations, readStandard, SsoLoginTarget, ssoLoginTargetForProfile, ssoLoginTargetForSession } from '../core';
import type { OptionValues } from './command';
import { UsageError } from './output';
import { readChosenFiles } from './profileSources';

export interface SsoCommandTarget {
	readonly target: SsoLoginTarget;
	/** What to call it in messages: `profile dev` or `sso-session my-sso`. */
	readonly label: string;
	readonly cacheFolder: string;
	readonly endpoints: { readonly oidc?: string; readonly portal?: string };
	readonly caBundle?: string;
}

export const ssoTargetOptions = {
	profile: { type: 'string' },
	'sso-session': { type: 'string' },
	session: { type: 'string' },
} as const;

export async function ssoCommandTarget(values: OptionValues): Promise<SsoCommandTarget> {
	const locations = processFileLocations();
	const session = (values['sso-session'] ?? values.session) as string | undefined;
	if (session !== undefined && values.profile !== undefined) {
		throw new UsageError('give --profile or --sso-session, not both');
	}
	const { texts } = await readChosenFiles({});
	const model = buildProfileModel(readStandard(texts));
	const profile = session === undefined ? (values.profile as string | undefined) ?? locations.profile : undefined;
	const found = profile === undefined ? ssoLoginTargetForSession(model, session ?? '') : ssoLoginTargetForProfile(model, profile);
	if (!found.ok) {
		throw new UsageError(found.reason);
	}
	// The profile's own endpoint settings count, as the SDK reads them; an sso-session alone has only the environment's.
	const endpointProfile = profile ?? '';
	const oidc = configuredEndpoint(model, endpointProfile, 'sso oidc', process.env);
	const portal = configuredEndpoint(model, endpointProfile, 'sso', process.env);
	const caBundle = profile === undefined ? undefined : model.profiles.get(profile)?.section.properties.get('ca_bundle')?.value;
	return {
		target: found.target,
		label: found.target.sessionName === undefined ? `profile ${profile ?? ''}` : `sso-session ${found.target.sessionName}`,
		cacheFolder: locations.ssoCacheFolder,
		endpoints: { ...(oidc ? { oidc } : {}), ...(portal ? { portal } : {}) },
		...(caBundle ? { caBundle } : {}),
	};
}
