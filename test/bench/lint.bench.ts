/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Part of `npm run bench`: what the editor pays to re-lint a pair after a one-character edit, with the JS SDK's
// reading of the edited texts that the editor makes each time (src/core/readings/jsSdkReader.ts). Targets: at most 20 ms at
// 500 profiles and 150 ms at 5,000. The editor keeps the previous parse of the pair (LintSession), so this measures
// the same: a session primed with the original pair, then one edit at a time, each round's text a new one (the
// edited character cycles), as typing makes, so that no cache (the JS SDK's reading keeps its last few) holds it. Printed beside it: the same re-lint without the session
// (everything parsed and compared again: what the session saves), the JS SDK's reading alone (after an edit, made
// from the reading before, and of the whole files), the standard's reading with the literal parse (read again on
// every edit), and the rules alone.

import type { LintInput } from '../../src/core/lint/lintContext';
import { lintParsedFiles, lintProfileFiles } from '../../src/core/lint/lintFiles';
import { parseProfileFiles } from '../../src/core/lint/lintContext';
import { LintSession } from '../../src/core/lint/lintSession';
import type { FileTexts, ReadingResult } from '../../src/core/readings/reading';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readJsSdk, readJsSdkFromDisk } from '../../src/core/readings/jsSdkReader';
import { readStandardAndLiteral } from '../../src/core/readings/standardReader';
import { generateProfiles } from './generateProfiles';

/** The target in ms at each size. */
const targets: ReadonlyMap<number, number> = new Map([[500, 20], [5000, 150]]);
const now = () => Date.parse('2026-11-22T00:00:00Z');

function median(times: number[]): number {
	return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function time(action: () => unknown): Promise<number> {
	const start = performance.now();
	await action();
	return performance.now() - start;
}

/** The median time of `runs` runs of `action`, one after the other. */
async function medianOf(runs: number, action: () => unknown): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		times.push(await time(action));
	}
	return median(times);
}

/** The text with one character at `offset` replaced by `replacement` (or inserted before it when `insert`). */
function edit(text: string, offset: number, replacement: string, insert: boolean): string {
	return text.slice(0, offset) + replacement + text.slice(insert ? offset : offset + 1);
}

const input = (texts: FileTexts, jsSdk?: ReadingResult): LintInput => ({ texts, now, ...(jsSdk ? { jsSdk } : {}) });

/** The text of an edit's round `n`: a new text each round, until the cycle of characters comes round again. */
type EditedTexts = (round: number) => FileTexts;

/** What the edited character cycles through: more than the JS SDK reading's cache holds. */
const typed = ['2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The median time of re-linting after each round's edited text, starting from the original, the JS
 * SDK's reading included; with `session`, as the editor does, else from nothing each time.
 */
async function relint(original: FileTexts, edited: EditedTexts, runs: number, withSession: boolean): Promise<number> {
	const session = new LintSession();
	session.lint(input(original, await readJsSdk(original)));
	const times: number[] = [];
	for (let i = 0; i < runs + 4; i++) {
		const texts = edited(i);
		const elapsed = await time(async () => {
			const jsSdk = await readJsSdk(texts);
			return withSession ? session.lint(input(texts, jsSdk)) : lintProfileFiles(input(texts, jsSdk));
		});
		if (i >= 4) {
			times.push(elapsed); // the first few warm the code up
		}
	}
	return median(times);
}

/** Three kinds of one-character edit in the middle of the pair. */
function editsOf(pair: FileTexts & { config: string; credentials: string }): { readonly name: string; readonly edited: EditedTexts }[] {
	const configMiddle = pair.config.indexOf('region = eu-west-1', pair.config.length / 2) + 'region = eu-west-'.length;
	const credentialsMiddle = pair.credentials.indexOf('aws_access_key_id = ', pair.credentials.length / 2) + 'aws_access_key_id = AKIA'.length;
	return [
		{
			name: 'config, one character replaced',
			edited: (round) => ({ ...pair, config: edit(pair.config, configMiddle, typed[round % typed.length], false) }),
		},
		{
			name: 'config, one character inserted',
			edited: (round) => ({ ...pair, config: edit(pair.config, configMiddle, typed[round % typed.length], true) }),
		},
		{
			name: 'credentials, one character inserted',
			edited: (round) => ({ ...pair, credentials: edit(pair.credentials, credentialsMiddle, typed[round % typed.length], true) }),
		},
	];
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-lint-bench-'));

/** The loader's reading of the whole files, with no reading before to start from: the files written in a folder of the bench's own. */
async function readWholeFiles(texts: FileTexts): Promise<unknown> {
	const paths = { configFile: path.join(folder, 'config'), credentialsFile: path.join(folder, 'credentials') };
	fs.writeFileSync(paths.configFile, texts.config ?? '');
	fs.writeFileSync(paths.credentialsFile, texts.credentials ?? '');
	return readJsSdkFromDisk(paths);
}

async function main(): Promise<boolean> {
	let met = true;
	for (const [size, target] of targets) {
		const pair = generateProfiles(size);
		const cases = editsOf(pair);
		console.log(`${size.toLocaleString('en')} profiles, re-lint after a one-character edit, the JS SDK's reading included (median):`);
		console.log('  edit                                     session ms   from nothing ms');
		for (const { name, edited } of cases) {
			const ms = await relint(pair, edited, size > 1000 ? 21 : 41, true);
			const fresh = await relint(pair, edited, size > 1000 ? 9 : 21, false);
			console.log(`  ${name.padEnd(40)} ${ms.toFixed(1).padStart(10)}   ${fresh.toFixed(1).padStart(15)}   (target <= ${target} ms)`);
			met &&= ms <= target;
		}
		let round = 0;
		const reading = await medianOf(7, () => readJsSdk(cases[0].edited(round++)));
		const whole = await medianOf(7, () => readWholeFiles(cases[0].edited(round++)));
		const standard = await medianOf(7, () => readStandardAndLiteral(cases[0].edited(round++)));
		const parsed = parseProfileFiles(input(cases[0].edited(0)));
		const rules = await medianOf(9, () => lintParsedFiles(parsed));
		console.log('  For reference:');
		console.log(`    the JS SDK's reading after an edit      ${reading.toFixed(1).padStart(8)} ms`);
		console.log(`    the JS SDK's reading of the whole files ${whole.toFixed(1).padStart(8)} ms`);
		console.log(`    the standard's reading and literal parse${standard.toFixed(1).padStart(8)} ms`);
		console.log(`    rules only, on the parsed files         ${rules.toFixed(1).padStart(8)} ms`);
	}
	console.log(met ? 'Targets met.' : 'MISSED: a re-lint takes longer than its target.');
	return met;
}

main().then((met) => {
	fs.rmSync(folder, { recursive: true, force: true });
	process.exit(met ? 0 : 1);
}, (error: unknown) => {
	fs.rmSync(folder, { recursive: true, force: true });
	console.error(error);
	process.exit(1);
});
