/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Helpers for the references tests: the text a range covers, and references in a compact form to compare.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextRange } from '../../../src/core/readings/profileSet';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import type { FindOptions, ProfileReference } from '../../../src/core/references/profileReference';

export const fixturesFolder = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'references');

export function fixture(name: string): string {
	return fs.readFileSync(path.join(fixturesFolder, name), 'utf8');
}

export function textAt(text: string, range: TextRange): string {
	return text.slice(range.offset, range.offset + range.length);
}

/** Checks that line/column agree with the offset, then returns the covered text. */
export function checkedText(text: string, range: TextRange): string {
	const before = text.slice(0, range.offset).split(/\r\n|\r|\n/);
	assert.equal(range.line, before.length - 1, 'line');
	assert.equal(range.column, before[before.length - 1].length, 'column');
	return textAt(text, range);
}

/** A reference as a line to compare: status, name or reason, underlined text, stages. */
export interface Summary {
	readonly status: ProfileReference['status'];
	readonly key: string;
	readonly name?: string;
	readonly why?: string;
	readonly error?: string;
	readonly underlined: string;
	readonly renamed?: string;
	readonly stages: readonly string[];
}

export function summarize(text: string, reference: ProfileReference): Summary {
	const base = { status: reference.status, key: reference.key, underlined: checkedText(text, reference.range), stages: reference.stages };
	switch (reference.status) {
		case 'resolved':
			return reference.rename && reference.rename.file === undefined
				? { ...base, name: reference.name, renamed: checkedText(text, reference.rename.range) }
				: { ...base, name: reference.name };
		case 'not-checked':
			return { ...base, why: reference.reason.why };
		case 'error':
			return { ...base, error: reference.error.code };
	}
}

export function summaries(fileName: string, text: string, options: FindOptions = {}): Summary[] {
	return findProfileReferences(fileName, text, options).map((reference) => summarize(text, reference));
}
