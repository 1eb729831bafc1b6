/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What an edit of the files changed, for re-linting: which sections it touched and how far it moved the text
// after it. An editor's edit is one span of one file, so the text before it and after it are the same as
// before; only the sections whose lines it touched can read differently, whatever reader reads them.

import { changedAwsCliNames } from '../readings/awsCliReader';
import type { FileRole } from '../readings/fileLocations';
import type { TextRange } from '../text/textRange';
import type { TextChange } from '../text/textChange';
import type { LintedFile, LintedSection } from './lintContext';

/** Where one file's text changed. */
export interface FileChange extends TextChange {
	readonly file: FileRole;
}

export interface EditedSections {
	/** The changed span of each file whose text changed. */
	readonly changes: readonly FileChange[];
	/** Every profile and sso-session name whose sections have lines the edits touched, for any reader. */
	readonly names: ReadonlySet<string>;
}

/**
 * What changed between two parses of the files, or undefined when the changes are not local: a file added or
 * removed, or an AWS CLI reading decided by the whole file (a refusal, a [DEFAULT] section). `next` is the
 * parse made after `previous` (lintContext.ts `parseProfileFiles`): each file's `change` is from the file of the
 * same role there.
 */
export function editedSections(previous: readonly LintedFile[], next: readonly LintedFile[]): EditedSections | undefined {
	if (previous.length !== next.length) {
		return undefined;
	}
	const changes: FileChange[] = [];
	const names = new Set<string>();
	for (let i = 0; i < next.length; i++) {
		const before = previous[i];
		const after = next[i];
		if (before.role !== after.role) {
			return undefined;
		}
		if (!after.change) {
			continue; // the same text
		}
		const awsCliNames = changedAwsCliNames(after.role, before.awsCliFile, after.awsCliFile);
		if (!awsCliNames) {
			return undefined;
		}
		awsCliNames.forEach((name) => names.add(name));
		const change: FileChange = { file: after.role, ...after.change };
		addTargetNames(before, change.start, change.oldEnd, names);
		addTargetNames(after, change.start, change.newEnd, names);
		changes.push(change);
	}
	return { changes, names };
}

/**
 * Adds the names of the standard's sections with lines in `[start, end)` of `file`: the one whose header is last
 * at or before `start`, those whose header lines begin up to the end of the line at `end`, and the one after
 * (a line joined to a header, or split from it, changes the header's line).
 */
function addTargetNames(file: LintedFile, start: number, end: number, names: Set<string>): void {
	const { sections } = file;
	const lineEnd = file.text.indexOf('\n', end);
	const last = lineEnd === -1 ? file.text.length : lineEnd;
	let index = Math.max(0, lastStartingAtOrBefore(sections, start));
	for (; index < sections.length; index++) {
		const target = sections[index].target;
		if (target) {
			names.add(target.name);
		}
		if (lineStart(sections[index]) > last) {
			break; // the one after is in
		}
	}
}

/** The index of the last section whose header line starts at or before `offset`, or -1. */
function lastStartingAtOrBefore(sections: readonly LintedSection[], offset: number): number {
	let low = 0;
	let high = sections.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		if (lineStart(sections[middle]) <= offset) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	return found;
}

function lineStart(section: LintedSection): number {
	return section.raw.header.span.offset;
}

/** Where a range outside the changed spans is after the changes: one after its file's change moved with the text. */
export function rangeAfterChanges(changes: readonly FileChange[], file: FileRole, range: TextRange): TextRange {
	const change = changes.find((candidate) => candidate.file === file);
	if (!change || range.offset < change.start) {
		return range;
	}
	return { ...range, offset: range.offset + change.newEnd - change.oldEnd, line: range.line + change.lines };
}
