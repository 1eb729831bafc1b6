/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// YAML files (serverless.yml, zappa_settings.yml, samconfig.yaml, Pulumi.<stack>.yaml) as a config tree,
// parsed by eemeli/yaml, which keeps every node's position. CloudFormation's short-form functions (`!Ref`,
// `!Sub`...), common in serverless.yml's `resources`, are declared as tags in their three forms (scalar,
// list, map) so they parse cleanly; their value is opaque: CloudFormation computes it, not the tool. Aliases
// are shared rather than copied (a chain of aliases cannot blow the tree up) and `<<` merge keys are applied,
// as js-yaml (what Serverless uses) applies them. A document with an error gives no tree.

import {
	Document, isAlias, isMap, isScalar, isSeq, Node, parseDocument, Scalar, Tags, YAMLMap, YAMLSeq,
} from 'yaml';
import type { ConfigNode, ExactText, MapNode } from './configTree';
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

/** The document's tree, or `undefined` when the text is not one valid YAML document. */
export function parseYamlTree(text: string): ConfigNode | undefined {
	let document;
	try {
		document = parseDocument(text, { customTags, merge: true, prettyErrors: false, keepSourceTokens: false });
	} catch {
		return undefined; // the parser reports errors rather than throwing; this is a belt for the braces
	}
	if (document.errors.length > 0 || !document.contents) {
		return undefined;
	}
	return new YamlConverter(text, document).convert(document.contents);
}

class YamlConverter {
	/** Each YAML node converted once: an alias shares its anchor's tree. */
	private readonly converted = new Map<Node, ConfigNode>();
	private readonly converting = new Set<Node>();

	constructor(private readonly text: string, private readonly document: Document) {
	}

	convert(node: unknown): ConfigNode {
		if (isAlias(node)) {
			const target = node.resolve(this.document);
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
		const result = this.convertNew(yamlNode);
		this.converting.delete(yamlNode);
		this.converted.set(yamlNode, result);
		return result;
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
			const value = pair.value === null ? { kind: 'scalar' as const, value: null, span: this.spanOf(key) } : this.convert(pair.value);
			entries.set(String(key.value), value);
		}
		// Keys written in the map win over merged ones; of two merged maps, the first wins (YAML's merge rule).
		for (const merged of merges.flatMap((source) => (source.kind === 'seq' ? source.items : [source]))) {
			if (merged.kind === 'map') {
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
