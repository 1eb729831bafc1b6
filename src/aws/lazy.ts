/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS layer and the SDK inside it are a bundle of their own (dist/aws.js, see esbuild.mjs), next to
// dist/extension.js and dist/cli.js. Neither activation nor a CLI command that needs no AWS call parses the
// SDK: it is required on first use only. The JS SDK's file loader, which lint compares with, is a bundle of its
// own (dist/jsSdkReader.js), so that `aws-profiles lint` never loads the SDK's clients.

export type AwsLayer = typeof import('./index');

/** The JS SDK's config file loader alone (dist/jsSdkReader.js): lint needs it, not the SDK's clients. */
export type JsSdkReaderModule = typeof import('../core/readings/jsSdkReader');

let layer: AwsLayer | undefined;
let reader: JsSdkReaderModule | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- a runtime require of the sibling bundle is the point. */
export function loadAwsLayer(): AwsLayer {
	layer ??= require('./aws.js') as AwsLayer;
	return layer;
}

export function loadJsSdkReader(): JsSdkReaderModule {
	reader ??= require('./jsSdkReader.js') as JsSdkReaderModule;
	return reader;
}
/* eslint-enable @typescript-eslint/no-require-imports */
