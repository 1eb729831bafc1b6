/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The profiles that Serverless Framework v3 (or older) projects name. Those versions read profiles with the
// JavaScript SDK v2, which reads only the credentials file unless AWS_SDK_LOAD_CONFIG=1 is set: a profile that
// is only in the config file (SSO, a role, credential_process) does not exist for them. The lint rule
// `aws-files/config-only-profile` reports such a profile where it is defined.

import { ParseLimitError } from './parseLimits';
import type { ProfileReference } from './profileReference';
import { isServerlessFile } from './referenceFiles';
import { frameworkMajorOf, parseServerlessTree } from './serverless';

/** A profile named by a project whose tool reads profiles with the JavaScript SDK v2. */
export interface LegacySdkUse {
	readonly profile: string;
	/** The project file that names it, as the caller wants it shown (a workspace-relative path). */
	readonly file: string;
}

/**
 * The profiles a serverless.yml (.yaml, .json, or the literals of .js/.ts) names, when its `frameworkVersion`
 * pins a version before 4; none otherwise (no `frameworkVersion` means the newest, v4). `references` gives the
 * file's (findProfileReferences), asked for only for such a version; `shownAs` is how messages name the file.
 */
export function legacySdkUsesOf(fileName: string, text: string, references: () => readonly ProfileReference[], shownAs = fileName): LegacySdkUse[] {
	if (!isServerlessFile(fileName)) {
		return [];
	}
	let major: number | undefined;
	try {
		major = frameworkMajorOf(parseServerlessTree(fileName, text));
	} catch (error) {
		if (error instanceof ParseLimitError) {
			return []; // not read: the file's own finding (findReferences.ts) says so
		}
		throw error;
	}
	if (major === undefined || major >= 4) {
		return [];
	}
	const names = new Set(references().flatMap((reference) => reference.status === 'resolved' ? [reference.name] : []));
	return [...names].map((profile) => ({ profile, file: shownAs }));
}
