/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The sections of one kind that the standard reader found (profiles, sso-sessions or services), by name: a
// NameTable whose sections are kept as numbers while the files are read, in one Int32Array for the table (where
// the first header is, which property comes first and last, how many there are), and made into Section objects
// when someone reads them. The reader (standardReader.ts) adds sections, headers and properties by index.
//
// Why numbers: with an object per section, a 100,000-profile read kept about 120 bytes more per profile on the
// heap, which garbage collection copied out of the young generation and marked again in the old one; that made a
// read of 100,000 profiles cost more than ten times a read of 10,000 (`npm run bench`). The properties are
// numbers for the same reason (propertyStore.ts).

import type { FileRole } from './profileFilesReader';
import { Section, SectionKind, SourceLocation, textRange, TextRange } from './profileSet';
import { Int32Records } from './int32Records';
import { NameTable } from './nameTable';
import { PropertyStore, SectionProperties } from './propertyStore';

/** The numbers of one section, at `index * fieldCount` in the table's data. */
const FILE = 0; // of the first header: 1 for the credentials file, else 0
const LINE = 1; // the first header's line
const START = 2; // where the first header starts (its `[`)
const END = 3; // where it ends
const FIRST = 4; // the first property, or -1
const LAST = 5; // the last property, or -1
const SIZE = 6; // how many properties
const fieldCount = 7;

/** From this many properties on, a section's lookups go through a Map. */
const indexedFrom = 9;

/** Where a header is: what the reader knows of the first header of a section. */
export interface HeaderPosition {
	readonly line: number;
	readonly start: number;
	readonly headerEnd: number;
}

export class SectionTable extends NameTable<Section> {
	/** The sections' numbers, by index: each added with its key, so that the two share indices. */
	private readonly records = new Int32Records(fieldCount);
	/** The headers after the first, of the sections written more than once. */
	private readonly moreHeaders = new Map<number, SourceLocation[]>();
	/** The properties by name, of the sections that have many. */
	private readonly byName = new Map<number, Map<string, number>>();

	constructor(readonly kind: SectionKind, readonly store: PropertyStore) {
		super();
	}

	/** The index of the section `name`, or -1. */
	override indexOf(name: string): number {
		return super.indexOf(name);
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

	/** Adds the section `name`, which must not be there yet, first written at `header` in `file`; returns its index. */
	addSection(name: string, file: FileRole, header: HeaderPosition): number {
		const at = this.addKey(name);
		this.records.add();
		const base = at * fieldCount;
		const data = this.data;
		data[base + FILE] = file === 'credentials' ? 1 : 0;
		data[base + LINE] = header.line;
		data[base + START] = header.start;
		data[base + END] = header.headerEnd;
		data[base + FIRST] = -1;
		data[base + LAST] = -1;
		data[base + SIZE] = 0;
		return at;
	}

	/** Adds a later header of the section at `at`. */
	addHeader(at: number, file: FileRole, range: TextRange): void {
		const location: SourceLocation = { file, range };
		const more = this.moreHeaders.get(at);
		if (more) {
			more.push(location);
		} else {
			this.moreHeaders.set(at, [location]);
		}
	}

	/** The line of the section's first header in `file`, or -1. */
	firstLineIn(at: number, file: FileRole): number {
		if (this.fileOf(at) === file) {
			return this.data[at * fieldCount + LINE];
		}
		const header = this.moreHeaders.get(at)?.find(location => location.file === file);
		return header ? header.range.line : -1;
	}

	/** Every header of the section, in reading order; new objects each time. */
	headersOf(at: number): SourceLocation[] {
		const base = at * fieldCount;
		const offset = this.data[base + START];
		const line = this.data[base + LINE];
		// A header line starts with its `[`, where its columns count from, except on the first line: there they
		// count from 0, and the `[` is at column 1 after a byte order mark.
		const range = textRange(offset, this.data[base + END], line, line === 0 ? 0 : offset);
		const first: SourceLocation = { file: this.fileOf(at), range };
		const more = this.moreHeaders.get(at);
		return more ? [first, ...more] : [first];
	}

	/** Calls `visit` with the file and offset of each header of the section, in order, making no location. */
	forEachHeader(at: number, visit: (file: FileRole, offset: number) => void): void {
		visit(this.fileOf(at), this.data[at * fieldCount + START]);
		this.moreHeaders.get(at)?.forEach((location) => visit(location.file, location.range.offset));
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

	/** The index in the store of the section's property `key`, or -1. */
	propertyIndex(at: number, key: string): number {
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
		return this.index.keys[at];
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

	private fileOf(at: number): FileRole {
		return this.data[at * fieldCount + FILE] === 1 ? 'credentials' : 'config';
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
