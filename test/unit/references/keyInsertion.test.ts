/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The TOML table header search (keyInsertion.ts), which was one multiline regular expression that
// backtracked quadratically on a long `[` line (test/attacks/regexBudget.test.ts), and is now a line scanner:
// it finds exactly the lines the expression found, on generated lines of every awkward shape.

import * as assert from 'node:assert/strict';
import { findTableHeader } from '../../../src/core/references/keyInsertion';
import { Gen, random } from '../seededRandom';

/** The expression as it was, the oracle for the scanner. */
function headerByExpression(text: string, table: readonly string[]): number | undefined {
	const wanted = table.join('.');
	const header = /^[ \t]*\[[ \t]*([A-Za-z0-9_.\- \t]+?)[ \t]*\][ \t]*(#.*)?\r?$/gm;
	for (let match = header.exec(text); match; match = header.exec(text)) {
		if (match[1].split('.').map((part) => part.trim()).join('.') === wanted) {
			return match.index;
		}
	}
	return undefined;
}

const pieces = ['[', ']', ' ', '\t', 'a', 'b', '.', ' . ', '-', '_', '#', '# x', '"', '=', 'a = 1', '\n', '\r\n', '\r', '\u2028', '\u2029', '[a]', '[ a.b ]', '[[a]]', 'é'];
const tables: readonly (readonly string[])[] = [['a'], ['a', 'b'], ['b'], ['a', 'b', 'c'], ['']];

describe('findTableHeader', () => {
	it('finds a header with any spacing and a comment, and not one inside a value', () => {
		assert.equal(findTableHeader('x = 1\n  [ a . b ]  # here\r\nk = 2\n', ['a', 'b']), 6);
		assert.equal(findTableHeader('x = "[a]"\n[a]x\n', ['a']), undefined);
		assert.equal(findTableHeader('[a]\u2028[b]', ['b']), 4);
	});

	it('finds exactly the lines the old regular expression found (3000 generated texts)', () => {
		for (let seed = 1; seed <= 3000; seed++) {
			const g = new Gen(random(seed));
			const text = Array.from({ length: 1 + g.int(12) }, () => g.pick(pieces)).join('');
			const table = g.pick(tables);
			assert.equal(findTableHeader(text, table), headerByExpression(text, table), `seed ${seed}: ${JSON.stringify(text)} ${JSON.stringify(table)}`);
		}
	});
});
