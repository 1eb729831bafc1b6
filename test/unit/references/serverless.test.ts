/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import type { ProfileReference } from '../../../src/core/references/profileReference';
import { findServerlessReferences } from '../../../src/core/references/serverless';
import { checkedText, fixture, summaries, textAt } from './referenceKit';

describe('Serverless references', () => {
	describe('provider.profile', () => {
		it('finds a plain profile, underlining the name', () => {
			const text = 'service: s\nprovider:\n  name: aws\n  profile: my-profile # comment\n';
			assert.deepEqual(summaries('serverless.yml', text), [
				{ status: 'resolved', key: 'provider.profile', name: 'my-profile', underlined: 'my-profile', renamed: 'my-profile', stages: [] },
			]);
		});

		it('finds a quoted profile, underlining inside the quotes', () => {
			const [reference] = summaries('serverless.yml', 'provider:\n  profile: \'quoted\'\n');
			assert.equal(reference.underlined, 'quoted');
		});

		it('gives nothing without a profile, or with an empty one', () => {
			assert.deepEqual(summaries('serverless.yml', 'provider:\n  name: aws\n'), []);
			assert.deepEqual(summaries('serverless.yml', 'provider:\n  profile:\n'), []);
			assert.deepEqual(summaries('serverless.yml', 'provider:\n  profile: ""\n'), []);
			assert.deepEqual(summaries('serverless.yml', 'provider: aws\n'), []);
		});

		it('reads serverless.yaml and serverless.json', () => {
			assert.equal(summaries('serverless.yaml', 'provider:\n  profile: y\n')[0].name, 'y');
			assert.deepEqual(summaries('serverless.json', fixture('json/serverless.json')).map((summary) => [summary.name, summary.underlined]),
				[['json-profile', 'json-profile']]);
		});
	});

	describe('a profile per stage', () => {
		const text = fixture('per-stage/serverless.yml');

		it('resolves the profile for every stage the map declares, each on its own value', () => {
			assert.deepEqual(summaries('serverless.yml', text).map((summary) => [summary.stages, summary.name, summary.underlined, summary.renamed]), [
				[['dev'], 'acme-dev', 'acme-dev', 'acme-dev'],
				[['staging'], 'acme-staging', 'acme-staging', 'acme-staging'],
				[['prod'], 'acme-prodution', 'acme-prodution', 'acme-prodution'],
			]);
		});

		it('points back at the expression the tool reads', () => {
			const references = findProfileReferences('serverless.yml', text);
			for (const reference of references) {
				assert.equal(checkedText(text, reference.expressionRange!), '${self:custom.profiles.${sls:stage}}');
			}
			assert.equal(references[2].range.line, 9);
		});

		it('resolves one stage only when asked', () => {
			assert.deepEqual(summaries('serverless.yml', text, { stage: 'staging' }).map((summary) => summary.name), ['acme-staging']);
		});

		it('is an error for a declared stage the map lacks', () => {
			const withParams = `${text}\nparams:\n  qa:\n    x: 1\n`;
			const qa = summaries('serverless.yml', withParams).find((summary) => summary.stages.includes('qa'));
			assert.deepEqual(qa && [qa.status, qa.error, qa.underlined], ['error', 'self-path-not-found', '${self:custom.profiles.${sls:stage}}']);
		});

		it('takes the literal fallback of the stage as a stage, and its own value', () => {
			const source = 'custom:\n  profiles:\n    prod: p\n    qa: q\nprovider:\n  stage: ${opt:stage, \'prod\'}\n  profile: ${self:custom.profiles.${sls:stage}}\n';
			assert.deepEqual(summaries('serverless.yml', source).map((summary) => [summary.stages, summary.name]), [[['prod'], 'p'], [['qa'], 'q']]);
		});

		it('merges the stages that resolve to the same place', () => {
			const source = 'params:\n  prod:\n    profile: p\n  qa: {}\n  default:\n    profile: shared\nprovider:\n  profile: ${param:profile}\n';
			assert.deepEqual(summaries('serverless.yml', source).map((summary) => [summary.stages, summary.name]),
				[[['dev', 'qa'], 'shared'], [['prod'], 'p']]);
		});

		it('nests variables in addresses and fallbacks', () => {
			const source = 'custom:\n  accounts:\n    dev:\n      profile: nested-dev\nprovider:\n'
				+ '  profile: ${self:custom.accounts.${opt:stage, self:provider.stage}.profile, \'none\'}\n';
			assert.deepEqual(summaries('serverless.yml', source).map((summary) => [summary.stages, summary.name, summary.underlined]),
				[[['dev'], 'nested-dev', 'nested-dev']]);
		});
	});

	describe('Serverless v4', () => {
		const text = fixture('v4/serverless.yml');
		const dotenvFiles = [
			{ file: '/project/.env', text: '# shared\nOTHER=1\n' },
			{ file: '/project/.env.prod', text: 'PROD_ACCOUNT_PROFILE=prod-from-dotenv\n' },
		];

		it('reads stages.<stage>.params and stages.<stage>.resolvers.<name>.profile', () => {
			assert.deepEqual(summaries('serverless.yml', text).map((summary) => [summary.key, summary.stages, summary.status, summary.name ?? summary.why]), [
				['provider.profile', ['dev'], 'resolved', 'v4-default'],
				['provider.profile', ['prod'], 'resolved', 'v4-prod'],
				['stages.default.resolvers.shared-account.profile', [], 'resolved', 'shared-resolver'],
				['stages.prod.resolvers.prod-account.profile', ['prod'], 'not-checked', 'env-unset'],
			]);
		});

		it('reads ${env:X} from the stage\'s .env file, which is where a rename goes', () => {
			const references = findServerlessReferences('/project/serverless.yml', text, { dotenvFiles });
			const resolver = references.find((reference) => reference.key.startsWith('stages.prod.resolvers')) as ProfileReference & { status: 'resolved' };
			assert.equal(resolver.name, 'prod-from-dotenv');
			assert.equal(textAt(text, resolver.range), '${env:PROD_ACCOUNT_PROFILE}');
			assert.equal(resolver.rename?.file, '/project/.env.prod');
			assert.equal(textAt(dotenvFiles[1].text, resolver.rename!.range), 'prod-from-dotenv');
		});

		it('lets the environment given win over the .env files', () => {
			const references = findServerlessReferences('serverless.yml', 'provider:\n  profile: ${env:P}\n', {
				env: { P: 'from-environment' }, dotenvFiles: [{ file: '.env', text: 'P=from-file\n' }],
			});
			assert.deepEqual(references.map((reference) => reference.status === 'resolved' && [reference.name, reference.rename]), [['from-environment', undefined]]);
		});
	});

	describe('.env files by version', () => {
		const dotenvFiles = [{ file: '.env', text: 'P=default-file\n' }, { file: '.env.prod', text: 'P=prod-file\n' }];
		const names = (text: string): string[][] => findServerlessReferences('serverless.yml', text, { dotenvFiles })
			.map((reference) => [reference.stages.join(','), reference.status === 'resolved' ? reference.name : reference.status]);

		it('v4 (or no frameworkVersion): .env.<stage> over .env, and .env.<stage> names a stage', () => {
			assert.deepEqual(names('provider:\n  profile: ${env:P}\n'), [['dev', 'default-file'], ['prod', 'prod-file']]);
		});

		it('v3 with useDotenv: one file, the stage\'s if there is one', () => {
			assert.deepEqual(names('frameworkVersion: \'3\'\nuseDotenv: true\nprovider:\n  profile: ${env:P}\n'), [['dev', 'default-file'], ['prod', 'prod-file']]);
		});

		it('v3 without useDotenv, or useDotenv: false: none', () => {
			assert.deepEqual(names('frameworkVersion: \'3\'\nprovider:\n  profile: ${env:P}\n'), [['', 'not-checked']]);
			assert.deepEqual(names('useDotenv: false\nprovider:\n  profile: ${env:P}\n'), [['', 'not-checked']]);
		});
	});

	describe('what is not checked', () => {
		it('${file(...)} is never read nor run', () => {
			assert.deepEqual(summaries('serverless.yml', 'provider:\n  profile: ${file(./config.js):profile}\n'), [
				{ status: 'not-checked', key: 'provider.profile', why: 'file-source', underlined: '${file(./config.js):profile}', stages: [] },
			]);
		});

		it('${ssm:...} stops there even with a fallback', () => {
			assert.equal(summaries('serverless.yml', 'provider:\n  profile: ${ssm:/p, \'x\'}\n')[0].why, 'remote-source');
		});

		it('a custom variableSyntax makes every reference not-checked', () => {
			const text = fixture('legacy-syntax/serverless.yml');
			assert.deepEqual(summaries('serverless.yml', text), [
				{ status: 'not-checked', key: 'provider.profile', why: 'custom-variable-syntax', underlined: '${{self:custom.profile}}', stages: [] },
			]);
		});

		it('an environment variable nobody set, without a fallback', () => {
			assert.equal(summaries('serverless.yml', 'provider:\n  profile: ${env:DEPLOY_PROFILE}\n')[0].why, 'env-unset');
		});
	});

	describe('CloudFormation tags', () => {
		it('parses a file full of them, and finds the profile with its fallback', () => {
			const text = fixture('cloudformation/serverless.yml');
			assert.deepEqual(summaries('serverless.yml', text), [
				{ status: 'resolved', key: 'provider.profile', name: 'cfn-deployer', underlined: 'cfn-deployer', renamed: 'cfn-deployer', stages: [] },
			]);
			const [reference] = findProfileReferences('serverless.yml', text);
			assert.equal(textAt(text, reference.expressionRange!), '${env:DEPLOY_PROFILE, \'cfn-deployer\'}');
		});

		it('a profile given by a tag is not-checked', () => {
			assert.deepEqual(summaries('serverless.yml', 'provider:\n  profile: !Ref ProfileName\n').map((summary) => [summary.why, summary.underlined]),
				[['cloudformation-function', 'ProfileName']]);
			assert.equal(summaries('serverless.yml', 'provider:\n  profile: !Join [ "-", [ a, b ] ]\n')[0].why, 'cloudformation-function');
			assert.equal(summaries('serverless.yml', 'provider:\n  profile: !If\n    - Cond\n    - a\n    - b\n')[0].why, 'cloudformation-function');
		});
	});

	describe('warnings', () => {
		it('warns of an unquoted fallback in the profile\'s expression', () => {
			const text = 'provider:\n  profile: ${opt:aws-profile, my-profile}\n';
			const [reference] = findProfileReferences('serverless.yml', text);
			assert.deepEqual(reference.warnings.map((warning) => [warning.code, warning.word, checkedText(text, warning.range)]),
				[['unquoted-fallback', 'my-profile', 'my-profile']]);
		});

		it('warns of an unquoted fallback in provider.stage when the profile depends on the stage', () => {
			const text = 'custom:\n  profiles:\n    dev: d\nprovider:\n  stage: ${opt:stage, dev}\n  profile: ${self:custom.profiles.${sls:stage}}\n';
			const [reference] = findProfileReferences('serverless.yml', text);
			assert.deepEqual(reference.warnings.map((warning) => [warning.word, warning.range.line]), [['dev', 4]]);
		});
	});

	describe('serverless.ts and serverless.js, read as text', () => {
		it('resolves the string values of the object literal, variables included', () => {
			const text = fixture('typescript/serverless.ts.txt') /* not .ts: tsc would compile it */;
			assert.deepEqual(summaries('serverless.ts', text).map((summary) => [summary.stages, summary.name, summary.underlined]), [
				[['dev'], 'ts-dev', 'ts-dev'],
				[['prod'], 'ts-prod', 'ts-prod'],
			]);
		});

		it('does not check a value computed by code', () => {
			const text = fixture('javascript/serverless.js');
			assert.deepEqual(summaries('serverless.js', text), [
				{ status: 'not-checked', key: 'provider.profile', why: 'code', underlined: 'process.env.AWS_PROFILE || `js-${stage}`', stages: [] },
			]);
		});

		it('reads `export default` and a function returning the object', () => {
			assert.equal(summaries('serverless.ts', 'export default { service: "s", provider: { profile: `tpl` } } satisfies X;')[0].name, 'tpl');
			assert.equal(summaries('serverless.js', 'module.exports = async () => {\n  return { service: \'s\', provider: { profile: \'fn\' } };\n};')[0].name, 'fn');
		});
	});

	describe('malformed files', () => {
		for (const [name, text] of [
			['serverless.yml', fixture('malformed/serverless.yml')],
			['serverless.yml', 'a: b: c\n'],
			['serverless.yml', 'provider:\n  profile: x\nprovider:\n  profile: y\n'],
			['serverless.yml', '---\na: 1\n---\nb: 2\n'],
			['serverless.yml', '\t- [\n'],
			['serverless.json', '{ "provider": { "profile": "x" } '],
			['serverless.json', '// c\n{ "provider": { "profile": "x" } }'],
			['serverless.ts', 'const x = {{{{ provider: { profile: "x"'],
			['serverless.js', '/* unterminated'],
			['serverless.yml', ''],
		]) {
			it(`gives no reference and no exception: ${name} ${JSON.stringify(text).slice(0, 40)}`, () => {
				assert.deepEqual(findProfileReferences(name, text), []);
			});
		}
	});
});
