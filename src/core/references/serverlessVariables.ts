/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Serverless Framework variables resolved statically, for ONE stage: what `provider.profile` will be when
// `serverless deploy --stage <stage>` runs, as far as the files tell. Nothing is fetched or run:
//
//   self:x.y          the value at that path of the same file, itself resolved (with cycle detection)
//   sls:stage         the stage: `--stage`, else `provider.stage` (resolved), else `dev`
//   opt:stage         the stage given (the scenario's); any other option is unknown (the command line's)
//   env:X             the environment given to the resolver (see EnvLookup), else unknown
//   param:x           `params.<stage>.x`, `params.default.x` (v3), `stages.<stage>.params.x`, `stages.default.params.x` (v4)
//   file(...), ssm:, s3:, cf:, aws:, a v4 resolver...: never known (not-checked), never run
//
// Fallbacks are tried in order while a value is missing; a source that cannot be known at all (ssm) stops
// there, since it may well have a value. What is left missing at the end is an error for `self:` (the path
// does not exist) and not-checked for the rest (the value comes from outside the files). The result keeps
// where the name was written when it is one literal (the `custom.profiles.prod` value, a quoted fallback),
// which is what a rename must change.

import { childOf, ConfigNode, MapNode, nodeAt, SeqNode, valueSpan } from './configTree';
import type { NotCheckedReason, ReferenceError, ReferenceWarning, RenameTarget } from './profileReference';
import {
	hasVariables, isBareWord, isStageVariable, Operand, parseTemplate, SourceOperand, TemplatePart, TextPart, VariablePart,
} from './serverlessVariableSyntax';
import type { LineIndex, Span } from '../text/lineIndex';

export interface EnvValue {
	readonly value: string;
	/** Where it is written, when in a file (a `.env` Serverless loads). */
	readonly origin?: RenameTarget;
	/** Another stage could read another value (there are `.env.<stage>` files): the result depends on the stage. */
	readonly dependsOnStage?: boolean;
}

export type EnvLookup = (name: string) => EnvValue | undefined;

export interface ResolverInput {
	/** The whole configuration (`self:` reads from it). */
	readonly root: ConfigNode;
	readonly lines: LineIndex;
	/** The stage as given with `--stage`; undefined when not given (then `provider.stage`, else `dev`). */
	readonly stage?: string;
	readonly env?: EnvLookup;
	/**
	 * Told the keys of a map that a stage indexes (`custom.profiles` in `${self:custom.profiles.${sls:stage}}`),
	 * keeping only the keys under which the rest of the path exists: stages the file declares.
	 */
	readonly onStageIndexedMap?: (keys: readonly string[]) => void;
}

export type Final =
	| { readonly kind: 'not-checked'; readonly reason: NotCheckedReason }
	| { readonly kind: 'error'; readonly error: ReferenceError };

export type Resolution =
	| { readonly kind: 'text'; readonly text: string; readonly origin?: RenameTarget }
	| { readonly kind: 'node'; readonly node: MapNode | SeqNode }
	/** No value; `final` is what that means when no fallback is left. */
	| { readonly kind: 'missing'; readonly final: Final }
	| Final;

export interface ResolveResult {
	readonly resolution: Resolution;
	readonly warnings: readonly ReferenceWarning[];
	/** The result depends on the stage (it read the stage, a stage's params or a stage's `.env`). */
	readonly usesStage: boolean;
}

/** Resolves a node of the configuration (e.g. `provider.profile`'s value) for the input's stage. */
export function resolveServerlessNode(node: ConfigNode, input: ResolverInput): ResolveResult {
	const resolver = new Resolver(input);
	const resolution = resolver.node(node);
	return { resolution, warnings: resolver.warnings, usesStage: resolver.usesStage };
}

/** The stage used when none is given: `provider.stage` resolved without `--stage`, else `dev`. */
export function defaultStageOf(root: ConfigNode, lines: LineIndex, env?: EnvLookup): string {
	const resolver = new Resolver({ root, lines, env });
	return resolver.defaultStage();
}

