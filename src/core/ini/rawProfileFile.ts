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
//
// As jsonc-parser's `visit` and `parseTree` do, the parse tells what it finds to a visitor as it goes
// (`LiteralVisitor`), and the plain objects of `RawProfileFile` are what one visitor builds. The standard reading
// (standardReader.ts) is another visitor, which makes objects only for what it keeps: both read the one parse.

import {
	absent,
	Assignment,
	ContinuationLine,
	HeaderLine,
	LineEnding,
	createLineScanner,
	LineScanner,
	PropertyLine,
	ScannedLine,
	scannedLine,
	SubPropertyLine,
} from './iniScanner';
import type { TextRange } from '../text/textRange';

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

/**
 * What the literal parse tells a reader as it goes, each while the scanner is at the line in question: the scanner's
 * fields describe that line until the callback returns. The callbacks are called as the visitor's methods.
 *
 * The visitors of this project are objects that hold their state, whose methods are the module's functions rather
 * than closures made for each parse: V8 keeps a function's optimized code only while a function object that uses it
 * lives, and the optimized code that calls a closure only while that closure lives. Closures made anew for each parse
 * would be compiled anew at each parse (run unoptimized meanwhile), and the parse that calls them with them.
 */
export interface LiteralVisitor {
	/** Every line, before what it means is told. */
	onLine?(scanner: LineScanner): void;
	/** A header line: a section starts (an unterminated header starts one too). */
	onSection?(scanner: LineScanner): void;
	/** A property line with its `=` and a key: a property starts. */
	onProperty?(scanner: LineScanner): void;
	/** An indented line of that property: a continuation, or a sub-property line when its own value was empty. */
	onIndentedLine?(scanner: LineScanner): void;
	/**
	 * That property is complete. `value`: as the standard builds it (see RawProperty); `valueRange`: from its first
	 * character to its last; `end`: where its last line ends, terminator included.
	 */
	onPropertyEnd?(value: string, valueRange: TextRange, end: number): void;
	/** The section is complete; `end`: where its last line ends, terminator included. */
	onSectionEnd?(end: number): void;
	onProblem?(problem: SyntaxProblem): void;
}

/**
 * Parses one file's text literally. Never throws. `alongside`: a reader that reads the same parse as it goes (the
 * standard reading does, for the lint, which needs both).
 */
export function parseRawProfileFile(text: string, alongside?: LiteralVisitor): RawProfileFile {
	return parseKeeping(text, undefined, alongside);
}

/**
 * The literal parse of the sections named in `names` only (lower case; a name matches in any case, so that whoever
 * looks for a name among them finds every spelling of it): what an edit of a few sections needs of a large file,
 * which keeps no object for the lines of the other sections. `lines` holds the lines from each kept header to the
 * next header, and the file's last line; `sections` and `problems`, those of the kept sections.
 */
export function parseRawProfileSections(text: string, names: ReadonlySet<string>): RawProfileFile {
	return parseKeeping(text, (name) => names.has(name.toLowerCase()));
}

/** The literal parse kept as objects (see rawFileBuilder for `keeps`), with `alongside` reading it too. */
function parseKeeping(text: string, keeps?: (name: string) => boolean, alongside?: LiteralVisitor): RawProfileFile {
	const builder = rawFileBuilder(text, keeps);
	const { bomLength, eol } = visitLiteral(text, alongside ? inTurn(builder, alongside) : builder);
	const { lines, sections, problems } = builder;
	return { bomLength, eol, lines, sections, problems };
}

/** How many syntax problems `text` has (those parseRawProfileFile lists). */
export function countSyntaxProblems(text: string): number {
	let count = 0;
	visitLiteral(text, { onProblem: () => count++ });
	return count;
}

/**
 * Parses `text` literally, telling `visitor` what it finds: the standard's line state machine, with the recovery
 * described above. Returns what the scanner tells of the whole text.
 */
export function visitLiteral(text: string, visitor: LiteralVisitor): Pick<RawProfileFile, 'bomLength' | 'eol'> {
	const scanner = createLineScanner(text);
	const parse: LiteralParse = {
		scanner,
		visitor,
		open: 'nothing',
		inSection: false,
		sectionEnd: 0,
		value: '',
		valueRange: undefined,
		propertyEnd: 0,
	};
	while (scanner.scan()) {
		visitor.onLine?.(scanner);
		switch (scanner.kind) {
			case 'header':
				acceptHeader(parse);
				break;
			case 'property':
				acceptProperty(parse);
				break;
			case 'continuation':
			case 'sub-property':
				acceptIndented(parse);
				break;
		}
	}
	closeProperty(parse);
	closeSection(parse);
	return { bomLength: scanner.bomLength, eol: scanner.eol };
}

/** The state of one literal parse. The steps below are the module's functions over it (see LiteralVisitor for why). */
interface LiteralParse {
	readonly scanner: LineScanner;
	readonly visitor: LiteralVisitor;
	/**
	 * What indented lines continue: nothing yet (an error), a line that was already reported (then the indented
	 * lines are quietly part of that mistake), or a property.
	 */
	open: 'nothing' | 'mistake' | 'property';
	/** Whether a section is open, and where its last line so far ends. */
	inSection: boolean;
	sectionEnd: number;
	/** The property being read (when `open` is 'property'): its value and value range so far, and where its last line ends. */
	value: string;
	valueRange: TextRange | undefined;
	propertyEnd: number;
}

