/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { ConfigNode, nodeAt } from '../../../src/core/references/configTree';
import {
	defaultStageOf, EnvLookup, Resolution, resolveServerlessNode, ResolveResult,
} from '../../../src/core/references/serverlessVariables';
import { createLineIndex } from '../../../src/core/text/lineIndex';
import { parseYamlTree } from '../../../src/core/references/yamlTree';
import { textAt } from './referenceKit';

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

describe('Serverless variables (resolver)', () => {
	describe('literals', () => {
		it('gives a plain value with where it is written', () => {
			assert.equal(short(resolve('provider:\n  profile: dev-profile\n', 'provider.profile')), 'text:dev-profile@dev-profile');
			assert.equal(short(resolve('provider:\n  profile: "dev-profile"\n', 'provider.profile')), 'text:dev-profile@dev-profile');
		});

		it('gives a number as its text', () => {
			assert.equal(short(resolve('provider:\n  profile: 123\n', 'provider.profile')), 'text:123@123');
		});
	});

	describe('self:', () => {
		it('follows a path to the value, and keeps where that value is written', () => {
			const run = resolve('custom:\n  profile: acme\nprovider:\n  profile: ${self:custom.profile}\n', 'provider.profile');
			assert.equal(short(run), 'text:acme@acme');
			const origin = (run.result.resolution as { origin: { range: { line: number } } }).origin;
			assert.equal(origin.range.line, 1);
		});

		it('follows chains of self references', () => {
			const yaml = 'custom:\n  a: ${self:custom.b}\n  b: ${self:custom.c}\n  c: deep\nprovider:\n  profile: ${self:custom.a}\n';
			assert.equal(short(resolve(yaml, 'provider.profile')), 'text:deep@deep');
		});

		it('is an error when the path does not exist', () => {
			assert.equal(short(resolve('provider:\n  profile: ${self:custom.nope}\n', 'provider.profile')), 'missing>error:self-path-not-found');
		});

		it('is an error when the variables loop', () => {
			const yaml = 'custom:\n  a: ${self:custom.b}\n  b: ${self:custom.a}\nprovider:\n  profile: ${self:custom.a}\n';
			assert.equal(short(resolve(yaml, 'provider.profile')), 'error:variable-cycle');
		});

		it('resolves each path once, and refuses a value that doubles itself', () => {
			const levels = Array.from({ length: 40 }, (_, i) => `  l${i}: \${self:custom.l${i + 1}}-\${self:custom.l${i + 1}}`);
			const yaml = `custom:\n${levels.join('\n')}\n  l40: x\nprovider:\n  profile: \${self:custom.l0}\n`;
			const run = resolve(yaml, 'provider.profile');
			assert.equal(short(run), 'error:invalid-variable'); // 2^40 characters: refused, not built
		});

		it('gives a map as a node, which is not a name', () => {
			assert.equal(short(resolve('custom:\n  p:\n    a: 1\nprovider:\n  profile: ${self:custom.p}\n', 'provider.profile')), 'node:map');
		});

		it('indexes a list by number', () => {
			assert.equal(short(resolve('custom:\n  p: [a, b]\nprovider:\n  profile: ${self:custom.p.1}\n', 'provider.profile')), 'text:b@b');
		});

		it('walks through a value that is itself a variable', () => {
			const yaml = 'custom:\n  all: ${self:custom.real}\n  real:\n    prod: p1\nprovider:\n  profile: ${self:custom.all.prod}\n';
			assert.equal(short(resolve(yaml, 'provider.profile')), 'text:p1@p1');
		});

		it('follows YAML aliases and merge keys to where the value is written', () => {
			const yaml = 'base: &base\n  profile: shared\ncustom:\n  <<: *base\nprovider:\n  profile: ${self:custom.profile}\n';
			assert.equal(short(resolve(yaml, 'provider.profile')), 'text:shared@shared');
		});
	});

	describe('stages', () => {
		const perStage = 'custom:\n  profiles:\n    dev: acme-dev\n    prod: acme-prod\nprovider:\n'
			+ '  stage: ${opt:stage, \'dev\'}\n  profile: ${self:custom.profiles.${sls:stage}}\n';

		it('resolves a nested stage variable for the stage given', () => {
			const run = resolve(perStage, 'provider.profile', { stage: 'prod' });
			assert.equal(short(run), 'text:acme-prod@acme-prod');
			assert.equal(run.result.usesStage, true);
		});

		it('uses provider.stage without --stage, then dev', () => {
			assert.equal(short(resolve(perStage, 'provider.profile')), 'text:acme-dev@acme-dev');
			assert.equal(short(resolve(perStage.replace('\'dev\'', '\'prod\''), 'provider.profile')), 'text:acme-prod@acme-prod');
			assert.equal(short(resolve(perStage.replace(/ {2}stage:.*\n/, ''), 'provider.profile')), 'text:acme-dev@acme-dev');
		});

		it('reads opt:stage, self:provider.stage and nested fallbacks', () => {
			const yaml = 'custom:\n  defaultStage: prod\n  profiles:\n    prod: p\nprovider:\n  stage: ${opt:stage, self:custom.defaultStage}\n'
				+ '  profile: ${self:custom.profiles.${opt:stage, self:provider.stage}}\n';
			assert.equal(short(resolve(yaml, 'provider.profile')), 'text:p@p');
			assert.equal(short(resolve(yaml, 'provider.profile', { stage: 'prod' })), 'text:p@p');
			assert.equal(short(resolve(yaml, 'provider.profile', { stage: 'dev' })), 'missing>error:self-path-not-found');
		});

		it('computes the default stage', () => {
			const lines = createLineIndex('');
			const tree = (yaml: string): ConfigNode => parseYamlTree(yaml) as ConfigNode;
			assert.equal(defaultStageOf(tree('provider:\n  name: aws\n'), lines), 'dev');
			assert.equal(defaultStageOf(tree('provider:\n  stage: ${opt:stage, "qa"}\n'), lines), 'qa');
			assert.equal(defaultStageOf(tree('provider:\n  stage: ${env:STAGE, \'x\'}\n'), lines, env({ STAGE: 'ci' })), 'ci');
			assert.equal(defaultStageOf(tree('provider:\n  stage: ${sls:stage}\n'), lines), 'dev');
		});

		it('reports the keys of a map the stage indexes, where the rest of the path exists', () => {
			const found: string[][] = [];
			const yaml = 'custom:\n  defaultStage: dev\n  dev:\n    profile: a\n  prod:\n    profile: b\n  other:\n    x: 1\n'
				+ 'provider:\n  profile: ${self:custom.${sls:stage}.profile}\n';
			resolve(yaml, 'provider.profile', { onStageIndexedMap: (keys) => found.push([...keys]) });
			assert.deepEqual(found, [['dev', 'prod']]);
		});

		it('does not depend on the stage when nothing reads it', () => {
			assert.equal(resolve('provider:\n  profile: fixed\n', 'provider.profile', { stage: 'prod' }).result.usesStage, false);
		});
	});

	describe('params', () => {
		const v3 = 'params:\n  prod:\n    profile: p-prod\n  default:\n    profile: p-default\nprovider:\n  profile: ${param:profile}\n';
		const v4 = 'stages:\n  prod:\n    params:\n      profile: s-prod\n  default:\n    params:\n      profile: s-default\nprovider:\n  profile: ${param:profile}\n';

		it('reads the stage\'s params, then the default ones (v3 params)', () => {
			assert.equal(short(resolve(v3, 'provider.profile', { stage: 'prod' })), 'text:p-prod@p-prod');
			assert.equal(short(resolve(v3, 'provider.profile', { stage: 'dev' })), 'text:p-default@p-default');
		});

		it('reads v4 stages.<stage>.params the same way', () => {
			assert.equal(short(resolve(v4, 'provider.profile', { stage: 'prod' })), 'text:s-prod@s-prod');
			assert.equal(short(resolve(v4, 'provider.profile', { stage: 'qa' })), 'text:s-default@s-default');
		});

		it('is not-checked when no param is set in the file, and takes a fallback', () => {
			assert.equal(short(resolve('provider:\n  profile: ${param:nope}\n', 'provider.profile')), 'missing>not-checked:param-not-found');
			assert.equal(short(resolve('provider:\n  profile: ${param:nope, \'fb\'}\n', 'provider.profile')), 'text:fb@fb');
		});
	});

	describe('env: and opt:', () => {
		it('reads the environment given, else the quoted fallback, where it is written', () => {
			const yaml = 'provider:\n  profile: ${env:AWS_PROFILE_DEPLOY, \'fallback-profile\'}\n';
			assert.equal(short(resolve(yaml, 'provider.profile')), 'text:fallback-profile@fallback-profile');
			assert.equal(short(resolve(yaml, 'provider.profile', { env: env({ AWS_PROFILE_DEPLOY: 'from-env' }) })), 'text:from-env');
		});

		it('is not-checked for an unset variable without a fallback', () => {
			assert.equal(short(resolve('provider:\n  profile: ${env:NOPE}\n', 'provider.profile')), 'missing>not-checked:env-unset');
		});

		it('is not-checked for a command-line option without a fallback', () => {
			assert.equal(short(resolve('provider:\n  profile: ${opt:aws-profile}\n', 'provider.profile')), 'missing>not-checked:cli-option');
			assert.equal(short(resolve('provider:\n  profile: ${opt:aws-profile, "x"}\n', 'provider.profile')), 'text:x@x');
		});

		it('tries the fallbacks in order', () => {
			const yaml = 'custom:\n  p: from-self\nprovider:\n  profile: ${env:A, env:B, self:custom.p, \'last\'}\n';
			assert.equal(short(resolve(yaml, 'provider.profile')), 'text:from-self@from-self');
			assert.equal(short(resolve(yaml, 'provider.profile', { env: env({ B: 'b' }) })), 'text:b');
		});
	});

	describe('what cannot be known', () => {
		for (const [expression, why] of [
			['${ssm:/deploy/profile}', 'remote-source'],
			['${ssm:/deploy/profile, \'fallback\'}', 'remote-source'],
			['${s3:bucket/key}', 'remote-source'],
			['${cf:stack.Output}', 'remote-source'],
			['${aws:accountId}', 'remote-source'],
			['${file(./profiles.js):profile}', 'file-source'],
			['${file(./config.yml)}', 'file-source'],
			['${sls:instanceId}', 'unsupported-variable'],
			['${strToBool(true)}', 'unsupported-variable'],
			['${myResolver:key}', 'unsupported-variable'],
		]) {
			it(`${expression} is not-checked (${why})`, () => {
				assert.equal(short(resolve(`provider:\n  profile: "${expression}"\n`, 'provider.profile')), `not-checked:${why}`);
			});
		}

		it('a CloudFormation function is not-checked', () => {
			assert.equal(short(resolve('provider:\n  profile: !Ref ProfileParam\n', 'provider.profile')), 'not-checked:cloudformation-function');
		});

		it('an unterminated variable is an error', () => {
			assert.equal(short(resolve('provider:\n  profile: "${self:custom.p"\n', 'provider.profile')), 'error:invalid-variable');
		});
	});

	describe('text around variables', () => {
		it('joins text and variables, and the result is no longer one literal', () => {
			const yaml = 'service: acme\nprovider:\n  stage: prod\n  profile: ${self:service}-${sls:stage}\n';
			assert.equal(short(resolve(yaml, 'provider.profile')), 'text:acme-prod');
		});

		it('refuses a map in the middle of a string', () => {
			assert.equal(short(resolve('custom:\n  m:\n    a: 1\nprovider:\n  profile: x-${self:custom.m}\n', 'provider.profile')), 'error:not-a-string');
		});
	});

	describe('warnings', () => {
		it('warns of an unquoted fallback, at the word, and uses it as v1/v2 do', () => {
			const run = resolve('provider:\n  profile: ${opt:aws-profile, legacy-profile}\n', 'provider.profile');
			assert.equal(short(run), 'text:legacy-profile@legacy-profile');
			assert.deepEqual(run.result.warnings.map((warning) => [warning.code, textAt(run.text, warning.range)]), [['unquoted-fallback', 'legacy-profile']]);
		});

		it('does not warn of a quoted fallback, a number or a variable', () => {
			const run = resolve('provider:\n  profile: ${opt:p, self:custom.x, \'q\'}\n', 'provider.profile');
			assert.deepEqual(run.result.warnings, []);
		});
	});
});
