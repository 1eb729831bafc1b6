/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { setupStepsDone } from '../../src/core/guidance/walkthroughProgress';

describe('Walkthrough progress', () => {
	it('counts what the setup shows done: profiles exist, a profile chosen, a profile pinned in a project file', () => {
		assert.deepEqual(setupStepsDone(undefined, {}), []);
		assert.deepEqual(setupStepsDone(undefined, { profileCount: 0, profileChosen: false, pinnedInProject: false }), []);
		assert.deepEqual(setupStepsDone(undefined, { profileCount: 3 }), ['addProfile']);
		assert.deepEqual(setupStepsDone(undefined, { profileChosen: true }), ['switchProfile']);
		assert.deepEqual(setupStepsDone(undefined, { pinnedInProject: true }), ['pinProfile']);
	});

	it('keeps the steps an earlier window recorded, in the walkthrough\'s order, and ignores what is not a step', () => {
		assert.deepEqual(setupStepsDone(['pinProfile', 'verifyProfile'], { profileCount: 1 }), ['addProfile', 'verifyProfile', 'pinProfile']);
		assert.deepEqual(setupStepsDone(['verifyProfile', 'verifyProfile', 'createIamUser', 7, null], {}), ['verifyProfile']);
		assert.deepEqual(setupStepsDone('verifyProfile', {}), [], 'stored state of another shape');
		assert.deepEqual(setupStepsDone({ verifyProfile: true }, {}), []);
	});
});
