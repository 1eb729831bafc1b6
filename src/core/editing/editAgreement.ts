/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The last check of a planned edit: afterwards, the standard (the SDKs' shared suites) and the AWS CLI (boto3,
// SAM, Zappa) must read what the edit touched alike, unless they already disagreed on it in the same way
// before. An edit that makes one tool see a profile another does not is refused, whatever the reason: a rule
// of names.ts not thought of yet, a layout of the file sectionEdits.ts did not expect. The JS SDK's loader
// cannot run in the core: what is known of it is in names.ts's rules of what may be written.
//
// Reading two 16 MB files with both readers takes seconds, so only the pieces of each file that the edit can
// change are read: configparser and the standard read the lines between two headers alike wherever they are
// (a header is in the first column, so no value continues across it), and what may link one piece to
// another is in the pieces kept: the lines before the first header, every header that names one of the
// edit's profiles or `DEFAULT` (shlex may unquote a name, a duplicate header makes the AWS CLI refuse the file,
// a profile in both files is merged), the pieces an edit falls in, and the last piece (where sections are added).
// `raw` may be the literal parse of the named sections only (parseRawProfileSections): it is read for those.

import { readAwsCli } from '../readings/awsCliReader';
import { lastStartAtOrBefore } from '../text/lineIndex';
import type { FileRole } from '../readings/fileLocations';
import type { RawProfileFile, RawSection } from '../ini/rawProfileFile';
import type { ReadingResult } from '../readings/reading';
import { ReadingDifference, readingDifferences } from '../readings/readingDifferences';
import { readStandard, toReading } from '../readings/standardReader';
import { applyEdits, Edit } from '../text/textEdits';

type ByFile<T> = Readonly<Record<FileRole, T>>;

/**
 * Why the edit is refused (it makes the readers disagree), or `undefined` when they read alike what it touched.
 * `names`: the profile and sso-session names the operation writes or reads; `changesContent`: false for a rename.
 */
export function editDisagreement(texts: ByFile<string>, raw: ByFile<RawProfileFile>, edits: ByFile<readonly Edit[]>, names: readonly string[], changesContent = true): string | undefined {
	// A rename keeps a config header's odd spacing: the AWS CLI reads the name through shlex before and after, and
	// the JS SDK reads neither. In the credentials file `[ a ]` is the profile ' a ' for both: never renamed.
	for (const file of changesContent ? ['config', 'credentials'] as const : ['credentials'] as const) {
		if (touchedSections(raw[file], edits[file], names).some((section) => !plainHeader(texts[file], section))) {
			return 'This edit was refused: it would change a section whose header the tools read differently (spaces inside '
				+ 'the brackets, a comment right after the ]). Nothing was written. Write the header as [profile name] '
				+ '(or [name] in the credentials file) first; the lint finding aws-files/compatibility offers that fix.';
		}
	}
	const config = excerpt(texts.config, edits.config, names);
	const credentials = excerpt(texts.credentials, edits.credentials, names);
	const before = readBoth({ config: config.before, credentials: credentials.before });
	const after = readBoth({ config: config.after, credentials: credentials.after });
	const known = new Map(before.differences.map((difference) => [identity(difference), sights(difference)] as const));
	const fresh = after.differences.find((difference) => known.get(identity(difference)) !== sights(difference));
	if (fresh) {
		return explain(fresh);
	}
	// A section one reader sees and the other does not (`[ dev ]` is ' dev ' for the AWS CLI) must not change
	// either; deleting it (or renaming it away, which the check above sees) takes it from every reader.
	for (const difference of [...before.differences, ...after.differences]) {
		if (difference.kind === 'section' && (['standard', 'aws-cli'] as const).some((reader) => {
			const was = sectionOf(before[reader], difference);
			const now = sectionOf(after[reader], difference);
			return now !== undefined && JSON.stringify(was) !== JSON.stringify(now);
		})) {
			return 'This edit was refused: it would change a section that only some of the tools read (the AWS CLI reads '
				+ '[ name ] as a profile named with its spaces, the SDKs as the profile name). Nothing was written. Look at '
				+ 'the files\' lint findings (aws-files/compatibility) first.';
		}
	}
	return undefined;
}

interface Readings {
	readonly standard: ReadingResult;
	readonly 'aws-cli': ReadingResult;
	readonly differences: readonly ReadingDifference[];
}

function readBoth(texts: ByFile<string>): Readings {
	const standard = readStandard(texts);
	const cli = readAwsCli(texts);
	return { standard: toReading(standard), 'aws-cli': cli, differences: readingDifferences({ texts, standard, others: { 'aws-cli': cli } }) };
}

function sectionOf(reading: ReadingResult, difference: ReadingDifference & { kind: 'section' }): unknown {
	if (!reading.ok) {
		return 'refused';
	}
	const sections = difference.section.kind === 'profile' ? reading.reading.profiles : reading.reading.ssoSessions;
	return Object.prototype.hasOwnProperty.call(sections, difference.section.name) ? sections[difference.section.name] : undefined;
}

/** The sections the operation's names head, and those an edit changes or inserts into (not only borders). */
function touchedSections(raw: RawProfileFile, edits: readonly Edit[], names: readonly string[]): RawSection[] {
	return raw.sections.filter((section) => {
		if (!section.header.closed) {
			return false;
		}
		if (names.includes(section.name)) {
			return true;
		}
		const start = section.span.offset;
		const end = start + section.span.length;
		return edits.some((edit) => edit.length > 0 ? edit.offset < end && edit.offset + edit.length > start : edit.offset > start && edit.offset < end);
	});
}

/**
 * `[name]` or `[prefix name]` with one space or tab between, and any comment after whitespace: the one form the
 * JS SDK reads as the others do (it drops `[profile  dev]` and `[ dev ]`, and takes `[dev]# x` for no header).
 */
function plainHeader(text: string, section: RawSection): boolean {
	const { header, prefix, name, comment } = section.header;
	const start = header.offset + 1;
	const end = header.offset + header.length - 1;
	if (name.offset + name.length !== end) {
		return false;
	}
	if (comment && comment.offset === header.offset + header.length) {
		return false;
	}
	if (prefix === undefined) {
		return name.offset === start;
	}
	const separator = text.charCodeAt(prefix.offset + prefix.length);
	return prefix.offset === start && name.offset === prefix.offset + prefix.length + 1 && (separator === 0x20 || separator === 0x09);
}

/** The pieces of one file the edit can change, before and after it. */
function excerpt(text: string, edits: readonly Edit[], names: readonly string[]): { before: string; after: string } {
	const starts = pieceStarts(text);
	const endOf = (chunk: number) => chunk + 1 < starts.length ? starts[chunk + 1] : text.length;
	const wanted = new Set<string>([...names, 'DEFAULT']);
	const keep = new Set<number>([0, starts.length - 1]);
	starts.forEach((start, chunk) => {
		const lineEnd = text.indexOf('\n', start);
		if (headerWords(text.slice(start, lineEnd < 0 ? text.length : lineEnd)).some((word) => wanted.has(word))) {
			keep.add(chunk);
		}
	});
	for (const edit of edits) {
		// Every piece the edit touches or borders (an insertion between two pieces may belong to either).
		let chunk = Math.max(0, lastStartAtOrBefore(starts, edit.offset) - 1);
		for (; chunk < starts.length && starts[chunk] <= edit.offset + edit.length; chunk++) {
			if (endOf(chunk) >= edit.offset) {
				keep.add(chunk);
			}
		}
	}
	let before = '';
	let after = '';
	const chunks = [...keep].sort((a, b) => a - b);
	const sorted = [...edits].sort((a, b) => a.offset - b.offset);
	let next = 0;
	for (let index = 0; index < chunks.length;) {
		// A run of consecutive pieces holds every edit that touches one of them whole.
		let last = index;
		while (last + 1 < chunks.length && chunks[last + 1] === chunks[last] + 1) {
			last++;
		}
		const start = starts[chunks[index]];
		const end = endOf(chunks[last]);
		const inside: Edit[] = [];
		for (; next < sorted.length && sorted[next].offset + sorted[next].length <= end; next++) {
			inside.push({ ...sorted[next], offset: sorted[next].offset - start });
		}
		before += text.slice(start, end);
		after += applyEdits(text.slice(start, end), inside);
		index = last + 1;
	}
	return { before, after };
}

/**
 * Where the pieces start: the text's start, then every line that opens with `[` in the first column (a header, or
 * a line both readers refuse). No value continues across such a line, for the standard or for configparser, so
 * each piece reads alike alone and in the file. Found without the literal parse, which an edit of a large file
 * makes of the sections it names only.
 */
function pieceStarts(text: string): number[] {
	const starts = [0];
	for (let at = text.indexOf('\n['); at >= 0; at = text.indexOf('\n[', at + 1)) {
		starts.push(at + 1);
	}
	return starts;
}

/** The words of a header line, without brackets or quotes: `[profile "dev"] # x` gives profile, dev, #, x. */
function headerWords(line: string): string[] {
	return line.replace(/[[\]"']/g, ' ').split(/\s+/).filter((word) => word !== '');
}

function identity(difference: ReadingDifference): string {
	switch (difference.kind) {
		case 'refusal': return JSON.stringify(['refusal', difference.reader, difference.file]);
		case 'section': return JSON.stringify(['section', difference.section.kind, difference.section.name]);
		case 'property': return JSON.stringify(['property', difference.section.kind, difference.section.name, difference.property]);
	}
}

function sights(difference: ReadingDifference): string {
	return difference.kind === 'refusal' ? 'refused' : JSON.stringify(difference.sights);
}

/** Names no section, key or value: the operation's own input is what the user just typed, the rest is the file's. */
function explain(difference: ReadingDifference): string {
	const subject = difference.kind === 'refusal'
		? `the ${difference.reader === 'aws-cli' ? 'AWS CLI and boto3' : 'SDKs'} could no longer read the ${difference.file ?? 'files'}`
		: difference.kind === 'section'
			? `the AWS CLI (boto3, SAM, Zappa) and the SDKs would disagree on whether ${aSection(difference.section.kind)} exists`
			: `the AWS CLI (boto3, SAM, Zappa) and the SDKs would read a setting of ${aSection(difference.section.kind)} differently`;
	return `This edit was refused: after it, ${subject}. Nothing was written. Look at the files' lint findings (aws-files/compatibility) for lines the tools read differently.`;
}

function aSection(kind: 'profile' | 'sso-session'): string {
	return kind === 'profile' ? 'a profile' : 'an sso-session';
}
