/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the fake endpoint knows when it starts: a small JSON world of accounts, users, groups, roles, managed
// policies and keys (see seed.example.json). Names and field spellings follow IAM's own where there is one
// (`Effect`/`Action`/`Resource` in statements, `Active`/`Inactive`), so a real policy can be pasted in.
// parseSeed checks the shape of a seed read from a file; the cross references (a user's account, groups and
// policies, a role's trust) are checked when the server builds its directory from the seed.

import * as fs from 'node:fs';

export interface FakeAwsSeed {
	readonly accounts: readonly SeedAccount[];
	readonly users?: readonly SeedUser[];
	readonly groups?: readonly SeedGroup[];
	readonly roles?: readonly SeedRole[];
	readonly policies?: readonly SeedPolicy[];
	/** Temporary credentials that exist from the start, e.g. an already expired session. */
	readonly sessions?: readonly SeedSession[];
	/** IAM Identity Center: its SSO OIDC endpoint and access portal (identityCenter.ts). */
	readonly identityCenter?: SeedIdentityCenter;
}

/** One IAM Identity Center instance: its start URL, the accounts its portal lists, its users and what they may use. */
export interface SeedIdentityCenter {
	/** The access portal's URL (`https://d-xxxxxxxxxx.awsapps.com/start`), which StartDeviceAuthorization must name. */
	readonly startUrl: string;
	/** The accounts the portal shows, each a seed account. */
	readonly accounts: readonly SeedPortalAccount[];
	readonly users: readonly SeedSsoUser[];
	/** How long an access token lives: 28800 (8 hours) by default, as AWS's default session. */
	readonly accessTokenSeconds?: number;
	/** How long a device code waits for approval: 600 by default, as AWS. */
	readonly deviceCodeSeconds?: number;
	/** The polling interval StartDeviceAuthorization answers: 1 by default, as AWS. */
	readonly pollIntervalSeconds?: number;
	/** How long a client registration lives: 90 days by default, as AWS. */
	readonly registrationSeconds?: number;
	/** Approve every device code as the first user after this many pending polls; never by default (the test approves). */
	readonly autoApproveAfterPolls?: number;
}

export interface SeedPortalAccount {
	readonly id: string;
	readonly name: string;
	readonly email?: string;
}

export interface SeedSsoUser {
	readonly name: string;
	readonly assignments: readonly SeedSsoAssignment[];
}

/** A permission set of one account given to a user: the portal's role, and the IAM role its credentials are sessions of. */
export interface SeedSsoAssignment {
	readonly account: string;
	readonly roleName: string;
	/** A seed role; `arn:aws:iam::<account>:role/<roleName>` by default. */
	readonly roleArn?: string;
}

export interface SeedAccount {
	/** 12 digits. */
	readonly id: string;
	/** An account without a payment method: STS answers every call from it with `OptInRequired`. */
	readonly optInRequired?: boolean;
	/** The root user's keys; their caller ARN is `arn:aws:iam::<id>:root`. */
	readonly rootAccessKeys?: readonly SeedAccessKey[];
	readonly rootMfaDevices?: readonly SeedMfaDevice[];
}

export interface SeedUser {
	readonly name: string;
	readonly account: string;
	/** IAM path, `/` by default; starts and ends with `/`. */
	readonly path?: string;
	/** The unique ID (`AIDA...`); derived from the ARN when absent. */
	readonly id?: string;
	/** ISO 8601; the server's start time when absent. */
	readonly created?: string;
	/** Names of groups of the same account. */
	readonly groups?: readonly string[];
	/** ARNs of managed policies in `policies`. */
	readonly attachedPolicies?: readonly string[];
	readonly accessKeys?: readonly SeedAccessKey[];
	readonly mfaDevices?: readonly SeedMfaDevice[];
}

export interface SeedAccessKey {
	readonly id: string;
	readonly secret: string;
	/** `Active` by default. An inactive key is refused as `InvalidClientTokenId`, as AWS does. */
	readonly status?: 'Active' | 'Inactive';
	/** ISO 8601; the server's start time when absent. */
	readonly created?: string;
	/** What GetAccessKeyLastUsed answers; never used when absent. The server does not update it. */
	readonly lastUsed?: SeedLastUse;
}

