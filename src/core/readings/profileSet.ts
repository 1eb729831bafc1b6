/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The result of reading the two files with the standard semantics (the SDKs' shared suites): the merged
// sections, each property with where it was defined, and every problem found on the way. This is the
// contract between the parser (standardReader.ts) and everything that uses what it read: the profile
// model, the lint rules, the edits, the CLI and the views.

import type { FileRole } from '../readings/fileLocations';
import type { Severity } from '../findings/severity';
import type { TextRange } from '../text/textRange';

/** Where something was written: which of the two files, and where in it. */
export interface SourceLocation {
	readonly file: FileRole;
	readonly range: TextRange;
}

export type SectionKind = 'profile' | 'sso-session' | 'services';

export interface PropertyDefinition {
	/** The key as the SDKs match it: lower-cased, as smithy-rs and the Ruby suite do. */
	readonly name: string;
	/**
	 * The value as the standard reads it: trimmed, continuation lines joined with '\n'. For a property with
	 * sub-properties this is the raw text (`"\nmax_concurrent_requests = 10"`), as smithy-rs keeps it.
	 */
	readonly value: string;
	/** The sub-properties, parsed, when the value is a block of `key = value` lines. */
	readonly subProperties?: ReadonlyMap<string, string>;
	/** The file the key and value are written in (one line holds both). */
	readonly file: FileRole;
	/** The key as written. */
	readonly key: TextRange;
	/** The value as written, from its first to its last character (continuations included). */
	readonly valueRange: TextRange;
}

/** Where a property's key is written. */
export function keyLocation(definition: PropertyDefinition): SourceLocation {
	return { file: definition.file, range: definition.key };
}

export interface Section {
	readonly kind: SectionKind;
	readonly name: string;
	/** Merged over duplicate sections and over the two files, as the standard merges them (last wins). */
	readonly properties: ReadonlyMap<string, PropertyDefinition>;
	/** Every header that contributed to this section, in reading order (config file first). */
	readonly headers: readonly SourceLocation[];
}

/** A reader's problem is never a mere hint. */
export type ProblemSeverity = Exclude<Severity, 'hint'>;

/**
 * Something the reader noticed. Syntax problems make the standard reject the file; semantic ones (an
 * invalid name, a section ignored in that file, a duplicate) drop or merge a piece and go on. A problem's
 * message never quotes a value, so it can never hold a secret.
 */
export interface Problem {
	/** A stable code, e.g. `syntax/unterminated-header`, used by the lint rules and the tests. */
	readonly code: string;
	readonly severity: ProblemSeverity;
	readonly message: string;
	readonly location: SourceLocation;
}

export interface ProfileSet {
	readonly profiles: ReadonlyMap<string, Section>;
	readonly ssoSessions: ReadonlyMap<string, Section>;
	readonly services: ReadonlyMap<string, Section>;
	readonly problems: readonly Problem[];
}
