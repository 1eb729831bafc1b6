/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Everything the lint rules read, computed once per pair of texts: the literal parse of each file, the
// standard's reading (with every problem), the AWS CLI's reading, the JavaScript SDK's when the caller has it,
// and where the readings differ. The rules only look things up in it, so re-linting with other settings costs
// the rules alone, and no rule parses anything again.

import { AwsCliFile, awsCliFileRefusal, combineAwsCliFiles, readAwsCliFile } from '../readings/awsCliReader';
import type { Clock } from '../model/expiry';
import type { Platform } from '../readings/fileLocations';
import type { FileRole } from '../readings/fileLocations';
import type { ProfileSet, Section } from '../readings/profileSet';
import type { TextRange } from '../text/textRange';
import type { RawProfileFile, RawProperty, RawSection } from '../ini/rawProfileFile';
import type { FileTexts, ReadingResult } from '../readings/reading';
import type { LegacySdkUse } from '../references/legacySdkUses';
import { changedSectionNames } from '../readings/readingChanges';
import { ReadingDifference, readingDifferences, readingDifferencesAgain } from '../readings/readingDifferences';
import { readStandardAndLiteral } from '../readings/standardReader';
import { TextChange, textChange } from '../text/textChange';
import { EditedSections, editedSections, rangeAfterChanges } from './editedSections';
import type { SeveritySetting } from './rule';

/** What verifying a profile's credentials (STS GetCallerIdentity) taught us about them. */
export interface VerifiedIdentity {
	/** The credentials are the account root user's (the ARN ends in `:root`). */
	readonly rootUser: boolean;
}

export interface LintOptions {
	/** A severity or `off` per rule id; rules not listed keep their default (opt-in rules stay off). */
	readonly rules?: Readonly<Record<string, SeveritySetting | undefined>>;
	/** A regular expression every profile name must match as a whole (`namingPattern` setting). */
	readonly namingPattern?: string;
}

export interface LintInput {
	/** The two texts; an absent file is `undefined`. */
	readonly texts: FileTexts;
	/** The files' mode bits (`fs.stat().mode`), for the permission rule; not given means not checked. */
	readonly fileModes?: Readonly<Partial<Record<FileRole, number>>>;
	/** File modes mean nothing on Windows. */
	readonly platform?: Platform;
	/**
	 * The JavaScript SDK's reading of the same texts (src/core/readings/jsSdkReader.ts, which is asynchronous and lives in
	 * the AWS layer). Without it, the compatibility rule compares the standard with the AWS CLI only, and
	 * assumes that the JS SDK reads what the standard reads, except for the constructs it knows the JS SDK reads
	 * otherwise.
	 */
	readonly jsSdk?: ReadingResult;
	/** By profile name: what verifying its credentials found. */
	readonly verification?: ReadonlyMap<string, VerifiedIdentity>;
	/**
	 * The profiles that Serverless Framework v3 projects of the workspace name (references/legacySdkUses.ts):
	 * their tool reads only the credentials file. Not given means no such project is known.
	 */
	readonly legacySdkUses?: readonly LegacySdkUse[];
	/** The time expiry is judged at; `Date.now` when absent. */
	readonly now?: Clock;
	readonly options?: LintOptions;
}

/** One header of a file, with the section of the standard it contributes to. */
export interface LintedSection {
	readonly file: FileRole;
	readonly raw: RawSection;
	/** Undefined when the standard ignores the header (a problem says why) or when it is unterminated. */
	readonly target?: Section;
	/** Where the lines under the header end: at the next header's line, or at the end of the file. */
	readonly end: number;
}

export interface LintedFile {
	readonly role: FileRole;
	readonly text: string;
	readonly raw: RawProfileFile;
	/** The file as the AWS CLI reads it on its own; what parsing it again after an edit starts from. */
	readonly awsCliFile: AwsCliFile;
	/** Every header of the file, in order. */
	readonly sections: readonly LintedSection[];
	/** The headers of each section of the standard in this file, in order (more than one when it is written again). */
	readonly occurrences: ReadonlyMap<Section, readonly LintedSection[]>;
	/**
	 * The keys set more than once in one section of this file (compared in lower case, as the standard does):
	 * each group lists the definitions in order, the last being the one the standard uses.
	 */
	readonly repeatedKeys: readonly (readonly RawProperty[])[];
	/**
	 * Where the text differs from the same file in the parse this one was made after (`parseProfileFiles`'s
	 * `previous`); undefined when it is the same or there was none. What re-reads the file after an edit takes it.
	 */
	readonly change?: TextChange;
}

