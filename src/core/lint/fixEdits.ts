/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The edits the quick fixes are made of. Each is computed against the original text and touches only the text
// it fixes: a header, a key, a value, one comment, the lines of one property or section. Line endings follow the
// file's own (CRLF stays CRLF), and nothing else moves.

import type { ScannedLine } from '../ini/iniScanner';
import type { FileRole } from '../readings/fileLocations';
import { parseRawProfileFile, RawProperty, RawSection } from '../ini/rawProfileFile';
import { deleteSections } from '../editing/sectionEdits';
import type { Span } from '../text/lineIndex';
import { applyEdits, Edit } from '../text/textEdits';
import { fileOf, keyName, LintedFile, ParsedProfileFiles } from './lintContext';
import type { FileEdits, QuickFix } from './rule';

export function replace(span: Span, content: string): Edit {
	return { offset: span.offset, length: span.length, content };
}

export function remove(span: Span): Edit {
	return { offset: span.offset, length: span.length, content: '' };
}

export function fix(title: string, edits: readonly FileEdits[], isPreferred = false): QuickFix {
	return isPreferred ? { kind: 'edits', title, edits, isPreferred } : { kind: 'edits', title, edits };
}

export function fileFix(title: string, file: FileRole, edits: readonly Edit[], isPreferred = false): QuickFix {
	return fix(title, [{ file, edits }], isPreferred);
}

/** Removes the lines of each property, grouped by file (config file first, as given). */
export function removeProperties(definitions: readonly { readonly file: LintedFile; readonly property: RawProperty }[]): FileEdits[] {
	const byFile = new Map<FileRole, Edit[]>();
	for (const { file, property } of definitions) {
		const edits = byFile.get(file.role) ?? [];
		edits.push(remove(property.span));
		byFile.set(file.role, edits);
	}
	return [...byFile].map(([file, edits]) => ({ file, edits }));
}

/** `[profile name]`, `[sso-session name]`, or `[name]` without a prefix. */
export function headerText(prefix: string | undefined, name: string): string {
	return prefix === undefined ? `[${name}]` : `[${prefix} ${name}]`;
}

/**
 * Moves the comment that starts at `commentStart` on `line` to a line of its own just above, at the first
 * column, where every reader takes it for a comment. The blanks before it go with it.
 */
export function moveCommentAbove(file: LintedFile, line: ScannedLine, commentStart: number): Edit[] {
	const { text } = file;
	const lineStart = line.range.offset;
	let lineEnd = lineStart + line.range.length;
	while (lineEnd > commentStart && isBlank(text.charCodeAt(lineEnd - 1))) {
		lineEnd--;
	}
	let contentEnd = commentStart;
	while (contentEnd > lineStart && isBlank(text.charCodeAt(contentEnd - 1))) {
		contentEnd--;
	}
	return [
		{ offset: lineStart, length: 0, content: text.slice(commentStart, lineEnd) + file.raw.eol },
		{ offset: contentEnd, length: lineStart + line.range.length - contentEnd, content: '' },
	];
}

/**
 * Appends lines at the end of a file (created if absent), after a blank line unless the file is empty, in the
 * file's line ending.
 */
export function appendLines(context: ParsedProfileFiles, role: FileRole, lines: readonly string[]): FileEdits {
	const file = fileOf(context, role);
	const text = file?.text ?? '';
	const raw = file?.raw ?? parseRawProfileFile(text);
	const { eol } = raw;
	let content = '';
	if (text.length > raw.bomLength) {
		content = text.endsWith('\n') ? '' : eol;
		const last = raw.lines[raw.lines.length - 1];
		if (last && last.kind !== 'blank') {
			content += eol;
		}
	}
	content += lines.map((line) => line + eol).join('');
	return { file: role, edits: [{ offset: text.length, length: 0, content }] };
}

/** The text of a section as written, from its header to its last property, in the file's line endings. */
export function sectionLines(file: LintedFile, section: RawSection): string[] {
	const { span } = section;
	return file.text.slice(span.offset, span.offset + span.length).split(/\r?\n/).filter((line, index, all) => index < all.length - 1 || line !== '');
}

/**
 * Merges several headers of one section in one file into the first: the lines under the later headers move
 * to the end of the first section, in order, and a key defined under more than one header keeps only its last
 * definition, the one the standard uses. What every reader then sees is what the standard saw before.
 */
export function mergeSectionEdits(file: LintedFile, occurrences: readonly RawSection[]): Edit[] {
	const [first, ...later] = occurrences;
	const lastDefinedIn = new Map<string, number>();
	occurrences.forEach((occurrence, index) => occurrence.properties.forEach((property) => lastDefinedIn.set(keyName(property.key), index)));
	const overridden = (key: string, index: number) => (lastDefinedIn.get(keyName(key)) ?? index) > index;
	let moved = '';
	later.forEach((occurrence, laterIndex) => {
		const index = laterIndex + 1;
		const bodyStart = occurrence.header.span.offset + occurrence.header.span.length;
		const bodyEnd = occurrence.span.offset + occurrence.span.length;
		const dropped = occurrence.properties
			.filter((property) => overridden(property.key, index))
			.map((property) => ({ offset: property.span.offset - bodyStart, length: property.span.length, content: '' }));
		let body = applyEdits(file.text.slice(bodyStart, Math.max(bodyStart, bodyEnd)), dropped);
		if (body.length > 0 && !body.endsWith('\n')) {
			body += file.raw.eol;
		}
		moved += body;
	});
	const end = first.span.offset + first.span.length;
	const edits: Edit[] = [];
	if (moved.length > 0) {
		edits.push({ offset: end, length: 0, content: moved });
	}
	for (const property of first.properties) {
		if (overridden(property.key, 0)) {
			edits.push(remove(property.span));
		}
	}
	return [...edits, ...deleteSections(file.raw, later)];
}

function isBlank(code: number): boolean {
	return code === 0x20 || code === 0x09;
}
