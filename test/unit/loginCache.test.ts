/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The `aws login` cache, against the real JS SDK's login provider (`@aws-sdk/credential-provider-login`): the SDK
// gets its keys from the file where loginCache.ts looks, so the place and the name agree; then the expiry read.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromLoginCredentials } from '@aws-sdk/credential-provider-login';
import { resolveFileLocations } from '../../src/core/readings/fileLocations';
import { readLoginSessionExpiries } from '../../src/core/io/tokenCacheReads';
import { loginCacheFileName } from '../../src/core/sessions/loginCache';
import { loadProfileSnapshot } from '../../src/core/io/profileSnapshot';
import { timeLeftSentence } from '../../src/core/display/timeLeft';

const session = 'arn:aws:iam::111122223333:user/dev';
const expiresAt = new Date(Date.now() + 3 * 60 * 60_000);

function cachedToken(fields: Record<string, unknown> = {}): string {
	return JSON.stringify({
		accessToken: {
			accessKeyId: 'ASIAFIXTURELOGIN0001', secretAccessKey: 'fixture-login-secret', sessionToken: 'fixture-login-token',
			accountId: '111122223333', expiresAt: expiresAt.toISOString(),
		},
		clientId: 'arn:aws:signin:::devtools/same-device', refreshToken: 'fixture-refresh', dpopKey: 'fixture-dpop-key',
		...fields,
	}, null, 2);
}

describe('aws login sessions: the login cache', () => {
	let home: string;
	const saved = { ...process.env };

	beforeEach(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-login-'));
		mkdirSync(path.join(home, '.aws'));
		writeFileSync(path.join(home, '.aws', 'config'), `[profile dev]\nlogin_session = ${session}\nregion = eu-west-1\n`);
		for (const name of Object.keys(process.env).filter((key) => key.startsWith('AWS_'))) {
			delete process.env[name];
		}
		Object.assign(process.env, { HOME: home, AWS_CONFIG_FILE: path.join(home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials') });
	});

	afterEach(() => {
		process.env = { ...saved };
		rmSync(home, { recursive: true, force: true });
	});

	for (const custom of [false, true]) {
		it(`is where the JS SDK reads it${custom ? ' (AWS_LOGIN_CACHE_DIRECTORY)' : ' (~/.aws/login/cache)'}, and its expiry is read`, async () => {
			if (custom) {
				process.env.AWS_LOGIN_CACHE_DIRECTORY = path.join(home, 'elsewhere');
			}
			const locations = resolveFileLocations({ env: process.env, platform: 'linux' });
			mkdirSync(locations.loginCacheFolder, { recursive: true });
			writeFileSync(path.join(locations.loginCacheFolder, loginCacheFileName(session)), cachedToken());
			const credentials = await fromLoginCredentials({ profile: 'dev' })();
			assert.equal(credentials.accessKeyId, 'ASIAFIXTURELOGIN0001');
			const snapshot = await loadProfileSnapshot(locations);
			const expiry = snapshot.model.profiles.get('dev')?.expiry;
			assert.deepEqual(expiry && { ...expiry, source: expiry.source.kind }, { state: 'known', expiresAt: expiresAt.getTime(), refreshable: true, source: 'login-cache' });
			assert.equal(timeLeftSentence(expiry, expiresAt.getTime() - 42 * 60_000), 'Its login session expires in 42 min.');
		});
	}

	it('says no-token without a file, and unreadable for a file that is not a token, quoting none of it', async () => {
		const folder = path.join(home, 'cache');
		mkdirSync(folder);
		assert.equal((await readLoginSessionExpiries(folder, [session])).get(session)?.state, 'no-token');
		writeFileSync(path.join(folder, loginCacheFileName(session)), '{"accessToken": "fixture-login-secret"');
		const unreadable = (await readLoginSessionExpiries(folder, [session])).get(session);
		assert.equal(unreadable?.state, 'unreadable');
		assert.ok(unreadable?.state === 'unreadable' && !unreadable.reason.includes('fixture'));
		writeFileSync(path.join(folder, loginCacheFileName(session)), cachedToken({ refreshToken: undefined }));
		const known = (await readLoginSessionExpiries(folder, [session])).get(session);
		assert.ok(known?.state === 'known' && !known.refreshable, 'without its refresh token the SDK cannot renew it');
	});
});
