/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the other tools' resolvers rest on. The references they find (input file, expected references) are
// cases of test/fixtures/references/cases.json, run by fixtureTable.test.ts.

import * as assert from 'node:assert/strict';
import { dotenvStage, parseDotenv } from '../../../src/core/references/dotenv';
import { isDotenvFile } from '../../../src/core/references/referenceFiles';
import { decodeJsonString } from '../../../src/core/references/packageJson';

describe('References of other tools', () => {
	describe('.env files', () => {
		it('parses a quoted value over several lines, and goes on after it', () => {
			const entries = parseDotenv('KEY="a\nb"\r\nAWS_PROFILE=after\n');
			assert.deepEqual(entries.map((entry) => [entry.name, entry.value]), [['KEY', 'a\nb'], ['AWS_PROFILE', 'after']]);
		});

		it('knows which files are .env files, and their stages', () => {
			assert.deepEqual(['.env', '.env.prod', '.env.prod.local', '.env.local', '.env.example', '.env.sample', 'x.env', '.envrc']
				.map((name) => [isDotenvFile(name), dotenvStage(name)]), [
				[true, undefined], [true, 'prod'], [true, 'prod'], [true, undefined], [false, undefined], [false, undefined], [false, undefined], [false, undefined],
			]);
		});
	});

	describe('package.json scripts', () => {
		it('decodes JSON strings with the raw offset of each character', () => {
			assert.deepEqual(decodeJsonString('a\\nb\\u0041'), { value: 'a\nbA', rawOffsets: [0, 1, 3, 4, 10] });
		});
	});
});
