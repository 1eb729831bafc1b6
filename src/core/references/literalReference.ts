/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The reference a config value makes when the tool reads it as is (up.json, cdk.json, Zappa, SAM, Pulumi):
// no variables, so a string is the name, written where it is.

import { ConfigNode, valueSpan } from './configTree';
import type { ProfileReference, ReferenceFileKind } from './profileReference';
import type { LineIndex } from '../text/lineIndex';

/** `undefined` for a null or empty value: the tool then uses its default profile, which is no reference. */
export function literalReference(
	kind: ReferenceFileKind, key: string, node: ConfigNode, lines: LineIndex, stages: readonly string[] = [],
): ProfileReference | undefined {
	const range = lines.spanRange(valueSpan(node));
	const base = { kind, key, range, stages, warnings: [] };
	switch (node.kind) {
		case 'scalar': {
			if (node.value === null || String(node.value).trim() === '') {
				return undefined;
			}
			const name = String(node.value);
			return node.exact
				? { ...base, status: 'resolved', name, rename: { range, syntax: node.exact.syntax } }
				: { ...base, status: 'resolved', name };
		}
		case 'opaque':
			return { ...base, status: 'not-checked', reason: node.reason };
		default:
			return { ...base, status: 'error', error: { code: 'not-a-string', path: key } };
	}
}
