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

import type { FileRole } from './profileFilesReader';
import type {
	Problem,
	ProblemSeverity,
	ProfileSet,
	PropertyDefinition,
	Section,
	SectionKind,
	SourceLocation,
	TextRange,
} from './profileSet';
import { parseRawProfileFile, RawProperty, RawSection, SyntaxProblemCode } from './rawProfileFile';
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
	if (texts.config !== undefined) {
		merger.mergeFile('config', texts.config);
	}
	if (texts.credentials !== undefined) {
		merger.mergeFile('credentials', texts.credentials);
	}
	return merger.result();
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

/** Whether a name or key is an identifier of the standard: one or more of A-Z a-z 0-9 and `_ - / . % @ : +`. */
export function isValidIdentifier(name: string): boolean {
	if (name.length === 0) {
		return false;
	}
	for (let i = 0; i < name.length; i++) {
		if (!isIdentifierCharacter(name.charCodeAt(i))) {
			return false;
		}
	}
	return true;
}

function isIdentifierCharacter(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) // a-z
		|| (code >= 0x41 && code <= 0x5a) // A-Z
		|| (code >= 0x2d && code <= 0x3a) // - . / 0-9 :
		|| code === 0x5f || code === 0x25 || code === 0x40 || code === 0x2b; // _ % @ +
}

const identifierRule = 'may only contain letters, digits and _ - / . % @ : +';

/** Where a section's properties go, once its header is understood. */
interface Target {
	readonly kind: SectionKind;
	readonly name: string;
	/** `[default]` in the config file, which `[profile default]` replaces. */
	readonly unprefixedDefault: boolean;
	readonly prefixedDefault: boolean;
}

interface SectionBuilder {
	readonly kind: SectionKind;
	readonly name: string;
	readonly properties: Map<string, PropertyDefinition>;
	readonly headers: SourceLocation[];
}

class Merger {
	private readonly sections: Record<SectionKind, Map<string, SectionBuilder>> = {
		'profile': new Map(),
		'sso-session': new Map(),
		'services': new Map(),
	};
	private readonly problems = new ProblemList();

