/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Terraform's `shared_credentials_files` / `shared_config_files`: the Go SDK reads the profile from those files
// instead of the usual one of that role (the other role keeps its usual file). The scan reads the named files
// (scanFolder.ts, bounded) into SharedFilesText; this builds the profiles a reference is checked against.
// Pure: texts in, a model out.

import { buildProfileModel, ProfileModel } from '../model/profileModel';
import type { FileTexts } from '../readings/reading';
import { readStandard } from '../readings/standardReader';
import type { ResolvedReference, SharedFiles } from './profileReference';

export type SharedFileRole = 'credentials' | 'config';

export interface SharedFileRead {
	readonly role: SharedFileRole;
	/** As it should be shown (`~/.aws/tf-credentials`). */
	readonly shown: string;
	/** `missing`: no such file; `not-read`: out of the project and home folders, too large or not a file. */
	readonly state: 'read' | 'missing' | 'not-read';
	readonly text?: string;
}

/** The named files of one reference's block, read. */
export interface SharedFilesText {
	readonly written: SharedFiles;
	readonly files: readonly SharedFileRead[];
}

/** What a reference with shared files is checked against. */
export interface SharedFilesModel {
	readonly model: ProfileModel;
	readonly searchedFiles: readonly string[];
	/** The named files that do not exist, as shown. */
	readonly missing: readonly string[];
	/** The named files that were not read, as shown. */
	readonly notRead: readonly string[];
}

export type SharedFilesLookup = (reference: ResolvedReference) => SharedFilesModel | undefined;

export function sharedFilesKey(files: SharedFiles): string {
	return JSON.stringify([files.credentials ?? null, files.config ?? null]);
}

/**
 * The lookup for one project file's references: the named files stand for their role, the usual file (`defaults`,
 * the texts the other references are checked against) for a role the block does not name.
 */
export function sharedFilesLookup(
	read: readonly SharedFilesText[], defaults: { readonly texts: FileTexts; readonly shown: Partial<Record<SharedFileRole, string>> },
): SharedFilesLookup {
	const byKey = new Map(read.map((entry) => [sharedFilesKey(entry.written), entry]));
	const cache = new Map<string, SharedFilesModel>();
	return (reference) => {
		if (!reference.sharedFiles) {
			return undefined;
		}
		const key = sharedFilesKey(reference.sharedFiles);
		const entry = byKey.get(key);
		if (!entry) {
			return undefined;
		}
		const cached = cache.get(key);
		if (cached) {
			return cached;
		}
		const texts: { config?: string; credentials?: string } = {};
		const searchedFiles: string[] = [];
		for (const role of ['config', 'credentials'] as const) {
			const named = entry.files.filter((file) => file.role === role);
			if (reference.sharedFiles[role] === undefined) {
				texts[role] = defaults.texts[role];
				const shown = defaults.shown[role];
				if (shown !== undefined) {
					searchedFiles.push(shown);
				}
				continue;
			}
			// Several files of one role are read in turn; for which profiles exist, one after the other is the same.
			texts[role] = named.filter((file) => file.state === 'read').map((file) => file.text ?? '').join('\n');
			searchedFiles.push(...named.map((file) => file.shown));
		}
		const model = buildProfileModel(readStandard(texts));
		const result: SharedFilesModel = {
			model, searchedFiles,
			missing: entry.files.filter((file) => file.state === 'missing').map((file) => file.shown),
			notRead: entry.files.filter((file) => file.state === 'not-read').map((file) => file.shown),
		};
		cache.set(key, result);
		return result;
	};
}