export interface SeedLastUse {
	readonly date: string;
	readonly service: string;
	readonly region: string;
}

/**
 * A virtual MFA device. Real devices change their code every 30 seconds; this one accepts one fixed code,
 * which is what a test's `mfaCodeProvider` answers.
 */
export interface SeedMfaDevice {
	/** `arn:aws:iam::<account>:mfa/<name>`, the profile's `mfa_serial`. */
	readonly serialNumber: string;
	readonly code: string;
}

export interface SeedGroup {
	readonly name: string;
	readonly account: string;
	readonly path?: string;
	readonly id?: string;
	readonly created?: string;
	readonly attachedPolicies?: readonly string[];
}

export interface SeedRole {
	/** `arn:aws:iam::<account>:role/<path><name>`. */
	readonly arn: string;
	readonly id?: string;
	readonly created?: string;
	readonly attachedPolicies?: readonly string[];
	readonly trust: SeedTrust;
	/** Seconds, 3600 by default (IAM allows 3600 to 43200). */
	readonly maxSessionDuration?: number;
}

/** The role's trust policy, reduced to who may assume it and whether they must have used MFA. */
export interface SeedTrust {
	/**
	 * ARNs of users, roles or account roots (`arn:aws:iam::<account>:root` trusts every principal of the
	 * account), a bare account ID (the same), or `*` (anyone).
	 */
	readonly principals: readonly string[];
	/** `aws:MultiFactorAuthPresent`: the caller passes SerialNumber and TokenCode, or its session used MFA. */
	readonly mfaRequired?: boolean;
}

export interface SeedPolicy {
	readonly name: string;
	/** `arn:aws:iam::aws:policy/<name>` (AWS managed) or `arn:aws:iam::<account>:policy/<path><name>`. */
	readonly arn: string;
	readonly statements: readonly PolicyStatement[];
}

/** An identity-policy statement without conditions: `Action` or `NotAction`, `Resource` or `NotResource`. */
export interface PolicyStatement {
	readonly Sid?: string;
	readonly Effect: 'Allow' | 'Deny';
	readonly Action?: string | readonly string[];
	readonly NotAction?: string | readonly string[];
	/** `*` when neither this nor NotResource is given. */
	readonly Resource?: string | readonly string[];
	readonly NotResource?: string | readonly string[];
}

export interface SeedSession {
	/** `ASIA...`. */
	readonly accessKeyId: string;
	readonly secret: string;
	readonly sessionToken: string;
	/** ISO 8601; in the past for an expired session. */
	readonly expiration: string;
	/**
	 * Whose session: `arn:aws:sts::<account>:assumed-role/<role>/<session>` (as from AssumeRole), or a user or
	 * root ARN (as from GetSessionToken: IAM then refuses it unless `mfaAuthenticated`).
	 */
	readonly principal: string;
	readonly mfaAuthenticated?: boolean;
}

// A small shape checker: enough to say which field of a hand-written JSON file is wrong.
type Shape =
	| 'string' | 'boolean' | 'number' | 'strings'
	| { readonly optional: Shape }
	| { readonly arrayOf: Shape }
	| { readonly oneOf: readonly string[] }
	| { readonly fields: Readonly<Record<string, Shape>> };

const optional = (shape: Shape): Shape => ({ optional: shape });
const arrayOf = (shape: Shape): Shape => ({ arrayOf: shape });

const accessKeyShape: Shape = {
	fields: {
		id: 'string', secret: 'string', status: optional({ oneOf: ['Active', 'Inactive'] }), created: optional('string'),
		lastUsed: optional({ fields: { date: 'string', service: 'string', region: 'string' } }),
	},
};
const mfaShape: Shape = { fields: { serialNumber: 'string', code: 'string' } };
const optionalStrings = optional(arrayOf('string'));
const statementShape: Shape = {
	fields: {
		Sid: optional('string'), Effect: { oneOf: ['Allow', 'Deny'] }, Action: optional('strings'),
		NotAction: optional('strings'), Resource: optional('strings'), NotResource: optional('strings'),
	},
};

