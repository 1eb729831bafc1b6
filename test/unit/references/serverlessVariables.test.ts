/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The Serverless variable resolver: what `provider.profile`'s value resolves to. The cases (a serverless.yml,
// the stage and environment given, the resolution expected) are in
// test/fixtures/references/serverless-variables.json, as the resolvers' references are in cases.json
// (fixtureTable.test.ts); `AWS_PROFILES_UPDATE_FIXTURES=1` writes their expected outcomes from what the resolver
// gives, to be read over before they are committed. Here in code: what the table cannot say (the line of an
// origin, a value too large to build, the default stage).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigNode, nodeAt } from '../../../src/core/references/configTree';
import {
	defaultStageOf, EnvLookup, Resolution, resolveServerlessNode, ResolveResult,
} from '../../../src/core/references/serverlessVariables';
import { createLineIndex } from '../../../src/core/text/lineIndex';
import { parseYamlTree } from '../../../src/core/references/yamlTree';
import { caseNames, fixturesFolder, textAt } from './referenceKit';

interface Run {
	readonly result: ResolveResult;
	readonly text: string;
}

function resolve(yaml: string, path: string, options: { stage?: string; env?: EnvLookup; onStageIndexedMap?: (keys: readonly string[]) => void } = {}): Run {
	const root = parseYamlTree(yaml) as ConfigNode;
	assert.ok(root, 'the YAML parses');
	const node = nodeAt(root, path.split('.'));
	assert.ok(node, `${path} exists`);
	return { result: resolveServerlessNode(node, { root, lines: createLineIndex(yaml), ...options }), text: yaml };
}

/** The resolution in short: `text:<value>@<where the origin is>`, `not-checked:<why>`, `error:<code>`, `missing:...`. */
function short(run: Run): string {
	return shortResolution(run.result.resolution, run.text);
}

function shortResolution(resolution: Resolution, text: string): string {
	switch (resolution.kind) {
		case 'text':
			return resolution.origin ? `text:${resolution.text}@${textAt(text, resolution.origin.range)}` : `text:${resolution.text}`;
		case 'node':
			return `node:${resolution.node.kind}`;
		case 'missing':
			return `missing>${shortResolution(resolution.final, text)}`;
		case 'not-checked':
			return `not-checked:${resolution.reason.why}`;
		case 'error':
			return `error:${resolution.error.code}`;
	}
}

const env = (values: Record<string, string>): EnvLookup => (name) => (name in values ? { value: values[name] } : undefined);

/** A case of serverless-variables.json: the file, what is given, and the outcome expected. */
interface VariableCase {
	readonly title: string;
	readonly text: string;
	/** The value resolved; `provider.profile` when absent. */
	readonly path?: string;
	readonly options?: { readonly stage?: string; readonly env?: Record<string, string> };
	readonly expected: Outcome;
}

/** The resolution in short (see `short`), whether it read the stage, its warnings, the maps a stage indexes. */
interface Outcome {
	readonly resolution: string;
	readonly usesStage: boolean;
	readonly warnings?: readonly { readonly code: string; readonly word: string; readonly underlined: string }[];
	readonly stageIndexedMaps?: readonly (readonly string[])[];
}

function outcome(entry: VariableCase): Outcome {
	const maps: string[][] = [];
	const run = resolve(entry.text, entry.path ?? 'provider.profile', {
		...(entry.options?.stage === undefined ? {} : { stage: entry.options.stage }),
		...(entry.options?.env === undefined ? {} : { env: env(entry.options.env) }),
		onStageIndexedMap: (keys) => maps.push([...keys]),
	});
	const warnings = run.result.warnings.map((warning) => ({ code: warning.code, word: warning.word, underlined: textAt(run.text, warning.range) }));
	return {
		resolution: short(run), usesStage: run.result.usesStage,
		...(warnings.length > 0 ? { warnings } : {}), ...(maps.length > 0 ? { stageIndexedMaps: maps } : {}),
	};
}

describe('Serverless variables (resolver)', () => {
	describe('the case table (test/fixtures/references/serverless-variables.json)', () => {
		const casesFile = path.join(fixturesFolder, 'serverless-variables.json');
		const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8')) as VariableCase[];
		const found = cases.map(outcome);
		if (process.env.AWS_PROFILES_UPDATE_FIXTURES === '1') {
			fs.writeFileSync(casesFile, `${JSON.stringify(cases.map((entry, i) => ({ ...entry, expected: found[i] })), undefined, '\t')}\n`);
		}
		const table = JSON.parse(fs.readFileSync(casesFile, 'utf8')) as VariableCase[];

		caseNames(table.map((entry) => entry.title)).forEach((name, i) => {
			it(name, () => {
				assert.deepEqual(found[i], table[i].expected);
			});
		});
	});

	describe('self:', () => {
		it('follows a path to the value, and keeps where that value is written', () => {
			const run = resolve('custom:\n  profile: acme\nprovider:\n  profile: ${self:custom.profile}\n', 'provider.profile');
			assert.equal(short(run), 'text:acme@acme');
			const origin = (run.result.resolution as { origin: { range: { line: number } } }).origin;
			assert.equal(origin.range.line, 1);
		});

		it('resolves each path once, and refuses a value that doubles itself', () => {
			const levels = Array.from({ length: 40 }, (_, i) => `  l${i}: \${self:custom.l${i + 1}}-\${self:custom.l${i + 1}}`);
			const yaml = `custom:\n${levels.join('\n')}\n  l40: x\nprovider:\n  profile: \${self:custom.l0}\n`;
			const run = resolve(yaml, 'provider.profile');
			assert.equal(short(run), 'error:invalid-variable'); // 2^40 characters: refused, not built
		});
	});

	describe('stages', () => {
		it('computes the default stage', () => {
			const lines = createLineIndex('');
			const tree = (yaml: string): ConfigNode => parseYamlTree(yaml) as ConfigNode;
			assert.equal(defaultStageOf(tree('provider:\n  name: aws\n'), lines), 'dev');
			assert.equal(defaultStageOf(tree('provider:\n  stage: ${opt:stage, "qa"}\n'), lines), 'qa');
			assert.equal(defaultStageOf(tree('provider:\n  stage: ${env:STAGE, \'x\'}\n'), lines, env({ STAGE: 'ci' })), 'ci');
			assert.equal(defaultStageOf(tree('provider:\n  stage: ${sls:stage}\n'), lines), 'dev');
		});
	});
});
