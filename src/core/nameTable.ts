/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The maps of a read set by section name (profiles, sso-sessions, services) and the model's map of profiles: a
// `ReadonlyMap<string, T>` in insertion order, made for tens of thousands of names read from a file. The standard
// reader's key names are one too, which it looks up straight from the text, lower-cased, without slicing it
// (`getLowerCased`). The keys are strings, or, for the sections a reader found, where their names are written
// (sectionTable.ts): a NameIndex keeps them and compares them.
//
// Why not a JS Map: with 100,000 profiles, finding or adding a section name in a Map cost 12 times what it cost
// with 10,000, for 10 times the names (the benchmark, `npm run bench`): each probe of a large Map follows a bucket
// to an entry to the key string's own hash field, three cache misses, and the model then hashed every name again
// into a Map of its own. Here a probe reads one pair of integers, the entry's index and its hash, side by side in
// an Int32Array; a key string is only compared when the hashes are equal. The model's map of profiles has the
// same keys as the set's map of sections, so it shares the set's index (`mapLazily`) and hashes nothing at all.

import { IndexIterator } from './indexIterator';

/**
 * Where the keys are and in what order: shared by the tables that `mapLazily` makes from one another. Finds an
 * entry by its key's hash; what a key is, a string or where it is written in a text, is the subclass's to keep.
 */
export abstract class NameIndex {
	/**
	 * Open addressing with linear probing, two integers per slot: 1 + the entry's index (0: an empty slot), and
	 * the key's hash. A power of two slots long, never more than half full.
	 */
	slots = new Int32Array(2 * 16);
	/** Whether a table derived from this index exists: no key may be added any more. */
	shared = false;

	/** How many keys were added. */
	abstract get size(): number;

	/** The key of the entry at `entry`, as a string. */
	abstract keyAt(entry: number): string;

	/** Whether the key of `entry` is the text from `start` to `end`, lower-cased in ASCII first if `lowerCase`. */
	protected abstract isKeyAt(entry: number, text: string, start: number, end: number, lowerCase: boolean): boolean;

	/** The index of `key`'s entry, or -1. */
	indexOf(key: string): number {
		return this.probe(hashAt(key, 0, key.length), key, 0, key.length, false);
	}

	/** `indexOf` the text from `start` to `end`, without making it a string. */
	indexOfText(text: string, start: number, end: number): number {
		return this.probe(hashAt(text, start, end), text, start, end, false);
	}

	/** `indexOf` the text from `start` to `end`, lower-cased in ASCII, without making it a string. */
	indexOfLowerCased(text: string, start: number, end: number): number {
		return this.probe(lowerCaseHashAt(text, start, end), text, start, end, true);
	}

	/** Makes room for `more` keys after those added, so that adding them rehashes nothing. */
	reserve(more: number): void {
		let length = this.slots.length;
		while ((this.size + more) * 4 > length) {
			length *= 2;
		}
		if (length > this.slots.length) {
			this.grow(length);
		}
	}

	/** Places the entry `index`, just added, whose key hashes to `hash`. */
	protected place(index: number, hash: number): void {
		if (this.shared) {
			throw new Error('A NameTable whose keys another table shares cannot grow.');
		}
		if ((index + 1) * 4 > this.slots.length) {
			this.grow(this.slots.length * 2);
		}
		place(this.slots, index, hash);
	}

	/**
	 * The entry whose key hashes to `hash` and is the text from `start` to `end` (lower-cased first if
	 * `lowerCase`), or -1. Keys are compared only when their hashes are equal.
	 */
	private probe(hash: number, text: string, start: number, end: number, lowerCase: boolean): number {
		const { slots } = this;
		const mask = slots.length - 2;
		for (let slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
			const entry = slots[slot];
			if (entry === 0) {
				return -1;
			}
			if (slots[slot + 1] === hash && this.isKeyAt(entry - 1, text, start, end, lowerCase)) {
				return entry - 1;
			}
		}
	}

	private grow(length: number): void {
		const old = this.slots;
		const slots = new Int32Array(length);
		for (let slot = 0; slot < old.length; slot += 2) {
			if (old[slot] !== 0) {
				place(slots, old[slot] - 1, old[slot + 1]);
			}
		}
		this.slots = slots;
	}
}

/** An index of keys kept as strings. */
class StringIndex extends NameIndex {
	/** The keys in insertion order; a key's position here is its entry's index. */
	private readonly keys: string[] = [];

	get size(): number {
		return this.keys.length;
	}

	keyAt(entry: number): string {
		return this.keys[entry];
	}

	/** Adds `key`, which must not be there yet, and returns its index. */
	add(key: string): number {
		const index = this.keys.length;
		this.place(index, hashAt(key, 0, key.length));
		this.keys.push(key);
		return index;
	}

	protected isKeyAt(entry: number, text: string, start: number, end: number, lowerCase: boolean): boolean {
		const key = this.keys[entry];
		if (lowerCase) {
			return isLowerCaseOf(key, text, start, end);
		}
		return start === 0 && end === text.length ? key === text : key.length === end - start && text.startsWith(key, start);
	}
}

function place(slots: Int32Array, index: number, hash: number): void {
	const mask = slots.length - 2;
	let slot = (hash << 1) & mask;
	while (slots[slot] !== 0) {
		slot = (slot + 2) & mask;
	}
	slots[slot] = index + 1;
	slots[slot + 1] = hash;
}

/** The hash of the text from `start` to `end` (31-polynomial, then mixed so that similar names spread). */
export function hashAt(text: string, start: number, end: number): number {
	let hash = end - start;
	for (let i = start; i < end; i++) {
		hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
	}
	return mix(hash);
}

