/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Where a file's text changed between two versions: an editor's edit is one span, so the text before it and the
// text after it are the same in both. What re-reads a file after an edit keeps what it read of both.

/** Where one file's text changed: `[start, oldEnd)` before the edit is `[start, newEnd)` after it. */
export interface TextChange {
	readonly start: number;
	readonly oldEnd: number;
	readonly newEnd: number;
	/** How many lines the edit added (negative when it removed some). */
	readonly lines: number;
}

const block = 256;

/** Where `after` differs from `before`: the longest common start and end taken away. */
export function textChange(before: string, after: string): TextChange {
	const shorter = Math.min(before.length, after.length);
	// Blocks first: comparing two strings is one call, where comparing characters one by one is a call each.
	let start = 0;
	while (start + block <= shorter && before.slice(start, start + block) === after.slice(start, start + block)) {
		start += block;
	}
	while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) {
		start++;
	}
	let end = 0;
	while (end + block <= shorter - start
		&& before.slice(before.length - end - block, before.length - end) === after.slice(after.length - end - block, after.length - end)) {
		end += block;
	}
	while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) {
		end++;
	}
	const oldEnd = before.length - end;
	const newEnd = after.length - end;
	return { start, oldEnd, newEnd, lines: lineBreaks(after, start, newEnd) - lineBreaks(before, start, oldEnd) };
}

/** The standard's lines end at `\n` (a lone `\r` is text), so `\n` counts them. */
function lineBreaks(text: string, start: number, end: number): number {
	let count = 0;
	for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) {
		count++;
	}
	return count;
}

