/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the AWS CLI (v1 and v2), boto3 and everything built on botocore (SAM, Chalice, Zappa...) see in the
// two files. botocore does not follow the SDKs' shared standard: it hands each file to Python's
// `configparser.RawConfigParser` with its default options and then maps the sections to profiles
// (botocore/configloader.py `raw_config_parse`, `build_profile_map`; botocore/session.py `full_config`).
// This module models both layers, checked against the real CLI by awsCliReader.differential.test.ts:
//
// configparser (each file on its own; CPython 3.11 to 3.14 behave alike, and the CLI v2 installers bundle 3.11+):
// - lines end at \n, \r\n or a lone \r (Python's universal newlines); "whitespace" is Python's (str.isspace),
//   which is not JavaScript's: a BOM is not whitespace, so a file starting with one has no first header;
// - a line whose first non-blank character is `#` or `;` is a comment; there are NO inline comments, so
//   `region = us-east-1 # main` is the value `us-east-1 # main`;
// - `[anything]` is a header: from the first `[` to the LAST `]` of the line; text after it is ignored
//   (Python 3.10 and older, still used by some boto3 installs, stop at the first `]`: only `[a]]` differs);
// - a key ends at the first `=` or `:`; keys are lower-cased (JavaScript's toLowerCase, which differs from
//   Python's only for letters added to Unicode lately), values trimmed;
// - a line indented deeper than the line that started the current key continues its value, even after blank
//   lines and comments (blank lines are kept inside the value, trailing ones dropped); a deeper `[x]` is a
//   continuation too;
// - the whole file is refused (the CLI stops with "Unable to parse config file") for: a line before the first
//   header, the same header twice, the same key twice in a section (in any letter case), a line that is none
//   of header, `key = value`, comment or continuation, and a key with an empty name;
// - `[DEFAULT]` (exactly that case) is no section: its keys are inherited by every section of that file.
// botocore:
// - a value that starts on the next line is a block of sub-properties `key = value` (sub-keys keep their case;
//   one line without `=` refuses the whole file); this applies to both files;
// - config file: a header that starts with `profile` is split like a shell does (shlex): it counts when it
//   gives exactly two words and the second is the name, so `[profile "a b"]` is `a b`, `[profile  x]` is `x`,
//   `[profilex y]` is `y`, and `[profile a b]`, `[profile]`, `[profile "x]` are ignored; `sso-session` alike;
//   `[default]` is the profile `default`; of two headers naming the same profile, the later one wins whole;
// - credentials file: every section is a profile named exactly as written (`[profile x]` is `profile x`);
// - both files: a profile in both is the config file's keys updated by the credentials file's, key by key.

import type { FileRole } from '../readings/fileLocations';
import type { FileTexts, Reading, ReadingResult, ReadingSection, ReadingValue } from './reading';
import { TextChange, textChange } from '../text/textChange';

/** Reads the two files as the AWS CLI and boto3 do. A pure function of the texts; never throws. */
export function readAwsCli(texts: FileTexts): ReadingResult {
	// botocore loads the config file first, so a refused config file is the error the CLI reports.
	const config = texts.config === undefined ? undefined : readIniFile(texts.config);
	if (config && !config.ok) {
		return refuse('config', config.refusal);
	}
	const credentials = texts.credentials === undefined ? undefined : readIniFile(texts.credentials);
	return combine(config, credentials);
}

/**
 * One file as the AWS CLI reads it on its own, with what reading it again after an edit can reuse: configparser
 * reads the lines between two headers alike wherever they are (see `chunkStarts`), so only the pieces an edit
 * touched are read again.
 */
export interface AwsCliFile {
	readonly parse: FileParse;
	readonly text: string;
	/** The file's pieces in order, and where each starts. */
	readonly chunks: readonly IniChunk[];
	readonly starts: readonly number[];
	/** Whether a piece has a [DEFAULT] section, which gives its keys to every section of the file. */
	readonly hasDefault: boolean;
	/** What this reading read anew and dropped of the reading it was made from (`readAwsCliFile`'s `previous`). */
	readonly changed?: ChangedChunks;
}