/** hashAt the text from `start` to `end`, lower-cased in ASCII: the same as the hash of a lower-case key. */
function lowerCaseHashAt(text: string, start: number, end: number): number {
	let hash = end - start;
	for (let i = start; i < end; i++) {
		hash = (Math.imul(hash, 31) + asciiLower(text.charCodeAt(i))) | 0;
	}
	return mix(hash);
}

/** How MurmurHash3 finishes a hash. */
function mix(hash: number): number {
	hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
	hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
	return hash ^ (hash >>> 16);
}

/** Whether `a` from `aStart` and `b` from `bStart` are the same for `length` characters (two texts, or one). */
export function sameText(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
	for (let i = 0; i < length; i++) {
		if (a.charCodeAt(aStart + i) !== b.charCodeAt(bStart + i)) {
			return false;
		}
	}
	return true;
}

/** Whether `key` is the text from `start` to `end`, lower-cased in ASCII. */
function isLowerCaseOf(key: string, text: string, start: number, end: number): boolean {
	if (key.length !== end - start) {
		return false;
	}
	if (text.startsWith(key, start)) {
		return true; // written in lower case, as keys nearly always are: compared natively
	}
	for (let i = 0; i < key.length; i++) {
		if (key.charCodeAt(i) !== asciiLower(text.charCodeAt(start + i))) {
			return false;
		}
	}
	return true;
}

function asciiLower(code: number): number {
	return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/** A map from names to values, in the order the names were added; see the top of the file for why. */
export class NameTable<T> implements ReadonlyMap<string, T> {
	protected readonly index: NameIndex;
	/** The values, by entry index. */
	protected readonly entries_: T[];

	constructor(index: NameIndex = new StringIndex(), values: T[] = []) {
		this.index = index;
		this.entries_ = values;
	}

	get size(): number {
		return this.index.size;
	}

	/** The value of the entry at `at`, whose key is `this.index.keyAt(at)`. */
	protected valueAt(at: number): T {
		return this.entries_[at];
	}

	get(key: string): T | undefined {
		const at = this.index.indexOf(key);
		return at === -1 ? undefined : this.valueAt(at);
	}

	has(key: string): boolean {
		return this.index.indexOf(key) !== -1;
	}

	/**
	 * The value of the name written from `start` to `end` in `text`, lower-cased in ASCII, without making it a
	 * string: for a table whose names are all lower-case (the key names the standard reader has read).
	 */
	getLowerCased(text: string, start: number, end: number): T | undefined {
		const at = this.index.indexOfLowerCased(text, start, end);
		return at === -1 ? undefined : this.valueAt(at);
	}

	/** Adds `key`, which must not be in the table yet. */
	add(key: string, value: T): void {
		if (!(this.index instanceof StringIndex)) {
			throw new Error('Only a NameTable of string keys grows by add.');
		}
		this.entries_[this.index.add(key)] = value;
	}

	/** Makes room for `more` keys, so that adding them rehashes none of those added. */
	protected reserveKeys(more: number): void {
		this.index.reserve(more);
	}

	/**
	 * A table with the same keys, in the same order, each with `map(value, key)`, mapped the first time it is read
	 * and then kept: for a map of objects that most readers look at only a few of, which a large table would
	 * otherwise keep all of from the start. It shares this table's index, so that neither can grow afterwards.
	 */
	mapLazily<U>(map: (value: T, key: string) => U, thisArg?: unknown): NameTable<U> {
		this.index.shared = true;
		return new LazyNameTable(this.index, this, map, thisArg);
	}

	forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
		const { index } = this;
		for (let i = 0; i < index.size; i++) {
			callback.call(thisArg, this.valueAt(i), index.keyAt(i), this);
		}
	}

	entries(): IterableIterator<[string, T]> {
		return new IndexIterator(this, 0, this.size, nextPosition, NameTable.entryAt);
	}

	keys(): IterableIterator<string> {
		return new IndexIterator(this.index, 0, this.size, nextPosition, keyOf);
	}

	values(): IterableIterator<T> {
		return new IndexIterator(this, 0, this.size, nextPosition, NameTable.valueOf);
	}

	[Symbol.iterator](): IterableIterator<[string, T]> {
		return this.entries();
	}

	get [Symbol.toStringTag](): string {
		return 'NameTable';
	}

	/** What `entries` yields: a static method, so that it reads the table's private fields and is no closure. */
	private static entryAt<T>(table: NameTable<T>, at: number): [string, T] {
		return [table.index.keyAt(at), table.valueAt(at)];
	}

	protected static valueOf<T>(table: NameTable<T>, at: number): T {
		return table.valueAt(at);
	}
}

/** What `mapLazily` makes: the values of `source`, each mapped when first read. */
class LazyNameTable<S, T> extends NameTable<T> {
	constructor(
		index: NameIndex,
		private readonly source: NameTable<S>,
		private readonly map: (value: S, key: string) => T,
		private readonly thisArg: unknown,
	) {
		super(index, []);
	}

	protected override valueAt(at: number): T {
		// A holey array filled as entries are read; `undefined` is never a mapped value the table keeps.
		const values = this.entries_;
		let value = values[at];
		if (value === undefined) {
			value = values[at] = this.map.call(this.thisArg, NameTable.valueOf(this.source, at), this.index.keyAt(at));
		}
		return value;
	}
}

/** The iterators' order: by position. */
function nextPosition(_: unknown, at: number): number {
	return at + 1;
}

function keyOf(index: NameIndex, at: number): string {
	return index.keyAt(at);
}
