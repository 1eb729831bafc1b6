/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Linting one pair of files again and again as they are edited, as an editor does on every change. The
// session keeps the last parse and hands it to the next one (lintContext.ts `parseProfileFiles`), which reads
// the AWS CLI's reading and compares the readings again only where the edit is; the findings are always
// exactly those of `lintProfileFiles` on the same input.

import type { Finding } from './rule';
import { LintInput, parseProfileFiles, ParsedProfileFiles } from './lintContext';
import { lintParsedFiles } from './lintFiles';

export class LintSession {
	private previous: ParsedProfileFiles | undefined;

	/** The findings of `lintProfileFiles(input)`, re-using what the last call parsed. */
	lint(input: LintInput): Finding[] {
		const parsed = parseProfileFiles(input, this.previous);
		this.previous = parsed;
		return lintParsedFiles(parsed, input.options);
	}

	/** The parse of the last call, if any. */
	get parsed(): ParsedProfileFiles | undefined {
		return this.previous;
	}
}
