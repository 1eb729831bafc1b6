/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Whether the reader a deploy tool uses (deployToolReader.ts) sees a profile the standard sees, and if not, why,
// in words that name the header: `[profile  ckl]` (two spaces) and `[profile lambda]# main` are profiles for the
// standard and the AWS CLI, not for the JavaScript SDK; `[ profile y ]` is one for the standard and the JS SDK
// drops it too, and so does the AWS CLI; a profile only in the config file does not exist for the JavaScript
// SDK v2 (Serverless v3) unless AWS_SDK_LOAD_CONFIG is set. What a reader sees is its own reading (the AWS CLI's
// from awsCliReader.ts, the JS SDK's from its loader), never a guess from the header: the header only explains.

import type { ProfileEntry } from '../model/profileModel';
import type { SourceLocation } from '../readings/profileSet';
import type { FileTexts, ReadingResult } from '../readings/reading';
import { displayName } from '../display/secretMasking';
import type { ToolReaderName } from './deployToolReader';

/** What the tools' readers see in the AWS files the profiles were read from. */
export interface ToolReadings {
	/** The texts the model was read from: the headers quoted are taken from them. */
	readonly texts: FileTexts;
	/** The AWS CLI's reading (awsCliReader.ts readAwsCli); absent: SAM and Zappa are not checked. */
	readonly awsCli?: ReadingResult;
	/** The JavaScript SDK's reading (its own loader); absent: Serverless v4 and CDK are not checked. */
	readonly jsSdk?: ReadingResult;
	/** AWS_SDK_LOAD_CONFIG is set where the tool runs: the JavaScript SDK v2 then reads the config file too. */
	readonly sdkLoadConfig: boolean;
}

export interface Invisibility {
	/** Why, as the end of a sentence that starts with the tool: `reads the files with ..., which ...`. */
	readonly why: string;
	/** The header that explains it (the profile's, in the file the reader misses or misreads). */
	readonly header: SourceLocation;
}

/**
 * Why the reader does not see this profile, which the standard sees; undefined when it sees it, or when its
 * reading is not known (a reader that refuses the files as a whole is another finding's: the files' own lint).
 */
export function invisibility(entry: ProfileEntry, reader: ToolReaderName, readings: ToolReadings): Invisibility | undefined {
	const headers = entry.section.headers;
	if (headers.length === 0) {
		return undefined;
	}
	switch (reader) {
		case 'standard':
			return undefined;
		case 'js-sdk-v2':
			// Without AWS_SDK_LOAD_CONFIG, v2 reads the credentials file alone; with it, both files, as v3 does.
			if (readings.sdkLoadConfig || headers.some((header) => header.file === 'credentials')) {
				return undefined;
			}
			return {
				header: headers[0],
				why: 'reads the files with the JavaScript SDK v2, which reads only the credentials file unless AWS_SDK_LOAD_CONFIG=1 is set, '
					+ `and this profile is only in the config file (${headerShown(headers[0], readings.texts)})`,
			};
		case 'js-sdk':
		case 'aws-cli': {
			const reading = reader === 'js-sdk' ? readings.jsSdk : readings.awsCli;
			if (!reading?.ok || Object.hasOwn(reading.reading.profiles, entry.name)) {
				return undefined;
			}
			const explained = headers.map((header) => ({ header, quirk: quirkOf(headerText(header, readings.texts), reader) }));
			const { header, quirk } = explained.find((item) => item.quirk !== undefined) ?? explained[0];
			const shown = headerShown(header, readings.texts);
			return {
				header,
				why: `${readerWords[reader]}, which ${quirk ? `ignores the header ${shown} (${quirk})` : `does not read the header ${shown} as profile '${displayName(entry.name)}'`}`,
			};
		}
	}
}

const readerWords = {
	'js-sdk': 'reads the files with the JavaScript SDK',
	'aws-cli': 'reads the files with the AWS CLI\'s reader (botocore)',
} as const;

/**
 * What in a header this reader is known to refuse (what the compatibility lint rule detects): the JS SDK takes a
 * header only as `[name]` or `[prefix name]`, one space or tab between, nothing after the `]`; the AWS CLI
 * (configparser) keeps every space inside the brackets in the name, and reads up to the last `]` of the line.
 */
function quirkOf(text: string | undefined, reader: 'js-sdk' | 'aws-cli'): string | undefined {
	const match = text === undefined ? null : /^\s*\[([^\]]*)\](.*)$/.exec(text);
	if (!match) {
		return undefined;
	}
	const [, inner, after] = match;
	if (reader === 'aws-cli') {
		if (after.includes(']')) {
			return 'it reads the name up to the last \']\' of the line';
		}
		return /^\s|\s$/.test(inner) ? 'a space inside the bracket, which it keeps in the name' : undefined;
	}
	if (/^[#;]/.test(after.trimEnd())) {
		return !/^\s/.test(after) ? 'a comment right after the \']\', with no space before it' : undefined;
	}
	if (/^\s|\s$/.test(inner)) {
		return 'a space inside the bracket';
	}
	const gap = /\s{2,}/.exec(inner)?.[0];
	return gap === undefined ? undefined : `${countWords[gap.length] ?? String(gap.length)} ${/^ +$/.test(gap) ? 'spaces' : 'blanks'}`;
}

const countWords: Readonly<Record<number, string>> = { 2: 'two', 3: 'three', 4: 'four', 5: 'five' };

/** The header's line from `[` to the end of the line, as written; undefined when the text is not given. */
function headerText(header: SourceLocation, texts: FileTexts): string | undefined {
	const text = texts[header.file];
	if (text === undefined) {
		return undefined;
	}
	const end = /\r|\n/.exec(text.slice(header.range.offset))?.index;
	return text.slice(header.range.offset, end === undefined ? text.length : header.range.offset + end);
}

/** `[profile  ckl]` in backquotes, masked when it holds something shaped like a secret, cut when long. */
function headerShown(header: SourceLocation, texts: FileTexts): string {
	const text = headerText(header, texts)?.trimEnd();
	if (text === undefined) {
		return `on line ${header.range.line + 1} of the ${header.file} file`;
	}
	const shown = displayName(text);
	return `\`${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}\``;
}
