/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Apex Up's `up.json` and AWS CDK's `cdk.json` name the profile the same way: a top-level `"profile"` (for CDK,
// what `cdk deploy` uses when `--profile` is not given).

import { childOf } from './configTree';
import { parseJsonTree } from './jsonTree';
import { literalReference } from './literalReference';
import type { ProfileReference } from './profileReference';
import { createLineIndex } from '../text/lineIndex';

export function findTopLevelProfile(kind: 'up' | 'cdk', text: string): ProfileReference[] {
	const node = childOf(parseJsonTree(text), 'profile');
	const reference = node && literalReference(kind, 'profile', node, createLineIndex(text));
	return reference ? [reference] : [];
}
