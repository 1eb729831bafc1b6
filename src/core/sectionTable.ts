/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The sections of one kind that the standard reader found (profiles, sso-sessions or services), by name: a
// NameTable whose sections are kept as numbers while the files are read (where each header and the name in the
// first one are written, which property comes first and last, how many there are), and made into Section objects
// when someone reads them. The reader (standardReader.ts) adds sections, headers and properties by index.
//
// Why numbers: with an object per section and a string per name, a 100,000-profile read kept about 150 bytes more
// per profile on the heap, and made more for each header it read again; garbage collection copied them out of the
// young generation and marked them again in the old one, which made a read of 100,000 profiles cost more than
// eleven times a read of 10,000 (`npm run bench`). The properties are numbers for the same reason
// (propertyStore.ts).

import type { FileRole } from './profileFilesReader';
import { Section, SectionKind, SourceLocation, textRange } from './profileSet';
import { Int32Records } from './int32Records';
import { hashAt, NameIndex, NameTable, sameText } from './nameTable';
import { PropertyStore, SectionProperties } from './propertyStore';

/** The numbers of a header: the first one of a section, in its record, and each later one, in a record of its own. */
const FILE = 0; // fileCode
const LINE = 1;
const START = 2; // where the header starts (its `[`)
const END = 3; // where it ends
/** The rest of a section's numbers, at `index * fieldCount` in the table's data. */
const FIRST = 4; // the first property, or -1
const LAST = 5; // the last property, or -1
const SIZE = 6; // how many properties
const MORE = 7; // the index of its second header in `moreHeaders`, or -1
const NAME_BITS = 8; // bit `nameId % 32` of each of its properties' names, set (see `propertyIndexByName`)
const fieldCount = 9;
/** The rest of a later header's numbers, at `index * headerFieldCount` in `moreHeaders`' data. */
const NEXT_HEADER = 4; // the section's next header, or -1
const headerFieldCount = 5;
/** The numbers of a section's name, at `index * nameFieldCount` in SectionNames' data. */
const NAME_FILE = 0; // fileCode
const NAME_START = 1;
const NAME_END = 2;
const nameFieldCount = 3;

/** From this many properties on, a section's lookups go through a Map. */
const indexedFrom = 9;

/** Where a header, and the name in it, are written: what the reader's scanner knows of a header line. */
export interface HeaderPosition {
	readonly line: number;
	readonly start: number;
	readonly headerEnd: number;
	readonly nameStart: number;
	readonly nameEnd: number;
}

/**
 * The sections' names, kept as where they are written (the name in the section's first header) rather than as
 * strings: a string each is what a 100,000-profile read would otherwise keep, and make for every header, most of
 * all. A name is sliced from the text when someone reads it.
 */
class SectionNames extends NameIndex {
	/** Per name: its file (fileCode), where it starts and where it ends, at `entry * nameFieldCount`. */
	private readonly ranges = new Int32Records(nameFieldCount);

	constructor(private readonly store: PropertyStore) {
		super();
	}

	get size(): number {
		return this.ranges.count;
	}

	keyAt(entry: number): string {
		const { data } = this.ranges;
		return this.textOf(entry).slice(data[entry * nameFieldCount + NAME_START], data[entry * nameFieldCount + NAME_END]);
	}

	/** Adds the name written from `start` to `end` in `file`, which must not be there yet, and returns its index. */
	add(file: FileRole, start: number, end: number): number {
		const index = this.ranges.count;
		this.place(index, hashAt(this.store.text(file), start, end));
		const at = this.ranges.add() * nameFieldCount;
		const { data } = this.ranges;
		data[at + NAME_FILE] = fileCode(file);
		data[at + NAME_START] = start;
		data[at + NAME_END] = end;
		return index;
	}

	/** Compares the names as written: the standard's section names are case-sensitive, and none is looked up lower-cased. */
	protected isKeyAt(entry: number, text: string, start: number, end: number): boolean {
		const { data } = this.ranges;
		const keyStart = data[entry * nameFieldCount + NAME_START];
		const length = data[entry * nameFieldCount + NAME_END] - keyStart;
		return length === end - start && sameText(this.textOf(entry), keyStart, text, start, length);
	}

	private textOf(entry: number): string {
		return this.store.text(fileOf(this.ranges.data[entry * nameFieldCount + NAME_FILE]));
	}
}

