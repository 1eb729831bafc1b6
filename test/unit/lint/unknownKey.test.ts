/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../../src/core/lint/didYouMean';
import { assertClean, assertFix, findingsOf, keyId, keys, secret, textAt } from './lintKit';

describe('lint: aws-files/unknown-key', () => {
	it('reports a misspelt key, with the close ones as fixes', () => {
		const texts = { config: '[profile dev]\nregoin = us-east-1\n' };
		const [finding] = findingsOf('aws-files/unknown-key', texts);
		assert.equal(finding.severity, 'warning');
		assert.equal(textAt(texts, finding), 'regoin');
		assert.match(finding.message, /Did you mean 'region'\?/);
		assertFix('aws-files/unknown-key', texts, { config: '[profile dev]\nregion = us-east-1\n' });
	});

	it('recognises a key with words missing', () => {
		assertFix('aws-files/unknown-key',
			{ credentials: `[dev]\naws_access_key_id = ${keyId}\naws_secret_key = ${secret}\n` },
			{ credentials: keys('dev') });
	});

	it('checks the keys of an s3 block and of an sso-session', () => {
		assertFix('aws-files/unknown-key',
			{ config: '[profile dev]\nregion = us-east-1\ns3 =\n  max_concurent_requests = 20\n' },
			{ config: '[profile dev]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = 20\n' });
		const session = findingsOf('aws-files/unknown-key', {
			config: '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\n',
		});
		assert.match(session[0].message, /profile setting/);
	});

	it('knows the keys the SDKs, the AWS CLI and the credential tools read', () => {
		assertClean({
			config: '[profile dev]\nregion = us-east-1\noutput = json\nca_bundle = /etc/ca.pem\nendpoint_url = http://localhost:4566\n'
				+ 'retry_mode = standard\nmax_attempts = 5\ncli_pager =less\ninclude_profile = base\nmfa_process = op read x\n'
				+ 'granted_sso_start_url = https://corp.awsapps.com/start\nx_principal_arn = arn:aws:iam::123456789012:user/me\n'
				+ 'sso_auto_populated = true\nazure_tenant_id = abc\nservices = local\n'
				+ 's3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n'
				+ '[services local]\ns3 =\n  endpoint_url = http://localhost:4566\n[profile base]\nregion = us-east-1\n',
			credentials: keys('dev').replace(/\n$/, '\naws_expiration = 2030-01-01T00:00:00Z\nx_security_token_expires = 2030-01-01T00:00:00Z\n') + keys('base'),
		});
	});

	it('suggests by edit distance and by the words of a key', () => {
		assert.equal(editDistance('regoin', 'region'), 1);
		assert.equal(editDistance('kitten', 'sitting'), 3);
		assert.deepEqual(didYouMean('aws_secret_key', ['aws_secret_access_key', 'aws_session_token', 'region']), ['aws_secret_access_key']);
		assert.deepEqual(didYouMean('zzzz', ['region']), []);
	});
});
