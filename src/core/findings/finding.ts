/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The one shape of what the checks report, whoever finds it (a lint rule of the two AWS files, a check of the
// profile references in a project file) and whoever shows it (the editor's diagnostics through
// ui/findingDiagnostics.ts, the CLI's text, JSON and SARIF). Plain data: a finding says where, how bad and why,
// and a quick fix is a list of pure edits of the texts the check read (or one action the caller carries out).
// `F` is how a file is named: the lint names the two AWS files by role, a project's check names files by path.

import type { TextRange } from '../text/textRange';
import type { Edit } from '../text/textEdits';
import type { Severity } from './severity';

/**
 * Every id is namespaced, so the ids can sit beside other linters' in one settings file or SARIF log: the lint's
 * rules are `aws-files/...`, the checks of project files' references `profile-reference/...`.
 */
export type RuleId = `aws-files/${string}` | `profile-reference/${string}`;

/** Another place that explains a finding: the other definition of a duplicate, the header a tool cannot read. */
export interface RelatedLocation<F extends string> {
	readonly file: F;
	readonly range: TextRange;
	readonly message: string;
}

/** Edits of one file, each against the text the check read (see textEdits.ts); an absent file is the empty text. */
export interface FileEdits<F extends string> {
	readonly file: F;
	readonly edits: readonly Edit[];
}

/**
 * What a fix does that is not a text edit; the caller carries it out (the core never touches the disk nor asks
 * the user anything): change a file's mode, or run Add AWS Profile for a name that is missing (a profile's
 * keys are the user's to type, so no edit can create it).
 */
export type FileAction<F extends string> =
	| { readonly kind: 'chmod'; readonly file: F; readonly mode: number }
	| { readonly kind: 'add-profile'; readonly name: string };

export type QuickFix<F extends string> =
	| { readonly kind: 'edits'; readonly title: string; readonly edits: readonly FileEdits<F>[]; readonly isPreferred?: boolean }
	| { readonly kind: 'action'; readonly title: string; readonly action: FileAction<F>; readonly isPreferred?: boolean };

export interface Finding<F extends string> {
	readonly ruleId: RuleId;
	readonly severity: Severity;
	/** One or two sentences. Never a secret: values are shown only through secretMasking.ts. */
	readonly message: string;
	readonly file: F;
	readonly range: TextRange;
	readonly related?: readonly RelatedLocation<F>[];
	readonly fixes?: readonly QuickFix<F>[];
	/** The range is not read at all (a profile known only when deploying): an editor shows it faded. */
	readonly notRead?: true;
}
