/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles logout`: signs out of the IAM Identity Center login of a profile or an sso-session: the
// portal is told (when it can be reached) and the cached token file is removed.

import { loadAwsLayer } from '../aws/lazy';
import { displayName, maskSecretsIn } from '../core';
import type { Command } from './command';
import { ExitStatus } from './output';
import { ssoCommandTarget, ssoTargetOptions } from './ssoCommandTarget';

export const logoutCommand: Command = {
	name: 'logout',
	summary: 'Sign out of IAM Identity Center for a profile or sso-session: its cached token is removed.',
	usage: 'aws-profiles logout [--profile NAME | --sso-session NAME]\n\nThe profile defaults to AWS_PROFILE, else default.',
	options: { ...ssoTargetOptions },
	async run(values, out) {
		const { target, label, cacheFolder, endpoints, caBundle } = await ssoCommandTarget(values);
		const result = await loadAwsLayer().signOutOfSso({ target, cacheFolder, endpoints, timeoutMs: 5000, ...(caBundle ? { caBundle } : {}) });
		if (!result.ok) {
			out.error(`aws-profiles logout: ${maskSecretsIn(result.failure.message)}`);
			return ExitStatus.Findings;
		}
		out.line(result.removed
			? `Signed out of ${displayName(label)}: removed ${result.file}`
			: `Not signed in to ${displayName(label)}: there was no cached token.`);
		return ExitStatus.Ok;
	},
};
