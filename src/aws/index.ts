/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS layer: everything that runs the AWS SDK for JavaScript v3, its calls and its own config loader.
// Loaded lazily (see lazy.ts); the extension and the CLI reach it only through loadAwsLayer().

export { getCallerIdentity } from './callerIdentity';
export type { CallerIdentity, CallOptions } from './callerIdentity';
export { jsSdkVersions, readJsSdk, readJsSdkFromDisk } from './jsSdkReader';
export type { JsSdkReading, JsSdkReadingResult } from './jsSdkReader';
