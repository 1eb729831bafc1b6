/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The fake IAM Identity Center: client registrations, device codes waiting for a user, authorization codes of
// the PKCE flow, and the access and refresh tokens issued, all checked against the server's clock. The SSO OIDC
// endpoint (ssoOidcActions.ts) and the access portal (ssoPortalActions.ts) act on it; a test drives the user's
// side through its methods: approve or deny a device code, make the next polls too fast, expire the tokens.

import { createHash, randomBytes } from 'node:crypto';
import { roleArn as iamRoleArn } from './arns';
import type { Directory, Role } from './directory';
import { oidcErrors } from './jsonAnswer';
import type { SeedIdentityCenter, SeedPortalAccount, SeedSsoUser } from './seed';

export interface Registration {
	readonly clientId: string;
	readonly clientSecret: string;
	readonly clientName: string;
	readonly scopes: readonly string[];
	readonly grantTypes: readonly string[];
	readonly redirectUris: readonly string[];
	readonly issuerUrl: string | undefined;
	readonly expiresAt: Date;
}

export interface DeviceAuthorization {
	readonly deviceCode: string;
	readonly userCode: string;
	readonly clientId: string;
	readonly expiresAt: Date;
	interval: number;
	lastPoll: Date | undefined;
	polls: number;
	state: 'pending' | 'approved' | 'denied' | 'used';
	user: SeedSsoUser | undefined;
}

export interface AuthorizationCode {
	readonly code: string;
	readonly clientId: string;
	readonly redirectUri: string;
	readonly codeChallenge: string;
	readonly user: SeedSsoUser;
	readonly expiresAt: Date;
	used: boolean;
}

export interface AccessToken {
	readonly user: SeedSsoUser;
	readonly clientId: string;
	expiresAt: Date;
}

export interface RefreshToken {
	readonly user: SeedSsoUser;
	readonly clientId: string;
	revoked: boolean;
}

export interface PortalAssignment {
	readonly account: SeedPortalAccount;
	readonly roleName: string;
	readonly role: Role;
}

/** What the user does on the authorization page the PKCE flow opens. */
export type BrowserDecision = 'approve' | 'deny';

const defaults = {
	accessTokenSeconds: 8 * 3600,
	deviceCodeSeconds: 600,
	pollIntervalSeconds: 1,
	registrationSeconds: 90 * 24 * 3600,
	authorizationCodeSeconds: 300,
};

function randomText(prefix: string, bytes: number): string {
	return prefix + randomBytes(bytes).toString('base64url');
}

