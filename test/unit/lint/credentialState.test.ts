/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { assertClean, findingsOf, keyId, keys, secret, tempKeyId, textAt } from './lintKit';

function temporary(expiry: string, key = 'aws_expiration'): { credentials: string } {
	return {
		credentials: `[dev]\naws_access_key_id = ${tempKeyId}\naws_secret_access_key = ${secret}\naws_session_token = FwoGZXIvYXdzEJr//token\n${key} = ${expiry}\n`,
	};
}

describe('lint: credential state', () => {
	describe('aws-files/expired-credentials', () => {
		it('reports temporary keys past their aws_expiration', () => {
			const texts = temporary('2026-06-01T11:00:00Z');
			const [finding] = findingsOf('aws-files/expired-credentials', texts);
			assert.equal(finding.severity, 'warning');
			assert.equal(textAt(texts, finding), '2026-06-01T11:00:00Z');
			assert.match(finding.message, /expired at 2026-06-01T11:00:00.000Z/);
		});

		it('reads x_security_token_expires too (saml2aws)', () => {
			assert.equal(findingsOf('aws-files/expired-credentials', temporary('2026-05-31T10:00:00+02:00', 'x_security_token_expires')).length, 1);
		});

		it('is quiet before the expiry, and for long-term keys', () => {
			assertClean(temporary('2026-06-01T13:00:00Z'));
			assertClean({ credentials: keys('dev') + 'aws_expiration = 2020-01-01T00:00:00Z\n' });
		});
	});

	describe('aws-files/root-user-keys', () => {
		const texts = { credentials: keys('dev') };

		it('warns on keys that verification found to be the root user\'s', () => {
			const [finding] = findingsOf('aws-files/root-user-keys', texts, { verification: new Map([['dev', { rootUser: true }]]) });
			assert.equal(finding.severity, 'warning');
			assert.equal(textAt(texts, finding), 'aws_access_key_id');
			assert.match(finding.message, /root user/);
			assert.ok(!finding.message.includes(keyId));
		});

		it('is quiet without that knowledge, or for other users', () => {
			assertClean(texts);
			assertClean(texts, { verification: new Map([['dev', { rootUser: false }]]) });
		});
	});
});
