/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm run test:desktop`: the same integration suite in desktop VS Code, downloaded by @vscode/test-electron.
// Needs the internet and a display; CI uses runInCodeServer.ts instead.

import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { projectRoot } from './codeServer';
import { createSandbox } from './sandbox';

async function main(): Promise<void> {
	const fixtures = path.join(projectRoot, 'test', 'fixtures');
	const sandbox = createSandbox({ home: path.join(fixtures, 'home'), workspace: path.join(fixtures, 'workspace') });
	try {
		await runTests({
			version: '1.100.3',
			extensionDevelopmentPath: projectRoot,
			extensionTestsPath: path.join(projectRoot, 'out', 'test', 'vscode', 'index.js'),
			extensionTestsEnv: sandbox.env,
			launchArgs: [
				sandbox.workspace,
				'--disable-extensions',
				'--disable-workspace-trust',
				`--user-data-dir=${sandbox.userDataDir}`,
				`--extensions-dir=${sandbox.extensionsDir}`,
			],
		});
	} finally {
		sandbox.dispose();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
