/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

/** Prints each missed target and a closing line; the exit status: 0 when every target was met. */
export function reportTargets(failures: readonly string[]): number {
	for (const failure of failures) {
		console.log(`MISSED: ${failure}`);
	}
	console.log(failures.length === 0 ? '\nAll targets met.' : `\n${failures.length} target(s) missed.`);
	return failures.length === 0 ? 0 : 1;
}
