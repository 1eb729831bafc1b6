/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { assertClean, findingsOf, textAt } from './lintKit';

describe('lint: aws-files/naming-pattern', () => {
	const texts = { config: '[profile dev-app]\nregion = us-east-1\n[profile Scratch]\nregion = us-east-1\n' };

	it('reports names that do not match the whole pattern, as info', () => {
		const findings = findingsOf('aws-files/naming-pattern', texts, { options: { namingPattern: '(dev|prod)-[a-z]+' } });
		assert.deepEqual(findings.map((finding) => textAt(texts, finding)), ['[profile Scratch]']);
		assert.equal(findings[0].severity, 'info');
	});

	it('gives one finding for a pattern that is not a regular expression, and checks nothing', () => {
		const findings = findingsOf('aws-files/naming-pattern', texts, { options: { namingPattern: '(dev' } });
		assert.equal(findings.length, 1);
		assert.equal(findings[0].severity, 'warning');
		assert.match(findings[0].message, /not a valid regular expression/);
	});

	it('checks nothing without a pattern', () => {
		assertClean(texts);
	});
});
