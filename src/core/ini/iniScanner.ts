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
// layer's business (rawProfileFile.ts). Every line is a plain object whose ranges are computed as it is scanned.

import { TextRange, textRange } from '../text/textRange';

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
	const bomLength = text.charCodeAt(0) === BOM ? 1 : 0;
	let eol: LineEnding | undefined;
	// The one thing a line's kind depends on above it: indented lines under `key =` (an empty value) are
	// sub-properties; a header or another property line ends that.
	let underEmptyValue = false;
	for (let start: number = bomLength, number = 0; start < text.length; number++) {
		const newline = text.indexOf('\n', start);
		const next = newline === -1 ? text.length : newline + 1;
		const end = newline > start && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline === -1 ? text.length : newline;
		if (eol === undefined && newline !== -1) {
			eol = end === newline ? '\n' : '\r\n';
		}
		// Columns count from the line's start, except on the text's first line, where they count from 0 (BOM or not).
		const columnBase = start === bomLength ? 0 : start;
		const line = scanLine(text, textRange(start, end, number, columnBase), textRange(start, next, number, columnBase), underEmptyValue);
		if (line.kind === 'header') {
			underEmptyValue = false;
		} else if (line.kind === 'property') {
			underEmptyValue = line.assignment !== undefined && line.assignment.value.length === 0;
		}
		visit(line);
		start = next;
	}
	return { bomLength, eol: eol ?? '\n' };
}

/**
 * The line that starts at `start` in `text`, classified on its own (its ranges say line 0): for a look at one
 * line, such as whether it is a certain header. `start` must be where a line starts.
 */
export function scanLineAt(text: string, start: number): ScannedLine {
	const bomLength = start === 0 && text.charCodeAt(0) === BOM ? 1 : 0;
	const from = start + bomLength;
	const newline = text.indexOf('\n', from);
	const next = newline === -1 ? text.length : newline + 1;
	const end = newline > from && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline === -1 ? text.length : newline;
	return scanLine(text, textRange(from, end, 0, start), textRange(from, next, 0, start), false);
}

/** A range of the line whose text is `line`: the same line number, columns counted alike. */
function rangeOf(line: TextRange, start: number, end: number): TextRange {
	return textRange(start, end, line.line, line.offset - line.column);
}

/** The line whose text is `range` (and with its terminator, `span`). */
function scanLine(text: string, range: TextRange, span: TextRange, underEmptyValue: boolean): ScannedLine {
	const start = range.offset;
	const end = start + range.length;
	const first = skipBlanks(text, start, end);
	if (first === end) {
		return { kind: 'blank', range, span };
	}
	const code = text.charCodeAt(start);
	if (code === HASH || code === SEMICOLON) {
		return { kind: 'comment', range, span, comment: rangeOf(range, start, trimEnd(text, start, end)) };
	}
	if (code === OPEN_BRACKET) {
		return scanHeader(text, range, span);
	}
	if (isBlank(code)) {
		return underEmptyValue
			? scanSubProperty(text, first, range, span)
			: { kind: 'continuation', range, span, text: rangeOf(range, first, trimEnd(text, first, end)) };
	}
	return scanProperty(text, range, span);
}

/**
 * Between the brackets, the standard trims, then splits at the first space or tab into a prefix and a name,
 * each trimmed again (of any Unicode whitespace, like Rust's `trim`). In a header, `#` and `;` start a comment
 * anywhere, even without whitespace before them.
 */
