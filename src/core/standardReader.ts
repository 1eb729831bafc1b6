/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The semantic layer of the standard reader (like smithy-rs `env_config/normalize.rs`): the literal sections of
// both files (rawProfileFile.ts) become the profiles, sso-sessions and services sections the SDKs that follow
// the shared suites see. The rules, each pinned by the suites:
//   - config file: `[profile x]`, `[sso-session x]`, `[services x]`, and `[default]`; any other unprefixed
//     section is ignored, and `[profile default]` replaces every `[default]` of the same file;
//   - credentials file: `[x]` only; `[profile x]` and config-only sections are ignored;
//   - names and keys are identifiers (A-Z a-z 0-9 _ - / . % @ : +), anything else is ignored;
//   - keys are lower-cased (ASCII); sub-property keys keep their case (smithy-rs, Kotlin);
//   - duplicate sections merge, a repeated key takes the later value, and the credentials file is read after
//     the config file, so its values win.
// What is ignored, merged or overridden is a located Problem, never an exception: a warning when text has no
// effect, most likely by mistake; info when the standard means it so (a repeated section merged, a config value
// that the credentials file overrides, a section of a kind that holds no profile settings). Messages quote nothing from the files: a name or key may be a pasted secret.
//
// Where the suites disagree, this follows smithy-rs (see test/unit/standardReader.suites.test.ts): keys are
// lower-cased, a value with sub-properties keeps smithy-rs's raw text (the parsed map is given beside it), and
// a config-only section in the credentials file is ignored, not an error.
//
// Speed (see `npm run bench`): the sections are merged as the literal layer reads them (this is its sink),
// straight from its scanner, and a read keeps only numbers: the sections, their names and headers
// (sectionTable.ts) and their properties (propertyStore.ts) make their names, values and SourceLocations from the
// text when asked for. Names are checked and looked up where they are written, never sliced. Merging as the file
// is read needs one thing from further down: whether a `[profile default]` replaces `[default]`, which is looked
// for at the first `[default]`.

import type { FileRole } from './profileFilesReader';
import {
	Problem,
	ProblemSeverity,
	ProfileSet,
	Section,
	SectionKind,
	TextRange,
	textRange,
} from './profileSet';
import { keepShapesAlive, LineCursor, scanLines } from './iniScanner';
import { isValidIdentifier, isValidIdentifierAt } from './identifiers';
import { Int32Records } from './int32Records';
import { NameTable, sameText } from './nameTable';
import { Keys } from './profileKeys';
import { PropertyData, PropertyStore } from './propertyStore';
import { SectionTable, StoredSection } from './sectionTable';
import { EarlierParse, literalSink, parseRawLines, RawFileSink, RawProfileFile, SyntaxProblemCode, teeSink } from './rawProfileFile';
import type { FileTexts, Reading, ReadingResult, ReadingSection, ReadingValue } from './reading';

/** What the standard drops, merges or overrides: not errors, the files still load. */
export type SemanticProblemCode =
	| 'section/invalid-name'
	| 'section/missing-profile-prefix'
	| 'section/profile-prefix-in-credentials'
	| 'section/config-only-in-credentials'
	| 'section/default-shadowed'
	| 'section/unknown-kind'
	| 'section/duplicate'
	| 'property/invalid-name'
	| 'property/duplicate'
	| 'property/overridden-by-credentials'
	| 'sub-property/invalid-name'
	| 'sub-property/duplicate';

/** Every code a Problem of the standard reader can carry. */
export type StandardProblemCode = SyntaxProblemCode | SemanticProblemCode;

/**
 * Reads the two files as the standard does. An absent file reads as an empty one. A file with syntax errors is
 * still read as far as it goes (so an editor can show what it holds), but the standard refuses it: see
 * `toReading`. Never throws.
 */
