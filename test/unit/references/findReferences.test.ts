/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Which files are reference files, and that no text makes a finder throw. The references found in a file
// (input file, expected references) are cases of test/fixtures/references/cases.json, run by fixtureTable.test.ts.

import * as assert from 'node:assert/strict';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { isReferenceFile, referenceFileKind } from '../../../src/core/references/referenceFiles';
import { fixture } from './referenceKit';

describe('Finding references', () => {
	it('knows the reference files by base name', () => {
		const cases: [string, string | undefined][] = [
			['/p/serverless.yml', 'serverless'], ['serverless.yaml', 'serverless'], ['serverless.json', 'serverless'],
			['serverless.ts', 'serverless'], ['serverless.js', 'serverless'], ['serverless.mjs', 'serverless'],
			['up.json', 'up'], ['zappa_settings.json', 'zappa'], ['zappa_settings.yml', 'zappa'], ['zappa_settings.toml', 'zappa'],
			['samconfig.toml', 'sam'], ['samconfig.yaml', 'sam'], ['cdk.json', 'cdk'], ['infra/main.tf', 'terraform'],
			['Pulumi.dev.yaml', 'pulumi'], ['.env', 'dotenv'], ['.env.prod', 'dotenv'], ['package.json', 'package-json'],
			['serverless-compose.yml', undefined], ['Pulumi.yaml', undefined], ['.env.example', undefined], ['main.tf.json', undefined],
			['serverless.yml.bak', undefined], ['cdk.context.json', undefined],
		];
		for (const [name, kind] of cases) {
			assert.equal(referenceFileKind(name), kind, name);
			assert.equal(isReferenceFile(name), kind !== undefined, name);
		}
	});

	describe('malformed files give no references and no exception', () => {
		const broken = ['{', '[', '"', '\'', '${', '}}}', '\u0000\uffff', 'a: [\n', '{"a": }', '[x\ny = "', '<<EOF\n', '/*', '`${'];
		const names = ['serverless.yml', 'serverless.json', 'serverless.ts', 'up.json', 'zappa_settings.json', 'zappa_settings.toml',
			'zappa_settings.yml', 'samconfig.toml', 'samconfig.yaml', 'cdk.json', 'main.tf', 'Pulumi.dev.yaml', 'package.json'];
		for (const name of names) {
			it(name, () => {
				for (const text of broken) {
					assert.deepEqual(findProfileReferences(name, text), [], JSON.stringify(text));
				}
			});
		}

		it('truncated versions of every fixture', () => {
			const files: [string, string][] = [
				['serverless.yml', 'per-stage/serverless.yml'], ['serverless.yml', 'cloudformation/serverless.yml'],
				['serverless.ts', 'typescript/serverless.ts.txt'], ['zappa_settings.toml', 'zappa/zappa_settings.toml'],
				['samconfig.toml', 'sam/samconfig.toml'], ['main.tf', 'terraform/main.tf'], ['package.json', 'scripts/package.json'],
			];
			for (const [name, file] of files) {
				const text = fixture(file);
				for (let length = 0; length < text.length; length += 7) {
					assert.doesNotThrow(() => findProfileReferences(name, text.slice(0, length)));
				}
			}
		});
	});
});
