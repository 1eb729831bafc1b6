/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The SSO-expiry test of verifyFailure.ts, which was `/sso.*(expired|refresh|login)|.../i` (quadratic on a
// long message, test/attacks/regexBudget.test.ts) and is now a line-by-line search: it tells exactly the
// messages the expression told, on generated messages.

import * as assert from 'node:assert/strict';
import { describeFailure } from '../../src/aws/verifyFailure';
import { Gen, random } from './seededRandom';

const oldExpression = /sso.*(expired|refresh|login)|token is expired|aws sso login/i;

const pieces = ['sso', 'SSO', 'sSo', 'ss', 'o', ' ', 'expired', 'EXPIRED', 'refresh', 'login', 'Login', 'log', 'in', 'token is expired',
	'aws sso login', 'aws sso', '\n', '\r', '\u2028', '\u2029', 'x', 'é', 'ſ', 'K'];

function isSsoExpiry(message: string): boolean {
	return describeFailure({ name: 'SomeError', message }, 'p').code === 'sso-expired';
}

describe('describeFailure, the SSO expiry test', () => {
	it('tells an SSO session that needs a new sign-in', () => {
		assert.ok(isSsoExpiry('The SSO session associated with this profile has expired or is otherwise invalid.'));
		assert.ok(isSsoExpiry('Error loading SSO Token: Token for x does not exist. Run aws sso login'));
		assert.ok(!isSsoExpiry('Could not refresh\nthe SSO token'));
	});

	it('tells exactly the messages the old regular expression told (3000 generated messages)', () => {
		for (let seed = 1; seed <= 3000; seed++) {
			const g = new Gen(random(seed));
			const message = Array.from({ length: 1 + g.int(8) }, () => g.pick(pieces)).join('');
			assert.equal(isSsoExpiry(message), oldExpression.test(message), `seed ${seed}: ${JSON.stringify(message)}`);
		}
	});
});
