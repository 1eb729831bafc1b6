/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Where the readers disagree: the standard of the SDKs' suites (with positions), the AWS CLI and the
// JavaScript SDK. A file the AWS CLI reads one way and the JS SDK another is what users cannot see, so
// every profile, sso-session and key that some reader sees differently is listed, with what each reader
// sees and where in the files it is. Values are data fields only; describeDifference masks secrets.

import type { FileRole } from '../readings/fileLocations';
import type { ProfileSet, Section, SourceLocation } from './profileSet';
import type { TextRange } from '../text/textRange';
import type { FileTexts, ReaderName, ReadingResult, ReadingSection } from './reading';
import { displayValue } from '../display/secretMasking';
import { toReadingSection } from './standardReader';

export const readerNames: readonly ReaderName[] = ['standard', 'aws-cli', 'js-sdk'];

export interface DifferenceInput {
	/** The texts the readers read: where a section only another reader sees is located. */
	readonly texts: FileTexts;
	readonly standard: ProfileSet;
	/** The other readers' readings; without the JS SDK's, the standard's own reading (`toReading`) stands in for it. */
	readonly others: { readonly 'aws-cli': ReadingResult; readonly 'js-sdk'?: ReadingResult };
}

/** Only profiles and sso-sessions: every reader answers with those (the Reading shape has no services). */
export type ComparedKind = 'profile' | 'sso-session';

export interface SectionRef {
	readonly kind: ComparedKind;
	readonly name: string;
}

/** The reader refuses the input as a whole (the standard on a syntax error, the AWS CLI on a parse error). */
export interface Refused {
	readonly kind: 'refused';
	readonly file?: FileRole;
}

export type SectionSight = { readonly kind: 'present' } | { readonly kind: 'absent' } | Refused;

export type PropertySight =
	| { readonly kind: 'value'; readonly value: string }
	/** The section is there without this key; `otherCase` is the same key with another case, if it has one. */
	| { readonly kind: 'absent'; readonly otherCase?: string }
	| { readonly kind: 'section-absent' }
	| Refused;

export type BySight<T> = { readonly [R in ReaderName]: T };

/** What the location points at: the key, the section's header (the key is not in the standard), the standard's error. */
export type LocationTarget = 'key' | 'section-header' | 'problem';

export interface DifferenceLocation extends SourceLocation {
	readonly target: LocationTarget;
}

export interface RefusalDifference {
	readonly kind: 'refusal';
	readonly reader: ReaderName;
	readonly file?: FileRole;
	/** Known for the standard only: its first error. */
	readonly location?: DifferenceLocation;
}

export interface SectionDifference {
	readonly kind: 'section';
	readonly section: SectionRef;
	readonly sights: BySight<SectionSight>;
	readonly location?: DifferenceLocation;
}

export interface PropertyDifference {
	readonly kind: 'property';
	readonly section: SectionRef;
	/** The key as the readers name it; a sub-property is `parent.child`, which is how the JS SDK names it. */
	readonly property: string;
	readonly sights: BySight<PropertySight>;
	readonly location?: DifferenceLocation;
}

export type ReadingDifference = RefusalDifference | SectionDifference | PropertyDifference;

/**
 * Every difference, in a stable order: refusals (in reader order), then by kind (profiles first), section
 * name and property name (code-unit order), a section's own difference before its keys'. A key is compared
 * only between the readers that see its section; a refusing reader starts no difference of its own beyond
 * its refusal, so one broken file does not list every profile.
 */
export function readingDifferences(input: DifferenceInput): readonly ReadingDifference[] {
	const readers = readerViews(input);
	const refusing = readerNames.filter((reader) => readers[reader].kind === 'refused');
	if (refusing.length === readerNames.length) {
		return [];
	}
	const differences: ReadingDifference[] = refusing.map((reader) => refusalDifference(reader, readers[reader]));
	const locator = new Locator(input.texts, input.standard);
	for (const kind of ['profile', 'sso-session'] as const) {
		// Most sections read alike: only those that differ are sorted, which gives the order of sorting them all.
		const differing: [string, ReadingDifference[]][] = [];
		for (const name of sectionNames(readers, kind)) {
			if (!readAlike(readers, kind, name)) {
				const found = sectionDifferences({ kind, name }, readers, locator);
				if (found.length > 0) {
					differing.push([name, found]);
				}
			}
		}
		differing.sort(([a], [b]) => compareCodeUnits(a, b));
		for (const [, found] of differing) {
			differences.push(...found);
		}
	}
	return differences;
}

