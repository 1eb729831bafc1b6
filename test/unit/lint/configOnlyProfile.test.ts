/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { legacySdkUsesOf } from '../../../src/core/references/legacySdkUses';
import { assertClean, findingsOf, keys, textAt } from './lintKit';

describe('lint: aws-files/config-only-profile', () => {
	const texts = { config: '[profile sso]\nregion = us-east-1\n[profile both]\nregion = us-east-1\n', credentials: keys('both') };
	const v3 = (profile: string, file = 'api/serverless.yml') => ({ legacySdkUses: [{ profile, file }] });

	it('is quiet when no Serverless v3 project names the profile', () => {
		assertClean(texts);
	});

	it('reports, as info on its header, a config-only profile that a Serverless v3 project names', () => {
		const findings = findingsOf('aws-files/config-only-profile', texts, v3('sso'));
		assert.deepEqual(findings.map((finding) => textAt(texts, finding)), ['[profile sso]']);
		assert.equal(findings[0].severity, 'info');
		assert.match(findings[0].message, /^api\/serverless\.yml uses this profile with Serverless Framework v3.*AWS_SDK_LOAD_CONFIG=1/);
	});

	it('is quiet for a profile in the credentials file too, or one that does not exist', () => {
		assertClean(texts, v3('both'));
		assertClean(texts, v3('missing'));
	});

	it('finds the profiles of projects pinned before v4, and only those', () => {
		const file = (version: string) => `${version}provider:\n  name: aws\n  profile: sso\n`;
		const uses = (text: string) => legacySdkUsesOf('serverless.yml', text, () => findProfileReferences('serverless.yml', text), 'api/serverless.yml');
		assert.deepEqual(uses(file('frameworkVersion: \'3\'\n')), [{ profile: 'sso', file: 'api/serverless.yml' }]);
		assert.deepEqual(uses(file('frameworkVersion: ^2.72.0\n')), [{ profile: 'sso', file: 'api/serverless.yml' }]);
		assert.deepEqual(uses(file('frameworkVersion: \'4\'\n')), []);
		assert.deepEqual(uses(file('')), [], 'no frameworkVersion: the newest, v4');
		assert.deepEqual(legacySdkUsesOf('up.json', '{"profile": "sso"}', () => findProfileReferences('up.json', '{"profile": "sso"}')), []);
	});
});
