/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// AWS CDK: `cdk.json`'s top-level `"profile"` (what `cdk deploy` uses when `--profile` is not given).

import { basename } from 'node:path';
import { childOf } from './configTree';
import { parseJsonTree } from './jsonTree';
import { literalReference } from './literalReference';
import type { ProfileReference } from './profileReference';
import { createLineIndex } from '../lineIndex';

export function isCdkFile(fileName: string): boolean {
	return basename(fileName) === 'cdk.json';
}

export function findCdkReferences(text: string): ProfileReference[] {
	const node = childOf(parseJsonTree(text), 'profile');
	const reference = node && literalReference('cdk', 'profile', node, createLineIndex(text));
	return reference ? [reference] : [];
}
