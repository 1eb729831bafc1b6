/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Carries out a profile operation on the files on disk: read both (with their hashes), plan the edits
// (profileEdits.ts), check the result still parses as it did, and write each changed file through
// safeWrite.ts (atomic, backed up, refused if the file changed since it was read).

import type { FileLocations } from '../readings/fileLocations';
import type { FileRole } from '../readings/fileLocations';
import { PairEdits, FilePair, planProfileEdit, ProfileOperation } from '../editing/profileEdits';
import { OwnError } from '../display/ownError';
import { countSyntaxProblems } from '../ini/rawProfileFile';
import { readForEdit, SafeWriteError, writeEdited, WriteOptions, WriteResult } from './safeWrite';
import { applyEdits } from '../text/textEdits';

/** The operation cannot be done on these files (a name taken, a profile missing, an invalid value...). */
export class ProfileEditError extends OwnError {
	override readonly name = 'ProfileEditError';
}

export interface ApplyOptions extends WriteOptions {
	/**
	 * The hashes of the files as the caller last read them (e.g. what a view shows). When given, a file that
	 * has changed since is not written: the user decided on content that is no longer there.
	 */
	readonly basedOn?: Partial<Record<FileRole, string | undefined>>;
}

export type ApplyResult = Readonly<Partial<Record<FileRole, WriteResult>>>;

export async function applyProfileOperation(
	locations: Pick<FileLocations, 'configFile' | 'credentialsFile'>,
	operation: ProfileOperation,
	options: ApplyOptions = {},
): Promise<ApplyResult> {
	const files = {
		config: await readForEdit(locations.configFile, options),
		credentials: await readForEdit(locations.credentialsFile, options),
	};
	for (const role of ['config', 'credentials'] as const) {
		const expected = options.basedOn?.[role];
		if (options.basedOn && role in options.basedOn && expected !== files[role].hash) {
			throw new SafeWriteError('ChangedOnDisk', files[role].path,
				`${files[role].path} has changed since it was read; nothing was written. Look at it again and retry.`);
		}
	}
	const texts = { config: files.config.text, credentials: files.credentials.text };
	const plan = planProfileEdit(texts, operation);
	if (!plan.ok) {
		throw new ProfileEditError(plan.message);
	}
	const next = {
		config: applyEdits(texts.config, plan.edits.config),
		credentials: applyEdits(texts.credentials, plan.edits.credentials),
	};
	assertNoNewSyntaxErrors(texts, next, plan.edits);
	const result: Partial<Record<FileRole, WriteResult>> = {};
	for (const role of ['config', 'credentials'] as const) {
		if (plan.edits[role].length > 0) {
			result[role] = await writeEdited(files[role], next[role], options);
		}
	}
	return result;
}

/**
 * A safety net under the planner: an edit must never turn a file the SDKs read into one they refuse. The standard's
 * errors are its syntax problems, so they are counted in the edited files alone, without building a reading of them.
 */
function assertNoNewSyntaxErrors(before: FilePair, after: FilePair, edits: PairEdits): void {
	const edited = (['config', 'credentials'] as const).filter((role) => edits[role].length > 0);
	const errors = (texts: FilePair) => edited.reduce((sum, role) => sum + countSyntaxProblems(texts[role]), 0);
	if (errors(after) > errors(before)) {
		throw new ProfileEditError('The edit would break the file\'s syntax; nothing was written. Please report this.');
	}
}
