/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm run bench:growth`: how the cost of our parse + model grows from 10,000 to 100,000 profiles, counted in
// instructions under valgrind's callgrind rather than in milliseconds. Wall time on this project's machines swings
// by half from one second to the next (parse.bench.ts printed 8x to 24x for the same code); this count agrees within
// 1% from run to run. It splits the count between V8's garbage collector and everything else (our compiled code, V8's
// builtins, reading the files), which tells an algorithm that is not linear from memory that costs more to keep
// once it outgrows the young generation. It checks no target (parse.bench.ts does, in time). Needs valgrind
// (Debian package `valgrind`); takes about three minutes.
//
// Node runs with V8's `--predictable`: one thread, no timers. Without it, when V8 compiles and collects depends on
// its threads' timing, and the same process counted 4.8 and 6.1 billion instructions in two runs.
// Each size is counted after `before` runs and after `after` runs: the difference, per run, is a run of code
// that is already compiled, without starting Node, compiling, or reading the first time.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildProfileModel } from '../../src/core/profileModel';
import { readStandard } from '../../src/core/standardReader';
import { generateProfiles } from './generateProfiles';

/** The runs per size: enough to warm up and to count several, few enough to finish under valgrind. */
const sizes: readonly { readonly profiles: number; readonly before: number; readonly after: number }[] = [
	{ profiles: 10_000, before: 5, after: 15 },
	{ profiles: 100_000, before: 1, after: 3 },
];

/** V8's garbage collector, by the names of its functions in Node's symbols (and the write barrier it compiles in). */
const collectorFunction = /Scaveng|Marking|MarkCompact|MarkBit|Sweep|Evacuat|heap::base|Heap::|Barrier|RecordWrite|Pretenur|SemiSpace|NewSpace|RememberedSet|SlotSet|LiveObject|Worklist|MemoryAllocator|IterateAndScavenge|BodyDescriptor/;

interface Count {
	readonly collector: number;
	readonly other: number;
}

/** What the child counts: the bench's run (parse.bench.ts's `ours`), `runs` times, each after a full collection. */
function child(configFile: string, credentialsFile: string, runs: number): void {
	const gc = (globalThis as { gc?: () => void }).gc!;
	const run = () => buildProfileModel(readStandard({
		config: readFileSync(configFile, 'utf8'),
		credentials: readFileSync(credentialsFile, 'utf8'),
	}));
	for (let i = 0; i < runs; i++) {
		gc();
		run();
	}
}

/** The instructions of a child doing `runs` runs, by function, summed into the collector's and the rest. */
function countInstructions(folder: string, profiles: number, runs: number): Count {
	const output = path.join(folder, `callgrind-${profiles}-${runs}`);
	const node = [process.execPath, '--expose-gc', '--predictable', __filename, 'child',
		path.join(folder, `config-${profiles}`), path.join(folder, `credentials-${profiles}`), String(runs)];
	execFileSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${output}`, ...node], { stdio: 'ignore' });
	// `--threshold=100` lists every function; each line is `<count> (<share>)  <file>:<function> [<object>]`.
	const listing = execFileSync('callgrind_annotate', ['--threshold=100', output], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	let collector = 0;
	let other = 0;
	for (const line of listing.split('\n')) {
		const match = /^\s*([\d,]+) \([^)]*\)\s+(.*)$/.exec(line);
		if (!match || match[2].startsWith('PROGRAM TOTALS')) {
			continue;
		}
		const instructions = Number(match[1].replaceAll(',', ''));
		if (collectorFunction.test(match[2])) {
			collector += instructions;
		} else {
			other += instructions;
		}
	}
	return { collector, other };
}

/** One run's count: the difference between `after` runs and `before`, per run. */
function perRun(folder: string, profiles: number, before: number, after: number): Count {
	const fewer = countInstructions(folder, profiles, before);
	const more = countInstructions(folder, profiles, after);
	const runs = after - before;
	return { collector: (more.collector - fewer.collector) / runs, other: (more.other - fewer.other) / runs };
}

function main(): void {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-growth-'));
	try {
		const counts = sizes.map(({ profiles, before, after }) => {
			const pair = generateProfiles(profiles);
			writeFileSync(path.join(folder, `config-${profiles}`), pair.config);
			writeFileSync(path.join(folder, `credentials-${profiles}`), pair.credentials);
			return perRun(folder, profiles, before, after);
		});
		const [small, large] = counts;
		const millions = (count: number) => `${(count / 1e6).toFixed(0)} M`.padStart(12);
		const row = (label: string, a: number, b: number) =>
			console.log(`  ${label.padEnd(32)}${millions(a)}${millions(b)}${`${(b / a).toFixed(1)}x`.padStart(10)}`);
		const total = (count: Count) => count.collector + count.other;
		console.log('Our parse + positions + model, instructions per run (callgrind):');
		console.log(`  ${''.padEnd(32)}${'10,000'.padStart(12)}${'100,000'.padStart(12)}${'growth'.padStart(10)}`);
		row("V8's garbage collector", small.collector, large.collector);
		row('the rest (code, builtins, I/O)', small.other, large.other);
		row('all', total(small), total(large));
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

if (process.argv[2] === 'child') {
	child(process.argv[3], process.argv[4], Number(process.argv[5]));
} else {
	main();
}
