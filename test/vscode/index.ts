/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The integration suite's entry: VS Code loads this file in the extension host and calls run().

import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { handOffToReload } from './reloadHandoff';

export function run(): Promise<void> {
	// What the reload suite checks after a reload of the window is set up at the very end (reloadHandoff.ts).
	return runSuites(__dirname, 'vscode', { afterAll: handOffToReload });
}

/** Runs the `*.test.js` files of `folder` with mocha and ends with the line `<name>: N passed, N failed`. */
export async function runSuites(folder: string, name: string, rootHooks: Mocha.RootHookObject = {}): Promise<void> {
	console.log(`Running the ${name} tests in VS Code ${vscode.version} (${vscode.env.appHost}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI).`);
	const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', rootHooks });
	const only = process.env.AWS_PROFILES_TEST_GREP;
	if (only) {
		mocha.grep(only);
	}
	for (const file of readdirSync(folder).filter((entry) => entry.endsWith('.test.js')).sort(freshWindowFirst)) {
		mocha.addFile(path.join(folder, file));
	}
	const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
		const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
	});
	console.log(`${name}: ${passed} passed, ${failed} failed`);
	if (failed > 0) {
		throw new Error(`${failed} integration tests failed.`);
	}
}

/**
 * The files that need a window where nothing has happened yet come first: the activation test (no AWS SDK
 * loaded yet) and then freshWindow.test.js (walkthrough events not seen yet). The others, by name.
 */
function freshWindowFirst(a: string, b: string): number {
	const rank = (file: string) => {
		const index = ['activation.test.js', 'freshWindow.test.js'].indexOf(file);
		return index === -1 ? 2 : index;
	};
	return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
