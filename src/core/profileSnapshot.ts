/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// One consistent look at the user's AWS setup: the two files as read (with their hashes, for safe edits)
// and the profile model built from them, SSO token expiry included. The extension's views and the CLI
// both start from here.

import type { Clock } from './expiry';
import { readSsoTokenExpiries } from './expiry';
import type { FileLocations } from './fileLocations';
import { readProfileFiles, ReadFile, textsOf } from './profileFilesReader';
import { buildProfileModel, ProfileModel, ssoTokenSourcesOf } from './profileModel';
import { readStandard } from './standardReader';

export interface ProfileSnapshot {
	readonly files: readonly [ReadFile, ReadFile];
	readonly model: ProfileModel;
}

export async function loadProfileSnapshot(
	locations: Pick<FileLocations, 'configFile' | 'credentialsFile' | 'ssoCacheFolder'>,
	clock: Clock = Date.now,
): Promise<ProfileSnapshot> {
	const { files } = await readProfileFiles(locations);
	const set = readStandard(textsOf(files));
	const withoutTokens = buildProfileModel(set);
	const sources = ssoTokenSourcesOf(withoutTokens);
	if (sources.length === 0) {
		return { files, model: withoutTokens };
	}
	const ssoTokens = await readSsoTokenExpiries(locations.ssoCacheFolder, sources, clock);
	return { files, model: buildProfileModel(set, { ssoTokens }) };
}

/** The hash of each file as read, for `applyProfileOperation`'s `basedOn` (undefined: the file was missing). */
export function hashesOf(snapshot: ProfileSnapshot): { config?: string; credentials?: string } {
	const hashes: { config?: string; credentials?: string } = {};
	for (const file of snapshot.files) {
		hashes[file.role] = file.kind === 'read' ? file.hash : undefined;
	}
	return hashes;
}