export class SectionTable extends NameTable<Section> {
	/** The sections' numbers, by index: each added with its key, so that the two share indices. */
	private readonly records = new Int32Records(fieldCount);
	/** The headers after the first, of the sections written more than once, each section's linked by NEXT_HEADER. */
	private readonly moreHeaders = new Int32Records(headerFieldCount);
	/** The properties by name, of the sections that have many. */
	private readonly byName = new Map<number, Map<string, number>>();

	private readonly names: SectionNames;

	constructor(readonly kind: SectionKind, readonly store: PropertyStore) {
		const names = new SectionNames(store);
		super(names);
		this.names = names;
	}

	/** The index of the section whose name is written from `start` to `end` in `text`, or -1. */
	indexOfName(text: string, start: number, end: number): number {
		return this.names.indexOfText(text, start, end);
	}

	/**
	 * Makes room for the sections of a text of this length: one every 64 characters, which few files have (a
	 * profile with a key pair takes about 100); more is added if needed.
	 */
	reserveFor(text: string): void {
		this.records.reserve(text.length >> 6);
		// The name index is sized for half that: its slots, unlike the records, are all touched whether used or not.
		this.reserveKeys(text.length >> 7);
	}

	/**
	 * Adds the section named in `header` (from `nameStart` to `nameEnd`), which must not be there yet, first written
	 * there in `file`; returns its index.
	 */
	addSection(file: FileRole, header: HeaderPosition): number {
		const at = this.names.add(file, header.nameStart, header.nameEnd);
		this.records.add();
		const base = at * fieldCount;
		const data = this.data;
		writeHeader(data, base, file, header);
		data[base + FIRST] = -1;
		data[base + LAST] = -1;
		data[base + SIZE] = 0;
		data[base + MORE] = -1;
		data[base + NAME_BITS] = 0;
		return at;
	}

	/** Adds a later header of the section at `at`. */
	addHeader(at: number, file: FileRole, header: HeaderPosition): void {
		const added = this.moreHeaders.add();
		writeHeader(this.moreHeaders.data, added * headerFieldCount, file, header);
		this.moreHeaders.data[added * headerFieldCount + NEXT_HEADER] = -1;
		let last = this.data[at * fieldCount + MORE];
		if (last === -1) {
			this.data[at * fieldCount + MORE] = added;
			return;
		}
		const more = this.moreHeaders.data;
		while (more[last * headerFieldCount + NEXT_HEADER] !== -1) {
			last = more[last * headerFieldCount + NEXT_HEADER];
		}
		more[last * headerFieldCount + NEXT_HEADER] = added;
	}

	/** The line of the section's first header in `file`, or -1. */
	firstLineIn(at: number, file: FileRole): number {
		const wanted = fileCode(file);
		for (let header = this.headers(at); header.next(); ) {
			if (header.data[header.base + FILE] === wanted) {
				return header.data[header.base + LINE];
			}
		}
		return -1;
	}

	/** Every header of the section, in reading order; new objects each time. */
	headersOf(at: number): SourceLocation[] {
		const locations: SourceLocation[] = [];
		for (let header = this.headers(at); header.next(); ) {
			locations.push(header.location());
		}
		return locations;
	}

	/** Calls `visit` with the file and offset of each header of the section, in order, making no location. */
	forEachHeader(at: number, visit: (file: FileRole, offset: number) => void): void {
		for (let header = this.headers(at); header.next(); ) {
			visit(fileOf(header.data[header.base + FILE]), header.data[header.base + START]);
		}
	}

	private headers(at: number): HeaderCursor {
		return new HeaderCursor(this.data, at * fieldCount, this.moreHeaders.data, this.data[at * fieldCount + MORE]);
	}

	/** Adds the property `index` of the store, whose name is not among the section's yet, at the section's end. */
	appendProperty(at: number, index: number): void {
		const base = at * fieldCount;
		const data = this.data;
		const last = data[base + LAST];
		if (last === -1) {
			data[base + FIRST] = index;
		} else {
			this.store.link(last, index);
		}
		data[base + LAST] = index;
		data[base + NAME_BITS] |= 1 << (this.store.nameId(index) & 31);
		const size = ++data[base + SIZE];
		if (size === indexedFrom) {
			const byName = new Map<string, number>();
			for (let each = data[base + FIRST]; each !== -1; each = this.store.next(each)) {
				byName.set(this.store.name(each), each);
			}
			this.byName.set(at, byName);
		} else if (size > indexedFrom) {
			this.byName.get(at)!.set(this.store.name(index), index);
		}
	}

