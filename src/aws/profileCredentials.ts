/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A profile's credentials as the SDK resolves them (fromIni: role chains, SSO, credential_process, MFA),
// for "Copy as Environment Variables". Only that explicit command calls it. The same files, endpoints,
// deadline and preflight as Verify Profile; a failure is told as Verify tells it, never with the SDK's text.

import { fromIni } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { EnvironmentCredentials } from '../core/editing/environmentExport';
import { verifyPreflight } from '../core/verify/verifyPreflight';
import { describeFailure, VerifyFailure } from './verifyFailure';
import { abortReason, endpoint, handlerOptions, preflightRefusal, untilAborted, VerifyRequest } from './verifyProfile';

export type CredentialsRequest = Pick<VerifyRequest, 'profile' | 'files' | 'region' | 'timeoutMs' | 'abortSignal' | 'mfaCode' | 'endpoints' | 'caBundle' | 'model'>;

export type CredentialsResult =
	| { readonly ok: true; readonly credentials: EnvironmentCredentials }
	| { readonly ok: false; readonly failure: VerifyFailure };

export async function resolveProfileCredentials(request: CredentialsRequest): Promise<CredentialsResult> {
	const deadline = AbortSignal.timeout(request.timeoutMs);
	const signal = request.abortSignal ? AbortSignal.any([request.abortSignal, deadline]) : deadline;
	const preflight = request.model ? verifyPreflight(request.model, request.profile) : undefined;
	const refused = await preflightRefusal(request.profile, preflight);
	if (refused) {
		return { ok: false, failure: refused };
	}
	const files = request.files ? { filepath: request.files.credentialsFile, configFilepath: request.files.configFile } : {};
	try {
		// The SDK caches the files for the life of the process; the user may have edited them since.
		await loadSharedConfigFiles({ ignoreCache: true, ...files });
		const provider = fromIni({
			profile: request.profile,
			...files,
			ignoreCache: true,
			...(request.mfaCode ? { mfaCodeProvider: request.mfaCode } : {}),
			clientConfig: { region: request.region ?? 'us-east-1', maxAttempts: 1, requestHandler: handlerOptions(request), ...endpoint(request.endpoints?.sts) },
		});
		const resolved = await untilAborted(provider(), signal);
		return {
			ok: true,
			credentials: {
				accessKeyId: resolved.accessKeyId,
				secretAccessKey: resolved.secretAccessKey,
				...(resolved.sessionToken ? { sessionToken: resolved.sessionToken } : {}),
				...(request.region ? { region: request.region } : {}),
				...(resolved.expiration ? { expiration: resolved.expiration.getTime() } : {}),
			},
		};
	} catch (error) {
		return { ok: false, failure: { ...describeFailure(abortReason(request, deadline) ?? error, request.profile, preflight?.signer), step: 'credentials' } };
	}
}
