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
	forEachLine,
	HeaderLine,
	LineEnding,
	PropertyLine,
	ScannedLine,
	SubPropertyLine,
} from './iniScanner';
import type { TextRange } from '../text/textRange';
import type { Writable } from '../model/profileKeys';

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
	return parseKeeping(text);
}

/**
 * The literal parse of the sections named in `names` only (lower case; a name matches in any case, so that whoever
 * looks for a name among them finds every spelling of it): what an edit of a few sections needs of a large file,
 * which keeps no object for the lines of the other sections. `lines` holds the lines from each kept header to the
 * next header, and the file's last line; `sections` and `problems`, those of the kept sections.
 */
export function parseRawProfileSections(text: string, names: ReadonlySet<string>): RawProfileFile {
	return parseKeeping(text, (header) => names.has(sliceOf(text, header.name).toLowerCase()));
}

/** How many syntax problems `text` has (those parseRawProfileFile lists). */
export function countSyntaxProblems(text: string): number {
	return visitRawSections(text, () => undefined).problems.length;
}

/**
 * The literal parse, for a reader that keeps none of the lines: hands each section to `visit` as soon as its last
 * line is read, and returns the rest of the parse. What the standard reading of a large file does, so that the
 * objects of its lines are garbage while they are young, which costs the collector nothing.
 */
export function visitRawSections(text: string, visit: (section: RawSection) => void): Omit<RawProfileFile, 'lines' | 'sections'> {
	const parser = new LiteralParser(text, visit);
	const { bomLength, eol } = forEachLine(text, (line) => parser.accept(line, true));
	parser.finish();
	return { bomLength, eol, problems: parser.problems };
}

/**
 * Parses `text`, keeping its lines and sections. With `keeps`, only the lines, sections and problems from each
 * header it keeps to the next header are kept (and the file's last line); without it, all of them.
 */
function parseKeeping(text: string, keeps?: (header: HeaderLine) => boolean): RawProfileFile {
	const sections: RawSection[] = [];
	const parser = new LiteralParser(text, (section) => sections.push(section));
	let keeping = keeps === undefined;
	const lines: ScannedLine[] = [];
	const { bomLength, eol } = forEachLine(text, (line) => {
		if (line.kind === 'header' && keeps) {
			keeping = keeps(line);
		}
		if (keeping || line.span.offset + line.span.length === text.length) {
			lines.push(line);
		}
		parser.accept(line, keeping);
	});
	parser.finish();
	return { bomLength, eol, lines, sections, problems: parser.problems };
}

/**
 * What an indented line continues: nothing yet (an error), a line that was already reported (then the indented
 * lines are quietly part of that mistake), or a property.
 */
type Open = 'nothing' | 'mistake' | 'property';

type IndentedLine = ContinuationLine | SubPropertyLine;

/**
 * The standard's line state machine, with the recovery described above: takes the lines in order and builds
 * the sections, their properties and the problems.
 */
class LiteralParser {
	readonly problems: SyntaxProblem[] = [];
	/** What indented lines continue. */
	private open: Open = 'nothing';
	/** The section being read, with the last line that belongs to it; whether it is kept. */
	private section: { readonly header: HeaderLine; readonly properties: RawProperty[]; last: ScannedLine; readonly kept: boolean } | undefined;
	/** The property being read, and its indented lines so far (most properties have none). */
	private property: AssignedPropertyLine | undefined;
	private indented: IndentedLine[] = [];

	/** `visit`: takes each section once its last line is read. */
	constructor(private readonly text: string, private readonly visit: (section: RawSection) => void) { }

