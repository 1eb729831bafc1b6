/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import type { Expiry, ExpirySource } from '../../src/core/model/expiry';
import { refreshKey, refreshLeadMs, refreshMoment } from '../../src/core/sessions/sessionRefresh';

const now = Date.UTC(2026, 11, 7, 18, 0, 0);
const minute = 60_000;
const cache: ExpirySource = { kind: 'sso-token-cache', file: '/tmp/sso/cache/x.json' };

function known(expiresAt: number, refreshable: boolean, source: ExpirySource = cache): Expiry & { state: 'known' } {
	return { state: 'known', expiresAt, refreshable, source };
}

describe('Renewing the active session\'s SSO token before it expires', () => {
	it('arms for a few minutes before the expiry of a renewable token', () => {
		assert.equal(refreshLeadMs, 5 * minute);
		assert.equal(refreshMoment(known(now + 60 * minute, true), { enabled: true, now }), now + 55 * minute);
		assert.equal(refreshMoment(known(now + 60 * minute, true), { enabled: true, now, leadMs: 10 * minute }), now + 50 * minute);
	});

	it('renews at once inside that window, and after the expiry while the registration lives', () => {
		assert.equal(refreshMoment(known(now + 2 * minute, true), { enabled: true, now }), now);
		assert.equal(refreshMoment(known(now - 2 * minute, true), { enabled: true, now }), now);
	});

	it('never renews with the setting off', () => {
		assert.equal(refreshMoment(known(now + 2 * minute, true), { enabled: false, now }), undefined);
	});

	it('never renews a token without a refresh token or whose registration expired (not renewable), nor other sessions', () => {
		assert.equal(refreshMoment(known(now + 2 * minute, false), { enabled: true, now }), undefined);
		assert.equal(refreshMoment(known(now + 2 * minute, true, { kind: 'login-cache', file: '/tmp/login/x.json' }), { enabled: true, now }), undefined);
		assert.equal(refreshMoment(known(now + 2 * minute, false, { kind: 'property', property: 'aws_expiration' }), { enabled: true, now }), undefined);
		assert.equal(refreshMoment({ state: 'no-token', source: cache }, { enabled: true, now }), undefined);
		assert.equal(refreshMoment({ state: 'unreadable', reason: 'r', source: cache }, { enabled: true, now }), undefined);
		assert.equal(refreshMoment(undefined, { enabled: true, now }), undefined);
	});

	it('tries a token once: a failed renewal is not retried, a renewed token (a new expiry) is armed again', () => {
		const token = known(now + 2 * minute, true);
		const tried = new Set([refreshKey(token)]);
		assert.equal(refreshMoment(token, { enabled: true, now, tried }), undefined);
		assert.equal(refreshMoment(known(now + 8 * 60 * minute, true), { enabled: true, now, tried }), now + 8 * 60 * minute - refreshLeadMs);
	});
});