interface ChangedChunks {
	/** The reading it was made from, by its `id`: the reading itself is not kept, nor all those before it. */
	readonly from: number;
	readonly added: readonly IniChunk[];
	readonly removed: readonly IniChunk[];
}

/** Each reading's id (see ChangedChunks). */
const readingIds = new WeakMap<AwsCliFile, number>();
let lastReadingId = 0;

function idOf(reading: AwsCliFile): number {
	let id = readingIds.get(reading);
	if (id === undefined) {
		id = ++lastReadingId;
		readingIds.set(reading, id);
	}
	return id;
}

/**
 * Reads one file as `readAwsCli` does. With `previous`, the reading of the text before an edit, the pieces
 * before and after the edited span are taken from it, and only those in between are read. `change`: where `text`
 * differs from `previous.text`, when the caller has it (the lint engine computes it once for every reader of
 * the file); computed from the two texts when not given.
 */
export function readAwsCliFile(text: string, previous?: AwsCliFile, change?: TextChange): AwsCliFile {
	if (previous?.text === text) {
		return previous;
	}
	const { chunks, starts, changed } = previous
		? chunksAfterEdit(text, previous, change ?? textChange(previous.text, text))
		: readChunks(text, 0, text.length, []);
	// A [DEFAULT] section gives its keys to every section of the file: such a (rare) file is read whole.
	const hasDefault = chunks.some((chunk) => chunk.scan.hasDefault);
	return {
		parse: hasDefault ? readIniFile(text) : joinChunks(chunks),
		text,
		chunks,
		starts,
		hasDefault,
		...(changed ? { changed } : {}),
	};
}

interface Chunks {
	readonly chunks: IniChunk[];
	readonly starts: number[];
	readonly changed?: ChangedChunks;
}

/** The pieces of `text` from `start` (where one starts) to `end` (where one starts, or the end), read. */
function readChunks(text: string, start: number, end: number, reusable: readonly IniChunk[]): Chunks {
	const byText = new Map(reusable.map((chunk) => [chunk.text, chunk]));
	const starts = chunkStarts(text, start, end);
	const chunks = starts.map((at, index) => {
		const chunkText = text.slice(at, starts[index + 1] ?? end);
		return byText.get(chunkText) ?? readChunk(chunkText);
	});
	return { chunks, starts };
}

/**
 * The pieces of `text`, an edit of `previous.text` (`change` says where): those that end before the line the edit
 * starts on are the same, and so are those that start after its end (one character after, so that the line break
 * before them is the same too), moved; the rest is split and read again (a piece of the same text is taken as it
 * was).
 */
function chunksAfterEdit(text: string, previous: AwsCliFile, change: TextChange): Chunks {
	// (lastIndexOf reads a negative position as 0: the edit's line starts at 0 then.)
	const lineStart = change.start === 0 ? 0 : Math.max(text.lastIndexOf('\n', change.start - 1), text.lastIndexOf('\r', change.start - 1)) + 1;
	const old = previous.starts;
	const endOf = (index: number) => index + 1 < old.length ? old[index + 1] : previous.text.length;
	let before = 0;
	while (before < old.length && endOf(before) < lineStart) {
		before++;
	}
	let after = old.length;
	while (after > before && old[after - 1] >= change.oldEnd + 1) {
		after--;
	}
	const shift = change.newEnd - change.oldEnd;
	const middleStart = before < old.length ? old[before] : text.length;
	const middleEnd = after < old.length ? old[after] + shift : text.length;
	const dropped = previous.chunks.slice(before, after);
	const middle = middleStart < middleEnd || middleStart === 0 ? readChunks(text, middleStart, middleEnd, dropped) : { chunks: [], starts: [] };
	const kept = new Set(middle.chunks);
	return {
		chunks: [...previous.chunks.slice(0, before), ...middle.chunks, ...previous.chunks.slice(after)],
		starts: [...old.slice(0, before), ...middle.starts, ...old.slice(after).map((start) => start + shift)],
		changed: {
			from: idOf(previous),
			added: middle.chunks.filter((chunk) => !dropped.includes(chunk)),
			removed: dropped.filter((chunk) => !kept.has(chunk)),
		},
	};
}