/** The AWS CLI refuses this file on its own (botocore stops at the first refused file; both are listed here). */
export interface AwsCliRefusal {
	readonly file: FileRole;
	/** The reader's message: it names the line, keys and sections, never a value. */
	readonly error: string;
}

export interface ParsedProfileFiles {
	readonly texts: FileTexts;
	/** The files that exist, config file first. */
	readonly files: readonly LintedFile[];
	readonly standard: ProfileSet;
	readonly awsCli: ReadingResult;
	readonly awsCliRefusals: readonly AwsCliRefusal[];
	readonly jsSdk?: ReadingResult;
	/** Where the three readings differ; empty while the standard refuses the files (their syntax comes first). */
	readonly differences: readonly ReadingDifference[];
	readonly now: number;
	readonly platform?: Platform;
	readonly fileModes: Readonly<Partial<Record<FileRole, number>>>;
	readonly verification: ReadonlyMap<string, VerifiedIdentity>;
	readonly legacySdkUses: readonly LegacySdkUse[];
}

/** What a rule sees: the parsed files and the settings of this run. */
export interface LintContext extends ParsedProfileFiles {
	readonly options: LintOptions;
}

const fileRoles: readonly FileRole[] = ['config', 'credentials'];

/**
 * Parses and reads the two texts once, for any number of lint runs. Never throws on their content.
 *
 * `previous`, the parse of the texts as they were a moment ago, makes it quicker and changes nothing in the
 * result: in an edited file, the AWS CLI's reading (awsCliReader.ts `readAwsCliFile`) takes what is before and
 * after the edit from it, and the readings are compared again only for the sections the edit touched
 * (editedSections.ts). Both find where the edit is in the file's `change`, computed once here. A file the edit
 * did not touch keeps its literal parse. The standard's reading and the rules run again: keeping the rules'
 * findings per section saved about a tenth of a re-lint at 5,000 profiles and nothing at 500.
 */
export function parseProfileFiles(input: LintInput, previous?: ParsedProfileFiles): ParsedProfileFiles {
	const { texts } = input;
	const earlier = earlierFiles(texts, previous);
	// A file the edit did not touch keeps its literal parse (plain data, never changed once made).
	const unchanged = Object.fromEntries(fileRoles.flatMap((role) => earlier[role] && !earlier[role].change ? [[role, earlier[role].file.raw]] : []));
	const { standard, literal } = readStandardAndLiteral(texts, unchanged);
	const targets = headerTargets(standard);
	const files = fileRoles.flatMap((role) => {
		const text = texts[role];
		return text === undefined ? [] : [lintedFile({ role, text, raw: literal[role]! }, targets[role], earlier[role])];
	});
	const awsCli = combineAwsCliFiles(Object.fromEntries(files.map((file) => [file.role, file.awsCliFile])));
	return {
		texts,
		files,
		standard,
		awsCli,
		awsCliRefusals: awsCli.ok ? [] : refusalsByFile(files),
		...(input.jsSdk ? { jsSdk: input.jsSdk } : {}),
		differences: differencesOf({ texts, standard, awsCli, jsSdk: input.jsSdk, files }, previous),
		now: (input.now ?? Date.now)(),
		...(input.platform ? { platform: input.platform } : {}),
		fileModes: input.fileModes ?? {},
		verification: input.verification ?? new Map(),
		legacySdkUses: input.legacySdkUses ?? [],
	};
}

export function fileOf(context: ParsedProfileFiles, role: FileRole): LintedFile | undefined {
	return context.files.find((file) => file.role === role);
}

export function textOf(file: LintedFile, range: TextRange): string {
	return file.text.slice(range.offset, range.offset + range.length);
}

