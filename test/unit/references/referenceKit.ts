/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Helpers for the references tests: the text a range covers, references in a compact form to compare, and the
// names of a table's cases.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextRange } from '../../../src/core/text/textRange';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import type { DotenvFileText, FindOptions, ProfileReference, ResolvedReference } from '../../../src/core/references/profileReference';

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
	/** The text the expression the tool reads covers, when it is not what is underlined. */
	readonly expression?: string;
	/** The text a rename replaces, in this file or in `renamedIn`. */
	readonly renamed?: string;
	/** The other file a rename is written in (a `.env` file Serverless loads, a Terraform `.tfvars`), as given. */
	readonly renamedIn?: string;
	readonly stages: readonly string[];
	readonly warnings?: readonly { readonly code: string; readonly word: string; readonly underlined: string }[];
}

/** The reference in short; `otherFiles` are the texts of the files a rename may be written in (FindOptions). */
export function summarize(text: string, reference: ProfileReference, otherFiles: readonly DotenvFileText[] = []): Summary {
	const base = {
		status: reference.status, key: reference.key, underlined: checkedText(text, reference.range),
		...(reference.expressionRange ? { expression: checkedText(text, reference.expressionRange) } : {}),
		stages: reference.stages,
		...(reference.warnings.length > 0 ? {
			warnings: reference.warnings.map((warning) => ({ code: warning.code, word: warning.word, underlined: checkedText(text, warning.range) })),
		} : {}),
	};
	switch (reference.status) {
		case 'resolved':
			return { ...base, name: reference.name, ...renamed(text, reference, otherFiles) };
		case 'not-checked':
			return { ...base, why: reference.reason.why };
		case 'error':
			return { ...base, error: reference.error.code };
	}
}

function renamed(text: string, reference: ResolvedReference, otherFiles: readonly DotenvFileText[]): Pick<Summary, 'renamed' | 'renamedIn'> {
	const rename = reference.rename;
	if (!rename) {
		return {};
	}
	if (rename.file === undefined) {
		return { renamed: checkedText(text, rename.range) };
	}
	const other = otherFiles.find((file) => file.file === rename.file);
	assert.ok(other, `the rename's file ${rename.file} is one of those given`);
	return { renamed: checkedText(other.text, rename.range), renamedIn: rename.file };
}

export function summaries(fileName: string, text: string, options: FindOptions = {}): Summary[] {
	const otherFiles = [...options.dotenvFiles ?? [], ...options.moduleFiles ?? []];
	return findProfileReferences(fileName, text, options).map((reference) => summarize(text, reference, otherFiles));
}

/** A test name for each case of a table: its title, numbered when one `it` of code gave several cases. */
export function caseNames(titles: readonly string[]): string[] {
	const counts = new Map<string, number>();
	for (const title of titles) {
		counts.set(title, (counts.get(title) ?? 0) + 1);
	}
	const seen = new Map<string, number>();
	return titles.map((title) => {
		const nth = (seen.get(title) ?? 0) + 1;
		seen.set(title, nth);
		return counts.get(title) === 1 ? title : `${title} (${nth} of ${counts.get(title)})`;
	});
}
