/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// "Did you mean" for keys, profile names, regions and section prefixes. Two ways to be close: a few typing
// mistakes (optimal string alignment distance: an insertion, a deletion, a substitution or two swapped letters
// each count one, so `regoin` is 1 from `region`), or the same words with some missing (`aws_secret_key` has
// every word of `aws_secret_access_key`), which is how keys are usually misremembered.

/** How many typing mistakes a word of this length may have and still be recognised. */
function allowedDistance(length: number): number {
	return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * The candidates closest to `word`, best first (fewest mistakes, then fewest missing words, then code-unit
 * order), at most `max`. Case is ignored when comparing; an exact match is not a suggestion.
 */
export function didYouMean(word: string, candidates: Iterable<string>, max = 3): string[] {
	const target = word.toLowerCase();
	const limit = allowedDistance(target.length);
	const words = wordsOf(target);
	const scored: { candidate: string; score: number }[] = [];
	for (const candidate of candidates) {
		if (candidate === word) {
			continue;
		}
		const lower = candidate.toLowerCase();
		const distance = editDistance(target, lower, limit);
		if (distance <= limit) {
			scored.push({ candidate, score: distance });
			continue;
		}
		const missing = missingWords(words, wordsOf(lower));
		if (missing !== undefined) {
			scored.push({ candidate, score: limit + missing });
		}
	}
	scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
	return scored.slice(0, max).map(({ candidate }) => candidate);
}

/**
 * Optimal string alignment distance, computed row by row; any result above `limit` is returned as
 * `limit + 1`, which lets a long candidate list be scanned cheaply.
 */
export function editDistance(a: string, b: string, limit = Math.max(a.length, b.length)): number {
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	let previous2: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMinimum = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, previous2[j - 2] + 1);
			}
			current.push(value);
			rowMinimum = Math.min(rowMinimum, value);
		}
		if (rowMinimum > limit) {
			return limit + 1;
		}
		previous2 = previous;
		previous = current;
	}
	return Math.min(previous[b.length], limit + 1);
}

function wordsOf(text: string): string[] {
	return text.split(/[_\-.]+/).filter((word) => word.length > 0);
}

/** How many words the candidate has beyond the word's, when it has all of them (and the word has two or more). */
function missingWords(words: readonly string[], candidateWords: readonly string[]): number | undefined {
	if (words.length < 2 || candidateWords.length <= words.length) {
		return undefined;
	}
	return words.every((word) => candidateWords.includes(word)) ? candidateWords.length - words.length : undefined;
}
