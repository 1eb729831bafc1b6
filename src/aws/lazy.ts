/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS layer and the SDK inside it are a bundle of their own (dist/aws.js, see esbuild.mjs), next to
// dist/extension.js and dist/cli.js. Neither activation nor a CLI command that needs no AWS call parses the
// SDK: it is required on first use only.

export type AwsLayer = typeof import('./index');

let layer: AwsLayer | undefined;

export function loadAwsLayer(): AwsLayer {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime require of the sibling bundle is the point.
	layer ??= require('./aws.js') as AwsLayer;
	return layer;
}
