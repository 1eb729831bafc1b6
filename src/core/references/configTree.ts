/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// One shape for the configuration files a reference can be in, whatever their syntax (YAML, JSON, TOML, the
// object literal of a serverless.ts): maps, lists and scalars, each with where it is written. The finders
// and the Serverless variable resolver only walk this tree, so they work the same on every format.

import type { NameSyntax, NotCheckedReason } from './profileReference';
import type { Span } from '../text/lineIndex';

export type ScalarValue = string | number | boolean | null;

/** Where a scalar's characters are written one for one (no escape, no folding): what can be underlined exactly. */
export interface ExactText {
	/** The offset of the value's first character (after any opening quote). */
	readonly offset: number;
	readonly syntax: NameSyntax;
}

export interface ScalarNode {
	readonly kind: 'scalar';
	readonly value: ScalarValue;
	/** The whole literal, quotes included. */
	readonly span: Span;
	/** Set only when `String(value)` is written exactly as is at `exact.offset`. */
	readonly exact?: ExactText;
}

export interface MapNode {
	readonly kind: 'map';
	readonly entries: ReadonlyMap<string, ConfigNode>;
	readonly span: Span;
}

export interface SeqNode {
	readonly kind: 'seq';
	readonly items: readonly ConfigNode[];
	readonly span: Span;
}

/** A value that cannot be known by reading: a CloudFormation function, an expression of code. */
export interface OpaqueNode {
	readonly kind: 'opaque';
	readonly span: Span;
	readonly reason: NotCheckedReason;
}

export type ConfigNode = ScalarNode | MapNode | SeqNode | OpaqueNode;

/** A map's value for the key, or a list's item for a decimal index. */
export function childOf(node: ConfigNode | undefined, key: string): ConfigNode | undefined {
	if (node?.kind === 'map') {
		return node.entries.get(key);
	}
	return node?.kind === 'seq' && /^\d+$/.test(key) ? node.items[Number(key)] : undefined;
}

/** The node at a path of keys (and list indexes), without resolving anything on the way. */
export function nodeAt(root: ConfigNode | undefined, path: readonly string[]): ConfigNode | undefined {
	let node = root;
	for (const key of path) {
		node = childOf(node, key);
	}
	return node;
}

/** A scalar's value as text (a number or a boolean as written), `undefined` for null and non-scalars. */
export function scalarText(node: ConfigNode | undefined): string | undefined {
	if (node?.kind !== 'scalar' || node.value === null) {
		return undefined;
	}
	return String(node.value);
}

/** What to underline for a node: the value's characters when they are written exactly, else the whole node. */
export function valueSpan(node: ConfigNode): Span {
	if (node.kind === 'scalar' && node.exact) {
		return { offset: node.exact.offset, length: String(node.value).length };
	}
	return node.span;
}

export function mapEntries(node: ConfigNode | undefined): [string, ConfigNode][] {
	return node?.kind === 'map' ? [...node.entries] : [];
}
