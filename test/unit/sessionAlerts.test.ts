/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { parseAwsCliVersion, shellWord, supportsAwsLogin } from '../../src/core/sessions/awsCliVersion';
import type { Expiry } from '../../src/core/model/expiry';
import { hourMs, nextSessionChange, sessionState, warningDue, warningKey } from '../../src/core/sessions/sessionAlerts';

const now = Date.UTC(2026, 11, 7, 18, 0, 0);
const minute = 60_000;

function known(expiresAt: number, refreshable = false): Expiry {
	return { state: 'known', expiresAt, refreshable, source: { kind: 'sso-token-cache', file: '/tmp/x.json' } };
}

describe('The active session: time left, warning, next moment', () => {
	it('shows nothing above an hour, the time left under it, expired after, and signed out without a token', () => {
		assert.deepEqual(sessionState(known(now + 2 * hourMs), now), { kind: 'fine' });
		assert.deepEqual(sessionState(known(now + hourMs), now), { kind: 'fine' });
		assert.deepEqual(sessionState(known(now + 42 * minute), now), { kind: 'under-hour', msLeft: 42 * minute });
		assert.deepEqual(sessionState(known(now), now), { kind: 'expired' });
		assert.deepEqual(sessionState({ state: 'no-token', source: { kind: 'sso-token-cache', file: '/tmp/x.json' } }, now), { kind: 'signed-out' });
		assert.deepEqual(sessionState(undefined, now), { kind: 'none' });
	});

	it('leaves alone a token the SDKs renew by themselves', () => {
		assert.deepEqual(sessionState(known(now - minute, true), now), { kind: 'fine' });
		assert.equal(warningDue(known(now + minute, true), now, 10 * minute), false);
		assert.equal(nextSessionChange(known(now + minute, true), now, 10 * minute), undefined);
	});

	it('warns within the setting\'s minutes before the end, never after it, never with 0', () => {
		assert.equal(warningDue(known(now + 10 * minute), now, 10 * minute), true);
		assert.equal(warningDue(known(now + 10 * minute + 1), now, 10 * minute), false);
		assert.equal(warningDue(known(now), now, 10 * minute), false);
		assert.equal(warningDue(known(now + minute), now, 0), false);
	});

	it('arms for the next moment: under an hour, the warning, the end', () => {
		const end = now + 2 * hourMs;
		assert.equal(nextSessionChange(known(end), now, 10 * minute), end - hourMs);
		assert.equal(nextSessionChange(known(end), end - hourMs, 10 * minute), end - 10 * minute);
		assert.equal(nextSessionChange(known(end), end - 10 * minute, 10 * minute), end);
		assert.equal(nextSessionChange(known(end), end - 10 * minute, 0), end);
		assert.equal(nextSessionChange(known(end), end, 10 * minute), undefined);
	});

	it('warns once per profile and session: a new sign-in is a new session', () => {
		assert.equal(warningKey('dev', known(now)), warningKey('dev', known(now)));
		assert.notEqual(warningKey('dev', known(now)), warningKey('dev', known(now + hourMs)));
	});
});

describe('aws login and the installed AWS CLI', () => {
	it('reads the version aws --version prints', () => {
		assert.deepEqual(parseAwsCliVersion('aws-cli/2.32.4 Python/3.13.7 Linux/6.8.0 exe/x86_64.ubuntu.24\n'), { major: 2, minor: 32, patch: 4, text: '2.32.4' });
		assert.equal(parseAwsCliVersion('command not found'), undefined);
	});

	it('has aws login from 2.32.0', () => {
		const has = (text: string) => supportsAwsLogin(parseAwsCliVersion(`aws-cli/${text} Python/3`)!);
		assert.equal(has('2.32.0'), true);
		assert.equal(has('2.33.1'), true);
		assert.equal(has('3.0.0'), true);
		assert.equal(has('2.31.39'), false);
		assert.equal(has('1.45.11'), false);
	});

	it('quotes a profile name that is not one plain word', () => {
		assert.equal(shellWord('dev-1'), 'dev-1');
		assert.equal(shellWord('my dev'), '\'my dev\'');
		assert.equal(shellWord('a;rm -rf x'), '\'a;rm -rf x\'');
	});
});
