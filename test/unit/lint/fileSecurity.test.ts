/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { assertClean, assertFix, findingsOf, keyId, keys, secret, textAt } from './lintKit';

describe('lint: where secrets are', () => {
	describe('aws-files/secrets-in-config', () => {
		const config = `[profile dev]\nregion = us-east-1\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\noutput = json\n`;

		it('reports a secret in the config file, as info, without showing it', () => {
			const texts = { config };
			const [finding] = findingsOf('aws-files/secrets-in-config', texts);
			assert.equal(finding.severity, 'info');
			assert.equal(textAt(texts, finding), 'aws_secret_access_key');
			assert.ok(!finding.message.includes(secret));
		});

		it('moves the keys to a new section of the credentials file', () => {
			assertFix('aws-files/secrets-in-config', { config, credentials: keys('other') },
				{ config: '[profile dev]\nregion = us-east-1\noutput = json\n', credentials: `${keys('other')}\n${keys('dev')}` });
		});

		it('moves the keys into the profile\'s existing section, and creates the file if needed', () => {
			assertFix('aws-files/secrets-in-config', { config, credentials: '[dev]\n# keys\n' },
				{ config: '[profile dev]\nregion = us-east-1\noutput = json\n', credentials: `${keys('dev')}# keys\n` });
			assertFix('aws-files/secrets-in-config', { config },
				{ config: '[profile dev]\nregion = us-east-1\noutput = json\n', credentials: keys('dev') });
		});

		it('is quiet when the secrets are in the credentials file', () => {
			assertClean({ config: '[profile dev]\nregion = us-east-1\n', credentials: keys('dev') });
		});
	});

	describe('aws-files/file-permissions', () => {
		const texts = { credentials: keys('dev') };

		it('warns on line 1 of a file others can read, with a chmod action', () => {
			const [finding] = findingsOf('aws-files/file-permissions', texts, { fileModes: { credentials: 0o100644 }, platform: 'linux' });
			assert.equal(finding.severity, 'warning');
			assert.equal(finding.range.line, 0);
			assert.match(finding.message, /mode 0644/);
			assert.deepEqual(finding.fixes, [{
				kind: 'action', title: 'Make the file readable by you only (chmod 600)', action: { kind: 'chmod', file: 'credentials', mode: 0o600 }, isPreferred: true,
			}]);
		});

		it('is quiet on 0600, on Windows, and without modes', () => {
			assertClean(texts, { fileModes: { credentials: 0o100600 }, platform: 'linux' });
			assertClean(texts, { fileModes: { credentials: 0o100644 }, platform: 'windows' });
			assertClean(texts);
		});
	});
});
