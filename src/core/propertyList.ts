/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The properties of one section, by name: a `ReadonlyMap` over a list that runs through the properties
// themselves (each one points to the next). A section holds two to five properties, and a JS Map per section was
// a third of the memory of a read set (about 180 of its 760 bytes per profile): with 100,000 profiles, garbage
// collection spent most of its time copying those Maps (the benchmark, `npm run bench`). Looking a key up in a
// few properties compares a few string pointers (keys are interned by the reader), which is no slower than
// hashing. A section with many properties gets a Map as well, so that reading one stays linear.

/** What a PropertyList holds: something with a name and a link to the next one, which the list sets. */
export interface ListedItem<P> {
	readonly name: string;
	next: P | undefined;
}

/** From this many properties on, a section's lookups go through a Map. */
const indexedFrom = 9;

export class PropertyList<P extends ListedItem<P>> implements ReadonlyMap<string, P> {
	// Declared and set in the constructor: class field initializers are slow in V8, and there is one list per section.
	private declare first: P | undefined;
	private declare last: P | undefined;
	private declare count: number;
	/** By name, once the list is long. */
	private declare index: Map<string, P> | undefined;

	constructor() {
		this.first = undefined;
		this.last = undefined;
		this.count = 0;
		this.index = undefined;
	}

	get size(): number {
		return this.count;
	}

	get(key: string): P | undefined {
		if (this.index) {
			return this.index.get(key);
		}
		for (let item = this.first; item; item = item.next) {
			if (item.name === key) {
				return item;
			}
		}
		return undefined;
	}

	has(key: string): boolean {
		return this.get(key) !== undefined;
	}

	/** Adds `item`, whose name must not be in the list yet, at the end. */
	append(item: P): void {
		item.next = undefined;
		if (this.last) {
			this.last.next = item;
		} else {
			this.first = item;
		}
		this.last = item;
		if (++this.count === indexedFrom) {
			this.index = new Map();
			for (let each = this.first; each; each = each.next) {
				this.index.set(each.name, each);
			}
		} else {
			this.index?.set(item.name, item);
		}
	}

	forEach(callback: (value: P, key: string, map: ReadonlyMap<string, P>) => void, thisArg?: unknown): void {
		for (let item = this.first; item; item = item.next) {
			callback.call(thisArg, item, item.name, this);
		}
	}

	entries(): IterableIterator<[string, P]> {
		return new ListIterator(this.first, entryOf);
	}

	keys(): IterableIterator<string> {
		return new ListIterator(this.first, nameOf);
	}

	values(): IterableIterator<P> {
		return new ListIterator(this.first, itself);
	}

	[Symbol.iterator](): IterableIterator<[string, P]> {
		return this.entries();
	}

	get [Symbol.toStringTag](): string {
		return 'PropertyList';
	}
}

/**
 * An iterator over a list. Written by hand: the profile model walks the keys of every section, and a generator
 * made that walk cost about a tenth of building the model (the benchmark).
 */
class ListIterator<P extends ListedItem<P>, R> implements IterableIterator<R> {
	constructor(private item: P | undefined, private readonly pick: (item: P) => R) {}

	next(): IteratorResult<R> {
		const { item } = this;
		if (!item) {
			return { done: true, value: undefined };
		}
		this.item = item.next;
		return { done: false, value: this.pick(item) };
	}

	[Symbol.iterator](): IterableIterator<R> {
		return this;
	}
}

function entryOf<P extends ListedItem<P>>(item: P): [string, P] {
	return [item.name, item];
}

function nameOf<P extends ListedItem<P>>(item: P): string {
	return item.name;
}

function itself<P>(item: P): P {
	return item;
}
