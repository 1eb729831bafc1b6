/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// TOML files (samconfig.toml, zappa_settings.toml) as a config tree, through toml-eslint-parser: one parser that
// both decides what the document means (a file it refuses, such as one that defines a key twice, gives no tree)
// and says where each piece is written. Tables (`[a.b]`, `[[a]]`), dotted keys and inline tables all land in the
// one tree of maps and lists that the finders walk; a string is underlined exactly when it is written on one line
// without escapes. Bounded (parseLimits.ts): the size, and the depth (arrays, inline tables and dotted keys) by a
// linear scan before the parser, which recurses, ever sees the text.

import type { AST, parseTOML as ParseToml } from 'toml-eslint-parser' with { 'resolution-mode': 'import' };
import type { ConfigNode, MapNode, ScalarNode } from './configTree';
import { checkDepth, checkSize, tomlNestingDepth } from './parseLimits';
import type { Span } from '../text/lineIndex';

// toml-eslint-parser is an ES module; Node 20.19+ and esbuild both let this CommonJS module require it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseTOML } = require('toml-eslint-parser') as { parseTOML: typeof ParseToml };

/** A table being filled in: later tables and dotted keys add to maps made earlier. */
interface OpenMap {
	readonly kind: 'open-map';
	readonly entries: Map<string, Entry>;
	span: Span;
}

/** An array of tables (`[[a]]`), whose last element later tables add to (`[a.b]`). */
interface OpenSeq {
	readonly kind: 'open-seq';
	readonly items: OpenMap[];
	readonly span: Span;
}

/** What a key holds while the tree is built: an open table, or a value that is complete as written. */
type Entry = OpenMap | OpenSeq | ConfigNode;

function openMap(span: Span): OpenMap {
	return { kind: 'open-map', entries: new Map(), span };
}

/** The tree, or `undefined` for a text the parser refuses; throws a ParseLimitError for a text over a limit. */
export function parseTomlTree(text: string): ConfigNode | undefined {
	checkSize(text);
	checkDepth(tomlNestingDepth(text));
	let program: ReturnType<typeof ParseToml>;
	try {
		program = parseTOML(text);
	} catch {
		return undefined;
	}
	const root = openMap({ offset: 0, length: 0 });
	for (const item of program.body[0].body) {
		if (item.type === 'TOMLKeyValue') {
			addKeyValue(root, item);
		} else {
			addTable(root, item);
		}
	}
	return close(root);
}

function spanOf(node: { range: [number, number] }): Span {
	return { offset: node.range[0], length: node.range[1] - node.range[0] };
}

function keyNames(key: AST.TOMLKey): string[] {
	return key.keys.map((part) => part.type === 'TOMLBare' ? part.name : part.value);
}

/** The table at a path of keys below `map`, made where missing (with `span`). */
function mapAt(map: OpenMap, path: readonly string[], span: Span): OpenMap {
	let current = map;
	for (const key of path) {
		const child = current.entries.get(key);
		if (child?.kind === 'open-map') {
			current = child;
		} else if (child?.kind === 'open-seq') {
			current = child.items[child.items.length - 1];
		} else {
			// Missing. (A complete value here, such as an inline table, cannot be added to: the parser has
			// refused such a text already.)
			const made = openMap(span);
			current.entries.set(key, made);
			current = made;
		}
	}
	return current;
}

/** `[a.b]` adds to (or makes) the table a.b; `[[a]]` appends a table to the array a. */
function addTable(root: OpenMap, table: AST.TOMLTable): void {
	const names = keyNames(table.key);
	const span = spanOf(table);
	let target: OpenMap;
	if (table.kind === 'array') {
		const parent = mapAt(root, names.slice(0, -1), span);
		const last = names[names.length - 1];
		let seq = parent.entries.get(last);
		if (seq?.kind !== 'open-seq') {
			seq = { kind: 'open-seq', items: [], span };
			parent.entries.set(last, seq);
		}
		target = openMap(span);
		seq.items.push(target);
	} else {
		target = mapAt(root, names, span);
		target.span = span;
	}
	table.body.forEach((keyValue) => addKeyValue(target, keyValue));
}

function addKeyValue(map: OpenMap, keyValue: AST.TOMLKeyValue): void {
	const names = keyNames(keyValue.key);
	const parent = mapAt(map, names.slice(0, -1), spanOf(keyValue));
	parent.entries.set(names[names.length - 1], contentNode(keyValue.value));
}

function contentNode(node: AST.TOMLContentNode): ConfigNode {
	switch (node.type) {
		case 'TOMLArray':
			return arrayNode(node);
		case 'TOMLInlineTable':
			return inlineTableNode(node);
		default:
			return scalarNode(node);
	}
}

function arrayNode(node: AST.TOMLArray): ConfigNode {
	return { kind: 'seq', items: node.elements.map(contentNode), span: spanOf(node) };
}

function inlineTableNode(node: AST.TOMLInlineTable): MapNode {
	const map = openMap(spanOf(node));
	node.body.forEach((keyValue) => addKeyValue(map, keyValue));
	return closeMap(map);
}

function scalarNode(node: AST.TOMLValue): ScalarNode {
	const span = spanOf(node);
	switch (node.kind) {
		case 'string': {
			// Exact only on one line and without escapes: then the characters between the quotes are the value.
			const exact = !node.multiline && span.length === node.value.length + 2
				? { offset: span.offset + 1, syntax: node.style === 'basic' ? 'toml-basic' as const : 'toml-literal' as const }
				: undefined;
			return exact ? { kind: 'scalar', value: node.value, span, exact } : { kind: 'scalar', value: node.value, span };
		}
		case 'integer':
			return { kind: 'scalar', value: Number.isSafeInteger(node.value) ? node.value : String(node.bigint), span };
		case 'float':
		case 'boolean':
			return { kind: 'scalar', value: node.value, span };
		default:
			return { kind: 'scalar', value: node.datetime, span };
	}
}

function close(entry: Entry): ConfigNode {
	switch (entry.kind) {
		case 'open-map':
			return closeMap(entry);
		case 'open-seq':
			return { kind: 'seq', items: entry.items.map(closeMap), span: entry.span };
		default:
			return entry;
	}
}

function closeMap(map: OpenMap): MapNode {
	return { kind: 'map', entries: new Map([...map.entries].map(([key, child]) => [key, close(child)])), span: map.span };
}