const seedShape: Shape = {
	fields: {
		accounts: arrayOf({
			fields: {
				id: 'string', optInRequired: optional('boolean'), rootAccessKeys: optional(arrayOf(accessKeyShape)),
				rootMfaDevices: optional(arrayOf(mfaShape)),
			},
		}),
		users: optional(arrayOf({
			fields: {
				name: 'string', account: 'string', path: optional('string'), id: optional('string'), created: optional('string'),
				groups: optionalStrings, attachedPolicies: optionalStrings, accessKeys: optional(arrayOf(accessKeyShape)),
				mfaDevices: optional(arrayOf(mfaShape)),
			},
		})),
		groups: optional(arrayOf({
			fields: {
				name: 'string', account: 'string', path: optional('string'), id: optional('string'), created: optional('string'),
				attachedPolicies: optionalStrings,
			},
		})),
		roles: optional(arrayOf({
			fields: {
				arn: 'string', id: optional('string'), created: optional('string'), attachedPolicies: optionalStrings,
				trust: { fields: { principals: arrayOf('string'), mfaRequired: optional('boolean') } },
				maxSessionDuration: optional('number'),
			},
		})),
		policies: optional(arrayOf({ fields: { name: 'string', arn: 'string', statements: arrayOf(statementShape) } })),
		sessions: optional(arrayOf({
			fields: {
				accessKeyId: 'string', secret: 'string', sessionToken: 'string', expiration: 'string', principal: 'string',
				mfaAuthenticated: optional('boolean'),
			},
		})),
		identityCenter: optional({
			fields: {
				startUrl: 'string',
				accounts: arrayOf({ fields: { id: 'string', name: 'string', email: optional('string') } }),
				users: arrayOf({
					fields: {
						name: 'string',
						assignments: arrayOf({ fields: { account: 'string', roleName: 'string', roleArn: optional('string') } }),
					},
				}),
				accessTokenSeconds: optional('number'), deviceCodeSeconds: optional('number'), pollIntervalSeconds: optional('number'),
				registrationSeconds: optional('number'), autoApproveAfterPolls: optional('number'),
			},
		}),
	},
};

/** The problems of a value against a shape, each as `path: what is wrong` (never quoting the value: it may be a secret). */
function shapeProblems(value: unknown, shape: Shape, at: string): string[] {
	if (typeof shape === 'string') {
		const ok = shape === 'strings'
			? typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
			: typeof value === shape;
		return ok ? [] : [`${at}: expected ${shape === 'strings' ? 'a string or a list of strings' : `a ${shape}`}`];
	}
	if ('optional' in shape) {
		return value === undefined ? [] : shapeProblems(value, shape.optional, at);
	}
	if ('arrayOf' in shape) {
		return Array.isArray(value)
			? value.flatMap((item, index) => shapeProblems(item, shape.arrayOf, `${at}[${index}]`))
			: [`${at}: expected a list`];
	}
	if ('oneOf' in shape) {
		return typeof value === 'string' && shape.oneOf.includes(value) ? [] : [`${at}: expected one of ${shape.oneOf.join(', ')}`];
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return [`${at}: expected an object`];
	}
	const record = value as Record<string, unknown>;
	const unknown = Object.keys(record).filter((key) => !(key in shape.fields)).map((key) => `${at}.${key}: unknown field`);
	const fields = Object.entries(shape.fields).flatMap(([key, fieldShape]) => shapeProblems(record[key], fieldShape, `${at}.${key}`));
	return [...unknown, ...fields];
}

/** A seed read from JSON, checked for shape; throws with every problem listed (a test's own input, not a user's). */
export function parseSeed(json: unknown): FakeAwsSeed {
	const problems = shapeProblems(json, seedShape, 'seed');
	if (problems.length > 0) {
		throw new Error(`Invalid fake AWS seed:\n  ${problems.join('\n  ')}`);
	}
	return json as FakeAwsSeed;
}

/** The file's JSON, or why there is none: JSON.parse's message quotes the text near the mistake, which may be a secret. */
function readJson(file: string): { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly reason: string } {
	try {
		return { ok: true, json: JSON.parse(fs.readFileSync(file, 'utf8')) };
	} catch (error) {
		return { ok: false, reason: error instanceof SyntaxError ? 'is not valid JSON' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
	}
}

export function readSeedFile(file: string): FakeAwsSeed {
	const read = readJson(file);
	if (!read.ok) {
		throw new Error(`Fake AWS seed ${file} ${read.reason}`);
	}
	return parseSeed(read.json);
}