/** What changed since the differences were last found: see `readingDifferencesAgain`. */
export interface ReadingChanges {
	/**
	 * Every profile and sso-session name whose reading may have changed, for any reader: the names of the
	 * sections whose lines the edit touched, before and after it. Any other section reads as it did.
	 */
	readonly names: ReadonlySet<string>;
	/** Where a location in a section the edit did not touch is now (text inserted or removed above it). */
	readonly moved: (location: DifferenceLocation) => DifferenceLocation;
}

/**
 * The same as `readingDifferences(input)`, given the differences of the texts before an edit and what it
 * changed: only the sections it touched are compared again, and the differences of the other ones are kept,
 * moved. A reader's refusal depends on the whole file, so then everything is compared again.
 */
export function readingDifferencesAgain(input: DifferenceInput, previous: readonly ReadingDifference[], changes: ReadingChanges): readonly ReadingDifference[] {
	const readers = readerViews(input);
	if (readerNames.some((reader) => readers[reader].kind === 'refused') || previous.some((difference) => difference.kind === 'refusal')) {
		return readingDifferences(input);
	}
	const kept = previousBySection(previous);
	const locator = new Locator(input.texts, input.standard);
	const differences: ReadingDifference[] = [];
	for (const kind of ['profile', 'sso-session'] as const) {
		const differing: [string, readonly ReadingDifference[]][] = [];
		const compare = (name: string): void => {
			if (seenByAny(readers, kind, name) && !readAlike(readers, kind, name)) {
				const found = sectionDifferences({ kind, name }, readers, locator);
				if (found.length > 0) {
					differing.push([name, found]);
				}
			}
		};
		changes.names.forEach(compare);
		for (const [name, found] of kept[kind]) {
			if (changes.names.has(name)) {
				continue;
			}
			// Located in the standard's section, which the edit did not touch; a section it does not have is located
			// by searching the headers, wherever they are, so that is done again.
			const inStandard = (kind === 'profile' ? input.standard.profiles : input.standard.ssoSessions).has(name);
			if (inStandard) {
				differing.push([name, found.map((difference) => movedDifference(difference, changes.moved))]);
			} else {
				compare(name);
			}
		}
		differing.sort(([a], [b]) => compareCodeUnits(a, b));
		for (const [, found] of differing) {
			differences.push(...found);
		}
	}
	return differences;
}

function previousBySection(previous: readonly ReadingDifference[]): { readonly [K in ComparedKind]: Map<string, ReadingDifference[]> } {
	const bySection = { 'profile': new Map<string, ReadingDifference[]>(), 'sso-session': new Map<string, ReadingDifference[]>() };
	for (const difference of previous) {
		if (difference.kind !== 'refusal') {
			const sections = bySection[difference.section.kind];
			const list = sections.get(difference.section.name);
			if (list) {
				list.push(difference);
			} else {
				sections.set(difference.section.name, [difference]);
			}
		}
	}
	return bySection;
}

function seenByAny(readers: BySight<ReaderView>, kind: ComparedKind, name: string): boolean {
	return readerNames.some((reader) => {
		const view = readers[reader];
		return view.kind === 'read' && view.sections[kind].has(name);
	});
}

function movedDifference(difference: ReadingDifference, moved: (location: DifferenceLocation) => DifferenceLocation): ReadingDifference {
	return difference.location ? { ...difference, location: moved(difference.location) } : difference;
}

// ---- What each reader sees, in one shape ----

type Properties = ReadonlyMap<string, string>;

/**
 * One reader's sections of one kind. `properties` gives them in the one shape every reader is compared in
 * (sub-properties as `parent.child` keys), built only for the few sections that differ; `nested` gives them as
 * read, for the quick test that most sections pass (see `readAlike`).
 */
interface SectionTable {
	names(): Iterable<string>;
	has(name: string): boolean;
	properties(name: string): Properties | undefined;
	nested(name: string): NestedSection | undefined;
}

type ReaderView =
	| { readonly kind: 'refused'; readonly file?: FileRole; readonly location?: SourceLocation }
	| { readonly kind: 'read'; readonly sections: { readonly [K in ComparedKind]: SectionTable } };

function readerViews(input: DifferenceInput): BySight<ReaderView> {
	const jsSdk = input.others['js-sdk'];
	return {
		'standard': standardView(input.standard, false),
		'aws-cli': readingView(input.others['aws-cli']),
		'js-sdk': jsSdk ? readingView(jsSdk) : standardView(input.standard, true),
	};
}

