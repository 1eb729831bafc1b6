/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The sign-in engine (src/aws/ssoSignIn.ts) against the fake IAM Identity Center, with the real SDK clients over
// HTTP. Time is virtual: the engine's sleep moves the clock the fake also reads, so a 10-minute device code
// expires without waiting, and the intervals the engine slept are what is checked (never the wall clock).

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listSsoAccess } from '../../src/aws/ssoAccess';
import { refreshSsoToken, signInToSso, signOutOfSso, SsoSignInRequest } from '../../src/aws/ssoSignIn';
import type { SsoLoginTarget } from '../../src/core/sessions/ssoLoginTarget';
import { FakeAws, readSeedFile, startFakeAws } from '../fake-aws/server';

const seedFile = path.join(__dirname, '..', '..', '..', 'test', 'fake-aws', 'seed.sso.example.json');
const startUrl = 'https://d-9067example.awsapps.com/start';
const session: SsoLoginTarget = { cacheId: 'my-sso', sessionName: 'my-sso', startUrl, region: 'eu-west-1', scopes: ['sso:account:access'] };
const legacy: SsoLoginTarget = { cacheId: startUrl, startUrl, region: 'eu-west-1', scopes: [] };

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('SSO sign-in engine', () => {
	let server: FakeAws;
	let home: string;
	let cacheFolder: string;
	let now: number;
	let sleeps: number[];
	let onSleep: (count: number) => void;
	const logLines: string[] = [];

	beforeEach(async () => {
		now = Date.parse('2026-12-07T17:00:00Z');
		sleeps = [];
		onSleep = () => undefined;
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-sso-'));
		cacheFolder = path.join(home, '.aws', 'sso', 'cache');
		server = await startFakeAws(readSeedFile(seedFile), { now: () => new Date(now), log: (line) => logLines.push(line) });
	});

	afterEach(async () => {
		await server.close();
		fs.rmSync(home, { recursive: true, force: true });
	});

	function request(overrides: Partial<SsoSignInRequest> = {}): SsoSignInRequest {
		return {
			target: session, cacheFolder, flow: 'device-code', endpoints: { oidc: server.url, portal: server.url },
			clock: () => now,
			sleep: async (ms, signal) => {
				if (signal?.aborted) {
					throw Object.assign(new Error('aborted'), { name: 'AbortError' });
				}
				sleeps.push(ms);
				now += ms;
				onSleep(sleeps.length);
			},
			...overrides,
		};
	}

	function cached(cacheId: string): Record<string, string> {
		return JSON.parse(fs.readFileSync(path.join(cacheFolder, `${sha1(cacheId)}.json`), 'utf8')) as Record<string, string>;
	}

	/** Approves the shown code once the engine has slept `afterSleeps` times. */
	function approveAfter(afterSleeps: number): Pick<SsoSignInRequest, 'onDeviceCode'> {
		let userCode = '';
		onSleep = (count) => count === afterSleeps && server.identityCenter?.approveDevice(userCode);
		return { onDeviceCode: (prompt) => userCode = prompt.userCode };
	}

	describe('device code', () => {
		it('shows the page and code, polls every interval until approved, and caches the token as the AWS CLI does, 0600', async () => {
			const prompts: unknown[] = [];
			const approval = approveAfter(3);
			const result = await signInToSso(request({ onDeviceCode: (prompt) => {
				prompts.push(prompt);
				approval.onDeviceCode?.(prompt);
			} }));
			assert.ok(result.ok, JSON.stringify(result));
			assert.equal(prompts.length, 1);
			const prompt = prompts[0] as { verificationUriComplete: string; userCode: string; expiresAt: number };
			assert.equal(prompt.verificationUriComplete, `${server.url}/device?user_code=${prompt.userCode}`);
			assert.equal(prompt.expiresAt, Date.parse('2026-12-07T17:10:00Z'));
			assert.deepEqual(sleeps, [1000, 1000, 1000]);
			const file = path.join(cacheFolder, `${sha1('my-sso')}.json`);
			assert.equal(result.file, file);
			assert.equal(fs.statSync(file).mode & 0o777, 0o600);
			assert.equal(fs.statSync(cacheFolder).mode & 0o777, 0o700);
			const token = cached('my-sso');
			assert.deepEqual(Object.keys(token), ['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
			assert.deepEqual([token.startUrl, token.region, token.expiresAt], [startUrl, 'eu-west-1', '2026-12-08T01:00:03Z']);
			assert.equal(token.registrationExpiresAt, '2027-03-07T17:00:00Z');
			assert.equal(result.expiresAt, Date.parse('2026-12-08T01:00:03Z'));
			assert.ok(result.refreshable);
			assert.equal(fs.readdirSync(cacheFolder).length, 1, 'no backup or temporary file beside the token');
		});

		it('makes an existing token file 0600 again, replacing it whole', async () => {
			fs.mkdirSync(cacheFolder, { recursive: true });
			const file = path.join(cacheFolder, `${sha1('my-sso')}.json`);
			fs.writeFileSync(file, '{"accessToken": "old", "expiresAt": "2026-12-07T17:00:00Z"}', { mode: 0o644 });
			fs.chmodSync(file, 0o644);
			assert.ok((await signInToSso(request(approveAfter(1)))).ok);
			assert.equal(fs.statSync(file).mode & 0o777, 0o600);
			assert.notEqual(cached('my-sso').accessToken, 'old');
			assert.deepEqual(fs.readdirSync(cacheFolder), [`${sha1('my-sso')}.json`]);
		});

		it('adds 5 s to the interval after each slow_down', async () => {
			server.identityCenter?.slowDownNextPolls(2);
			const result = await signInToSso(request(approveAfter(4)));
			assert.ok(result.ok);
			assert.deepEqual(sleeps, [1000, 6000, 11000, 11000]);
		});

		it('names a legacy profile\'s token by the sha1 of its start URL, without a refresh token', async () => {
			const result = await signInToSso(request({ target: legacy, ...approveAfter(1) }));
			assert.ok(result.ok && !result.refreshable);
			const token = cached(startUrl);
			assert.equal(token.refreshToken, undefined);
			assert.ok(token.accessToken && token.clientId);
		});

		it('gives up when the code expires, writing nothing', async () => {
			server.identityCenter?.slowDownNextPolls(1000); // fewer polls to get there: 1 s, 6 s, 11 s...
			const result = await signInToSso(request());
			assert.deepEqual(result.ok ? undefined : result.failure.code, 'expired');
			const slept = sleeps.reduce((sum, ms) => sum + ms, 0);
			assert.ok(slept >= 600_000 && slept - sleeps[sleeps.length - 1] < 600_000, `${sleeps.join(', ')}`);
			assert.ok(!fs.existsSync(cacheFolder));
		});

		it('says denied when the user denies', async () => {
			let userCode = '';
			onSleep = () => server.identityCenter?.denyDevice(userCode);
			const result = await signInToSso(request({ onDeviceCode: (prompt) => userCode = prompt.userCode }));
			assert.deepEqual(result.ok ? undefined : result.failure, { code: 'denied', message: 'The sign-in was denied on the AWS sign-in page.' });
		});

		it('stops when cancelled, writing nothing', async () => {
			const controller = new AbortController();
			onSleep = (count) => count === 2 && controller.abort();
			const result = await signInToSso(request({ signal: controller.signal }));
			assert.equal(result.ok ? undefined : result.failure.code, 'cancelled');
			assert.equal(sleeps.length, 2);
			assert.ok(!fs.existsSync(cacheFolder));
		});

		it('says the service cannot be reached, without waiting', async () => {
			const result = await signInToSso(request({ endpoints: { oidc: 'http://127.0.0.1:9' } }));
			assert.equal(result.ok ? undefined : result.failure.code, 'network');
		});

		it('refuses an unknown start URL', async () => {
			const result = await signInToSso(request({ target: { ...session, startUrl: 'https://d-other.awsapps.com/start' } }));
			assert.equal(result.ok ? undefined : result.failure.code, 'refused');
		});
	});

	describe('authorization code with PKCE', () => {
		/** A browser: opens the page, which redirects at once (the fake approves), and follows it to the loopback. */
		async function browser(url: string, first?: (callback: URL) => Promise<void>): Promise<boolean> {
			const page = await fetch(url, { redirect: 'manual' });
			const callback = new URL(page.headers.get('location') ?? '');
			await first?.(callback);
			const landing = await fetch(callback);
			await landing.text();
			return true;
		}

		it('signs in through the loopback redirect, S256 checked by the fake, and caches the token with its refresh token', async () => {
			let opened = '';
			const result = await signInToSso(request({ flow: 'authorization-code', openBrowser: (url) => {
				opened = url;
				return browser(url);
			} }));
			assert.ok(result.ok, JSON.stringify(result));
			const query = new URL(opened).searchParams;
			assert.equal(new URL(opened).origin + new URL(opened).pathname, `${server.url}/authorize`);
			assert.match(query.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
			assert.deepEqual([query.get('code_challenge_method'), query.get('scopes')], ['S256', 'sso:account:access']);
			assert.ok(cached('my-sso').refreshToken);
		});

		it('ignores a callback with another state, and waits for its own', async () => {
			const result = await signInToSso(request({ flow: 'authorization-code', openBrowser: (url) => browser(url, async (callback) => {
				const forged = new URL(callback);
				forged.searchParams.set('state', 'forged');
				assert.equal((await fetch(forged)).status, 400);
			}) }));
			assert.ok(result.ok);
		});

		it('says denied when the user denies on the page, and no-browser when none opens', async () => {
			server.identityCenter?.setBrowserDecision('deny');
			const denied = await signInToSso(request({ flow: 'authorization-code', openBrowser: (url) => browser(url) }));
			assert.equal(denied.ok ? undefined : denied.failure.code, 'denied');
			const none = await signInToSso(request({ flow: 'authorization-code', openBrowser: async () => false }));
			assert.equal(none.ok ? undefined : none.failure.code, 'no-browser');
			const noOpener = await signInToSso(request({ flow: 'authorization-code' }));
			assert.equal(noOpener.ok ? undefined : noOpener.failure.code, 'no-browser');
		});

		it('gives up when the browser never comes back', async () => {
			const result = await signInToSso(request({ flow: 'authorization-code', openBrowser: async () => true, browserTimeoutMs: 60_000 }));
			assert.equal(result.ok ? undefined : result.failure.code, 'expired');
			assert.deepEqual(sleeps, [60_000]);
		});
	});

	describe('refresh and sign-out', () => {
		it('renews the token with the refresh token, keeping the registration and taking the new refresh token', async () => {
			assert.ok((await signInToSso(request(approveAfter(1)))).ok);
			const before = cached('my-sso');
			now += 7 * 3600_000;
			const result = await refreshSsoToken(request());
			assert.ok(result.ok, JSON.stringify(result));
			const after = cached('my-sso');
			assert.notEqual(after.accessToken, before.accessToken);
			assert.deepEqual([after.clientId, after.clientSecret, after.registrationExpiresAt], [before.clientId, before.clientSecret, before.registrationExpiresAt]);
			assert.ok(after.refreshToken && after.refreshToken !== before.refreshToken);
			assert.equal(after.expiresAt, '2026-12-08T08:00:01Z');
		});

		it('cannot renew a legacy token, a missing one, or one whose registration expired', async () => {
			assert.equal((await refreshSsoToken(request())).ok ? undefined : 'no-token', 'no-token');
			assert.ok((await signInToSso(request({ target: legacy, ...approveAfter(1) }))).ok);
			const legacyResult = await refreshSsoToken(request({ target: legacy }));
			assert.equal(legacyResult.ok ? undefined : legacyResult.failure.code, 'not-refreshable');
			assert.ok((await signInToSso(request(approveAfter(2)))).ok);
			now += 91 * 24 * 3600_000;
			const expired = await refreshSsoToken(request());
			assert.equal(expired.ok ? undefined : expired.failure.code, 'not-refreshable');
		});

		it('says so when the service refuses the refresh token', async () => {
			assert.ok((await signInToSso(request(approveAfter(1)))).ok);
			server.identityCenter?.revokeRefreshTokens();
			const result = await refreshSsoToken(request());
			assert.equal(result.ok ? undefined : result.failure.code, 'refused');
		});

		it('signs out: the portal forgets the token and the file is removed', async () => {
			assert.ok((await signInToSso(request(approveAfter(1)))).ok);
			const result = await signOutOfSso(request());
			assert.deepEqual(result, { ok: true, removed: true, file: path.join(cacheFolder, `${sha1('my-sso')}.json`) });
			assert.ok(server.requests.some((r) => r.service === 'sso' && r.action === 'Logout' && r.status === 200));
			assert.deepEqual(fs.readdirSync(cacheFolder), []);
			const again = await signOutOfSso(request());
			assert.ok(again.ok && !again.removed);
		});

		it('signs out offline too', async () => {
			assert.ok((await signInToSso(request(approveAfter(1)))).ok);
			const result = await signOutOfSso(request({ endpoints: { oidc: 'http://127.0.0.1:9', portal: 'http://127.0.0.1:9' } }));
			assert.ok(result.ok && result.removed);
		});
	});

	describe('what the sign-in gives access to', () => {
		it('lists every account and its roles, every page, with the cached token', async () => {
			assert.ok((await signInToSso(request(approveAfter(1)))).ok);
			if (server.identityCenter) {
				server.identityCenter.portalPageSize = 1;
			}
			const result = await listSsoAccess(request());
			assert.deepEqual(result, { ok: true, accounts: [
				{ accountId: '111111111111', accountName: 'Production', emailAddress: 'aws-prod@example.com', roles: ['AdministratorAccess', 'ReadOnly'] },
				{ accountId: '333333333333', accountName: 'Audit', emailAddress: 'aws-audit@example.com', roles: ['ReadOnly'] },
				{ accountId: '444444444444', accountName: 'Sandbox', emailAddress: 'aws+444444444444@example.com', roles: ['Developer'] },
			] });
			assert.equal(server.requests.filter((r) => r.action === 'ListAccounts').length, 3);
		});

		it('asks to sign in again when there is no token, it expired, or the portal refuses it', async () => {
			assert.equal((await listSsoAccess(request())).ok ? undefined : 'no-token', 'no-token');
			assert.ok((await signInToSso(request(approveAfter(1)))).ok);
			server.identityCenter?.expireAccessTokens(new Date(now));
			const refused = await listSsoAccess(request());
			assert.deepEqual(refused.ok ? undefined : refused.failure, { code: 'no-token', message: 'Sign in again: the session has expired or was signed out.' });
			now += 9 * 3600_000;
			const expired = await listSsoAccess(request());
			assert.equal(expired.ok ? undefined : expired.failure.code, 'no-token');
		});
	});

	it('never logs a token or secret, nor puts one in a failure', async () => {
		assert.ok((await signInToSso(request(approveAfter(1)))).ok);
		const token = cached('my-sso');
		const text = logLines.join('\n');
		for (const secret of [token.accessToken, token.clientSecret, token.refreshToken]) {
			assert.ok(!text.includes(secret));
		}
	});
});
