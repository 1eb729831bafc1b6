/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { isTemporaryKeys, kindLabel, lacksSessionToken } from '../../src/core/display/profileDisplay';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { profileSummary } from '../../src/core/display/profileSummary';
import { fakeProfileSet } from './fakeProfileSet';

function entryWith(properties: Record<string, string>) {
	const entry = buildProfileModel(fakeProfileSet({ profiles: { p: properties } })).profiles.get('p');
	assert.ok(entry);
	return entry;
}

const secret = { aws_secret_access_key: 'fixtureSecret000000000000000000000000001' };

describe('How a profile\'s keys are named', () => {
	it('calls AKIA keys long-term, and keys with a session token temporary', () => {
		const longTerm = entryWith({ aws_access_key_id: 'AKIAFIXTURE000000001', ...secret });
		assert.equal(kindLabel(longTerm.kind), 'keys');
		assert.match(profileSummary(longTerm, { now: 0, active: false }), /\(long-term\)/);
		const temporary = entryWith({ aws_access_key_id: 'ASIAFIXTURE000000001', ...secret, aws_session_token: 'fixtureToken' });
		assert.equal(kindLabel(temporary.kind), 'temporary keys');
		assert.ok(isTemporaryKeys(temporary.kind) && !lacksSessionToken(temporary.kind));
	});

	it('calls an ASIA key without its session token temporary, and says that AWS rejects it', () => {
		const entry = entryWith({ aws_access_key_id: 'ASIAFIXTURE000000001', ...secret });
		assert.equal(kindLabel(entry.kind), 'temporary keys');
		assert.ok(lacksSessionToken(entry.kind));
		const summary = profileSummary(entry, { now: 0, active: false });
		assert.doesNotMatch(summary, /long-term/);
		assert.match(summary, /without its session token: AWS rejects it/);
	});
});
