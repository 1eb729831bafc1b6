/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How the findings name the three readers: by the tools people run, since "the JavaScript SDK" means little to
// someone whose `serverless deploy` picks the wrong region.

import type { ReaderName } from '../readings/reading';
import { looksSecret } from '../display/secretMasking';

export const toolNames: { readonly [R in ReaderName]: string } = {
	'standard': 'the SDKs that follow the shared standard (Go, Java, Rust, .NET...; Terraform)',
	'aws-cli': 'the AWS CLI and boto3 (SAM, Zappa)',
	'js-sdk': 'the JavaScript SDK (Serverless v4, CDK, SST)',
};

/** The same, shorter, where a sentence names several of them. */
export const shortToolNames: { readonly [R in ReaderName]: string } = {
	'standard': 'the SDK standard',
	'aws-cli': 'the AWS CLI/boto3',
	'js-sdk': 'the JS SDK',
};

/** `"a"`, `"a and b"`, `"a, b and c"`. */
export function listOf(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value as a message may show it: masked by secretMasking.ts, quoted, and shortened when long. */
export function quoted(shown: string): string {
	return JSON.stringify(shown.length > 60 ? `${shown.slice(0, 57)}...` : shown);
}

/**
 * A key or a name as a message may quote it: when it looks like one. A "key" that is a pasted secret (the line
 * `wJalr...KEY = x`) or an access key id (secretMasking.ts's one rule) is never repeated; the finding's range
 * shows where it is.
 */
export function nameLabel(name: string, fallback = 'this name'): string {
	const shaped = /^[A-Za-z0-9_.:@%+/-]{1,64}$/.test(name);
	return shaped && !looksSecret(name) ? name : fallback;
}
