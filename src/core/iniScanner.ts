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
// Everything is one pass of charCodeAt over the text, with no regular expression, so the time is linear in the
// size of the file whatever it holds (a 1 MB line, a file of `[`...). The scanner never fails: what the text
// means, and whether it is an error, is the next layer's business (rawProfileFile.ts).

import type { TextRange } from './profileSet';

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
	const bomLength = text.charCodeAt(0) === BOM ? 1 : 0;
	const scanner = new Scanner(text);
	const lines: ScannedLine[] = [];
	let eol: LineEnding | undefined;
	let lineStart = bomLength;
	let lineNumber = 0;
	while (lineStart < text.length) {
		const newline = text.indexOf('\n', lineStart);
		const next = newline === -1 ? text.length : newline + 1;
		let end = newline === -1 ? text.length : newline;
		if (newline > lineStart && text.charCodeAt(newline - 1) === CR) {
			end = newline - 1;
		}
		if (eol === undefined && newline !== -1) {
			eol = end === newline ? '\n' : '\r\n';
		}
		lines.push(scanner.scanLine(lineNumber, lineStart, end, next));
		lineStart = next;
		lineNumber++;
	}
	return { bomLength, eol: eol ?? '\n', lines };
}

/**
 * Scans one line at a time; remembers only what the standard's lexical rules need from the lines above. Every
 * line object is built in one literal, with all its fields, so that a large file costs few allocations.
 */
class Scanner {
	/** Whether indented lines are sub-properties: the last property line had an `=` and an empty value. */
	private inSubProperties = false;
	private line = 0;
	/** Where the current line's columns count from: its start, except on the first line (see scanIni). */
	private columnBase = 0;
	/** Results of findEqualsAndComment, kept in fields to spare an object per line. */
	private equals = -1;
	private commentStart = -1;

	constructor(private readonly text: string) { }

	scanLine(line: number, start: number, end: number, next: number): ScannedLine {
		this.line = line;
		this.columnBase = line === 0 ? 0 : start;
		const range = this.range(start, end);
		const span = this.range(start, next);
		const first = this.skipBlanks(start, end);
		if (first === end) {
			return { kind: 'blank', range, span };
		}
		const code = this.text.charCodeAt(start);
		if (code === HASH || code === SEMICOLON) {
			return { kind: 'comment', range, span, comment: this.range(start, this.trimEnd(start, end)) };
		}
		if (code === OPEN_BRACKET) {
			this.inSubProperties = false;
			return this.scanHeader(range, span, start, end);
		}
		if (code === SPACE || code === TAB) {
			return this.inSubProperties
				? this.scanSubProperty(range, span, first, end)
				: { kind: 'continuation', range, span, text: this.range(first, this.trimEnd(first, end)) };
		}
		return this.scanProperty(range, span, start, end);
	}

	/**
	 * Between the brackets, the standard trims, then splits at the first space or tab into a prefix and a name,
	 * each trimmed again (of any Unicode whitespace, like Rust's `trim`).
	 */
	private scanHeader(range: TextRange, span: TextRange, start: number, end: number): HeaderLine {
		const trimmedEnd = this.trimEnd(start, end);
		const commentStart = this.findHeaderComment(start, trimmedEnd);
		const headerEnd = commentStart === -1 ? trimmedEnd : this.trimEnd(start, commentStart);
		// `[` alone is unterminated; `[]` is a closed header with an empty name.
		const closed = headerEnd - start >= 2 && this.text.charCodeAt(headerEnd - 1) === CLOSE_BRACKET;
		const innerStart = this.skipBlanks(start + 1, closed ? headerEnd - 1 : headerEnd);
		const innerEnd = this.trimEnd(innerStart, closed ? headerEnd - 1 : headerEnd);
		let split = innerStart;
		while (split < innerEnd && !isBlank(this.text.charCodeAt(split))) {
			split++;
		}
		const prefixed = split < innerEnd;
		return {
			kind: 'header',
			range,
			span,
			header: this.range(start, headerEnd),
			closed,
			prefix: prefixed ? this.unicodeTrimmed(innerStart, split) : undefined,
			name: prefixed ? this.unicodeTrimmed(split + 1, innerEnd) : this.unicodeTrimmed(innerStart, innerEnd),
			comment: commentStart === -1 ? undefined : this.range(commentStart, trimmedEnd),
		};
	}