const remoteSources: ReadonlySet<string> = new Set([
	'ssm', 's3', 'cf', 'aws', 'vault', 'terraform', 'doppler', 'secretsmanager', 'git', 'kms',
]);

/** How offsets in a string map to the file: one for one when the scalar is written exactly, else the whole scalar. */
interface StringPlace {
	readonly text: string;
	readonly node: ConfigNode;
	readonly exact: boolean;
	span(start: number, end: number): Span;
}

const maxDepth = 64;
/** Far more than any name; a value that grows past it is doubling itself through variables. */
const maxTextLength = 4096;

class Resolver {
	readonly warnings: ReferenceWarning[] = [];
	usesStage = false;
	private readonly selfPaths: string[] = [];
	/** Each path resolved once: `a: ${self:b}-${self:b}`, `b: ${self:c}-${self:c}`... stays linear. */
	private readonly selfResults = new Map<string, Resolution>();
	private depth = 0;
	constructor(private readonly input: ResolverInput, private defaultStageCache?: string) {
	}

	node(node: ConfigNode): Resolution {
		if (++this.depth > maxDepth) {
			this.depth--;
			return { kind: 'error', error: { code: 'variable-cycle', path: this.selfPaths.join(' > ') } };
		}
		try {
			return this.nodeUnguarded(node);
		} finally {
			this.depth--;
		}
	}

	private nodeUnguarded(node: ConfigNode): Resolution {
		switch (node.kind) {
			case 'opaque':
				return { kind: 'not-checked', reason: node.reason };
			case 'map':
			case 'seq':
				return { kind: 'node', node };
			case 'scalar': {
				if (node.value === null) {
					return { kind: 'missing', final: { kind: 'error', error: { code: 'not-a-string' } } }; // `walk` never stops on null
				}
				const text = String(node.value);
				if (typeof node.value !== 'string' || !hasVariables(text)) {
					return node.exact ? { kind: 'text', text, origin: this.originOf(valueSpan(node), node.exact.syntax) } : { kind: 'text', text };
				}
				const exact = node.exact;
				const place: StringPlace = {
					text, node, exact: exact !== undefined,
					span: (start, end) => (exact ? { offset: exact.offset + start, length: end - start } : node.span),
				};
				return this.template(place);
			}
		}
	}

	private template(place: StringPlace): Resolution {
		const parsed = parseTemplate(place.text);
		if (parsed.problems.some((problem) => problem.code === 'unterminated-variable')) {
			return { kind: 'error', error: { code: 'invalid-variable', expression: place.text } };
		}
		const [only] = parsed.parts;
		if (parsed.parts.length === 1 && only.kind === 'variable') {
			return this.variable(only, place);
		}
		return this.concatenation(parsed.parts, place);
	}

	/** Text and variables: every variable must give text, and the result is no longer one literal. */
	private concatenation(parts: readonly TemplatePart[], place: StringPlace): Resolution {
		let text = '';
		for (const part of parts) {
			if (part.kind === 'text') {
				text += part.text;
				continue;
			}
			const value = this.variable(part, place);
			if (value.kind === 'text' && text.length + value.text.length > maxTextLength) {
				return { kind: 'error', error: { code: 'invalid-variable', expression: place.text } }; // built to explode
			} else if (value.kind === 'text') {
				text += value.text;
			} else if (value.kind === 'node') {
				return { kind: 'error', error: { code: 'not-a-string', path: place.text.slice(part.start, part.end) } };
			} else {
				return value.kind === 'missing' ? value.final : value;
			}
		}
		return { kind: 'text', text };
	}

	private variable(variable: VariablePart, place: StringPlace): Resolution {
		variable.operands.forEach((operand, index) => {
			if (index > 0 && operand.kind === 'literal' && isBareWord(operand)) {
				this.warnings.push({
					code: 'unquoted-fallback', word: operand.value,
					range: this.input.lines.spanRange(place.span(operand.start, operand.end)),
				});
			}
		});
		let last: Resolution | undefined;
		for (const operand of variable.operands) {
			const value = this.operand(operand, place);
			if (value.kind !== 'missing') {
				return value;
			}
			last = value;
		}
		return last ?? { kind: 'error', error: { code: 'invalid-variable', expression: place.text.slice(variable.start, variable.end) } };
	}

