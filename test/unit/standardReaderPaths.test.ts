/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// readStandard reads with the literal parse alone, keeping no line (and so must look ahead for a `[profile default]`
// below a `[default]`); readStandardAndLiteral reads alongside the literal parse that keeps every line, or beside
// one made before. All must give the same reading, problems included.

import * as assert from 'node:assert/strict';
import { parseRawProfileFile } from '../../src/core/ini/rawProfileFile';
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
			const known = { config: parseRawProfileFile(texts.config ?? '') };
			assert.deepEqual(readStandard(texts), readStandardAndLiteral(texts, known).standard);
			assert.equal(readStandardAndLiteral(texts, known).literal.config, known.config);
		});
	}

	it('share the ranges of keys, values and headers with the literal parse they are read alongside', () => {
		const { standard, literal } = readStandardAndLiteral({ config: '[profile a]\nregion = eu-west-1\ns3 =\n  x = 1\n' });
		const [section] = literal.config!.sections;
		const [region, s3] = section.properties;
		const read = standard.profiles.get('a')!;
		assert.equal(read.headers[0].range, section.header.header);
		assert.equal(read.properties.get('region')!.key, region.line.key);
		assert.equal(read.properties.get('region')!.valueRange, region.line.assignment.value);
		assert.equal(read.properties.get('s3')!.valueRange, s3.valueRange);
	});

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
