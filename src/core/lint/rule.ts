/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The contract between the lint engine and its rules. What they report is the one finding type
// (findings/finding.ts), its files named by role; so the same findings serve an editor, a terminal and a CI log.

import type { FileRole } from '../readings/fileLocations';
import type {
	FileAction as GenericFileAction, FileEdits as GenericFileEdits, Finding as GenericFinding, QuickFix as GenericQuickFix,
	RelatedLocation as GenericRelatedLocation, RuleId,
} from '../findings/finding';
import type { LintContext } from './lintContext';
import type { PropertyRule } from './propertyRule';

import type { Severity } from '../findings/severity';

export type { Severity };

/** What a user may set a rule to: a severity, or `off`. */
export type SeveritySetting = Severity | 'off';

/** The lint's rules are the `aws-files/...` ids of the one finding type (findings/finding.ts). */
export type LintRuleId = Extract<RuleId, `aws-files/${string}`>;

// The lint names the two files by their role.
export type RelatedLocation = GenericRelatedLocation<FileRole>;
export type FileEdits = GenericFileEdits<FileRole>;
export type FileAction = GenericFileAction<FileRole>;
export type QuickFix = GenericQuickFix<FileRole>;
export type Finding = GenericFinding<FileRole> & { readonly ruleId: LintRuleId };

/**
 * What a rule reports; the engine adds the rule's id and severity. A rule sets `severity` only when one of its
 * findings is of another nature than the rest (the naming rule's "your pattern is not a regular expression");
 * a user's setting for the rule still wins over it.
 */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { readonly severity?: Severity };

/** What every rule says of itself, whichever way the engine runs it. */
export interface RuleInfo {
	readonly id: LintRuleId;
	/** One line, for the README's rules table and the settings' descriptions. */
	readonly doc: string;
	readonly severity: Severity;
	/** Opt-in rules (`optIn: true`) run only when a setting gives them a severity. */
	readonly optIn?: boolean;
	/** The files its findings can be in. */
	readonly files: readonly FileRole[];
}

/** A rule that looks at the files as a whole, run once per lint. */
export interface ContextRule extends RuleInfo {
	check(context: LintContext): Iterable<RuleFinding>;
}

/** A rule is run on the whole files, or one property at a time and section by section (propertyRule.ts). */
export type LintRule = ContextRule | PropertyRule;
