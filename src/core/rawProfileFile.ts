/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The literal layer of the standard reader (like smithy-rs `env_config/parse.rs`): one file's text becomes its
// sections and their properties exactly as written, in order, with every syntax problem the standard would stop
// at. Nothing is validated, renamed, merged or dropped here: `[profile in valid]`, `[foo]` in the config file
// and a duplicate key are all kept as written; what they mean is standardReader.ts's business.
//
// Unlike the reference, this layer never stops at the first problem: it records it with its range and goes on,
// so an editor can show all of them. The recovery keeps one mistake from causing others: the lines after a
// malformed property (or a property before any section) are taken as its continuation, and an unterminated
// header still opens a section (marked `closed: false`) to hold the lines under it.
//
// Every section and property carries the span of the lines it occupies, terminators included, so that edits can
// insert or remove whole lines without re-parsing.

import {
	Assignment,
	ContinuationLine,
	HeaderLine,
	LineEnding,
	PropertyLine,
	scanIni,
	ScannedLine,
	SubPropertyLine,
} from './iniScanner';
import type { TextRange } from './profileSet';

/** The syntax problems of the standard: each makes the SDKs that follow it refuse the whole file. */
export type SyntaxProblemCode =
	| 'syntax/unterminated-header'
	| 'syntax/property-outside-section'
	| 'syntax/continuation-outside-section'
	| 'syntax/continuation-without-property'
	| 'syntax/missing-equals'
	| 'syntax/empty-key'
	| 'syntax/sub-property-missing-equals'
	| 'syntax/sub-property-empty-key';

/** A syntax problem: always an error for the standard. The message quotes nothing from the file. */
export interface SyntaxProblem {
	readonly code: SyntaxProblemCode;
	readonly message: string;
	readonly range: TextRange;
}

/** A property line with its `=`: the only kind of property line that makes a property. */
export type AssignedPropertyLine = PropertyLine & { readonly assignment: Assignment };

/** One `key = value` as written, with the lines that continue it. */
export interface RawProperty {
	readonly line: AssignedPropertyLine;
	/** The key as written (the standard lower-cases it). */
	readonly key: string;
	/**
	 * The value as the standard builds it: the first line's value, then `\n` and each following line trimmed.
	 * For sub-properties that gives smithy-rs's raw form, `"\nname = value"`.
	 */
	readonly value: string;
	/** The indented lines that continue a value; empty when there are none or they are sub-properties. */
	readonly continuations: readonly ContinuationLine[];
	/**
	 * The indented `key = value` lines under a property whose own value is empty (`s3 =`), in order; empty
	 * otherwise. A line without `=` or without a key is kept here too (it is also a syntax problem).
	 */
	readonly subProperties: readonly SubPropertyLine[];
	/** From the value's first character to its last, continuation and sub-property lines included; zero-length
	 * just after the `=` when there is no value at all. */
	readonly valueRange: TextRange;
	/**
	 * From the start of the property's line to the end of its last line, terminator included (none when that is
	 * the file's last line and it has none: an insertion after it must then start with the file's `eol`).
	 */
	readonly span: TextRange;
}

/** One section header and the properties under it, as written. */
export interface RawSection {
	readonly header: HeaderLine;
	/** The first word inside the brackets when a name follows it: `profile`, `sso-session`, `services`... */
	readonly prefix?: string;
	/** The name, trimmed: `foo` in `[profile foo]`, `default` in `[default]`; possibly empty or invalid. */
	readonly name: string;
	/**
	 * The well-formed properties, in order (duplicates included). A malformed property line (no `=`, no key) is
	 * no property, but it is among the file's `lines` and inside the section's span.
	 */
	readonly properties: readonly RawProperty[];
	/**
	 * From the start of the header's line to the end of the section's last non-blank, non-comment line,
	 * terminator included (none at the end of a file without a final one). Comment and blank lines between
	 * properties are inside; those after the last property belong to no section (they usually introduce the
	 * next one).
	 */
	readonly span: TextRange;
}

/** One file, parsed literally. */
export interface RawProfileFile {
	/** 1 when the text starts with a byte order mark; offsets count it, parsing skips it. */
	readonly bomLength: 0 | 1;
	/** The line terminator to write in new lines: the file's first one, `\n` when it has none. */
	readonly eol: LineEnding;
	/** Every line, classified (comments and blank lines included). */
	readonly lines: readonly ScannedLine[];
	/** Every header in order, unterminated ones included (`header.closed` is false then). */
	readonly sections: readonly RawSection[];
	/** Every syntax problem, in order. The standard accepts the file only when there is none. */
	readonly problems: readonly SyntaxProblem[];
}

/** Parses one file's text literally. Never throws. */
export function parseRawProfileFile(text: string): RawProfileFile {
	const scanned = scanIni(text);
	const parser = new RawParser(text);
	for (const line of scanned.lines) {
		parser.accept(line);
	}
	return { bomLength: scanned.bomLength, eol: scanned.eol, lines: scanned.lines, ...parser.finish() };
}

type IndentedLine = ContinuationLine | SubPropertyLine;

/** A RawProperty while its indented lines are still coming. */
type OpenProperty = { -readonly [K in keyof RawProperty]: RawProperty[K] };

/**
 * What an indented line continues: nothing yet (an error), a property, or a line that was already reported
 * (then the indented lines are quietly part of that mistake).
 */
type Open = 'nothing' | 'mistake' | OpenProperty;

