/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm run test:vscode`: the integration suite (test/vscode) inside a real VS Code 1.100, offline.

import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { freePort, projectRoot, runSuitesInWorkbench, startCodeServer, TestRunResult } from './codeServer';
import { createSandbox } from './sandbox';
import { readSeedFile, startFakeAws } from '../fake-aws/server';

const fixtures = path.join(projectRoot, 'test', 'fixtures');
/** The main suite, then the one that checks what survives a reload, in a new window on the same sandbox. */
const suites = [
	path.join(projectRoot, 'out', 'test', 'vscode', 'index.js'),
	path.join(projectRoot, 'out', 'test', 'vscode', 'reload', 'index.js'),
];

export async function runVscodeSuite(timeoutMs = 20 * 60_000): Promise<TestRunResult> {
	// Where the tests save the workbench's pictures (the README's screenshots come from here).
	process.env.AWS_PROFILES_SCREENSHOTS ??= path.join(projectRoot, 'out', 'screenshots');
	// The local AWS endpoint the extension's SDK calls reach (the SDK honours AWS_ENDPOINT_URL).
	const aws = await startFakeAws(readSeedFile(path.join(fixtures, 'fake-aws-seed.json')));
	const sandbox = createSandbox({
		home: path.join(fixtures, 'home'),
		workspace: path.join(fixtures, 'workspace'),
		env: { AWS_ENDPOINT_URL: aws.url, AWS_EC2_METADATA_DISABLED: 'true' },
	});
	const server = await startCodeServer(sandbox, await freePort());
	try {
		return await runSuitesInWorkbench(server, sandbox, suites, {
			timeoutMs,
			onLog: (line) => console.log(`  ${line}`),
			onSuiteEnd: (suite, result) => {
				if (result.exitCode !== 0) {
					console.log(`${path.relative(projectRoot, suite)} ended with code ${result.exitCode}; code-server's log:`);
					console.log(readFileSync(server.logFile, 'utf8').split('\n').slice(-40).join('\n'));
				}
			},
		});
	} finally {
		await server.stop();
		await aws.close();
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
