/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The one range type: where something is in one file's text, by offset and by line and column, as the parsers
// find it and the editor and the CLI show it. `Span` (lineIndex.ts) is its offsets alone.

/** A span of one file's text. `line` and `column` are 0-based; `column` and `length` count UTF-16 units. */
export interface TextRange {
	readonly offset: number;
	readonly length: number;
	readonly line: number;
	readonly column: number;
}

/**
 * The range from `start` to `end` on line `line`, whose columns count from `columnBase`: where the line starts,
 * or 0 on a file's first line (a byte order mark before it is column 0).
 */
export function textRange(start: number, end: number, line: number, columnBase: number): TextRange {
	return { offset: start, length: end - start, line, column: start - columnBase };
}
