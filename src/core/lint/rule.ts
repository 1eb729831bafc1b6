/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The contract between the lint engine, its rules and whoever shows the findings (the VS Code diagnostics, the
// `aws-profiles lint` command). Everything here is plain data: a finding says where, how bad and why, and a
// quick fix is a list of pure edits of the original texts (or one file action the caller carries out), so the
// same findings serve an editor, a terminal and a CI log.

import type { FileRole } from '../readings/fileLocations';
import type { TextRange } from '../readings/profileSet';
import type { Edit } from '../text/textEdits';
import type { LintContext } from './lintContext';
import type { PropertyRule } from './propertyRule';

import type { Severity } from '../findings/severity';

export type { Severity };

/** What a user may set a rule to: a severity, or `off`. */
export type SeveritySetting = Severity | 'off';

/** Every rule id is namespaced, so the ids can sit beside other linters' in one settings file or SARIF log. */
export type RuleId = `aws-files/${string}`;

/** Another place that explains a finding: the other definition of a duplicate, the profile a loop goes through. */
export interface RelatedLocation {
	readonly file: FileRole;
	readonly range: TextRange;
	readonly message: string;
}

/** Edits of one file, each against its ORIGINAL text (see textEdits.ts); an absent file is the empty text. */
export interface FileEdits {
	readonly file: FileRole;
	readonly edits: readonly Edit[];
}

/**
 * What a fix does that is not a text edit; the caller carries it out (the core never touches the disk nor asks
 * the user anything): change a file's mode, or run Add AWS Profile for a name that is missing (a profile's
 * keys are the user's to type, so no edit can create it).
 */
export type FileAction =
	| { readonly kind: 'chmod'; readonly file: FileRole; readonly mode: number }
	| { readonly kind: 'add-profile'; readonly name: string };

export type QuickFix =
	| { readonly kind: 'edits'; readonly title: string; readonly edits: readonly FileEdits[]; readonly isPreferred?: boolean }
	| { readonly kind: 'action'; readonly title: string; readonly action: FileAction; readonly isPreferred?: boolean };

export interface Finding {
	readonly ruleId: RuleId;
	readonly severity: Severity;
	/** One or two sentences. Never a secret: values are shown only through secretMasking.ts. */
	readonly message: string;
	readonly file: FileRole;
	readonly range: TextRange;
	readonly related?: readonly RelatedLocation[];
	readonly fixes?: readonly QuickFix[];
}

/**
 * What a rule reports; the engine adds the rule's id and severity. A rule sets `severity` only when one of its
 * findings is of another nature than the rest (the naming rule's "your pattern is not a regular expression");
 * a user's setting for the rule still wins over it.
 */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { readonly severity?: Severity };

/** What every rule says of itself, whichever way the engine runs it. */
export interface RuleInfo {
	readonly id: RuleId;
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
