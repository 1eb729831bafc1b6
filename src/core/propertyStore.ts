/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The properties of a read set (standardReader.ts), kept as numbers: for each property, which file it is in,
// where its line starts, its line number, where its value is and which property of its section comes next, in
// one Int32Array for the whole set. Its value is sliced from the file's text (joined from its lines, for a value
// that indented lines continue), its sub-properties parsed, and its PropertyDefinition made, when someone asks
// for them.
//
// Why numbers: a large file's properties are most of what a read keeps. As one object each, with a string for
// each value, they were 350 of the 650 bytes a profile kept (about 3 properties a profile), and with 100,000
// profiles garbage collection spent more time copying them out of the young generation than reading took
// (`npm run bench`). An Int32Array keeps its numbers outside the garbage-collected heap.

import type { FileRole } from './profileFilesReader';
import { PropertyDefinition, SourceLocation, textRange } from './profileSet';
import { isValidIdentifier } from './identifiers';
import { IndexIterator } from './indexIterator';
import { Int32Records } from './int32Records';
import { LineCursor, scanLines } from './iniScanner';

/** The numbers of one property, at `index * fieldCount` in the store's data. */
const FILE_AND_FLAGS = 0;
const LINE_START = 1;
const KEY_LINE = 2;
const VALUE_START = 3;
const VALUE_END = 4;
const NEXT = 5;
const fieldCount = 6;

/** In FILE_AND_FLAGS: the credentials file (else the config file). */
const CREDENTIALS = 1;
/** In FILE_AND_FLAGS: indented lines continue the value. */
const MULTILINE = 2;
/** In FILE_AND_FLAGS: the indented lines are sub-properties (`s3 =` then `  key = value` lines). */
const SUB_PROPERTIES = 4;
/** FILE_AND_FLAGS holds the flags in its low bits, and above them the id of the property's name (`PropertyData.nameId`). */
const NAME_SHIFT = 3;

/** What the reader knows of a property once its last line is read. */
export interface PropertyData {
	/** The key's name (lower-cased; interned by the reader, so that lookups compare pointers). */
	readonly name: string;
	/** Its index in the store's `names`. */
	readonly nameId: number;
	readonly file: FileRole;
	/** Where the property's line starts, and its number. */
	readonly lineStart: number;
	readonly keyLine: number;
	/** The value on the property's own line. */
	readonly valueStart: number;
	readonly valueEnd: number;
	/** Whether indented lines continue the value, and whether they are sub-properties. */
	readonly multiline: boolean;
	readonly hasSubProperties: boolean;
}

export class PropertyStore {
	private readonly records = new Int32Records(fieldCount, 256);
	/** The text of each file, as its properties are added. */
	private readonly texts: Record<FileRole, string> = { config: '', credentials: '' };

	/**
	 * `names`: the key names the reader interned, by id, as it adds them; a property keeps the id of its name, not
	 * a pointer to it, which for 300,000 properties was an array of 2.4 MB, grown by copying, for the collector.
	 */
	constructor(private readonly names: readonly string[]) {}

	/** Where the properties of `file` added from now on are written. */
	setText(file: FileRole, text: string): void {
		this.texts[file] = text;
		// Room for a property every 16 characters, which few files have (`region = x` is 10 characters, a key pair
		// 90): more is added if needed, and room that is never written takes no memory from the system.
		this.records.reserve(text.length >> 4);
	}

	/** The text of `file`, set last. */
	text(file: FileRole): string {
		return this.texts[file];
	}

	/** A new property, not in any section yet. */
	add(property: PropertyData): number {
		const index = this.records.add();
		this.data[index * fieldCount + NEXT] = -1;
		this.write(index, property);
		return index;
	}

	/** Makes the property at `index` the later definition `property` of the same key: its place stays. */
	replace(index: number, property: PropertyData): void {
		this.write(index, property);
	}

	name(index: number): string {
		return this.names[this.nameId(index)];
	}

	/** The id of the property's name: its index in `names`. */
	nameId(index: number): number {
		return this.data[index * fieldCount + FILE_AND_FLAGS] >>> NAME_SHIFT;
	}