/**
 * The standard refuses the files on any problem of severity 'error' (the syntax errors, for which the suites
 * expect an error), the same rule as standardReader.ts `toReading`; its sections are still used for locations.
 * `asReading`: the view of `toReading(set)`, which differs only in a value whose sub-property lines are all
 * invalid (the reading has an empty map, the standard its raw text) and in the refusal, which has no location.
 */
function standardView(set: ProfileSet, asReading: boolean): ReaderView {
	const syntaxProblem = set.problems.find((problem) => problem.severity === 'error');
	if (syntaxProblem) {
		const { file } = syntaxProblem.location;
		return asReading ? { kind: 'refused', file } : { kind: 'refused', file, location: syntaxProblem.location };
	}
	return {
		kind: 'read',
		sections: { 'profile': new StandardTable(set.profiles, asReading), 'sso-session': new StandardTable(set.ssoSessions, asReading) },
	};
}

class StandardTable implements SectionTable {
	constructor(private readonly sections: ReadonlyMap<string, Section>, private readonly asReading: boolean) {}

	names(): Iterable<string> {
		return this.sections.keys();
	}

	has(name: string): boolean {
		return this.sections.has(name);
	}

	properties(name: string): Properties | undefined {
		const section = this.sections.get(name);
		if (!section) {
			return undefined;
		}
		if (this.asReading) {
			// Exactly what reading `toReading`'s output gives.
			return readingProperties(toReadingSection(section));
		}
		const properties = new Map<string, string>();
		for (const [key, definition] of section.properties) {
			addProperty(properties, key, definition.subProperties?.size ? definition.subProperties : definition.value);
		}
		return properties;
	}

	nested(name: string): NestedSection | undefined {
		const section = this.sections.get(name);
		return section && { kind: this.asReading ? 'reading-of-standard' : 'standard', section };
	}
}

function readingView(result: ReadingResult): ReaderView {
	if (!result.ok) {
		return { kind: 'refused', file: result.file };
	}
	return { kind: 'read', sections: { 'profile': new RecordTable(result.reading.profiles), 'sso-session': new RecordTable(result.reading.ssoSessions) } };
}

class RecordTable implements SectionTable {
	constructor(private readonly sections: Readonly<Record<string, ReadingSection>>) {}

	names(): Iterable<string> {
		return Object.keys(this.sections);
	}

	has(name: string): boolean {
		return Object.hasOwn(this.sections, name);
	}

	properties(name: string): Properties | undefined {
		return this.has(name) ? readingProperties(this.sections[name]) : undefined;
	}

	nested(name: string): NestedSection | undefined {
		return this.has(name) ? { kind: 'reading', section: this.sections[name] } : undefined;
	}
}

function readingProperties(section: ReadingSection): Properties {
	const properties = new Map<string, string>();
	for (const [key, value] of Object.entries(section)) {
		addProperty(properties, key, typeof value === 'string' ? value : new Map(Object.entries(value)));
	}
	return properties;
}

/**
 * Sub-properties become `parent.child` keys, which is what the JS SDK makes of them, so a reader that nests
 * them and one that flattens them agree when they see the same thing. A parent without sub-properties is
 * the key with an empty value.
 */
function addProperty(properties: Map<string, string>, key: string, value: string | ReadonlyMap<string, string>): void {
	if (typeof value === 'string') {
		properties.set(key, value);
	} else if (value.size === 0) {
		properties.set(key, '');
	} else {
		for (const [child, childValue] of value) {
			properties.set(`${key}.${child}`, childValue);
		}
	}
}

/** Every section name some reader that reads the files sees, each once, in no particular order. */
function* sectionNames(readers: BySight<ReaderView>, kind: ComparedKind): Generator<string> {
	const tables: SectionTable[] = [];
	for (const reader of readerNames) {
		const view = readers[reader];
		if (view.kind === 'read') {
			const table = view.sections[kind];
			for (const name of table.names()) {
				if (!tables.some((earlier) => earlier.has(name))) {
					yield name;
				}
			}
			tables.push(table);
		}
	}
}

// ---- The quick test ----

/** A section as one reader read it, before it is put in the shape of `properties`. */
type NestedSection =
	| { readonly kind: 'standard' | 'reading-of-standard'; readonly section: Section }
	| { readonly kind: 'reading'; readonly section: ReadingSection };

