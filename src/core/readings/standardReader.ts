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
// The literal layer (rawProfileFile.ts) parses each file; this pass classifies each section, checks each name
// once, and builds the plain result: a Map of Sections per kind, each with its headers and a Map of
// PropertyDefinitions whose locations are computed as they are read.

import type { FileRole } from '../readings/fileLocations';
import type { Problem, ProblemSeverity, ProfileSet, PropertyDefinition, Section, SectionKind, SourceLocation } from './profileSet';
import type { TextRange } from '../text/textRange';
import { isValidIdentifier } from '../ini/identifiers';
import { scanLineAt } from '../ini/iniScanner';
import { Keys } from '../model/profileKeys';
import {
	parseRawProfileFile,
	RawProfileFile,
	RawProperty,
	RawSection,
	SyntaxProblem,
	SyntaxProblemCode,
	visitRawSections,
} from '../ini/rawProfileFile';
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
	const reading = new Normalizer();
	for (const file of ['config', 'credentials'] as const) {
		const text = texts[file];
		if (text !== undefined) {
			// Each section is merged as soon as it is read, and its lines then dropped.
			const merger = reading.fileMerger(file, text);
			reading.addSyntaxProblems(file, visitRawSections(text, (section) => merger.mergeSection(section)).problems);
		}
	}
	return reading.result();
}

/**
 * `readStandard`, with the literal parse of each file (rawProfileFile.ts) it was read from: what the lint engine needs
 * of both. `known`: a file's literal parse already made of the same text (the lint session's, for the file an edit
 * did not touch), used as it is.
 */
