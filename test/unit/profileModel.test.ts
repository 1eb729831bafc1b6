/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import type { Expiry } from '../../src/core/model/expiry';
import {
	buildProfileModel, findProfile, profilesSourcedFrom, profilesUsingSsoSession, propertyOf, ssoTokenSourcesOf,
} from '../../src/core/model/profileModel';
import type { Problem } from '../../src/core/readings/profileSet';
import { readStandard } from '../../src/core/readings/standardReader';
import { fakeProfileSet } from './fakeProfileSet';

const roleArn = 'arn:aws:iam::123456789012:role/Admin';
const keys = { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const problem: Problem = {
	code: 'syntax/example', severity: 'warning', message: 'm',
	location: { file: 'config', range: { offset: 0, length: 1, line: 0, column: 0 } },
};

const set = fakeProfileSet({
	profiles: {
		default: { region: 'eu-west-1' },
		admin: { role_arn: roleArn, source_profile: 'base', region: 'us-east-1' },
		ops: { role_arn: roleArn, source_profile: 'admin' },
		self: { role_arn: roleArn, source_profile: 'self' },
		dev: { sso_session: 'corp', sso_account_id: '123456789012', sso_role_name: 'Dev' },
		old: { sso_start_url: 'https://old.awsapps.com/start', sso_region: 'us-east-1', sso_account_id: '1', sso_role_name: 'R' },
		other: { sso_session: 'corp', sso_account_id: '2', sso_role_name: 'R' },
	},
	credentials: {
		base: keys,
		temp: { ...keys, aws_session_token: 't', aws_expiration: '2026-01-02T12:00:00Z' },
		longterm: { ...keys, aws_expiration: '2026-01-02T12:00:00Z' },
	},
	ssoSessions: { corp: { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'eu-west-1' } },
	services: { local: { s3: '\nendpoint_url = http://localhost:4566' } },
	problems: [problem],
});

describe('Profile model', () => {
	const model = buildProfileModel(set);

	it('has one entry per profile, in the order the reader found them', () => {
		assert.deepEqual([...model.profiles.keys()], ['default', 'admin', 'ops', 'self', 'dev', 'old', 'other', 'base', 'temp', 'longterm']);
	});

	it('gives each profile its kind', () => {
		assert.deepEqual([...model.profiles.values()].map(p => p.kind.kind),
			['none', 'assume-role', 'assume-role', 'assume-role', 'sso', 'sso', 'sso', 'static-keys', 'static-keys', 'static-keys']);
	});

	it('gives each profile its region, when it has one', () => {
		assert.deepEqual([findProfile(model, 'default')?.region, findProfile(model, 'admin')?.region, findProfile(model, 'dev')?.region],
			['eu-west-1', 'us-east-1', undefined]);
	});

	it('says where each property is written, in which file', () => {
		const region = propertyOf(findProfile(model, 'admin')!, 'region');
		assert.equal(region?.file, 'config');
		assert.equal(region?.value, 'us-east-1');
		assert.equal(propertyOf(findProfile(model, 'base')!, 'aws_access_key_id')?.file, 'credentials');
		assert.equal(propertyOf(findProfile(model, 'base')!, 'region'), undefined);
	});

	it('keeps the sources a profile mentions but does not use', () => {
		const entry = buildProfileModel(fakeProfileSet({ profiles: { p: { ...keys, role_arn: roleArn, source_profile: 'q' } } })).profiles.get('p');
		assert.deepEqual(entry?.ignoredSources.map(i => [i.source, i.why]), [['static-keys', 'shadowed']]);
	});

	it('resolves the chain behind a role, through chained roles', () => {
		const chain = findProfile(model, 'ops')?.chain;
		assert.ok(chain?.ok);
		assert.equal(chain.chain.base.profile, 'base');
		assert.deepEqual(chain.chain.roles.map(r => r.profile), ['admin', 'ops']);
	});

	it('keeps a broken chain as a value (a role that is its own source, without keys)', () => {
		const chain = findProfile(model, 'self')?.chain;
		assert.deepEqual(chain?.ok === false && chain.error, { code: 'no-credentials', profile: 'self' });
	});

	it('has no chain for a profile that is not a role', () => {
		assert.equal(findProfile(model, 'base')?.chain, undefined);
	});

	it('knows the expiry of temporary keys from aws_expiration', () => {
		const expiry = findProfile(model, 'temp')?.expiry;
		assert.equal(expiry?.state === 'known' && expiry.expiresAt, Date.UTC(2026, 0, 2, 12));
	});

	it('ignores aws_expiration beside long-term keys', () => {
		assert.equal(findProfile(model, 'longterm')?.expiry, undefined);
	});

	it('knows no SSO expiry unless the token cache was read', () => {
		assert.equal(findProfile(model, 'dev')?.expiry, undefined);
	});

	it('takes SSO expiry from the tokens read, by sso-session name or by start URL', () => {
		const token = (expiresAt: number): Expiry => ({ state: 'known', expiresAt, refreshable: false, source: { kind: 'sso-token-cache', file: 'f' } });
		const withTokens = buildProfileModel(set, {
			ssoTokens: new Map([['corp', token(1)], ['https://old.awsapps.com/start', token(2)]]),
		});
		const expiresAt = (name: string) => {
			const expiry = findProfile(withTokens, name)?.expiry;
			return expiry?.state === 'known' ? expiry.expiresAt : undefined;
		};
		assert.deepEqual([expiresAt('dev'), expiresAt('other'), expiresAt('old')], [1, 1, 2]);
	});

	it('lists every distinct SSO login to read from the cache', () => {
		assert.deepEqual(ssoTokenSourcesOf(model), [
			{ kind: 'sso-session', session: 'corp' },
			{ kind: 'legacy', startUrl: 'https://old.awsapps.com/start', region: 'us-east-1' },
		]);
	});

	it('passes sso-sessions, services and problems through', () => {
		assert.deepEqual([...model.ssoSessions.keys()], ['corp']);
		assert.deepEqual([...model.services.keys()], ['local']);
		assert.deepEqual(model.problems, [problem]);
	});

	it('finds nothing for an unknown name', () => {
		assert.equal(findProfile(model, 'nope'), undefined);
	});

	it('lists the profiles whose source_profile names a profile', () => {
		assert.deepEqual(profilesSourcedFrom(model, 'base').map(p => p.name), ['admin']);
		assert.deepEqual(profilesSourcedFrom(model, 'admin').map(p => p.name), ['ops']);
		assert.deepEqual(profilesSourcedFrom(model, 'default'), []);
	});

	it('includes a profile that is its own source', () => {
		assert.deepEqual(profilesSourcedFrom(model, 'self').map(p => p.name), ['self']);
	});

	it('lists the profiles that log in through an sso-session', () => {
		assert.deepEqual(profilesUsingSsoSession(model, 'corp').map(p => p.name), ['dev', 'other']);
	});

	it('makes an entry when it is first read, and then keeps it', () => {
		const read = readStandard({ config: '[profile a]\nregion = eu-west-1\n[profile b]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = a\n' });
		const built = buildProfileModel(read);
		const a = built.profiles.get('a');
		assert.equal(built.profiles.get('a'), a);
		assert.equal([...built.profiles.values()][0], a);
		assert.equal(a?.section, read.profiles.get('a'));
		assert.deepEqual([...built.profiles.values()].map(p => [p.name, p.kind.kind, p.region]), [['a', 'none', 'eu-west-1'], ['b', 'assume-role', undefined]]);
	});

	it('is immutable', () => {
		const entry = findProfile(model, 'admin')!;
		assert.ok(Object.isFrozen(model) && Object.isFrozen(entry) && Object.isFrozen(model.problems));
		assert.throws(() => { (entry as { region?: string }).region = 'x'; }, TypeError);
	});

});
