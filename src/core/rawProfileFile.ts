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
// The line state machine (`parseRawLines`) tells a `RawFileSink` what it finds rather than building it, so that
// the standard reader can build its own result directly from the scanner, without a line or raw section object
// per line: that is most of the cost of reading a large file. `parseRawProfileFile` is the sink that keeps all.

import {
	Assignment,
	ContinuationLine,
	HeaderLine,
	LineEnding,
	keepShapesAlive,
	LineCursor,
	PropertyLine,
	ScannedLine,
	scanLines,
	SubPropertyLine,
} from './iniScanner';
import type { TextRange } from './profileSet';
import type { Writable } from './profileKeys';
import { TextChange, textChange } from './textChange';

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
	const literal = literalSink(text);
	return literal.result(parseRawLines(text, literal.sink));
}

/**
 * The literal parse of the sections named in `names` only (lower case; a name matches in any case, so that whoever
 * looks for a name among them finds every spelling of it): what an edit of a few sections needs of a large file.
 * The others are scanned but nothing of them is kept, which is most of the cost of a full parse (an object per line:
 * seconds and hundreds of MB for a 16 MB file). `lines` holds the lines from each kept header to the next header,
 * and the file's last line; `sections` and `problems`, those of the kept sections.
 */
export function parseRawProfileSections(text: string, names: ReadonlySet<string>): RawProfileFile {
	const literal = literalSink(text);
	return literal.result(parseRawLines(text, new SectionFilter(literal.sink, text, names)));
}

/** How many syntax problems `text` has (those parseRawProfileFile lists), counted without keeping anything. */
export function countSyntaxProblems(text: string): number {
	const counter = new ProblemCounter();
	parseRawLines(text, counter);
	return counter.count;
}

/** A text and its literal parse, from before an edit. */
export interface EarlierParse {
	readonly text: string;
	readonly raw: RawProfileFile;
	/**
	 * Where the text read now differs from `text`, when the caller has it (the lint engine computes it once for
	 * every reader of the file); computed from the two texts when not given.
	 */
	readonly change?: TextChange;
}

/**
 * The sink `parseRawProfileFile` reads with, for who reads a text with another sink at the same time (see
 * `teeSink`): `result` gives the file once `parseRawLines` has returned its scanner. With `earlier`, the same
 * file before an edit, the lines and sections before the edit are its objects, and so are those after it when
 * the edit moved no text (as many characters and lines as before): the parse is the same, for less work.
 */
export function literalSink(text: string, earlier?: EarlierParse): { readonly sink: RawFileSink; result(scanner: LineCursor): RawProfileFile } {
	const builder = new RawFileBuilder(text, earlier && reusePlan(text, earlier));
	return {
		sink: builder,
		result: (scanner) => ({
			bomLength: scanner.bomLength,
			eol: scanner.eol,
			lines: builder.lines,
			sections: builder.sections,
			problems: builder.problems,
		}),
	};
}

/** A sink that tells two others everything, in order: one scan of a text for two readings of it. */
export function teeSink(first: RawFileSink, second: RawFileSink): RawFileSink {
	return new TeeSink(first, second);
}

class TeeSink implements RawFileSink {
	constructor(private readonly first: RawFileSink, private readonly second: RawFileSink) { }

	line(scanner: LineCursor): void {
		this.first.line(scanner);
		this.second.line(scanner);
	}

	section(scanner: LineCursor): void {
		this.first.section(scanner);
		this.second.section(scanner);
	}

	property(scanner: LineCursor): void {
		this.first.property(scanner);
		this.second.property(scanner);
	}

	indented(scanner: LineCursor): void {
		this.first.indented(scanner);
		this.second.indented(scanner);
	}

	endProperty(): void {
		this.first.endProperty();
		this.second.endProperty();
	}

	endSection(): void {
		this.first.endSection();
		this.second.endSection();
	}

	problem(code: SyntaxProblemCode, message: string, range: TextRange): void {
		this.first.problem(code, message, range);
		this.second.problem(code, message, range);
	}
}

/**
 * What the line state machine tells its consumer, in the order of the text. At each call the scanner describes
 * the line concerned (its fields are only valid during the call; `toLine` makes an object to keep).
 */