	/** In a header, `#` and `;` start a comment anywhere, even without whitespace before them. */
	private findHeaderComment(start: number, end: number): number {
		for (let i = start; i < end; i++) {
			const code = this.text.charCodeAt(i);
			if (code === HASH || code === SEMICOLON) {
				return i;
			}
		}
		return -1;
	}

	private scanProperty(range: TextRange, span: TextRange, start: number, end: number): PropertyLine {
		const trimmedEnd = this.trimEnd(start, end);
		this.findEqualsAndComment(start, trimmedEnd);
		const { equals, commentStart } = this;
		const contentEnd = commentStart === -1 ? trimmedEnd : this.trimEnd(start, commentStart);
		const comment = commentStart === -1 ? undefined : this.range(commentStart, trimmedEnd);
		if (equals === -1) {
			this.inSubProperties = false;
			return { kind: 'property', range, span, key: this.range(start, contentEnd), assignment: undefined, comment };
		}
		const assignment = this.assignment(equals, contentEnd);
		this.inSubProperties = assignment.value.length === 0;
		return { kind: 'property', range, span, key: this.range(start, this.trimEnd(start, equals)), assignment, comment };
	}

	/**
	 * The standard checks a sub-property line as a property line (so a comment hides an `=` after it), but keeps
	 * the whole line in the value (so a comment after the value is part of it).
	 */
	private scanSubProperty(range: TextRange, span: TextRange, first: number, end: number): SubPropertyLine {
		const trimmedEnd = this.trimEnd(first, end);
		const text = this.range(first, trimmedEnd);
		this.findEqualsAndComment(first, trimmedEnd);
		const { equals, commentStart } = this;
		if (equals === -1) {
			const contentEnd = commentStart === -1 ? trimmedEnd : this.trimEnd(first, commentStart);
			return { kind: 'sub-property', range, span, text, key: this.range(first, contentEnd), assignment: undefined };
		}
		const assignment = this.assignment(equals, trimmedEnd);
		return { kind: 'sub-property', range, span, text, key: this.range(first, this.trimEnd(first, equals)), assignment };
	}

	private assignment(equals: number, valueEnd: number): Assignment {
		const valueStart = this.skipBlanks(equals + 1, valueEnd);
		return { equals: this.range(equals, equals + 1), value: this.range(valueStart, valueEnd) };
	}

	/** Finds the first `=` before any comment, and where a comment (a `#` or `;` after whitespace) starts. */
	private findEqualsAndComment(start: number, end: number): void {
		const text = this.text;
		let equals = -1;
		let commentStart = -1;
		let afterWhitespace = false;
		for (let i = start; i < end; i++) {
			const code = text.charCodeAt(i);
			if ((code === HASH || code === SEMICOLON) && afterWhitespace) {
				commentStart = i;
				break;
			}
			if (code === EQUALS && equals === -1) {
				equals = i;
			}
			afterWhitespace = isUnicodeWhitespace(code);
		}
		this.equals = equals;
		this.commentStart = commentStart;
	}

	private skipBlanks(start: number, end: number): number {
		while (start < end && isBlank(this.text.charCodeAt(start))) {
			start++;
		}
		return start;
	}

	private trimEnd(start: number, end: number): number {
		while (end > start && isBlank(this.text.charCodeAt(end - 1))) {
			end--;
		}
		return end;
	}

	private unicodeTrimmed(start: number, end: number): TextRange {
		while (start < end && isUnicodeWhitespace(this.text.charCodeAt(start))) {
			start++;
		}
		while (end > start && isUnicodeWhitespace(this.text.charCodeAt(end - 1))) {
			end--;
		}
		return this.range(start, end);
	}

	private range(start: number, end: number): TextRange {
		return { offset: start, length: end - start, line: this.line, column: start - this.columnBase };
	}
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