/** `ABCD-EFGH`, from letters that cannot be misread. */
function randomUserCode(): string {
	const letters = 'BCDFGHJKLMNPQRSTVWXZ';
	const chars = Array.from(randomBytes(8), (byte) => letters[byte % letters.length]);
	return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** base64url(sha256(verifier)): RFC 7636's S256. */
export function s256(verifier: string): string {
	return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function identityCenterProblem(message: string): Error {
	return new Error(`Invalid fake AWS seed: identityCenter: ${message}`);
}

export class IdentityCenter {
	readonly startUrl: string;
	private readonly registrations = new Map<string, Registration>();
	private readonly devices = new Map<string, DeviceAuthorization>();
	private readonly codes = new Map<string, AuthorizationCode>();
	private readonly accessTokens = new Map<string, AccessToken>();
	private readonly refreshTokens = new Map<string, RefreshToken>();
	private readonly assignmentsByUser = new Map<string, readonly PortalAssignment[]>();
	private slowDowns = 0;
	private autoApproveAfterPolls: number | undefined;
	private browserDecision: BrowserDecision = 'approve';

	constructor(private readonly seed: SeedIdentityCenter, private readonly directory: Directory) {
		this.startUrl = seed.startUrl;
		this.autoApproveAfterPolls = seed.autoApproveAfterPolls;
		const accounts = new Map(seed.accounts.map((account) => [account.id, account]));
		for (const account of seed.accounts) {
			if (!directory.account(account.id)) {
				throw identityCenterProblem(`portal account ${account.id} is not in accounts`);
			}
		}
		for (const user of seed.users) {
			this.assignmentsByUser.set(user.name, user.assignments.map((assignment) => {
				const account = accounts.get(assignment.account);
				const arn = assignment.roleArn ?? iamRoleArn(assignment.account, '/', assignment.roleName);
				const role = directory.role(arn);
				if (!account || !role) {
					throw identityCenterProblem(`user ${user.name}'s assignment ${assignment.account}/${assignment.roleName} needs a portal account and the role ${arn}`);
				}
				return { account, roleName: assignment.roleName, role };
			}));
		}
	}

	get accessTokenSeconds(): number {
		return this.seed.accessTokenSeconds ?? defaults.accessTokenSeconds;
	}

	// --- what a test does as the user ---

	/** The user (the first of the seed's by default) approves the device code shown to them. */
	approveDevice(userCode: string, userName?: string): void {
		const device = this.deviceByUserCode(userCode);
		device.state = 'approved';
		device.user = this.user(userName);
	}

	/** An administrator takes a role of an account away from the user (the first of the seed's by default). */
	withdrawAssignment(accountId: string, roleName: string, userName?: string): void {
		const user = this.user(userName);
		const kept = this.assignments(user).filter((assignment) => assignment.account.id !== accountId || assignment.roleName !== roleName);
		if (kept.length === this.assignments(user).length) {
			throw new Error(`The fake Identity Center's user ${user.name} has no role ${roleName} in ${accountId}`);
		}
		this.assignmentsByUser.set(user.name, kept);
	}

	/** An administrator gives the user a role of a portal account (the IAM role must be in the seed). */
	grantAssignment(accountId: string, roleName: string, userName?: string): void {
		const user = this.user(userName);
		const account = this.seed.accounts.find((candidate) => candidate.id === accountId);
		const role = this.directory.role(iamRoleArn(accountId, '/', roleName));
		if (!account || !role) {
			throw new Error(`The fake Identity Center cannot grant ${accountId}/${roleName}: no such portal account or IAM role`);
		}
		this.assignmentsByUser.set(user.name, [...this.assignments(user), { account, roleName, role }]);
	}

	denyDevice(userCode: string): void {
		this.deviceByUserCode(userCode).state = 'denied';
	}

	/** The user codes waiting for approval, oldest first. */
	pendingUserCodes(): string[] {
		return [...this.devices.values()].filter((device) => device.state === 'pending').map((device) => device.userCode);
	}

	/** The next `count` polls of a pending device code are answered slow_down. */
	slowDownNextPolls(count: number): void {
		this.slowDowns = count;
	}

	setAutoApprove(afterPolls: number | undefined): void {
		this.autoApproveAfterPolls = afterPolls;
	}

	/** What the user does when the PKCE flow's authorization page opens. */
	setBrowserDecision(decision: BrowserDecision): void {
		this.browserDecision = decision;
	}

	/** Every access token issued so far expires now (refresh tokens keep working). */
	expireAccessTokens(now: Date): void {
		this.accessTokens.forEach((token) => token.expiresAt = now);
	}

	revokeRefreshTokens(): void {
		this.refreshTokens.forEach((token) => token.revoked = true);
	}

	/** How many of each the server holds (tests check what a flow used, never a value). */
	counts(): { registrations: number; accessTokens: number; refreshTokens: number } {
		return { registrations: this.registrations.size, accessTokens: this.accessTokens.size, refreshTokens: this.refreshTokens.size };
	}

	// --- what the endpoints do ---

	register(fields: Omit<Registration, 'clientId' | 'clientSecret' | 'expiresAt'>, now: Date): Registration {
		const registration: Registration = {
			...fields,
			clientId: randomText('fakeClient', 16),
			clientSecret: randomText('eyJraWQiOiJmYWtl.', 96),
			expiresAt: new Date(Math.floor(now.getTime() / 1000) * 1000 + (this.seed.registrationSeconds ?? defaults.registrationSeconds) * 1000),
		};
		this.registrations.set(registration.clientId, registration);
		return registration;
	}

	/** The live registration the id and secret name; InvalidClientException otherwise. */
	client(clientId: string | undefined, clientSecret: string | undefined, now: Date): Registration {
		const registration = clientId === undefined ? undefined : this.registrations.get(clientId);
		if (!registration || registration.clientSecret !== clientSecret) {
			throw oidcErrors.invalidClient('Invalid client credentials');
		}
		if (registration.expiresAt <= now) {
			throw oidcErrors.invalidClient('The client registration has expired');
		}
		return registration;
	}

	clientById(clientId: string): Registration | undefined {
		return this.registrations.get(clientId);
	}

	startDevice(clientId: string, now: Date): DeviceAuthorization {
		let userCode = randomUserCode();
		while (this.pendingUserCodes().includes(userCode)) {
			userCode = randomUserCode();
		}
		const device: DeviceAuthorization = {
			deviceCode: randomText('fakeDevice', 48), userCode, clientId,
			expiresAt: new Date(now.getTime() + (this.seed.deviceCodeSeconds ?? defaults.deviceCodeSeconds) * 1000),
			interval: this.seed.pollIntervalSeconds ?? defaults.pollIntervalSeconds, lastPoll: undefined, polls: 0, state: 'pending', user: undefined,
		};
		this.devices.set(device.deviceCode, device);
		return device;
	}

	device(deviceCode: string): DeviceAuthorization | undefined {
		return this.devices.get(deviceCode);
	}

	/** One poll of a pending device code: slow_down when asked to or when it comes sooner than the interval. */
	pollPending(device: DeviceAuthorization, now: Date): void {
		device.polls++;
		const early = device.lastPoll !== undefined && now.getTime() - device.lastPoll.getTime() < device.interval * 1000;
		device.lastPoll = now;
		if (this.slowDowns > 0 || (early && this.enforcesInterval)) {
			this.slowDowns = Math.max(0, this.slowDowns - 1);
			device.interval += 5;
			throw oidcErrors.slowDown();
		}
		if (this.autoApproveAfterPolls !== undefined && device.polls > this.autoApproveAfterPolls) {
			device.state = 'approved';
			device.user = this.user(undefined);
			return;
		}
		throw oidcErrors.authorizationPending();
	}

	/** The most items a portal page holds, whatever max_result asks: a test sets 1 to make every list page. */
	portalPageSize = 100;

	/** Whether a poll sooner than the interval is slowed down: on unless a test turns it off. */
	enforcesInterval = true;

	/** The page of the PKCE flow: the code to send back, or undefined when the user denies. */
	authorize(client: Registration, redirectUri: string, codeChallenge: string, now: Date): AuthorizationCode | undefined {
		if (this.browserDecision === 'deny') {
			return undefined;
		}
		const code: AuthorizationCode = {
			code: randomText('fakeCode', 32), clientId: client.clientId, redirectUri, codeChallenge, user: this.user(undefined),
			expiresAt: new Date(now.getTime() + defaults.authorizationCodeSeconds * 1000), used: false,
		};
		this.codes.set(code.code, code);
		return code;
	}

	authorizationCode(code: string): AuthorizationCode | undefined {
		return this.codes.get(code);
	}

	/** A new access token, with a refresh token when the client registered scopes (as AWS does for sso-session logins). */
	issueTokens(user: SeedSsoUser, client: Registration, now: Date): { accessToken: string; refreshToken: string | undefined } {
		const accessToken = randomText('aoaFake', 120);
		this.accessTokens.set(accessToken, { user, clientId: client.clientId, expiresAt: new Date(now.getTime() + this.accessTokenSeconds * 1000) });
		if (client.scopes.length === 0) {
			return { accessToken, refreshToken: undefined };
		}
		const refreshToken = randomText('aorFake', 120);
		this.refreshTokens.set(refreshToken, { user, clientId: client.clientId, revoked: false });
		return { accessToken, refreshToken };
	}

	refreshToken(token: string): RefreshToken | undefined {
		return this.refreshTokens.get(token);
	}

	/** The user a live bearer token belongs to. */
	bearer(token: string | undefined, now: Date): SeedSsoUser | undefined {
		const found = token === undefined ? undefined : this.accessTokens.get(token);
		return found && found.expiresAt > now ? found.user : undefined;
	}

	signOut(token: string): void {
		this.accessTokens.delete(token);
	}

	assignments(user: SeedSsoUser): readonly PortalAssignment[] {
		return this.assignmentsByUser.get(user.name) ?? [];
	}

	private user(name: string | undefined): SeedSsoUser {
		const user = name === undefined ? this.seed.users[0] : this.seed.users.find((candidate) => candidate.name === name);
		if (!user) {
			throw new Error(`The fake Identity Center has no user ${name ?? '(none seeded)'}`);
		}
		return user;
	}

	private deviceByUserCode(userCode: string): DeviceAuthorization {
		const device = [...this.devices.values()].find((candidate) => candidate.userCode === userCode);
		if (!device) {
			throw new Error(`No device authorization has the user code ${userCode}`);
		}
		return device;
	}
}
