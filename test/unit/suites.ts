/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS SDKs' cross-language test suites, read where they are (shared/ beside the project), never copied.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const suitesDir = process.env.AWS_CONFIG_SUITES_DIR
	?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'aws-config-suites');

export function loadSuite<T>(file: string): T {
	return JSON.parse(readFileSync(path.join(suitesDir, file), 'utf8')) as T;
}