function report(parse: LiteralParse, code: SyntaxProblemCode, message: string, start: number, end: number): void {
	parse.visitor.onProblem?.({ code, message, range: parse.scanner.rangeOf(start, end) });
}

/** A property is complete when the next header or property line, or the end of the file, comes. */
function closeProperty(parse: LiteralParse): void {
	if (parse.open === 'property') {
		parse.visitor.onPropertyEnd?.(parse.value, parse.valueRange!, parse.propertyEnd);
	}
	parse.open = 'nothing';
}

function closeSection(parse: LiteralParse): void {
	if (parse.inSection) {
		parse.inSection = false;
		parse.visitor.onSectionEnd?.(parse.sectionEnd);
	}
}

function acceptHeader(parse: LiteralParse): void {
	const { scanner } = parse;
	closeProperty(parse);
	closeSection(parse);
	parse.inSection = true;
	parse.sectionEnd = scanner.next;
	parse.visitor.onSection?.(scanner);
	if (!scanner.closed) {
		report(parse, 'syntax/unterminated-header', "Section definition must end with ']' (only a comment may follow it)", scanner.start, scanner.headerEnd);
	}
}

function acceptProperty(parse: LiteralParse): void {
	const { scanner } = parse;
	closeProperty(parse);
	parse.open = 'mistake';
	if (!parse.inSection) {
		report(parse, 'syntax/property-outside-section', 'Expected a section definition, such as [profile name], before this property',
			scanner.keyStart, scanner.keyEnd);
		return;
	}
	parse.sectionEnd = scanner.next; // a section runs to its last property or indented line, malformed ones included
	if (scanner.equals === absent) {
		report(parse, 'syntax/missing-equals', "Expected an '=' sign defining a property", scanner.keyStart, scanner.keyEnd);
	} else if (scanner.keyStart === scanner.keyEnd) {
		report(parse, 'syntax/empty-key', 'Property did not have a name', scanner.equals, scanner.equals + 1);
	} else {
		parse.open = 'property';
		parse.value = scanner.slice(scanner.valueStart, scanner.valueEnd);
		parse.valueRange = scanner.valueRange();
		parse.propertyEnd = scanner.next;
		parse.visitor.onProperty?.(scanner);
	}
}

function acceptIndented(parse: LiteralParse): void {
	const { scanner } = parse;
	if (parse.inSection) {
		parse.sectionEnd = scanner.next;
	}
	if (parse.open === 'mistake') {
		return;
	}
	if (parse.open === 'nothing') {
		if (parse.inSection) {
			report(parse, 'syntax/continuation-without-property', 'Expected a property definition, found continuation', scanner.textStart, scanner.textEnd);
		} else {
			report(parse, 'syntax/continuation-outside-section', 'Expected a section definition, found continuation', scanner.textStart, scanner.textEnd);
		}
		parse.open = 'mistake';
		return;
	}
	// The standard's value: the first line's, then `\n` and each indented line, trimmed. After an empty first
	// value, the value as written starts on the first indented line (whose text is never empty).
	parse.value += '\n' + scanner.slice(scanner.textStart, scanner.textEnd);
	const from = parse.valueRange!.length > 0 ? parse.valueRange! : scanner.rangeOf(scanner.textStart, scanner.textEnd);
	parse.valueRange = { ...from, length: scanner.textEnd - from.offset };
	parse.propertyEnd = scanner.next;
	parse.visitor.onIndentedLine?.(scanner);
	if (scanner.kind === 'continuation') {
		return;
	}
	if (scanner.equals === absent) {
		report(parse, 'syntax/sub-property-missing-equals', "Expected an '=' sign defining a sub-property", scanner.keyStart, scanner.keyEnd);
	} else if (scanner.keyStart === scanner.keyEnd) {
		report(parse, 'syntax/sub-property-empty-key', 'Sub-property did not have a name', scanner.equals, scanner.equals + 1);
	}
}

type IndentedLine = ContinuationLine | SubPropertyLine;

/**
 * The visitor that builds a RawProfileFile from the parse, and holds what it built. With `keeps`, only the lines,
 * sections and problems from each header whose name it keeps to the next header are kept (and the file's last
 * line); without it, all of them.
 */
interface RawFileBuilder extends LiteralVisitor {
	readonly text: string;
	readonly keeps: ((name: string) => boolean) | undefined;
	readonly lines: ScannedLine[];
	readonly sections: RawSection[];
	readonly problems: SyntaxProblem[];
	/** Whether the current line is kept, and its object when it is. */
	keeping: boolean;
	line: ScannedLine | undefined;
	/** The kept section being read, the property being read in it, and that property's indented lines so far. */
	section: { readonly header: HeaderLine; readonly properties: RawProperty[] } | undefined;
	property: AssignedPropertyLine | undefined;
	indented: IndentedLine[];
}

