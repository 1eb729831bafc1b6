/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The second suite: run in a fresh window (a new extension host) on the same sandbox after the main suite,
// to check what must survive a reload of the window.

import { runSuites } from '../index';
import { restoreAwsFiles } from '../reloadHandoff';

export function run(): Promise<void> {
	return runSuites(__dirname, 'reload', { beforeAll: restoreAwsFiles });
}
