/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Edits as data, in the manner of jsonc-parser: each one replaces `length` characters at `offset` of the
// ORIGINAL text with `content`. Computing edits is pure and testable; applying them is this one function.

export interface Edit {
	readonly offset: number;
	readonly length: number;
	readonly content: string;
}

/**
 * Applies edits computed against `text`. They are applied from the end backwards so every offset stays valid;
 * two edits that overlap are a bug in whoever computed them, and are refused. Inserts at the same offset are
 * applied in the order given.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
	const sorted = edits
		.map((edit, index) => ({ edit, index }))
		.sort((a, b) => a.edit.offset - b.edit.offset || a.index - b.index)
		.map(({ edit }) => edit);
	let result = text;
	let limit = text.length;
	for (let i = sorted.length - 1; i >= 0; i--) {
		const edit = sorted[i];
		if (edit.offset < 0 || edit.length < 0 || edit.offset + edit.length > limit) {
			throw new Error('Overlapping or out-of-range edit');
		}
		result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
		limit = edit.offset;
	}
	return result;
}
