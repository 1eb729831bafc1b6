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
	/** Whether the command takes arguments besides its options (`aws-profiles lint [files...]`). */
	readonly positionals?: boolean;
	run(values: OptionValues, out: Output, positionals: readonly string[]): Promise<ExitStatus> | ExitStatus;
}
