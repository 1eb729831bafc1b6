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
// One pass over the text with charCodeAt and indexOf (for line ends), and no regular expression: each character
// is looked at a bounded number of times, so the time is linear in the size of the file whatever it holds (a 1 MB
// line, a file of `[`...). The scanner never fails: what the text means, and whether it is an error, is the next
// layer's business (rawProfileFile.ts).
//
// As jsonc-parser's scanner does, `LineScanner` keeps the current line's pieces as offsets and makes no object per
// line: a reader that keeps little of a large file (the standard reading) then leaves no garbage behind each line,
// which is most of what such a reading would otherwise cost. `scanIni` and `forEachLine` give each line as a plain
// object with its ranges (`ScannedLine`), for the lint and the edits.

import { TextRange, textRange } from '../text/textRange';
import type { Writable } from '../model/profileKeys';

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
const EQUALS = 0x3d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BOM = 0xfeff;

/** No such piece on the current line. */
export const absent = -1;

/**
 * Walks the lines of one text, classifying each as the standard does. After `scan()`, its fields describe the line
 * it moved to, as offsets into the text (`absent` for a piece the line lacks); which fields mean something depends
 * on `kind`, as the `ScannedLine` of that kind says.
 */
export interface LineScanner {
	readonly text: string;
	/** 1 when the text starts with a byte order mark (U+FEFF), which is skipped; offsets still count it. */
	readonly bomLength: 0 | 1;
	/** The file's first line terminator, `\n` when it has none (so far). */
	readonly eol: LineEnding;
	/** The current line's kind; undefined before the first `scan()` and after the last line. */
	readonly kind: LineKind | undefined;
	/** The current line's number, from 0. */
	readonly number: number;
	/** Where the current line starts (after a byte order mark), ends (before its terminator), and the next starts. */
	readonly start: number;
	readonly end: number;
	readonly next: number;
	/** Where the line's columns count from: its start, or 0 on the text's first line (BOM or not). */
	readonly columnBase: number;
	/** Header: from the `[` to the `]` included, or, when unterminated, to the last character before any comment. */
	readonly headerEnd: number;
	readonly closed: boolean;
	/** Header: its prefix (`absent` without one) and name, trimmed. */
	readonly prefixStart: number;
	readonly prefixEnd: number;
	readonly nameStart: number;
	readonly nameEnd: number;
	/** Property and sub-property: the key, trimmed; the `=` (`absent` without one); the value after it, trimmed. */
	readonly keyStart: number;
	readonly keyEnd: number;
	readonly equals: number;
	readonly valueStart: number;
	readonly valueEnd: number;
	/** Continuation and sub-property: the line's text, trimmed. */
	readonly textStart: number;
	readonly textEnd: number;
	/** Comment line, and a header's or property's inline comment (`absent` without one). */
	readonly commentStart: number;
	readonly commentEnd: number;
	/** Moves to the next line; false at the end of the text. */
	scan(): boolean;
	/** A range on the current line, from `start` to `end`. */
	rangeOf(start: number, end: number): TextRange;
	/**
	 * The ranges of the current header (from `[` to `headerEnd`), and of the current line's key and value: made once
	 * per line, so that the readers of one parse (the literal's lines, the standard reading) share them.
	 */
	headerRange(): TextRange;
	keyRange(): TextRange;
	valueRange(): TextRange;
	/** The text from `start` to `end`. */
	slice(start: number, end: number): string;
}

/** The scanner's own state besides what it shows. */
interface ScannerState extends Writable<Omit<LineScanner, LineScannerMethod>> {
	/** The current line's `headerRange()`, `keyRange()` and `valueRange()`, once made. */
	header: TextRange | undefined;
	key: TextRange | undefined;
	value: TextRange | undefined;
	/** Whether a line terminator was seen (`eol` is then the first one). */
	eolSeen: boolean;
	/**
	 * The one thing a line's kind depends on above it: indented lines under `key =` (an empty value) are
	 * sub-properties; a header or another property line ends that.
	 */
	underEmptyValue: boolean;
}

