/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Which sections two readings of the files by one reader see differently. A reader the caller runs anew after
// each edit (the JavaScript SDK's, read in the AWS layer) says nothing of what changed, so re-comparing the
// readings (readingDifferences.ts `readingDifferencesAgain`) asks it of the two readings themselves: one pass
// over the sections, where comparing them with the other readers takes two.

import type { ReadingResult, ReadingSection, ReadingValue } from './reading';

/**
 * The profile and sso-session names `before` and `after` read differently (a section one of them lacks
 * included); undefined when either refuses the files.
 */
export function changedSectionNames(before: ReadingResult, after: ReadingResult): Set<string> | undefined {
	if (!before.ok || !after.ok) {
		return undefined;
	}
	const names = new Set<string>();
	addChangedNames(before.reading.profiles, after.reading.profiles, names);
	addChangedNames(before.reading.ssoSessions, after.reading.ssoSessions, names);
	return names;
}

type Sections = Readonly<Record<string, ReadingSection>>;

function addChangedNames(before: Sections, after: Sections, names: Set<string>): void {
	for (const name of Object.keys(after)) {
		if (!Object.hasOwn(before, name) || !sameSection(before[name], after[name])) {
			names.add(name);
		}
	}
	for (const name of Object.keys(before)) {
		if (!Object.hasOwn(after, name)) {
			names.add(name);
		}
	}
}

function sameSection(a: ReadingSection, b: ReadingSection): boolean {
	if (a === b) {
		return true;
	}
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) {
		return false;
	}
	return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
}

function sameValue(a: ReadingValue, b: ReadingValue): boolean {
	if (typeof a === 'string' || typeof b === 'string') {
		return a === b;
	}
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}
