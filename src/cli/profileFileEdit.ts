/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How the edit commands (set, unset, rename, delete, add) change the files: the extension's one safe path,
// applyProfileOperation (planned by profileEdits.ts, written by safeWrite.ts: atomic, backed up, refused if
// the file changed since it was read). The files are those the SDK would read (AWS_CONFIG_FILE,
// AWS_SHARED_CREDENTIALS_FILE, HOME), as `aws configure set` writes them. Every refusal becomes a one-line
// usage error (exit 2); what is reported names keys, profiles and paths, never a value.

import { applyProfileOperation, ApplyResult, EditableFile, processFileLocations, ProfileEditError, readForEdit, readStandard, SafeWriteError, shownPath, WriteResult } from '../core';
import type { FileRole, ProfileOperation, ProfileSet } from '../core';
import type { OptionValues } from './command';
import { UsageError } from './output';

/** The two files as read before an edit: what the command decides on, and the hashes the write checks. */
export interface FilesForEdit {
	readonly config: EditableFile;
	readonly credentials: EditableFile;
	readonly reading: ProfileSet;
	/** AWS_PROFILE, else `default`: the profile `set` and `unset` change when no --profile is given. */
	readonly defaultProfile: string;
}

export async function readFilesForEdit(): Promise<FilesForEdit> {
	const locations = processFileLocations();
	const [config, credentials] = await refusalsAsUsage(() =>
		Promise.all([readForEdit(locations.configFile), readForEdit(locations.credentialsFile)]));
	return { config, credentials, reading: readStandard({ config: config.text, credentials: credentials.text }), defaultProfile: locations.profile };
}

/**
 * Carries out the operation on the files as they were read: if another program changed one since (while a
 * confirmation was asked, say), nothing is written.
 */
export async function applyEdit(files: FilesForEdit, operation: ProfileOperation): Promise<ApplyResult> {
	return refusalsAsUsage(() => applyProfileOperation(
		{ configFile: files.config.path, credentialsFile: files.credentials.path },
		operation,
		{ basedOn: { config: files.config.hash, credentials: files.credentials.hash } },
	));
}

/** The profile a command acts on: --profile, else AWS_PROFILE, else `default`, as the AWS CLI chooses. */
export function chosenProfile(values: OptionValues, files: FilesForEdit): string {
	return (values.profile as string | undefined) ?? files.defaultProfile;
}

/** The files an operation wrote, in the order config, credentials. */
export function writtenFiles(result: ApplyResult): WriteResult[] {
	return (['config', 'credentials'] as const satisfies readonly FileRole[])
		.map((role) => result[role])
		.filter((written): written is WriteResult => written !== undefined);
}

/** `~/.aws/credentials (backup: ~/.aws/credentials.bak)`, or what else became of the file. */
export function describeWrite(written: WriteResult): string {
	if (!written.written) {
		return `${shownPath(written.file.path)} (unchanged)`;
	}
	if (written.created) {
		return `${shownPath(written.file.path)} (a new file, readable by you only)`;
	}
	return written.backup ? `${shownPath(written.file.path)} (backup: ${shownPath(written.backup)})` : shownPath(written.file.path);
}

/**
 * A profile name or key as these commands print it. Names and keys are shown (they are how the user tells
 * what changed), except one shaped like a secret: a pasted key or token in the wrong place is a valid
 * identifier (base64 and key ids use only identifier characters), and the output must never carry it.
 * The shape: an access key id, or 20 characters or more with no separator, mixing upper case, lower case
 * and digits, as random strings do and the names people choose (`client-1-prod`, `aws_session_token`) do not.
 */
export function shown(name: string): string {
	const randomLooking = name.length >= 20 && !/[_\-.@:%]/.test(name) && /[A-Z]/.test(name) && /[a-z]/.test(name) && /[0-9]/.test(name);
	const keyId = /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}$/.test(name);
	return randomLooking || keyId ? '(a name shaped like a secret, not shown)' : name;
}

/**
 * `aws configure set s3.max_concurrent_requests 10` writes a sub-property of `s3`; written as one key, the
 * dotted name would mean nothing to any reader. Refused rather than done differently from the AWS CLI.
 */
export function checkPlainKey(key: string): void {
	if (key.includes('.')) {
		throw new UsageError('a key cannot contain ".": the AWS CLI reads a dotted key as a sub-property (s3.max_concurrent_requests), '
			+ 'which aws-profiles does not write; edit the file for those');
	}
}

/** The planner's and the safe write's refusals are already one clear line that quotes no value. */
async function refusalsAsUsage<T>(action: () => Promise<T>): Promise<T> {
	try {
		return await action();
	} catch (error) {
		if (error instanceof SafeWriteError || error instanceof ProfileEditError) {
			throw new UsageError(error.message);
		}
		throw error;
	}
}
