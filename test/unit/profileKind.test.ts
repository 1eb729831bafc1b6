/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { analyzeProfileKind, givesCredentials, profileKindOf, programOf } from '../../src/core/model/profileKind';
import type { Section } from '../../src/core/readings/profileSet';
import { fakeProfileSet } from './fakeProfileSet';

const longTermId = 'AKIAIOSFODNN7EXAMPLE';
const temporaryId = 'ASIAIOSFODNN7EXAMPLE';
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const roleArn = 'arn:aws:iam::123456789012:role/Admin';

function sectionOf(properties: Record<string, string>): Section {
	return fakeProfileSet({ profiles: { p: properties } }).profiles.get('p')!;
}

function kindOf(properties: Record<string, string>) {
	return profileKindOf(sectionOf(properties));
}

function ignoredOf(properties: Record<string, string>) {
	return analyzeProfileKind(sectionOf(properties)).ignored;
}

describe('Profile kind', () => {
	describe('each kind', () => {
		it('is assume-role with role_arn and source_profile, with the role parameters', () => {
			assert.deepEqual(kindOf({
				role_arn: roleArn, source_profile: 'base', role_session_name: 's', external_id: 'x',
				mfa_serial: 'arn:aws:iam::123456789012:mfa/me', duration_seconds: '900',
			}), {
				kind: 'assume-role', roleArn, source: { kind: 'source-profile', profile: 'base' },
				roleSessionName: 's', externalId: 'x', mfaSerial: 'arn:aws:iam::123456789012:mfa/me', durationSeconds: '900',
			});
		});

		it('is assume-role with role_arn and credential_source', () => {
			assert.deepEqual(kindOf({ role_arn: roleArn, credential_source: 'Ec2InstanceMetadata' }), {
				kind: 'assume-role', roleArn, source: { kind: 'credential-source', name: 'Ec2InstanceMetadata' },
			});
		});

		it('is long-term static keys with an AKIA key and no session token', () => {
			assert.deepEqual(kindOf({ aws_access_key_id: longTermId, aws_secret_access_key: secret }), {
				kind: 'static-keys', term: 'long-term', maskedAccessKeyId: 'AKIA****MPLE', keyIdPrefix: 'AKIA',
			});
		});

		it('is temporary static keys with a session token, and keeps the account id', () => {
			assert.deepEqual(kindOf({
				aws_access_key_id: temporaryId, aws_secret_access_key: secret, aws_session_token: 'token', aws_account_id: '123456789012',
			}), {
				kind: 'static-keys', term: 'temporary', maskedAccessKeyId: 'ASIA****MPLE', keyIdPrefix: 'ASIA', accountId: '123456789012',
			});
		});

		it('keeps the term of the session token even when the key id prefix disagrees', () => {
			const kind = kindOf({ aws_access_key_id: temporaryId, aws_secret_access_key: secret });
			assert.deepEqual(kind.kind === 'static-keys' && [kind.term, kind.keyIdPrefix], ['long-term', 'ASIA']);
		});

		it('has no key id prefix for a key that is neither AKIA nor ASIA', () => {
			const kind = kindOf({ aws_access_key_id: 'abc123', aws_secret_access_key: 'def456' });
			assert.deepEqual(kind.kind === 'static-keys' && [kind.keyIdPrefix, kind.maskedAccessKeyId], [undefined, '****']);
		});

		it('never holds the secret, the session token or the whole key id', () => {
			const text = JSON.stringify(analyzeProfileKind(sectionOf({
				aws_access_key_id: temporaryId, aws_secret_access_key: secret, aws_session_token: 'SESSIONTOKEN',
			})));
			for (const hidden of [secret, 'SESSIONTOKEN', temporaryId]) {
				assert.ok(!text.includes(hidden), hidden);
			}
		});

		it('is web identity with web_identity_token_file and role_arn', () => {
			assert.deepEqual(kindOf({ web_identity_token_file: '/var/token', role_arn: roleArn, role_session_name: 's' }), {
				kind: 'web-identity', roleArn, tokenFile: '/var/token', roleSessionName: 's',
			});
		});

		it('is credential-process and keeps the program only, never its arguments', () => {
			assert.deepEqual(kindOf({ credential_process: '/usr/bin/vault-creds --password hunter2' }), {
				kind: 'credential-process', program: '/usr/bin/vault-creds',
			});
		});

		it('is SSO through an sso-session', () => {
			assert.deepEqual(kindOf({ sso_session: 'corp', sso_account_id: '123456789012', sso_role_name: 'Dev' }), {
				kind: 'sso', token: { kind: 'sso-session', session: 'corp' }, accountId: '123456789012', roleName: 'Dev',
			});
		});

		it('is legacy SSO with the start URL and region in the profile', () => {
			assert.deepEqual(kindOf({ sso_start_url: 'https://x.awsapps.com/start', sso_region: 'eu-west-1', sso_account_id: '1', sso_role_name: 'R' }), {
				kind: 'sso', token: { kind: 'legacy', startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1' }, accountId: '1', roleName: 'R',
			});
		});

		it('is SSO as soon as one sso_ key is there, as for the JS SDK', () => {
			assert.deepEqual(kindOf({ sso_region: 'eu-west-1' }), { kind: 'sso', token: { kind: 'legacy', region: 'eu-west-1' } });
		});

		it('is login-session with a login_session', () => {
			assert.deepEqual(kindOf({ login_session: 'arn:aws:iam::123456789012:user/me' }), {
				kind: 'login-session', session: 'arn:aws:iam::123456789012:user/me',
			});
		});

		it('is none for a config-only profile, with nothing ignored', () => {
			assert.deepEqual(analyzeProfileKind(sectionOf({ region: 'eu-west-1', output: 'json' })), { kind: { kind: 'none' }, ignored: [] });
		});
	});

	describe('the JS SDK order', () => {
		it('puts assume-role before static keys, which are reported as shadowed', () => {
			const analysis = analyzeProfileKind(sectionOf({
				aws_access_key_id: longTermId, aws_secret_access_key: secret, role_arn: roleArn, source_profile: 'base',
			}));
			assert.equal(analysis.kind.kind, 'assume-role');
			assert.deepEqual(analysis.ignored, [{
				source: 'static-keys', keys: ['aws_access_key_id', 'aws_secret_access_key'], why: 'shadowed', by: 'assume-role',
			}]);
		});

		it('puts static keys before web identity', () => {
			assert.equal(kindOf({ aws_access_key_id: longTermId, aws_secret_access_key: secret, web_identity_token_file: '/t', role_arn: roleArn }).kind, 'static-keys');
		});

		it('puts web identity before credential_process', () => {
			assert.equal(kindOf({ web_identity_token_file: '/t', role_arn: roleArn, credential_process: 'p' }).kind, 'web-identity');
		});

		it('puts credential_process before SSO (unlike smithy-rs, Ruby and the AWS CLI)', () => {
			const analysis = analyzeProfileKind(sectionOf({ credential_process: 'p', sso_session: 's' }));
			assert.equal(analysis.kind.kind, 'credential-process');
			assert.deepEqual(analysis.ignored, [{ source: 'sso', keys: ['sso_session'], why: 'shadowed', by: 'credential-process' }]);
		});

		it('puts SSO before login_session', () => {
			assert.equal(kindOf({ sso_session: 's', login_session: 'arn' }).kind, 'sso');
		});

		it('makes role_arn + source_profile + web_identity_token_file an assume-role, shadowing web identity', () => {
			const analysis = analyzeProfileKind(sectionOf({ role_arn: roleArn, source_profile: 'b', web_identity_token_file: '/t' }));
			assert.equal(analysis.kind.kind, 'assume-role');
			assert.deepEqual(analysis.ignored.map(i => [i.source, i.why]), [['web-identity', 'shadowed']]);
		});

		it('does not report role_arn as an ignored role when it belongs to web identity', () => {
			assert.deepEqual(ignoredOf({ role_arn: roleArn, web_identity_token_file: '/t' }), []);
		});
	});

	describe('incomplete sources', () => {
		it('ignores a role with both source_profile and credential_source, and falls through to the next source', () => {
			const analysis = analyzeProfileKind(sectionOf({
				role_arn: roleArn, source_profile: 'b', credential_source: 'Environment', aws_access_key_id: longTermId, aws_secret_access_key: secret,
			}));
			assert.equal(analysis.kind.kind, 'static-keys');
			assert.deepEqual(analysis.ignored, [{
				source: 'assume-role', keys: ['role_arn', 'source_profile', 'credential_source'], why: 'conflicting-role-sources',
			}]);
		});

		it('reports role_arn without a source', () => {
			assert.deepEqual(analyzeProfileKind(sectionOf({ role_arn: roleArn })), {
				kind: { kind: 'none' }, ignored: [{ source: 'assume-role', keys: ['role_arn'], why: 'no-role-source' }],
			});
		});

		it('reports source_profile without role_arn', () => {
			assert.deepEqual(ignoredOf({ source_profile: 'b' }), [{ source: 'assume-role', keys: ['source_profile'], why: 'missing-key', key: 'role_arn' }]);
		});

		it('reports an access key id without its secret', () => {
			assert.deepEqual(ignoredOf({ aws_access_key_id: longTermId }), [
				{ source: 'static-keys', keys: ['aws_access_key_id'], why: 'missing-key', key: 'aws_secret_access_key' },
			]);
		});

		it('reports a secret or a session token without the access key id', () => {
			assert.deepEqual(ignoredOf({ aws_secret_access_key: secret, aws_session_token: 't' }), [
				{ source: 'static-keys', keys: ['aws_secret_access_key', 'aws_session_token'], why: 'missing-key', key: 'aws_access_key_id' },
			]);
		});

		it('reports web_identity_token_file without role_arn', () => {
			assert.deepEqual(ignoredOf({ web_identity_token_file: '/t' }), [
				{ source: 'web-identity', keys: ['web_identity_token_file'], why: 'missing-key', key: 'role_arn' },
			]);
		});

		it('treats an empty login_session as none, as the JS SDK tests it for truth', () => {
			assert.deepEqual(analyzeProfileKind(sectionOf({ login_session: '' })), {
				kind: { kind: 'none' }, ignored: [{ source: 'login-session', keys: ['login_session'], why: 'missing-key', key: 'login_session' }],
			});
		});

		it('counts an empty value as defined for the other keys, as the JS SDK does', () => {
			assert.equal(kindOf({ role_arn: '', source_profile: 'b' }).kind, 'assume-role');
		});
	});

	describe('helpers', () => {
		it('takes a quoted program path whole', () => {
			assert.equal(programOf('"C:\\Program Files\\creds.exe" --profile x'), 'C:\\Program Files\\creds.exe');
		});
	});

	describe('gives credentials', () => {
		it('is true for the kinds that yield credentials', () => {
			for (const properties of <Record<string, string>[]>[
				{ aws_access_key_id: longTermId, aws_secret_access_key: secret },
				{ aws_access_key_id: temporaryId, aws_secret_access_key: secret, aws_session_token: 'token' },
				{ role_arn: roleArn, source_profile: 'base' },
				{ credential_process: 'aws-vault export --format=json base' },
				{ sso_session: 'corp', sso_account_id: '123456789012', sso_role_name: 'ReadOnlyAccess' },
				{ role_arn: roleArn, web_identity_token_file: '/token' },
			]) {
				assert.equal(givesCredentials(kindOf(properties)), true, JSON.stringify(Object.keys(properties)));
			}
		});

		it('is false for a config-only profile, an SSO profile without account and role, an ASIA key without its token', () => {
			for (const properties of <Record<string, string>[]>[
				{ region: 'eu-west-1' },
				{ sso_session: 'corp' },
				{ aws_access_key_id: temporaryId, aws_secret_access_key: secret },
			]) {
				assert.equal(givesCredentials(kindOf(properties)), false, JSON.stringify(Object.keys(properties)));
			}
		});
	});
});