	/**
	 * The index in the store of the section's property named `key`, whose name id is `nameId`, or -1. A bit per
	 * name id answers most lookups of a name the section does not have, as the reader makes for each property it
	 * reads, without going through its properties: with 100,000 profiles, those of the credentials file merged into
	 * the config file's sections were a cache miss each, far from where the reader was.
	 */
	propertyIndexByName(at: number, nameId: number, key: string): number {
		if ((this.data[at * fieldCount + NAME_BITS] & (1 << (nameId & 31))) === 0) {
			return -1;
		}
		return this.store.find(this.firstProperty(at), this.propertiesByName(at), key);
	}

	firstProperty(at: number): number {
		return this.data[at * fieldCount + FIRST];
	}

	propertyCount(at: number): number {
		return this.data[at * fieldCount + SIZE];
	}

	propertiesByName(at: number): ReadonlyMap<string, number> | undefined {
		return this.data[at * fieldCount + SIZE] < indexedFrom ? undefined : this.byName.get(at);
	}

	nameAt(at: number): string {
		return this.names.keyAt(at);
	}

	/** The section at `at`, made the first time it is read and then kept, so that it is the same object each time. */
	sectionAt(at: number): StoredSection {
		return this.valueAt(at) as StoredSection;
	}

	protected override valueAt(at: number): Section {
		return this.entries_[at] ??= new StoredSection(this, at);
	}

	private get data(): Int32Array {
		return this.records.data;
	}
}

function writeHeader(data: Int32Array, base: number, file: FileRole, header: HeaderPosition): void {
	data[base + FILE] = fileCode(file);
	data[base + LINE] = header.line;
	data[base + START] = header.start;
	data[base + END] = header.headerEnd;
}

/** A file as a number, in the records: 1 for the credentials file, 0 for the config file. */
function fileCode(file: FileRole): number {
	return file === 'credentials' ? 1 : 0;
}

function fileOf(code: number): FileRole {
	return code === 1 ? 'credentials' : 'config';
}

/** Goes through the headers of a section: its first, in its record, then the later ones, linked by NEXT_HEADER. */
class HeaderCursor {
	/** The header's numbers are at `base` in `data`, once `next` has returned true. */
	data: Int32Array;
	base = -1;

	constructor(first: Int32Array, private readonly firstBase: number, private readonly more: Int32Array, private nextMore: number) {
		this.data = first;
	}

	next(): boolean {
		if (this.base === -1) {
			this.base = this.firstBase;
			return true;
		}
		if (this.nextMore === -1) {
			return false;
		}
		this.data = this.more;
		this.base = this.nextMore * headerFieldCount;
		this.nextMore = this.more[this.base + NEXT_HEADER];
		return true;
	}

	location(): SourceLocation {
		const { data, base } = this;
		const offset = data[base + START];
		const line = data[base + LINE];
		// A header line starts with its `[`, where its columns count from, except on the first line: there they
		// count from 0, and the `[` is at column 1 after a byte order mark.
		return { file: fileOf(data[base + FILE]), range: textRange(offset, data[base + END], line, line === 0 ? 0 : offset) };
	}
}

/** A section of a table, read from its numbers. */
export class StoredSection extends SectionProperties implements Section {
	// Declared and set in the constructor, as in iniScanner.ts: class field initializers are slow in V8.
	declare readonly kind: SectionKind;
	declare readonly name: string;
	private declare readonly table: SectionTable;
	private declare readonly at: number;

	constructor(table: SectionTable, at: number) {
		super(table.store);
		this.table = table;
		this.at = at;
		this.kind = table.kind;
		this.name = table.nameAt(at);
	}

	/** The section is its own map of properties. */
	get properties(): SectionProperties {
		return this;
	}

	get headers(): SourceLocation[] {
		return this.table.headersOf(this.at);
	}

	get size(): number {
		return this.table.propertyCount(this.at);
	}

	protected get first(): number {
		return this.table.firstProperty(this.at);
	}

	protected get byName(): ReadonlyMap<string, number> | undefined {
		return this.table.propertiesByName(this.at);
	}

	/** Calls `visit` with the offset of each header, in order, without making their locations. */
	forEachHeader(visit: (file: FileRole, offset: number) => void): void {
		this.table.forEachHeader(this.at, visit);
	}
}
