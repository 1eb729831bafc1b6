/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Headers written in the other file's form, or misspelt, which the SDKs then skip with everything under them:
// `[profile x]` in the credentials file, `[x]` in the config file, `[profiel x]`; and `[default]` beside
// `[profile default]` in the config file, where the tools disagree on which one counts.

import type { Problem, SectionKind } from '../../readings/profileSet';
import { deleteSections } from '../../editing/sectionEdits';
import { isValidIdentifier } from '../../ini/identifiers';
import { didYouMean } from '../didYouMean';
import { fileFix, headerText, replace } from '../fixEdits';
import { awsCliOwnSections } from '../knownKeys';
import { fileOf, LintContext, LintedSection, sectionAt } from '../lintContext';
import type { ContextRule, LintRule, RuleFinding } from '../rule';
import { problemsFor } from '../problemRules';

const sectionKinds: readonly SectionKind[] = ['profile', 'sso-session', 'services'];

/** The section kind a misspelt prefix most likely means (`profiel`, `Profile`, `sso_session`), if one is close. */
export function closeSectionKind(prefix: string): SectionKind | undefined {
	const lower = prefix.toLowerCase().replace(/_/g, '-');
	const exact = sectionKinds.find((kind) => kind === lower);
	return exact ?? didYouMean(lower, sectionKinds, 1)[0] as SectionKind | undefined;
}

export const sectionPrefixRule: ContextRule = {
	id: 'aws-files/section-prefix',
	doc: 'A header in the other file\'s form (`[profile x]` in credentials, `[x]` in config) or with a misspelt prefix (`[profiel x]`): the SDKs ignore the section.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		for (const problem of problemsFor(context, 'aws-files/section-prefix')) {
			const finding = prefixFinding(context, problem);
			if (finding) {
				yield finding;
			}
		}
		for (const problem of problemsFor(context, 'aws-files/unknown-section-kind')) {
			const finding = misspeltPrefixFinding(context, problem);
			if (finding) {
				yield finding;
			}
		}
	},
};

function prefixFinding(context: LintContext, problem: Problem): RuleFinding | undefined {
	const { file, range } = problem.location;
	const section = sectionAt(context, file, range.offset);
	if (!section) {
		return { file, range, message: problem.message };
	}
	const { name } = section.raw;
	if (file === 'config' && (awsCliOwnSections.has(name) || name === 'DEFAULT')) {
		return undefined; // the AWS CLI's own sections; `[DEFAULT]` is the compatibility rule's
	}
	const wanted = file === 'credentials' ? headerText(undefined, name) : headerText('profile', name);
	return {
		file,
		range,
		message: `${problem.message} Write it ${wanted}.`,
		fixes: [fileFix(`Change to ${wanted}`, file, [replace(section.raw.header.header, wanted)], true)],
	};
}

function misspeltPrefixFinding(context: LintContext, problem: Problem): RuleFinding | undefined {
	const { file, range } = problem.location;
	const section = sectionAt(context, file, range.offset);
	const prefix = section?.raw.prefix;
	const kind = prefix === undefined ? undefined : closeSectionKind(prefix);
	if (!section || !kind || !isValidIdentifier(section.raw.name)) {
		return undefined;
	}
	const wanted = headerText(kind, section.raw.name);
	return {
		file,
		range,
		message: `This is not a ${kind} section (the prefix must be exactly '${kind}'), so the SDKs ignore it. Did you mean ${wanted}?`,
		fixes: [fileFix(`Change to ${wanted}`, file, [replace(section.raw.header.header, wanted)], true)],
	};
}

export const defaultTwiceRule: LintRule = {
	id: 'aws-files/default-twice',
	doc: 'Both `[default]` and `[profile default]` in the config file: the SDKs use only `[profile default]`, the AWS CLI whichever comes last.',
	severity: 'warning',
	files: ['config'],
	*check(context) {
		const config = fileOf(context, 'config');
		const prefixed = context.standard.profiles.get('default')?.headers.filter((header) => header.file === 'config') ?? [];
		for (const problem of problemsFor(context, 'aws-files/default-twice')) {
			const { file, range } = problem.location;
			const section = sectionAt(context, file, range.offset);
			yield {
				file,
				range,
				message: 'The config file has both [default] and [profile default]: the SDKs (JavaScript SDK included) use only '
					+ '[profile default] and ignore this section, while the AWS CLI and boto3 use whichever of the two comes last.',
				related: prefixed.map((header) => ({ file: header.file, range: header.range, message: 'The [profile default] the SDKs use' })),
				...(config && section ? { fixes: [removeSectionFix(config.raw, section)] } : {}),
			};
		}
	},
};

function removeSectionFix(raw: Parameters<typeof deleteSections>[0], section: LintedSection) {
	return fileFix('Remove this [default] section (the SDKs ignore it)', section.file, deleteSections(raw, [section.raw]));
}