/** The headers of `section` in one file, in order (a section may be written several times). */
export function headersOf(file: LintedFile, section: Section): LintedSection[] {
	return file.sections.filter((linted) => linted.target === section);
}

/** Every property written under the headers of one file that feed `section`, in order. */
export function propertiesOf(file: LintedFile, section: Section): RawProperty[] {
	return headersOf(file, section).flatMap((linted) => linted.raw.properties);
}

/** The standard lower-cases keys in ASCII only; so do our comparisons. */
export function keyName(key: string): string {
	return /[A-Z]/.test(key) ? key.replace(/[A-Z]+/g, (upper) => upper.toLowerCase()) : key;
}

/** A file of the last parse, and where its text changed since (undefined when it is the same). */
interface EarlierFile {
	readonly file: LintedFile;
	readonly change?: TextChange;
}

/** The files of `previous` that are still there, with where their text changed since. */
function earlierFiles(texts: FileTexts, previous: ParsedProfileFiles | undefined): Partial<Record<FileRole, EarlierFile>> {
	const earlier: Partial<Record<FileRole, EarlierFile>> = {};
	for (const role of fileRoles) {
		const file = previous && fileOf(previous, role);
		const text = texts[role];
		if (file && text !== undefined) {
			earlier[role] = file.text === text ? { file } : { file, change: textChange(file.text, text) };
		}
	}
	return earlier;
}

/** Each file's headers that the standard reads, by the offset of their `[`, with the section they feed. */
function headerTargets(standard: ProfileSet): Record<FileRole, Map<number, Section>> {
	const targets: Record<FileRole, Map<number, Section>> = { config: new Map(), credentials: new Map() };
	for (const sections of [standard.profiles, standard.ssoSessions, standard.services]) {
		for (const section of sections.values()) {
			for (const { file, range } of section.headers) {
				targets[file].set(range.offset, section);
			}
		}
	}
	return targets;
}

/** `targets`: the headers of this file that the standard reads (headerTargets); `earlier`: the file in the last parse. */
function lintedFile(parsed: Pick<LintedFile, 'role' | 'text' | 'raw'>, targets: ReadonlyMap<number, Section>, earlier: EarlierFile | undefined): LintedFile {
	const { role, text, raw } = parsed;
	const change = earlier?.change;
	// The same reading again when the text is the same (readAwsCliFile returns `previous` then).
	const awsCliFile = readAwsCliFile(text, earlier?.file.awsCliFile, change);
	const sections = raw.sections.map((section, index): LintedSection => {
		const target = targets.get(section.header.header.offset);
		const end = index + 1 < raw.sections.length ? raw.sections[index + 1].header.span.offset : text.length;
		return target ? { file: role, raw: section, target, end } : { file: role, raw: section, end };
	});
	const occurrences = occurrencesOf(sections);
	return { role, text, raw, awsCliFile, sections, occurrences, repeatedKeys: repeatedKeysOf(occurrences), change };
}

function occurrencesOf(sections: readonly LintedSection[]): Map<Section, LintedSection[]> {
	const bySection = new Map<Section, LintedSection[]>();
	for (const section of sections) {
		if (section.target) {
			const list = bySection.get(section.target);
			if (list) {
				list.push(section);
			} else {
				bySection.set(section.target, [section]);
			}
		}
	}
	return bySection;
}

function repeatedKeysOf(occurrences: ReadonlyMap<Section, readonly LintedSection[]>): RawProperty[][] {
	const groups: RawProperty[][] = [];
	for (const sections of occurrences.values()) {
		const properties = sections.length === 1 ? sections[0].raw.properties : sections.flatMap((section) => section.raw.properties);
		if (properties.length < 2 || !hasRepeatedKey(properties)) {
			continue;
		}
		const byName = new Map<string, RawProperty[]>();
		for (const property of properties) {
			const name = keyName(property.key);
			const group = byName.get(name);
			if (group) {
				group.push(property);
			} else {
				byName.set(name, [property]);
			}
		}
		if (byName.size < properties.length) {
			groups.push(...[...byName.values()].filter((group) => group.length > 1));
		}
	}
	return groups;
}

