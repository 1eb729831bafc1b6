/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Offsets to line/column positions. The parsers (ours, yaml, jsonc-parser) speak in offsets; editors and the
// CLI's reports want lines and columns.
// Lines end at `\n`, `\r\n` or a lone `\r`, as an editor's document counts them.

import { TextRange, textRange } from './textRange';

/**
 * The offsets of a TextRange alone, as a parser's tree holds them (yaml, jsonc-parser, ours): the one range type
 * without its line and column, which a `LineIndex` adds where a range is shown.
 */
export type Span = Pick<TextRange, 'offset' | 'length'>;

export interface LineIndex {
	/** The range of `length` characters at `offset` (clamped to the text). */
	rangeOf(offset: number, length: number): TextRange;
	spanRange(span: Span): TextRange;
}

export function createLineIndex(text: string): LineIndex {
	const starts = lineStarts(text);
	const rangeOf = (offset: number, length: number): TextRange => {
		const start = Math.max(0, Math.min(offset, text.length));
		const end = Math.max(start, Math.min(start + Math.max(0, length), text.length));
		const line = lastStartAtOrBefore(starts, start);
		return textRange(start, end, line, starts[line]);
	};
	return { rangeOf, spanRange: (span) => rangeOf(span.offset, span.length) };
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x0d) {
			if (text.charCodeAt(i + 1) === 0x0a) {
				i++;
			}
			starts.push(i + 1);
		} else if (code === 0x0a) {
			starts.push(i + 1);
		}
	}
	return starts;
}

/** The index of the last of the ascending `starts` at or before `offset` (binary search): a line, a piece. */
export function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (starts[middle] <= offset) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}
	return low;
}