	/** `kept`: whether the line is in a section that is kept (the problems of the others are not listed). */
	accept(line: ScannedLine, kept: boolean): void {
		const { section } = this;
		switch (line.kind) {
			case 'blank':
			case 'comment':
				return;
			case 'header':
				this.closeProperty();
				this.closeSection();
				if (!line.closed) {
					this.report(kept, 'syntax/unterminated-header', "Section definition must end with ']' (only a comment may follow it)", line.header);
				}
				this.section = { header: line, properties: [], last: line, kept };
				return;
			case 'property':
				this.closeProperty();
				this.open = 'mistake';
				if (!section) {
					this.report(kept, 'syntax/property-outside-section', 'Expected a section definition, such as [profile name], before this property', line.key);
					return;
				}
				section.last = line; // a section runs to its last property or indented line, malformed ones included
				if (!line.assignment) {
					this.report(kept, 'syntax/missing-equals', "Expected an '=' sign defining a property", line.key);
				} else if (line.key.length === 0) {
					this.report(kept, 'syntax/empty-key', 'Property did not have a name', line.assignment.equals);
				} else {
					this.open = 'property';
					this.property = line as AssignedPropertyLine;
				}
				return;
			case 'continuation':
			case 'sub-property':
				if (section) {
					section.last = line;
				}
				return this.acceptIndented(line, kept);
		}
	}

	/** The end of the text. */
	finish(): void {
		this.closeProperty();
		this.closeSection();
	}

	private acceptIndented(line: IndentedLine, kept: boolean): void {
		if (this.open === 'mistake') {
			return;
		}
		if (this.open === 'nothing') {
			if (this.section) {
				this.report(kept, 'syntax/continuation-without-property', 'Expected a property definition, found continuation', line.text);
			} else {
				this.report(kept, 'syntax/continuation-outside-section', 'Expected a section definition, found continuation', line.text);
			}
			this.open = 'mistake';
			return;
		}
		this.indented.push(line);
		if (line.kind === 'continuation') {
			return;
		}
		if (!line.assignment) {
			this.report(kept, 'syntax/sub-property-missing-equals', "Expected an '=' sign defining a sub-property", line.key);
		} else if (line.key.length === 0) {
			this.report(kept, 'syntax/sub-property-empty-key', 'Sub-property did not have a name', line.assignment.equals);
		}
	}

	/** A property is complete when the next header or property line, or the end of the file, comes. */
	private closeProperty(): void {
		const { property, section, indented } = this;
		this.open = 'nothing';
		this.property = undefined;
		if (indented.length > 0) {
			this.indented = [];
		}
		if (property && section?.kept) {
			section.properties.push(this.rawProperty(property, indented));
		}
	}

	private closeSection(): void {
		const { section } = this;
		this.section = undefined;
		if (section?.kept) {
			const { header, properties, last } = section;
			const prefix = header.prefix;
			this.visit({
				header,
				prefix: prefix ? sliceOf(this.text, prefix) : undefined,
				name: sliceOf(this.text, header.name),
				properties,
				span: spanBetween(header, last),
			});
		}
	}

	/** The standard's value: the first line's, then `\n` and each indented line, trimmed. */
	private rawProperty(line: AssignedPropertyLine, indented: readonly IndentedLine[]): RawProperty {
		const firstValue = line.assignment.value;
		const property: Writable<RawProperty> = {
			line,
			key: sliceOf(this.text, line.key),
			value: sliceOf(this.text, firstValue),
			continuations: noLines,
			subProperties: noLines,
			valueRange: firstValue,
			span: line.span,
		};
		if (indented.length === 0) {
			return property;
		}
		for (const next of indented) {
			property.value += '\n' + sliceOf(this.text, next.text);
		}
		const first = firstValue.length > 0 ? firstValue : indented[0].text;
		const lastText = indented[indented.length - 1].text;
		property.valueRange = { offset: first.offset, length: lastText.offset + lastText.length - first.offset, line: first.line, column: first.column };
		property.span = spanBetween(line, indented[indented.length - 1]);
		// The scanner decides at the property's line whether the lines under it are sub-properties: all are, or none.
		if (indented[0].kind === 'sub-property') {
			property.subProperties = indented as SubPropertyLine[];
		} else {
			property.continuations = indented as ContinuationLine[];
		}
		return property;
	}

	private report(kept: boolean, code: SyntaxProblemCode, message: string, range: TextRange): void {
		if (kept) {
			this.problems.push({ code, message, range });
		}
	}
}

const noLines: readonly never[] = Object.freeze([]);

function sliceOf(text: string, range: TextRange): string {
	return text.slice(range.offset, range.offset + range.length);
}

function spanBetween(first: ScannedLine, last: ScannedLine): TextRange {
	const { offset, line, column } = first.span;
	const end = last.span;
	return { offset, length: end.offset + end.length - offset, line, column };
}
