/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// This window started with no profile (the main suite moved the AWS files aside, reloadHandoff.ts) and saw
// them come back: the first time in this window that a profile exists, which is what step 2 completes on.
// (VS Code acts on the first occurrence of a step's event in a window only, so the main window, whose
// profiles exist from the start, cannot show it.)

import * as assert from 'node:assert/strict';
import { testingApi, waitForWorkbenchText, walkthroughStepDone } from '../helpers';

describe('Walkthrough, in a window that started without profiles', () => {
	it('marks "Add the profile" done once a profile exists', async () => {
		const api = await testingApi();
		assert.ok((api.store.current?.model.profiles.size ?? 0) > 0, 'the profiles are back');
		await api.walkthrough.open();
		await waitForWorkbenchText('Add the profile');
		assert.equal(await walkthroughStepDone('addProfile', true), true);
	});
});