/** A value, nested as read: a string, or sub-properties (never empty: an empty block is the empty string). */
type NestedValue = string | ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * True only when every reader that reads the files sees the section and all read it alike, so that
 * `sectionDifferences` would find nothing; false sends the section to it. The values are compared as read: when
 * no key has a dot, the `parent.child` shape is made of them one to one, so equal as read is equal in it.
 */
function readAlike(readers: BySight<ReaderView>, kind: ComparedKind, name: string): boolean {
	let first: NestedSection | undefined;
	for (const reader of readerNames) {
		const view = readers[reader];
		if (view.kind === 'refused') {
			continue;
		}
		const nested = view.sections[kind].nested(name);
		if (!nested) {
			return false;
		}
		if (!first) {
			first = nested;
		} else if (!sameNested(first, nested)) {
			return false;
		}
	}
	return true;
}

function sameNested(a: NestedSection, b: NestedSection): boolean {
	if (nestedSize(a) !== nestedSize(b)) {
		return false;
	}
	for (const key of nestedKeys(a)) {
		if (key.includes('.')) {
			return false;
		}
		const valueA = nestedValue(a, key);
		const valueB = nestedValue(b, key);
		if (valueA === undefined || valueB === undefined || !sameValue(valueA, valueB)) {
			return false;
		}
	}
	return true;
}

function nestedSize(nested: NestedSection): number {
	return nested.kind === 'reading' ? Object.keys(nested.section).length : nested.section.properties.size;
}

function nestedKeys(nested: NestedSection): Iterable<string> {
	return nested.kind === 'reading' ? Object.keys(nested.section) : nested.section.properties.keys();
}

function nestedValue(nested: NestedSection, key: string): NestedValue | undefined {
	if (nested.kind === 'reading') {
		if (!Object.hasOwn(nested.section, key)) {
			return undefined;
		}
		const value = nested.section[key];
		return typeof value === 'string' || Object.keys(value).length > 0 ? value : '';
	}
	const definition = nested.section.properties.get(key);
	if (!definition) {
		return undefined;
	}
	const { subProperties } = definition;
	if (nested.kind === 'standard') {
		return subProperties?.size ? subProperties : definition.value;
	}
	return subProperties ? (subProperties.size > 0 ? subProperties : '') : definition.value;
}

function sameValue(a: NestedValue, b: NestedValue): boolean {
	if (typeof a === 'string' || typeof b === 'string') {
		return a === b;
	}
	const entriesA = subEntries(a);
	const entriesB = subEntries(b);
	if (entriesA.length !== entriesB.length) {
		return false;
	}
	const byKey = new Map(entriesB);
	return entriesA.every(([key, value]) => byKey.get(key) === value);
}

function subEntries(value: ReadonlyMap<string, string> | Readonly<Record<string, string>>): [string, string][] {
	return value instanceof Map ? [...(value as ReadonlyMap<string, string>)] : Object.entries(value);
}

// ---- Comparing ----

function refusalDifference(reader: ReaderName, view: ReaderView): RefusalDifference {
	const refusal: { file?: FileRole; location?: SourceLocation } = view.kind === 'refused' ? view : {};
	return {
		kind: 'refusal',
		reader,
		...(refusal.file ? { file: refusal.file } : {}),
		...(refusal.location ? { location: { ...refusal.location, target: 'problem' as const } } : {}),
	};
}

function sectionDifferences(section: SectionRef, readers: BySight<ReaderView>, locator: Locator): ReadingDifference[] {
	const sights = mapReaders((reader) => sectionSight(readers[reader], section));
	const seeing = readerNames.filter((reader) => sights[reader].kind === 'present');
	const deciding = readerNames.filter((reader) => sights[reader].kind !== 'refused');
	const differences: ReadingDifference[] = [];
	if (seeing.length !== deciding.length) {
		differences.push({ kind: 'section', section, sights, ...withLocation(locator.section(section)) });
	}
	if (seeing.length >= 2) {
		differences.push(...propertyDifferences(section, readers, seeing, locator));
	}
	return differences;
}

function sectionSight(view: ReaderView, section: SectionRef): SectionSight {
	if (view.kind === 'refused') {
		return refusedSight(view.file);
	}
	return view.sections[section.kind].has(section.name) ? { kind: 'present' } : { kind: 'absent' };
}

