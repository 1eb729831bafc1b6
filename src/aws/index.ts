/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS layer: everything that talks to AWS, through the real AWS SDK for JavaScript v3. Loaded lazily
// (see lazy.ts); the extension and the CLI reach it only through loadAwsLayer().

export { getCallerIdentity } from './callerIdentity';
export type { CallerIdentity, CallOptions } from './callerIdentity';