export function readStandard(texts: FileTexts): ProfileSet {
	const merger = new Merger();
	for (const file of ['config', 'credentials'] as const) {
		const text = texts[file];
		if (text !== undefined) {
			merger.mergeFile(file, text);
		}
	}
	return merger.result();
}

/**
 * `readStandard`, with the literal parse of each file (rawProfileFile.ts) made in the same scan of its text:
 * what the lint engine needs of both, for half the work. `earlier`: the files' texts and literal parses a moment
 * ago; a file whose text is the same is not parsed literally again, and an edited one takes the objects of the
 * lines the edit left alone (`literalSink`).
 */
export function readStandardAndLiteral(texts: FileTexts, earlier: Partial<Record<FileRole, EarlierParse>> = {}): {
	readonly standard: ProfileSet;
	readonly literal: Partial<Record<FileRole, RawProfileFile>>;
} {
	const merger = new Merger();
	const literal: Partial<Record<FileRole, RawProfileFile>> = {};
	for (const file of ['config', 'credentials'] as const) {
		const text = texts[file];
		if (text !== undefined) {
			literal[file] = merger.mergeFileAndParse(file, text, earlier[file]);
		}
	}
	return { standard: merger.result(), literal };
}

/**
 * The reading in the Ruby suite's shape: an error when the standard refuses the input (any problem of severity
 * 'error', i.e. a syntax error in either file), else each profile's and sso-session's values, sub-properties as
 * maps.
 */
export function toReading(set: ProfileSet): ReadingResult {
	const error = set.problems.find(problem => problem.severity === 'error');
	if (error) {
		const { file, range } = error.location;
		return { ok: false, error: `${file} file, line ${range.line + 1}: ${error.message}`, file };
	}
	const reading: Reading = { profiles: toRecords(set.profiles), ssoSessions: toRecords(set.ssoSessions) };
	return { ok: true, reading };
}

/** One section as `toReading` gives it: its values, sub-properties as records. */
export function toReadingSection(section: Section): ReadingSection {
	const values: Record<string, ReadingValue> = {};
	for (const [key, property] of section.properties) {
		setOwn(values, key, property.subProperties ? recordOf(property.subProperties) : property.value);
	}
	return values;
}

/**
 * Calls `visit` with the file and offset (of the `[`) of each header of `section`, in order: what
 * `section.headers` gives, without making a location for each, for who goes through thousands of sections.
 */
export function forEachHeaderOffset(section: Section, visit: (file: FileRole, offset: number) => void): void {
	if (section instanceof StoredSection) {
		section.forEachHeader(visit);
	} else {
		section.headers.forEach((header) => visit(header.file, header.range.offset));
	}
}

const identifierRule = 'may only contain letters, digits and _ - / . % @ : +';

/** A key name as the reader interns it, with whether it is an identifier of the standard (checked once). */
interface InternedKey {
	readonly name: string;
	/** Its index in `KeyNames.names`. */
	readonly id: number;
	readonly valid: boolean;
}

/**
 * The key names read, each as one string, found from the text itself. Files repeat a few keys thousands of
 * times, and slicing each one only to look it up in a Map (whose hash of a new string is computed outside
 * JavaScript) was the costliest step of reading a key. The keys the profile model looks up are its own
 * constants (profileKeys.ts), so that its lookups compare pointers.
 */
class KeyNames {
	/** By name, each lower-cased in ASCII. */
	private readonly keys = new NameTable<InternedKey>();
	/** The names by id, in the order they were first read. */
	readonly names: string[] = [];

	constructor() {
		for (const key of Object.values(Keys)) {
			this.intern(key, true);
		}
	}

	/** The key written from `start` to `end` in `text`: lower-cased in ASCII, as the standard reads it. */
	keyAt(text: string, start: number, end: number): InternedKey {
		const key = this.keys.getLowerCased(text, start, end);
		if (key !== undefined) {
			return key;
		}
		const name = asciiLowerCase(text.slice(start, end));
		return this.intern(name, isValidIdentifier(name));
	}

