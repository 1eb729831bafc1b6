/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// readStandard merges each section as soon as the literal layer has read it (and so must look ahead for a
// `[profile default]` below a `[default]`); readStandardAndLiteral merges the sections of the whole literal parse.
// Both must give the same reading, problems included.

import * as assert from 'node:assert/strict';
import { readStandard, readStandardAndLiteral } from '../../src/core/readings/standardReader';
import type { FileTexts } from '../../src/core/readings/reading';

const pairs: Record<string, FileTexts> = {
	'[default] above [profile default]': { config: '[default]\nregion = a\n[profile x]\nk = v\n[profile default]\nregion = b\n[default]\noutput = json\n' },
	'[default] below [profile default]': { config: '[profile default]\nregion = b\n[default]\nregion = a\n' },
	'[default] alone, and in the credentials file': { config: '[default]\nregion = a\n', credentials: '[default]\nregion = c\n[profile default]\nk = v\n' },
	'`default` elsewhere, and an unterminated [profile default': {
		config: '[default]\nnote = default\n[profile default\nk = v\n[profile defaults]\nx = default # [profile default]\n',
	},
	'BOM, CRLF, no final line break': { config: '\ufeff[default]\r\nregion = a\r\n[profile default]\r\nregion = b' },
	'syntax problems, duplicates, sub-properties': {
		config: 'orphan = 1\n[profile a]\nK = 1\nk = 2\ns3 =\n  x = 1\n  x = 2\n  bad key = 3\n[profile a]\nno equals\n[profile b c]\n',
		credentials: '[a]\nk = 3\n[profile a]\nk = 4\n[sso-session s]\n',
	},
};

describe('The two ways of reading with the standard', () => {
	for (const [label, texts] of Object.entries(pairs)) {
		it(`agree: ${label}`, () => {
			assert.deepEqual(readStandard(texts), readStandardAndLiteral(texts).standard);
		});
	}

	it('look ahead for a [profile default] only where it is written as a header', () => {
		const set = readStandard(pairs['`default` elsewhere, and an unterminated [profile default']);
		assert.equal(set.profiles.get('default')?.properties.get('note')?.value, 'default');
		assert.ok(!set.problems.some((problem) => problem.code === 'section/default-shadowed'));
		const shadowed = readStandard(pairs['[default] above [profile default]']);
		assert.deepEqual([...shadowed.profiles.get('default')!.properties.keys()], ['region']);
		assert.equal(shadowed.profiles.get('default')?.properties.get('region')?.value, 'b');
		assert.equal(shadowed.problems.filter((problem) => problem.code === 'section/default-shadowed').length, 2);
	});
});
