/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// JSON files (up.json, cdk.json, zappa_settings.json, serverless.json, package.json) as a config tree, parsed
// by jsonc-parser, which keeps every node's offset. Strict JSON, as the tools read it (JSON.parse, Python's
// json): a comment or a trailing comma is an error, and a file with an error gives no tree. Of two equal
// keys the last wins, as in JSON.parse. Bounded (parseLimits.ts): the size and the depth are checked by a
// linear scan before the parser runs, so the recursive conversion below never meets a deep tree.

import { Node, parseTree, ParseError } from 'jsonc-parser';
import type { ConfigNode } from './configTree';
import { checkDepth, checkSize, jsonNestingDepth } from './parseLimits';

/** The tree, or `undefined` for a text that is not JSON; throws a ParseLimitError for a text over a limit. */
export function parseJsonTree(text: string): ConfigNode | undefined {
	checkSize(text);
	checkDepth(jsonNestingDepth(text));
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
	if (errors.length > 0 || !root) {
		return undefined;
	}
	return convert(text, root);
}

function convert(text: string, node: Node): ConfigNode {
	const span = { offset: node.offset, length: node.length };
	switch (node.type) {
		case 'object': {
			const entries = new Map<string, ConfigNode>();
			for (const property of node.children ?? []) {
				const [key, value] = property.children ?? [];
				if (key && value && typeof key.value === 'string') {
					entries.set(key.value, convert(text, value));
				}
			}
			return { kind: 'map', entries, span };
		}
		case 'array':
			return { kind: 'seq', items: (node.children ?? []).map((child) => convert(text, child)), span };
		case 'string': {
			const value = String(node.value);
			const exact = text.slice(node.offset + 1, node.offset + node.length - 1) === value;
			return exact
				? { kind: 'scalar', value, span, exact: { offset: node.offset + 1, syntax: 'json-string' } }
				: { kind: 'scalar', value, span };
		}
		case 'number':
		case 'boolean':
			return { kind: 'scalar', value: node.value as number | boolean, span };
		default:
			return { kind: 'scalar', value: null, span };
	}
}
