/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';

export interface CallerIdentity {
	readonly account: string;
	readonly arn: string;
	readonly userId: string;
}

export interface CallOptions {
	readonly profile: string;
	/** The region to call STS in when the profile names none. */
	readonly defaultRegion?: string;
	readonly abortSignal?: AbortSignal;
}

/**
 * Who the profile's credentials belong to. The credentials come from the SDK's own chain (`fromIni`), so
 * role chaining, credential_process and SSO behave exactly as in the AWS tools; the endpoint comes from the
 * SDK's own resolution (AWS_ENDPOINT_URL, the profile's endpoint_url), which is how the tests reach a local
 * endpoint.
 */
export async function getCallerIdentity(options: CallOptions): Promise<CallerIdentity> {
	const client = new STSClient({
		profile: options.profile,
		credentials: fromIni({ profile: options.profile }),
		region: options.defaultRegion ?? 'us-east-1',
		maxAttempts: 1,
	});
	try {
		const output = await client.send(new GetCallerIdentityCommand({}), { abortSignal: options.abortSignal });
		return { account: output.Account ?? '', arn: output.Arn ?? '', userId: output.UserId ?? '' };
	} finally {
		client.destroy();
	}
}
