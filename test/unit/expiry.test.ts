/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	Expiry,
	expiryStatus,
	parseTimestamp,
	propertyExpiry,
	ssoCacheFileName,
} from '../../src/core/model/expiry';
import { readSsoTokenExpiries, readSsoTokenExpiry } from '../../src/core/io/tokenCacheReads';
import type { SsoTokenSource } from '../../src/core/model/profileKind';
import { fakeProfileSet } from './fakeProfileSet';

const noon = Date.UTC(2026, 0, 2, 12, 0, 0);
const clock = () => noon;
const minute = 60_000;

describe('Expiry', () => {
	describe('parseTimestamp', () => {
		it('reads a UTC time with Z', () => {
			assert.deepEqual(parseTimestamp('2026-01-02T12:00:00Z'), { ok: true, epochMs: noon });
		});

		it('applies an offset with a colon', () => {
			assert.deepEqual(parseTimestamp('2026-01-02T14:00:00+02:00'), { ok: true, epochMs: noon });
		});

		it('applies an offset without a colon, and a negative one', () => {
			assert.deepEqual(parseTimestamp('2026-01-02T13:30:00+0130'), { ok: true, epochMs: noon });
			assert.deepEqual(parseTimestamp('2026-01-02T07:00:00-05'), { ok: true, epochMs: noon });
		});

		it('keeps milliseconds of a fraction of any length', () => {
			assert.deepEqual(parseTimestamp('2026-01-02T12:00:00.123456+00:00'), { ok: true, epochMs: noon + 123 });
		});

		it('accepts a space instead of T, as Python writes it', () => {
			assert.deepEqual(parseTimestamp('2026-01-02 12:00:00+00:00'), { ok: true, epochMs: noon });
		});

		it('accepts a lower-case z, and a UTC suffix as older AWS CLI versions wrote in the SSO cache', () => {
			assert.deepEqual(parseTimestamp('2026-01-02t12:00:00z'), { ok: true, epochMs: noon });
			assert.deepEqual(parseTimestamp('2026-01-02T12:00:00UTC'), { ok: true, epochMs: noon });
		});

		it('accepts a time without seconds', () => {
			assert.deepEqual(parseTimestamp('2026-01-02T12:00Z'), { ok: true, epochMs: noon });
		});

		it('refuses a time without a zone rather than guessing one', () => {
			assert.deepEqual(parseTimestamp('2026-01-02T12:00:00'), { ok: false, reason: 'no-time-zone' });
		});

		it('refuses what is not a date and time', () => {
			for (const text of ['', 'tomorrow', '1767355200', '2026-01-02']) {
				assert.deepEqual(parseTimestamp(text), { ok: false, reason: 'not-a-timestamp' }, text);
			}
		});

		it('refuses a date that does not exist', () => {
			assert.deepEqual(parseTimestamp('2026-02-30T12:00:00Z'), { ok: false, reason: 'out-of-range' });
		});

		it('counts the days of February alike with or without an offset, in leap years and in years below 100', () => {
			const leapDays = [['2024-02-29', true], ['2026-02-29', false], ['2000-02-29', true], ['2100-02-29', false], ['0004-02-29', true], ['0099-02-29', false]] as const;
			for (const [date, exists] of leapDays) {
				for (const text of [`${date}T00:00:00Z`, `${date}T00:00:00+00:00`]) {
					const parsed = parseTimestamp(text);
					const read = parsed.ok ? new Date(parsed.epochMs).toISOString().slice(0, 10) : parsed.reason;
					assert.equal(read, exists ? date : 'out-of-range', text);
				}
			}
		});

		it('refuses an hour or an offset out of range', () => {
			assert.deepEqual(parseTimestamp('2026-01-02T24:00:00Z'), { ok: false, reason: 'out-of-range' });
			assert.deepEqual(parseTimestamp('2026-01-02T12:00:00+25:00'), { ok: false, reason: 'out-of-range' });
		});
	});

	describe('propertyExpiry', () => {
		const sectionOf = (properties: Record<string, string>) => fakeProfileSet({ profiles: { p: properties } }).profiles.get('p')!;

		it('reads aws_expiration', () => {
			assert.deepEqual(propertyExpiry(sectionOf({ aws_expiration: '2026-01-02T12:00:00Z' })), {
				state: 'known', expiresAt: noon, refreshable: false, source: { kind: 'property', property: 'aws_expiration' },
			});
		});

		it('reads x_security_token_expires (saml2aws)', () => {
			const expiry = propertyExpiry(sectionOf({ x_security_token_expires: '2026-01-02T13:00:00+01:00' }));
			assert.deepEqual(expiry?.state === 'known' && [expiry.expiresAt, expiry.source], [noon, { kind: 'property', property: 'x_security_token_expires' }]);
		});

		it('takes the earlier of the two keys', () => {
			const expiry = propertyExpiry(sectionOf({ aws_expiration: '2026-01-02T13:00:00Z', x_security_token_expires: '2026-01-02T12:00:00Z' }));
			assert.deepEqual(expiry?.state === 'known' && [expiry.expiresAt, expiry.source.kind === 'property' && expiry.source.property], [noon, 'x_security_token_expires']);
		});

		it('prefers a readable key over an unreadable one', () => {
			const expiry = propertyExpiry(sectionOf({ aws_expiration: 'soon', x_security_token_expires: '2026-01-02T12:00:00Z' }));
			assert.equal(expiry?.state, 'known');
		});

		it('says why a value cannot be read, naming the key', () => {
			assert.deepEqual(propertyExpiry(sectionOf({ aws_expiration: '2026-01-02T12:00:00' })), {
				state: 'unreadable',
				reason: 'aws_expiration has no time zone (add Z or an offset such as +02:00)',
				source: { kind: 'property', property: 'aws_expiration' },
			});
		});

		it('is unknown without either key', () => {
			assert.equal(propertyExpiry(sectionOf({ aws_session_token: 't' })), undefined);
		});
	});

	describe('SSO token cache', () => {
		let cacheFolder: string;
		const session: SsoTokenSource = { kind: 'sso-session', session: 'my-sso' };
		const legacy: SsoTokenSource = { kind: 'legacy', startUrl: 'https://d-abc123.awsapps.com/start', region: 'us-east-1' };
		const sessionFile = '0ad374308c5a4e22f723adf10145eafad7c4031c.json';
		const legacyFile = '40a89917e3175433e361b710a9d43528d7f1890a.json';
		const write = (file: string, content: unknown) =>
			fs.writeFileSync(path.join(cacheFolder, file), typeof content === 'string' ? content : JSON.stringify(content));

		beforeEach(() => {
			cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-sso-cache-'));
		});

		afterEach(() => {
			fs.rmSync(cacheFolder, { recursive: true, force: true });
		});

		it('names the file by the sha1 of the sso-session name, or of the start URL', () => {
			assert.equal(ssoCacheFileName('my-sso'), sessionFile);
			assert.equal(ssoCacheFileName('https://d-abc123.awsapps.com/start'), legacyFile);
		});

		it('reads expiresAt of an sso-session token', async () => {
			write(sessionFile, { accessToken: 'secret-token', expiresAt: '2026-01-02T12:30:00Z' });
			assert.deepEqual(await readSsoTokenExpiry(cacheFolder, session, clock), {
				state: 'known', expiresAt: noon + 30 * minute, refreshable: false,
				source: { kind: 'sso-token-cache', file: path.join(cacheFolder, sessionFile) },
			});
		});

		it('finds a legacy profile token by its start URL', async () => {
			write(legacyFile, { accessToken: 'secret-token', expiresAt: '2026-01-02T11:00:00UTC' });
			const expiry = await readSsoTokenExpiry(cacheFolder, legacy, clock);
			assert.deepEqual(expiry?.state === 'known' && expiry.expiresAt, noon - 60 * minute);
		});

		it('says an sso-session token is refreshable with its refresh token and a live registration', async () => {
			write(sessionFile, {
				accessToken: 'a', expiresAt: '2026-01-02T11:00:00Z', refreshToken: 'r', clientId: 'c', clientSecret: 's',
				registrationExpiresAt: '2026-03-01T00:00:00Z',
			});
			const expiry = await readSsoTokenExpiry(cacheFolder, session, clock);
			assert.equal(expiry?.state === 'known' && expiry.refreshable, true);
		});

		it('says a token is not refreshable once its client registration has expired by the clock', async () => {
			write(sessionFile, {
				accessToken: 'a', expiresAt: '2026-01-02T11:00:00Z', refreshToken: 'r', clientId: 'c', clientSecret: 's',
				registrationExpiresAt: '2026-01-02T11:59:00Z',
			});
			const expiry = await readSsoTokenExpiry(cacheFolder, session, clock);
			assert.equal(expiry?.state === 'known' && expiry.refreshable, false);
		});

		it('never says a legacy token is refreshable, as the SDKs do not renew it', async () => {
			write(legacyFile, { accessToken: 'a', expiresAt: '2026-01-02T11:00:00Z', refreshToken: 'r', clientId: 'c', clientSecret: 's' });
			const expiry = await readSsoTokenExpiry(cacheFolder, legacy, clock);
			assert.equal(expiry?.state === 'known' && expiry.refreshable, false);
		});

		it('is no-token when the cache file does not exist', async () => {
			assert.deepEqual(await readSsoTokenExpiry(cacheFolder, session, clock), {
				state: 'no-token', source: { kind: 'sso-token-cache', file: path.join(cacheFolder, sessionFile) },
			});
		});

		it('is no-token when the cache folder does not exist', async () => {
			const expiry = await readSsoTokenExpiry(path.join(cacheFolder, 'absent'), session, clock);
			assert.equal(expiry?.state, 'no-token');
		});

		it('is unreadable for a file that is not JSON, without quoting it', async () => {
			write(sessionFile, '{"accessToken": "secret-token-value", oops');
			const expiry = await readSsoTokenExpiry(cacheFolder, session, clock);
			assert.equal(expiry?.state, 'unreadable');
			assert.ok(!JSON.stringify(expiry).includes('secret-token-value'));
		});

		it('is unreadable for a token without a readable expiresAt', async () => {
			write(sessionFile, { accessToken: 'a' });
			assert.deepEqual(await readSsoTokenExpiry(cacheFolder, session, clock).then(e => e?.state === 'unreadable' && e.reason), 'the cached token has no expiresAt');
			write(sessionFile, { accessToken: 'a', expiresAt: 'later' });
			assert.equal((await readSsoTokenExpiry(cacheFolder, session, clock))?.state, 'unreadable');
		});

		it('is unknown for a legacy profile without a start URL', async () => {
			assert.equal(await readSsoTokenExpiry(cacheFolder, { kind: 'legacy', region: 'us-east-1' }, clock), undefined);
		});

		it('reads several logins into a map by cache id', async () => {
			write(sessionFile, { accessToken: 'a', expiresAt: '2026-01-02T12:30:00Z' });
			const tokens = await readSsoTokenExpiries(cacheFolder, [session, legacy, { kind: 'legacy' }], clock);
			assert.deepEqual([...tokens.keys()], ['my-sso', 'https://d-abc123.awsapps.com/start']);
			assert.deepEqual([...tokens.values()].map(e => e.state), ['known', 'no-token']);
		});
	});

	describe('expiryStatus', () => {
		const known = (expiresAt: number, refreshable = false): Expiry =>
			({ state: 'known', expiresAt, refreshable, source: { kind: 'property', property: 'aws_expiration' } });

		it('is valid more than five minutes before expiry', () => {
			assert.equal(expiryStatus(known(noon + 6 * minute), noon), 'valid');
		});

		it('is expiring-soon within the five minutes the JS SDK already treats as expired', () => {
			assert.equal(expiryStatus(known(noon + 4 * minute), noon), 'expiring-soon');
		});

		it('is expired at and after the expiry time', () => {
			assert.equal(expiryStatus(known(noon), noon), 'expired');
		});

		it('is refreshable when expired or expiring but renewable', () => {
			assert.equal(expiryStatus(known(noon - minute, true), noon), 'refreshable');
			assert.equal(expiryStatus(known(noon + minute, true), noon), 'refreshable');
		});

		it('takes another expiring-soon window', () => {
			assert.equal(expiryStatus(known(noon + 10 * minute), noon, 15 * minute), 'expiring-soon');
		});

		it('is no-token or unknown when the expiry could not be known', () => {
			const source = { kind: 'sso-token-cache', file: 'f' } as const;
			assert.equal(expiryStatus({ state: 'no-token', source }, noon), 'no-token');
			assert.equal(expiryStatus({ state: 'unreadable', reason: 'r', source }, noon), 'unknown');
		});
	});
});