	private intern(name: string, valid: boolean): InternedKey {
		const key = { name, id: this.names.length, valid };
		this.names.push(name);
		this.keys.add(name, key);
		return key;
	}
}

class Merger {
	private readonly names = new KeyNames();
	private readonly store = new PropertyStore(this.names.names);
	private readonly sections = sectionTables(this.store);
	private readonly problems = new ProblemList();

	mergeFile(file: FileRole, text: string): void {
		parseRawLines(text, this.fileMerger(file, text));
	}

	/** Merges the file in, and returns its literal parse: the earlier one when the text is the same, else made in the same scan. */
	mergeFileAndParse(file: FileRole, text: string, earlier: EarlierParse | undefined): RawProfileFile {
		if (earlier?.text === text) {
			this.mergeFile(file, text);
			return earlier.raw;
		}
		const literal = literalSink(text, earlier);
		return literal.result(parseRawLines(text, teeSink(literal.sink, this.fileMerger(file, text))));
	}

	private fileMerger(file: FileRole, text: string): FileMerger {
		this.store.setText(file, text);
		this.sections.profile.reserveFor(text);
		return new FileMerger(file, text, this.problems, this.sections, this.names, this.store);
	}

	result(): ProfileSet {
		return {
			profiles: this.sections['profile'],
			ssoSessions: this.sections['sso-session'],
			services: this.sections['services'],
			problems: this.problems.sorted(),
		};
	}
}

/**
 * The problems of both files, reported in the order of the text (config file first) whatever pass found them;
 * in one place, a file's syntax problems come before the other ones.
 */
class ProblemList {
	private readonly syntax: Problem[] = [];
	private readonly semantic: Problem[] = [];

	addSyntax(file: FileRole, code: SyntaxProblemCode, message: string, range: TextRange): void {
		this.syntax.push({ code, severity: 'error', message, location: { file, range } });
	}

	add(file: FileRole, code: SemanticProblemCode, severity: ProblemSeverity, message: string, range: TextRange): void {
		this.semantic.push({ code, severity, message, location: { file, range } });
	}

	sorted(): Problem[] {
		return this.syntax.concat(this.semantic).sort((a, b) => fileOrder(a.location.file) - fileOrder(b.location.file)
			|| a.location.range.offset - b.location.range.offset);
	}
}

type SectionTables = Readonly<Record<SectionKind, SectionTable>>;

function sectionTables(store: PropertyStore): SectionTables {
	return {
		'profile': new SectionTable('profile', store),
		'sso-session': new SectionTable('sso-session', store),
		'services': new SectionTable('services', store),
	};
}

function fileOrder(file: FileRole): number {
	return file === 'config' ? 0 : 1;
}

/**
 * Whether a closed `[profile default]` header is in the text from `from` on. Looks only at the lines that
 * contain `default`, each once.
 */
function hasPrefixedDefault(text: string, from: number): boolean {
	for (; ;) {
		const found = text.indexOf('default', from);
		if (found === -1) {
			return false;
		}
		const lineStart = text.lastIndexOf('\n', found) + 1;
		const scanner = scanLines(text, lineStart === 0 ? undefined : lineStart);
		scanner.advance();
		if (scanner.kind === 'header' && scanner.closed && scanner.prefixStart !== -1
			&& textIs(text, scanner.prefixStart, scanner.prefixEnd, 'profile')
			&& textIs(text, scanner.nameStart, scanner.nameEnd, 'default')) {
			return true;
		}
		from = scanner.next;
	}
}

function textIs(text: string, start: number, end: number, expected: string): boolean {
	return end - start === expected.length && text.startsWith(expected, start);
}

/** The numbers of a sub-property line that `FileMerger.subPropertyMarks` keeps. */
const MARK_LINE = 0;
const MARK_COLUMN_BASE = 1; // where the line's columns count from
const MARK_KEY_START = 2;
const MARK_KEY_END = 3;
const markFieldCount = 4;


