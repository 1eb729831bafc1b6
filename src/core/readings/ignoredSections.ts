/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The sections the SDKs skip because of their header's form: `[dev]` in the config file, `[profile x]` in the
// credentials file, `[profiel x]`. The Profiles view lists them as hints, so that a profile a user wrote is
// not simply missing. What counts, and the words, are the section-prefix lint rule's own: it is run here.

import { parseProfileFiles } from '../lint/lintContext';
import { hasSkippedSectionHeaders } from '../lint/problemRules';
import { sectionPrefixRule } from '../lint/rules/sectionHeaders';
import type { FileRole } from '../readings/fileLocations';
import type { FileTexts } from './reading';
import type { Problem } from './profileSet';
import type { TextRange } from '../text/textRange';

export interface IgnoredSection {
	readonly file: FileRole;
	/** The header's range. */
	readonly range: TextRange;
	/** The header as written, `[dev]`. */
	readonly header: string;
	/** Why the SDKs skip it and how to write it instead. */
	readonly reason: string;
}

const fileOrder: readonly FileRole[] = ['config', 'credentials'];

/**
 * The sections skipped for their header, in file order. `problems` are the standard's for `texts`: the files are
 * parsed again for the rule only when that reading saw such a header (hasSkippedSectionHeaders).
 */
export function ignoredSections(texts: FileTexts, problems: readonly Problem[]): IgnoredSection[] {
	if (!hasSkippedSectionHeaders(problems)) {
		return [];
	}
	const findings = [...sectionPrefixRule.check({ ...parseProfileFiles({ texts }), options: {} })]
		.sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.range.offset - b.range.offset);
	return findings.map((finding) => ({
		file: finding.file,
		range: finding.range,
		header: headerLine(texts[finding.file] ?? '', finding.range),
		reason: finding.message,
	}));
}

function headerLine(text: string, range: TextRange): string {
	return text.slice(range.offset, range.offset + range.length).trim();
}
