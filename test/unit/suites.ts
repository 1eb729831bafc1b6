/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS SDKs' cross-language test suites, kept verbatim in test/fixtures/aws-config-suites (their README
// names each file's repository and commit; Apache-2.0, LICENSE there), so that a fresh clone runs them.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const suitesDir = process.env.AWS_CONFIG_SUITES_DIR
	?? path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'aws-config-suites');

export function loadSuite<T>(file: string): T {
	return JSON.parse(readFileSync(path.join(suitesDir, file), 'utf8')) as T;
}