function scanHeader(text: string, range: TextRange, span: TextRange): HeaderLine {
	const start = range.offset;
	const end = start + range.length;
	const trimmedEnd = trimEnd(text, start, end);
	const commentStart = findCommentMarker(text, start, trimmedEnd);
	const headerEnd = commentStart === -1 ? trimmedEnd : trimEnd(text, start, commentStart);
	// `[` alone is unterminated; `[]` is a closed header with an empty name.
	const closed = headerEnd - start >= 2 && text.charCodeAt(headerEnd - 1) === CLOSE_BRACKET;
	const innerStart = skipBlanks(text, start + 1, closed ? headerEnd - 1 : headerEnd);
	const innerEnd = trimEnd(text, innerStart, closed ? headerEnd - 1 : headerEnd);
	let split = innerStart;
	while (split < innerEnd && !isBlank(text.charCodeAt(split))) {
		split++;
	}
	let nameStart = innerStart;
	let prefix: TextRange | undefined;
	if (split < innerEnd) {
		const prefixStart = unicodeTrimStart(text, innerStart, split);
		prefix = rangeOf(range, prefixStart, unicodeTrimEnd(text, prefixStart, split));
		nameStart = split + 1;
	}
	nameStart = unicodeTrimStart(text, nameStart, innerEnd);
	const name = rangeOf(range, nameStart, unicodeTrimEnd(text, nameStart, innerEnd));
	const comment = commentStart === -1 ? undefined : rangeOf(range, commentStart, trimmedEnd);
	return { kind: 'header', range, span, header: rangeOf(range, start, headerEnd), closed, prefix, name, comment };
}

function scanProperty(text: string, range: TextRange, span: TextRange): PropertyLine {
	const start = range.offset;
	const end = start + range.length;
	const trimmedEnd = trimEnd(text, start, end);
	const { equals, commentStart } = findEqualsAndComment(text, start, trimmedEnd);
	const contentEnd = commentStart === -1 ? trimmedEnd : trimEnd(text, start, commentStart);
	return {
		kind: 'property',
		range,
		span,
		key: keyRange(text, range, start, equals, contentEnd),
		assignment: equals === -1 ? undefined : assignmentOf(text, range, equals, contentEnd),
		comment: commentStart === -1 ? undefined : rangeOf(range, commentStart, trimmedEnd),
	};
}

/**
 * The standard checks a sub-property line as a property line (so a comment hides an `=` after it), but keeps
 * the whole line in the value (so a comment after the value is part of it).
 */
function scanSubProperty(text: string, first: number, range: TextRange, span: TextRange): SubPropertyLine {
	const end = range.offset + range.length;
	const trimmedEnd = trimEnd(text, first, end);
	const { equals, commentStart } = findEqualsAndComment(text, first, trimmedEnd);
	const contentEnd = commentStart === -1 ? trimmedEnd : trimEnd(text, first, commentStart);
	return {
		kind: 'sub-property',
		range,
		span,
		text: rangeOf(range, first, trimmedEnd),
		key: keyRange(text, range, first, equals, contentEnd),
		assignment: equals === -1 ? undefined : assignmentOf(text, range, equals, trimmedEnd),
	};
}

/** The key before the `=`, trimmed; without one, the line from `start` to `contentEnd`. */
function keyRange(text: string, line: TextRange, start: number, equals: number, contentEnd: number): TextRange {
	return rangeOf(line, start, equals === -1 ? contentEnd : trimEnd(text, start, equals));
}

function assignmentOf(text: string, line: TextRange, equals: number, valueEnd: number): Assignment {
	return { equals: rangeOf(line, equals, equals + 1), value: rangeOf(line, skipBlanks(text, equals + 1, valueEnd), valueEnd) };
}

/**
 * The first `=` before any comment, and where a comment starts: at the first `#` or `;` that follows whitespace
 * (-1 for each when there is none).
 */
function findEqualsAndComment(text: string, start: number, end: number): { equals: number; commentStart: number } {
	let equals = -1;
	for (let i = start; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code === EQUALS) {
			if (equals === -1) {
				equals = i;
			}
		} else if ((code === HASH || code === SEMICOLON) && i > start && isUnicodeWhitespace(text.charCodeAt(i - 1))) {
			return { equals, commentStart: i };
		}
	}
	return { equals, commentStart: -1 };
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
