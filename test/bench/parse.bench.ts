/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm run bench`: our full parse (with positions) + profile model, side by side with the JavaScript SDK's
// loadSharedConfigFiles (cache off) and ini.parse on the same generated files, in one process. Checks the
// targets and exits 1 when one is missed:
//   - 10,000 profiles: ours at most the JS SDK's load time (1.0x);
//   - any single line of 1 MB parses in under 50 ms (no super-linear scanning or backtracking).
// The first is a ratio of times, and this project's machines change speed by half from one second to the next:
// the table times each reader in turn, but the target is judged on runs timed in alternation (`pairedRatios`),
// each ratio taken within one round, so that both of its times see the machine at the same speed.
// It then prints each stage of ours (literal parse, standard reading, profile model) against the JS SDK the same
// way, to show where the time goes.

import * as ini from 'ini';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { readAwsCli } from '../../src/core/readings/awsCliReader';
import { visitLiteral } from '../../src/core/ini/rawProfileFile';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { readStandard } from '../../src/core/readings/standardReader';
import { readOurs, readWithJsSdk } from './benchReaders';
import { GeneratedFiles, writeGeneratedFiles } from './generateProfiles';
import { reportTargets } from './targets';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * A reader's median time, and the median count of memory pages a run touched for the first time (minor page
 * faults): memory the run kept, or copied while collecting garbage, beyond what the young generation reuses.
 */
interface Timing {
	readonly ms: number;
	/**
	 * The median time a run spent in garbage collection, as V8 reports it: the part of the time that grows
	 * faster than the files, since a large run's result outgrows the young generation and a small one's does not.
	 */
	readonly gcMs: number;
	readonly pageFaults: number;
	/** The fastest and slowest run: this machine's speed can change by half between seconds, and this shows it. */
	readonly range: readonly [number, number];
}

/** The median of `runs` timings, after two warm-up runs. */
async function time(runs: number, action: () => unknown): Promise<Timing> {
	await action();
	await action();
	const collections = new GcLog();
	const windows: [number, number][] = [];
	const pageFaults: number[] = [];
	for (let i = 0; i < runs; i++) {
		gc();
		const faults = process.resourceUsage().minorPageFault;
		const start = performance.now();
		await action();
		windows.push([start, performance.now()]);
		pageFaults.push(process.resourceUsage().minorPageFault - faults);
	}
	const gcTimes = await collections.timesWithin(windows);
	const timings = windows.map(([start, end]) => end - start);
	const ms = median(timings);
	return { ms, gcMs: median(gcTimes), pageFaults: median(pageFaults), range: [Math.min(...timings), Math.max(...timings)] };
}

/** What `pairedRatios` gives: the median over rounds, and the lowest and highest. */
interface PairedRatio {
	readonly median: number;
	readonly range: readonly [number, number];
}

/** What `pairedRatios` gives: each ratio, and each action's median count of minor page faults in the rounds. */
interface Paired<K extends string> {
	readonly ratios: Record<string, PairedRatio>;
	/**
	 * Memory an action touched for the first time. In alternation each action follows two collections with little
	 * alive, after which V8 has handed pages back: what a read keeps then costs fresh pages, as after idle time in
	 * the editor. Compare with the table's count, taken from runs that follow a run of the same action.
	 */
	readonly pageFaults: Record<K, number>;
}

/**
 * Times the actions in alternation, `rounds` times (each after a collection, as `time` does, after two warm-up runs
 * each; in turn, each round from the next action on), and gives each ratio of `ratios` (numerator and denominator
 * action) per round: the median over rounds, and the range.
 */
async function pairedRatios<K extends string>(
	rounds: number,
	actions: Record<K, () => unknown>,
	ratios: Record<string, readonly [K, K]>,
): Promise<Paired<K>> {
	const names = Object.keys(actions) as K[];
	for (const name of names) {
		await actions[name]();
		await actions[name]();
	}
	const perRound: Record<string, number>[] = [];
	const faults = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
	for (let round = 0; round < rounds; round++) {
		const ms = {} as Record<K, number>;
		// Each round starts with the next action, so that each follows each of the others as often: what ran before
		// an action (its garbage, what it left in the caches) weighs on all of them alike.
		for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
			gc();
			const faultsBefore = process.resourceUsage().minorPageFault;
			const start = performance.now();
			await actions[name]();
			ms[name] = performance.now() - start;
			faults[name].push(process.resourceUsage().minorPageFault - faultsBefore);
		}
		perRound.push(Object.fromEntries(Object.entries(ratios).map(([label, [top, bottom]]) => [label, ms[top] / ms[bottom]])));
	}
	return {
		ratios: Object.fromEntries(Object.keys(ratios).map((label) => {
			const values = perRound.map((round) => round[label]);
			return [label, { median: median(values), range: [Math.min(...values), Math.max(...values)] }];
		})),
		pageFaults: Object.fromEntries(names.map((name) => [name, median(faults[name])])) as Record<K, number>,
	};
}

/** The garbage collections V8 reports from its creation on (the forced ones between runs fall outside the runs). */
class GcLog {
	private readonly entries: PerformanceEntry[] = [];
	private readonly observer = new PerformanceObserver(list => this.entries.push(...list.getEntries()));

	constructor() {
		this.observer.observe({ entryTypes: ['gc'] });
	}

	/** The time spent collecting within each window; stops the log. */
	async timesWithin(windows: readonly (readonly [number, number])[]): Promise<number[]> {
		await sleep(20); // V8 hands the entries over on a later turn of the event loop
		this.observer.disconnect();
		return windows.map(([start, end]) => this.entries
			.filter(entry => entry.startTime >= start && entry.startTime < end)
			.reduce((sum, entry) => sum + entry.duration, 0));
	}
}

/** The median of `values`, which it sorts. */
function median(values: number[]): number {
	return values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Rounds of `pairedRatios` for the ratio target: a few seconds on this project's machines. */
const pairedRounds = 25;

const readers = {
	ours: (files: GeneratedFiles) => readOurs(files.configFile, files.credentialsFile),
	jsSdk: (files: GeneratedFiles) => readWithJsSdk(files.configFile, files.credentialsFile),
	ini: (files: GeneratedFiles) => [ini.parse(readFileSync(files.configFile, 'utf8')), ini.parse(readFileSync(files.credentialsFile, 'utf8'))],
	awsCliModel: (files: GeneratedFiles) => readAwsCli({
		config: readFileSync(files.configFile, 'utf8'),
		credentials: readFileSync(files.credentialsFile, 'utf8'),
	}),
};

/** Lines built to hurt a scanner: long values, names, comment and bracket runs, `=` runs, many lines that lack one. */
const longLines: Record<string, string> = {
	'1 MB value': `[default]\nregion = ${'a'.repeat(1_000_000)}\n`,
	'1 MB header name': `[profile ${'n'.repeat(1_000_000)}]\n`,
	'1 MB of [': '['.repeat(1_000_000),
	'1 MB of " #"': `[default]\nk = ${' #'.repeat(500_000)}\n`,
	'1 MB of =': `[default]\n${'='.repeat(1_000_000)}\n`,
	'1 MB continuation': `[default]\nk = v\n ${'x '.repeat(500_000)}\n`,
	// Each line a syntax problem (no `=`), and an `=` only at the end: a search for it that ran past each line's end
	// would read the rest of the file once per line.
	'25,000 lines lacking =': `[default]\n${'key\n'.repeat(25_000)}k = v\n`,
};

/**
 * Where our time goes: each stage of `ours` timed in alternation with the JS SDK, as a ratio of its time in the
 * same round. What a change to one stage can win at most; the stages' ratios add up to about ours' (reading the
 * files is left out).
 */
async function printStages(files: GeneratedFiles): Promise<void> {
	const texts = { config: readFileSync(files.configFile, 'utf8'), credentials: readFileSync(files.credentialsFile, 'utf8') };
	const set = readStandard(texts);
	const { ratios: stages } = await pairedRatios(pairedRounds, {
		jsSdk: () => readers.jsSdk(files),
		literal: () => [visitLiteral(texts.config, {}), visitLiteral(texts.credentials, {})],
		standard: () => readStandard(texts),
		model: () => buildProfileModel(set),
	}, {
		'literal parse (rawProfileFile.ts)': ['literal', 'jsSdk'],
		'standard reading, literal parse included': ['standard', 'jsSdk'],
		'profile model': ['model', 'jsSdk'],
	});
	console.log('\nEach stage / JS SDK, timed in alternation (median of the rounds\' ratios, and their range):');
	for (const [label, { median: stageRatio, range }] of Object.entries(stages)) {
		console.log(`  ${label.padEnd(44)}${stageRatio.toFixed(2).padStart(6)}   (rounds ${range[0].toFixed(2)}-${range[1].toFixed(2)})`);
	}
}

async function main(): Promise<number> {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-bench-'));
	const failures: string[] = [];
	try {
		const files = writeGeneratedFiles(folder, 10_000);
		const row = {} as Record<keyof typeof readers, Timing>;
		for (const [name, read] of Object.entries(readers) as [keyof typeof readers, (f: GeneratedFiles) => unknown][]) {
			row[name] = await time(15, () => read(files));
		}
		console.log(`10,000 profiles, ${(files.bytes / 1e6).toFixed(2)} MB:`);
		console.log('  reader                          median ms   vs JS SDK   of it GC ms   page faults   fastest-slowest ms');
		const line = (label: string, { ms, gcMs, pageFaults, range }: Timing) => console.log(`  ${label.padEnd(32)}${ms.toFixed(1).padStart(9)}`
			+ `   ${(ms / row.jsSdk.ms).toFixed(2).padStart(9)}   ${gcMs.toFixed(1).padStart(11)}   ${String(pageFaults).padStart(11)}`
			+ `   ${`${range[0].toFixed(1)}-${range[1].toFixed(1)}`.padStart(18)}`);
		line('ours: parse + positions + model', row.ours);
		line('JS SDK loadSharedConfigFiles', row.jsSdk);
		line('ini.parse', row.ini);
		line('ours: AWS CLI reading model', row.awsCliModel);
		const paired = await pairedRatios(pairedRounds, {
			ours: () => readers.ours(files),
			jsSdk: () => readers.jsSdk(files),
		}, { ratio: ['ours', 'jsSdk'] });
		const { median: ratio, range } = paired.ratios.ratio;
		console.log(`\nTimed in alternation, ${pairedRounds} rounds (median of the rounds' ratios, and their range):`);
		console.log(`ours / JS SDK at 10,000 profiles: ${ratio.toFixed(2)} (target <= 1.0; rounds ${range[0].toFixed(2)}-${range[1].toFixed(2)})`);
		console.log(`  page faults per read in these rounds: ours ${paired.pageFaults.ours}, JS SDK ${paired.pageFaults.jsSdk}`
			+ ' (the table\'s are from runs that follow a run of the same reader)');
		if (ratio > 1) {
			failures.push('10,000 profiles: more than the JS SDK\'s time');
		}
		await printStages(files);
		console.log('\nsingle long lines (target < 50 ms each):');
		for (const [label, text] of Object.entries(longLines)) {
			const { ms } = await time(5, () => readStandard({ config: text, credentials: text }));
			console.log(`  ${label.padEnd(24)}${ms.toFixed(1).padStart(8)} ms (both files)`);
			if (ms >= 50) {
				failures.push(`${label}: ${ms.toFixed(1)} ms`);
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