/** Whether two of `properties` set the same key: most sections have a few keys, compared pair by pair. */
function hasRepeatedKey(properties: readonly RawProperty[]): boolean {
	if (properties.length > 16) {
		return true; // let the map tell
	}
	for (let i = 1; i < properties.length; i++) {
		const key = properties[i].key;
		for (let j = 0; j < i; j++) {
			const other = properties[j].key;
			if (other.length === key.length && (other === key || keyName(other) === keyName(key))) {
				return true;
			}
		}
	}
	return false;
}

/** Which files the AWS CLI refuses, each read alone: it stops at the first, but a user wants to see both. */
function refusalsByFile(files: readonly LintedFile[]): AwsCliRefusal[] {
	return files.flatMap((file) => {
		const error = awsCliFileRefusal(file.role, file.awsCliFile);
		return error === undefined ? [] : [{ file: file.role, error }];
	});
}

/** What the readings are compared on. */
interface ComparedReadings {
	readonly texts: FileTexts;
	readonly standard: ProfileSet;
	readonly awsCli: ReadingResult;
	readonly jsSdk: ReadingResult | undefined;
	readonly files: readonly LintedFile[];
}

/**
 * Without the JS SDK's reading, the standard's stands in for it, so only the AWS CLI can differ. While the
 * standard refuses the files, nothing is compared: the syntax errors come first, and a refused reading says
 * nothing about single lines. After an edit, only the sections it touched are compared again, and those the JS
 * SDK's reading (read anew by the caller) sees otherwise than last time.
 */
function differencesOf(readings: ComparedReadings, previous: ParsedProfileFiles | undefined): readonly ReadingDifference[] {
	const { texts, standard, awsCli, jsSdk } = readings;
	if (refusedByStandard(standard)) {
		return []; // the standard refuses the files, as `toReading` does
	}
	const input = { texts, standard, others: { 'aws-cli': awsCli, ...(jsSdk ? { 'js-sdk': jsSdk } : {}) } };
	const names = previous && !refusedByStandard(previous.standard) ? namesToCompareAgain(readings, previous) : undefined;
	if (!names) {
		return readingDifferences(input);
	}
	return readingDifferencesAgain(input, previous!.differences, {
		names: names.names,
		moved: (location) => ({ ...location, range: rangeAfterChanges(names.changes, location.file, location.range) }),
	});
}

/** The sections whose readings may differ from last time (editedSections.ts); undefined when that is not known. */
function namesToCompareAgain(readings: ComparedReadings, previous: ParsedProfileFiles): EditedSections | undefined {
	const { jsSdk } = readings;
	if ((jsSdk === undefined) !== (previous.jsSdk === undefined)) {
		return undefined; // compared with another reader than last time
	}
	const edits = editedSections(previous.files, readings.files);
	const jsSdkNames = jsSdk && previous.jsSdk ? changedSectionNames(previous.jsSdk, jsSdk) : new Set<string>();
	if (!edits || !jsSdkNames) {
		return undefined;
	}
	return { changes: edits.changes, names: new Set([...edits.names, ...jsSdkNames]) };
}

function refusedByStandard(standard: ProfileSet): boolean {
	return standard.problems.some((problem) => problem.severity === 'error');
}

/** A property as written, with the header it is under and what it means to the standard. */
export interface WrittenProperty {
	readonly file: LintedFile;
	readonly section: LintedSection;
	readonly target: Section;
	readonly property: RawProperty;
	/** The key as the standard names it (lower-cased). */
	readonly name: string;
}

/** Every definition of `key` for `section`, in both files: what a fix must change so that no other one shows. */
export function definitionsOf(context: ParsedProfileFiles, section: Section, key: string): { file: LintedFile; property: RawProperty }[] {
	return context.files.flatMap((file) => propertiesOf(file, section)
		.filter((property) => keyName(property.key) === key)
		.map((property) => ({ file, property })));
}

/** The header of `file` that starts at `offset`, if any. */
export function sectionAt(context: ParsedProfileFiles, role: FileRole, offset: number): LintedSection | undefined {
	return fileOf(context, role)?.sections.find((section) => section.raw.header.header.offset === offset);
}