/** The property being read, until its last line: one object per file, reused for each property. */
class OpenProperty implements PropertyData {
	// Declared and set in the constructor, as in iniScanner.ts: class field initializers are slow in V8.
	declare name: string;
	declare nameId: number;
	/** Whether the key is an identifier of the standard. */
	declare valid: boolean;
	declare readonly file: FileRole;
	declare lineStart: number;
	declare keyLine: number;
	declare valueStart: number;
	declare valueEnd: number;
	declare multiline: boolean;
	declare hasSubProperties: boolean;
	/** Where the key is: for the problem of an invalid one. */
	declare keyStart: number;
	declare keyEnd: number;
	declare columnBase: number;

	constructor(file: FileRole) {
		this.name = '';
		this.nameId = 0;
		this.valid = false;
		this.file = file;
		this.lineStart = 0;
		this.keyLine = 0;
		this.valueStart = 0;
		this.valueEnd = 0;
		this.multiline = false;
		this.hasSubProperties = false;
		this.keyStart = 0;
		this.keyEnd = 0;
		this.columnBase = 0;
	}

	/** Opens the property on the scanner's line. */
	open(key: InternedKey, scanner: LineCursor): void {
		this.name = key.name;
		this.nameId = key.id;
		this.valid = key.valid;
		this.lineStart = scanner.start;
		this.keyLine = scanner.line;
		this.valueStart = scanner.valueStart;
		this.valueEnd = scanner.valueEnd;
		this.multiline = false;
		this.hasSubProperties = false;
		this.keyStart = scanner.keyStart;
		this.keyEnd = scanner.keyEnd;
		this.columnBase = scanner.columnBase;
	}

	get keyRange(): TextRange {
		return textRange(this.keyStart, this.keyEnd, this.keyLine, this.columnBase);
	}
}

/**
 * Merges one file into the sections read so far, section by section as the literal layer reads them: the sink
 * of parseRawLines. Syntax problems are the literal layer's; the others are found here.
 */
class FileMerger implements RawFileSink {
	/** Where the current section's properties go: its table and its index there; -1 while the standard ignores it. */
	private table: SectionTable | undefined;
	private target = -1;
	/** The property being read, when `isOpen`. */
	private readonly open: OpenProperty;
	private isOpen = false;
	/**
	 * The open property's well-formed sub-property lines (`key = value`), kept until it is complete, four numbers
	 * each: line, where its columns count from, key start and end. Reused.
	 */
	private readonly subPropertyMarks = new Int32Records(markFieldCount);
	/** Whether a `[profile default]` was read already, which replaces every `[default]` of the file. */
	private prefixedDefaultAbove = false;
	/** Whether the file's `[default]` sections are replaced: known from the first of them on. */
	private shadowsDefault: boolean | undefined;

	constructor(
		private readonly file: FileRole,
		private readonly text: string,
		private readonly problemList: ProblemList,
		private readonly sections: SectionTables,
		private readonly names: KeyNames,
		private readonly store: PropertyStore,
	) {
		this.open = new OpenProperty(file);
	}

	line(): void {
		// Nothing to keep of a line as such.
	}

	section(scanner: LineCursor): void {
		this.target = this.targetOf(scanner);
	}

	property(scanner: LineCursor): void {
		if (this.target === -1) {
			return; // a section the standard ignores: nothing of it is read
		}
		this.open.open(this.names.keyAt(this.text, scanner.keyStart, scanner.keyEnd), scanner);
		this.isOpen = true;
	}

