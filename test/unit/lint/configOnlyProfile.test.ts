/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { assertClean, findingsOf, keys, textAt } from './lintKit';

describe('lint: aws-files/config-only-profile', () => {
	const texts = { config: '[profile sso]\nregion = us-east-1\n[profile both]\nregion = us-east-1\n', credentials: keys('both') };
	const on = { options: { rules: { 'aws-files/config-only-profile': 'hint' as const } } };

	it('is off by default', () => {
		assertClean(texts);
	});

	it('when enabled, hints at a profile only in the config file', () => {
		const findings = findingsOf('aws-files/config-only-profile', texts, on);
		assert.deepEqual(findings.map((finding) => textAt(texts, finding)), ['[profile sso]']);
		assert.equal(findings[0].severity, 'hint');
		assert.match(findings[0].message, /AWS_SDK_LOAD_CONFIG=1/);
	});
});
