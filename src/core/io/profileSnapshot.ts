/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// One consistent look at the user's AWS setup: the two files as read (with their hashes, for safe edits)
// and the profile model built from them, SSO token expiry included. The extension's views and the CLI
// both start from here.

import type { Clock } from '../model/expiry';
import type { FileLocations } from '../readings/fileLocations';
import { readProfileFiles, ReadFile, textsOf } from './profileFilesReader';
import { readLoginSessionExpiries, readSsoTokenExpiries } from './tokenCacheReads';
import { buildProfileModel, loginSessionsOf, ProfileModel, ssoTokenSourcesOf } from '../model/profileModel';
import { readStandard } from '../readings/standardReader';

export interface ProfileSnapshot {
	readonly files: readonly [ReadFile, ReadFile];
	readonly model: ProfileModel;
}

export async function loadProfileSnapshot(
	locations: Pick<FileLocations, 'configFile' | 'credentialsFile' | 'ssoCacheFolder' | 'loginCacheFolder'>,
	clock: Clock = Date.now,
): Promise<ProfileSnapshot> {
	const { files } = await readProfileFiles(locations);
	const set = readStandard(textsOf(files));
	const withoutTokens = buildProfileModel(set);
	const sources = ssoTokenSourcesOf(withoutTokens);
	const sessions = loginSessionsOf(withoutTokens);
	if (sources.length === 0 && sessions.length === 0) {
		return { files, model: withoutTokens };
	}
	const [ssoTokens, loginTokens] = await Promise.all([
		readSsoTokenExpiries(locations.ssoCacheFolder, sources, clock),
		readLoginSessionExpiries(locations.loginCacheFolder, sessions),
	]);
	return { files, model: buildProfileModel(set, { ssoTokens, loginTokens }) };
}

/** The hash of each file as read, for `applyProfileOperation`'s `basedOn` (undefined: the file was missing). */
export function hashesOf(snapshot: ProfileSnapshot): { config?: string; credentials?: string } {
	const hashes: { config?: string; credentials?: string } = {};
	for (const file of snapshot.files) {
		hashes[file.role] = file.kind === 'read' ? file.hash : undefined;
	}
	return hashes;
}
