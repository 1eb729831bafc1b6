/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The fake endpoint's world: the seed's accounts, users, groups, roles and policies, every access key and
// every session issued since the server started. The only mutable state of the server; actions change it
// through the methods here (create/update/delete a key, issue a session). Building it checks the seed's cross
// references and throws on the first that does not resolve (the seed is a test's input).

import { createHash, randomBytes } from 'node:crypto';
import * as arns from './arns';
import type { PolicySource } from './policyEvaluation';
import type {
	FakeAwsSeed, PolicyStatement, SeedAccessKey, SeedAccount, SeedGroup, SeedMfaDevice, SeedRole, SeedSession, SeedUser,
} from './seed';

export interface MfaDevice {
	readonly serialNumber: string;
	readonly code: string;
}

export interface Account {
	readonly id: string;
	readonly optInRequired: boolean;
	readonly rootMfaDevices: readonly MfaDevice[];
	readonly created: Date;
}

/** What IAM users, groups and roles have in common: where they are, who they are, which policies they have. */
export interface IamEntity {
	readonly account: string;
	readonly name: string;
	readonly path: string;
	readonly id: string;
	readonly arn: string;
	readonly created: Date;
	readonly attachedPolicies: readonly string[];
}

export interface User extends IamEntity {
	readonly groups: readonly string[];
	readonly mfaDevices: readonly MfaDevice[];
}

export type Group = IamEntity;

export interface Role extends IamEntity {
	readonly trustedPrincipals: readonly string[];
	readonly mfaRequired: boolean;
	readonly maxSessionDuration: number;
}

export interface ManagedPolicy {
	readonly name: string;
	readonly arn: string;
	readonly statements: readonly PolicyStatement[];
}

/** Who a request acts as. */
export type Principal =
	| { readonly kind: 'root'; readonly account: Account }
	| { readonly kind: 'user'; readonly user: User }
	| { readonly kind: 'assumed-role'; readonly role: Role; readonly sessionName: string };

/** Who owns a long-term key: the root user of an account, or an IAM user. */
export type KeyOwner = Extract<Principal, { kind: 'root' | 'user' }>;

export interface LastUse {
	readonly date: Date;
	readonly service: string;
	readonly region: string;
}

export interface AccessKey {
	readonly kind: 'long-term';
	readonly id: string;
	readonly secret: string;
	status: 'Active' | 'Inactive';
	readonly created: Date;
	readonly lastUsed: LastUse | undefined;
	readonly owner: KeyOwner;
}

export interface SessionCredentials {
	readonly kind: 'session';
	readonly id: string;
	readonly secret: string;
	readonly token: string;
	readonly expiration: Date;
	readonly principal: Principal;
	/** GetSessionToken sessions are refused by IAM unless they used MFA, as AWS does. */
	readonly origin: 'assume-role' | 'session-token';
	readonly mfaAuthenticated: boolean;
}

export type Credentials = AccessKey | SessionCredentials;

/** Access keys per user, IAM's quota. */
export const accessKeysPerUser = 2;

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Text(bytes: Uint8Array, length: number): string {
	return Array.from(bytes.subarray(0, length), (byte) => base32[byte % 32]).join('');
}

/** A unique ID as IAM makes them (`AIDA` + 17 characters), stable for a given ARN so tests can predict it. */
function derivedId(prefix: string, arn: string): string {
	return prefix + base32Text(createHash('sha256').update(arn).digest(), 17);
}

function randomKeyId(prefix: 'AKIA' | 'ASIA'): string {
	return prefix + base32Text(randomBytes(16), 16);
}

function randomSecret(): string {
	return randomBytes(30).toString('base64');
}

function randomSessionToken(): string {
	return 'FwoGZXIvYXdzE' + randomBytes(180).toString('base64');
}

function date(text: string | undefined, fallback: Date, what: string): Date {
	if (text === undefined) {
		return fallback;
	}
	const parsed = new Date(text);
	if (Number.isNaN(parsed.getTime())) {
		throw new Error(`Invalid fake AWS seed: ${what} is not an ISO 8601 date`);
	}
	return parsed;
}

function mfaDevices(devices: readonly SeedMfaDevice[] | undefined): readonly MfaDevice[] {
	return (devices ?? []).map(({ serialNumber, code }) => ({ serialNumber, code }));
}

function seedProblem(message: string): Error {
	return new Error(`Invalid fake AWS seed: ${message}`);
}

export function principalArn(principal: Principal): string {
	switch (principal.kind) {
		case 'root': return arns.rootArn(principal.account.id);
		case 'user': return principal.user.arn;
		case 'assumed-role': return arns.assumedRoleArn(principal.role.account, principal.role.name, principal.sessionName);
	}
}

export function principalAccount(principal: Principal): string {
	switch (principal.kind) {
		case 'root': return principal.account.id;
		case 'user': return principal.user.account;
		case 'assumed-role': return principal.role.account;
	}
}

