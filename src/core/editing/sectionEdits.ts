/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Edits of one file's sections, computed from its literal parse (rawProfileFile.ts) so that they touch only
// the text they mean to: a value, a header's name, the lines of one property or one section. Comments, blank
// lines, indentation, ordering, the BOM and the file's line endings (CRLF or LF) are left as they are.

import type { FileRole } from '../readings/fileLocations';
import type { SectionKind } from '../readings/profileSet';
import type { RawProfileFile, RawProperty, RawSection } from '../ini/rawProfileFile';
import type { Edit } from '../text/textEdits';

export interface SectionRef {
	readonly kind: SectionKind;
	readonly name: string;
}

/**
 * The sections of this file that hold `ref`, in order. In the config file, `[profile default]` hides
 * `[default]`: `visible` leaves the hidden ones out (where a new value must go to take effect); removing
 * and deleting take `all`, so nothing resurfaces later.
 */
export function findSections(raw: RawProfileFile, file: FileRole, ref: SectionRef, which: 'visible' | 'all' = 'all'): RawSection[] {
	const closed = raw.sections.filter((section) => section.header.closed && section.name === ref.name);
	if (file === 'credentials') {
		return ref.kind === 'profile' ? closed.filter((section) => section.prefix === undefined) : [];
	}
	const prefixed = closed.filter((section) => section.prefix === ref.kind);
	if (ref.kind !== 'profile' || ref.name !== 'default' || (which === 'visible' && prefixed.length > 0)) {
		return prefixed;
	}
	return closed.filter((section) => section.prefix === 'profile' || section.prefix === undefined);
}

/** The header text of a new section: `[profile x]` / `[default]` / `[sso-session x]` in config, `[x]` in credentials. */
export function headerFor(file: FileRole, ref: SectionRef): string {
	if (file === 'credentials' || (ref.kind === 'profile' && ref.name === 'default')) {
		return `[${ref.name}]`;
	}
	return `[${ref.kind} ${ref.name}]`;
}

export interface NewSection {
	readonly header: string;
	readonly properties: readonly (readonly [string, string])[];
}

/** Appends new sections at the end of the file, each after a blank line unless it starts the file. */
export function appendSections(raw: RawProfileFile, text: string, sections: readonly NewSection[]): Edit {
	const { eol } = raw;
	let content = '';
	if (text.length > raw.bomLength) {
		content = text.endsWith('\n') ? '' : eol;
		const lastLine = raw.lines[raw.lines.length - 1];
		if (lastLine && lastLine.kind !== 'blank') {
			content += eol;
		}
	}
	content += sections.map(({ header, properties }) =>
		header + eol + properties.map(([key, value]) => propertyLine(key, value) + eol).join('')).join(eol);
	return { offset: text.length, length: 0, content };
}

/**
 * Sets `key` in the last of `sections` that defines it (the definition that wins), replacing only its value;
 * a value spread over continuation or sub-property lines is replaced as a whole line. When no section defines
 * it, the property is added at the end of the last section.
 */
export function setProperty(raw: RawProfileFile, text: string, sections: readonly RawSection[], key: string, value: string): Edit {
	const existing = lastDefinition(sections, key);
	if (existing) {
		return replaceProperty(raw, text, existing, value);
	}
	const section = sections[sections.length - 1];
	const end = section.span.offset + section.span.length;
	const line = propertyLine(key, value);
	return endsWithNewline(text, end)
		? { offset: end, length: 0, content: line + raw.eol }
		: { offset: end, length: 0, content: raw.eol + line };
}

/**
 * A new value for a property, as one edit over its lines. A one-line value is replaced where it stands, so the
 * key's spelling and spacing stay. A value continued or spread over sub-properties is replaced as a whole,
 * but the comment and blank lines among its lines are not part of it and stay, in order, after the new line.
 * An inline comment (`region = us-east-1 # main`) is moved to a line of its own just above: the AWS CLI reads
 * it as part of the value, the SDKs as a comment, so after the value it would make them read two values.
 */
