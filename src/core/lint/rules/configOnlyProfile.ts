/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Serverless Framework v3 runs on the JavaScript SDK v2, which reads only the credentials file unless
// AWS_SDK_LOAD_CONFIG=1 is set: a profile written only in the config file (SSO, roles, credential_process...)
// does not exist for it. Opt-in, since it only matters to projects still on v3.

import type { LintRule } from '../rule';

export const configOnlyProfileRule: LintRule = {
	id: 'aws-files/config-only-profile',
	doc: 'A profile only in the config file, which Serverless Framework v3 (JavaScript SDK v2) does not see unless AWS_SDK_LOAD_CONFIG=1 is set. Opt-in.',
	severity: 'hint',
	optIn: true,
	files: ['config'],
	*check(context) {
		for (const section of context.standard.profiles.values()) {
			const [first] = section.headers;
			if (!first || section.headers.some((header) => header.file !== 'config')) {
				continue;
			}
			yield {
				file: first.file,
				range: first.range,
				message: 'This profile is only in the config file: Serverless Framework v3 (JavaScript SDK v2) reads only the credentials '
					+ 'file unless AWS_SDK_LOAD_CONFIG=1 is set, so it does not see this profile.',
			};
		}
	},
};