type LineScannerMethod = 'scan' | 'rangeOf' | 'slice' | 'headerRange' | 'keyRange' | 'valueRange';

/**
 * A scanner of `text` from `from`, where a line starts; that line is number 0 (`scanLineAt` looks at one line this
 * way). As jsonc-parser's `createScanner`, a plain object made once: a reader of a large file then makes no object
 * per line, and leaves no garbage behind each line, which is most of what a reading that keeps little would cost.
 * Its methods are the module's functions, the same for every scanner, not closures made for each one (why: see
 * `LiteralVisitor` in rawProfileFile.ts).
 */
export function createLineScanner(text: string, from = 0): LineScanner {
	const bomLength = from === 0 && text.charCodeAt(0) === BOM ? 1 : 0;
	const state: ScannerState & Pick<LineScanner, LineScannerMethod> = {
		text,
		bomLength,
		eol: '\n',
		eolSeen: false,
		underEmptyValue: false,
		kind: undefined,
		number: -1,
		start: from + bomLength,
		end: from + bomLength,
		next: from + bomLength,
		columnBase: 0,
		headerEnd: absent,
		closed: false,
		prefixStart: absent,
		prefixEnd: absent,
		nameStart: absent,
		nameEnd: absent,
		keyStart: absent,
		keyEnd: absent,
		equals: absent,
		valueStart: absent,
		valueEnd: absent,
		textStart: absent,
		textEnd: absent,
		commentStart: absent,
		commentEnd: absent,
		header: undefined,
		key: undefined,
		value: undefined,
		scan,
		rangeOf,
		headerRange,
		keyRange,
		valueRange,
		slice,
	};
	return state;
}

// The scanner's methods (see createLineScanner).

function scan(this: ScannerState): boolean {
	return scanNext(this);
}

function rangeOf(this: ScannerState, start: number, end: number): TextRange {
	return textRange(start, end, this.number, this.columnBase);
}

function headerRange(this: ScannerState): TextRange {
	return this.header ??= textRange(this.start, this.headerEnd, this.number, this.columnBase);
}

function keyRange(this: ScannerState): TextRange {
	return this.key ??= textRange(this.keyStart, this.keyEnd, this.number, this.columnBase);
}

function valueRange(this: ScannerState): TextRange {
	return this.value ??= textRange(this.valueStart, this.valueEnd, this.number, this.columnBase);
}

function slice(this: ScannerState, start: number, end: number): string {
	return this.text.slice(start, end);
}

function scanNext(state: ScannerState): boolean {
	const { text } = state;
	const start = state.next;
	if (start >= text.length) {
		state.kind = undefined;
		return false;
	}
	const newline = text.indexOf('\n', start);
	state.next = newline === -1 ? text.length : newline + 1;
	state.end = newline > start && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline === -1 ? text.length : newline;
	if (!state.eolSeen && newline !== -1) {
		state.eolSeen = true;
		state.eol = state.end === newline ? '\n' : '\r\n';
	}
	state.columnBase = state.number === -1 ? start - state.bomLength : start;
	state.number++;
	state.start = start;
	state.header = state.key = state.value = undefined;
	classify(state);
	if (state.kind === 'header') {
		state.underEmptyValue = false;
	} else if (state.kind === 'property') {
		state.underEmptyValue = state.equals !== absent && state.valueStart === state.valueEnd;
	}
	return true;
}

function classify(state: ScannerState): void {
	const { text, start, end } = state;
	state.commentStart = absent;
	const first = skipBlanks(text, start, end);
	if (first === end) {
		state.kind = 'blank';
		return;
	}
	const code = text.charCodeAt(start);
	if (code === HASH || code === SEMICOLON) {
		state.kind = 'comment';
		state.commentStart = start;
		state.commentEnd = trimEnd(text, start, end);
	} else if (code === OPEN_BRACKET) {
		state.kind = 'header';
		scanHeader(state);
	} else if (!isBlank(code)) {
		state.kind = 'property';
		scanAssignment(state, start, true);
	} else {
		state.textStart = first;
		state.textEnd = trimEnd(text, first, end);
		if (state.underEmptyValue) {
			state.kind = 'sub-property';
			scanAssignment(state, first, false);
		} else {
			state.kind = 'continuation';
		}
	}
}