function propertyDifferences(section: SectionRef, readers: BySight<ReaderView>, seeing: readonly ReaderName[], locator: Locator): PropertyDifference[] {
	const properties = mapReaders((reader) => propertiesOf(readers[reader], section));
	const keys = new Set<string>();
	for (const reader of seeing) {
		properties[reader]?.forEach((_value, key) => keys.add(key));
	}
	const differences: PropertyDifference[] = [];
	for (const key of [...keys].sort(compareCodeUnits)) {
		const sights = mapReaders((reader) => propertySight(readers[reader], properties[reader], key));
		const [first, ...rest] = seeing.map((reader) => sights[reader]);
		if (rest.some((sight) => !sameSight(first, sight))) {
			differences.push({ kind: 'property', section, property: key, sights, ...withLocation(locator.property(section, key)) });
		}
	}
	return differences;
}

function propertiesOf(view: ReaderView, section: SectionRef): Properties | undefined {
	return view.kind === 'read' ? view.sections[section.kind].properties(section.name) : undefined;
}

function propertySight(view: ReaderView, properties: Properties | undefined, key: string): PropertySight {
	if (view.kind === 'refused') {
		return refusedSight(view.file);
	}
	if (!properties) {
		return { kind: 'section-absent' };
	}
	const value = properties.get(key);
	if (value !== undefined) {
		return { kind: 'value', value };
	}
	const otherCase = [...properties.keys()].find((other) => other.toLowerCase() === key.toLowerCase());
	return otherCase === undefined ? { kind: 'absent' } : { kind: 'absent', otherCase };
}

/** Two readers that see the section agree on a key when both lack it or both have the same value. */
function sameSight(a: PropertySight, b: PropertySight): boolean {
	if (a.kind === 'value' && b.kind === 'value') {
		return a.value === b.value;
	}
	return a.kind === b.kind;
}

function refusedSight(file: FileRole | undefined): Refused {
	return file ? { kind: 'refused', file } : { kind: 'refused' };
}

function mapReaders<T>(sight: (reader: ReaderName) => T): BySight<T> {
	return { 'standard': sight('standard'), 'aws-cli': sight('aws-cli'), 'js-sdk': sight('js-sdk') };
}

function withLocation(location: DifferenceLocation | undefined): { location?: DifferenceLocation } {
	return location ? { location } : {};
}

function compareCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

// ---- Where ----

const sectionPrefix: { readonly [K in ComparedKind]: string } = { 'profile': 'profile', 'sso-session': 'sso-session' };

/** Finds locations in the standard set first, then, for sections only other readers see, in the header text. */
class Locator {
	private headers: readonly Header[] | undefined;

	constructor(private readonly texts: FileTexts, private readonly set: ProfileSet) {}

	section(section: SectionRef): DifferenceLocation | undefined {
		const header = this.standardSection(section)?.headers[0];
		if (header) {
			return { ...header, target: 'section-header' };
		}
		const found = findHeader(this.allHeaders(), section);
		return found && { file: found.file, range: found.range, target: 'section-header' };
	}

	/** The key in the standard (same name, else same name in another case, else its dotted parent), else the header. */
	property(section: SectionRef, key: string): DifferenceLocation | undefined {
		const properties = this.standardSection(section)?.properties;
		if (properties) {
			for (const candidate of keyCandidates(key)) {
				const definition = properties.get(candidate) ?? properties.get(candidate.toLowerCase());
				if (definition) {
					return { file: definition.file, range: definition.key, target: 'key' };
				}
			}
		}
		return this.section(section);
	}

	private standardSection(section: SectionRef): Section | undefined {
		return (section.kind === 'profile' ? this.set.profiles : this.set.ssoSessions).get(section.name);
	}

	private allHeaders(): readonly Header[] {
		this.headers ??= [...scanHeaders('config', this.texts.config), ...scanHeaders('credentials', this.texts.credentials)];
		return this.headers;
	}
}

/** `s3.max_concurrent_requests` may be the key itself, or sub-property `max_concurrent_requests` of `s3`. */
function keyCandidates(key: string): string[] {
	const candidates = [key];
	for (let dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
		candidates.push(key.slice(0, dot));
	}
	return candidates;
}

interface Header {
	readonly file: FileRole;
	/** From `[` to `]`, or to the end of the line's text when the `]` is missing. */
	readonly range: TextRange;
	/** Between the brackets, as written. */
	readonly inner: string;
}

