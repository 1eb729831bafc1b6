/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Pulumi: a stack's settings, `Pulumi.<stack>.yaml`, `config: aws:profile: <name>`. The stack is the
// reference's stage. An encrypted value (`secure: ...`) cannot be read.

import { childOf, valueSpan } from './configTree';
import { literalReference } from './literalReference';
import type { ProfileReference } from './profileReference';
import { pulumiStackOf } from './referenceFiles';
import { createLineIndex } from '../text/lineIndex';
import { parseYamlTree } from './yamlTree';

export function findPulumiReferences(fileName: string, text: string): ProfileReference[] {
	const stack = pulumiStackOf(fileName);
	const node = childOf(childOf(parseYamlTree(text), 'config'), 'aws:profile');
	if (!node || stack === undefined) {
		return [];
	}
	const lines = createLineIndex(text);
	if (childOf(node, 'secure')) {
		return [{
			kind: 'pulumi', key: 'config.aws:profile', range: lines.spanRange(valueSpan(node)), stages: [stack], warnings: [],
			status: 'not-checked', reason: { why: 'encrypted' },
		}];
	}
	const reference = literalReference('pulumi', 'config.aws:profile', node, lines, [stack]);
	return reference ? [reference] : [];
}
