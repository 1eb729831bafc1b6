/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Which AWS CLI is installed, read from `aws --version` (`aws-cli/2.32.4 Python/3.13.7 Linux/6.8 ...`), and
// whether it has `aws login`, which the AWS CLI gained in 2.32.0. Pure: the caller runs the command.

export interface AwsCliVersion {
	readonly major: number;
	readonly minor: number;
	readonly patch: number;
	/** `2.32.4`, as printed. */
	readonly text: string;
}

/** The first version with `aws login` (login_session profiles). */
export const awsLoginSince = { major: 2, minor: 32 } as const;

export function parseAwsCliVersion(output: string): AwsCliVersion | undefined {
	const match = /\baws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(output);
	if (!match) {
		return undefined;
	}
	return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), text: `${match[1]}.${match[2]}.${match[3]}` };
}

export function supportsAwsLogin(version: AwsCliVersion): boolean {
	return version.major > awsLoginSince.major || (version.major === awsLoginSince.major && version.minor >= awsLoginSince.minor);
}

/** The profile name as one word of a shell command line, in POSIX shells and PowerShell alike. */
export function shellWord(word: string): string {
	return /^[A-Za-z0-9_.@%+=:,/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`;
}