export class Directory {
	private readonly accounts = new Map<string, Account>();
	private readonly users = new Map<string, User>();
	private readonly groups = new Map<string, Group>();
	private readonly roles = new Map<string, Role>();
	private readonly policies = new Map<string, ManagedPolicy>();
	private readonly keys = new Map<string, AccessKey>();
	private readonly sessions = new Map<string, SessionCredentials>();

	constructor(seed: FakeAwsSeed, private readonly startedAt: Date) {
		(seed.policies ?? []).forEach((policy) => this.policies.set(policy.arn, { ...policy }));
		seed.accounts.forEach((account) => this.addAccount(account));
		(seed.groups ?? []).forEach((group) => this.addGroup(group));
		(seed.users ?? []).forEach((user) => this.addUser(user));
		(seed.roles ?? []).forEach((role) => this.addRole(role));
		(seed.sessions ?? []).forEach((session) => this.addSession(session));
	}

	private addAccount(seed: SeedAccount): void {
		if (!/^\d{12}$/.test(seed.id) || this.accounts.has(seed.id)) {
			throw seedProblem(`account ${seed.id} is not 12 digits, or is listed twice`);
		}
		const account: Account = {
			id: seed.id, optInRequired: seed.optInRequired ?? false, rootMfaDevices: mfaDevices(seed.rootMfaDevices), created: this.startedAt,
		};
		this.accounts.set(account.id, account);
		(seed.rootAccessKeys ?? []).forEach((key) => this.addKey(key, { kind: 'root', account }));
	}

	private requireAccount(id: string, who: string): Account {
		const account = this.accounts.get(id);
		if (!account) {
			throw seedProblem(`${who} names account ${id}, which is not in accounts`);
		}
		return account;
	}

	private requirePolicies(arns: readonly string[] | undefined, who: string): readonly string[] {
		const missing = (arns ?? []).filter((arn) => !this.policies.has(arn));
		if (missing.length > 0) {
			throw seedProblem(`${who} attaches ${missing.join(', ')}, not in policies`);
		}
		return arns ?? [];
	}

	private requirePath(path: string, who: string): string {
		if (!arns.isIamPath(path)) {
			throw seedProblem(`${who} has path ${path}, which must start and end with /`);
		}
		return path;
	}

	private addGroup(seed: SeedGroup): void {
		const who = `group ${seed.name}`;
		this.requireAccount(seed.account, who);
		const path = this.requirePath(seed.path ?? '/', who);
		const arn = arns.groupArn(seed.account, path, seed.name);
		this.groups.set(`${seed.account}/${seed.name}`, {
			account: seed.account, name: seed.name, path, arn, id: seed.id ?? derivedId('AGPA', arn),
			created: date(seed.created, this.startedAt, `${who}'s created`), attachedPolicies: this.requirePolicies(seed.attachedPolicies, who),
		});
	}

	private addUser(seed: SeedUser): void {
		const who = `user ${seed.name}`;
		this.requireAccount(seed.account, who);
		const path = this.requirePath(seed.path ?? '/', who);
		const missingGroups = (seed.groups ?? []).filter((name) => !this.groups.has(`${seed.account}/${name}`));
		if (missingGroups.length > 0) {
			throw seedProblem(`${who} is in ${missingGroups.join(', ')}, not in groups of account ${seed.account}`);
		}
		const arn = arns.userArn(seed.account, path, seed.name);
		const user: User = {
			account: seed.account, name: seed.name, path, arn, id: seed.id ?? derivedId('AIDA', arn),
			created: date(seed.created, this.startedAt, `${who}'s created`), groups: seed.groups ?? [],
			attachedPolicies: this.requirePolicies(seed.attachedPolicies, who), mfaDevices: mfaDevices(seed.mfaDevices),
		};
		this.users.set(`${seed.account}/${seed.name}`, user);
		(seed.accessKeys ?? []).forEach((key) => this.addKey(key, { kind: 'user', user }));
	}

	private addRole(seed: SeedRole): void {
		const parsed = arns.parseArn(seed.arn);
		if (parsed?.type !== 'role') {
			throw seedProblem(`role ${seed.arn} is not a role ARN`);
		}
		const who = `role ${parsed.name}`;
		this.requireAccount(parsed.account, who);
		const maxSessionDuration = seed.maxSessionDuration ?? 3600;
		if (maxSessionDuration < 3600 || maxSessionDuration > 43200) {
			throw seedProblem(`${who} has maxSessionDuration ${maxSessionDuration}, outside 3600 to 43200`);
		}
		this.roles.set(seed.arn, {
			account: parsed.account, name: parsed.name, path: parsed.path, arn: seed.arn, id: seed.id ?? derivedId('AROA', seed.arn),
			created: date(seed.created, this.startedAt, `${who}'s created`), attachedPolicies: this.requirePolicies(seed.attachedPolicies, who),
			trustedPrincipals: seed.trust.principals, mfaRequired: seed.trust.mfaRequired ?? false, maxSessionDuration,
		});
	}

	private requireUniqueKeyId(id: string): void {
		if (this.keys.has(id) || this.sessions.has(id)) {
			throw seedProblem(`access key ${id} is listed twice`);
		}
	}

