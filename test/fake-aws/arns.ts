/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The ARNs IAM and STS write, built and read in one place so that every answer spells them the same way.
// IAM paths start and end with `/` and sit between the resource type and the name; an assumed-role ARN has
// no path and lives under `sts`, not `iam`.

export function rootArn(account: string): string {
	return `arn:aws:iam::${account}:root`;
}

export function userArn(account: string, path: string, name: string): string {
	return `arn:aws:iam::${account}:user${path}${name}`;
}

export function groupArn(account: string, path: string, name: string): string {
	return `arn:aws:iam::${account}:group${path}${name}`;
}

export function roleArn(account: string, path: string, name: string): string {
	return `arn:aws:iam::${account}:role${path}${name}`;
}

export function assumedRoleArn(account: string, roleName: string, sessionName: string): string {
	return `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;
}

/** What an IAM or STS principal ARN names; `undefined` for anything else. */
export type ParsedArn =
	| { readonly type: 'root'; readonly account: string }
	| { readonly type: 'user' | 'group' | 'role'; readonly account: string; readonly path: string; readonly name: string }
	| { readonly type: 'assumed-role'; readonly account: string; readonly roleName: string; readonly sessionName: string };

const iamArnPattern = /^arn:aws:iam::(\d{12}):(user|group|role)(\/(?:[^/]+\/)*)([^/]+)$/;
const assumedRolePattern = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/;

export function parseArn(arn: string): ParsedArn | undefined {
	const root = /^arn:aws:iam::(\d{12}):root$/.exec(arn);
	if (root) {
		return { type: 'root', account: root[1] };
	}
	const iam = iamArnPattern.exec(arn);
	if (iam) {
		return { type: iam[2] as 'user' | 'group' | 'role', account: iam[1], path: iam[3], name: iam[4] };
	}
	const assumed = assumedRolePattern.exec(arn);
	if (assumed) {
		return { type: 'assumed-role', account: assumed[1], roleName: assumed[2], sessionName: assumed[3] };
	}
	return undefined;
}

export function isIamPath(path: string): boolean {
	return /^\/(?:[^/]+\/)*$/.test(path);
}