/** What the AWS CLI reads in the two files, each read by `readAwsCliFile`. */
export function combineAwsCliFiles(files: { readonly config?: AwsCliFile; readonly credentials?: AwsCliFile }): ReadingResult {
	const config = files.config?.parse;
	if (config && !config.ok) {
		return refuse('config', config.refusal);
	}
	return combine(config, files.credentials?.parse);
}

/** Why the AWS CLI refuses `file` read on its own, as `readAwsCli` words it; undefined when it reads it. */
export function awsCliFileRefusal(file: FileRole, reading: AwsCliFile): string | undefined {
	const { parse } = reading;
	if (parse.ok) {
		return undefined;
	}
	return refuse(file, parse.refusal).error;
}

/**
 * The profile and sso-session names whose reading may differ between `previous` and `next`, two readings of the
 * same file: the names of the sections in the pieces one has and the other has not. Undefined when the pieces
 * say nothing about that: either reading is refused or has a [DEFAULT] section (both decided by the whole file).
 */
export function changedAwsCliNames(file: FileRole, previous: AwsCliFile, next: AwsCliFile): Set<string> | undefined {
	if (!previous.parse.ok || !next.parse.ok || previous.hasDefault || next.hasDefault) {
		return undefined;
	}
	const names = new Set<string>();
	if (next === previous) {
		return names;
	}
	const { changed } = next;
	if (!changed || changed.from !== readingIds.get(previous)) {
		return undefined; // not read from `previous`: what changed is not known
	}
	for (const chunk of [...changed.added, ...changed.removed]) {
		for (const header of chunk.scan.sections.keys()) {
			// The header as written is a credentials-file profile's name; a config-file one is named as botocore splits it.
			names.add(header);
			const words = file === 'config' ? shlexSplit(header) : undefined;
			if (words?.length === 2) {
				names.add(words[1]);
			}
		}
	}
	return names;
}

/** botocore's profile map of the config file (already read) and the credentials file. */
function combine(config: FileParse | undefined, credentials: FileParse | undefined): ReadingResult {
	const profiles: Sections = new Map();
	const ssoSessions: Sections = new Map();
	if (config?.ok) {
		addConfigSections(config.sections, profiles, ssoSessions);
	}
	if (credentials && !credentials.ok) {
		return refuse('credentials', credentials.refusal);
	}
	if (credentials) {
		mergeCredentialsSections(credentials.sections, profiles);
	}
	const reading: Reading = { profiles: toRecord(profiles), ssoSessions: toRecord(ssoSessions) };
	return { ok: true, reading };
}

/** Why a whole file is refused. The message names keys and sections, never a value or a whole line. */
interface Refusal {
	readonly line: number;
	readonly message: string;
}

/** A section's keys as one reader sees them; plain records filled by setOwn, so nothing reaches a prototype. */
type Values = Record<string, ReadingValue>;

type Sections = Map<string, Values>;

/** One file read by configparser and botocore's `raw_config_parse`: its sections, or why it is refused. */
type FileParse =
	| { readonly ok: true; readonly sections: Sections }
	| { readonly ok: false; readonly refusal: Refusal };

function refuse(file: FileRole, refusal: Refusal): ReadingResult & { readonly ok: false } {
	return {
		ok: false,
		file,
		error: `The AWS CLI cannot parse the ${file} file (line ${refusal.line}: ${refusal.message}); `
			+ 'it refuses the whole file and every command fails.',
	};
}

// ---- botocore: from sections to profiles --------------------------------------------------------------

function addConfigSections(sections: Sections, profiles: Sections, ssoSessions: Sections): void {
	for (const [header, values] of sections) {
		if (header.startsWith('profile')) {
			setIfTwoWords(header, values, profiles);
		} else if (header.startsWith('sso-session')) {
			setIfTwoWords(header, values, ssoSessions);
		} else if (header === 'default') {
			profiles.set('default', values);
		}
		// Any other section ([services x], [plugins], [preview]...) is not a profile.
	}
}