/**
 * Between the brackets, the standard trims, then splits at the first space or tab into a prefix and a name,
 * each trimmed again (of any Unicode whitespace, like Rust's `trim`). In a header, `#` and `;` start a comment
 * anywhere, even without whitespace before them.
 */
function scanHeader(state: ScannerState): void {
	const { text, start, end } = state;
	const trimmedEnd = trimEnd(text, start, end);
	const commentStart = findCommentMarker(text, start, trimmedEnd);
	const headerEnd = commentStart === absent ? trimmedEnd : trimEnd(text, start, commentStart);
	// `[` alone is unterminated; `[]` is a closed header with an empty name.
	const closed = headerEnd - start >= 2 && text.charCodeAt(headerEnd - 1) === CLOSE_BRACKET;
	const innerStart = skipBlanks(text, start + 1, closed ? headerEnd - 1 : headerEnd);
	const innerEnd = trimEnd(text, innerStart, closed ? headerEnd - 1 : headerEnd);
	let split = innerStart;
	while (split < innerEnd && !isBlank(text.charCodeAt(split))) {
		split++;
	}
	let nameStart = innerStart;
	state.prefixStart = state.prefixEnd = absent;
	if (split < innerEnd) {
		state.prefixStart = unicodeTrimStart(text, innerStart, split);
		state.prefixEnd = unicodeTrimEnd(text, state.prefixStart, split);
		nameStart = split + 1;
	}
	state.nameStart = unicodeTrimStart(text, nameStart, innerEnd);
	state.nameEnd = unicodeTrimEnd(text, state.nameStart, innerEnd);
	state.headerEnd = headerEnd;
	state.closed = closed;
	if (commentStart !== absent) {
		state.commentStart = commentStart;
		state.commentEnd = trimmedEnd;
	}
}

/**
 * A property line's key, `=` and value, from `from` (its first character that is not blank). On a property
 * line the value stops before an inline comment; the standard checks a sub-property line as a property line
 * (so a comment hides an `=` after it), but keeps the whole line in the value (so a comment after the value is
 * part of it), and notes no comment.
 */
function scanAssignment(state: ScannerState, from: number, commentEndsValue: boolean): void {
	const { text } = state;
	const trimmedEnd = trimEnd(text, from, state.end);
	const commentStart = findInlineComment(text, from, trimmedEnd);
	const contentEnd = commentStart === absent ? trimmedEnd : trimEnd(text, from, commentStart);
	state.equals = findEquals(text, from, commentStart === absent ? trimmedEnd : commentStart);
	state.keyStart = from;
	state.keyEnd = state.equals === absent ? contentEnd : trimEnd(text, from, state.equals);
	if (state.equals !== absent) {
		state.valueEnd = commentEndsValue ? contentEnd : trimmedEnd;
		state.valueStart = skipBlanks(text, state.equals + 1, state.valueEnd);
	}
	if (commentEndsValue && commentStart !== absent) {
		state.commentStart = commentStart;
		state.commentEnd = trimmedEnd;
	}
}

/**
 * Classifies every line of `text`, one file's content exactly as read. Offsets index `text` itself: with a
 * byte order mark, the first line starts at offset 1 and column 1 (an editor that hides the mark, as VS Code
 * does, shifts by one). Never throws.
 */
export function scanIni(text: string): ScannedText {
	const lines: ScannedLine[] = [];
	const { bomLength, eol } = forEachLine(text, (line) => lines.push(line));
	return { bomLength, eol, lines };
}

/**
 * Calls `visit` with every line of `text`, in order, as scanIni classifies them: for a reader that keeps only
 * some lines. Returns what scanIni tells of the whole text.
 */
export function forEachLine(text: string, visit: (line: ScannedLine) => void): Omit<ScannedText, 'lines'> {
	const scanner = createLineScanner(text);
	while (scanner.scan()) {
		visit(scannedLine(scanner));
	}
	return { bomLength: scanner.bomLength, eol: scanner.eol };
}

