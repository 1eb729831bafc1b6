/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { activateExtension, sandboxRoot, testingApi } from '../helpers';

describe('After a reload of the window', () => {
	it('keeps the active profile of the workspace, in the status bar and for new terminals', async () => {
		const { active } = JSON.parse(readFileSync(path.join(sandboxRoot(), 'active-profile-before-reload.json'), 'utf8')) as { active: string };
		assert.ok(active, 'the main suite left no active profile to check');
		const api = await testingApi();
		await api.store.snapshot();
		assert.equal((await activateExtension()).getActiveProfile(), active);
		assert.match(api.statusBar.text, new RegExp(`^\\$\\(cloud\\) ${active}\\b`));
		assert.equal(api.terminalEnvironment.get('AWS_PROFILE')?.value, active);
	});
});
