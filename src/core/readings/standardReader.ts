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
// that the credentials file overrides, a section of a kind that holds no profile settings). Messages quote nothing
// from the files: a name or key may be a pasted secret.
//
// Where the suites disagree, this follows smithy-rs (see test/unit/standardReader.suites.test.ts): keys are
// lower-cased, a value with sub-properties keeps smithy-rs's raw text (the parsed map is given beside it), and
// a config-only section in the credentials file is ignored, not an error.
//
// The literal layer (rawProfileFile.ts) parses each file and tells this pass, a visitor of that parse, each section
// and property as it reads them; this pass classifies each section, checks each name once, and builds the plain
// result: a Map of Sections per kind, each with its headers and a Map of PropertyDefinitions whose locations are
// computed as they are read. It makes objects only for what it keeps.

import type { FileRole } from '../readings/fileLocations';
import type { Problem, ProblemSeverity, ProfileSet, PropertyDefinition, Section, SectionKind, SourceLocation } from './profileSet';
import type { TextRange } from '../text/textRange';
import { isValidIdentifier } from '../ini/identifiers';
import { Keys } from '../model/profileKeys';
import { absent, LineScanner, scanLineAt } from '../ini/iniScanner';
import { LiteralVisitor, parseRawProfileFile, RawProfileFile, SyntaxProblem, SyntaxProblemCode, visitLiteral } from '../ini/rawProfileFile';
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
	const merged = nothingMerged();
	for (const file of ['config', 'credentials'] as const) {
		const text = texts[file];
		if (text !== undefined) {
			visitLiteral(text, fileMerger(merged, file, text));
		}
	}
	return profileSetOf(merged);
}

/**
 * `readStandard`, with the literal parse of each file (rawProfileFile.ts) it was read from: what the lint engine needs
 * of both, from one parse of each. `known`: a file's literal parse already made of the same text (the lint session's,
 * for the file an edit did not touch), used as it is.
 */