	private operand(operand: Operand, place: StringPlace): Resolution {
		switch (operand.kind) {
			case 'nested':
				return this.variable(operand.variable, place);
			case 'literal': {
				const start = operand.valueStart;
				if (!place.exact || start === undefined) {
					return { kind: 'text', text: operand.value };
				}
				return { kind: 'text', text: operand.value, origin: this.originOf(place.span(start, start + operand.value.length), 'embedded') };
			}
			case 'source':
				return this.source(operand, place);
		}
	}

	private source(operand: SourceOperand, place: StringPlace): Resolution {
		const expression = place.text.slice(operand.start, operand.end);
		if (operand.source === 'file') {
			return { kind: 'not-checked', reason: { why: 'file-source', path: (operand.argument ?? '').trim() } };
		}
		if (remoteSources.has(operand.source)) {
			return { kind: 'not-checked', reason: { why: 'remote-source', source: operand.source } };
		}
		if (!['self', 'opt', 'sls', 'env', 'param'].includes(operand.source) || operand.address === undefined || operand.argument !== undefined) {
			return { kind: 'not-checked', reason: { why: 'unsupported-variable', expression } };
		}
		const address = this.address(operand.address, place);
		if (typeof address !== 'string') {
			return address;
		}
		switch (operand.source) {
			case 'self':
				this.reportStageIndexedMap(operand.address);
				return this.self(address);
			case 'opt':
				return this.option(address);
			case 'sls':
				if (address === 'stage') {
					this.usesStage = true;
					return { kind: 'text', text: this.stage() };
				}
				return { kind: 'not-checked', reason: { why: 'unsupported-variable', expression } };
			case 'env':
				return this.environment(address);
			default:
				return this.param(address);
		}
	}

	/** An address as text, its nested variables resolved. */
	private address(parts: readonly TemplatePart[], place: StringPlace): string | Resolution {
		let text = '';
		for (const part of parts) {
			if (part.kind === 'text') {
				text += part.text;
				continue;
			}
			const value = this.variable(part, place);
			if (value.kind !== 'text') {
				return value.kind === 'node'
					? { kind: 'error', error: { code: 'not-a-string', path: place.text.slice(part.start, part.end) } }
					: value;
			}
			text += value.text;
		}
		return text.trim();
	}

	private option(name: string): Resolution {
		if (name === 'stage' && this.input.stage !== undefined) {
			this.usesStage = true;
			return { kind: 'text', text: this.input.stage };
		}
		return { kind: 'missing', final: { kind: 'not-checked', reason: { why: 'cli-option', option: name } } };
	}

	private environment(name: string): Resolution {
		const value = this.input.env?.(name);
		if (!value) {
			return { kind: 'missing', final: { kind: 'not-checked', reason: { why: 'env-unset', variable: name } } };
		}
		if (value.dependsOnStage) {
			this.usesStage = true;
		}
		return value.origin ? { kind: 'text', text: value.value, origin: value.origin } : { kind: 'text', text: value.value };
	}

	/** `${param:x}`: the stage's own params, then the `default` ones, v3 (`params`) then v4 (`stages`). */
	private param(name: string): Resolution {
		this.usesStage = true;
		const stage = this.stage();
		const root = this.input.root;
		for (const path of [
			['params', stage, name], ['params', 'default', name],
			['stages', stage, 'params', name], ['stages', 'default', 'params', name],
		]) {
			const node = nodeAt(root, path);
			if (node && !(node.kind === 'scalar' && node.value === null)) {
				return this.node(node);
			}
		}
		return { kind: 'missing', final: { kind: 'not-checked', reason: { why: 'param-not-found', param: name } } };
	}