export interface RawFileSink {
	/** Every line, before any other call about it. */
	line(scanner: LineCursor): void;
	/** A header, terminated or not (an unterminated one is also a problem): a section begins. */
	section(scanner: LineCursor): void;
	/** A `key = value` line with a key, in a section: a property begins. */
	property(scanner: LineCursor): void;
	/** A continuation or sub-property line of the property that began last. */
	indented(scanner: LineCursor): void;
	/** The property that began last is complete (no more indented lines). */
	endProperty(): void;
	/** The section that began last is complete. */
	endSection(): void;
	/** A syntax problem; its range is on the current line. */
	problem(code: SyntaxProblemCode, message: string, range: TextRange): void;
}

/**
 * What an indented line continues: nothing yet (an error), a line that was already reported (then the indented
 * lines are quietly part of that mistake), or a property.
 */
type Open = 'nothing' | 'mistake' | 'property';

/**
 * The standard's line state machine, with the recovery described above: reads `text` and tells `sink` what it
 * finds. Returns the scanner, which knows the byte order mark and the line terminator. Never throws.
 */
export function parseRawLines(text: string, sink: RawFileSink): LineCursor {
	const scanner = scanLines(text);
	const machine = new LineStateMachine(sink);
	// The work is in a method called once per line rather than in this loop: V8 optimizes such a method as soon as
	// it is hot, while the same work in the loop of a function called once per file ran about twice as slowly for
	// the first several files a process read (measured with `npm run bench`).
	while (scanner.advance()) {
		machine.accept(scanner);
	}
	machine.finish();
	return scanner;
}

/** What the standard's state machine remembers from line to line: whether a section is open, and what indented lines continue. */
class LineStateMachine {
	private inSection = false;
	private open: Open = 'nothing';

	constructor(private readonly sink: RawFileSink) { }

	accept(scanner: LineCursor): void {
		const sink = this.sink;
		sink.line(scanner);
		switch (scanner.kind) {
			case 'blank':
			case 'comment':
				return;
			case 'header':
				this.closeProperty();
				if (this.inSection) {
					sink.endSection();
				}
				if (!scanner.closed) {
					report(sink, scanner, 'syntax/unterminated-header', "Section definition must end with ']' (only a comment may follow it)",
						scanner.start, scanner.headerEnd);
				}
				this.inSection = true;
				sink.section(scanner);
				return;
			case 'property':
				this.closeProperty();
				this.open = 'mistake';
				if (!this.inSection) {
					report(sink, scanner, 'syntax/property-outside-section', 'Expected a section definition, such as [profile name], before this property',
						scanner.keyStart, scanner.keyEnd);
				} else if (scanner.equals === -1) {
					report(sink, scanner, 'syntax/missing-equals', "Expected an '=' sign defining a property", scanner.keyStart, scanner.keyEnd);
				} else if (scanner.keyEnd === scanner.keyStart) {
					report(sink, scanner, 'syntax/empty-key', 'Property did not have a name', scanner.equals, scanner.equals + 1);
				} else {
					this.open = 'property';
					sink.property(scanner);
				}
				return;
			case 'continuation':
			case 'sub-property':
				return this.acceptIndented(scanner);
		}
	}

	finish(): void {
		this.closeProperty();
		if (this.inSection) {
			this.sink.endSection();
		}
	}

	private acceptIndented(scanner: LineCursor): void {
		const sink = this.sink;
		if (this.open === 'mistake') {
			return;
		}
		if (this.open === 'nothing') {
			if (this.inSection) {
				report(sink, scanner, 'syntax/continuation-without-property', 'Expected a property definition, found continuation',
					scanner.textStart, scanner.textEnd);
			} else {
				report(sink, scanner, 'syntax/continuation-outside-section', 'Expected a section definition, found continuation',
					scanner.textStart, scanner.textEnd);
			}
			this.open = 'mistake';
			return;
		}
		sink.indented(scanner);
		if (scanner.kind === 'continuation') {
			return;
		}
		if (scanner.equals === -1) {
			report(sink, scanner, 'syntax/sub-property-missing-equals', "Expected an '=' sign defining a sub-property",
				scanner.keyStart, scanner.keyEnd);
		} else if (scanner.keyEnd === scanner.keyStart) {
			report(sink, scanner, 'syntax/sub-property-empty-key', 'Sub-property did not have a name', scanner.equals, scanner.equals + 1);
		}
	}

	/** A property is complete when the next header or property line, or the end of the file, comes. */
	private closeProperty(): void {
		if (this.open === 'property') {
			this.sink.endProperty();
		}
		this.open = 'nothing';
	}
}

