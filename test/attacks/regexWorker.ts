/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Runs regular expressions on long strings in a worker thread, so that one that backtracks for hours can be
// stopped (`worker.terminate()`) by the thread that keeps the time. Reports after each run, so that the
// keeper knows which one hung. Runs come sorted by shape: each line is built once for all that share it.

import { parentPort, workerData } from 'node:worker_threads';
import { build, Shape } from './regexShapes';

export interface RegexRun {
	readonly source: string;
	readonly flags: string;
	readonly shape: Shape;
}

export interface WorkerInput {
	readonly runs: readonly RegexRun[];
	readonly first: number;
	readonly size: number;
}

const { runs, first, size } = workerData as WorkerInput;
let built: { shape: Shape; text: string } | undefined;
for (let index = first; index < runs.length; index++) {
	const { source, flags, shape } = runs[index];
	if (!built || built.shape.prefix !== shape.prefix || built.shape.unit !== shape.unit || built.shape.suffix !== shape.suffix) {
		built = { shape, text: build(shape, size) };
	}
	const text = built.text;
	const expression = new RegExp(source, flags);
	const started = performance.now();
	// As the code uses them: a global expression through `replace` (every match, which includes what `exec`
	// would find first), the others through `exec` (what `test`, `search` and `match` do).
	if (expression.global) {
		text.replace(expression, '');
	} else {
		expression.exec(text);
	}
	parentPort!.postMessage({ index, ms: performance.now() - started });
}
