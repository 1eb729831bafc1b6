/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Part of `npm run bench`: how soon an in-place append to the credentials file (fs.appendFile, no rename) shows
// in the Profiles view, in a real VS Code 1.100 with the view open (appendProbe.ts does the appending). Targets
// (issue 19): under 300 ms at 500 profiles; (issue 20) under 1 s at 10,000. The median of several appends.

import * as path from 'node:path';
import { freePort, projectRoot, runSuitesInWorkbench, startCodeServer } from '../harness/codeServer';
import { createSandbox } from '../harness/sandbox';
import { reportTargets } from './targets';

const targets: Readonly<Record<number, number>> = { 500: 300, 10_000: 1000 };
const probe = path.join(projectRoot, 'out', 'test', 'bench', 'appendProbe.js');
const fixtures = path.join(projectRoot, 'test', 'fixtures');
/** What the probe logs. */
const appendLine = /^append (\d+): ([\d. ]+)$/;

async function main(): Promise<number> {
	const sandbox = createSandbox({ home: path.join(fixtures, 'home'), workspace: path.join(fixtures, 'workspace') }, 'aws-profiles-bench-');
	const server = await startCodeServer(sandbox, await freePort());
	const measured = new Map<number, number[]>();
	try {
		const result = await runSuitesInWorkbench(server, sandbox, [probe], {
			timeoutMs: 300_000,
			onLog: (line) => {
				const match = appendLine.exec(line.trim());
				if (match) {
					measured.set(Number(match[1]), match[2].trim().split(/\s+/).map(Number));
				} else if (/error|Error/.test(line)) {
					console.log(line);
				}
			},
		});
		if (result.exitCode !== 0 || measured.size !== Object.keys(targets).length) {
			console.log(`The append probe failed (exit ${result.exitCode}, ${measured.size} sizes reported).`);
			return 1;
		}
	} finally {
		await server.stop();
		sandbox.dispose();
	}
	console.log('In-place append to the credentials file until the view lists the profile, in VS Code:');
	const failures: string[] = [];
	for (const [profiles, times] of measured) {
		const sorted = [...times].sort((a, b) => a - b);
		const median = sorted[Math.floor(sorted.length / 2)];
		const target = targets[profiles];
		console.log(`  ${String(profiles).padStart(6)} profiles: median ${median.toFixed(1).padStart(7)} ms (target < ${target} ms); each ${times.map((ms) => ms.toFixed(0)).join(', ')}`);
		if (!(median < target)) {
			failures.push(`an append at ${profiles} profiles shows after ${median.toFixed(0)} ms (target < ${target} ms)`);
		}
	}
	return reportTargets(failures);
}

main().then((status) => process.exit(status), (error: unknown) => {
	console.error(error);
	process.exit(1);
});