	indented(scanner: LineCursor): void {
		if (!this.isOpen) {
			return;
		}
		this.open.multiline = true;
		if (scanner.kind === 'sub-property') {
			this.open.hasSubProperties = true;
			if (scanner.equals !== -1 && scanner.keyEnd > scanner.keyStart) { // otherwise a syntax error already
				const marks = this.subPropertyMarks;
				const at = marks.add() * markFieldCount;
				marks.data[at + MARK_LINE] = scanner.line;
				marks.data[at + MARK_COLUMN_BASE] = scanner.columnBase;
				marks.data[at + MARK_KEY_START] = scanner.keyStart;
				marks.data[at + MARK_KEY_END] = scanner.keyEnd;
			}
		}
	}

	endProperty(): void {
		if (!this.isOpen) {
			return;
		}
		this.isOpen = false;
		this.mergeProperty(this.open);
		this.subPropertyMarks.clear();
	}

	endSection(): void {
		this.target = -1;
	}

	problem(code: SyntaxProblemCode, message: string, range: TextRange): void {
		this.problemList.addSyntax(this.file, code, message, range);
	}

	/**
	 * The index of the section a header opens in this file, in the table it sets `this.table` to; -1 (and a
	 * problem) when the standard ignores it.
	 */
	private targetOf(scanner: LineCursor): number {
		if (!scanner.closed) {
			return -1; // already a syntax error; its lines belong to no section
		}
		// The name is never made a string here: a section's name is sliced from the text when read (sectionTable.ts).
		const kind = scanner.prefixStart === -1
			? this.classifyUnprefixed(scanner)
			: this.file === 'config' ? this.classifyPrefixedInConfig(scanner) : this.classifyPrefixedInCredentials(scanner);
		if (!kind) {
			return -1;
		}
		if (this.file === 'config' && kind === 'profile' && this.isDefault(scanner) && this.isDefaultShadowed(scanner)) {
			this.report('section/default-shadowed', 'warning',
				'[profile default] in this file takes precedence: the standard ignores this [default] section.',
				this.headerRange(scanner));
			return -1;
		}
		const table = this.table = this.sections[kind];
		const at = table.indexOfName(this.text, scanner.nameStart, scanner.nameEnd);
		if (at === -1) {
			return table.addSection(this.file, scanner);
		}
		this.noteDuplicate(table, at, scanner);
		table.addHeader(at, this.file, scanner);
		return at;
	}

	/**
	 * For the profile `default` in the config file: whether this is a `[default]` that a `[profile default]` of
	 * the file replaces, which may come above or below it. The rest of the file is searched at the first
	 * `[default]`, once, and only in a file that has one.
	 */
	private isDefaultShadowed(scanner: LineCursor): boolean {
		if (scanner.prefixStart !== -1) {
			this.prefixedDefaultAbove = true;
			return false;
		}
		this.shadowsDefault ??= this.prefixedDefaultAbove || hasPrefixedDefault(this.text, scanner.next);
		return this.shadowsDefault;
	}

	private isDefault(scanner: LineCursor): boolean {
		return textIs(this.text, scanner.nameStart, scanner.nameEnd, 'default');
	}

	private classifyUnprefixed(scanner: LineCursor): SectionKind | undefined {
		if (this.file === 'config' && this.isDefault(scanner)) {
			return 'profile';
		}
		if (this.file === 'config' && scanner.nameEnd > scanner.nameStart) {
			// Even with a valid name the section is ignored: the prefix is what is missing.
			this.report('section/missing-profile-prefix', 'warning',
				'In the config file a profile section is written [profile name] (only [default] may omit the prefix): '
				+ 'the standard ignores this section.', this.headerRange(scanner));
			return undefined;
		}
		return this.checkName(scanner, 'profile') ? 'profile' : undefined;
	}

	private classifyPrefixedInConfig(scanner: LineCursor): SectionKind | undefined {
		const kind = this.sectionKindAt(scanner);
		if (!kind) {
			this.report('section/unknown-kind', 'info',
				'Not a profile, sso-session or services section: the standard keeps it, but reads no profile settings '
				+ 'from it.', this.headerRange(scanner));
			return undefined;
		}
		return this.checkName(scanner, kind) ? kind : undefined;
	}

