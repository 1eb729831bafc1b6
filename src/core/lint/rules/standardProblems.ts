/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The problems the standard reader reports that need no more than a finding (and, where one is obvious, a fix):
// syntax errors, what the standard ignores, unknown section kinds, keys the credentials file overrides. The
// other problem codes belong to the rules that add related locations and fixes to them (see problemRules.ts).

import type { Problem, SectionKind } from '../../readings/profileSet';
import type { RawProperty } from '../../ini/rawProfileFile';
import { deleteSections } from '../../editing/sectionEdits';
import { isValidIdentifier } from '../../ini/identifiers';
import { appendLines, fix, fileFix, remove, replace, sectionLines } from '../fixEdits';
import { fileOf, keyName, LintContext, LintedSection, sectionAt, textOf } from '../lintContext';
import type { LintRule, QuickFix } from '../rule';
import { problemsFor } from '../problemRules';
import { closeSectionKind } from './sectionHeaders';

export const syntaxRule: LintRule = {
	id: 'aws-files/syntax',
	doc: 'A line the SDKs cannot parse (no `=`, a header without `]`, a line before the first section...): they refuse the whole file.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		for (const problem of problemsFor(context, 'aws-files/syntax')) {
			const { file, range } = problem.location;
			const closing = problem.code === 'syntax/unterminated-header' ? closeHeaderFix(context, problem) : undefined;
			yield {
				file,
				range,
				message: `${problem.message}: the SDKs that follow the shared standard refuse the whole ${file} file.`,
				...(closing ? { fixes: [closing] } : {}),
			};
		}
	},
};

/** `[profile dev` gets its `]`; a header cut by a comment (`[profile a#b]`) is left to the user. */
function closeHeaderFix(context: LintContext, problem: Problem): QuickFix | undefined {
	const { file, range } = problem.location;
	const line = fileOf(context, file)?.raw.lines[range.line];
	if (line?.kind !== 'header' || line.comment) {
		return undefined;
	}
	return fileFix("Add the closing ']'", file, [replace({ offset: range.offset + range.length, length: 0 }, ']')], true);
}

export const ignoredBySdkRule: LintRule = {
	id: 'aws-files/ignored-by-sdk',
	doc: 'A section, key or sub-key the SDKs ignore: a name with characters they do not accept, or an sso-session or services section in the credentials file.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		for (const problem of problemsFor(context, 'aws-files/ignored-by-sdk')) {
			const { file, range } = problem.location;
			const fixes = problem.code === 'section/invalid-name' ? unquoteFixes(context, problem)
				: problem.code === 'section/config-only-in-credentials' ? moveToConfigFixes(context, problem)
					: [];
			yield { file, range, message: problem.message, ...(fixes.length > 0 ? { fixes } : {}) };
		}
	},
};

/** `[profile "dev"]`: the AWS CLI and the JS SDK drop the quotes, the standard drops the section. */
function unquoteFixes(context: LintContext, problem: Problem): QuickFix[] {
	const { file, range } = problem.location;
	const section = headerOnLine(context, problem);
	if (!section) {
		return [];
	}
	const name = textOf(fileOf(context, file)!, section.raw.header.name);
	const inner = /^(["'])(.*)\1$/.exec(name)?.[2];
	if (inner === undefined || !isValidIdentifier(inner) || range.offset > section.raw.header.name.offset) {
		return [];
	}
	return [fileFix('Remove the quotes', file, [replace(section.raw.header.name, inner)], true)];
}

/** An `[sso-session x]` or `[services x]` section written in the credentials file moves, as written, to the config file. */
function moveToConfigFixes(context: LintContext, problem: Problem): QuickFix[] {
	const section = headerOnLine(context, problem);
	const credentials = fileOf(context, 'credentials');
	const kind = section?.raw.prefix as SectionKind | undefined;
	if (!section || !credentials || !kind) {
		return [];
	}
	const existing = (kind === 'sso-session' ? context.standard.ssoSessions : context.standard.services).get(section.raw.name);
	if (existing) {
		return []; // the config file has it already: merging two versions is the user's call
	}
	return [fix('Move this section to the config file', [
		appendLines(context, 'config', sectionLines(credentials, section.raw)),
		{ file: 'credentials', edits: deleteSections(credentials.raw, [section.raw]) },
	], true)];
}

function headerOnLine(context: LintContext, problem: Problem): LintedSection | undefined {
	const { file, range } = problem.location;
	const line = fileOf(context, file)?.raw.lines[range.line];
	return line?.kind === 'header' ? sectionAt(context, file, line.header.offset) : undefined;
}

export const unknownSectionKindRule: LintRule = {
	id: 'aws-files/unknown-section-kind',
	doc: 'A config-file section that is not a profile, sso-session or services section (`[plugins]` and `[preview]` excepted): no SDK reads settings from it.',
	severity: 'info',
	files: ['config'],
	*check(context) {
		for (const problem of problemsFor(context, 'aws-files/unknown-section-kind')) {
			const section = headerOnLine(context, problem);
			if (section?.raw.prefix !== undefined && closeSectionKind(section.raw.prefix) !== undefined) {
				continue; // a misspelt prefix: the section-prefix rule reports it, with the fix
			}
			yield { file: problem.location.file, range: problem.location.range, message: problem.message };
		}
	},
};

export const overriddenByCredentialsRule: LintRule = {
	id: 'aws-files/overridden-by-credentials',
	doc: 'A config-file key that the credentials file sets too, for the same profile: the credentials file\'s value is the one used.',
	severity: 'info',
	files: ['config'],
	*check(context) {
		const problems = problemsFor(context, 'aws-files/overridden-by-credentials');
		const config = fileOf(context, 'config');
		if (problems.length === 0 || !config) {
			return;
		}
		const byKeyOffset = new Map<number, { section: LintedSection; property: RawProperty }>();
		for (const section of config.sections) {
			for (const property of section.raw.properties) {
				byKeyOffset.set(property.line.key.offset, { section, property });
			}
		}
		for (const problem of problems) {
			const { file, range } = problem.location;
			const found = byKeyOffset.get(range.offset);
			const winner = found && found.section.target?.properties.get(keyName(found.property.key));
			yield {
				file,
				range,
				message: problem.message,
				...(winner ? { related: [{ file: winner.file, range: winner.key, message: 'The value used' }] } : {}),
				...(found ? { fixes: [fileFix('Remove this line (the credentials file\'s value is used)', 'config', [remove(found.property.span)], true)] } : {}),
			};
		}
	},
};
