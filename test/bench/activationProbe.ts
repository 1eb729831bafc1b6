/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Loaded by VS Code in the extension host for activation.bench.ts, in place of a test suite: it activates the
// extension (if VS Code has not already) and logs the extension's own activation time for the bench to read.

import { testingApi } from '../vscode/helpers';

export async function run(): Promise<void> {
	const { activationMs } = await testingApi();
	console.log(`activation: ${activationMs} ms`); // the line activation.bench.ts reads
}
