/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The same section written twice in one file (the SDKs merge the two, the AWS CLI may refuse the file), and the
// same key set twice in one section of one file (the later value wins, so the earlier line does nothing). The
// finding is on the earlier one, the one that misleads, with the other as related information.

import type { RawProperty } from '../../ini/rawProfileFile';
import { fileFix, mergeSectionEdits, remove } from '../fixEdits';
import { keyName, LintedFile, LintedSection, textOf } from '../lintContext';
import type { LintRule, RuleFinding } from '../rule';
import { nameLabel } from '../toolNames';

/** Each section written more than once in a file, with its headers in order. */
function repeatedSections(file: LintedFile): (readonly LintedSection[])[] {
	return [...file.occurrences.values()].filter((occurrences) => occurrences.length > 1);
}

export const duplicateSectionRule: LintRule = {
	id: 'aws-files/duplicate-section',
	doc: 'A section written twice in one file: the SDKs merge the two (a key in both takes the later value); the AWS CLI refuses the file if the headers are identical.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		for (const file of context.files) {
			for (const occurrences of repeatedSections(file)) {
				yield* duplicateSectionFindings(file, occurrences);
			}
		}
	},
};

/**
 * A section written more often than this: each finding relates only the next copies, and the merge fix (whose
 * edits touch every copy) goes on the first finding only, so that what the lint reports grows with the number
 * of copies and not with its square (a file of a thousand copies gave 120 MB of findings).
 */
export const manyCopies = 10;

function duplicateSectionFindings(file: LintedFile, occurrences: readonly LintedSection[]): RuleFinding[] {
	const merge = fileFix('Merge the sections into the first one', file.role, mergeSectionEdits(file, occurrences.map((section) => section.raw)), true);
	return occurrences.slice(0, -1).map((section, index) => {
		const later = occurrences.slice(index + 1, index + 1 + manyCopies);
		const header = section.raw.header;
		return {
			file: file.role,
			range: header.header,
			message: `This section is written again on line ${later[0].raw.header.header.line + 1}: the SDKs merge the two, and a key set in `
				+ 'both takes the later value.',
			related: later.map((other) => ({ file: file.role, range: other.raw.header.header, message: 'The same section, written again' })),
			...(index === 0 || occurrences.length <= manyCopies ? { fixes: [merge] } : {}),
		};
	});
}

export const duplicateKeyRule: LintRule = {
	id: 'aws-files/duplicate-key',
	doc: 'A key set twice in the same section of one file (keys are case-insensitive) or a sub-key set twice: the later value wins, the earlier line does nothing.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		for (const file of context.files) {
			for (const group of file.repeatedKeys) {
				yield* duplicateKeyFindings(file, group);
			}
		}
		for (const file of context.files) {
			for (let index = 0; index < file.sections.length; index++) {
				if (file.sections[index].target) {
					yield* subKeyFindingsIn(file, index);
				}
			}
		}
	},
};

/** `group`: the definitions of one key in one section of the file, in order; the last one wins. */
function duplicateKeyFindings(file: LintedFile, group: readonly RawProperty[]): RuleFinding[] {
	const winner = group[group.length - 1];
	return group.slice(0, -1).map((property) => {
		const key = nameLabel(keyName(property.key), 'this key');
		return {
			file: file.role,
			range: property.line.key,
			message: `${capitalized(key)} is set again on line ${winner.line.key.line + 1} (keys are case-insensitive): the later value is `
				+ 'used, so this line has no effect.',
			related: [{ file: file.role, range: winner.line.key, message: 'The value used' }],
			fixes: [fileFix('Remove this line', file.role, [remove(property.span)], true)],
		};
	});
}

/** The repeated sub-keys under one header. */
function subKeyFindingsIn(file: LintedFile, index: number): readonly RuleFinding[] {
	return file.sections[index].raw.properties
		.flatMap((property) => property.subProperties.length > 1 ? duplicateSubKeyFindings(file, property) : []);
}

/** Sub-keys keep their case in the standard, so `A` and `a` are two sub-keys. */
function duplicateSubKeyFindings(file: LintedFile, property: RawProperty): RuleFinding[] {
	const lines = property.subProperties.filter((line) => line.assignment && line.key.length > 0);
	const last = new Map<string, (typeof lines)[number]>();
	for (const line of lines) {
		last.set(textOf(file, line.key), line);
	}
	return lines.flatMap((line) => {
		const winner = last.get(textOf(file, line.key));
		if (!winner || winner === line) {
			return [];
		}
		return [{
			file: file.role,
			range: line.key,
			message: `${capitalized(nameLabel(textOf(file, line.key), 'this sub-key'))} is set again on line ${winner.key.line + 1}: the later value is used, so this line has no effect.`,
			related: [{ file: file.role, range: winner.key, message: 'The value used' }],
			fixes: [fileFix('Remove this line', file.role, [remove(line.span)], true)],
		}];
	});
}

function capitalized(text: string): string {
	return text.startsWith('this ') ? `T${text.slice(1)}` : text;
}
