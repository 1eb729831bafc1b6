/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles login`: signs in to IAM Identity Center for a profile or an sso-session, as `aws sso login`
// does, and caches the token where the AWS CLI and every SDK read it. The CLI uses the device-authorization
// flow: it works wherever the terminal is (over SSH, in a container, in CI with a human approving on a phone),
// while the authorization-code flow needs a browser on this same machine to reach its loopback address, which a
// terminal cannot know it has. The page and the code go to standard error; the outcome to standard output.

import { loadAwsLayer } from '../aws/lazy';
import { displayName, maskSecretsIn } from '../core';
import type { Command } from './command';
import { ExitStatus } from './output';
import { ssoCommandTarget, ssoTargetOptions } from './ssoCommandTarget';

export const loginCommand: Command = {
	name: 'login',
	summary: 'Sign in to IAM Identity Center (SSO) for a profile or sso-session, caching the token as the AWS CLI does.',
	usage: 'aws-profiles login [--profile NAME | --sso-session NAME] [--device-code]\n\n'
		+ 'The profile defaults to AWS_PROFILE, else default. Prints a page and a code to confirm in any browser\n'
		+ '(the device code flow, the only one a terminal can count on), then waits for the approval; Ctrl+C cancels.\n'
		+ 'Honours AWS_ENDPOINT_URL(_SSO_OIDC, _SSO) and the profile\'s endpoint settings.',
	options: {
		...ssoTargetOptions,
		'device-code': { type: 'boolean' },
	},
	async run(values, out) {
		const { target, label, cacheFolder, endpoints, caBundle } = await ssoCommandTarget(values);
		const controller = new AbortController();
		const cancel = () => controller.abort();
		process.once('SIGINT', cancel);
		try {
			const result = await loadAwsLayer().signInToSso({
				target, cacheFolder, endpoints, flow: 'device-code', signal: controller.signal, ...(caBundle ? { caBundle } : {}),
				onDeviceCode: (prompt) => {
					const minutes = Math.max(1, Math.round((prompt.expiresAt - Date.now()) / 60_000));
					out.error(`To sign in to ${displayName(label)}, open this page and check that it shows the code ${prompt.userCode}:`);
					out.error(`  ${prompt.verificationUriComplete ?? prompt.verificationUri}`);
					out.error(`Waiting for the approval (the code works for ${minutes} min; Ctrl+C cancels)...`);
				},
			});
			if (!result.ok) {
				out.error(`aws-profiles login: ${maskSecretsIn(result.failure.message)}`);
				return ExitStatus.Findings;
			}
			const renewal = result.refreshable ? ', renewed by the SDKs until the registration expires' : '';
			out.line(`Signed in to ${displayName(label)}: the session expires at ${new Date(result.expiresAt).toISOString()}${renewal}.`);
			out.line(`Token cached in ${result.file}`);
			return ExitStatus.Ok;
		} finally {
			process.off('SIGINT', cancel);
		}
	},
};