	/** The value as the standard reads it: the value on the key's line, then `\n` and the text of each indented line. */
	value(index: number): string {
		const at = index * fieldCount;
		const data = this.data;
		const text = this.textOf(index);
		if ((data[at + FILE_AND_FLAGS] & MULTILINE) === 0) {
			return text.slice(data[at + VALUE_START], data[at + VALUE_END]);
		}
		const scanner = this.scanAgain(index);
		let value = text.slice(scanner.valueStart, scanner.valueEnd);
		while (advanceToIndented(scanner)) {
			value += '\n' + text.slice(scanner.textStart, scanner.textEnd);
		}
		return value;
	}

	/** The sub-properties, when the value is a block of them: invalid keys left out, a repeated key's last value. */
	subProperties(index: number): ReadonlyMap<string, string> | undefined {
		if ((this.data[index * fieldCount + FILE_AND_FLAGS] & SUB_PROPERTIES) === 0) {
			return undefined;
		}
		const text = this.textOf(index);
		const scanner = this.scanAgain(index);
		const map = new Map<string, string>();
		while (advanceToIndented(scanner)) {
			if (scanner.equals === -1) {
				continue; // a syntax error, reported when read
			}
			const key = text.slice(scanner.keyStart, scanner.keyEnd);
			if (isValidIdentifier(key)) {
				map.set(key, text.slice(scanner.valueStart, scanner.valueEnd));
			}
		}
		return map;
	}

	file(index: number): FileRole {
		return (this.data[index * fieldCount + FILE_AND_FLAGS] & CREDENTIALS) !== 0 ? 'credentials' : 'config';
	}

	keyLine(index: number): number {
		return this.data[index * fieldCount + KEY_LINE];
	}

	next(index: number): number {
		return this.data[index * fieldCount + NEXT];
	}

	/** Where the key is written, found again by scanning its line. */
	keyLocation(index: number): SourceLocation {
		const scanner = this.scanAgain(index);
		return this.location(index, scanner.keyStart, scanner.keyEnd, this.keyLine(index), scanner.columnBase);
	}

	/**
	 * From the value's first character to its last, continuation and sub-property lines included: the lines
	 * below that are indented, until the next header or property (blank and comment lines do not end it).
	 */
	valueLocation(index: number): SourceLocation {
		const scanner = this.scanAgain(index);
		const keyLine = this.keyLine(index);
		let { valueStart: start, valueEnd: end } = scanner;
		let line = keyLine;
		let { columnBase } = scanner;
		let first = true;
		while (advanceToIndented(scanner)) {
			if (first && start === end) {
				// Nothing on the key's line: the value starts on the first indented line.
				start = scanner.textStart;
				line = keyLine + scanner.line;
				columnBase = scanner.columnBase;
			}
			first = false;
			end = scanner.textEnd;
		}
		return this.location(index, start, end, line, columnBase);
	}

	/**
	 * The index of the property named `key` in the section whose list starts at `first`, or -1: looked up in
	 * `byName` when the section has one, else found by walking the list, comparing string pointers.
	 */
	find(first: number, byName: ReadonlyMap<string, number> | undefined, key: string): number {
		if (byName) {
			return byName.get(key) ?? -1;
		}
		for (let index = first; index !== -1; index = this.next(index)) {
			if (this.name(index) === key) {
				return index;
			}
		}
		return -1;
	}

	/** Makes the property at `index` the one after `previous` in its section. */
	link(previous: number, index: number): void {
		this.data[previous * fieldCount + NEXT] = index;
	}

	private get data(): Int32Array {
		return this.records.data;
	}

	private write(index: number, property: PropertyData): void {
		const at = index * fieldCount;
		const data = this.data;
		data[at + FILE_AND_FLAGS] = (property.nameId << NAME_SHIFT) | (property.file === 'credentials' ? CREDENTIALS : 0)
			| (property.multiline ? MULTILINE : 0) | (property.hasSubProperties ? SUB_PROPERTIES : 0);
		data[at + LINE_START] = property.lineStart;
		data[at + KEY_LINE] = property.keyLine;
		data[at + VALUE_START] = property.valueStart;
		data[at + VALUE_END] = property.valueEnd;
	}

	private textOf(index: number): string {
		return this.texts[this.file(index)];
	}

	/** A scanner on the property's line, which it has just scanned (its line numbers count from there). */
	private scanAgain(index: number): LineCursor {
		const scanner = scanLines(this.textOf(index), this.data[index * fieldCount + LINE_START]);
		scanner.advance();
		return scanner;
	}

	private location(index: number, start: number, end: number, line: number, columnBase: number): SourceLocation {
		return { file: this.file(index), range: textRange(start, end, line, columnBase) };
	}
}

