/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm test` (after `tsc -p .` has type-checked and compiled everything): lint, bundle, the unit tests, the
// differential suite against the real AWS CLI (test/differential), the attack suite (test/attacks), the build
// tests (bundles, .vsix, CLI), then the integration tests inside a real VS Code. Every step runs even when an
// earlier one failed, and the run ends with one line `N passed, N failed`.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { projectRoot } from './harness/codeServer';
import { runVscodeSuite } from './harness/runInCodeServer';

interface StepResult {
	readonly name: string;
	readonly passed: number;
	readonly failed: number;
}

/** A command that passes or fails as a whole counts as one check. */
function runCheck(name: string, command: string, args: string[]): StepResult {
	console.log(`\n== ${name}: ${command} ${args.join(' ')}`);
	const { status } = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
	return status === 0 ? { name, passed: 1, failed: 0 } : { name, passed: 0, failed: 1 };
}

function testFiles(folder: string): string[] {
	if (!existsSync(folder)) {
		return [];
	}
	return readdirSync(folder).flatMap((entry) => {
		const file = path.join(folder, entry);
		if (statSync(file).isDirectory()) {
			return testFiles(file);
		}
		return entry.endsWith('.test.js') ? [file] : [];
	}).sort();
}

async function runMocha(name: string, folder: string, timeout = 20_000): Promise<StepResult> {
	console.log(`\n== ${name}`);
	const mocha = new Mocha({ ui: 'bdd', timeout, reporter: 'spec' });
	testFiles(path.join(projectRoot, 'out', 'test', folder)).forEach((file) => mocha.addFile(file));
	return new Promise((resolve) => {
		const runner = mocha.run(() => resolve({
			name,
			passed: runner.stats?.passes ?? 0,
			failed: runner.stats?.failures ?? 0,
		}));
	});
}

async function runIntegration(): Promise<StepResult> {
	console.log('\n== integration tests in VS Code (code-server + Chromium)');
	try {
		const result = await runVscodeSuite();
		// A suite that crashed before reporting still counts as a failure.
		const failed = result.exitCode !== 0 && result.failed === 0 ? 1 : result.failed;
		return { name: 'integration', passed: result.passed, failed };
	} catch (error) {
		console.error(error);
		return { name: 'integration', passed: 0, failed: 1 };
	}
}

async function main(): Promise<number> {
	const results: StepResult[] = [];
	results.push(runCheck('lint', process.execPath, [path.join(projectRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']));
	const build = runCheck('bundle', process.execPath, [path.join(projectRoot, 'esbuild.mjs')]);
	results.push(build);
	results.push(await runMocha('unit tests', 'unit'));
	// The differential suite against the real AWS CLI: some 400 Python starts, minutes rather than seconds,
	// so it is apart from the unit tests that a maintainer runs every few minutes.
	results.push(await runMocha('differential', 'differential', 900_000));
	// The attacks of the security trial (test/attacks): slower than unit tests, bounded to a few minutes.
	results.push(await runMocha('attack suite', 'attacks', 120_000));
	if (build.failed === 0) {
		results.push(await runMocha('build tests', 'build'));
		results.push(await runIntegration());
	}
	console.log('\n== summary');
	for (const result of results) {
		console.log(`${result.name.padEnd(12)} ${result.passed} passed, ${result.failed} failed`);
	}
	const passed = results.reduce((sum, r) => sum + r.passed, 0);
	const failed = results.reduce((sum, r) => sum + r.failed, 0);
	console.log(`${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

main().then((status) => process.exit(status), (error: unknown) => {
	console.error(error);
	process.exit(1);
});