export function readStandardAndLiteral(texts: FileTexts, known: Partial<Record<FileRole, RawProfileFile>> = {}): {
	readonly standard: ProfileSet;
	readonly literal: Partial<Record<FileRole, RawProfileFile>>;
} {
	const reading = new Normalizer();
	const literal: Partial<Record<FileRole, RawProfileFile>> = {};
	for (const file of ['config', 'credentials'] as const) {
		const text = texts[file];
		if (text !== undefined) {
			const raw = literal[file] = known[file] ?? parseRawProfileFile(text);
			const merger = reading.fileMerger(file, text);
			raw.sections.forEach((section) => merger.mergeSection(section));
			reading.addSyntaxProblems(file, raw.problems);
		}
	}
	return { standard: reading.result(), literal };
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

const sectionKinds: readonly SectionKind[] = ['profile', 'sso-session', 'services'];

/** A section while the files are read: its properties and headers still grow. */
interface OpenSection {
	readonly kind: SectionKind;
	readonly name: string;
	readonly properties: Map<string, PropertyDefinition>;
	readonly headers: SourceLocation[];
}

/** Merges the files' literal parses, config file first, into the sections the standard reads. */
class Normalizer {
	private readonly sections: Record<SectionKind, Map<string, OpenSection>> = {
		'profile': new Map(),
		'sso-session': new Map(),
		'services': new Map(),
	};
	private readonly syntax: Problem[] = [];
	private readonly semantic: Problem[] = [];
	/**
	 * Each key name read, once: files repeat a few keys thousands of times, and the sections keep one string for
	 * each. The names of `Keys` are those constants, which the profile model looks up.
	 */
	private readonly keyNames = new Map<string, string>(Object.values(Keys).map((key) => [key, key]));

	/** What merges the sections of one file, in order, into those read so far. */
	fileMerger(file: FileRole, text: string): FileMerger {
		return new FileMerger(file, text, this.sections, this.keyNames, (problemFile, code, severity, message, range) =>
			this.semantic.push({ code, severity, message, location: { file: problemFile, range } }));
	}

	addSyntaxProblems(file: FileRole, problems: readonly SyntaxProblem[]): void {
		for (const { code, message, range } of problems) {
			this.syntax.push({ code, severity: 'error', message, location: { file, range } });
		}
	}

	/**
	 * The sections, and the problems of both files in the order of the text (config file first) whatever pass
	 * found them; in one place, a file's syntax problems come before the other ones.
	 */
	result(): ProfileSet {
		const problems = this.syntax.concat(this.semantic).sort((a, b) => fileOrder(a.location.file) - fileOrder(b.location.file)
			|| a.location.range.offset - b.location.range.offset);
		return {
			profiles: this.sections['profile'],
			ssoSessions: this.sections['sso-session'],
			services: this.sections['services'],
			problems,
		};
	}
}

function fileOrder(file: FileRole): number {
	return file === 'config' ? 0 : 1;
}

type Report = (file: FileRole, code: SemanticProblemCode, severity: ProblemSeverity, message: string, range: TextRange) => void;

/** Merges the sections of one file into those read so far. Syntax problems are the literal layer's; the others are found here. */
class FileMerger {
	/** Whether a `[profile default]` was merged already, which replaces every `[default]` of the file. */
	private prefixedDefaultAbove = false;
	/** Whether the file's `[default]` sections are replaced: known from the first of them on. */
	private shadowsDefault: boolean | undefined;

	constructor(
		private readonly file: FileRole,
		private readonly text: string,
		private readonly sections: Readonly<Record<SectionKind, Map<string, OpenSection>>>,
		private readonly keyNames: Map<string, string>,
		private readonly reportIn: Report,
	) { }

	mergeSection(raw: RawSection): void {
		if (!raw.header.closed) {
			return; // already a syntax error; its lines belong to no section
		}
		const kind = this.kindOf(raw);
		if (!kind) {
			return;
		}
		if (this.file === 'config' && kind === 'profile' && raw.name === 'default' && this.isShadowedDefault(raw)) {
			this.report('section/default-shadowed', 'warning',
				'[profile default] in this file takes precedence: the standard ignores this [default] section.', raw.header.header);
			return;
		}
		const section = this.sectionFor(kind, raw);
		raw.properties.forEach((property) => this.mergeProperty(section, property));
	}

	/**
	 * Whether this is a `[default]` of the config file that a `[profile default]` of the file replaces, which may
	 * come above or below it: the rest of the file is searched at the first `[default]`, once.
	 */
	private isShadowedDefault(raw: RawSection): boolean {
		if (raw.prefix !== undefined) {
			this.prefixedDefaultAbove = true;
			return false;
		}
		this.shadowsDefault ??= this.prefixedDefaultAbove || hasPrefixedDefault(this.text, raw.header.span.offset);
		return this.shadowsDefault;
	}

	/** The kind of section a header opens in this file; undefined (and a problem) when the standard ignores it. */
	private kindOf(raw: RawSection): SectionKind | undefined {
		if (raw.prefix === undefined) {
			return this.kindOfUnprefixed(raw);
		}
		const kind = sectionKinds.find((candidate) => candidate === raw.prefix);
		if (this.file === 'config') {
			if (!kind) {
				this.report('section/unknown-kind', 'info',
					'Not a profile, sso-session or services section: the standard keeps it, but reads no profile settings '
					+ 'from it.', raw.header.header);
				return undefined;
			}
			return this.checkName(raw, kind) ? kind : undefined;
		}
		if (kind === 'profile') {
			this.report('section/profile-prefix-in-credentials', 'warning',
				"In the credentials file a profile section is written [name], without the 'profile' prefix: "
				+ 'the standard ignores this section.', raw.header.header);
		} else if (kind) {
			this.report('section/config-only-in-credentials', 'warning',
				`A ${kind} section belongs in the config file: the standard ignores it in the credentials file.`, raw.header.header);
		} else {
			// `[my profile]`: a name with a space, which is what the user meant, rather than an unknown prefix.
			const { prefix, name } = raw.header;
			this.report('section/invalid-name', 'warning', `A profile name ${identifierRule}: the standard ignores this section.`,
				between(prefix!, name));
		}
		return undefined;
	}

	private kindOfUnprefixed(raw: RawSection): SectionKind | undefined {
		if (this.file === 'config' && raw.name === 'default') {
			return 'profile';
		}
		if (this.file === 'config' && raw.name.length > 0) {
			// Even with a valid name the section is ignored: the prefix is what is missing.
			this.report('section/missing-profile-prefix', 'warning',
				'In the config file a profile section is written [profile name] (only [default] may omit the prefix): '
				+ 'the standard ignores this section.', raw.header.header);
			return undefined;
		}
		return this.checkName(raw, 'profile') ? 'profile' : undefined;
	}

	private checkName(raw: RawSection, kind: SectionKind): boolean {
		if (isValidIdentifier(raw.name)) {
			return true;
		}
		if (raw.name.length === 0) {
			this.report('section/invalid-name', 'warning', 'This section has no name: the standard ignores it.', raw.header.header);
		} else {
			this.report('section/invalid-name', 'warning', `A ${kind} name ${identifierRule}: the standard ignores this section.`, raw.header.name);
		}
		return false;
	}

	/** The section a header of this kind and name adds to, made on its first header; notes a repeated header in one file. */
	private sectionFor(kind: SectionKind, raw: RawSection): OpenSection {
		const header: SourceLocation = { file: this.file, range: raw.header.header };
		const sections = this.sections[kind];
		const section = sections.get(raw.name);
		if (!section) {
			const added: OpenSection = { kind, name: raw.name, properties: new Map(), headers: [header] };
			sections.set(raw.name, added);
			return added;
		}
		const first = section.headers.find((other) => other.file === this.file);
		if (first) {
			this.report('section/duplicate', 'info',
				`This section repeats the one on line ${first.range.line + 1}: the standard merges them, and a key `
				+ 'set in both takes the later value.', raw.header.header);
		}
		section.headers.push(header);
		return section;
	}

	private mergeProperty(section: OpenSection, raw: RawProperty): void {
		const name = interned(this.keyNames, asciiLowerCase(raw.key));
		if (!isValidIdentifier(name)) {
			this.report('property/invalid-name', 'warning', `A property key ${identifierRule}: the standard ignores this property.`, raw.line.key);
			return;
		}
		const earlier = section.properties.get(name);
		if (earlier) {
			this.noteOverride(earlier, raw.line.key.line);
		}
		const definition: PropertyDefinition = {
			name,
			value: raw.value,
			// One shape for every definition (undefined rather than absent): code that reads thousands of them stays fast.
			subProperties: raw.subProperties.length > 0 ? this.subPropertiesOf(raw) : undefined,
			file: this.file,
			key: raw.line.key,
			valueRange: raw.valueRange,
		};
		// A later definition takes the earlier one's place (Map.set keeps the order of first definition).
		section.properties.set(name, definition);
	}

	/** The problem is placed on the definition that loses, since that is the text that has no effect. */
	private noteOverride(earlier: PropertyDefinition, winnerLine: number): void {
		const line = winnerLine + 1;
		const { file, key: range } = earlier;
		if (file === this.file) {
			this.report('property/duplicate', 'warning',
				`This key is set again on line ${line} (keys are case-insensitive): the standard uses the later value.`, range);
		} else {
			this.reportIn(file, 'property/overridden-by-credentials', 'info',
				`The credentials file sets this key for the same profile (line ${line}): the standard uses that value.`, range);
		}
	}

	/**
	 * The sub-properties as the Ruby and Kotlin suites read them: keys keep their case, an invalid key is dropped
	 * and a key set again takes the later value; each is a problem. Lines without `=` or without a key are syntax
	 * errors already.
	 */
	private subPropertiesOf(raw: RawProperty): Map<string, string> {
		const values = new Map<string, string>();
		const lines = new Map<string, TextRange>();
		for (const line of raw.subProperties) {
			if (!line.assignment || line.key.length === 0) {
				continue;
			}
			const key = sliceOf(this.text, line.key);
			if (!isValidIdentifier(key)) {
				this.report('sub-property/invalid-name', 'warning',
					`A sub-property key ${identifierRule}: the standard ignores this sub-property.`, line.key);
				continue;
			}
			const earlier = lines.get(key);
			if (earlier) {
				this.report('sub-property/duplicate', 'warning',
					`This sub-property is set again on line ${line.key.line + 1}: the standard uses the later value.`, earlier);
			}
			lines.set(key, line.key);
			values.set(key, sliceOf(this.text, line.assignment.value));
		}
		return values;
	}

	private report(code: SemanticProblemCode, severity: ProblemSeverity, message: string, range: TextRange): void {
		this.reportIn(this.file, code, severity, message, range);
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

/** From the start of `first` to the end of `last`, on one line. */
function between(first: TextRange, last: TextRange): TextRange {
	return { ...first, length: last.offset + last.length - first.offset };
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
