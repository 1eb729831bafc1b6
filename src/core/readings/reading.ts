/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What one reader of the two files sees, as plain data. The engine models three readers: the standard of
// the SDKs' shared suites (standardReader.ts), the AWS CLI's and boto3's (awsCliReader.ts), and the
// JavaScript SDK's (src/core/readings/jsSdkReader.ts, which calls the SDK's own loader). All three answer in this
// shape, the Ruby suite's output shape, so they can be compared key by key and printed by
// `aws-profiles parse --reader ...`.

import type { FileRole } from '../readings/fileLocations';

export type ReaderName = 'standard' | 'aws-cli' | 'js-sdk';

/** A property's value, or its sub-properties (`s3 =` followed by indented `key = value` lines). */
export type ReadingValue = string | Readonly<Record<string, string>>;

export type ReadingSection = Readonly<Record<string, ReadingValue>>;

export interface Reading {
	readonly profiles: Readonly<Record<string, ReadingSection>>;
	readonly ssoSessions: Readonly<Record<string, ReadingSection>>;
}

/** The two files' text; an absent file is `undefined` (not the same as an empty one for every reader). */
export interface FileTexts {
	readonly config?: string;
	readonly credentials?: string;
}

export type ReadingResult =
	| { readonly ok: true; readonly reading: Reading }
	/** The reader refuses the input as a whole (the standard on a syntax error, the AWS CLI on a parse error). */
	| { readonly ok: false; readonly error: string; readonly file?: FileRole };
