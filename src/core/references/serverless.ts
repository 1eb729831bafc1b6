/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Serverless Framework files: serverless.yml / .yaml / .json, and serverless.js / .ts read as text (their
// plain object literal). The references: `provider.profile`, and v4's
// `stages.<stage|default>.resolvers.<name>.profile`.
//
// A profile chosen through variables can differ per stage, and a typo can hide in one stage only, so the
// value is resolved (serverlessVariables.ts) FOR EVERY STAGE THE FILE DECLARES:
//   - the default stage (`provider.stage` resolved without `--stage`, else `dev`);
//   - the literal fallbacks of stage variables anywhere (`${opt:stage, 'prod'}`);
//   - the keys of a map the stage indexes (`custom.profiles` in `${self:custom.profiles.${sls:stage}}`);
//   - the keys of `params` (v3) and `stages` (v4), but `default`.
// Each stage's result is a reference; the stages that give the same result in the same place are one
// reference listing them, so a per-stage map where only prod's profile is missing gives one bad reference,
// on `custom.profiles.prod`'s value. A result that does not depend on the stage lists no stage.
//
// `${env:X}` reads the environment given (empty by default), then the `.env` files given, as Serverless
// loads them: v4 (and a file without `frameworkVersion`) reads `.env.<stage>` over `.env` unless
// `useDotenv: false`; v1-v3 only with `useDotenv: true`, and only one file (`.env.<stage>`, else `.env`).
// The environment given wins over the files, as dotenv never overrides a variable already set.
// A custom `provider.variableSyntax` (v1/v2) makes every reference not-checked.

import { basename, extname } from 'node:path';
import { childOf, ConfigNode, mapEntries, nodeAt, scalarText, valueSpan } from './configTree';
import { dotenvStage, parseDotenv } from './dotenv';
import { parseJsonTree } from './jsonTree';
import type { FindOptions, ProfileReference, ReferenceWarning } from './profileReference';
import { parseScriptObjectTree } from './scriptObjectTree';
import { EnvLookup, EnvValue, resolveServerlessNode, ResolveResult, defaultStageOf } from './serverlessVariables';
import { hasVariables, isStageVariable, Operand, parseTemplate, TemplatePart, VariablePart } from './serverlessVariableSyntax';
import { createLineIndex, LineIndex } from '../text/lineIndex';
import { parseYamlTree } from './yamlTree';

export function parseServerlessTree(fileName: string, text: string): ConfigNode | undefined {
	switch (extname(fileName)) {
		case '.yml':
		case '.yaml':
			return parseYamlTree(text);
		case '.json':
			return parseJsonTree(text);
		default:
			return parseScriptObjectTree(text);
	}
}

/** A value the tool reads a profile from. */
interface Target {
	readonly key: string;
	readonly node: ConfigNode;
	/** A v4 resolver under `stages.<stage>`: only for that stage. */
	readonly stage?: string;
}

export function findServerlessReferences(fileName: string, text: string, options: FindOptions = {}): ProfileReference[] {
	const root = parseServerlessTree(fileName, text);
	if (root?.kind !== 'map') {
		return [];
	}
	const lines = createLineIndex(text);
	const targets = targetsOf(root);
	if (targets.length === 0) {
		return [];
	}
	const variableSyntax = nodeAt(root, ['provider', 'variableSyntax']);
	if (variableSyntax && scalarText(variableSyntax) !== undefined) {
		return targets.map((target) => ({
			kind: 'serverless', key: target.key, range: lines.spanRange(valueSpan(target.node)), stages: [], warnings: [],
			status: 'not-checked', reason: { why: 'custom-variable-syntax' },
		}));
	}
	const envFor = environmentFor(root, options);
	const stages = options.stage !== undefined
		? [options.stage]
		: declaredStages(root, lines, targets, envFor, loadedDotenvStages(root, options));
	const stageWarnings = stageExpressionWarnings(root, lines, envFor);
	const references: ProfileReference[] = [];
	for (const target of targets) {
		const used = new Map<string, string>();
		const outcomes = (target.stage !== undefined ? [target.stage] : stages).map((stage) => {
			const result = resolveServerlessNode(target.node, { root, lines, stage, env: recordingGiven(envFor(stage), options, used) });
			// A stage-specific resolver is that stage's whatever its value; a value that read the stage also
			// depends on how the stage is written (`provider.stage: ${opt:stage, dev}`), and warns of it.
			return target.stage !== undefined
				? { stage, result: { ...result, usesStage: true } }
				: { stage, result: result.usesStage ? { ...result, warnings: [...result.warnings, ...stageWarnings] } : result };
		});
		references.push(...mergeOutcomes(target, outcomes, lines).map((reference) => withEnvironment(reference, used, options)));
	}
	return references;
}

/** The lookup, noting in `used` each variable read from the environment given (not from a `.env` file). */
function recordingGiven(lookup: EnvLookup, options: FindOptions, used: Map<string, string>): EnvLookup {
	const given = options.env ?? {};
	return (name) => {
		const value = lookup(name);
		if (value && value.origin === undefined && Object.prototype.hasOwnProperty.call(given, name)) {
			used.set(name, value.value);
		}
		return value;
	};
}

/** A name read from the environment given says so, and which environment it was (see FindOptions.envSource). */
function withEnvironment(reference: ProfileReference, used: ReadonlyMap<string, string>, options: FindOptions): ProfileReference {
	if (reference.status !== 'resolved' || used.size === 0) {
		return reference;
	}
	const variables = [...used].map(([name, value]) => ({ name, value }));
	return { ...reference, environment: options.envSource === undefined ? { variables } : { variables, source: options.envSource } };
}

/** The warnings of `provider.stage`'s expression, which decides the stage whenever a profile depends on it. */
function stageExpressionWarnings(root: ConfigNode, lines: LineIndex, envFor: EnvFor): readonly ReferenceWarning[] {
	const node = nodeAt(root, ['provider', 'stage']);
	return node ? resolveServerlessNode(node, { root, lines, env: envFor(undefined) }).warnings : [];
}

function targetsOf(root: ConfigNode): Target[] {
	const targets: Target[] = [];
	const profile = nodeAt(root, ['provider', 'profile']);
	if (profile && !isNull(profile)) {
		targets.push({ key: 'provider.profile', node: profile });
	}
	for (const [stage, stageNode] of mapEntries(childOf(root, 'stages'))) {
		for (const [name, resolver] of mapEntries(childOf(stageNode, 'resolvers'))) {
			const node = childOf(resolver, 'profile');
			if (node && !isNull(node)) {
				const key = `stages.${stage}.resolvers.${name}.profile`;
				targets.push(stage === 'default' ? { key, node } : { key, node, stage });
			}
		}
	}
	return targets;
}

function isNull(node: ConfigNode): boolean {
	return node.kind === 'scalar' && node.value === null;
}

// ---- stages ----

type EnvFor = (stage: string | undefined) => EnvLookup;

function declaredStages(
	root: ConfigNode, lines: LineIndex, targets: readonly Target[], envFor: EnvFor, dotenvStages: readonly string[],
): string[] {
	const defaultStage = defaultStageOf(root, lines, envFor(undefined));
	const stages = new Set<string>([defaultStage, ...dotenvStages]);
	for (const literal of stageFallbackLiterals(root)) {
		stages.add(literal);
	}
	for (const section of ['params', 'stages']) {
		for (const [key] of mapEntries(childOf(root, section))) {
			if (key !== 'default') {
				stages.add(key);
			}
		}
	}
	for (const target of targets) {
		resolveServerlessNode(target.node, {
			root, lines, stage: defaultStage, env: envFor(defaultStage),
			onStageIndexedMap: (keys) => keys.forEach((key) => stages.add(key)),
		});
	}
	return [...stages];
}

/** `'prod'` in `${opt:stage, 'prod'}`, anywhere in the file. */
function stageFallbackLiterals(root: ConfigNode): string[] {
	const literals: string[] = [];
	const seen = new Set<ConfigNode>();
	const visitParts = (parts: readonly TemplatePart[]): void => {
		for (const part of parts) {
			if (part.kind === 'variable') {
				visitVariable(part);
			}
		}
	};
	const visitOperand = (operand: Operand): void => {
		if (operand.kind === 'nested') {
			visitVariable(operand.variable);
		} else if (operand.kind === 'source' && operand.address) {
			visitParts(operand.address);
		}
	};
	const visitVariable = (variable: VariablePart): void => {
		if (isStageVariable(variable)) {
			for (const operand of variable.operands.slice(1)) {
				if (operand.kind === 'literal' && operand.value.trim() !== '') {
					literals.push(operand.value.trim());
				}
			}
		}
		variable.operands.forEach(visitOperand);
	};
	const visit = (node: ConfigNode): void => {
		if (seen.has(node)) {
			return;
		}
		seen.add(node);
		if (node.kind === 'map') {
			node.entries.forEach(visit);
		} else if (node.kind === 'seq') {
			node.items.forEach(visit);
		} else if (node.kind === 'scalar' && typeof node.value === 'string' && hasVariables(node.value)) {
			visitParts(parseTemplate(node.value).parts);
		}
	};
	visit(root);
	return literals;
}

// ---- environment ----

type DotenvMode = 'none' | 'one-file' | 'stage-over-default';

/** The major version `frameworkVersion` pins (`'3'`, `'^3.38.0'`, `'>=2.0 <4'` give 3, 3, 2), if any. */
export function frameworkMajorOf(root: ConfigNode | undefined): number | undefined {
	const major = /\d+/.exec(scalarText(childOf(root, 'frameworkVersion')) ?? '')?.[0];
	return major === undefined ? undefined : Number(major);
}

function dotenvMode(root: ConfigNode): DotenvMode {
	const useDotenv = childOf(root, 'useDotenv');
	const setting = useDotenv?.kind === 'scalar' ? useDotenv.value : undefined;
	if (setting === false) {
		return 'none';
	}
	const major = frameworkMajorOf(root);
	if (major !== undefined && major < 4) {
		return setting === true ? 'one-file' : 'none';
	}
	return 'stage-over-default';
}

/** The stages of the `.env.<stage>` files Serverless would load. */
function loadedDotenvStages(root: ConfigNode, options: FindOptions): string[] {
	if (dotenvMode(root) === 'none') {
		return [];
	}
	return (options.dotenvFiles ?? []).flatMap((file) => {
		const stage = dotenvStage(file.file);
		return stage !== undefined && basename(file.file) === `.env.${stage}` ? [stage] : [];
	});
}

function environmentFor(root: ConfigNode, options: FindOptions): EnvFor {
	const given = options.env ?? {};
	const mode = dotenvMode(root);
	const files = (options.dotenvFiles ?? []).map((file) => ({
		file: file.file,
		stage: dotenvStage(file.file),
		isDefault: basename(file.file) === '.env',
		text: file.text,
	}));
	// With a stage's own file around, what any variable reads depends on the stage.
	const anyStageFile = mode !== 'none' && files.some((file) => file.stage !== undefined && basename(file.file) === `.env.${file.stage}`);
	return (stage) => {
		const stageFile = stage === undefined ? undefined : files.find((file) => file.stage === stage && basename(file.file) === `.env.${stage}`);
		const defaultFile = files.find((file) => file.isDefault);
		const loaded = mode === 'none' ? []
			: mode === 'one-file' ? [stageFile ?? defaultFile]
				: [stageFile, defaultFile];
		const tables = loaded.filter((file) => file !== undefined).map((file) => ({ file, entries: dotenvValues(file.file, file.text) }));
		return (name) => {
			if (Object.prototype.hasOwnProperty.call(given, name)) {
				return { value: given[name] };
			}
			for (const table of tables) {
				const value = table.entries.get(name);
				if (value) {
					return anyStageFile ? { ...value, dependsOnStage: true } : value;
				}
			}
			return undefined;
		};
	};
}

/** A `.env` file's variables, the last definition winning as in dotenv; expanded values are left out. */
function dotenvValues(file: string, text: string): Map<string, EnvValue> {
	const lines = createLineIndex(text);
	const values = new Map<string, EnvValue>();
	for (const entry of parseDotenv(text)) {
		if (entry.expands) {
			values.delete(entry.name);
			continue;
		}
		values.set(entry.name, entry.syntax
			? { value: entry.value, origin: { file, range: lines.spanRange(entry.valueSpan), syntax: entry.syntax } }
			: { value: entry.value });
	}
	return values;
}

// ---- references ----

interface Outcome {
	readonly stage: string;
	readonly result: ResolveResult;
}

/** Each stage's outcome as a reference; equal ones (same result, same place) are merged, listing their stages. */
function mergeOutcomes(target: Target, outcomes: readonly Outcome[], lines: LineIndex): ProfileReference[] {
	const expressionRange = lines.spanRange(valueSpan(target.node));
	const merged = new Map<string, { reference: ProfileReference; stages: string[]; everyStage: boolean; warnings: ReferenceWarning[] }>();
	for (const { stage, result } of outcomes) {
		const reference = referenceOf(target, result, expressionRange);
		if (!reference) {
			continue;
		}
		const identity = JSON.stringify({ ...reference, warnings: undefined });
		let entry = merged.get(identity);
		if (!entry) {
			entry = { reference, stages: [], everyStage: false, warnings: [] };
			merged.set(identity, entry);
		}
		if (result.usesStage) {
			entry.stages.push(stage);
		} else {
			entry.everyStage = true;
		}
		for (const warning of result.warnings) {
			if (!entry.warnings.some((known) => known.code === warning.code && known.range.offset === warning.range.offset)) {
				entry.warnings.push(warning);
			}
		}
	}
	return [...merged.values()].map(({ reference, stages, everyStage, warnings }) => ({
		...reference,
		stages: everyStage ? [] : [...new Set(stages)],
		warnings,
	}));
}

function referenceOf(target: Target, result: ResolveResult, expressionRange: ProfileReference['range']): ProfileReference | undefined {
	const base = { kind: 'serverless' as const, key: target.key, range: expressionRange, stages: [], warnings: [] };
	const resolution = result.resolution;
	switch (resolution.kind) {
		case 'text': {
			if (resolution.text.trim() === '') {
				return undefined; // an empty profile: Serverless uses its default credentials, which is no reference
			}
			const origin = resolution.origin;
			if (!origin) {
				return { ...base, status: 'resolved', name: resolution.text };
			}
			if (origin.file !== undefined || sameRange(origin.range, expressionRange)) {
				return { ...base, status: 'resolved', name: resolution.text, rename: origin };
			}
			return { ...base, range: origin.range, expressionRange, status: 'resolved', name: resolution.text, rename: origin };
		}
		case 'node':
			return { ...base, status: 'error', error: { code: 'not-a-string', path: target.key } };
		case 'missing':
			return finalReference(base, resolution.final);
		default:
			return finalReference(base, resolution);
	}
}

function finalReference(
	base: Pick<ProfileReference, 'kind' | 'key' | 'range' | 'stages' | 'warnings'>,
	final: Extract<ResolveResult['resolution'], { kind: 'not-checked' | 'error' }>,
): ProfileReference {
	return final.kind === 'error'
		? { ...base, status: 'error', error: final.error }
		: { ...base, status: 'not-checked', reason: final.reason };
}

function sameRange(a: ProfileReference['range'], b: ProfileReference['range']): boolean {
	return a.offset === b.offset && a.length === b.length;
}