function report(sink: RawFileSink, scanner: LineCursor, code: SyntaxProblemCode, message: string, start: number, end: number): void {
	sink.problem(code, message, scanner.rangeOf(start, end));
}

/** What a parse takes from the parse of the text before an edit. */
interface ReusePlan {
	readonly previous: RawProfileFile;
	/** The lines before the line the edit starts on, and the sections closed before it (by the next header). */
	readonly prefixLines: number;
	readonly prefixSections: number;
	/** The first section after the edit (whose header line follows it) when the edit moved no text; else none. */
	readonly suffixSection: number;
	/** Its header's line, where the lines are taken again. */
	readonly suffixLine: number;
}

function reusePlan(text: string, earlier: EarlierParse): ReusePlan {
	const { lines, sections } = earlier.raw;
	const change = earlier.change ?? textChange(earlier.text, text);
	const lineStart = change.start === 0 ? 0 : text.lastIndexOf('\n', change.start - 1) + 1;
	let prefixLines = 0;
	for (let high = lines.length; prefixLines < high;) {
		const middle = (prefixLines + high) >>> 1;
		if (lines[middle].span.offset < lineStart) {
			prefixLines = middle + 1;
		} else {
			high = middle;
		}
	}
	let prefixSections = 0;
	while (prefixSections + 1 < sections.length && endOf(sections[prefixSections + 1].header.span) <= lineStart) {
		prefixSections++;
	}
	let suffixSection = sections.length;
	if (change.newEnd === change.oldEnd && change.lines === 0) {
		// Headers reset what the lines below them are, so from one on, the lines read alike wherever they are.
		while (suffixSection > prefixSections && sections[suffixSection - 1].header.span.offset > change.oldEnd) {
			suffixSection--;
		}
	}
	const suffixLine = suffixSection < sections.length ? sections[suffixSection].header.span.line : Infinity;
	return { previous: earlier.raw, prefixLines, prefixSections, suffixSection, suffixLine };
}

function endOf(range: TextRange): number {
	return range.offset + range.length;
}

type IndentedLine = ContinuationLine | SubPropertyLine;

/** A RawProperty while its indented lines are still coming. */
type OpenProperty = Writable<RawProperty>;

const noLines: readonly never[] = Object.freeze([]);

/** The sink of parseRawProfileFile: keeps every line, and builds the sections and properties from them. */
class RawFileBuilder implements RawFileSink {
	readonly lines: ScannedLine[] = [];
	readonly sections: RawSection[] = [];
	readonly problems: SyntaxProblem[] = [];
	/** The line being read. */
	private current: ScannedLine | undefined;
	private header: HeaderLine | undefined;
	private properties: RawProperty[] = [];
	/** The last line that belongs to the open section. */
	private last: ScannedLine | undefined;
	private open: OpenProperty | undefined;
	/** The indented lines under the open property, all of one kind (the scanner decides at the property line). */
	private indentedLines: IndentedLine[] = [];
	/** The section being read, when it is taken from the earlier parse (its lines are not looked at). */
	private reused: RawSection | undefined;
	/** The next section of the earlier parse that may be taken again after the edit. */
	private nextSuffix: number;

	constructor(private readonly text: string, private readonly plan?: ReusePlan) {
		this.nextSuffix = plan?.suffixSection ?? 0;
	}

	line(scanner: LineCursor): void {
		const plan = this.plan;
		const index = this.lines.length;
		const line = plan && (index < plan.prefixLines || index >= plan.suffixLine) ? plan.previous.lines[index] : scanner.toLine();
		this.lines.push(line);
		this.current = line;
		// A section runs to its last property or indented line, malformed ones included.
		if (this.header && line.kind !== 'blank' && line.kind !== 'comment' && line.kind !== 'header') {
			this.last = line;
		}
	}

	section(): void {
		this.reused = this.reusable();
		if (this.reused) {
			return;
		}
		this.header = this.current as HeaderLine;
		this.last = this.header;
		this.properties = [];
	}

	/** The earlier parse's section for the header just read, when it is before or after the edit. */
	private reusable(): RawSection | undefined {
		const plan = this.plan;
		if (!plan) {
			return undefined;
		}
		const index = this.sections.length;
		if (index < plan.prefixSections) {
			const before = plan.previous.sections[index];
			return before.header === this.current ? before : undefined;
		}
		const candidate = plan.previous.sections[this.nextSuffix];
		if (candidate?.header === this.current) { // its header line, taken again
			this.nextSuffix++;
			return candidate;
		}
		return undefined;
	}