const noLines: readonly never[] = Object.freeze([]);

interface SectionBuilder {
	readonly header: HeaderLine;
	readonly properties: RawProperty[];
	/** The last line that belongs to the section. */
	last: ScannedLine;
}

/**
 * The line state machine. Most properties are one line, so a property is built complete from its line (its
 * value range and span are the line's own) and only rebuilt when indented lines follow it: a large file costs
 * few allocations.
 */
class RawParser {
	private readonly sections: RawSection[] = [];
	private readonly problems: SyntaxProblem[] = [];
	private section: SectionBuilder | undefined;
	private open: Open = 'nothing';
	/** The indented lines under the open property, all of one kind (the scanner decides at the property line). */
	private indented: IndentedLine[] = [];

	constructor(private readonly text: string) { }

	accept(line: ScannedLine): void {
		switch (line.kind) {
			case 'blank':
			case 'comment':
				return;
			case 'header':
				return this.acceptHeader(line);
			case 'property':
				return this.acceptProperty(line);
			case 'continuation':
			case 'sub-property':
				return this.acceptIndented(line);
		}
	}

	finish(): { sections: RawSection[]; problems: SyntaxProblem[] } {
		this.closeSection();
		return { sections: this.sections, problems: this.problems };
	}

	private acceptHeader(line: HeaderLine): void {
		this.closeSection();
		if (!line.closed) {
			this.report('syntax/unterminated-header', "Section definition must end with ']' (only a comment may follow it)", line.header);
		}
		this.section = { header: line, properties: [], last: line };
	}

	private acceptProperty(line: PropertyLine): void {
		this.closeProperty();
		if (!this.section) {
			this.report('syntax/property-outside-section', 'Expected a section definition, such as [profile name], before this property', line.key);
			this.open = 'mistake';
			return;
		}
		this.section.last = line;
		if (!isAssigned(line)) {
			this.report('syntax/missing-equals', "Expected an '=' sign defining a property", line.key);
			this.open = 'mistake';
			return;
		}
		if (line.key.length === 0) {
			this.report('syntax/empty-key', 'Property did not have a name', line.assignment.equals);
			this.open = 'mistake';
			return;
		}
		this.open = {
			line,
			key: this.slice(line.key),
			value: this.slice(line.assignment.value),
			continuations: noLines,
			subProperties: noLines,
			valueRange: line.assignment.value,
			span: line.span,
		};
	}

	private acceptIndented(line: IndentedLine): void {
		if (this.section) {
			this.section.last = line;
		}
		const open = this.open;
		if (open === 'mistake') {
			return;
		}
		if (open === 'nothing') {
			if (this.section) {
				this.report('syntax/continuation-without-property', 'Expected a property definition, found continuation', line.text);
			} else {
				this.report('syntax/continuation-outside-section', 'Expected a section definition, found continuation', line.text);
			}
			this.open = 'mistake';
			return;
		}
		this.indented.push(line);
		if (line.kind === 'continuation') {
			return;
		}
		if (!line.assignment) {
			this.report('syntax/sub-property-missing-equals', "Expected an '=' sign defining a sub-property", line.key);
		} else if (line.key.length === 0) {
			this.report('syntax/sub-property-empty-key', 'Sub-property did not have a name', line.assignment.equals);
		}
	}

	private closeSection(): void {
		this.closeProperty();
		const section = this.section;
		if (!section) {
			return;
		}
		const { header } = section;
		this.sections.push({
			header,
			prefix: header.prefix ? this.slice(header.prefix) : undefined,
			name: this.slice(header.name),
			properties: section.properties,
			span: spanBetween(header, section.last),
		});
		this.section = undefined;
	}

	/** A property is complete when the next header, property or the end of the file comes. */
	private closeProperty(): void {
		const open = this.open;
		this.open = 'nothing';
		if (typeof open === 'string' || !this.section) {
			return;
		}
		if (this.indented.length > 0) {
			this.addIndentedLines(open, this.indented);
			this.indented = [];
		}
		this.section.properties.push(open);
	}

	/** The standard's value: the first line's, then `\n` and each indented line, trimmed. */
	private addIndentedLines(property: OpenProperty, lines: IndentedLine[]): void {
		const firstValue = property.line.assignment.value;
		let value = property.value;
		for (const line of lines) {
			value += '\n' + this.slice(line.text);
		}
		const first = firstValue.length > 0 ? firstValue : lines[0].text;
		const last = lines[lines.length - 1];
		property.value = value;
		property.valueRange = {
			offset: first.offset,
			length: last.text.offset + last.text.length - first.offset,
			line: first.line,
			column: first.column,
		};
		property.span = spanBetween(property.line, last);
		if (lines[0].kind === 'sub-property') {
			property.subProperties = lines as SubPropertyLine[];
		} else {
			property.continuations = lines as ContinuationLine[];
		}
	}

	private report(code: SyntaxProblemCode, message: string, range: TextRange): void {
		this.problems.push({ code, message, range });
	}

	private slice(range: TextRange): string {
		return this.text.slice(range.offset, range.offset + range.length);
	}
}

function isAssigned(line: PropertyLine): line is AssignedPropertyLine {
	return line.assignment !== undefined;
}

function spanBetween(first: ScannedLine, last: ScannedLine): TextRange {
	const { offset, line, column } = first.span;
	return { offset, length: last.span.offset + last.span.length - offset, line, column };
}
