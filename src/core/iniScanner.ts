/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The tokenizer of one profile file: it classifies every line the way the standard does (smithy-rs
// `env_config/parse.rs`, the SDKs' shared parser suites) and keeps the position of every piece, so that a
// problem can be shown where it is and an edit can touch exactly the text it means to.
//
// The standard's line rules, in the order it applies them:
//   - lines end at `\n` or `\r\n` (a lone `\r` is text); a final terminator adds no empty line;
//   - a line of only spaces and tabs is blank;
//   - a line whose FIRST character is `#` or `;` is a comment (an indented `# x` is not: it is a continuation);
//   - a line whose first character is `[` is a section header; from the first `#` or `;` on, it is a comment,
//     wherever that is (`[profile foo]# note` is fine, `[profile a#b]` is unterminated);
//   - a line that starts with a space or a tab continues the property above it; when that property's value was
//     empty (`s3 =`), the indented lines are its sub-properties (`key = value`) instead;
//   - any other line is a property, `key = value`; its comment starts at a `#` or `;` that FOLLOWS WHITESPACE
//     (`value;x` keeps the `;x`), and continuation and sub-property lines have no comments at all.
// Only spaces and tabs are trimmed. Whether a comment marker follows whitespace uses Unicode whitespace, as the
// reference implementation does (Rust's `char::is_whitespace`).
//
// Everything is one pass over the text, charCodeAt and indexOf (for line ends and comment markers), with no
// regular expression, so the time is linear in the size of the file whatever it holds (a 1 MB line, a file of
// `[`...). The scanner never fails: what the text means, and whether it is an error, is the next layer's
// business (rawProfileFile.ts).
//
// Reading a large file is mostly allocation, so the scanner allocates nothing itself: a `LineCursor` describes
// the current line in numeric fields, and each consumer keeps only what it needs (the standard reader keeps no
// line at all). A line that is kept is one object of numbers; its ranges are built when they are asked for.

import { TextRange, textRange } from './profileSet';

/** A property's `=` and the value after it, present only together. */
export interface Assignment {
	readonly equals: TextRange;
	/**
	 * The value as written on the property's own line, trimmed. On a property line it stops before an inline
	 * comment; on a sub-property line it runs to the end of the line, comment markers included, as the standard
	 * reads it. An empty value is a zero-length range just after the `=`.
	 */
	readonly value: TextRange;
}

interface LineBase {
	/** The line's text without its terminator (and, on the first line, without a byte order mark). */
	readonly range: TextRange;
	/** The line with its terminator (`\n` or `\r\n`, none on a last line without one): what an edit removes. */
	readonly span: TextRange;
}

/** Spaces and tabs only, or nothing. */
export interface BlankLine extends LineBase {
	readonly kind: 'blank';
}

/** A whole-line comment: `#` or `;` in the first column. */
export interface CommentLine extends LineBase {
	readonly kind: 'comment';
	/** From the `#` or `;` to the last character that is not a space or tab. */
	readonly comment: TextRange;
}

/** `[profile name]`, `[default]`, `[sso-session name]`, `[services name]`... possibly unterminated. */
export interface HeaderLine extends LineBase {
	readonly kind: 'header';
	/** From the `[` to the `]` included, or, when unterminated, to the last character before any comment. */
	readonly header: TextRange;
	/** Whether the header ends with `]` (before any comment). An unterminated header is a syntax error. */
	readonly closed: boolean;
	/** The first word inside the brackets when a second one follows it (`profile` in `[profile foo]`). */
	readonly prefix?: TextRange;
	/**
	 * The section's name, trimmed: `foo` in `[profile foo]`, `default` in `[default]`. This is what a rename
	 * replaces. Zero-length (just after the `[` or the prefix) when there is none, as in `[]`.
	 */
	readonly name: TextRange;
	/** An inline comment after the header (or inside it, which leaves it unterminated). */
	readonly comment?: TextRange;
}

/** `key = value`, or a line that meant to be one (then `assignment` is absent: a missing `=`). */
export interface PropertyLine extends LineBase {
	readonly kind: 'property';
	/** The key, trimmed, as written (the standard lower-cases it later). Zero-length in `= value`. Without an
	 * `=`, the whole line before any comment. */
	readonly key: TextRange;
	readonly assignment?: Assignment;
	/** An inline comment: a `#` or `;` after whitespace, to the end of the line. */
	readonly comment?: TextRange;
}

/** An indented line that continues the value of the property above it. Comment markers are part of the value. */
export interface ContinuationLine extends LineBase {
	readonly kind: 'continuation';
	/** The line's text, trimmed: what the standard appends to the value after a `\n`. */
	readonly text: TextRange;
}

/** An indented `key = value` line under a property with an empty value (`s3 =`). */
export interface SubPropertyLine extends LineBase {
	readonly kind: 'sub-property';
	/** The line's text, trimmed, comment markers included: what the standard appends to the raw value. */
	readonly text: TextRange;
	/** The sub-property's key, trimmed, as written; without an `=`, the line before any comment. */
	readonly key: TextRange;
	readonly assignment?: Assignment;
}

/** One line of a file, by what the standard takes it for. */
export type ScannedLine = BlankLine | CommentLine | HeaderLine | PropertyLine | ContinuationLine | SubPropertyLine;

/** The two line terminators the standard knows (a lone `\r` is text). */
export type LineEnding = '\n' | '\r\n';

/** Every line of one file, classified, in order. */
export interface ScannedText {
	/** 1 when the text starts with a byte order mark (U+FEFF), which is skipped; offsets still count it. */
	readonly bomLength: 0 | 1;
	/** The file's first line terminator, `\n` when it has none: what an edit should write for a new line. */
	readonly eol: LineEnding;
	readonly lines: readonly ScannedLine[];
}

/** The kind of a scanned line. */
export type LineKind = ScannedLine['kind'];

const TAB = 0x09;
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const SEMICOLON = 0x3b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BOM = 0xfeff;

/**
 * Classifies every line of `text`, one file's content exactly as read. Offsets index `text` itself: with a
 * byte order mark, the first line starts at offset 1 and column 1 (an editor that hides the mark, as VS Code
 * does, shifts by one). Never throws.
 */
export function scanIni(text: string): ScannedText {
	const scanner = new LineScanner(text);
	const lines: ScannedLine[] = [];
	while (scanner.advance()) {
		lines.push(scanner.toLine());
	}
	return { bomLength: scanner.bomLength, eol: scanner.eol, lines };
}

/**
 * A text read one line at a time: after each `advance`, its fields describe the current line, as offsets into
 * the text; the fields a kind of line does not use mean nothing. Nothing is allocated per line: `toLine` makes
 * the current line an object to keep, for those who keep it.
 */
export interface LineCursor {
	/** 1 when the text starts with a byte order mark (U+FEFF), which is skipped. */
	readonly bomLength: 0 | 1;
	/** The first line terminator read so far, `\n` when there is none. */
	readonly eol: LineEnding;
	/** What the current line is. */
	readonly kind: LineKind;
	/** The current line's number, 0-based (counted from where the cursor started). */
	readonly line: number;
	/** Where the current line starts. */
	readonly start: number;
	/** Where its text ends, before the terminator. */
	readonly end: number;
	/** Where the next line starts: the end of the current one's terminator. */
	readonly next: number;
	/** Where the current line's columns count from: its start, except on the first line (see scanIni). */
	readonly columnBase: number;
	/** Property and sub-property: the key, trimmed (without an `=`, the line before any comment). */
	readonly keyStart: number;
	readonly keyEnd: number;
	/** Property and sub-property: the `=`, -1 when there is none; with one, the value, trimmed. */
	readonly equals: number;
	readonly valueStart: number;
	readonly valueEnd: number;
	/** Comment, header and property: the comment, to its last character that is not a space or tab; -1 when none. */
	readonly commentStart: number;
	readonly commentEnd: number;
	/** Continuation and sub-property: the line's text, trimmed. */
	readonly textStart: number;
	readonly textEnd: number;
	/** Header: from the `[` to the `]` (or to the last character before any comment), and whether it is closed. */
	readonly headerEnd: number;
	readonly closed: boolean;
	/** Header: the prefix (-1 when there is none) and the name, each trimmed of any whitespace. */
	readonly prefixStart: number;
	readonly prefixEnd: number;
	readonly nameStart: number;
	readonly nameEnd: number;
	/** Moves to the next line and scans it; false at the end of the text. */
	advance(): boolean;
	/** The current line as an object to keep: its numbers, and its ranges built when asked for. */
	toLine(): ScannedLine;
	/** A range of the current line. */
	rangeOf(start: number, end: number): TextRange;
}

/**
 * A cursor on `text`, before its first line, or before the line that starts at `from`: that line must not be
 * indented (the lines above are unknown), and line numbers count from it.
 */
export function scanLines(text: string, from?: number): LineCursor {
	return new LineScanner(text, from);
}

/** The LineCursor: it remembers only what the standard's lexical rules need from the lines above. */
class LineScanner implements LineCursor {
	readonly bomLength: 0 | 1;
	kind: LineKind = 'blank';
	line = -1;
	start = 0;
	end = 0;
	next: number;
	columnBase = 0;
	keyStart = 0;
	keyEnd = 0;
	equals = -1;
	valueStart = 0;
	valueEnd = 0;
	commentStart = -1;
	commentEnd = 0;
	textStart = 0;
	textEnd = 0;
	headerEnd = 0;
	closed = false;
	prefixStart = -1;
	prefixEnd = -1;
	nameStart = 0;
	nameEnd = 0;
	/** Whether indented lines are sub-properties: the last property line had an `=` and an empty value. */
	private inSubProperties = false;
	private firstEol: LineEnding | undefined;
	/**
	 * The next `#`, `;` and `=` at or after where they were last looked for (the text's length when there is
	 * none): each is found by indexOf, which is much faster than a loop over the characters, and looked for again
	 * only once the scanner is past it, so each character is still read once.
	 */
	private nextHash = -1;
	private nextSemicolon = -1;
	private nextEquals = -1;

	constructor(private readonly text: string, from?: number) {
		this.bomLength = text.charCodeAt(0) === BOM ? 1 : 0;
		this.next = from ?? this.bomLength;
	}

	get eol(): LineEnding {
		return this.firstEol ?? '\n';
	}

	advance(): boolean {
		const text = this.text;
		const start = this.next;
		if (start >= text.length) {
			return false;
		}
		const newline = text.indexOf('\n', start);
		let end = newline === -1 ? text.length : newline;
		if (newline > start && text.charCodeAt(newline - 1) === CR) {
			end = newline - 1;
		}
		if (this.firstEol === undefined && newline !== -1) {
			this.firstEol = end === newline ? '\n' : '\r\n';
		}
		this.line++;
		this.start = start;
		this.end = end;
		this.next = newline === -1 ? text.length : newline + 1;
		this.columnBase = start === this.bomLength ? 0 : start; // 0 on the text's first line, BOM or not
		this.scanLine(start, end);
		return true;
	}

	toLine(): ScannedLine {
		switch (this.kind) {
			case 'blank':
				return new BlankRecord(this);
			case 'comment':
				return new CommentRecord(this);
			case 'header':
				return new HeaderRecord(this);
			case 'property':
				return new PropertyRecord(this);
			case 'continuation':
				return new ContinuationRecord(this);
			case 'sub-property':
				return new SubPropertyRecord(this);
		}
	}

	rangeOf(start: number, end: number): TextRange {
		return textRange(start, end, this.line, this.columnBase);
	}

	private scanLine(start: number, end: number): void {
		const first = this.skipBlanks(start, end);
		if (first === end) {
			this.kind = 'blank';
			return;
		}
		const code = this.text.charCodeAt(start);
		if (code === HASH || code === SEMICOLON) {
			this.kind = 'comment';
			this.commentStart = start;
			this.commentEnd = this.trimEnd(start, end);
		} else if (code === OPEN_BRACKET) {
			this.inSubProperties = false;
			this.scanHeader(start, end);
		} else if (code === SPACE || code === TAB) {
			if (this.inSubProperties) {
				this.scanSubProperty(first, end);
			} else {
				this.kind = 'continuation';
				this.textStart = first;
				this.textEnd = this.trimEnd(first, end);
			}
		} else {
			this.scanProperty(start, end);
		}
	}

	/**
	 * Between the brackets, the standard trims, then splits at the first space or tab into a prefix and a name,
	 * each trimmed again (of any Unicode whitespace, like Rust's `trim`).
	 */
	private scanHeader(start: number, end: number): void {
		const text = this.text;
		const trimmedEnd = this.trimEnd(start, end);
		const commentStart = this.findHeaderComment(start, trimmedEnd);
		const headerEnd = commentStart === -1 ? trimmedEnd : this.trimEnd(start, commentStart);
		// `[` alone is unterminated; `[]` is a closed header with an empty name.
		const closed = headerEnd - start >= 2 && text.charCodeAt(headerEnd - 1) === CLOSE_BRACKET;
		const innerStart = this.skipBlanks(start + 1, closed ? headerEnd - 1 : headerEnd);
		const innerEnd = this.trimEnd(innerStart, closed ? headerEnd - 1 : headerEnd);
		let split = innerStart;
		while (split < innerEnd && !isBlank(text.charCodeAt(split))) {
			split++;
		}
		this.kind = 'header';
		this.headerEnd = headerEnd;
		this.closed = closed;
		if (split < innerEnd) {
			this.prefixStart = this.unicodeTrimStart(innerStart, split);
			this.prefixEnd = this.unicodeTrimEnd(this.prefixStart, split);
			this.nameStart = this.unicodeTrimStart(split + 1, innerEnd);
		} else {
			this.prefixStart = -1;
			this.prefixEnd = -1;
			this.nameStart = this.unicodeTrimStart(innerStart, innerEnd);
		}
		this.nameEnd = this.unicodeTrimEnd(this.nameStart, innerEnd);
		this.commentStart = commentStart;
		this.commentEnd = trimmedEnd;
	}

	/** In a header, `#` and `;` start a comment anywhere, even without whitespace before them. */
	private findHeaderComment(start: number, end: number): number {
		const marker = this.nextCommentMarker(start);
		return marker < end ? marker : -1;
	}

	private scanProperty(start: number, end: number): void {
		const trimmedEnd = this.trimEnd(start, end);
		this.findEqualsAndComment(start, trimmedEnd);
		const contentEnd = this.commentStart === -1 ? trimmedEnd : this.trimEnd(start, this.commentStart);
		this.kind = 'property';
		this.commentEnd = trimmedEnd;
		this.keyStart = start;
		this.assign(start, contentEnd, contentEnd);
		this.inSubProperties = this.equals !== -1 && this.valueStart === this.valueEnd;
	}

	/**
	 * The standard checks a sub-property line as a property line (so a comment hides an `=` after it), but keeps
	 * the whole line in the value (so a comment after the value is part of it).
	 */
	private scanSubProperty(first: number, end: number): void {
		const trimmedEnd = this.trimEnd(first, end);
		this.findEqualsAndComment(first, trimmedEnd);
		const contentEnd = this.commentStart === -1 ? trimmedEnd : this.trimEnd(first, this.commentStart);
		this.kind = 'sub-property';
		this.commentStart = -1;
		this.textStart = first;
		this.textEnd = trimmedEnd;
		this.keyStart = first;
		this.assign(first, contentEnd, trimmedEnd);
	}

	/** The key and value around `equals`; without it, the key is the line up to `contentEnd`. */
	private assign(start: number, contentEnd: number, valueEnd: number): void {
		const equals = this.equals;
		if (equals === -1) {
			this.keyEnd = contentEnd;
			return;
		}
		this.keyEnd = this.trimEnd(start, equals);
		this.valueStart = this.skipBlanks(equals + 1, valueEnd);
		this.valueEnd = valueEnd;
	}

	/** Finds the first `=` before any comment, and where a comment (a `#` or `;` after whitespace) starts. */
	private findEqualsAndComment(start: number, end: number): void {
		const text = this.text;
		let commentStart = -1;
		for (let marker = this.nextCommentMarker(start); marker < end; marker = this.nextCommentMarker(marker + 1)) {
			if (marker > start && isUnicodeWhitespace(text.charCodeAt(marker - 1))) {
				commentStart = marker;
				break;
			}
		}
		if (this.nextEquals < start) {
			this.nextEquals = indexOrLength(text, '=', start);
		}
		this.equals = this.nextEquals < (commentStart === -1 ? end : commentStart) ? this.nextEquals : -1;
		this.commentStart = commentStart;
	}

	/** The first `#` or `;` at or after `from`, or the text's length. */
	private nextCommentMarker(from: number): number {
		if (this.nextHash < from) {
			this.nextHash = indexOrLength(this.text, '#', from);
		}
		if (this.nextSemicolon < from) {
			this.nextSemicolon = indexOrLength(this.text, ';', from);
		}
		return this.nextHash < this.nextSemicolon ? this.nextHash : this.nextSemicolon;
	}

	private skipBlanks(start: number, end: number): number {
		const text = this.text;
		while (start < end && isBlank(text.charCodeAt(start))) {
			start++;
		}
		return start;
	}

	private trimEnd(start: number, end: number): number {
		const text = this.text;
		while (end > start && isBlank(text.charCodeAt(end - 1))) {
			end--;
		}
		return end;
	}

	private unicodeTrimStart(start: number, end: number): number {
		while (start < end && isUnicodeWhitespace(this.text.charCodeAt(start))) {
			start++;
		}
		return start;
	}

	private unicodeTrimEnd(start: number, end: number): number {
		while (end > start && isUnicodeWhitespace(this.text.charCodeAt(end - 1))) {
			end--;
		}
		return end;
	}
}

/**
 * Keeps objects alive for their shape. V8 forgets an object shape, and the type feedback its optimized code was
 * built from, when a garbage collection finds no object of that shape alive; a reader used now and then (each
 * refresh; each run of the benchmark, which collects garbage in between) would then start unoptimized every
 * time, and fall back again at each branch the current file had not yet taken (several times slower). One
 * instance of each class that hot code works on keeps its shape, for the cost of a small object.
 */
export function keepShapesAlive(...samples: readonly object[]): void {
	keptShapes.push(...samples);
}

const keptShapes: object[] = [new LineScanner('')];

// The lines that are kept: the numbers of one scanned line, in one object; each range is a new plain object
// built when it is read. (The fields are `declare`d and set in the constructors: class field initializers are
// much slower to run in V8, and there is one such object per line.)

abstract class LineRecord {
	declare readonly kind: LineKind;
	protected declare readonly lineNumber: number;
	protected declare readonly columnBase: number;
	protected declare readonly start: number;
	protected declare readonly end: number;
	protected declare readonly next: number;

	constructor(kind: LineKind, scanner: LineScanner) {
		this.kind = kind;
		this.lineNumber = scanner.line;
		this.columnBase = scanner.columnBase;
		this.start = scanner.start;
		this.end = scanner.end;
		this.next = scanner.next;
	}

	get range(): TextRange {
		return this.at(this.start, this.end);
	}

	get span(): TextRange {
		return this.at(this.start, this.next);
	}

	protected at(start: number, end: number): TextRange {
		return textRange(start, end, this.lineNumber, this.columnBase);
	}

	/** A property's or sub-property's `=` at `equals` and its value, or none when `equals` is -1. */
	protected assignmentAt(equals: number, valueStart: number, valueEnd: number): Assignment | undefined {
		return equals === -1 ? undefined : { equals: this.at(equals, equals + 1), value: this.at(valueStart, valueEnd) };
	}
}

class BlankRecord extends LineRecord implements BlankLine {
	declare readonly kind: 'blank';

	constructor(scanner: LineScanner) {
		super('blank', scanner);
	}
}

class CommentRecord extends LineRecord implements CommentLine {
	declare readonly kind: 'comment';
	private declare readonly commentEnd: number;

	constructor(scanner: LineScanner) {
		super('comment', scanner);
		this.commentEnd = scanner.commentEnd;
	}

	get comment(): TextRange {
		return this.at(this.start, this.commentEnd);
	}
}

class HeaderRecord extends LineRecord implements HeaderLine {
	declare readonly kind: 'header';
	declare readonly closed: boolean;
	private declare readonly headerEnd: number;
	private declare readonly prefixStart: number;
	private declare readonly prefixEnd: number;
	private declare readonly nameStart: number;
	private declare readonly nameEnd: number;
	private declare readonly commentStart: number;
	private declare readonly commentEnd: number;

	constructor(scanner: LineScanner) {
		super('header', scanner);
		this.closed = scanner.closed;
		this.headerEnd = scanner.headerEnd;
		this.prefixStart = scanner.prefixStart;
		this.prefixEnd = scanner.prefixEnd;
		this.nameStart = scanner.nameStart;
		this.nameEnd = scanner.nameEnd;
		this.commentStart = scanner.commentStart;
		this.commentEnd = unused(scanner.commentStart, scanner.commentEnd);
	}

	get header(): TextRange {
		return this.at(this.start, this.headerEnd);
	}

	get prefix(): TextRange | undefined {
		return this.prefixStart === -1 ? undefined : this.at(this.prefixStart, this.prefixEnd);
	}

	get name(): TextRange {
		return this.at(this.nameStart, this.nameEnd);
	}

	get comment(): TextRange | undefined {
		return this.commentStart === -1 ? undefined : this.at(this.commentStart, this.commentEnd);
	}
}

class PropertyRecord extends LineRecord implements PropertyLine {
	declare readonly kind: 'property';
	private declare readonly keyEnd: number;
	private declare readonly equals: number;
	private declare readonly valueStart: number;
	private declare readonly valueEnd: number;
	private declare readonly commentStart: number;
	private declare readonly commentEnd: number;

	constructor(scanner: LineScanner) {
		super('property', scanner);
		this.keyEnd = scanner.keyEnd;
		this.equals = scanner.equals;
		this.valueStart = unused(scanner.equals, scanner.valueStart);
		this.valueEnd = unused(scanner.equals, scanner.valueEnd);
		this.commentStart = scanner.commentStart;
		this.commentEnd = unused(scanner.commentStart, scanner.commentEnd);
	}

	get key(): TextRange {
		return this.at(this.start, this.keyEnd);
	}

	get assignment(): Assignment | undefined {
		return this.assignmentAt(this.equals, this.valueStart, this.valueEnd);
	}

	get comment(): TextRange | undefined {
		return this.commentStart === -1 ? undefined : this.at(this.commentStart, this.commentEnd);
	}
}

class ContinuationRecord extends LineRecord implements ContinuationLine {
	declare readonly kind: 'continuation';
	private declare readonly textStart: number;
	private declare readonly textEnd: number;

	constructor(scanner: LineScanner) {
		super('continuation', scanner);
		this.textStart = scanner.textStart;
		this.textEnd = scanner.textEnd;
	}

	get text(): TextRange {
		return this.at(this.textStart, this.textEnd);
	}
}

class SubPropertyRecord extends LineRecord implements SubPropertyLine {
	declare readonly kind: 'sub-property';
	private declare readonly textStart: number;
	private declare readonly textEnd: number;
	private declare readonly keyEnd: number;
	private declare readonly equals: number;
	private declare readonly valueStart: number;
	private declare readonly valueEnd: number;

	constructor(scanner: LineScanner) {
		super('sub-property', scanner);
		this.textStart = scanner.textStart;
		this.textEnd = scanner.textEnd;
		this.keyEnd = scanner.keyEnd;
		this.equals = scanner.equals;
		this.valueStart = unused(scanner.equals, scanner.valueStart);
		this.valueEnd = unused(scanner.equals, scanner.valueEnd);
	}

	get text(): TextRange {
		return this.at(this.textStart, this.textEnd);
	}

	get key(): TextRange {
		return this.at(this.textStart, this.keyEnd);
	}

	get assignment(): Assignment | undefined {
		return this.assignmentAt(this.equals, this.valueStart, this.valueEnd);
	}
}

/**
 * A field that means something only when `start` does (is not -1): otherwise -1 rather than what the scanner last
 * read, so that the same line makes the same record wherever it is read from (a re-read after an edit reuses the
 * records of the lines it left alone, and must give the same file).
 */
function unused(start: number, value: number): number {
	return start === -1 ? -1 : value;
}

function indexOrLength(text: string, search: string, from: number): number {
	const found = text.indexOf(search, from);
	return found === -1 ? text.length : found;
}

/** The only whitespace the standard trims. */
function isBlank(code: number): boolean {
	return code === SPACE || code === TAB;
}

/** Unicode's White_Space property (what Rust's `char::is_whitespace` tests); all of it is in the BMP. */
function isUnicodeWhitespace(code: number): boolean {
	if (code <= SPACE) {
		return code === SPACE || (code >= TAB && code <= CR);
	}
	if (code < 0x85) {
		return false;
	}
	return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
		|| code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}