/** botocore only checks the prefix, then keeps the second shell word whatever the first one is. */
function setIfTwoWords(header: string, values: Values, target: Sections): void {
	let name = splitNames.get(values);
	if (name === undefined) {
		const words = shlexSplit(header);
		name = words !== undefined && words.length === 2 ? words[1] : null;
		splitNames.set(values, name);
	}
	if (name !== null) {
		target.set(name, values);
	}
}

/**
 * The name `setIfTwoWords` found for the header each section's values were read under (null: none), kept with
 * the values: a piece of a file that did not change keeps its values (readAwsCliFile), so a file read again
 * splits only the headers of the pieces that changed.
 */
const splitNames = new WeakMap<Values, string | null>();

function mergeCredentialsSections(sections: Sections, profiles: Sections): void {
	for (const [name, values] of sections) {
		const existing = profiles.get(name);
		if (existing === undefined) {
			profiles.set(name, values);
		} else {
			// Python's dict.update, on a copy so the config file's section stays as it was read.
			const merged: Values = { ...existing };
			for (const key of Object.keys(values)) {
				setOwn(merged, key, values[key]);
			}
			profiles.set(name, merged);
		}
	}
}

/**
 * POSIX shell-word splitting as Python's `shlex.split` does it (no comments): words split on space, tab,
 * CR and LF; quotes group; a backslash escapes outside single quotes. `undefined` where shlex raises.
 */
function shlexSplit(text: string): string[] | undefined {
	const words: string[] = [];
	let state: 'between' | 'word' | 'single' | 'double' = 'between';
	let word = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (state === 'single') {
			if (c === '\'') {
				state = 'word';
			} else {
				word += c;
			}
		} else if (state === 'double') {
			if (c === '"') {
				state = 'word';
			} else if (c === '\\') {
				if (++i >= text.length) {
					return undefined;
				}
				// Inside double quotes only `\"` and `\\` are escapes; elsewhere the backslash stays.
				const next = text[i];
				word += next === '"' || next === '\\' ? next : c + next;
			} else {
				word += c;
			}
		} else if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
			if (state === 'word') {
				words.push(word);
				word = '';
				state = 'between';
			}
		} else if (c === '\'' || c === '"') {
			state = c === '\'' ? 'single' : 'double';
		} else if (c === '\\') {
			if (++i >= text.length) {
				return undefined;
			}
			word += text[i];
			state = 'word';
		} else {
			word += c;
			state = 'word';
		}
	}
	if (state === 'single' || state === 'double') {
		return undefined;
	}
	if (state === 'word') {
		words.push(word);
	}
	return words;
}

// ---- configparser + botocore's raw_config_parse: one file to sections ---------------------------------

interface RawOption {
	/** The value on the key's line. */
	readonly first: string;
	/** The continuation lines as configparser collects them (blank ones as ''), if there are any. */
	more: string[] | undefined;
	/** 1-based, where the key is written. */
	readonly line: number;
}

type RawSection = Map<string, RawOption>;

interface RawIni {
	readonly sections: Map<string, RawSection>;
	readonly defaults: RawSection;
}

function readIniFile(text: string): FileParse {
	const scan = scanIni(text);
	const refusal = scan.fatal ?? scan.deferred;
	if (refusal) {
		return { ok: false, refusal };
	}
	return resolveSections(scan);
}

/** What configparser's `_read` finds in a text, up to its first fatal error. */
interface IniScan extends RawIni {
	/** The line of each header of `sections`, in the same order. */
	readonly headerLines: readonly number[];
	/** Whether a [DEFAULT] header was read. */
	readonly hasDefault: boolean;
	/** The error that stops configparser at once; `sections` holds what came before it. */
	readonly fatal?: Refusal;
	/** The first bad line, which configparser reports only at the end of the file, when nothing fatal comes. */
	readonly deferred?: Refusal;
	/** How many lines were read. */
	readonly lineCount: number;
}

