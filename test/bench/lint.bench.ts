/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Part of `npm run bench`: what the editor pays to re-lint a 5,000-profile pair after a one-character edit.
// Target (file-diagnostics issue): under 50 ms for the whole re-lint. The editor keeps the previous parse of the
// pair (LintSession), so this measures the same: a session primed with the original pair, then one edit at a
// time, alternating between two edited texts so that nothing is simply the text linted last. The full lint of
// the pair from nothing, and the rules alone, are printed for reference.

import type { LintInput } from '../../src/core/lint/lintContext';
import { lintParsedFiles, lintProfileFiles } from '../../src/core/lint/lintFiles';
import { parseProfileFiles } from '../../src/core/lint/lintContext';
import { LintSession } from '../../src/core/lint/lintSession';
import type { FileTexts } from '../../src/core/reading';
import { generateProfiles } from './generateProfiles';

const target = 50;
const now = () => Date.parse('2026-11-22T00:00:00Z');

function median(times: number[]): number {
	return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function time(action: () => unknown): number {
	const start = performance.now();
	action();
	return performance.now() - start;
}

/** The text with one character at `offset` replaced by `replacement` (or inserted before it when `insert`). */
function edit(text: string, offset: number, replacement: string, insert: boolean): string {
	return text.slice(0, offset) + replacement + text.slice(insert ? offset : offset + 1);
}

/** The median time of re-linting after each of the two edited texts in turn, starting from the original. */
function relint(original: FileTexts, edited: readonly [FileTexts, FileTexts], runs: number): number {
	const session = new LintSession();
	const input = (texts: FileTexts): LintInput => ({ texts, now });
	session.lint(input(original));
	const times: number[] = [];
	for (let i = 0; i < runs + 4; i++) {
		const texts = edited[i % 2];
		const elapsed = time(() => session.lint(input(texts)));
		if (i >= 4) {
			times.push(elapsed); // the first few warm the code up
		}
	}
	return median(times);
}

const pair = generateProfiles(5000);
const configMiddle = pair.config.indexOf('region = eu-west-1', pair.config.length / 2) + 'region = eu-west-'.length;
const credentialsMiddle = pair.credentials.indexOf('aws_access_key_id = ', pair.credentials.length / 2) + 'aws_access_key_id = AKIA'.length;
const cases: readonly { readonly name: string; readonly edited: readonly [FileTexts, FileTexts] }[] = [
	{
		name: 'config, one character replaced',
		edited: [
			{ ...pair, config: edit(pair.config, configMiddle, '2', false) },
			{ ...pair, config: edit(pair.config, configMiddle, '3', false) },
		],
	},
	{
		name: 'config, one character inserted',
		edited: [
			{ ...pair, config: edit(pair.config, configMiddle, '2', true) },
			{ ...pair, config: edit(pair.config, configMiddle, '3', true) },
		],
	},
	{
		name: 'credentials, one character inserted',
		edited: [
			{ ...pair, credentials: edit(pair.credentials, credentialsMiddle, 'X', true) },
			{ ...pair, credentials: edit(pair.credentials, credentialsMiddle, 'Y', true) },
		],
	},
];

console.log('5,000 profiles, re-lint after a one-character edit (median):');
const results = cases.map(({ name, edited }) => {
	const ms = relint(pair, edited, 31);
	console.log(`  ${name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms   (target < ${target} ms)`);
	return ms;
});
const full = median(Array.from({ length: 7 }, (_, i) => time(() => lintProfileFiles({ texts: cases[0].edited[i % 2], now }))));
const parsed = parseProfileFiles({ texts: cases[0].edited[0], now });
const rules = median(Array.from({ length: 9 }, () => time(() => lintParsedFiles(parsed))));
console.log('For reference:');
console.log(`  full lint from nothing (parse, readings, rules) ${full.toFixed(1).padStart(8)} ms`);
console.log(`  rules only, on the parsed files                 ${rules.toFixed(1).padStart(8)} ms`);
const met = results.every((ms) => ms < target);
console.log(met ? 'Target met.' : `MISSED: a re-lint takes ${target} ms or more.`);
process.exit(met ? 0 : 1);
