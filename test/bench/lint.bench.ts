/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Part of `npm run bench`: what the editor pays to re-lint a 5,000-profile pair after a one-character edit.
// Target (file-diagnostics issue): under 50 ms for the whole re-lint. Prints both the whole run (parse, the
// three readings compared, rules) and the rules alone, so it is clear where the time goes.

import { lintParsedFiles, lintProfileFiles } from '../../src/core/lint/lintFiles';
import { parseProfileFiles } from '../../src/core/lint/lintContext';
import { generateProfiles } from './generateProfiles';

function median(runs: number, action: () => unknown): number {
	action();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		action();
		times.push(performance.now() - start);
	}
	return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const pair = generateProfiles(5000);
// The one-character edit: a region typed differently in the middle of the config file.
const edited = { ...pair, config: pair.config.replace('region = eu-west-1', 'region = eu-west-2') };
const now = () => Date.parse('2026-11-22T00:00:00Z');
const whole = median(5, () => lintProfileFiles({ texts: edited, now }));
const parsed = parseProfileFiles({ texts: edited, now });
const rules = median(9, () => lintParsedFiles(parsed));
console.log('5,000 profiles, re-lint after a one-character edit:');
console.log(`  whole re-lint (parse, readings, rules)  ${whole.toFixed(1).padStart(8)} ms   (target < 50 ms)`);
console.log(`  rules only, on the parsed files         ${rules.toFixed(1).padStart(8)} ms`);
console.log(whole < 50 ? 'Target met.' : 'MISSED: the whole re-lint takes more than 50 ms.');
process.exit(whole < 50 ? 0 : 1);