/** The literal layer: RawConfigParser's `_read` with its default options (strict, no inline comments). */
function scanIni(text: string): IniScan {
	const sections = new Map<string, RawSection>();
	const headerLines: number[] = [];
	const defaults: RawSection = new Map();
	let hasDefault = false;
	let section: { name: string; options: RawSection } | undefined;
	let option: RawOption | undefined;
	let indentLevel = 0;
	let deferred: Refusal | undefined;
	let lineNumber = 0;
	const stop = (fatal: Refusal): IniScan => ({ sections, headerLines, defaults, hasDefault, fatal, lineCount: lineNumber });
	for (const line of universalLines(text)) {
		lineNumber++;
		const value = pyStrip(line);
		if (value === '') {
			// A blank line belongs to the value being read (dropped at the end if nothing follows).
			if (option !== undefined) {
				(option.more ??= []).push('');
			}
			continue;
		}
		if (value[0] === '#' || value[0] === ';') {
			continue;
		}
		const indent = firstNonSpace(line);
		if (section !== undefined && option !== undefined && indent > indentLevel) {
			(option.more ??= []).push(value);
			continue;
		}
		indentLevel = indent;
		const header = headerOf(value);
		if (header !== undefined) {
			option = undefined;
			if (header === 'DEFAULT') {
				hasDefault = true;
				section = { name: header, options: defaults };
				continue;
			}
			if (sections.has(header)) {
				return stop({ line: lineNumber, message: duplicateSectionMessage(header) });
			}
			section = { name: header, options: new Map() };
			sections.set(header, section.options);
			headerLines.push(lineNumber);
			continue;
		}
		if (section === undefined) {
			return stop({ line: lineNumber, message: 'there is text before the first [section] header' });
		}
		const split = splitOption(value);
		if (split === undefined) {
			deferred ??= { line: lineNumber, message: 'the line is not a [section] header, a key = value line or a comment' };
			continue;
		}
		if (split.key === '') {
			deferred ??= { line: lineNumber, message: 'a key name is missing before the = or :' };
		}
		const key = split.key.toLowerCase();
		if (section.options.has(key)) {
			return stop({
				line: lineNumber,
				message: `the key '${key}' is set twice in [${section.name}] (keys are compared in lower case)`,
			});
		}
		option = { first: split.value, more: undefined, line: lineNumber };
		// An empty key (already an error) cannot start a continuation, as in configparser.
		section.options.set(key, option);
		if (key === '') {
			option = undefined;
		}
	}
	return { sections, headerLines, defaults, hasDefault, ...(deferred ? { deferred } : {}), lineCount: lineNumber };
}

function duplicateSectionMessage(header: string): string {
	return `the section [${header}] appears twice`;
}

/** `[` + at least one character + `]`, up to the last `]` of the line; anything after it is ignored. */
function headerOf(value: string): string | undefined {
	if (value[0] !== '[') {
		return undefined;
	}
	const end = value.lastIndexOf(']');
	return end >= 2 ? value.slice(1, end) : undefined;
}

/** The key is everything before the first `=` or `:`, the value everything after it, both trimmed. */
function splitOption(value: string): { key: string; value: string } | undefined {
	const equals = value.indexOf('=');
	const colon = value.indexOf(':');
	const at = equals === -1 ? colon : colon === -1 ? equals : Math.min(equals, colon);
	if (at === -1) {
		return undefined;
	}
	return { key: pyStrip(value.slice(0, at)), value: pyStrip(value.slice(at + 1)) };
}

// ---- Reading a file piece by piece ---------------------------------------------------------------------

/**
 * A line whose first character is `[` and that holds a `]` after it (at the third character or later) is a
 * header whatever the lines above it are: configparser tests for a continuation only when a line is indented
 * deeper than the key above it, and such a line is not indented at all. At such a line configparser forgets
 * everything but the section names read so far (a duplicate is an error) and its first bad line (reported
 * at the end), so the text from one such line to the next reads the same wherever it is, up to the line
 * numbers: each piece is read on its own, and `joinChunks` adds what the file as a whole decides.
 */
interface IniChunk {
	readonly text: string;
	readonly scan: IniScan;
	/** The sections' values, in order, up to the first value botocore refuses, if the scan found no error. */
	readonly values: readonly (readonly [string, Values])[];
	/** Why botocore refuses the value after the last of `values` (the line counted from the piece's start). */
	readonly refusal?: Refusal;
}