	mergeFile(file: FileRole, text: string): void {
		const raw = parseRawProfileFile(text);
		for (const problem of raw.problems) {
			this.problems.add(file, problem.code, 'error', problem.message, problem.range);
		}
		new FileMerger(file, text, this.problems, this.sections).merge(raw.sections);
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

/** The problems of both files, reported in the order of the text (config file first) whatever pass found them. */
class ProblemList {
	private readonly problems: Problem[] = [];

	add(file: FileRole, code: StandardProblemCode, severity: ProblemSeverity, message: string, range: TextRange): void {
		this.problems.push({ code, severity, message, location: { file, range } });
	}

	sorted(): Problem[] {
		return this.problems.sort((a, b) => fileOrder(a.location.file) - fileOrder(b.location.file)
			|| a.location.range.offset - b.location.range.offset);
	}
}

function fileOrder(file: FileRole): number {
	return file === 'config' ? 0 : 1;
}

/** Merges one file's raw sections into the sections read so far. */
class FileMerger {
	constructor(
		private readonly file: FileRole,
		private readonly text: string,
		private readonly problemList: ProblemList,
		private readonly sections: Record<SectionKind, Map<string, SectionBuilder>>,
	) { }

	merge(rawSections: readonly RawSection[]): void {
		const targets = rawSections.map(section => this.classify(section));
		const hasPrefixedDefault = targets.some(target => target?.prefixedDefault);
		for (let i = 0; i < rawSections.length; i++) {
			const section = rawSections[i];
			const target = targets[i];
			if (!target) {
				continue;
			}
			if (target.unprefixedDefault && hasPrefixedDefault) {
				this.report('section/default-shadowed', 'warning',
					'[profile default] in this file takes precedence: the standard ignores this [default] section.',
					section.header.header);
				continue;
			}
			const builder = this.builderFor(target);
			this.noteDuplicate(builder, section);
			builder.headers.push(this.at(section.header.header));
			for (const property of section.properties) {
				this.mergeProperty(builder, property);
			}
		}
	}

	/** Which section a header opens in this file, or undefined (and a problem) when the standard ignores it. */
	private classify(section: RawSection): Target | undefined {
		const { header } = section;
		if (!header.closed) {
			return undefined; // already a syntax error; its lines belong to no section
		}
		if (section.prefix === undefined) {
			return this.classifyUnprefixed(section);
		}
		return this.file === 'config' ? this.classifyPrefixedInConfig(section) : this.classifyPrefixedInCredentials(section);
	}

	private classifyUnprefixed(section: RawSection): Target | undefined {
		const { name, header } = section;
		if (this.file === 'config' && name === 'default') {
			return { kind: 'profile', name, unprefixedDefault: true, prefixedDefault: false };
		}
		if (this.file === 'config' && name.length > 0) {
			// Even with a valid name the section is ignored: the prefix is what is missing.
			this.report('section/missing-profile-prefix', 'warning',
				'In the config file a profile section is written [profile name] (only [default] may omit the prefix): '
				+ 'the standard ignores this section.', header.header);
			return undefined;
		}
		if (!this.checkName(section, 'profile')) {
			return undefined;
		}
		return { kind: 'profile', name, unprefixedDefault: false, prefixedDefault: false };
	}

	private classifyPrefixedInConfig(section: RawSection): Target | undefined {
		const kind = sectionKindOf(section.prefix);
		if (!kind) {
			this.report('section/unknown-kind', 'info',
				'Not a profile, sso-session or services section: the standard keeps it, but reads no profile settings '
				+ 'from it.', section.header.header);
			return undefined;
		}
		if (!this.checkName(section, kind)) {
			return undefined;
		}
		const prefixedDefault = kind === 'profile' && section.name === 'default';
		return { kind, name: section.name, unprefixedDefault: false, prefixedDefault };
	}

	private classifyPrefixedInCredentials(section: RawSection): Target | undefined {
		const kind = sectionKindOf(section.prefix);
		const { header } = section;
		if (kind === 'profile') {
			this.report('section/profile-prefix-in-credentials', 'warning',
				"In the credentials file a profile section is written [name], without the 'profile' prefix: "
				+ 'the standard ignores this section.', header.header);
		} else if (kind) {
			this.report('section/config-only-in-credentials', 'warning',
				`A ${kind} section belongs in the config file: the standard ignores it in the credentials file.`,
				header.header);
		} else {
			// `[my profile]`: a name with a space, which is what the user meant, rather than an unknown prefix.
			const start = header.prefix ?? header.name;
			const range = { ...start, length: header.name.offset + header.name.length - start.offset };
			this.report('section/invalid-name', 'warning',
				`A profile name ${identifierRule}: the standard ignores this section.`, range);
		}
		return undefined;
	}

	private checkName(section: RawSection, kind: SectionKind): boolean {
		if (isValidIdentifier(section.name)) {
			return true;
		}
		const { header } = section;
		const message = section.name.length === 0
			? 'This section has no name: the standard ignores it.'
			: `A ${kind} name ${identifierRule}: the standard ignores this section.`;
		this.report('section/invalid-name', 'warning', message, section.name.length === 0 ? header.header : header.name);
		return false;
	}

	/** Notes a second header of the same section in the same file (the other file's header is no duplicate). */
	private noteDuplicate(builder: SectionBuilder, section: RawSection): void {
		const first = builder.headers.find(header => header.file === this.file);
		if (!first) {
			return;
		}
		this.report('section/duplicate', 'info',
			`This section repeats the one on line ${first.range.line + 1}: the standard merges them, and a key `
			+ 'set in both takes the later value.', section.header.header);
	}

	private builderFor(target: Target): SectionBuilder {
		const sections = this.sections[target.kind];
		let builder = sections.get(target.name);
		if (!builder) {
			builder = { kind: target.kind, name: target.name, properties: new Map(), headers: [] };
			sections.set(target.name, builder);
		}
		return builder;
	}

	private mergeProperty(builder: SectionBuilder, property: RawProperty): void {
		const keyRange = property.line.key;
		const name = asciiLowerCase(property.key);
		if (!isValidIdentifier(name)) {
			this.report('property/invalid-name', 'warning',
				`A property key ${identifierRule}: the standard ignores this property.`, keyRange);
			return;
		}
		const existing = builder.properties.get(name);
		if (existing) {
			this.noteOverride(existing, keyRange);
		}
		builder.properties.set(name, {
			name,
			value: property.value,
			subProperties: property.subProperties.length > 0 ? this.subPropertiesOf(property) : undefined,
			key: this.at(keyRange),
			valueRange: this.at(property.valueRange),
		});
	}

	/** The problem is placed on the definition that loses, since that is the text that has no effect. */
	private noteOverride(existing: PropertyDefinition, winner: TextRange): void {
		const line = winner.line + 1;
		if (existing.key.file === this.file) {
			this.report('property/duplicate', 'warning',
				`This key is set again on line ${line} (keys are case-insensitive): the standard uses the later value.`,
				existing.key.range);
		} else {
			this.problemList.add(existing.key.file, 'property/overridden-by-credentials', 'info',
				`The credentials file sets this key for the same profile (line ${line}): the standard uses that value.`,
				existing.key.range);
		}
	}

	/** The sub-properties as a map, as the Ruby and Kotlin suites read them: invalid keys dropped, the last wins. */
	private subPropertiesOf(property: RawProperty): ReadonlyMap<string, string> {
		const map = new Map<string, string>();
		const keys = new Map<string, TextRange>();
		for (const line of property.subProperties) {
			if (!line.assignment || line.key.length === 0) {
				continue; // a syntax error already
			}
			const key = this.slice(line.key);
			if (!isValidIdentifier(key)) {
				this.report('sub-property/invalid-name', 'warning',
					`A sub-property key ${identifierRule}: the standard ignores this sub-property.`, line.key);
				continue;
			}
			const earlier = keys.get(key);
			if (earlier) {
				this.report('sub-property/duplicate', 'warning',
					`This sub-property is set again on line ${line.key.line + 1}: the standard uses the later value.`, earlier);
			}
			keys.set(key, line.key);
			map.set(key, this.slice(line.assignment.value));
		}
		return map;
	}

	private report(code: SemanticProblemCode, severity: ProblemSeverity, message: string, range: TextRange): void {
		this.problemList.add(this.file, code, severity, message, range);
	}

	private at(range: TextRange): SourceLocation {
		return { file: this.file, range };
	}

	private slice(range: TextRange): string {
		return this.text.slice(range.offset, range.offset + range.length);
	}
}

function sectionKindOf(prefix: string | undefined): SectionKind | undefined {
	switch (prefix) {
		case 'profile':
		case 'sso-session':
		case 'services':
			return prefix;
		default:
			return undefined;
	}
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
		const values: Record<string, ReadingValue> = {};
		for (const [key, property] of section.properties) {
			setOwn(values, key, property.subProperties ? recordOf(property.subProperties) : property.value);
		}
		setOwn(records, name, values);
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
