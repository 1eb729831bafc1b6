/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm run bench:growth`: how the cost of our parse + model grows from 10,000 to 100,000 profiles, beside the JS SDK's
// loadSharedConfigFiles on the same files, counted in instructions under valgrind's callgrind rather than in
// milliseconds. Wall time on this project's machines swings by half from one second to the next (parse.bench.ts
// printed 8x to 24x for the same code); this count agrees within 1% from run to run of the same command (the
// collector's part of it moves by up to a tenth with the runs before and the files' paths). It splits the count between
// V8's garbage collector, V8's compilers and everything else (compiled code, V8's builtins, reading the files), which
// tells apart an algorithm that is not linear, memory that costs more to keep once it outgrows the young generation,
// and code still being optimized. It checks no target (parse.bench.ts does, in time). Needs valgrind (Debian package
// `valgrind`); takes about seven minutes, or half that for one reader (`node out/test/bench/growth.bench.js ours`).
//
// Node runs with V8's `--predictable` (one thread, no timers) and fixed seeds, with the addresses of the process
// fixed too (`setarch -R`). Without `--predictable`, when V8 compiles and collects depends on its threads' timing,
// and the same process counted 4.8 and 6.1 billion instructions in two runs; without the seeds and fixed
// addresses, counts at 100,000 profiles still differed by a tenth.
// Each size is counted after `before` runs and after `after` runs: the difference, per run, is a run of code
// that is already compiled, without starting Node, compiling, or reading the first time.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readOurs, readWithJsSdk } from './benchReaders';
import { GeneratedFiles, writeGeneratedFiles } from './generateProfiles';

/**
 * The runs per size: enough to warm up and to count several, few enough to finish under valgrind. Two runs warm up
 * 100,000 profiles: after one, V8's optimizing compiler still ran 81 million instructions in each of the next two
 * runs; after two, 5 million, as at 10,000 profiles.
 */
const sizes: readonly { readonly profiles: number; readonly before: number; readonly after: number }[] = [
	{ profiles: 10_000, before: 5, after: 15 },
	{ profiles: 100_000, before: 2, after: 4 },
];

/** The readers parse.bench.ts times as `ours` and `jsSdk`. */
const readers = {
	ours: { label: 'ours: parse + positions + model', read: readOurs },
	jsSdk: { label: 'JS SDK loadSharedConfigFiles', read: readWithJsSdk },
};
type ReaderName = keyof typeof readers;

/** V8's garbage collector, by the names of its functions in Node's symbols (and the write barrier it compiles in). */
const collectorFunction = /Scaveng|Marking|MarkCompact|MarkBit|Sweep|Evacuat|heap::base|Heap::|Barrier|RecordWrite|Pretenur|SemiSpace|NewSpace|RememberedSet|SlotSet|LiveObject|Worklist|MemoryAllocator|IterateAndScavenge|BodyDescriptor/;

/**
 * V8's compilers (Turbofan, Maglev): what is left of compiling once the code is warm, a few million instructions a run,
 * which can differ between two sizes by more than the growth's last digit.
 */
const compilerFunction = /compiler::|maglev|turboshaft/i;

interface Count {
	readonly collector: number;
	readonly compiler: number;
	readonly other: number;
}
type Part = keyof Count;

function partOf(functionName: string): Part {
	return collectorFunction.test(functionName) ? 'collector' : compilerFunction.test(functionName) ? 'compiler' : 'other';
}

/** What the child counts: a reader's run, `runs` times, each after a full collection (as parse.bench.ts times it). */
async function child(reader: ReaderName, config: string, credentials: string, runs: number): Promise<void> {
	const gc = (globalThis as { gc?: () => void }).gc!;
	for (let i = 0; i < runs; i++) {
		gc();
		await readers[reader].read(config, credentials);
	}
}

/** The instructions of a child doing `runs` runs, by function, summed into the collector's, the compilers' and the rest. */
function countInstructions(folder: string, reader: ReaderName, files: GeneratedFiles, runs: number): Count {
	const output = path.join(folder, 'callgrind.out');
	const node = [process.execPath, '--expose-gc', '--predictable', '--hash-seed=1', '--random-seed=1', __filename,
		'child', reader, files.configFile, files.credentialsFile, String(runs)];
	// The full collection before each run is not counted, as parse.bench.ts does not time it: its cost is the heap
	// the process had before the run (a module more loaded made it 100 million instructions at 10,000 profiles).
	const uncounted = ['--toggle-collect=v8::internal::GCExtension::GC*', '--collect-atstart=yes']; // in this order
	execFileSync('setarch', [os.machine(), '--addr-no-randomize', 'valgrind', '--tool=callgrind', ...uncounted,
		`--callgrind-out-file=${output}`, ...node], { stdio: 'ignore' });
	// `--threshold=100` lists every function; each line is `<count> (<share>)  <file>:<function> [<object>]`.
	const listing = execFileSync('callgrind_annotate', ['--threshold=100', output], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	const count = { collector: 0, compiler: 0, other: 0 };
	for (const line of listing.split('\n')) {
		const match = /^\s*([\d,]+) \([^)]*\)\s+(.*)$/.exec(line);
		if (!match || match[2].startsWith('PROGRAM TOTALS')) {
			continue;
		}
		count[partOf(match[2])] += Number(match[1].replaceAll(',', ''));
	}
	return count;
}

/** One run's count: the difference between `after` runs and `before`, per run. */
function perRun(folder: string, reader: ReaderName, files: GeneratedFiles, before: number, after: number): Count {
	const fewer = countInstructions(folder, reader, files, before);
	const more = countInstructions(folder, reader, files, after);
	const runs = after - before;
	const part = (name: Part) => (more[name] - fewer[name]) / runs;
	return { collector: part('collector'), compiler: part('compiler'), other: part('other') };
}

const total = (count: Count) => count.collector + count.compiler + count.other;

function main(only: readonly string[]): void {
	const unknown = only.filter(name => !Object.hasOwn(readers, name));
	if (unknown.length > 0) {
		console.error(`Unknown reader: ${unknown.join(', ')}. The readers: ${Object.keys(readers).join(', ')}.`);
		process.exit(2);
	}
	const chosen = (Object.keys(readers) as ReaderName[]).filter(reader => only.length === 0 || only.includes(reader));
	const folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-growth-'));
	try {
		const files = sizes.map(({ profiles }) => writeGeneratedFiles(folder, profiles));
		const millions = (count: number) => `${(count / 1e6).toFixed(0)} M`.padStart(12);
		const row = (label: string, a: number, b: number) =>
			console.log(`  ${label.padEnd(32)}${millions(a)}${millions(b)}${`${(b / a).toFixed(1)}x`.padStart(10)}`);
		console.log('Instructions per run (callgrind):');
		console.log(`  ${''.padEnd(32)}${'10,000'.padStart(12)}${'100,000'.padStart(12)}${'growth'.padStart(10)}`);
		for (const reader of chosen) {
			const [ten, hundred] = sizes.map(({ before, after }, size) => perRun(folder, reader, files[size], before, after));
			console.log(readers[reader].label);
			row("V8's garbage collector", ten.collector, hundred.collector);
			row("V8's compilers", ten.compiler, hundred.compiler);
			row('the rest (code, builtins, I/O)', ten.other, hundred.other);
			row('all', total(ten), total(hundred));
		}
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

if (process.argv[2] === 'child') {
	child(process.argv[3] as ReaderName, process.argv[4], process.argv[5], Number(process.argv[6])).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
} else {
	main(process.argv.slice(2));
}
