/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The JS SDK's reading of two texts, made from its reading of the texts before an edit: the editor asks for one
// after each keystroke, and the loader reads a whole pair of files in about the time the rest of a re-lint takes.
// The loader reads a file section by section (its state starts again at each header line) and merges the
// sections of one name in file order, so only the names the edit touched can read differently, and their value
// is what the loader makes of their sections alone. Those are read again by the loader itself, never by a copy
// of its parser: first the edited sections (before and after) to learn which names they write, then every
// section that may write those names. Everything else is kept from the reading before.

import type { JsSdkReading } from './jsSdkReader';
import type { ReadingSection } from './reading';

/** The two texts as the loader reads them (an absent file is empty to it). */
export interface LoaderTexts {
	readonly config: string;
	readonly credentials: string;
}

/** Reads texts with the loader; it must hand them to the loader before it returns (jsSdkReader.ts `readInMemory`). */
export type ReadWithLoader = (texts: LoaderTexts) => Promise<JsSdkReading>;

/** The one section name the loader throws on; then it reads the whole file as empty, which no edit is local to. */
const refusedName = '__proto__';

/** The prefixes of the config file's non-profile sections, as the loader keeps them among the merged profiles. */
const ssoSessionPrefix = 'sso-session.';
const servicesPrefix = 'services.';

/** What `read` reads in `after`, given what it read in `before`: equal to `read(after)`, and much quicker. */
export async function readingAfterEdit(before: LoaderTexts, reading: JsSdkReading, after: LoaderTexts, read: ReadWithLoader): Promise<JsSdkReading> {
	if ([before.config, before.credentials, after.config, after.credentials].some((text) => text.includes(refusedName))) {
		return read(after);
	}
	const config = editedChunks(chunksOf(before.config), chunksOf(after.config));
	const credentials = editedChunks(chunksOf(before.credentials), chunksOf(after.credentials));
	if (lengthOf(config.before) + lengthOf(config.after) + lengthOf(credentials.before) + lengthOf(credentials.after)
		> (after.config.length + after.credentials.length) / 2) {
		return read(after); // not an edit but other files (another pair, the disk's texts): reading them whole is quicker
	}
	// Both start before either is awaited: each hands its texts to the loader as it is called.
	const edited = await Promise.all([
		read({ config: config.before.join(''), credentials: credentials.before.join('') }),
		read({ config: config.after.join(''), credentials: credentials.after.join('') }),
	]);
	const names = touchedNames(edited);
	const needles = [...names.profiles, ...names.ssoSessions, ...names.services].map(nameTail);
	const writing = (chunks: readonly string[]) => chunks.filter((chunk) => needles.some((needle) => chunk.includes(needle))).join('');
	const again = await read({ config: writing(config.all), credentials: writing(credentials.all) });
	return {
		profiles: replaced(reading.profiles, again.profiles, names.profiles),
		ssoSessions: replaced(reading.ssoSessions, again.ssoSessions, names.ssoSessions),
		services: replaced(reading.services, again.services, names.services),
	};
}

/**
 * The text cut before each line the loader surely reads as a section header: `[` first, `]` last, and no `;`
 * or `#` that could start a comment. Any other line that the loader takes as a header stays inside a chunk,
 * which is still read whole; so each chunk starts where the loader starts again (or at the file's start).
 */
export function chunksOf(text: string): string[] {
	const chunks: string[] = [];
	let start = 0;
	for (let at = text.indexOf('\n['); at !== -1; at = text.indexOf('\n[', at + 1)) {
		const lineStart = at + 1;
		const lineEnd = text.indexOf('\n', lineStart);
		const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
		if (!/[;#]/.test(line) && line.trimEnd().endsWith(']')) {
			chunks.push(text.slice(start, lineStart));
			start = lineStart;
		}
	}
	chunks.push(text.slice(start));
	return chunks;
}

interface EditedChunks {
	/** The chunks the edit changed, before and after it; those around them are the same in both. */
	readonly before: readonly string[];
	readonly after: readonly string[];
	/** Every chunk after the edit. */
	readonly all: readonly string[];
}

function editedChunks(before: readonly string[], after: readonly string[]): EditedChunks {
	const shorter = Math.min(before.length, after.length);
	let head = 0;
	while (head < shorter && before[head] === after[head]) {
		head++;
	}
	let tail = 0;
	while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
		tail++;
	}
	return { before: before.slice(head, before.length - tail), after: after.slice(head, after.length - tail), all: after };
}

function lengthOf(chunks: readonly string[]): number {
	return chunks.reduce((sum, chunk) => sum + chunk.length, 0);
}

interface TouchedNames {
	readonly profiles: Set<string>;
	readonly ssoSessions: Set<string>;
	readonly services: Set<string>;
}

/**
 * The names the edited chunks write, in any of the three maps, with their other names: a config file's
 * `sso-session.x` is sso-session `x`, and a profile too when the credentials file has it (same for services).
 */
function touchedNames(readings: readonly JsSdkReading[]): TouchedNames {
	const names: TouchedNames = { profiles: new Set(), ssoSessions: new Set(), services: new Set() };
	for (const reading of readings) {
		Object.keys(reading.profiles).forEach((name) => names.profiles.add(name));
		Object.keys(reading.ssoSessions).forEach((name) => names.ssoSessions.add(name));
		Object.keys(reading.services).forEach((name) => names.services.add(name));
	}
	for (const name of names.profiles) {
		if (name.startsWith(ssoSessionPrefix)) {
			names.ssoSessions.add(name.slice(ssoSessionPrefix.length));
		} else if (name.startsWith(servicesPrefix)) {
			names.services.add(name.slice(servicesPrefix.length));
		}
	}
	names.ssoSessions.forEach((name) => names.profiles.add(ssoSessionPrefix + name));
	names.services.forEach((name) => names.profiles.add(servicesPrefix + name));
	return names;
}

/**
 * A part of `name` that every header writing it contains: the loader names a section with a part of its header
 * line (`[profile a.b]` is `a.b`, `profile.a.b` in the credentials file), and may add a prefix and a dot.
 */
function nameTail(name: string): string {
	return name.slice(name.indexOf('.') + 1);
}

function replaced(
	before: Readonly<Record<string, ReadingSection>>,
	again: Readonly<Record<string, ReadingSection>>,
	names: ReadonlySet<string>,
): Record<string, ReadingSection> {
	const sections = { ...before };
	for (const name of names) {
		if (Object.hasOwn(again, name)) {
			sections[name] = again[name];
		} else {
			delete sections[name];
		}
	}
	return sections;
}
