/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

export const enum ExitStatus {
	Ok = 0,
	Findings = 1,
	Usage = 2,
}

/** Bad arguments or unreadable input: printed as one line, exit status 2. Never carries file content. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}

/** Where a command writes: the console in the real CLI, strings in tests. */
export class Output {
	private constructor(
		readonly line: (text: string) => void,
		readonly error: (text: string) => void,
	) {}

	static console(): Output {
		return new Output((text) => process.stdout.write(text + '\n'), (text) => process.stderr.write(text + '\n'));
	}

	static capture(): { output: Output; stdout: string[]; stderr: string[] } {
		const stdout: string[] = [];
		const stderr: string[] = [];
		return { output: new Output((t) => stdout.push(t), (t) => stderr.push(t)), stdout, stderr };
	}
}
