/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { assertClean, assertFix, findingsOf, keyId, keys, lint, secret, tempKeyId, textAt } from './lintKit';

function credentials(id: string, key: string, extra = ''): { credentials: string } {
	return { credentials: `[dev]\naws_access_key_id = ${id}\naws_secret_access_key = ${key}\n${extra}` };
}

/** No message may hold the secret, nor the whole key id. */
function assertNothingLeaks(texts: { credentials: string }, ...values: string[]): void {
	for (const finding of lint(texts)) {
		for (const value of values) {
			assert.ok(!finding.message.includes(value), `${finding.ruleId} shows a secret: ${finding.message}`);
		}
	}
}

describe('lint: access keys', () => {
	it('accepts a well-formed key pair', () => {
		assertClean({ credentials: keys('dev') });
	});

	describe('aws-files/access-key-format', () => {
		it('reports a key id of the wrong shape', () => {
			const texts = credentials('AKIA2Z3Y4X5W6V7U8T9', secret);
			const [finding] = findingsOf('aws-files/access-key-format', texts);
			assert.equal(finding.severity, 'warning');
			assert.equal(textAt(texts, finding), 'AKIA2Z3Y4X5W6V7U8T9');
			assert.match(finding.message, /AKIA or ASIA followed by 16/);
		});

		it('names another IAM id put where the key id goes', () => {
			const [finding] = findingsOf('aws-files/access-key-format', credentials('AIDAJQABLZS4A3QDU576', secret));
			assert.match(finding.message, /IAM user/);
			assert.ok(!finding.message.includes('AIDAJQABLZS4A3QDU576'));
		});

		it('reports a secret of the wrong shape, without showing it', () => {
			const cut = secret.slice(0, 39);
			const texts = credentials(keyId, cut);
			const [finding] = findingsOf('aws-files/access-key-format', texts);
			assert.match(finding.message, /40 characters/);
			assertNothingLeaks(texts, cut);
		});

		it('removes quotes around a key', () => {
			assertFix('aws-files/access-key-format', credentials(`"${keyId}"`, secret), credentials(keyId, secret));
		});

		it('swaps a key id and a secret written the wrong way round', () => {
			const texts = credentials(secret, keyId);
			assertNothingLeaks(texts, secret);
			assertFix('aws-files/access-key-format', texts, credentials(keyId, secret));
		});
	});

	describe('aws-files/incomplete-keys', () => {
		it('reports a key id without its secret, as an error', () => {
			const texts = { credentials: `[dev]\naws_access_key_id = ${keyId}\n` };
			const [finding] = findingsOf('aws-files/incomplete-keys', texts);
			assert.equal(finding.severity, 'error');
			assert.equal(textAt(texts, finding), 'aws_access_key_id');
		});

		it('reports a secret without its key id', () => {
			assert.equal(findingsOf('aws-files/incomplete-keys', { credentials: `[dev]\naws_secret_access_key = ${secret}\n` }).length, 1);
		});

		it('accepts a pair split over the two files', () => {
			assertClean({ config: `[profile dev]\naws_access_key_id = ${keyId}\n`, credentials: `[dev]\naws_secret_access_key = ${secret}\n` });
		});
	});

	describe('aws-files/session-token-mismatch', () => {
		it('reports a temporary key id without a session token', () => {
			const [finding] = findingsOf('aws-files/session-token-mismatch', credentials(tempKeyId, secret));
			assert.equal(finding.severity, 'warning');
			assert.match(finding.message, /ASIA/);
		});

		it('reports a session token beside a long-term key id, and removes it', () => {
			const texts = credentials(keyId, secret, 'aws_session_token = FwoGZXIvYXdzEJr//////////token\n');
			assertFix('aws-files/session-token-mismatch', texts, credentials(keyId, secret), { title: 'Remove aws_session_token' });
		});

		it('accepts temporary keys with their token', () => {
			assertClean(credentials(tempKeyId, secret, 'aws_session_token = FwoGZXIvYXdzEJr//////////token\n'));
		});
	});

	describe('aws-files/example-keys', () => {
		it('reports the documentation\'s example keys', () => {
			const texts = credentials('AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
			const findings = findingsOf('aws-files/example-keys', texts);
			assert.deepEqual(findings.map((finding) => textAt(texts, finding)), ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
			assert.equal(findings[0].severity, 'warning');
			assertNothingLeaks(texts, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
		});

		it('is quiet on other keys', () => {
			assert.deepEqual(findingsOf('aws-files/example-keys', credentials(keyId, secret)), []);
		});
	});
});
