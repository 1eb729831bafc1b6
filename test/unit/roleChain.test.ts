/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the shared suites (roleChain.suites.test.ts) leave open.

import * as assert from 'node:assert/strict';
import { describeChainError, resolveRoleChain } from '../../src/core/model/roleChain';
import { fakeProfileSetOf, PlainSections } from './fakeProfileSet';

const roleArn = 'arn:aws:iam::123456789012:role/Admin';

function chainOf(profiles: PlainSections, selected: string, ssoSessions: PlainSections = {}) {
	return resolveRoleChain(fakeProfileSetOf(profiles, ssoSessions), selected);
}

describe('Role chains beyond the suites', () => {
	it('reports a selected profile that does not exist, referenced from nothing', () => {
		const result = chainOf({ a: {} }, 'b');
		assert.deepEqual(!result.ok && result.error, { code: 'missing-profile', profile: 'b' });
		assert.equal(!result.ok && describeChainError(result.error), 'profile `b` was not found');
	});

	it('names every profile of a loop, in the order followed', () => {
		const result = chainOf({ a: { role_arn: roleArn, source_profile: 'b' }, b: { role_arn: roleArn, source_profile: 'a' } }, 'a');
		assert.deepEqual(!result.ok && result.error, { code: 'cycle', profiles: ['a', 'b'], next: 'a' });
		assert.equal(!result.ok && describeChainError(result.error), 'profile formed an infinite loop: a -> b -> a');
	});

	it('lists the profiles followed before an error', () => {
		const result = chainOf({ a: { role_arn: roleArn, source_profile: 'b' }, b: { role_arn: roleArn, source_profile: 'c' }, c: {} }, 'a');
		assert.deepEqual(result.visited, ['a', 'b', 'c']);
	});

	it('uses the credential_source of a source profile without role_arn', () => {
		const result = chainOf({ a: { role_arn: roleArn, source_profile: 'b' }, b: { credential_source: 'Environment' } }, 'a');
		assert.ok(result.ok);
		assert.deepEqual(result.chain.base, { profile: 'b', provider: { kind: 'credential-source', name: 'Environment' } });
	});

	it('uses an SSO source profile, with its sso-session resolved', () => {
		const result = chainOf(
			{ a: { role_arn: roleArn, source_profile: 'b' }, b: { sso_session: 's', sso_account_id: '1', sso_role_name: 'R' } },
			'a',
			{ s: { sso_start_url: 'https://s.awsapps.com/start', sso_region: 'eu-west-1' } },
		);
		assert.ok(result.ok);
		assert.deepEqual(result.chain.base.provider, {
			kind: 'sso', session: 's', startUrl: 'https://s.awsapps.com/start', region: 'eu-west-1', accountId: '1', roleName: 'R',
		});
	});

	it('uses a credential_process source profile, keeping the program only', () => {
		const result = chainOf({ a: { role_arn: roleArn, source_profile: 'b' }, b: { credential_process: 'creds --token abc' } }, 'a');
		assert.deepEqual(result.ok && result.chain.base.provider, { kind: 'credential-process', program: 'creds' });
	});

	it('prefers SSO to credential_process in one profile, as the standard does', () => {
		const result = chainOf({ a: { credential_process: 'p', sso_start_url: 'https://x', sso_region: 'r' } }, 'a');
		assert.equal(result.ok && result.chain.base.provider.kind, 'sso');
	});

	it('accepts sso_start_url and sso_region in the profile when they repeat its sso-session', () => {
		const session = { sso_start_url: 'https://s.awsapps.com/start', sso_region: 'eu-west-1' };
		const result = chainOf({ a: { sso_session: 's', ...session } }, 'a', { s: session });
		assert.ok(result.ok);
	});

	it('refuses an sso_region that differs from the sso-session', () => {
		const result = chainOf(
			{ a: { sso_session: 's', sso_region: 'us-east-1' } },
			'a',
			{ s: { sso_start_url: 'https://s.awsapps.com/start', sso_region: 'eu-west-1' } },
		);
		assert.deepEqual(!result.ok && result.error, { code: 'sso-key-differs-from-session', profile: 'a', key: 'sso_region', session: 's' });
	});

	it('reports an sso-session without its region', () => {
		const result = chainOf({ a: { sso_session: 's' } }, 'a', { s: { sso_start_url: 'https://s' } });
		assert.deepEqual(!result.ok && result.error, { code: 'sso-missing-setting', profile: 'a', key: 'sso_region', session: 's' });
	});

	it('reports a legacy SSO profile without its start URL', () => {
		const result = chainOf({ a: { sso_region: 'eu-west-1', sso_account_id: '1', sso_role_name: 'R' } }, 'a');
		assert.deepEqual(!result.ok && result.error, { code: 'sso-missing-setting', profile: 'a', key: 'sso_start_url' });
	});

	it('uses a login_session base', () => {
		const result = chainOf({ a: { login_session: 'arn:aws:iam::1:user/me' } }, 'a');
		assert.deepEqual(result.ok && result.chain.base.provider, { kind: 'login-session', session: 'arn:aws:iam::1:user/me' });
	});

	it('never quotes a value in an error message', () => {
		const result = chainOf({ a: { role_arn: roleArn, source_profile: 'b' }, b: { aws_access_key_id: 'AKIASECRETLOOKINGID1' } }, 'a');
		assert.ok(!result.ok);
		assert.ok(!describeChainError(result.error).includes('AKIASECRETLOOKINGID1'));
	});
});