function scanHeaders(file: FileRole, text: string | undefined): Header[] {
	const headers: Header[] = [];
	if (text === undefined) {
		return headers;
	}
	const linePattern = /[^\r\n]*(\r\n|\r|\n|$)/y;
	let line = 0;
	for (let offset = 0; offset < text.length; line++) {
		linePattern.lastIndex = offset;
		const [lineText, lineBreak] = linePattern.exec(text) as RegExpExecArray;
		const header = headerOnLine(lineText.slice(0, lineText.length - lineBreak.length));
		if (header) {
			headers.push({ file, inner: header.inner, range: { offset: offset + header.column, length: header.length, line, column: header.column } });
		}
		offset += lineText.length;
	}
	return headers;
}

function headerOnLine(lineText: string): { inner: string; column: number; length: number } | undefined {
	const column = lineText.length - lineText.trimStart().length;
	if (lineText[column] !== '[') {
		return undefined;
	}
	const close = lineText.indexOf(']', column);
	const end = close === -1 ? lineText.trimEnd().length : close + 1;
	return { inner: lineText.slice(column + 1, close === -1 ? end : close), column, length: end - column };
}

/**
 * The header a reader's section name most likely comes from, matched from the strictest form to the loosest:
 * the name as written (a credentials-file header; in the config file only `[default]`), `[profile name]` (a
 * config-file header), the JS SDK's `profile.name` for a prefixed header in the credentials file, and last the
 * name ignoring whitespace, quotes and dots. sso-sessions are config-file sections for every reader.
 */
function findHeader(headers: readonly Header[], section: SectionRef): Header | undefined {
	const prefix = sectionPrefix[section.kind];
	const name = section.name;
	const search = (order: readonly FileRole[], test: (inner: string) => boolean) =>
		order.map((file) => headers.find((header) => header.file === file && test(header.inner))).find((header) => header !== undefined);
	const config: readonly FileRole[] = ['config'];
	const [credentialsFirst, configFirst] = section.kind === 'sso-session'
		? [config, config]
		: [['credentials', 'config'] as const, ['config', 'credentials'] as const];
	return search(credentialsFirst, (inner) => collapse(inner) === name)
		?? search(configFirst, (inner) => collapse(inner) === `${prefix} ${name}`)
		?? search(credentialsFirst, (inner) => collapse(inner).replace(' ', '.') === name)
		?? search(configFirst, (inner) => loose(inner) === loose(name) || loose(inner) === loose(prefix + name));
}

function collapse(inner: string): string {
	return inner.trim().replace(/\s+/g, ' ');
}

function loose(text: string): string {
	return text.replace(/[\s"'.]/g, '');
}

// ---- Display ----

const readerTitles: BySight<string> = { 'standard': 'the SDK standard', 'aws-cli': 'the AWS CLI', 'js-sdk': 'the JavaScript SDK' };

/** One line for a person. It shows values only through displayValue, so never a secret. */
export function describeDifference(difference: ReadingDifference): string {
	switch (difference.kind) {
		case 'refusal':
			return `${capitalize(readerTitles[difference.reader])} refuses the files as a whole${difference.file ? ` (because of the ${difference.file} file)` : ''}.`;
		case 'section':
			return `${sectionTitle(difference.section)}: ${readerNames.map((reader) => `${readerTitles[reader]} ${describeSectionSight(difference.sights[reader])}`).join('; ')}.`;
		case 'property':
			return `${sectionTitle(difference.section)}, key ${difference.property}: ${readerNames.map((reader) => `${readerTitles[reader]} ${describePropertySight(difference.property, difference.sights[reader])}`).join('; ')}.`;
	}
}

function describeSectionSight(sight: SectionSight): string {
	switch (sight.kind) {
		case 'present':
			return 'sees it';
		case 'absent':
			return 'does not see it';
		case 'refused':
			return 'refuses the files';
	}
}

function describePropertySight(key: string, sight: PropertySight): string {
	switch (sight.kind) {
		case 'value':
			return `reads ${JSON.stringify(displayValue(key, sight.value))}`;
		case 'absent':
			return sight.otherCase === undefined ? 'does not set it' : `does not set it, only ${sight.otherCase} (the case differs)`;
		case 'section-absent':
			return 'does not see the section';
		case 'refused':
			return 'refuses the files';
	}
}

function sectionTitle(section: SectionRef): string {
	return `${section.kind === 'profile' ? 'Profile' : 'sso-session'} ${JSON.stringify(section.name)}`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