function readChunk(text: string): IniChunk {
	const scan = scanIni(text);
	if (scan.fatal || scan.deferred || scan.hasDefault) {
		return { text, scan, values: [] };
	}
	const values: [string, Values][] = [];
	for (const [name, options] of scan.sections) {
		const resolved = resolveOptions(name, options);
		if (!resolved.ok) {
			return { text, scan, values, refusal: resolved.refusal };
		}
		values.push([name, resolved.values]);
	}
	return { text, scan, values };
}

/**
 * Where the pieces from `start` (0, or where one starts) to `end` start: at `start`, and at each line that is a
 * header whatever comes before it.
 */
function chunkStarts(text: string, start: number, end: number): number[] {
	const starts = [start];
	for (let at = text.indexOf('[', start + 1); at !== -1 && at < end; at = text.indexOf('[', at + 1)) {
		const before = text.charCodeAt(at - 1);
		if ((before === 0x0a || before === 0x0d) && closesAfter(text, at)) {
			starts.push(at);
		}
	}
	return starts;
}

/** Whether the line that starts with `[` at `at` has a `]` at its third character or later. */
function closesAfter(text: string, at: number): boolean {
	let end = at;
	while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) {
		end++;
	}
	return text.lastIndexOf(']', end - 1) >= at + 2;
}

/** What configparser and botocore make of the whole file, from its pieces read on their own. */
function joinChunks(chunks: readonly IniChunk[]): FileParse {
	const names = new Set<string>();
	const bases: number[] = [];
	let deferred: Refusal | undefined;
	let base = 0;
	for (const chunk of chunks) {
		const { scan } = chunk;
		let index = 0;
		for (const name of scan.sections.keys()) {
			if (names.has(name)) {
				return { ok: false, refusal: { line: base + scan.headerLines[index], message: duplicateSectionMessage(name) } };
			}
			names.add(name);
			index++;
		}
		if (scan.fatal) {
			return { ok: false, refusal: shifted(scan.fatal, base) };
		}
		if (scan.deferred) {
			deferred ??= shifted(scan.deferred, base);
		}
		bases.push(base);
		base += scan.lineCount;
	}
	if (deferred) {
		return { ok: false, refusal: deferred };
	}
	const sections: Sections = new Map();
	for (let i = 0; i < chunks.length; i++) {
		for (const [name, values] of chunks[i].values) {
			sections.set(name, values);
		}
		const { refusal } = chunks[i];
		if (refusal) {
			return { ok: false, refusal: shifted(refusal, bases[i]) };
		}
	}
	return { ok: true, sections };
}

function shifted(refusal: Refusal, lines: number): Refusal {
	return { line: refusal.line + lines, message: refusal.message };
}

/**
 * botocore's view of the parsed file: `[DEFAULT]`'s keys added to every section (the section's own win),
 * values joined, and values that start on the next line parsed as sub-properties.
 */
function resolveSections(raw: RawIni): FileParse {
	const sections: Sections = new Map();
	// A [DEFAULT] key is resolved once and shared by every section (values are never mutated once resolved).
	const resolvedDefaults = new Map<string, ResolvedValue>();
	for (const [name, options] of raw.sections) {
		const own = resolveOptions(name, options);
		if (!own.ok) {
			return own;
		}
		const { values } = own;
		for (const [key, option] of raw.defaults) {
			if (Object.hasOwn(values, key)) {
				continue;
			}
			let resolved = resolvedDefaults.get(key);
			if (resolved === undefined) {
				resolved = resolveValue(option, key, 'DEFAULT');
				resolvedDefaults.set(key, resolved);
			}
			if (!resolved.ok) {
				return resolved;
			}
			setOwn(values, key, resolved.value);
		}
		sections.set(name, values);
	}
	return { ok: true, sections };
}