	property(): void {
		if (this.reused) {
			return;
		}
		const line = this.current as AssignedPropertyLine;
		const { value } = line.assignment;
		this.open = {
			line,
			key: this.slice(line.key),
			value: this.slice(value),
			continuations: noLines,
			subProperties: noLines,
			valueRange: value,
			span: line.span,
		};
	}

	indented(): void {
		if (!this.reused) {
			this.indentedLines.push(this.current as IndentedLine);
		}
	}

	endProperty(): void {
		if (this.reused) {
			return;
		}
		const open = this.open!;
		if (this.indentedLines.length > 0) {
			this.addIndentedLines(open, this.indentedLines);
			this.indentedLines = [];
		}
		this.properties.push(open);
		this.open = undefined;
	}

	endSection(): void {
		if (this.reused) {
			this.sections.push(this.reused);
			this.reused = undefined;
			return;
		}
		const header = this.header!;
		const prefix = header.prefix;
		this.sections.push({
			header,
			prefix: prefix ? this.slice(prefix) : undefined,
			name: this.slice(header.name),
			properties: this.properties,
			span: spanBetween(header, this.last!),
		});
		this.header = undefined;
	}

	problem(code: SyntaxProblemCode, message: string, range: TextRange): void {
		this.problems.push({ code, message, range });
	}

	/** The standard's value: the first line's, then `\n` and each indented line, trimmed. */
	private addIndentedLines(property: OpenProperty, lines: IndentedLine[]): void {
		const firstValue = property.line.assignment.value;
		let value = property.value;
		for (const line of lines) {
			value += '\n' + this.slice(line.text);
		}
		const first = firstValue.length > 0 ? firstValue : lines[0].text;
		const lastText = lines[lines.length - 1].text;
		property.value = value;
		property.valueRange = {
			offset: first.offset,
			length: lastText.offset + lastText.length - first.offset,
			line: first.line,
			column: first.column,
		};
		property.span = spanBetween(property.line, lines[lines.length - 1]);
		if (lines[0].kind === 'sub-property') {
			property.subProperties = lines as SubPropertyLine[];
		} else {
			property.continuations = lines as ContinuationLine[];
		}
	}

	private slice(range: TextRange): string {
		return this.text.slice(range.offset, range.offset + range.length);
	}
}

/** Tells its sink only what is about the sections of the names it keeps, and the file's last line. */
class SectionFilter implements RawFileSink {
	/** Whether the current line is kept: from a kept header to the next header. */
	private keepLines = false;
	/** Whether the open section is kept: a header's line comes before the section above it ends. */
	private keepSection = false;

	constructor(private readonly sink: RawFileSink, private readonly text: string, private readonly names: ReadonlySet<string>) { }

	line(scanner: LineCursor): void {
		if (scanner.kind === 'header') {
			this.keepLines = this.names.has(this.text.slice(scanner.nameStart, scanner.nameEnd).toLowerCase());
		}
		if (this.keepLines || scanner.next === this.text.length) {
			this.sink.line(scanner);
		}
	}

	section(scanner: LineCursor): void {
		this.keepSection = this.keepLines;
		if (this.keepSection) {
			this.sink.section(scanner);
		}
	}

	property(scanner: LineCursor): void {
		if (this.keepSection) {
			this.sink.property(scanner);
		}
	}

	indented(scanner: LineCursor): void {
		if (this.keepSection) {
			this.sink.indented(scanner);
		}
	}

	endProperty(): void {
		if (this.keepSection) {
			this.sink.endProperty();
		}
	}

	endSection(): void {
		if (this.keepSection) {
			this.sink.endSection();
		}
	}

	problem(code: SyntaxProblemCode, message: string, range: TextRange): void {
		if (this.keepLines) {
			this.sink.problem(code, message, range);
		}
	}
}

/** Counts the problems, and keeps nothing. */
class ProblemCounter implements RawFileSink {
	count = 0;

	line(): void { }
	section(): void { }
	property(): void { }
	indented(): void { }
	endProperty(): void { }
	endSection(): void { }

	problem(): void {
		this.count++;
	}
}

// See keepShapesAlive: the classes the reading loop works on.
keepShapesAlive(new RawFileBuilder(''), new LineStateMachine(new RawFileBuilder('')));

function spanBetween(first: ScannedLine, last: ScannedLine): TextRange {
	const { offset, line, column } = first.span;
	const end = last.span;
	return { offset, length: end.offset + end.length - offset, line, column };
}