export function readStandardAndLiteral(texts: FileTexts, known: Partial<Record<FileRole, RawProfileFile>> = {}): {
	readonly standard: ProfileSet;
	readonly literal: Partial<Record<FileRole, RawProfileFile>>;
} {
	const merged = nothingMerged();
	const literal: Partial<Record<FileRole, RawProfileFile>> = {};
	for (const file of ['config', 'credentials'] as const) {
		const text = texts[file];
		if (text !== undefined) {
			const merger = fileMerger(merged, file, text);
			const raw = known[file];
			if (raw) {
				visitLiteral(text, merger);
				literal[file] = raw;
			} else {
				literal[file] = parseRawProfileFile(text, merger);
			}
		}
	}
	return { standard: profileSetOf(merged), literal };
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

const identifierRule = 'may only contain letters, digits and _ - / . % @ : +';

/** The kind of section a prefix names, if it names one. */
function sectionKindOf(prefix: string): SectionKind | undefined {
	return prefix === 'profile' || prefix === 'sso-session' || prefix === 'services' ? prefix : undefined;
}

/** A section while the files are read: its properties and headers still grow. */
interface OpenSection {
	readonly kind: SectionKind;
	readonly name: string;
	readonly properties: Map<string, PropertyDefinition>;
	readonly headers: SourceLocation[];
}

/** What the files read so far hold. */
interface Merged {
	readonly sections: Readonly<Record<SectionKind, Map<string, OpenSection>>>;
	/** The literal parse's problems, and the ones merging finds. */
	readonly syntax: Problem[];
	readonly semantic: Problem[];
	/**
	 * Each key name read, once: files repeat a few keys thousands of times, and the sections keep one string for
	 * each. The names of `Keys` are those constants, which the profile model and the lint rules look up.
	 */
	readonly keyNames: Map<string, string>;
}

function nothingMerged(): Merged {
	return {
		sections: { 'profile': new Map(), 'sso-session': new Map(), 'services': new Map() },
		syntax: [],
		semantic: [],
		keyNames: new Map<string, string>(Object.values(Keys).map((key) => [key, key])),
	};
}

/**
 * The sections, and the problems of both files in the order of the text (config file first) whatever pass found
 * them; in one place, a file's syntax problems come before the other ones.
 */
function profileSetOf({ sections, syntax, semantic }: Merged): ProfileSet {
	const problems = syntax.concat(semantic).sort((a, b) => fileOrder(a.location.file) - fileOrder(b.location.file)
		|| a.location.range.offset - b.location.range.offset);
	return { profiles: sections['profile'], ssoSessions: sections['sso-session'], services: sections['services'], problems };
}

function fileOrder(file: FileRole): number {
	return file === 'config' ? 0 : 1;
}

/**
 * The visitor of one file's literal parse that merges its sections, in order, into those read so far (the config
 * file's first). Syntax problems are the literal layer's; the others are found here.
 */
function fileMerger(merged: Merged, file: FileRole, text: string): FileMerge {
	return {
		merged, file, text,
		prefixedDefaultAbove: false, shadowsDefault: undefined,
		section: undefined,
		propertyName: undefined, propertyKey: undefined, subProperties: undefined, subKeys: undefined,
		onSection: mergeSection, onSectionEnd: endSection, onProperty: openProperty, onIndentedLine: mergeIndentedLine,
		onPropertyEnd: mergeProperty, onProblem: mergeSyntaxProblem,
	};
}

/** The state of merging one file, and the visitor that merges it (see LiteralVisitor for why its methods are not closures). */
interface FileMerge extends LiteralVisitor {
	readonly merged: Merged;
	readonly file: FileRole;
	readonly text: string;
	/** Whether a `[profile default]` was merged already, which replaces every `[default]` of the file. */
	prefixedDefaultAbove: boolean;
	/** Whether the file's `[default]` sections are replaced: known from the first of them on. */
	shadowsDefault: boolean | undefined;
	/** The section being read; undefined when the standard ignores it. */
	section: OpenSection | undefined;
	/**
	 * The property being read, once its key is known to be valid (its name is undefined otherwise): its name, where
	 * its key is written, and its sub-properties so far with where each key is written (from its first sub-property
	 * line on).
	 */
	propertyName: string | undefined;
	propertyKey: TextRange | undefined;
	subProperties: Map<string, string> | undefined;
	subKeys: Map<string, TextRange> | undefined;
}

function reportIn(merge: FileMerge, where: FileRole, code: SemanticProblemCode, severity: ProblemSeverity, message: string, range: TextRange): void {
	merge.merged.semantic.push({ code, severity, message, location: { file: where, range } });
}

function report(merge: FileMerge, code: SemanticProblemCode, severity: ProblemSeverity, message: string, range: TextRange): void {
	reportIn(merge, merge.file, code, severity, message, range);
}

function mergeSection(this: FileMerge, header: LineScanner): void {
	this.section = undefined;
	if (!header.closed) {
		return; // already a syntax error; its lines belong to no section
	}
	const prefix = header.prefixStart === absent ? undefined : header.slice(header.prefixStart, header.prefixEnd);
	const name = header.slice(header.nameStart, header.nameEnd);
	const range = header.headerRange();
	const kind = kindOf(this, header, prefix, name, range);
	if (!kind) {
		return;
	}
	if (this.file === 'config' && kind === 'profile' && name === 'default' && isShadowedDefault(this, prefix, header.start)) {
		report(this, 'section/default-shadowed', 'warning',
			'[profile default] in this file takes precedence: the standard ignores this [default] section.', range);
		return;
	}
	this.section = sectionFor(this, kind, name, range);
}

function endSection(this: FileMerge): void {
	this.section = undefined;
}

function mergeSyntaxProblem(this: FileMerge, { code, message, range }: SyntaxProblem): void {
	this.merged.syntax.push({ code, severity: 'error', message, location: { file: this.file, range } });
}

/**
 * Whether this is a `[default]` of the config file that a `[profile default]` of the file replaces, which may
 * come above or below it: the rest of the file is searched at the first `[default]`, once.
 */
function isShadowedDefault(merge: FileMerge, prefix: string | undefined, headerStart: number): boolean {
	if (prefix !== undefined) {
		merge.prefixedDefaultAbove = true;
		return false;
	}
	merge.shadowsDefault ??= merge.prefixedDefaultAbove || hasPrefixedDefault(merge.text, headerStart);
	return merge.shadowsDefault;
}

function checkName(merge: FileMerge, header: LineScanner, kind: SectionKind, name: string, range: TextRange): boolean {
	if (isValidIdentifier(name)) {
		return true;
	}
	if (name.length === 0) {
		report(merge, 'section/invalid-name', 'warning', 'This section has no name: the standard ignores it.', range);
	} else {
		report(merge, 'section/invalid-name', 'warning', `A ${kind} name ${identifierRule}: the standard ignores this section.`,
			header.rangeOf(header.nameStart, header.nameEnd));
	}
	return false;
}

function kindOfUnprefixed(merge: FileMerge, header: LineScanner, name: string, range: TextRange): SectionKind | undefined {
	if (merge.file === 'config' && name === 'default') {
		return 'profile';
	}
	if (merge.file === 'config' && name.length > 0) {
		// Even with a valid name the section is ignored: the prefix is what is missing.
		report(merge, 'section/missing-profile-prefix', 'warning',
			'In the config file a profile section is written [profile name] (only [default] may omit the prefix): '
			+ 'the standard ignores this section.', range);
		return undefined;
	}
	return checkName(merge, header, 'profile', name, range) ? 'profile' : undefined;
}

/** The kind of section a header opens in this file; undefined (and a problem) when the standard ignores it. */
function kindOf(merge: FileMerge, header: LineScanner, prefix: string | undefined, name: string, range: TextRange): SectionKind | undefined {
	if (prefix === undefined) {
		return kindOfUnprefixed(merge, header, name, range);
	}
	const kind = sectionKindOf(prefix);
	if (merge.file === 'config') {
		if (!kind) {
			report(merge, 'section/unknown-kind', 'info',
				'Not a profile, sso-session or services section: the standard keeps it, but reads no profile settings '
				+ 'from it.', range);
			return undefined;
		}
		return checkName(merge, header, kind, name, range) ? kind : undefined;
	}
	if (kind === 'profile') {
		report(merge, 'section/profile-prefix-in-credentials', 'warning',
			"In the credentials file a profile section is written [name], without the 'profile' prefix: "
			+ 'the standard ignores this section.', range);
	} else if (kind) {
		report(merge, 'section/config-only-in-credentials', 'warning',
			`A ${kind} section belongs in the config file: the standard ignores it in the credentials file.`, range);
	} else {
		// `[my profile]`: a name with a space, which is what the user meant, rather than an unknown prefix.
		report(merge, 'section/invalid-name', 'warning', `A profile name ${identifierRule}: the standard ignores this section.`,
			header.rangeOf(header.prefixStart, header.nameEnd));
	}
	return undefined;
}

/** The section a header of this kind and name adds to, made on its first header; notes a repeated header in one file. */
function sectionFor(merge: FileMerge, kind: SectionKind, name: string, range: TextRange): OpenSection {
	const { file } = merge;
	const header: SourceLocation = { file, range };
	const sections = merge.merged.sections[kind];
	const known = sections.get(name);
	if (!known) {
		const added: OpenSection = { kind, name, properties: new Map(), headers: [header] };
		sections.set(name, added);
		return added;
	}
	const first = known.headers.find((other) => other.file === file);
	if (first) {
		report(merge, 'section/duplicate', 'info',
			`This section repeats the one on line ${first.range.line + 1}: the standard merges them, and a key `
			+ 'set in both takes the later value.', range);
	}
	known.headers.push(header);
	return known;
}

function openProperty(this: FileMerge, line: LineScanner): void {
	this.propertyName = this.propertyKey = this.subProperties = this.subKeys = undefined;
	if (!this.section) {
		return;
	}
	const name = interned(this.merged.keyNames, asciiLowerCase(line.slice(line.keyStart, line.keyEnd)));
	const key = line.keyRange();
	if (isValidIdentifier(name)) {
		this.propertyName = name;
		this.propertyKey = key;
	} else {
		report(this, 'property/invalid-name', 'warning', `A property key ${identifierRule}: the standard ignores this property.`, key);
	}
}

/**
 * The sub-properties as the Ruby and Kotlin suites read them: keys keep their case, an invalid key is dropped and a
 * key set again takes the later value; each is a problem. Lines without `=` or without a key are syntax errors
 * already, but they still make the value a block of sub-properties.
 */
function mergeIndentedLine(this: FileMerge, line: LineScanner): void {
	if (this.propertyName === undefined || line.kind !== 'sub-property') {
		return;
	}
	const values = this.subProperties ??= new Map();
	const keys = this.subKeys ??= new Map();
	if (line.equals === absent || line.keyStart === line.keyEnd) {
		return;
	}
	const key = line.slice(line.keyStart, line.keyEnd);
	const range = line.keyRange();
	if (!isValidIdentifier(key)) {
		report(this, 'sub-property/invalid-name', 'warning',
			`A sub-property key ${identifierRule}: the standard ignores this sub-property.`, range);
		return;
	}
	const earlier = keys.get(key);
	if (earlier) {
		report(this, 'sub-property/duplicate', 'warning',
			`This sub-property is set again on line ${range.line + 1}: the standard uses the later value.`, earlier);
	}
	keys.set(key, range);
	values.set(key, line.slice(line.valueStart, line.valueEnd));
}

function mergeProperty(this: FileMerge, value: string, valueRange: TextRange): void {
	const { section, propertyName: name, propertyKey: key, file } = this;
	if (section && name !== undefined && key !== undefined) {
		const earlier = section.properties.get(name);
		if (earlier) {
			noteOverride(this, earlier, key.line);
		}
		// A later definition takes the earlier one's place (Map.set keeps the order of first definition). One
		// shape for every definition (undefined rather than absent): code that reads thousands of them stays fast.
		section.properties.set(name, { name, value, subProperties: this.subProperties, file, key, valueRange });
	}
	this.propertyName = this.propertyKey = undefined;
}

/** The problem is placed on the definition that loses, since that is the text that has no effect. */
function noteOverride(merge: FileMerge, earlier: PropertyDefinition, winnerLine: number): void {
	const line = winnerLine + 1;
	if (earlier.file === merge.file) {
		report(merge, 'property/duplicate', 'warning',
			`This key is set again on line ${line} (keys are case-insensitive): the standard uses the later value.`, earlier.key);
	} else {
		reportIn(merge, earlier.file, 'property/overridden-by-credentials', 'info',
			`The credentials file sets this key for the same profile (line ${line}): the standard uses that value.`, earlier.key);
	}
}

/** Whether a closed `[profile default]` header is in `text` from `from` on: looks only at the lines with `default`. */
function hasPrefixedDefault(text: string, from: number): boolean {
	for (let found = text.indexOf('default', from); found !== -1;) {
		const line = scanLineAt(text, text.lastIndexOf('\n', found) + 1);
		if (line.kind === 'header' && line.closed && line.prefix && sliceOf(text, line.prefix) === 'profile' && sliceOf(text, line.name) === 'default') {
			return true;
		}
		found = text.indexOf('default', line.span.offset + line.span.length);
	}
	return false;
}

function sliceOf(text: string, range: TextRange): string {
	return text.slice(range.offset, range.offset + range.length);
}

/** The string of `names` equal to `name`, which is added when there is none. */
function interned(names: Map<string, string>, name: string): string {
	const known = names.get(name);
	if (known !== undefined) {
		return known;
	}
	names.set(name, name);
	return name;
}

/** The standard lower-cases keys in ASCII only (Rust's `to_ascii_lowercase`). */
function asciiLowerCase(text: string): string {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x41 && code <= 0x5a) {
			return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
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
