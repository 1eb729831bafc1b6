/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The pure parts of sign-in: the cache entry's format (byte for byte the AWS CLI's, checked against Python's
// json.dumps itself), when a token can and should be renewed, PKCE, and what a profile or sso-session signs in to.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { codeChallengeS256, createCodeVerifier, createState } from '../../src/core/sessions/pkce';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { signInFlowFor, ssoLoginTargetForProfile, ssoLoginTargetForSession } from '../../src/core/sessions/ssoLoginTarget';
import { CachedSsoToken, cacheTimestamp, formatCachedToken, parseCachedToken, refreshAbility, shouldRefresh } from '../../src/core/sessions/ssoTokenCache';
import { readStandard } from '../../src/core/readings/standardReader';

const token: CachedSsoToken = {
	startUrl: 'https://d-9067example.awsapps.com/start', region: 'eu-west-1', accessToken: 'aoa/tok+en=\u00e9\u2603"\\\n\x7f',
	expiresAt: '2026-12-07T18:00:00Z', clientId: 'client', clientSecret: 'secret', registrationExpiresAt: '2027-03-07T17:00:00Z', refreshToken: 'aor',
};

describe('SSO token cache entry', () => {
	it('is written as the AWS CLI\'s json.dumps writes it, field order and escapes included', () => {
		const python = spawnSync('/usr/bin/python3', ['-c', 'import json,sys; print(json.dumps(json.loads(sys.stdin.read())), end="")'], {
			input: JSON.stringify(token), encoding: 'utf8',
		});
		assert.equal(python.status, 0, python.stderr);
		assert.equal(formatCachedToken(token), python.stdout);
		assert.ok(formatCachedToken(token).startsWith('{"startUrl": "https://d-9067example.awsapps.com/start", "region": "eu-west-1", "accessToken": '));
	});

	it('leaves out what a legacy login has not (no refresh token)', () => {
		assert.ok(!formatCachedToken({ ...token, refreshToken: undefined }).includes('refreshToken'));
	});

	it('writes times as the AWS CLI does, seconds and Z', () => {
		assert.equal(cacheTimestamp(Date.parse('2026-12-07T18:00:00.987Z')), '2026-12-07T18:00:00Z');
	});

	it('reads an entry back, and says why not without quoting the text', () => {
		assert.deepEqual(parseCachedToken(formatCachedToken(token)), { ok: true, token });
		const broken = parseCachedToken('{"accessToken": "aoaSECRET');
		assert.ok(!broken.ok && !broken.reason.includes('SECRET'));
		assert.deepEqual(parseCachedToken('{"expiresAt": "2026-12-07T18:00:00Z"}'), { ok: false, reason: 'the cached token has no accessToken or expiresAt' });
	});

	it('can be renewed with a refresh token and a live registration, within 15 minutes of expiry', () => {
		const now = Date.parse('2026-12-07T17:50:00Z');
		assert.deepEqual(refreshAbility(token, now), { refreshable: true });
		assert.ok(shouldRefresh(token, now));
		assert.ok(!shouldRefresh(token, Date.parse('2026-12-07T17:40:00Z')));
		assert.deepEqual(refreshAbility({ ...token, refreshToken: undefined }, now), { refreshable: false, reason: 'no-refresh-token' });
		assert.deepEqual(refreshAbility(token, Date.parse('2027-03-08T00:00:00Z')), { refreshable: false, reason: 'registration-expired' });
	});
});

describe('PKCE', () => {
	it('makes 43-character verifiers and the S256 challenge, as Python computes it', () => {
		const verifier = createCodeVerifier();
		assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
		assert.notEqual(createState(), createState());
		const python = spawnSync('/usr/bin/python3', ['-c',
			'import base64,hashlib,sys; print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).decode().rstrip("="), end="")', verifier,
		], { encoding: 'utf8' });
		assert.equal(codeChallengeS256(verifier), python.stdout);
	});
});

describe('SSO login target', () => {
	it('signs in by device code in a remote window (SSH, WSL, a container), by the browser and a loopback redirect where the editor runs locally', () => {
		assert.equal(signInFlowFor('ssh-remote'), 'device-code');
		assert.equal(signInFlowFor('wsl'), 'device-code');
		assert.equal(signInFlowFor('dev-container'), 'device-code');
		assert.equal(signInFlowFor(undefined), 'authorization-code');
	});

	const model = buildProfileModel(readStandard({ config: [
		'[sso-session my-sso]', 'sso_start_url = https://d-1.awsapps.com/start', 'sso_region = eu-west-1', '',
		'[sso-session scoped]', 'sso_start_url = https://d-1.awsapps.com/start', 'sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access, codewhisperer:completions', '',
		'[sso-session half]', 'sso_region = eu-west-1', '',
		'[profile prod]', 'sso_session = my-sso', 'sso_account_id = 111111111111', 'sso_role_name = ReadOnly', '',
		'[profile old]', 'sso_start_url = https://d-2.awsapps.com/start', 'sso_region = us-east-1', 'sso_account_id = 1', 'sso_role_name = R', '',
		'[profile keys]', 'region = eu-west-1', '',
	].join('\n') }));

	it('is the session for a profile of an sso-session, with the default or written scopes', () => {
		assert.deepEqual(ssoLoginTargetForProfile(model, 'prod'), { ok: true, target: {
			cacheId: 'my-sso', sessionName: 'my-sso', startUrl: 'https://d-1.awsapps.com/start', region: 'eu-west-1', scopes: ['sso:account:access'],
		} });
		const scoped = ssoLoginTargetForSession(model, 'scoped');
		assert.deepEqual(scoped.ok && scoped.target.scopes, ['sso:account:access', 'codewhisperer:completions']);
	});

	it('is the start URL, without scopes, for a legacy profile', () => {
		assert.deepEqual(ssoLoginTargetForProfile(model, 'old'), { ok: true, target: {
			cacheId: 'https://d-2.awsapps.com/start', startUrl: 'https://d-2.awsapps.com/start', region: 'us-east-1', scopes: [],
		} });
	});

	it('says why there is none', () => {
		assert.deepEqual(ssoLoginTargetForProfile(model, 'keys'), { ok: false, reason: 'Profile keys does not sign in through IAM Identity Center (no sso_session or sso_start_url).' });
		assert.deepEqual(ssoLoginTargetForProfile(model, 'nope'), { ok: false, reason: 'There is no profile nope.' });
		assert.deepEqual(ssoLoginTargetForSession(model, 'half'), { ok: false, reason: '[sso-session half] needs both sso_start_url and sso_region.' });
	});
});