function rawFileBuilder(text: string, keeps?: (name: string) => boolean): RawFileBuilder {
	return {
		text, keeps, lines: [], sections: [], problems: [],
		keeping: keeps === undefined, line: undefined, section: undefined, property: undefined, indented: [],
		onLine: keepLine, onSection: keepSection, onProperty: keepProperty, onIndentedLine: keepIndentedLine,
		onPropertyEnd: keepPropertyEnd, onSectionEnd: keepSectionEnd, onProblem: keepProblem,
	};
}

// The builder's methods (see LiteralVisitor for why they are not closures).

function keepLine(this: RawFileBuilder, scanner: LineScanner): void {
	if (scanner.kind === 'header' && this.keeps) {
		this.keeping = this.keeps(scanner.slice(scanner.nameStart, scanner.nameEnd));
	}
	this.line = undefined;
	if (this.keeping || scanner.next === this.text.length) {
		this.line = scannedLine(scanner);
		this.lines.push(this.line);
	}
}

function keepSection(this: RawFileBuilder): void {
	this.section = this.keeping ? { header: this.line as HeaderLine, properties: [] } : undefined;
}

function keepProperty(this: RawFileBuilder): void {
	if (this.section) {
		this.property = this.line as AssignedPropertyLine;
		this.indented = [];
	}
}

function keepIndentedLine(this: RawFileBuilder): void {
	if (this.property) {
		this.indented.push(this.line as IndentedLine);
	}
}

function keepPropertyEnd(this: RawFileBuilder, value: string, valueRange: TextRange, end: number): void {
	const { property: first, section } = this;
	this.property = undefined;
	if (first && section) {
		section.properties.push(rawProperty(this.text, first, this.indented, value, valueRange, end));
	}
}

function keepSectionEnd(this: RawFileBuilder, end: number): void {
	if (this.section) {
		const { header, properties } = this.section;
		this.sections.push({
			header,
			prefix: header.prefix ? sliceOf(this.text, header.prefix) : undefined,
			name: sliceOf(this.text, header.name),
			properties,
			span: spanTo(header, end),
		});
	}
	this.section = undefined;
}

function keepProblem(this: RawFileBuilder, problem: SyntaxProblem): void {
	if (this.keeping) {
		this.problems.push(problem);
	}
}

function rawProperty(text: string, line: AssignedPropertyLine, indented: readonly IndentedLine[], value: string, valueRange: TextRange, end: number): RawProperty {
	// The scanner decides at the property's line whether the lines under it are sub-properties: all are, or none.
	const subProperties = indented.length > 0 && indented[0].kind === 'sub-property';
	return {
		line,
		key: sliceOf(text, line.key),
		value,
		continuations: subProperties || indented.length === 0 ? noLines : indented as ContinuationLine[],
		subProperties: subProperties ? indented as SubPropertyLine[] : noLines,
		valueRange,
		span: indented.length === 0 ? line.span : spanTo(line, end),
	};
}

/** A visitor that tells `first`, then `second`, everything. */
function inTurn(first: LiteralVisitor, second: LiteralVisitor): InTurn {
	return {
		first, second,
		onLine: lineInTurn, onSection: sectionInTurn, onProperty: propertyInTurn, onIndentedLine: indentedLineInTurn,
		onPropertyEnd: propertyEndInTurn, onSectionEnd: sectionEndInTurn, onProblem: problemInTurn,
	};
}

interface InTurn extends LiteralVisitor {
	readonly first: LiteralVisitor;
	readonly second: LiteralVisitor;
}

// The methods of `inTurn` (see LiteralVisitor for why they are not closures).

function lineInTurn(this: InTurn, scanner: LineScanner): void {
	this.first.onLine?.(scanner);
	this.second.onLine?.(scanner);
}

function sectionInTurn(this: InTurn, scanner: LineScanner): void {
	this.first.onSection?.(scanner);
	this.second.onSection?.(scanner);
}

function propertyInTurn(this: InTurn, scanner: LineScanner): void {
	this.first.onProperty?.(scanner);
	this.second.onProperty?.(scanner);
}

function indentedLineInTurn(this: InTurn, scanner: LineScanner): void {
	this.first.onIndentedLine?.(scanner);
	this.second.onIndentedLine?.(scanner);
}

function propertyEndInTurn(this: InTurn, value: string, valueRange: TextRange, end: number): void {
	this.first.onPropertyEnd?.(value, valueRange, end);
	this.second.onPropertyEnd?.(value, valueRange, end);
}

function sectionEndInTurn(this: InTurn, end: number): void {
	this.first.onSectionEnd?.(end);
	this.second.onSectionEnd?.(end);
}

function problemInTurn(this: InTurn, problem: SyntaxProblem): void {
	this.first.onProblem?.(problem);
	this.second.onProblem?.(problem);
}

const noLines: readonly never[] = Object.freeze([]);

function sliceOf(text: string, range: TextRange): string {
	return text.slice(range.offset, range.offset + range.length);
}

/** From the start of `first` to `end`. */
function spanTo(first: ScannedLine, end: number): TextRange {
	const { offset, line, column } = first.span;
	return { offset, length: end - offset, line, column };
}
