/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// YAML files (serverless.yml, zappa_settings.yml, samconfig.yaml, Pulumi.<stack>.yaml) as a config tree,
// parsed by eemeli/yaml, which keeps every node's position. CloudFormation's short-form functions (`!Ref`,
// `!Sub`...), common in serverless.yml's `resources`, are declared as tags in their three forms (scalar,
// list, map) so they parse cleanly; their value is opaque: CloudFormation computes it, not the tool. Aliases
// are shared rather than copied (a chain of aliases cannot blow the tree up) and `<<` merge keys are applied,
// as js-yaml (what Serverless uses) applies them. A document with an error gives no tree.
//
// Bounded (parseLimits.ts): the size first, then the nesting depth, measured on each of the library's lexer
// tokens (linear) before its parser takes it, then the nodes made, merged entries and aliases included. The library's own
// duplicate-key check is quadratic in a map's keys (a flat 1 MB file took 6 s): it is off, and a duplicate key
// is found here with a set, still an error as in js-yaml.

import {
	Alias, Composer, CST, Document, isAlias, isMap, isScalar, isSeq, Lexer, Node, Parser, Scalar, Tags, visit, YAMLMap,
	YAMLSeq,
} from 'yaml';
import type { ConfigNode, ExactText, MapNode } from './configTree';
import { checkDepth, checkSize, maxNestingDepth, NodeBudget, ParseLimitError } from './parseLimits';
import type { NameSyntax } from './profileReference';

/** CloudFormation's short-form intrinsic functions. */
export const cloudFormationTags: readonly string[] = [
	'!Ref', '!GetAtt', '!Sub', '!Join', '!If', '!Equals', '!Select', '!Split', '!FindInMap', '!ImportValue',
	'!Base64', '!Cidr', '!GetAZs', '!And', '!Or', '!Not', '!Condition',
];

const customTags: Tags = cloudFormationTags.flatMap((tag): Tags => [
	{ tag, resolve: (value: string) => value },
	{ tag, collection: 'seq', resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => value },
	{ tag, collection: 'map', resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => value },
]);

const cloudFormationTagSet: ReadonlySet<string> = new Set(cloudFormationTags);

/**
 * The document's tree, or `undefined` when the text is not one valid YAML document. Throws a ParseLimitError
 * for a text over a limit of parseLimits.ts.
 */
export function parseYamlTree(text: string): ConfigNode | undefined {
	checkSize(text);
	let document;
	try {
		document = parseBounded(text);
	} catch (error) {
		if (error instanceof ParseLimitError) {
			throw error;
		}
		return undefined; // the parser reports errors rather than throwing; this is a belt for the braces
	}
	if (!document || document.errors.length > 0 || !document.contents) {
		return undefined;
	}
	try {
		return new YamlConverter(text, document).convert(document.contents);
	} catch (error) {
		if (error instanceof DuplicateKey) {
			return undefined;
		}
		throw error;
	}
}

/**
 * What `parseDocument` does (lexer, parser, composer), with each lexer token measured before the parser takes
 * it: the parser never builds deeper than the limit. `undefined` for a text of several documents.
 */
