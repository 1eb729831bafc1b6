/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import type { ParseArgsConfig } from 'node:util';
import type { ExitStatus, Output } from './output';

export type OptionValues = Record<string, string | boolean | undefined>;

/** One `aws-profiles` command: its help text, its options (node:util parseArgs), and what it does. */
export interface Command {
	readonly name: string;
	readonly summary: string;
	readonly usage: string;
	readonly options: NonNullable<ParseArgsConfig['options']>;
	run(values: OptionValues, out: Output): Promise<ExitStatus> | ExitStatus;
}
