/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Which reader of the AWS files the tool of a project file uses when it deploys: a profile the standard sees
// may not exist for it (toolVisibility.ts says when). The tools, by the library they read the files with:
//   - Serverless Framework v4 (no `frameworkVersion`, or 4 and later) and CDK: the JavaScript SDK v3;
//   - Serverless Framework v3 and older: the JavaScript SDK v2, which reads only the credentials file unless
//     AWS_SDK_LOAD_CONFIG is set;
//   - SAM and Zappa: botocore, the AWS CLI's reader (awsCliReader.ts);
//   - Terraform (the AWS provider) and Up: the Go SDK. Its reader is taken to follow the SDKs' shared suites,
//     the standard the profile model is built on (standardReader.ts), so nothing is added to what the model says.
//     That is an assumption, not a measurement: no Go SDK runs here to compare with, as the AWS CLI and the JS SDK
//     do; should it differ on a header, a reader of its own goes here.
// Pulumi, .env files and package.json scripts name no one tool: the standard's reading stands for them.

import { ParseLimitError } from './parseLimits';
import type { ReferenceFileKind } from './profileReference';
import { frameworkMajorOf, parseServerlessTree } from './serverless';

/** The readers a deploy tool may use; `standard` is the Go SDK's (and the model's). */
export type ToolReaderName = 'js-sdk' | 'js-sdk-v2' | 'aws-cli' | 'standard';

export interface DeployToolReader {
	/** The tool as a person calls it: `Serverless Framework v4`, `SAM`. */
	readonly tool: string;
	readonly reader: ToolReaderName;
}

const byKind: Partial<Record<ReferenceFileKind, DeployToolReader>> = {
	'cdk': { tool: 'CDK', reader: 'js-sdk' },
	'sam': { tool: 'SAM', reader: 'aws-cli' },
	'zappa': { tool: 'Zappa', reader: 'aws-cli' },
	'terraform': { tool: 'Terraform', reader: 'standard' },
	'up': { tool: 'Up', reader: 'standard' },
};

/**
 * The tool that deploys with a project file of this kind, and the reader it uses; undefined when the file names no
 * one tool. For Serverless, the file's `frameworkVersion` says which major version (none: the newest, v4).
 */
export function deployToolReaderOf(kind: ReferenceFileKind, fileName: string, text: string): DeployToolReader | undefined {
	if (kind !== 'serverless') {
		return byKind[kind];
	}
	let major: number | undefined;
	try {
		major = frameworkMajorOf(parseServerlessTree(fileName, text));
	} catch (error) {
		if (error instanceof ParseLimitError) {
			return undefined; // not read: the file's own finding says so
		}
		throw error;
	}
	return major !== undefined && major < 4
		? { tool: `Serverless Framework v${major}`, reader: 'js-sdk-v2' }
		: { tool: 'Serverless Framework v4', reader: 'js-sdk' };
}
