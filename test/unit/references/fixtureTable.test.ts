/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The resolvers against tables, as smithy-rs keeps `test-data/profile-parser-tests.json`. Two tables, both of
// the references expected as summaries (referenceKit.ts: status, key, name or reason, the text underlined, the
// expression read, the text a rename replaces and the file it is in, the stages, the warnings):
// - test/fixtures/references/expected.json: every project file under test/fixtures/references, by path. A new
//   fixture without an entry fails.
// - test/fixtures/references/cases.json: named cases, each a file name, its text (or a fixture's path), the
//   finder's options (env, dotenvFiles, moduleFiles, stage) when it needs them, and the references expected.
//   A case's title says what it shows; a failure is named by it.
// `AWS_PROFILES_UPDATE_FIXTURES=1` writes the expected references of both from what the resolvers find (the
// inputs and titles are kept), to be read over before they are committed. The Serverless variable resolver has
// its own table beside them, serverless-variables.json (serverlessVariables.test.ts), updated the same way.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FindOptions } from '../../../src/core/references/profileReference';
import { caseNames, fixture, fixturesFolder, summaries, Summary } from './referenceKit';

const tableFile = path.join(fixturesFolder, 'expected.json');
const casesFile = path.join(fixturesFolder, 'cases.json');
const updating = process.env.AWS_PROFILES_UPDATE_FIXTURES === '1';

/**
 * The fixtures, relative to the folder, in a stable order: the files of its subfolders (those at its top are
 * the tables). `.txt` hides code from tools that would load it.
 */
function fixtureFiles(folder = fixturesFolder): string[] {
	return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(folder, entry.name);
		return entry.isDirectory() ? fixtureFiles(file) : folder === fixturesFolder ? [] : [path.relative(fixturesFolder, file)];
	}).sort();
}

/** The name the resolvers see: the fixture's own, without a `.txt` suffix. */
function projectFileName(fixturePath: string): string {
	return path.basename(fixturePath).replace(/\.txt$/, '');
}

describe('references: the fixture table (test/fixtures/references/expected.json)', () => {
	const found = new Map(fixtureFiles().map((file) => [file, summaries(projectFileName(file), fixture(file))]));
	if (updating) {
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

/** A case of cases.json: the input as the finder is given it, and what it should find. */
interface Case {
	readonly title: string;
	/** The name (or path) the finder is given: it says which resolver reads the text. */
	readonly file: string;
	/** The text, or `fixture`: a fixture's path, for a fixture read with options. */
	readonly text?: string;
	readonly fixture?: string;
	readonly options?: FindOptions;
	readonly expected: Summary[];
}

describe('references: the case table (test/fixtures/references/cases.json)', () => {
	const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8')) as Case[];
	const textOf = (entry: Case): string => entry.text ?? (entry.fixture === undefined ? '' : fixture(entry.fixture));
	const found = cases.map((entry) => summaries(entry.file, textOf(entry), entry.options));
	if (updating) {
		const updated = cases.map((entry, i) => ({ ...entry, expected: found[i] }));
		fs.writeFileSync(casesFile, `${JSON.stringify(updated, undefined, '\t')}\n`);
	}
	const table = JSON.parse(fs.readFileSync(casesFile, 'utf8')) as Case[];

	it('gives every case a title, a file, and a text or a fixture (not both)', () => {
		for (const entry of table) {
			assert.ok(entry.title && entry.file, JSON.stringify(entry).slice(0, 80));
			assert.equal(typeof entry.text === 'string', entry.fixture === undefined, entry.title);
			assert.ok(Array.isArray(entry.expected), entry.title);
		}
	});

	caseNames(table.map((entry) => entry.title)).forEach((name, i) => {
		it(name, () => {
			assert.deepEqual(found[i], table[i].expected);
		});
	});
});
