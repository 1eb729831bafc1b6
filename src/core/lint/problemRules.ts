/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Each problem code of the standard reader belongs to exactly one rule, so that every problem is reported once
// and a new code cannot go unreported (a test checks that every code has a rule of the catalog).

import type { Problem } from '../readings/profileSet';
import type { StandardProblemCode } from '../readings/standardReader';
import type { LintContext } from './lintContext';
import type { LintRuleId } from './rule';

/** Which rule reports each problem code of the standard reader. */
export const problemRules: { readonly [C in StandardProblemCode]: LintRuleId } = {
	'syntax/unterminated-header': 'aws-files/syntax',
	'syntax/property-outside-section': 'aws-files/syntax',
	'syntax/continuation-outside-section': 'aws-files/syntax',
	'syntax/continuation-without-property': 'aws-files/syntax',
	'syntax/missing-equals': 'aws-files/syntax',
	'syntax/empty-key': 'aws-files/syntax',
	'syntax/sub-property-missing-equals': 'aws-files/syntax',
	'syntax/sub-property-empty-key': 'aws-files/syntax',
	'section/invalid-name': 'aws-files/ignored-by-sdk',
	'section/config-only-in-credentials': 'aws-files/ignored-by-sdk',
	'property/invalid-name': 'aws-files/ignored-by-sdk',
	'sub-property/invalid-name': 'aws-files/ignored-by-sdk',
	'section/unknown-kind': 'aws-files/unknown-section-kind',
	'section/missing-profile-prefix': 'aws-files/section-prefix',
	'section/profile-prefix-in-credentials': 'aws-files/section-prefix',
	'section/default-shadowed': 'aws-files/default-twice',
	'section/duplicate': 'aws-files/duplicate-section',
	'property/duplicate': 'aws-files/duplicate-key',
	'sub-property/duplicate': 'aws-files/duplicate-key',
	'property/overridden-by-credentials': 'aws-files/overridden-by-credentials',
};

/** The rules that report a section the SDKs skip for its header's form (`[dev]` in config, `[profiel x]`). */
const skippedSectionRules: ReadonlySet<LintRuleId> = new Set(['aws-files/section-prefix', 'aws-files/unknown-section-kind']);

/**
 * Whether the standard's reading saw a header the SDKs skip for its form, which most files never have: only
 * then need the files be parsed again to list such sections (ignoredSections.ts).
 */
export function hasSkippedSectionHeaders(problems: readonly Problem[]): boolean {
	return problems.some((problem) => skippedSectionRules.has(problemRules[problem.code as StandardProblemCode]));
}

/** The standard's problems that `rule` reports. */
export function problemsFor(context: LintContext, rule: LintRuleId): Problem[] {
	return context.standard.problems.filter((problem) => problemRules[problem.code as StandardProblemCode] === rule);
}
