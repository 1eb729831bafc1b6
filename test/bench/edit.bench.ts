/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Part of `npm run bench`: what one edit costs on a large pair, from disk to disk (read both files, plan, check the
// syntax, write atomically with a backup). Target (hardening issue): a `set` of one key, and an add, on a 16 MB pair
// each under a second. A `set` on a 100 MB file once took 308 s: the whole files were parsed literally (an object per
// line) and read three times more for the safety net. Each is timed five times after two warm-up runs; the median
// counts, and the fastest and slowest are printed, since this project's machines change speed from second to second.

import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyProfileOperation } from '../../src/core/io/profileFileWriter';
import type { ProfileOperation } from '../../src/core/editing/profileEdits';
import { writeGeneratedFiles } from './generateProfiles';
import { reportTargets } from './targets';

const targetMs = 1000;
/** About 16 MB for the pair (100,000 profiles take 15 MB). */
const profileCount = 107_000;
const runs = 5;

function median(values: number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** The times of `runs` edits after two warm-up ones; `operation(i)` is the i-th edit, each a real change. */
async function time(locations: { configFile: string; credentialsFile: string }, operation: (i: number) => ProfileOperation): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs + 2; i++) {
		const start = performance.now();
		await applyProfileOperation(locations, operation(i));
		if (i >= 2) {
			times.push(performance.now() - start);
		}
	}
	return times;
}

async function main(): Promise<number> {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-edit-bench-'));
	const failures: string[] = [];
	try {
		const files = writeGeneratedFiles(folder, profileCount);
		const locations = { configFile: files.configFile, credentialsFile: files.credentialsFile };
		console.log(`one edit of a ${profileCount.toLocaleString('en')}-profile pair, ${(files.bytes / 1e6).toFixed(1)} MB, from disk to disk:`);
		const edits: Record<string, (i: number) => ProfileOperation> = {
			'set region of one profile': (i) => ({ op: 'set', profile: 'client-5-s3', key: 'region', value: ['eu-west-2', 'eu-west-3'][i % 2] }),
			'add a profile with keys': (i) => ({
				op: 'add',
				profile: { kind: 'static', name: `bench-${i}`, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40), region: 'us-east-1' },
			}),
		};
		for (const [label, operation] of Object.entries(edits)) {
			const times = await time(locations, operation);
			const ms = median(times);
			const met = ms < targetMs;
			console.log(`  ${label.padEnd(28)}${ms.toFixed(0).padStart(7)} ms median (${Math.min(...times).toFixed(0)}-${Math.max(...times).toFixed(0)})`
				+ `   target < ${targetMs} ms: ${met ? 'met' : 'MISSED'}`);
			if (!met) {
				failures.push(`${label}: ${ms.toFixed(0)} ms`);
			}
		}
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
	return reportTargets(failures);
}

main().then((status) => process.exit(status), (error: unknown) => {
	console.error(error);
	process.exit(1);
});
