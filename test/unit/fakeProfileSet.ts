/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Builds a ProfileSet from plain maps, as the SDKs' suites give their inputs, without the reader: each
// property gets a made-up but distinct location (one line per header and per property, in map order), so
// tests of the profile model do not depend on the parser.

import type { FileRole } from '../../src/core/readings/fileLocations';
import type { Problem, ProfileSet, PropertyDefinition, Section, SectionKind, SourceLocation } from '../../src/core/readings/profileSet';

export type PlainSections = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface PlainProfileSet {
	/** Profiles of the config file. */
	readonly profiles?: PlainSections;
	/** Profiles of the credentials file; merged over the config file's, as the standard merges them. */
	readonly credentials?: PlainSections;
	readonly ssoSessions?: PlainSections;
	readonly services?: PlainSections;
	readonly problems?: readonly Problem[];
}

export function fakeProfileSet(input: PlainProfileSet): ProfileSet {
	const lines: Record<FileRole, LineCounter> = { config: new LineCounter('config'), credentials: new LineCounter('credentials') };
	const profiles = new Map<string, Section>();
	addSections(profiles, 'profile', input.profiles, lines.config);
	addSections(profiles, 'profile', input.credentials, lines.credentials);
	const ssoSessions = new Map<string, Section>();
	addSections(ssoSessions, 'sso-session', input.ssoSessions, lines.config);
	const services = new Map<string, Section>();
	addSections(services, 'services', input.services, lines.config);
	return { profiles, ssoSessions, services, problems: input.problems ?? [] };
}

/** The profile set of the suites' `{ profiles, sso_sessions }` input (smithy-rs) or any plain profile map. */
export function fakeProfileSetOf(profiles: PlainSections, ssoSessions: PlainSections = {}): ProfileSet {
	return fakeProfileSet({ profiles, ssoSessions });
}

function addSections(into: Map<string, Section>, kind: SectionKind, plain: PlainSections | undefined, lines: LineCounter): void {
	for (const [name, properties] of Object.entries(plain ?? {})) {
		const header = lines.next(`[${name}]`.length, `[${name}]`.length);
		const merged = new Map<string, PropertyDefinition>(into.get(name)?.properties ?? []);
		for (const [key, value] of Object.entries(properties)) {
			merged.set(key, definition(key, value, lines));
		}
		into.set(name, { kind, name, properties: merged, headers: [...(into.get(name)?.headers ?? []), header] });
	}
}

function definition(key: string, value: string, lines: LineCounter): PropertyDefinition {
	const keyLocation = lines.next(key.length, `${key} = ${value}`.length);
	const valueColumn = key.length + 3;
	return {
		name: key,
		value,
		file: keyLocation.file,
		key: keyLocation.range,
		valueRange: { ...keyLocation.range, offset: keyLocation.range.offset + valueColumn, column: valueColumn, length: value.length },
	};
}

/** Hands out one line per call, as if each header and property were written on its own line. */
class LineCounter {
	private line = 0;
	private offset = 0;

	constructor(private readonly file: FileRole) { }

	/** `length` is the span's, `lineLength` the whole line's (without its line break). */
	next(length: number, lineLength: number): SourceLocation {
		const location: SourceLocation = { file: this.file, range: { offset: this.offset, length, line: this.line, column: 0 } };
		this.line += 1;
		this.offset += lineLength + 1;
		return location;
	}
}
