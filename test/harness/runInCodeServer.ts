/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm run test:vscode`: the integration suite (test/vscode) inside a real VS Code 1.100, offline.

import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { freePort, projectRoot, runSuiteInWorkbench, startCodeServer, TestRunResult } from './codeServer';
import { createSandbox } from './sandbox';

const fixtures = path.join(projectRoot, 'test', 'fixtures');
const suite = path.join(projectRoot, 'out', 'test', 'vscode', 'index.js');

export async function runVscodeSuite(timeoutMs = 20 * 60_000): Promise<TestRunResult> {
	const sandbox = createSandbox({ home: path.join(fixtures, 'home'), workspace: path.join(fixtures, 'workspace') });
	const server = await startCodeServer(sandbox, await freePort());
	try {
		const result = await runSuiteInWorkbench(server, sandbox, suite, {
			timeoutMs,
			onLog: (line) => console.log(`  ${line}`),
		});
		if (result.exitCode !== 0) {
			console.log(`The integration suite ended with code ${result.exitCode}; code-server's log:`);
			console.log(readFileSync(server.logFile, 'utf8').split('\n').slice(-40).join('\n'));
		}
		return result;
	} finally {
		await server.stop();
		if (!process.env.AWS_PROFILES_KEEP_SANDBOX) {
			sandbox.dispose();
		}
	}
}

if (require.main === module) {
	runVscodeSuite().then((result) => {
		console.log(`vscode: ${result.passed} passed, ${result.failed} failed`);
		process.exit(result.exitCode === 0 ? 0 : 1);
	}, (error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
