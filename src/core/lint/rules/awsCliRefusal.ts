/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What makes the AWS CLI and boto3 refuse a whole file, so that every `aws` command (and SAM, and Zappa) fails
// while the other SDKs read the file fine: configparser's strict mode stops at a section header written twice
// and at a key set twice in one section (compared in lower case), and a byte order mark leaves the first line
// without a header. The AWS CLI reading (awsCliReader.ts) decides whether a file is refused; this rule then
// finds every such cause in it, with a fix, and falls back to the reading's own message for other causes.

import type { HeaderLine } from '../../ini/iniScanner';
import type { Section } from '../../readings/profileSet';
import type { RawProperty, RawSection } from '../../ini/rawProfileFile';
import type { Edit } from '../../text/textEdits';
import { fileFix, mergeSectionEdits, remove, replace } from '../fixEdits';
import { AwsCliRefusal, fileOf, keyName, LintContext, LintedFile, textOf } from '../lintContext';
import type { LintRule, QuickFix, RuleFinding } from '../rule';
import { manyCopies } from './duplicates';
import { capitalize, nameLabel, toolNames } from '../toolNames';

const cli = capitalize(toolNames['aws-cli']);

export const awsCliRefusalRule: LintRule = {
	id: 'aws-files/aws-cli-refuses-file',
	doc: 'What makes the AWS CLI and boto3 (SAM, Zappa) refuse a whole file while the SDKs read it: a section header written twice, a key set twice in a section (in any case, as `Region` and `region`), a byte order mark.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		for (const refusal of context.awsCliRefusals) {
			const file = fileOf(context, refusal.file);
			if (!file) {
				continue;
			}
			const causes = [...byteOrderMark(file), ...repeatedHeaders(file), ...repeatedKeys(file)];
			yield* causes.length > 0 ? causes : otherCause(context, file, refusal);
		}
	},
};

function refusedBecause(file: LintedFile, why: string): string {
	return `${cli} refuse the whole ${file.role} file because ${why}, so every command fails (the other SDKs read the file).`;
}

function byteOrderMark(file: LintedFile): RuleFinding[] {
	if (file.raw.bomLength === 0) {
		return [];
	}
	// The finding is on the first line's text: editors hide the mark itself.
	const first = file.raw.lines[0]?.range ?? { offset: 1, length: 0, line: 0, column: 1 };
	return [{
		file: file.role,
		range: first,
		message: refusedBecause(file, 'it starts with a byte order mark (BOM), which leaves the first line without a section header'),
		fixes: [fileFix('Remove the byte order mark', file.role, [remove({ offset: 0, length: 1 })], true)],
	}];
}

/** The header as configparser reads it: from the first `[` to the last `]` of the line, as written. */
function cliHeaderName(file: LintedFile, header: HeaderLine): string | undefined {
	const line = textOf(file, header.range).trim();
	const close = line.lastIndexOf(']');
	return line.startsWith('[') && close > 1 ? line.slice(1, close) : undefined;
}

function repeatedHeaders(file: LintedFile): RuleFinding[] {
	const byName = new Map<string, RawSection[]>();
	for (const { raw } of file.sections) {
		const name = cliHeaderName(file, raw.header);
		if (name !== undefined) {
			const sections = byName.get(name);
			if (sections) {
				sections.push(raw);
			} else {
				byName.set(name, [raw]);
			}
		}
	}
	const targetOf = new Map(file.sections.map((linted) => [linted.raw, linted.target]));
	return [...byName.values()].filter((sections) => sections.length > 1).flatMap((sections) => {
		const merge = mergeFix(file, sections, targetOf);
		return sections.slice(1).map((section, index) => ({
			file: file.role,
			range: section.header.header,
			message: refusedBecause(file, `this section header is written a second time (line ${sections[0].header.range.line + 1})`),
			related: [{ file: file.role, range: sections[0].header.header, message: 'The first header' }],
			// On the first finding only when there are many copies: its edits touch every copy (duplicates.ts).
			...(merge && (index === 0 || sections.length <= manyCopies) ? { fixes: [merge] } : {}),
		}));
	});
}

/** Headers that are one section for the standard too can be merged; others are left to the user. */
function mergeFix(file: LintedFile, sections: readonly RawSection[], targetOf: ReadonlyMap<RawSection, Section | undefined>): QuickFix | undefined {
	const targets = new Set(sections.map((section) => targetOf.get(section)));
	if (targets.size !== 1 || targets.has(undefined)) {
		return undefined;
	}
	return fileFix('Merge the sections into the first one', file.role, mergeSectionEdits(file, sections), true);
}

/** configparser's key: up to the first `=` or `:`, lower-cased. Only unindented lines start keys. */
function cliKey(file: LintedFile, property: RawProperty): string {
	const text = textOf(file, property.line.range);
	const end = text.search(/[=:]/);
	return (end < 0 ? text : text.slice(0, end)).trim().toLowerCase();
}

function repeatedKeys(file: LintedFile): RuleFinding[] {
	const findings: RuleFinding[] = [];
	for (const { raw } of file.sections) {
		const seen = new Map<string, RawProperty>();
		for (const property of raw.properties) {
			const key = cliKey(file, property);
			const first = seen.get(key);
			if (!first) {
				seen.set(key, property);
				continue;
			}
			findings.push({
				file: file.role,
				range: property.line.key,
				message: refusedBecause(file, `${nameLabel(key, 'this key')} is set a second time in this section (line ${first.line.key.line + 1}; `
					+ 'keys are compared in lower case)'),
				related: [{ file: file.role, range: first.line.key, message: 'The first definition' }],
				fixes: [keepLastFix(file, first, property)],
			});
			seen.set(key, property);
		}
	}
	return findings;
}

/** Removes the earlier definition (the standard uses the later one) and writes the later key in lower case. */
function keepLastFix(file: LintedFile, earlier: RawProperty, later: RawProperty): QuickFix {
	const edits: Edit[] = [remove(earlier.span)];
	const name = keyName(later.key);
	if (name !== later.key) {
		edits.push(replace(later.line.key, name));
	}
	return fileFix(`Remove the first definition (line ${earlier.line.key.line + 1})`, file.role, edits, true);
}

/** A refusal none of the above explains: the reader's message, on the line it names, unless a syntax error is there. */
function otherCause(context: LintContext, file: LintedFile, refusal: AwsCliRefusal): RuleFinding[] {
	const lineNumber = Number(/\bline (\d+)/.exec(refusal.error)?.[1] ?? '1') - 1;
	const line = file.raw.lines[Math.min(Math.max(lineNumber, 0), file.raw.lines.length - 1)];
	const syntaxThere = context.standard.problems.some((problem) =>
		problem.location.file === file.role && problem.severity === 'error' && problem.location.range.line === line?.range.line);
	if (syntaxThere) {
		return [];
	}
	return [{
		file: file.role,
		range: line?.range ?? { offset: 0, length: 0, line: 0, column: 0 },
		message: refusal.error,
	}];
}
