/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The fuzz (issue 18, section 6): the readers, the lint and its session, the edits and every reference
// finder, over mutated fixtures and SDK suite files (fuzzInputs.ts), each input within a time budget and
// without a throw out of code that must report, not throw (fuzzTargets.ts). Seeded: a failure prints its
// seed and its mutations; `FUZZ_SEED=<seed> FUZZ_CASES=1 npx mocha out/test/attacks/fuzz.test.js -g <target>`
// runs that input alone (FUZZ_SEED moves the whole run to other seeds).

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { finderKinds, finderOf, projectFileNames, referenceFileKind } from './fuzzTargets';
import type { FuzzMessage, FuzzWorkerInput } from './fuzzWorker';

const firstSeed = Number(process.env.FUZZ_SEED ?? 18_000);
const casesOverride = process.env.FUZZ_CASES === undefined ? undefined : Number(process.env.FUZZ_CASES);

/**
 * Generous: a few-KB input takes milliseconds, the largest (64 KB) a few hundred; a hang or a quadratic
 * blow-up is what this catches, on a machine that may be shared with other work.
 */
function budgetMs(size: number): number {
	return 3000 + size / 8;
}

/** Stop a case that has run this long: it hangs. */
const hangMs = 30_000;

interface Failure {
	readonly seed: number;
	readonly steps: readonly string[];
	readonly reason: string;
}

async function fuzz(target: string, seeds: readonly number[]): Promise<Failure[]> {
	const failures: Failure[] = [];
	let remaining = seeds;
	while (remaining.length > 0) {
		const input: FuzzWorkerInput = { target, seeds: remaining };
		const worker = new Worker(path.join(__dirname, 'fuzzWorker.js'), { workerData: input });
		remaining = await new Promise<number[]>((resolve, reject) => {
			let current: { seed: number; steps: readonly string[] } | undefined;
			let done = 0;
			let timer: NodeJS.Timeout | undefined;
			worker.on('message', (message: FuzzMessage) => {
				clearTimeout(timer);
				if (message.kind === 'start') {
					current = message;
					timer = setTimeout(() => {
						failures.push({ seed: message.seed, steps: message.steps, reason: `still running after ${hangMs} ms` });
						void worker.terminate();
						resolve(remaining.slice(done + 1));
					}, hangMs);
					return;
				}
				done++;
				const steps = current?.steps ?? [];
				if (message.error !== undefined) {
					failures.push({ seed: message.seed, steps, reason: `threw ${message.error}` });
				} else if (message.ms > budgetMs(message.size)) {
					failures.push({ seed: message.seed, steps, reason: `took ${message.ms.toFixed(0)} ms on ${message.size} characters` });
				}
			});
			worker.on('error', reject);
			worker.on('exit', () => {
				clearTimeout(timer);
				resolve(remaining.slice(done + 1));
			});
		});
	}
	return failures;
}

function report(target: string, failures: readonly Failure[]): string[] {
	return failures.map((failure) => [
		`${target} seed ${failure.seed}: ${failure.reason.split('\n').slice(0, 8).join('\n    ')}`,
		...failure.steps.map((step) => `    ${step}`),
	].join('\n'));
}

function seedsFor(target: string, cases: number): number[] {
	// Each target its own seeds, so that adding cases to one does not move the others.
	const offset = { readers: 0, lint: 1_000_000, edits: 2_000_000, resolvers: 3_000_000 }[target] ?? 0;
	return Array.from({ length: casesOverride ?? cases }, (_, i) => firstSeed + offset + i);
}

describe(`Fuzz of the readers, lint, edits and reference finders (seeds from ${firstSeed})`, function () {
	this.timeout(600_000);

	it('has a finder for every kind of reference file in the corpus', () => {
		const kinds = new Set(projectFileNames().map((name) => referenceFileKind(name)));
		assert.deepEqual([...kinds].filter((kind) => kind === undefined || !finderKinds.includes(kind)), []);
		assert.deepEqual([...new Set(finderKinds)].filter((kind) => !kinds.has(kind)), [], 'every finder has a file in the corpus');
		for (const name of projectFileNames()) {
			assert.equal(finderOf(name)?.kind, referenceFileKind(name), name);
		}
	});

	const cases: Record<string, number> = { readers: 1500, lint: 300, edits: 2000, resolvers: 1200 };
	for (const [target, count] of Object.entries(cases)) {
		it(`${target}: ${casesOverride ?? count} mutated inputs, none throws or hangs`, async () => {
			const started = Date.now();
			const failures = await fuzz(target, seedsFor(target, count));
			console.log(`      ${target}: ${Date.now() - started} ms, ${failures.length} failures`);
			assert.deepEqual(report(target, failures), []);
		});
	}
});