/**
 * The line that starts at `start` in `text`, classified on its own (its ranges say line 0): for a look at one
 * line, such as whether it is a certain header. `start` must be where a line starts.
 */
export function scanLineAt(text: string, start: number): ScannedLine {
	const scanner = createLineScanner(text, start);
	scanner.scan();
	return scannedLine(scanner);
}

/** The line the scanner is at, as a plain object with its ranges. */
export function scannedLine(scanner: LineScanner): ScannedLine {
	const { start, end, next, number, columnBase } = scanner;
	const range = textRange(start, end, number, columnBase);
	const span = textRange(start, next, number, columnBase);
	switch (scanner.kind) {
		case 'blank':
			return { kind: 'blank', range, span };
		case 'comment':
			return { kind: 'comment', range, span, comment: scanner.rangeOf(scanner.commentStart, scanner.commentEnd) };
		case 'header':
			return {
				kind: 'header',
				range,
				span,
				header: scanner.headerRange(),
				closed: scanner.closed,
				prefix: scanner.prefixStart === absent ? undefined : scanner.rangeOf(scanner.prefixStart, scanner.prefixEnd),
				name: scanner.rangeOf(scanner.nameStart, scanner.nameEnd),
				comment: commentOf(scanner),
			};
		case 'property':
			return {
				kind: 'property',
				range,
				span,
				key: scanner.keyRange(),
				assignment: assignmentOf(scanner),
				comment: commentOf(scanner),
			};
		case 'continuation':
			return { kind: 'continuation', range, span, text: scanner.rangeOf(scanner.textStart, scanner.textEnd) };
		default:
			return {
				kind: 'sub-property',
				range,
				span,
				text: scanner.rangeOf(scanner.textStart, scanner.textEnd),
				key: scanner.keyRange(),
				assignment: assignmentOf(scanner),
			};
	}
}

function commentOf(scanner: LineScanner): TextRange | undefined {
	return scanner.commentStart === absent ? undefined : scanner.rangeOf(scanner.commentStart, scanner.commentEnd);
}

function assignmentOf(scanner: LineScanner): Assignment | undefined {
	return scanner.equals === absent ? undefined : {
		equals: scanner.rangeOf(scanner.equals, scanner.equals + 1),
		value: scanner.valueRange(),
	};
}

/** The first `=` from `start` to `end` (`absent` when there is none): searched on the line only, so that a file of
 * lines without one stays linear. */
function findEquals(text: string, start: number, end: number): number {
	for (let i = start; i < end; i++) {
		if (text.charCodeAt(i) === EQUALS) {
			return i;
		}
	}
	return absent;
}

/** Where an inline comment starts: at the first `#` or `;` that follows whitespace (`absent` when there is none). */
function findInlineComment(text: string, start: number, end: number): number {
	for (let i = start + 1; i < end; i++) {
		const code = text.charCodeAt(i);
		if ((code === HASH || code === SEMICOLON) && isUnicodeWhitespace(text.charCodeAt(i - 1))) {
			return i;
		}
	}
	return absent;
}

/** The first `#` or `;` from `start` to `end`, or -1. */
function findCommentMarker(text: string, start: number, end: number): number {
	for (let i = start; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code === HASH || code === SEMICOLON) {
			return i;
		}
	}
	return -1;
}

function skipBlanks(text: string, start: number, end: number): number {
	while (start < end && isBlank(text.charCodeAt(start))) {
		start++;
	}
	return start;
}

function trimEnd(text: string, start: number, end: number): number {
	while (end > start && isBlank(text.charCodeAt(end - 1))) {
		end--;
	}
	return end;
}

function unicodeTrimStart(text: string, start: number, end: number): number {
	while (start < end && isUnicodeWhitespace(text.charCodeAt(start))) {
		start++;
	}
	return start;
}

function unicodeTrimEnd(text: string, start: number, end: number): number {
	while (end > start && isUnicodeWhitespace(text.charCodeAt(end - 1))) {
		end--;
	}
	return end;
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
