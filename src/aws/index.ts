/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS layer: everything that runs the AWS SDK for JavaScript v3's clients (STS, IAM, SSO OIDC, SSO) and their
// calls.
// Loaded lazily (see lazy.ts); the extension and the CLI reach it only through loadAwsLayer().

export { verifyProfile, principalOf } from './verifyProfile';
export type { VerifyRequest, VerifyResult, Finding, AccessKeyInfo, DeployCheck, Principal } from './verifyProfile';
export type { VerifyFailure, FailureCode } from './verifyFailure';
export { resolveProfileCredentials } from './profileCredentials';
export type { CredentialsRequest, CredentialsResult } from './profileCredentials';
export { signInToSso, refreshSsoToken, signOutOfSso, oidcBaseUrl } from './ssoSignIn';
export type {
	SsoFlow, DevicePrompt, SsoDependencies, SsoSignInRequest, SsoSignInResult, SsoSignOutResult, SsoFailure, SsoFailureCode, SsoCacheRequest,
} from './ssoSignIn';
export { listSsoAccess } from './ssoAccess';
export type { SsoAccount, SsoAccessResult } from './ssoAccess';