	private classifyPrefixedInCredentials(scanner: LineCursor): undefined {
		const kind = this.sectionKindAt(scanner);
		if (kind === 'profile') {
			this.report('section/profile-prefix-in-credentials', 'warning',
				"In the credentials file a profile section is written [name], without the 'profile' prefix: "
				+ 'the standard ignores this section.', this.headerRange(scanner));
		} else if (kind) {
			this.report('section/config-only-in-credentials', 'warning',
				`A ${kind} section belongs in the config file: the standard ignores it in the credentials file.`,
				this.headerRange(scanner));
		} else {
			// `[my profile]`: a name with a space, which is what the user meant, rather than an unknown prefix.
			this.report('section/invalid-name', 'warning',
				`A profile name ${identifierRule}: the standard ignores this section.`,
				scanner.rangeOf(scanner.prefixStart, scanner.nameEnd));
		}
		return undefined;
	}

	private checkName(scanner: LineCursor, kind: SectionKind): boolean {
		const { nameStart, nameEnd } = scanner;
		if (isValidIdentifierAt(this.text, nameStart, nameEnd)) {
			return true;
		}
		const message = nameEnd === nameStart
			? 'This section has no name: the standard ignores it.'
			: `A ${kind} name ${identifierRule}: the standard ignores this section.`;
		const range = nameEnd === nameStart ? this.headerRange(scanner) : scanner.rangeOf(nameStart, nameEnd);
		this.report('section/invalid-name', 'warning', message, range);
		return false;
	}

	/** The kind a header's prefix names, if it names one: `profile`, `sso-session` or `services`. */
	private sectionKindAt(scanner: LineCursor): SectionKind | undefined {
		const { prefixStart: start, prefixEnd: end } = scanner;
		for (const kind of sectionKinds) {
			if (textIs(this.text, start, end, kind)) {
				return kind;
			}
		}
		return undefined;
	}

	private headerRange(scanner: LineCursor): TextRange {
		return scanner.rangeOf(scanner.start, scanner.headerEnd);
	}

	/** Notes a second header of the same section in the same file (the other file's header is no duplicate). */
	private noteDuplicate(table: SectionTable, at: number, scanner: LineCursor): void {
		const line = table.firstLineIn(at, this.file);
		if (line !== -1) {
			this.report('section/duplicate', 'info',
				`This section repeats the one on line ${line + 1}: the standard merges them, and a key `
				+ 'set in both takes the later value.', this.headerRange(scanner));
		}
	}

	private mergeProperty(property: OpenProperty): void {
		const { name } = property;
		if (!property.valid) {
			this.report('property/invalid-name', 'warning',
				`A property key ${identifierRule}: the standard ignores this property.`, property.keyRange);
			return;
		}
		const table = this.table!;
		const existing = table.propertyIndexByName(this.target, property.nameId, name);
		if (existing !== -1) {
			this.noteOverride(existing, property.keyLine);
		}
		if (property.hasSubProperties) {
			this.checkSubProperties();
		}
		if (existing !== -1) {
			this.store.replace(existing, property); // a later definition takes the earlier one's place, as with Map.set
		} else {
			table.appendProperty(this.target, this.store.add(property));
		}
	}

	/** The problem is placed on the definition that loses, since that is the text that has no effect. */
	private noteOverride(existing: number, winnerLine: number): void {
		const line = winnerLine + 1;
		const { file, range } = this.store.keyLocation(existing);
		if (file === this.file) {
			this.report('property/duplicate', 'warning',
				`This key is set again on line ${line} (keys are case-insensitive): the standard uses the later value.`,
				range);
		} else {
			this.problemList.add(file, 'property/overridden-by-credentials', 'info',
				`The credentials file sets this key for the same profile (line ${line}): the standard uses that value.`,
				range);
		}
	}

