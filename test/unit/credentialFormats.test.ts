/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { checkRegionName, checkRegistrationScopes, checkRoleSessionName } from '../../src/core/editing/credentialFormats';

describe('Credential formats', () => {
	describe('role session name', () => {
		it('takes what STS allows: 2 to 64 of letters, digits and + = , . @ _ -, or nothing', () => {
			for (const name of ['', 'ci', 'deploy-bot', 'me@example.com', 'a+b=c,d.e_f-g', 'x'.repeat(64)]) {
				assert.equal(checkRoleSessionName(name).level, 'ok', name);
			}
		});

		it('refuses spaces, other characters, one character and more than 64', () => {
			for (const name of ['bad session name!', 'a', 'x'.repeat(65), 'name!', 'a/b', 'caf\u00e9']) {
				assert.equal(checkRoleSessionName(name).level, 'error', name);
			}
		});
	});

	describe('SSO registration scopes', () => {
		it('takes colon-joined scopes separated by commas, or nothing', () => {
			for (const scopes of ['', 'sso:account:access', 'sso:account:access,codewhisperer:completions', 'sso:account:access, codewhisperer:analysis']) {
				assert.equal(checkRegistrationScopes(scopes).level, 'ok', scopes);
			}
		});

		it('refuses what is not a scope: an account ID, a word, an empty item', () => {
			for (const scopes of ['111122223333', 'access', 'sso:account:access,', 'sso:account:access 111122223333', ':access']) {
				assert.equal(checkRegistrationScopes(scopes).level, 'error', scopes);
			}
		});
	});

	describe('region typed by hand', () => {
		it('is quiet for a known region or none', () => {
			for (const region of ['', 'eu-west-1', 'us-gov-west-1', 'cn-north-1']) {
				assert.equal(checkRegionName(region).level, 'ok', region);
			}
		});

		it('warns, as the lint does, for a region this version does not know and for what is no region at all', () => {
			const unknown = checkRegionName('eu-west-4');
			assert.ok(unknown.level === 'warning' && /new region, or a typo/.test(unknown.message));
			for (const region of ['us-east', 'US-EAST-1', 'us-east-1a']) {
				assert.equal(checkRegionName(region).level, 'warning', region);
			}
		});
	});
});
