/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Pinning a profile in a project file (the walkthrough's "Pin it in the project" step): the places of a
// Serverless, Up, Zappa, SAM or CDK file where the tool reads its profile, each with the edit that makes it
// name the given profile. A place that names a profile already is rewritten in place (the same literal a
// rename changes, per stage when the name comes from a per-stage map); a stage or environment that names none
// gets the tool's own key. Every plan is checked by reading the edited text again, as the tool would: a place
// whose edit would not be read back as the profile is not offered.

import { extname } from 'node:path';
import { ConfigNode, mapEntries } from './configTree';
import { findProfileReferences } from './findReferences';
import { referenceFileKind } from './referenceFiles';
import { parseJsonTree } from './jsonTree';
import { FileSyntax, insertSetting } from './keyInsertion';
import { ParseLimitError } from './parseLimits';
import type { ProfileReference, ReferenceFileKind } from './profileReference';
import { encodeName, targetEdit } from './referenceEdits';
import { parseTomlTree } from './tomlTree';
import { parseYamlTree } from './yamlTree';
import { applyEdits, Edit } from '../text/textEdits';

/** The tools whose files can be given a profile, and the key each one reads it from. */
type PinnableKind = Extract<ReferenceFileKind, 'serverless' | 'up' | 'zappa' | 'sam' | 'cdk'>;

export interface PinPlace {
	/** Where the tool reads it: `provider.profile`, `prod.profile_name`, `default.global.parameters.profile`. */
	readonly key: string;
	/** The stages (Serverless, Zappa) or environments (SAM) it applies to; empty: every one. */
	readonly stages: readonly string[];
	/** `replace`: a profile is named there already; `add`: the key is new. */
	readonly action: 'replace' | 'add';
	readonly edits: readonly Edit[];
}

export type PinPlan =
	| { readonly ok: true; readonly places: readonly PinPlace[] }
	| { readonly ok: false; readonly reason: string };

/** The places of the file where `profile` can be pinned, or why there are none. Never throws on the file's content. */
export function planProfilePin(fileName: string, text: string, profile: string): PinPlan {
	const kind = pinnableKind(fileName);
	const syntax = syntaxOf(fileName);
	if (!kind || !syntax) {
		return { ok: false, reason: 'Open the project\'s serverless.yml (or .json), up.json, zappa_settings, samconfig or cdk.json to pin a profile in it.' };
	}
	let root: ConfigNode | undefined;
	try {
		root = parseTree(syntax, text);
	} catch (error) {
		if (error instanceof ParseLimitError) {
			return { ok: false, reason: `The file is ${error.message}: pin the profile by hand.` };
		}
		throw error;
	}
	if (root === undefined && text.trim() !== '') {
		return { ok: false, reason: 'The file does not parse: fix it first.' };
	}
	const references = findProfileReferences(fileName, text);
	const candidates = [...replacePlaces(references, profile), ...addPlaces(kind, syntax, text, root, references, profile)];
	const places = candidates.filter((place) => readsBack(fileName, text, place, profile));
	if (places.length > 0) {
		return { ok: true, places };
	}
	return { ok: false, reason: references.length > 0
		? `The profile here is not written as a plain name (${references[0].key}): change it by hand.`
		: 'No place in this file could take the profile safely: add it by hand.' };
}

/** A place's label for a picker: `prod.profile_name (stage prod)`. */
export function describePinPlace(place: PinPlace): string {
	const stages = place.stages.length === 0 ? '' : ` (${place.stages.length === 1 ? 'stage' : 'stages'} ${place.stages.join(', ')})`;
	return `${place.key}${stages}`;
}

/** Whether a profile can be pinned in a file of this name (what it holds is judged by the plan). */
export function isPinnableFile(fileName: string): boolean {
	return pinnableKind(fileName) !== undefined && syntaxOf(fileName) !== undefined;
}

function pinnableKind(fileName: string): PinnableKind | undefined {
	const kind = referenceFileKind(fileName);
	return kind === 'serverless' || kind === 'up' || kind === 'zappa' || kind === 'sam' || kind === 'cdk' ? kind : undefined;
}

/** By extension; serverless.ts and .js are code, never edited (nor run). */
function syntaxOf(fileName: string): FileSyntax | undefined {
	switch (extname(fileName)) {
		case '.json':
			return 'json';
		case '.yml':
		case '.yaml':
			return 'yaml';
		case '.toml':
			return 'toml';
		default:
			return undefined;
	}
}

function parseTree(syntax: FileSyntax, text: string): ConfigNode | undefined {
	switch (syntax) {
		case 'json':
			return parseJsonTree(text);
		case 'yaml':
			return parseYamlTree(text);
		case 'toml':
			return parseTomlTree(text);
	}
}

/** Each literal that names a profile in this file, once (a per-stage map's default may serve several stages). */
function replacePlaces(references: readonly ProfileReference[], profile: string): PinPlace[] {
	const byOffset = new Map<number, { key: string; stages: string[]; edit: Edit }>();
	for (const reference of references) {
		if (reference.status !== 'resolved' || !reference.rename || reference.rename.file !== undefined) {
			continue;
		}
		const edit = targetEdit(reference.rename, profile)?.edit;
		if (!edit) {
			continue;
		}
		const known = byOffset.get(edit.offset);
		if (known) {
			known.stages.push(...reference.stages);
		} else {
			byOffset.set(edit.offset, { key: reference.key, stages: [...reference.stages], edit });
		}
	}
	return [...byOffset.values()].map(({ key, stages, edit }) => ({ key, stages, action: 'replace', edits: [edit] }));
}

/** The tool's own key, in every stage or environment that names no profile at all (not even a computed one). */
function addPlaces(
	kind: PinnableKind, syntax: FileSyntax, text: string, root: ConfigNode | undefined,
	references: readonly ProfileReference[], profile: string,
): PinPlace[] {
	const written = syntax === 'yaml'
		? encodeName('yaml-plain', profile) ?? `'${encodeName('yaml-single-quoted', profile)}'`
		: `"${encodeName('toml-basic', profile)}"`;
	return scopesOf(kind, root)
		.filter(({ stage }) => !references.some((reference) => stage === undefined || reference.stages.includes(stage)))
		.flatMap(({ stage, path }): PinPlace[] => {
			const inserted = insertSetting(syntax, text, root, path, profile, written);
			return inserted.ok ? [{ key: path.join('.'), stages: stage === undefined ? [] : [stage], action: 'add', edits: inserted.edits }] : [];
		});
}

interface Scope {
	/** The stage or environment; undefined for a file with one setting for every stage. */
	readonly stage?: string;
	readonly path: readonly string[];
}

function scopesOf(kind: PinnableKind, root: ConfigNode | undefined): Scope[] {
	switch (kind) {
		case 'serverless':
			return [{ path: ['provider', 'profile'] }];
		case 'up':
		case 'cdk':
			return [{ path: ['profile'] }];
		case 'zappa':
			return stagesOf(root).map((stage) => ({ stage, path: [stage, 'profile_name'] }));
		case 'sam': {
			// `sam deploy` reads the `default` environment unless --config-env names another.
			const environments = stagesOf(root);
			return (environments.length > 0 ? environments : ['default']).map((stage) => ({ stage, path: [stage, 'global', 'parameters', 'profile'] }));
		}
	}
}

/** The top-level keys whose values are maps: Zappa's stages, SAM's environments. */
function stagesOf(root: ConfigNode | undefined): string[] {
	return mapEntries(root).filter(([, value]) => value.kind === 'map').map(([stage]) => stage);
}

/** Whether the tool, reading the edited text, finds `profile` at the place. */
function readsBack(fileName: string, text: string, place: PinPlace, profile: string): boolean {
	let edited: string;
	try {
		edited = applyEdits(text, place.edits);
	} catch {
		return false;
	}
	return findProfileReferences(fileName, edited).some((reference) => reference.status === 'resolved'
		&& reference.name === profile
		&& (place.stages.length === 0 || place.stages.every((stage) => reference.stages.includes(stage))));
}
