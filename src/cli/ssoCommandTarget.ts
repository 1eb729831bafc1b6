/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What `aws-profiles login` and `logout` act on: the SSO login of a profile (`--profile`, else AWS_PROFILE,
// else default) or of an sso-session (`--sso-session`), with the endpoints the SDK would use for it.

import { buildProfileModel, processFileLocations, readStandard, ssoSignInFor } from '../core';
import type { SsoSignIn } from '../core';
import type { OptionValues } from './command';
import { UsageError } from './output';
import { readChosenFiles } from './profileSources';

export interface SsoCommandTarget extends SsoSignIn {
	/** What to call it in messages: `profile dev` or `sso-session my-sso`. */
	readonly label: string;
	readonly cacheFolder: string;
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
	const found = ssoSignInFor(model, profile === undefined ? { session: session ?? '' } : { profile }, process.env);
	if (!found.ok) {
		throw new UsageError(found.reason);
	}
	const { sessionName } = found.signIn.target;
	return {
		...found.signIn,
		label: sessionName === undefined ? `profile ${profile ?? ''}` : `sso-session ${sessionName}`,
		cacheFolder: locations.ssoCacheFolder,
	};
}