	private addKey(seed: SeedAccessKey, owner: KeyOwner): void {
		this.requireUniqueKeyId(seed.id);
		const lastUsed = seed.lastUsed && {
			date: date(seed.lastUsed.date, this.startedAt, `${seed.id}'s lastUsed`), service: seed.lastUsed.service, region: seed.lastUsed.region,
		};
		this.keys.set(seed.id, {
			kind: 'long-term', id: seed.id, secret: seed.secret, status: seed.status ?? 'Active',
			created: date(seed.created, this.startedAt, `${seed.id}'s created`), lastUsed, owner,
		});
	}

	private addSession(seed: SeedSession): void {
		this.requireUniqueKeyId(seed.accessKeyId);
		const principal = this.principalByArn(seed.principal);
		if (!principal) {
			throw seedProblem(`session ${seed.accessKeyId} belongs to ${seed.principal}, which is not a seeded user, root or role session`);
		}
		this.sessions.set(seed.accessKeyId, {
			kind: 'session', id: seed.accessKeyId, secret: seed.secret, token: seed.sessionToken,
			expiration: date(seed.expiration, this.startedAt, `${seed.accessKeyId}'s expiration`), principal,
			origin: principal.kind === 'assumed-role' ? 'assume-role' : 'session-token', mfaAuthenticated: seed.mfaAuthenticated ?? false,
		});
	}

	private principalByArn(arn: string): Principal | undefined {
		const parsed = arns.parseArn(arn);
		switch (parsed?.type) {
			case 'root': {
				const account = this.accounts.get(parsed.account);
				return account && { kind: 'root', account };
			}
			case 'user': {
				const user = this.user(parsed.account, parsed.name);
				return user?.arn === arn ? { kind: 'user', user } : undefined;
			}
			case 'assumed-role': {
				const role = [...this.roles.values()].find((r) => r.account === parsed.account && r.name === parsed.roleName);
				return role && { kind: 'assumed-role', role, sessionName: parsed.sessionName };
			}
			default: return undefined;
		}
	}

	account(id: string): Account | undefined {
		return this.accounts.get(id);
	}

	user(account: string, name: string): User | undefined {
		return this.users.get(`${account}/${name}`);
	}

	group(account: string, name: string): Group | undefined {
		return this.groups.get(`${account}/${name}`);
	}

	role(arn: string): Role | undefined {
		return this.roles.get(arn);
	}

	policy(arn: string): ManagedPolicy | undefined {
		return this.policies.get(arn);
	}

	/** The long-term key or session an access key ID names, if it exists (whatever its status). */
	credentials(accessKeyId: string): Credentials | undefined {
		return this.keys.get(accessKeyId) ?? this.sessions.get(accessKeyId);
	}

	keysOf(owner: KeyOwner): AccessKey[] {
		return [...this.keys.values()].filter((key) => sameOwner(key.owner, owner));
	}

	createAccessKey(owner: KeyOwner, now: Date): AccessKey {
		let id = randomKeyId('AKIA');
		while (this.credentials(id)) {
			id = randomKeyId('AKIA');
		}
		const key: AccessKey = { kind: 'long-term', id, secret: randomSecret(), status: 'Active', created: now, lastUsed: undefined, owner };
		this.keys.set(id, key);
		return key;
	}

	deleteAccessKey(id: string): void {
		this.keys.delete(id);
	}

	issueSession(principal: Principal, origin: SessionCredentials['origin'], mfaAuthenticated: boolean, expiration: Date): SessionCredentials {
		let id = randomKeyId('ASIA');
		while (this.credentials(id)) {
			id = randomKeyId('ASIA');
		}
		const session: SessionCredentials = {
			kind: 'session', id, secret: randomSecret(), token: randomSessionToken(), expiration, principal, origin, mfaAuthenticated,
		};
		this.sessions.set(id, session);
		return session;
	}

	/** The managed policies that reach a principal, each with the type SimulatePrincipalPolicy reports. */
	policiesOf(principal: Principal): PolicySource[] {
		switch (principal.kind) {
			case 'root': return [];
			case 'user': return this.userPolicies(principal.user);
			case 'assumed-role': return this.attached(principal.role.attachedPolicies);
		}
	}

	userPolicies(user: User): PolicySource[] {
		const groups = user.groups.flatMap((name) => this.group(user.account, name)?.attachedPolicies ?? []);
		return this.attached([...user.attachedPolicies, ...groups]);
	}

	attached(policyArns: readonly string[]): PolicySource[] {
		return [...new Set(policyArns)].flatMap((arn) => {
			const policy = this.policies.get(arn);
			return policy ? [{
				id: policy.name,
				type: arn.startsWith('arn:aws:iam::aws:policy/') ? 'aws-managed' as const : 'user-managed' as const,
				statements: policy.statements,
			}] : [];
		});
	}
}

export function sameOwner(a: KeyOwner, b: KeyOwner): boolean {
	return a.kind === 'root' ? b.kind === 'root' && a.account.id === b.account.id : b.kind === 'user' && a.user === b.user;
}
