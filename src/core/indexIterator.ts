/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The iterator of the maps that number their entries (nameTable.ts by position, propertyStore.ts as a linked
// list), written by hand: generators are slow in V8. Its functions take the collection as an argument, so that
// a map can pass module-level functions and make no closure for each iteration.

/**
 * Iterates over the entries of `source` from the one numbered `first` until the number `end` (excluded): `step`
 * gives the number of the entry after each, and `pick` what is yielded for it.
 */
export class IndexIterator<S, R> implements IterableIterator<R> {
	constructor(
		private readonly source: S,
		private at: number,
		private readonly end: number,
		private readonly step: (source: S, at: number) => number,
		private readonly pick: (source: S, at: number) => R,
	) {}

	next(): IteratorResult<R> {
		const { at } = this;
		if (at === this.end) {
			return { done: true, value: undefined };
		}
		this.at = this.step(this.source, at);
		return { done: false, value: this.pick(this.source, at) };
	}

	[Symbol.iterator](): IterableIterator<R> {
		return this;
	}
}