	/**
	 * Reports what the standard drops of the sub-properties (invalid keys) and what it overrides (a key set again:
	 * the last wins), as the Ruby and Kotlin suites read them; the store parses them when they are read. Makes no
	 * object for a short block, the usual one (`s3 =` with two or three keys): a large file has thousands of them.
	 */
	private checkSubProperties(): void {
		const { data, count } = this.subPropertyMarks;
		const text = this.text;
		/** For a long block: where each key was set last, as the index of its marks. */
		const seen = count > 8 ? new Map<string, number>() : undefined;
		for (let mark = 0; mark < count; mark++) {
			const start = data[mark * markFieldCount + MARK_KEY_START];
			const end = data[mark * markFieldCount + MARK_KEY_END];
			if (!isValidIdentifierAt(text, start, end)) {
				this.report('sub-property/invalid-name', 'warning',
					`A sub-property key ${identifierRule}: the standard ignores this sub-property.`, this.markRange(mark));
				continue;
			}
			let earlier: number | undefined;
			if (seen) {
				const key = text.slice(start, end);
				earlier = seen.get(key);
				seen.set(key, mark);
			} else {
				earlier = this.earlierMark(mark);
			}
			if (earlier !== undefined) {
				this.report('sub-property/duplicate', 'warning',
					`This sub-property is set again on line ${data[mark * markFieldCount + MARK_LINE] + 1}: the standard uses the later value.`,
					this.markRange(earlier));
			}
		}
	}

	/** The last sub-property before `mark` with the same key (both valid, then), by comparing the text. */
	private earlierMark(mark: number): number | undefined {
		const { data } = this.subPropertyMarks;
		const start = data[mark * markFieldCount + MARK_KEY_START];
		const length = data[mark * markFieldCount + MARK_KEY_END] - start;
		for (let other = mark - 1; other >= 0; other--) {
			const otherStart = data[other * markFieldCount + MARK_KEY_START];
			if (data[other * markFieldCount + MARK_KEY_END] - otherStart === length && sameText(this.text, start, this.text, otherStart, length)) {
				return other;
			}
		}
		return undefined;
	}

	private markRange(mark: number): TextRange {
		const { data } = this.subPropertyMarks;
		const at = mark * markFieldCount;
		return textRange(data[at + MARK_KEY_START], data[at + MARK_KEY_END], data[at + MARK_LINE], data[at + MARK_COLUMN_BASE]);
	}


	private report(code: SemanticProblemCode, severity: ProblemSeverity, message: string, range: TextRange): void {
		this.problemList.add(this.file, code, severity, message, range);
	}
}

const sectionKinds: readonly SectionKind[] = ['profile', 'sso-session', 'services'];

// See keepShapesAlive: one of each class the reading loop works on or builds (a set read and then dropped, as
// each benchmark run does, would take its shapes with it).
{
	const names = new KeyNames();
	const store = new PropertyStore(names.names);
	const sections = sectionTables(store);
	sections.profile.addSection('config', scanLines(''));
	keepShapesAlive(
		new FileMerger('config', '', new ProblemList(), sections, names, store),
		sections,
		sections.profile.sectionAt(0),
	);
}

/** The standard lower-cases keys in ASCII only (Rust's `to_ascii_lowercase`). */
function asciiLowerCase(text: string): string {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x41 && code <= 0x5a) {
			return text.replace(/[A-Z]+/g, upper => upper.toLowerCase());
		}
	}
	return text;
}

function toRecords(sections: ReadonlyMap<string, Section>): Record<string, ReadingSection> {
	const records: Record<string, ReadingSection> = {};
	for (const [name, section] of sections) {
		setOwn(records, name, toReadingSection(section));
	}
	return records;
}

function recordOf(map: ReadonlyMap<string, string>): Record<string, string> {
	const record: Record<string, string> = {};
	for (const [key, value] of map) {
		setOwn(record, key, value);
	}
	return record;
}

/** `__proto__` is a valid profile name and key: define it as a plain own property, never as the prototype. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
