/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The [sso-session] sections as the view lists them, from a snapshot read off a temporary HOME: the token of a
// session no profile uses is read too, and each session says whether it is signed in and for how long.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ssoCacheFileName } from '../../src/core/model/expiry';
import { resolveFileLocations } from '../../src/core/readings/fileLocations';
import { loadProfileSnapshot } from '../../src/core/io/profileSnapshot';
import { ssoSessionRows } from '../../src/core/sessions/ssoSessionList';
import { cacheTimestamp, formatCachedToken } from '../../src/core/sessions/ssoTokenCache';

const minute = 60_000;

describe('The sso-sessions of the view', () => {
	let home: string;

	beforeEach(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-sessions-'));
		mkdirSync(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
		writeFileSync(path.join(home, '.aws', 'config'), [
			'[profile dev]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Dev', '',
			'[profile ops]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Ops', '',
			'[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = eu-west-1', '',
			'[sso-session alone]', 'sso_start_url = https://alone.awsapps.com/start', 'sso_region = us-east-1', '',
			'[sso-session broken]', 'sso_start_url = https://broken.awsapps.com/start', 'sso_region = us-east-1', '',
		].join('\n'));
	});

	afterEach(() => rmSync(home, { recursive: true, force: true }));

	function locations() {
		return resolveFileLocations({ env: { HOME: home }, platform: 'linux' });
	}

	function writeToken(session: string, text: string): void {
		writeFileSync(path.join(locations().ssoCacheFolder, ssoCacheFileName(session)), text);
	}

	it('reads the token of a session no profile uses, and shows each session\'s time left and profiles', async () => {
		const now = Date.now();
		writeToken('alone', formatCachedToken({
			startUrl: 'https://alone.awsapps.com/start', region: 'us-east-1', accessToken: 'fixture-access', expiresAt: cacheTimestamp(now + 42 * minute + 30_000),
		}));
		writeToken('broken', '{"accessToken": "fixture-access"');
		const snapshot = await loadProfileSnapshot(locations(), () => now);
		const rows = ssoSessionRows(snapshot.model, now);
		assert.deepEqual(rows.map((row) => [row.name, row.token, row.description, row.profiles]), [
			['alone', 'signed-in', 'expires in 42 min · 0 profiles', []],
			['broken', 'unreadable', 'token unreadable · 0 profiles', []],
			['corp', 'signed-out', 'signed out · 2 profiles', ['dev', 'ops']],
		]);
		assert.equal(rows[0].startUrl, 'https://alone.awsapps.com/start');
		assert.equal(rows[0].region, 'us-east-1');
		assert.ok(!JSON.stringify(rows).includes('fixture-access'), 'no token in a row');
	});

	it('says expired, and keeps a session signed in while its expired token is cached', async () => {
		const now = Date.now();
		writeToken('corp', formatCachedToken({
			startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1', accessToken: 'fixture-access', expiresAt: cacheTimestamp(now - 3 * 60 * minute),
		}));
		const snapshot = await loadProfileSnapshot(locations(), () => now);
		const corp = ssoSessionRows(snapshot.model, now).find((row) => row.name === 'corp');
		assert.equal(corp?.token, 'signed-in');
		assert.equal(corp?.description, 'expired 3 h ago · 2 profiles');
	});

	it('filters by name', async () => {
		const snapshot = await loadProfileSnapshot(locations());
		assert.deepEqual(ssoSessionRows(snapshot.model, Date.now(), 'co').map((row) => row.name), ['corp']);
		assert.deepEqual(ssoSessionRows(snapshot.model, Date.now(), 'nothing'), []);
	});
});
