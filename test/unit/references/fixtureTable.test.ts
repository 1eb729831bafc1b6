/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The resolvers against a table, as smithy-rs keeps `test-data/profile-parser-tests.json`: every project file
// under test/fixtures/references and the references expected in it, in test/fixtures/references/expected.json
// (the file's path, then each reference: status, key, name or reason, the text underlined, the text a rename
// replaces, the stages). A new fixture without an entry fails; `AWS_PROFILES_UPDATE_FIXTURES=1` writes the table
// from what the resolvers find, to be read over before it is committed.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, fixturesFolder, summaries, Summary } from './referenceKit';

const tableFile = path.join(fixturesFolder, 'expected.json');

/** The fixtures, relative to the folder, in a stable order; `.txt` hides code from tools that would load it. */
function fixtureFiles(folder = fixturesFolder): string[] {
	return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(folder, entry.name);
		return entry.isDirectory() ? fixtureFiles(file) : file === tableFile ? [] : [path.relative(fixturesFolder, file)];
	}).sort();
}

/** The name the resolvers see: the fixture's own, without a `.txt` suffix. */
function projectFileName(fixturePath: string): string {
	return path.basename(fixturePath).replace(/\.txt$/, '');
}

describe('references: the fixture table (test/fixtures/references/expected.json)', () => {
	const found = new Map(fixtureFiles().map((file) => [file, summaries(projectFileName(file), fixture(file))]));
	if (process.env.AWS_PROFILES_UPDATE_FIXTURES === '1') {
		fs.writeFileSync(tableFile, `${JSON.stringify(Object.fromEntries(found), undefined, '\t')}\n`);
	}
	const table = JSON.parse(fs.readFileSync(tableFile, 'utf8')) as Record<string, Summary[]>;

	it('has an entry for every fixture, and no entry without one', () => {
		assert.deepEqual(Object.keys(table).sort(), [...found.keys()]);
	});

	for (const [file, references] of found) {
		it(file, () => {
			assert.deepEqual(references, table[file]);
		});
	}
});
