/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The regular-expression budget (issue 18, section 6): every regular expression of src/ runs on 1 MB lines of
// the worst shapes for it (regexShapes.ts) within a generous time each. Catastrophic backtracking takes
// seconds to hours on such a line, a linear expression milliseconds. The list is made by the TypeScript
// compiler (regexSources.ts) and checked against `grep`, so a regular expression added later is covered.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeShape, Shape, shapesFor } from './regexShapes';
import { findSourceRegexes, grepCallCounts, grepLiteralCounts, SourceRegexes } from './regexSources';
import type { RegexRun, WorkerInput } from './regexWorker';

/** A line of the worst shape is this long. */
const lineSize = 1 << 20;
/**
 * One expression on one line: linear ones take milliseconds, catastrophic ones minutes to hours; the margin
 * is for a machine shared with other work.
 */
const budgetMs = 5000;

/**
 * `RegExp(...)` calls whose source is built at run time, by file, with why they are not in the budget. A new
 * one fails the test until it is listed here with its reason.
 */
const knownDynamic: Readonly<Record<string, string>> = {
	'src/core/lint/rules/namingPattern.ts': 'the user\'s awsProfiles.naming.pattern setting: its time is bounded by running it with a linear-time engine (re2js, issue 18 section 4), not by its shape',
};

interface Overrun {
	readonly run: RegexRun;
	readonly where: string;
}

/** Runs every run in workers, one after the other; a run over the budget is stopped and the next goes on. */
async function runAll(runs: readonly RegexRun[]): Promise<{ overruns: number[]; slowest: number }> {
	const overruns: number[] = [];
	let slowest = 0;
	let first = 0;
	while (first < runs.length) {
		const input: WorkerInput = { runs, first, size: lineSize };
		const worker = new Worker(path.join(__dirname, 'regexWorker.js'), { workerData: input });
		first = await new Promise<number>((resolve, reject) => {
			let next = first;
			let timer = setTimeout(overrun, budgetMs * 2); // the first run also loads the worker
			function overrun() {
				overruns.push(next);
				void worker.terminate();
				resolve(next + 1);
			}
			worker.on('message', ({ index, ms }: { index: number; ms: number }) => {
				slowest = Math.max(slowest, ms);
				if (ms > budgetMs) {
					overruns.push(index);
				}
				next = index + 1;
				clearTimeout(timer);
				timer = setTimeout(overrun, budgetMs);
			});
			worker.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			worker.on('exit', () => {
				clearTimeout(timer);
				resolve(Math.max(next, runs.length));
			});
		});
	}
	return { overruns, slowest };
}

function compareShapes(a: Shape, b: Shape): number {
	const key = (shape: Shape) => `${shape.unit}\u0001${shape.prefix}\u0001${shape.suffix}`;
	return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

describe('Regular-expression budget: every expression of src/ on 1 MB lines of its worst shapes', function () {
	this.timeout(600_000);
	let found: SourceRegexes;

	before(() => {
		found = findSourceRegexes();
	});

	it('finds as many regular expression literals in each file as grep does', () => {
		const compiler = Object.fromEntries([...found.literalsByFile].sort());
		const grep = Object.fromEntries([...grepLiteralCounts()].sort());
		assert.deepEqual(compiler, grep);
		assert.ok(found.constant.length > 100, `only ${found.constant.length} regular expressions found in src/`);
	});

	it('finds as many RegExp(...) calls in each file as grep does', () => {
		assert.deepEqual(Object.fromEntries([...found.callsByFile].sort()), Object.fromEntries([...grepCallCounts()].sort()));
	});

	it('knows why each expression built at run time is left out', () => {
		const unknown = found.dynamic.filter((call) => knownDynamic[call.file] === undefined);
		assert.deepEqual(unknown.map((call) => `${call.file}:${call.line} ${call.text}`), [],
			'a RegExp built at run time: list it in knownDynamic with the reason its time is bounded');
	});

	it(`runs each one within ${budgetMs} ms per 1 MB line`, async () => {
		const runs: RegexRun[] = [];
		const where: string[] = [];
		const seen = new Set<string>();
		for (const regex of found.constant) {
			const key = `/${regex.source}/${regex.flags}`;
			if (seen.has(key)) {
				continue;
			}
			seen.add(key);
			for (const shape of shapesFor(regex.source, regex.flags)) {
				runs.push({ source: regex.source, flags: regex.flags, shape });
				where.push(`${regex.file}:${regex.line}`);
			}
		}
		// By shape, so that the worker builds each line once for every expression that shares it.
		const order = runs.map((_, index) => index).sort((a, b) => compareShapes(runs[a].shape, runs[b].shape) || a - b);
		const sorted = order.map((index) => runs[index]);
		const { overruns, slowest } = await runAll(sorted);
		const failures: Overrun[] = overruns.map((index) => ({ run: sorted[index], where: where[order[index]] }));
		const report = failures.map(({ run, where }) => `${where} /${run.source}/${run.flags} on ${describeShape(run.shape)}`);
		console.log(`      ${runs.length} runs of ${seen.size} expressions, slowest ${slowest.toFixed(0)} ms`);
		assert.deepEqual(report, []);
	});
});