/** A section's own keys, resolved. */
function resolveOptions(name: string, options: RawSection): { readonly ok: true; readonly values: Values } | { readonly ok: false; readonly refusal: Refusal } {
	const values: Values = {};
	for (const [key, option] of options) {
		const resolved = resolveValue(option, key, name);
		if (!resolved.ok) {
			return resolved;
		}
		setOwn(values, key, resolved.value);
	}
	return { ok: true, values };
}

type ResolvedValue =
	| { readonly ok: true; readonly value: ReadingValue }
	| { readonly ok: false; readonly refusal: Refusal };

function resolveValue(option: RawOption, key: string, section: string): ResolvedValue {
	if (option.more === undefined) {
		// One line, already trimmed: the common case, with nothing to join.
		return { ok: true, value: option.first };
	}
	const joined = pyRStrip(option.first + '\n' + option.more.join('\n'));
	if (!joined.startsWith('\n')) {
		return { ok: true, value: joined };
	}
	const subProperties = parseSubProperties(joined);
	if (subProperties !== undefined) {
		return { ok: true, value: subProperties };
	}
	const message = `the value of '${key}' in [${section}] is a block of sub-properties and one of its lines has no =`;
	return { ok: false, refusal: { line: option.line, message } };
}

/** botocore's `_parse_nested`: one `key = value` per line (Python's splitlines), keys kept as written. */
function parseSubProperties(value: string): Readonly<Record<string, string>> | undefined {
	const subProperties: Record<string, string> = {};
	for (const rawLine of pythonSplitLines(value)) {
		const line = pyStrip(rawLine);
		if (line === '') {
			continue;
		}
		const equals = line.indexOf('=');
		if (equals === -1) {
			return undefined;
		}
		setOwn(subProperties, pyStrip(line.slice(0, equals)), pyStrip(line.slice(equals + 1)));
	}
	return subProperties;
}

// ---- Python's notion of lines and whitespace -----------------------------------------------------------

/** Python's `str.splitlines()`: it breaks at more than \n and \r (also \v, \f, \x1c-\x1e, NEL, LS, PS). */
function pythonSplitLines(text: string): string[] {
	const lines: string[] = [];
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const isBreak = (code >= 0x0a && code <= 0x0d) || (code >= 0x1c && code <= 0x1e)
			|| code === 0x85 || code === 0x2028 || code === 0x2029;
		if (isBreak) {
			lines.push(text.slice(start, i));
			if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
				i++;
			}
			start = i + 1;
		}
	}
	lines.push(text.slice(start));
	return lines;
}

/** The lines of a text file read by Python with universal newlines: \n, \r\n and a lone \r end a line. */
function* universalLines(text: string): Generator<string> {
	const breaks = /\r\n?|\n/g;
	let start = 0;
	for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
		yield text.slice(start, match.index);
		start = match.index + match[0].length;
	}
	if (start < text.length) {
		yield text.slice(start);
	}
}

/** Python's `str.isspace()` for one UTF-16 unit (every such character is in the BMP). */
function isPySpace(code: number): boolean {
	if (code <= 0x20) {
		return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
	}
	if (code < 0x85) {
		return false;
	}
	return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
		|| code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

function firstNonSpace(text: string): number {
	let i = 0;
	while (i < text.length && isPySpace(text.charCodeAt(i))) {
		i++;
	}
	return i;
}

function pyRStrip(text: string): string {
	let end = text.length;
	while (end > 0 && isPySpace(text.charCodeAt(end - 1))) {
		end--;
	}
	return text.slice(0, end);
}

/** Python's `str.strip()`: unlike JavaScript's `trim()` it keeps a BOM and removes \x1c-\x1f and NEL. */
function pyStrip(text: string): string {
	return pyRStrip(text.slice(firstNonSpace(text)));
}

// ---- output ---------------------------------------------------------------------------------------------

function toRecord(sections: Sections): Readonly<Record<string, ReadingSection>> {
	const record: Record<string, ReadingSection> = {};
	for (const [name, values] of sections) {
		setOwn(record, name, values);
	}
	return record;
}

/** Sets a key as an own property: a name like `__proto__` is data here, never the object's prototype. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
	if (key === '__proto__') {
		Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
	} else {
		target[key] = value;
	}
}
