/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What of a Serverless reference a summary does not hold: the lines it points at. The references found in a
// Serverless file (input file, expected references) are cases of test/fixtures/references/cases.json, run by
// fixtureTable.test.ts.

import * as assert from 'node:assert/strict';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { checkedText, fixture } from './referenceKit';

describe('Serverless references', () => {
	describe('a profile per stage', () => {
		const text = fixture('per-stage/serverless.yml');

		it('points back at the expression the tool reads', () => {
			const references = findProfileReferences('serverless.yml', text);
			for (const reference of references) {
				assert.equal(checkedText(text, reference.expressionRange!), '${self:custom.profiles.${sls:stage}}');
			}
			assert.equal(references[2].range.line, 9);
		});
	});

	describe('warnings', () => {
		it('warns of an unquoted fallback in provider.stage when the profile depends on the stage', () => {
			const text = 'custom:\n  profiles:\n    dev: d\nprovider:\n  stage: ${opt:stage, dev}\n  profile: ${self:custom.profiles.${sls:stage}}\n';
			const [reference] = findProfileReferences('serverless.yml', text);
			assert.deepEqual(reference.warnings.map((warning) => [warning.word, warning.range.line]), [['dev', 4]]);
		});
	});
});