/**
 * Advances `scanner`, on a property's line or one of its indented lines, to the property's next indented line
 * (a continuation or a sub-property): false when the property ends first. Blank and comment lines between them
 * do not end it.
 */
function advanceToIndented(scanner: LineCursor): boolean {
	while (scanner.advance()) {
		const { kind } = scanner;
		if (kind === 'header' || kind === 'property') {
			return false;
		}
		if (kind === 'continuation' || kind === 'sub-property') {
			return true;
		}
	}
	return false;
}

/**
 * The properties of one section, by name, in the order they were first defined: a ReadonlyMap whose
 * PropertyDefinitions are made when they are read (a new one each time). A section holds two to five properties,
 * so a lookup walks them, comparing string pointers (keys are interned by the reader), which is no slower than
 * hashing; a section with many properties has a Map of them as well (sectionTable.ts), so that reading one stays
 * linear. Where the section's list starts is the subclass's to say.
 */
export abstract class SectionProperties implements ReadonlyMap<string, PropertyDefinition> {
	protected declare readonly store: PropertyStore;

	constructor(store: PropertyStore) {
		this.store = store;
	}

	abstract get size(): number;

	/** The section's first property, -1 when it has none; the store links each to the next. */
	protected abstract get first(): number;

	/** The section's properties by name, when it is long enough to have them so. */
	protected abstract get byName(): ReadonlyMap<string, number> | undefined;

	/** The index of the property named `key` in the store, or -1. */
	indexOf(key: string): number {
		return this.store.find(this.first, this.byName, key);
	}

	/** The value of `key`, without making its definition: what the profile model reads of every profile. */
	valueOf(key: string): string | undefined {
		const index = this.indexOf(key);
		return index === -1 ? undefined : this.store.value(index);
	}

	/** Calls `visit` with each key, in order, making nothing. */
	forEachKey<T>(visit: (this: T, key: string) => void, thisArg: T): void {
		const store = this.store;
		for (let index = this.first; index !== -1; index = store.next(index)) {
			visit.call(thisArg, store.name(index));
		}
	}

	get(key: string): PropertyDefinition | undefined {
		const index = this.indexOf(key);
		return index === -1 ? undefined : new StoredProperty(this.store, index);
	}

	has(key: string): boolean {
		return this.indexOf(key) !== -1;
	}

	forEach(callback: (value: PropertyDefinition, key: string, map: ReadonlyMap<string, PropertyDefinition>) => void, thisArg?: unknown): void {
		const store = this.store;
		for (let index = this.first; index !== -1; index = store.next(index)) {
			callback.call(thisArg, new StoredProperty(store, index), store.name(index), this);
		}
	}

	entries(): IterableIterator<[string, PropertyDefinition]> {
		return new IndexIterator(this.store, this.first, -1, nextProperty, entryOf);
	}

	keys(): IterableIterator<string> {
		return new IndexIterator(this.store, this.first, -1, nextProperty, nameOf);
	}

	values(): IterableIterator<PropertyDefinition> {
		return new IndexIterator(this.store, this.first, -1, nextProperty, definitionOf);
	}

	[Symbol.iterator](): IterableIterator<[string, PropertyDefinition]> {
		return this.entries();
	}

	get [Symbol.toStringTag](): string {
		return 'SectionProperties';
	}
}

/** A property of the store, as a PropertyDefinition. */
class StoredProperty implements PropertyDefinition {
	constructor(private readonly store: PropertyStore, private readonly index: number) {}

	get name(): string {
		return this.store.name(this.index);
	}

	get value(): string {
		return this.store.value(this.index);
	}

	get subProperties(): ReadonlyMap<string, string> | undefined {
		return this.store.subProperties(this.index);
	}

	get key(): SourceLocation {
		return this.store.keyLocation(this.index);
	}

	get valueRange(): SourceLocation {
		return this.store.valueLocation(this.index);
	}
}

/** The iterators' order: the store's links, until -1. */
function nextProperty(store: PropertyStore, index: number): number {
	return store.next(index);
}

function entryOf(store: PropertyStore, index: number): [string, PropertyDefinition] {
	return [store.name(index), new StoredProperty(store, index)];
}

function nameOf(store: PropertyStore, index: number): string {
	return store.name(index);
}

function definitionOf(store: PropertyStore, index: number): PropertyDefinition {
	return new StoredProperty(store, index);
}
