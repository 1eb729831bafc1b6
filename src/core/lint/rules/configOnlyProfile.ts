/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Serverless Framework v3 runs on the JavaScript SDK v2, which reads only the credentials file unless
// AWS_SDK_LOAD_CONFIG=1 is set: a profile written only in the config file (SSO, roles, credential_process...)
// does not exist for it. Reported on such a profile when a v3 project of the workspace names it (the caller
// says which: LintInput.legacySdkUses), since it only matters to projects still on v3.

import type { LintRule } from '../rule';

export const configOnlyProfileRule: LintRule = {
	id: 'aws-files/config-only-profile',
	doc: 'A profile only in the config file that a Serverless Framework v3 project names: v3 (JavaScript SDK v2) reads only the credentials file unless AWS_SDK_LOAD_CONFIG=1 is set.',
	severity: 'info',
	files: ['config'],
	*check(context) {
		const filesByProfile = new Map<string, string[]>();
		for (const { profile, file } of context.legacySdkUses) {
			filesByProfile.set(profile, [...(filesByProfile.get(profile) ?? []), file]);
		}
		for (const [profile, files] of filesByProfile) {
			const section = context.standard.profiles.get(profile);
			const [first] = section?.headers ?? [];
			if (!section || !first || section.headers.some((header) => header.file !== 'config')) {
				continue;
			}
			const named = [...new Set(files)].sort();
			yield {
				file: first.file,
				range: first.range,
				message: `${named.join(', ')} ${named.length === 1 ? 'uses' : 'use'} this profile with Serverless Framework v3, `
					+ 'whose JavaScript SDK v2 reads only the credentials file unless AWS_SDK_LOAD_CONFIG=1 is set: it does not see this '
					+ 'profile, which is only in the config file.',
			};
		}
	},
};
