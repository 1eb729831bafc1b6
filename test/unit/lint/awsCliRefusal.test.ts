/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { readAwsCli } from '../../../src/core/readings/awsCliReader';
import type { FileTexts } from '../../../src/core/readings/reading';
import { assertClean, assertFix, findingsOf, keys, textAt } from './lintKit';

function assertCliReads(texts: FileTexts): void {
	const result = readAwsCli(texts);
	assert.ok(result.ok, result.ok ? '' : result.error);
}

describe('lint: aws-files/aws-cli-refuses-file', () => {
	it('reports a key set twice in two cases, as an error on the second', () => {
		const texts = { config: '[profile dev]\nregion = eu-west-1\nRegion = us-east-1\n' };
		assert.equal(readAwsCli(texts).ok, false);
		const [finding] = findingsOf('aws-files/aws-cli-refuses-file', texts);
		assert.equal(finding.severity, 'error');
		assert.equal(textAt(texts, finding), 'Region');
		assert.match(finding.message, /AWS CLI and boto3 \(SAM, Zappa\) refuse the whole config file/);
		assert.deepEqual(finding.related?.map((related) => related.range.line), [1]);
	});

	it('keeps the later definition, in lower case', () => {
		const fixed = { config: '[profile dev]\nregion = us-east-1\n' };
		assertFix('aws-files/aws-cli-refuses-file', { config: '[profile dev]\nregion = eu-west-1\nRegion = us-east-1\n' }, fixed);
		assertCliReads(fixed);
	});

	it('merges a section header written twice', () => {
		const texts = { credentials: `${keys('dev')}[dev]\nregion = eu-west-1\n` };
		assert.equal(readAwsCli(texts).ok, false);
		const fixed = { credentials: keys('dev').replace(/\n$/, '\nregion = eu-west-1\n') };
		assertFix('aws-files/aws-cli-refuses-file', texts, fixed);
		assertCliReads(fixed);
	});

	it('removes a byte order mark', () => {
		const texts = { config: '\ufeff[profile dev]\nregion = eu-west-1\n' };
		assert.equal(readAwsCli(texts).ok, false);
		assertFix('aws-files/aws-cli-refuses-file', texts, { config: '[profile dev]\nregion = eu-west-1\n' });
	});

	it('is quiet on a file the AWS CLI reads', () => {
		const texts = { config: '[profile dev]\nregion = eu-west-1\n[profile prod]\nregion = eu-west-1\n' };
		assertCliReads(texts);
		assertClean(texts);
	});
});