function parseBounded(text: string): Document.Parsed | undefined {
	const parser = new Parser();
	const meter = new YamlDepthMeter();
	const tokens = function* () {
		for (const lexeme of new Lexer().lex(text)) {
			checkDepth(meter.see(lexeme));
			yield* parser.next(lexeme);
		}
		yield* parser.end();
	};
	const composer = new Composer({ customTags, merge: true, prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
	let document: Document.Parsed | undefined;
	for (const each of composer.compose(tokens(), true, text.length)) {
		if (document) {
			return undefined;
		}
		document = each;
	}
	return document;
}

/** How deeply a YAML text nests, at most (see YamlDepthMeter). */
export function yamlNestingDepth(text: string): number {
	const meter = new YamlDepthMeter();
	let deepest = 0;
	for (const token of new Lexer().lex(text)) {
		deepest = Math.max(deepest, meter.see(token));
	}
	return deepest;
}

/**
 * How deeply a YAML text nests, token by token of its lexer (linear; the lexer builds nothing): flow brackets
 * exactly, block collections by the stack of growing indentations plus the `-` and `?` indicators that open a
 * collection on the same line (`- - x`). Scalars, block scalars and comments are stepped over, so a bracket
 * inside a string counts for nothing. It may count more than the parser nests, never less.
 */
class YamlDepthMeter {
	private flow = 0;
	private indents: number[] = [];
	private lineStart = true;
	private indent = 0;
	private indicators = 0;
	private scalarNext = false;

	/** The depth at this token. */
	see(token: string): number {
		if (this.scalarNext) {
			this.scalarNext = false;
			if (token.endsWith('\n')) {
				this.newLine(); // a block scalar's lines, up to the next line's start
			}
			return this.depth();
		}
		switch (CST.tokenType(token)) {
			case 'newline':
				this.newLine();
				break;
			case 'space':
				if (this.lineStart) {
					this.indent = token.length;
				}
				break;
			case 'comment':
			case 'byte-order-mark':
			case 'doc-mode':
				break;
			case 'doc-start':
				this.indents = [];
				this.flow = 0;
				break;
			case 'scalar':
				this.scalarNext = true;
				this.content();
				break;
			case 'flow-map-start':
			case 'flow-seq-start':
				this.content();
				this.flow++;
				break;
			case 'flow-map-end':
			case 'flow-seq-end':
				this.flow = Math.max(0, this.flow - 1);
				break;
			case 'seq-item-ind':
			case 'explicit-key-ind':
				this.content();
				this.indicators++;
				break;
			default:
				this.content();
		}
		return this.depth();
	}

	private depth(): number {
		return this.indents.length + this.indicators + this.flow;
	}

	private newLine(): void {
		this.lineStart = true;
		this.indent = 0;
		this.indicators = 0;
	}

	/** The first token of a line outside flow collections: its indentation closes deeper levels, or opens one. */
	private content(): void {
		if (this.lineStart && this.flow === 0) {
			while (this.indents.length > 0 && this.indents[this.indents.length - 1] >= this.indent) {
				this.indents.pop();
			}
			this.indents.push(this.indent);
		}
		this.lineStart = false;
	}
}

/** A key written twice in one map: an error for js-yaml, what Serverless parses with. */
class DuplicateKey extends Error {
}

class YamlConverter {
	/** Each YAML node converted once: an alias shares its anchor's tree. */
	private readonly converted = new Map<Node, ConfigNode>();
	private readonly converting = new Set<Node>();
	/** Every node and every entry a merge copies counts: merge keys can multiply a small text. */
	private readonly budget = new NodeBudget();
	private readonly depths = new Map<ConfigNode, number>();

	/** Each alias's anchored node, found in one walk: the library's `Alias.resolve` walks the document per alias. */
	private readonly targets = new Map<Alias, Node>();

	constructor(private readonly text: string, document: Document) {
		const anchors = new Map<string, Node>();
		visit(document, {
			Node: (_key, node) => {
				if (isAlias(node)) {
					const target = anchors.get(node.source);
					if (target) {
						this.targets.set(node, target);
					}
				} else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
					anchors.set(node.anchor, node); // the last anchor of a name before the alias is the one it means
				}
			},
		});
	}

	convert(node: unknown): ConfigNode {
		if (isAlias(node)) {
			const target = this.targets.get(node);
			return target ? this.convert(target) : this.opaqueScalar(node as Node);
		}
		const yamlNode = node as Node;
		const done = this.converted.get(yamlNode);
		if (done) {
			return done;
		}
		if (this.converting.has(yamlNode)) {
			return this.opaqueScalar(yamlNode); // an alias inside its own anchor
		}
		this.converting.add(yamlNode);
		this.budget.spend();
		if (this.converting.size > maxNestingDepth) {
			throw new ParseLimitError({ limit: 'depth', max: maxNestingDepth }); // aliases can nest what the text does not
		}
		const result = this.convertNew(yamlNode);
		this.checkDepth(result);
		this.converting.delete(yamlNode);
		this.converted.set(yamlNode, result);
		return result;
	}

	/** A tree's depth, from its children's (each converted before it); aliases can make it deeper than the text. */
	private checkDepth(node: ConfigNode): void {
		let deepest = 0;
		const children = node.kind === 'map' ? node.entries.values() : node.kind === 'seq' ? node.items : [];
		for (const child of children) {
			deepest = Math.max(deepest, this.depths.get(child) ?? 1);
		}
		if (deepest + 1 > maxNestingDepth) {
			throw new ParseLimitError({ limit: 'depth', max: maxNestingDepth });
		}
		this.depths.set(node, deepest + 1);
	}

	private convertNew(node: Node): ConfigNode {
		const span = this.spanOf(node);
		if (node.tag && cloudFormationTagSet.has(node.tag)) {
			return { kind: 'opaque', span, reason: { why: 'cloudformation-function', tag: node.tag } };
		}
		if (isMap(node)) {
			return this.convertMap(node);
		}
		if (isSeq(node)) {
			return { kind: 'seq', items: node.items.map((item) => this.convert(item)), span };
		}
		if (isScalar(node)) {
			return this.convertScalar(node);
		}
		return this.opaqueScalar(node);
	}

	private convertMap(node: YAMLMap): MapNode {
		const entries = new Map<string, ConfigNode>();
		const merges: ConfigNode[] = [];
		for (const pair of node.items) {
			const key = pair.key;
			if (isScalar(key) && typeof key.value === 'symbol') {
				merges.push(this.convert(pair.value)); // `<<: *base` or `<<: [*a, *b]`
				continue;
			}
			if (!isScalar(key) || key.value === null || key.value === undefined) {
				continue; // a key that is a map or a list: never one a tool reads
			}
			const name = String(key.value);
			if (entries.has(name)) {
				throw new DuplicateKey();
			}
			const value = pair.value === null ? { kind: 'scalar' as const, value: null, span: this.spanOf(key) } : this.convert(pair.value);
			entries.set(name, value);
		}
		// Keys written in the map win over merged ones; of two merged maps, the first wins (YAML's merge rule).
		for (const merged of merges.flatMap((source) => (source.kind === 'seq' ? source.items : [source]))) {
			if (merged.kind === 'map') {
				this.budget.spend(merged.entries.size);
				for (const [key, value] of merged.entries) {
					if (!entries.has(key)) {
						entries.set(key, value);
					}
				}
			}
		}
		return { kind: 'map', entries, span: this.spanOf(node) };
	}

	private convertScalar(node: Scalar): ConfigNode {
		const span = this.spanOf(node);
		const value = node.value;
		if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
			return { kind: 'scalar', value: String(value), span }; // a date, a binary: never a profile name
		}
		const exact = value === null ? undefined : this.exactText(node, String(value));
		return exact ? { kind: 'scalar', value, span, exact } : { kind: 'scalar', value, span };
	}

	private exactText(node: Scalar, value: string): ExactText | undefined {
		const [start, end] = node.range ?? [0, 0];
		const source = this.text.slice(start, end);
		const quoted: Partial<Record<string, NameSyntax>> = {
			[Scalar.QUOTE_SINGLE]: 'yaml-single-quoted',
			[Scalar.QUOTE_DOUBLE]: 'yaml-double-quoted',
		};
		const syntax = node.type ? quoted[node.type] : undefined;
		if (syntax) {
			return source.slice(1, -1) === value ? { offset: start + 1, syntax } : undefined;
		}
		return node.type === Scalar.PLAIN && source === value ? { offset: start, syntax: 'yaml-plain' } : undefined;
	}

	private opaqueScalar(node: Node): ConfigNode {
		return { kind: 'scalar', value: null, span: this.spanOf(node) };
	}

	private spanOf(node: Node): { offset: number; length: number } {
		const [start, end] = node.range ?? [0, 0];
		return { offset: start, length: Math.max(0, end - start) };
	}
}