function replaceProperty(raw: RawProfileFile, text: string, property: RawProperty, value: string): Edit {
	const { line } = property;
	const comment = line.comment ? text.slice(line.comment.offset, line.comment.offset + line.comment.length) + raw.eol : '';
	const simple = property.continuations.length === 0 && property.subProperties.length === 0;
	if (simple && !line.comment) {
		const { value: range } = line.assignment;
		return { offset: range.offset, length: range.length, content: value };
	}
	const { span } = property;
	const lineEnd = line.range.offset + line.range.length;
	const kept = simple ? '' : keptLines(raw, text, property);
	const keyAndEquals = text.slice(line.span.offset, line.assignment.equals.offset + 1);
	const written = line.assignment.value;
	const spacing = written.length > 0 ? text.slice(line.assignment.equals.offset + 1, written.offset) : ' ';
	const newLine = value === '' ? keyAndEquals : keyAndEquals + spacing + value;
	if (simple) {
		return { offset: line.span.offset, length: lineEnd - line.span.offset, content: comment + newLine };
	}
	const end = span.offset + span.length;
	const tail = endsWithNewline(text, end) ? terminator(text, span) : '';
	// The kept lines carry their own terminators; the new line needs one before them.
	const content = kept === '' ? comment + newLine + tail : comment + newLine + terminator(text, line.span) + kept.slice(0, kept.length - lineTerminatorLength(kept)) + tail;
	return { offset: span.offset, length: span.length, content };
}

/**
 * The comment and blank lines inside a property's lines, each as written with its terminator. A comment line is
 * one every reader takes for a comment: `#` or `;` in the first column. An indented `# x` among continuation
 * lines is part of the value for the SDKs (and a comment for the AWS CLI): it goes with the value it is in.
 */
function keptLines(raw: RawProfileFile, text: string, property: RawProperty): string {
	const start = property.span.offset;
	const end = start + property.span.length;
	let kept = '';
	for (const line of raw.lines) {
		if (line.span.offset <= start) {
			continue;
		}
		if (line.span.offset >= end) {
			break;
		}
		if (line.kind === 'comment' || line.kind === 'blank') {
			kept += text.slice(line.span.offset, line.span.offset + line.span.length);
		}
	}
	return kept;
}

/** Removes every line of every definition of `key` (keys match case-insensitively, as the standard reads them). */
export function removeProperty(sections: readonly RawSection[], key: string): Edit[] {
	return sections.flatMap((section) => section.properties
		.filter((property) => sameKey(property.key, key))
		.map((property) => ({ offset: property.span.offset, length: property.span.length, content: '' })));
}

/** Replaces the name in each header, and nothing else of it (`[profile  old ]` keeps its spacing). */
export function renameSections(sections: readonly RawSection[], newName: string): Edit[] {
	return sections.map(({ header }) => ({ offset: header.name.offset, length: header.name.length, content: newName }));
}

/** Removes each section's lines, and the blank lines right after it so no gap is left doubled. */
export function deleteSections(raw: RawProfileFile, sections: readonly RawSection[]): Edit[] {
	return sections.map((section) => {
		const start = section.span.offset;
		let end = start + section.span.length;
		for (const line of raw.lines) {
			if (line.span.offset < end) {
				continue;
			}
			if (line.kind !== 'blank' || line.span.offset !== end) {
				break;
			}
			end = line.span.offset + line.span.length;
		}
		return { offset: start, length: end - start, content: '' };
	});
}

/** Replaces `value` in every property `key` of the sections whose value is exactly `from` (e.g. source_profile). */
export function replaceValues(sections: readonly RawSection[], key: string, from: string, to: string): Edit[] {
	return sections.flatMap((section) => section.properties
		.filter((property) => sameKey(property.key, key) && property.value === from && property.continuations.length === 0)
		.map((property) => {
			const { value } = property.line.assignment;
			return { offset: value.offset, length: value.length, content: to };
		}));
}

export function lastDefinition(sections: readonly RawSection[], key: string): RawProperty | undefined {
	for (let s = sections.length - 1; s >= 0; s--) {
		const properties = sections[s].properties;
		for (let p = properties.length - 1; p >= 0; p--) {
			if (sameKey(properties[p].key, key)) {
				return properties[p];
			}
		}
	}
	return undefined;
}

function propertyLine(key: string, value: string): string {
	return value === '' ? `${key} =` : `${key} = ${value}`;
}

function sameKey(a: string, b: string): boolean {
	return a.toLowerCase() === b.toLowerCase();
}

function lineTerminatorLength(text: string): number {
	return text.endsWith('\r\n') ? 2 : text.endsWith('\n') || text.endsWith('\r') ? 1 : 0;
}

function endsWithNewline(text: string, end: number): boolean {
	return end > 0 && text.charCodeAt(end - 1) === 0x0a;
}

/** The terminator the span ends with (`\n` or `\r\n`), to keep a replaced line's own line ending. */
function terminator(text: string, span: { offset: number; length: number }): string {
	const end = span.offset + span.length;
	return text.charCodeAt(end - 2) === 0x0d ? '\r\n' : '\n';
}
