/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Runs the fuzz cases of one target in a worker thread, so that a case that hangs can be stopped by the
// thread that keeps the time. Before each case it says what the input is (its seed and mutations), so that
// a hang is told as exactly as a throw.

import { parentPort, workerData } from 'node:worker_threads';
import { Gen, random } from '../unit/seededRandom';
import { targets } from './fuzzTargets';

export interface FuzzWorkerInput {
	readonly target: string;
	readonly seeds: readonly number[];
}

export type FuzzMessage =
	| { readonly kind: 'start'; readonly seed: number; readonly steps: readonly string[] }
	| { readonly kind: 'done'; readonly seed: number; readonly ms: number; readonly size: number; readonly error?: string };

const { target, seeds } = workerData as FuzzWorkerInput;
const post = (message: FuzzMessage) => parentPort!.postMessage(message);
for (const seed of seeds) {
	const prepared = targets[target](new Gen(random(seed)));
	post({ kind: 'start', seed, steps: prepared.steps });
	const started = performance.now();
	let error: string | undefined;
	try {
		prepared.run();
	} catch (thrown) {
		error = thrown instanceof Error ? thrown.stack ?? thrown.message : String(thrown);
	}
	post({ kind: 'done', seed, ms: performance.now() - started, size: prepared.size, error });
}
