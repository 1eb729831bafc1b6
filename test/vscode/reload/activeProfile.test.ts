/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { activateExtension, testingApi } from '../helpers';
import { recordedActiveProfile } from '../reloadHandoff';

describe('After a reload of the window', () => {
	it('keeps the active profile of the workspace, in the status bar and for new terminals', async () => {
		const active = recordedActiveProfile();
		assert.ok(active, 'the main suite ended with no active profile to check');
		const api = await testingApi();
		await api.store.snapshot();
		assert.equal((await activateExtension()).getActiveProfile(), active);
		assert.match(api.statusBar.text, new RegExp(`^\\$\\(cloud\\) ${active}\\b`));
		assert.equal(api.terminalEnvironment.get('AWS_PROFILE')?.value, active);
	});
});