	private self(path: string): Resolution {
		const notFound: Resolution = { kind: 'missing', final: { kind: 'error', error: { code: 'self-path-not-found', path } } };
		if (path === 'provider.stage') {
			this.usesStage = true;
		}
		const known = this.selfResults.get(path);
		if (known) {
			return known;
		}
		if (this.selfPaths.includes(path) || this.selfPaths.length > maxDepth) {
			return { kind: 'error', error: { code: 'variable-cycle', path: [...this.selfPaths, path].join(' > ') } };
		}
		this.selfPaths.push(path);
		let result: Resolution;
		try {
			const target = this.walk(path === '' ? [] : path.split('.'));
			if (target.kind === 'found') {
				result = this.node(target.node);
			} else if (target.kind === 'absent') {
				// Without `provider.stage`, Serverless v1/v2 still give `${self:provider.stage}` the stage in use.
				result = path === 'provider.stage' ? { kind: 'text', text: this.stage() } : notFound;
			} else {
				result = target.resolution;
			}
		} finally {
			this.selfPaths.pop();
		}
		this.selfResults.set(path, result);
		return result;
	}

	/** Follows a path, resolving the values on the way that are variables (`custom: ${file(...)}`). */
	private walk(keys: readonly string[]): { kind: 'found'; node: ConfigNode } | { kind: 'absent' } | { kind: 'stopped'; resolution: Resolution } {
		let node: ConfigNode = this.input.root;
		for (const key of keys) {
			let container: ConfigNode = node;
			if (container.kind === 'scalar' || container.kind === 'opaque') {
				const value = this.node(container);
				if (value.kind === 'node') {
					container = value.node;
				} else if (value.kind === 'text' || value.kind === 'missing') {
					return { kind: 'absent' };
				} else {
					return { kind: 'stopped', resolution: value };
				}
			}
			const child = childOf(container, key);
			if (!child) {
				return { kind: 'absent' };
			}
			node = child;
		}
		return node.kind === 'scalar' && node.value === null ? { kind: 'absent' } : { kind: 'found', node };
	}

	/** The stage of this resolution: the one given, else the default one. */
	private stage(): string {
		return this.input.stage ?? this.defaultStage();
	}

	defaultStage(): string {
		if (this.defaultStageCache === undefined) {
			this.defaultStageCache = 'dev'; // what a `${sls:stage}` inside `provider.stage` itself reads
			const node = nodeAt(this.input.root, ['provider', 'stage']);
			const value = node && new Resolver({ ...this.input, stage: undefined, onStageIndexedMap: undefined }, 'dev').node(node);
			if (value?.kind === 'text' && value.text !== '') {
				this.defaultStageCache = value.text;
			}
		}
		return this.defaultStageCache;
	}

	/**
	 * `${self:custom.profiles.${sls:stage}}`: reports the keys of `custom.profiles` (those under which the rest
	 * of the path exists), which are stages the file declares.
	 */
	private reportStageIndexedMap(address: readonly TemplatePart[]): void {
		const report = this.input.onStageIndexedMap;
		const index = address.findIndex((part) => part.kind === 'variable');
		const stagePart = address[index];
		if (!report || index < 0 || stagePart.kind !== 'variable' || !isStageVariable(stagePart)) {
			return;
		}
		const prefix = address.slice(0, index).map((part) => (part as TextPart).text).join('').trim();
		const rest = address.slice(index + 1);
		if ((prefix !== '' && !prefix.endsWith('.')) || rest.some((part) => part.kind !== 'text')) {
			return;
		}
		const suffix = rest.map((part) => (part as TextPart).text).join('').trim();
		if (suffix !== '' && !suffix.startsWith('.')) {
			return;
		}
		const peek = new Resolver({ ...this.input, onStageIndexedMap: undefined });
		const prefixKeys = prefix === '' ? [] : prefix.slice(0, -1).split('.');
		const map = peek.walk(prefixKeys);
		if (map.kind !== 'found' || map.node.kind !== 'map') {
			return;
		}
		const suffixKeys = suffix === '' ? [] : suffix.slice(1).split('.');
		const keys = [...map.node.entries.keys()].filter((key) => peek.walk([...prefixKeys, key, ...suffixKeys]).kind === 'found');
		report(keys);
	}

	private originOf(span: Span, syntax: RenameTarget['syntax']): RenameTarget {
		return { range: this.input.lines.spanRange(span), syntax };
	}
}
