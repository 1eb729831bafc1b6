/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import type { Expiry } from '../../src/core/model/expiry';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { span, timeLeftLabel, timeLeftSentence } from '../../src/core/display/timeLeft';
import { fakeProfileSet } from './fakeProfileSet';

const now = Date.UTC(2026, 0, 2, 12, 0, 0);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

function known(expiresAt: number, refreshable = false): Expiry {
	return { state: 'known', expiresAt, refreshable, source: { kind: 'property', property: 'aws_expiration' } };
}

describe('Time left on temporary credentials', () => {
	it('says how long they still work: "expires in 42 min"', () => {
		assert.equal(timeLeftLabel(known(now + 42 * minute), now), 'expires in 42 min');
		assert.equal(timeLeftLabel(known(now + 42 * minute + 59_000), now), 'expires in 42 min', 'a started minute is not counted');
		assert.equal(timeLeftLabel(known(now + 3 * minute), now), 'expires in 3 min', 'within the SDK\'s five minutes, still a time');
		assert.equal(timeLeftLabel(known(now + 30_000), now), 'expires in less than a minute');
	});

	it('says how long ago they stopped working: "expired 3 h ago"', () => {
		assert.equal(timeLeftLabel(known(now - 3 * hour), now), 'expired 3 h ago');
		assert.equal(timeLeftLabel(known(now), now), 'expired less than a minute ago');
		assert.equal(timeLeftLabel(known(now - 90 * minute), now), 'expired 90 min ago');
	});

	it('counts in the unit a person reads: minutes, hours, days, months, years', () => {
		assert.equal(span(119 * minute), '119 min');
		assert.equal(span(2 * hour), '2 h');
		assert.equal(span(47 * hour + 59 * minute), '47 h');
		assert.equal(span(2 * day), '2 days');
		assert.equal(span(59 * day), '59 days');
		assert.equal(span(90 * day), '2 months');
		assert.equal(span(6 * 365 * day), '5 years');
		assert.equal(span(-3 * hour), '3 h', 'the sign is the caller\'s to say');
	});

	it('says an SSO token the SDK renews by itself renews, rather than expired', () => {
		assert.equal(timeLeftLabel(known(now - hour, true), now), 'token renews on use');
		assert.equal(timeLeftLabel(known(now + 2 * minute, true), now), 'expires in 2 min, renews on use');
		assert.equal(timeLeftLabel(known(now + 2 * hour, true), now), 'expires in 2 h');
	});

	it('says nothing when nothing is known: no expiry, no cached token, an unreadable time', () => {
		assert.equal(timeLeftLabel(undefined, now), undefined);
		assert.equal(timeLeftLabel({ state: 'no-token', source: { kind: 'sso-token-cache', file: '/x.json' } }, now), undefined);
		assert.equal(timeLeftLabel({ state: 'unreadable', reason: 'r', source: { kind: 'property', property: 'aws_expiration' } }, now), undefined);
	});

	it('says it as a sentence for the status bar, of the credentials or of the SSO token', () => {
		assert.equal(timeLeftSentence(known(now + 42 * minute), now), 'Its credentials expire in 42 min.');
		assert.equal(timeLeftSentence(known(now - 3 * hour), now), 'Its credentials expired 3 h ago.');
		const sso = (expiresAt: number, refreshable: boolean): Expiry => ({ state: 'known', expiresAt, refreshable, source: { kind: 'sso-token-cache', file: '/x.json' } });
		assert.equal(timeLeftSentence(sso(now + 42 * minute, false), now), 'Its SSO token expires in 42 min.');
		assert.equal(timeLeftSentence(sso(now - 3 * hour, true), now), 'Its SSO token has expired; the SDK renews it on use.');
		assert.equal(timeLeftSentence(undefined, now), undefined);
	});

	it('reads the expiry a tool wrote beside temporary keys (aws_expiration, x_security_token_expires)', () => {
		const model = buildProfileModel(fakeProfileSet({
			profiles: {
				saml: { aws_access_key_id: 'ASIAFIXTURE000000001', aws_secret_access_key: 'fixtureSecret', aws_session_token: 't', aws_expiration: '2026-01-02T12:42:00Z' },
				vault: { aws_access_key_id: 'ASIAFIXTURE000000002', aws_secret_access_key: 'fixtureSecret', aws_session_token: 't', x_security_token_expires: '2026-01-02T09:00:00Z' },
			},
		}));
		assert.equal(timeLeftLabel(model.profiles.get('saml')!.expiry, now), 'expires in 42 min');
		assert.equal(timeLeftLabel(model.profiles.get('vault')!.expiry, now), 'expired 3 h ago');
	});
});
