/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The fake IAM Identity Center (test/fake-aws: SSO OIDC and the access portal) driven by the real SDK clients,
// @aws-sdk/client-sso-oidc and @aws-sdk/client-sso, over HTTP: every grant and error the sign-in engine relies
// on, each checked by the exception the SDK raises from the fake's answers. The server runs on a virtual clock
// the tests move; nothing waits.

import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import {
	CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import {
	GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, LogoutCommand, paginateListAccountRoles, paginateListAccounts, SSOClient,
} from '@aws-sdk/client-sso';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { FakeAws, readSeedFile, startFakeAws } from '../fake-aws/server';

const seedFile = path.join(__dirname, '..', '..', '..', 'test', 'fake-aws', 'seed.sso.example.json');
const startUrl = 'https://d-9067example.awsapps.com/start';
const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';

async function rejection(promise: Promise<unknown>, name: string): Promise<Error & { $metadata?: { httpStatusCode?: number }; error?: string }> {
	try {
		await promise;
	} catch (error) {
		assert.equal((error as Error).name, name, (error as Error).message);
		return error as Error;
	}
	assert.fail(`expected ${name}`);
}

describe('fake AWS endpoint: IAM Identity Center', () => {
	let server: FakeAws;
	let clock = Date.now();
	const logLines: string[] = [];
	const clients: { destroy(): void }[] = [];
	const oidc = () => {
		const client = new SSOOIDCClient({ region: 'eu-west-1', endpoint: server.url, maxAttempts: 1 });
		clients.push(client);
		return client;
	};
	const portal = () => {
		const client = new SSOClient({ region: 'eu-west-1', endpoint: server.url, maxAttempts: 1 });
		clients.push(client);
		return client;
	};

	beforeEach(async () => {
		clock = Date.now();
		server = await startFakeAws(readSeedFile(seedFile), { now: () => new Date(clock), log: (line) => logLines.push(line) });
	});

	afterEach(async () => {
		clients.splice(0).forEach((client) => client.destroy());
		await server.close();
	});

	async function register(scopes: string[] = ['sso:account:access']) {
		return oidc().send(new RegisterClientCommand({ clientName: 'test', clientType: 'public', ...(scopes.length > 0 ? { scopes } : {}) }));
	}

	async function deviceToken(scopes?: string[]) {
		const client = await register(scopes);
		const device = await oidc().send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl }));
		server.identityCenter?.approveDevice(device.userCode ?? '');
		const token = await oidc().send(new CreateTokenCommand({
			clientId: client.clientId, clientSecret: client.clientSecret, grantType: deviceGrant, deviceCode: device.deviceCode,
		}));
		return { client, token };
	}

	describe('SSO OIDC, device code', () => {
		it('registers a client, starts a device authorization, answers pending until the user approves, then a token', async () => {
			const client = await register();
			assert.ok(client.clientId && client.clientSecret);
			assert.ok((client.clientSecretExpiresAt ?? 0) * 1000 > clock + 80 * 24 * 3600_000);
			const device = await oidc().send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl }));
			assert.match(device.userCode ?? '', /^[A-Z]{4}-[A-Z]{4}$/);
			assert.equal(device.verificationUriComplete, `${server.url}/device?user_code=${device.userCode}`);
			assert.deepEqual([device.expiresIn, device.interval], [600, 1]);
			const poll = () => oidc().send(new CreateTokenCommand({
				clientId: client.clientId, clientSecret: client.clientSecret, grantType: deviceGrant, deviceCode: device.deviceCode,
			}));
			const pending = await rejection(poll(), 'AuthorizationPendingException');
			assert.equal(pending.error, 'authorization_pending');
			clock += 1000;
			server.identityCenter?.approveDevice(device.userCode ?? '');
			const token = await poll();
			assert.ok(token.accessToken && token.refreshToken, 'an sso-session registration (with scopes) gets a refresh token');
			assert.deepEqual([token.tokenType, token.expiresIn], ['Bearer', 28800]);
			await rejection(poll(), 'InvalidGrantException');
		});

		it('answers slow_down to a poll sooner than the interval, and when told to, adding 5 s to the interval', async () => {
			const client = await register();
			const device = await oidc().send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl }));
			const poll = () => oidc().send(new CreateTokenCommand({
				clientId: client.clientId, clientSecret: client.clientSecret, grantType: deviceGrant, deviceCode: device.deviceCode,
			}));
			await rejection(poll(), 'AuthorizationPendingException');
			const slow = await rejection(poll(), 'SlowDownException');
			assert.equal(slow.error, 'slow_down');
			clock += 5000;
			await rejection(poll(), 'SlowDownException'); // the interval is now 6 s, then 11 s
			clock += 11_000;
			await rejection(poll(), 'AuthorizationPendingException');
			server.identityCenter?.slowDownNextPolls(1);
			clock += 20_000;
			await rejection(poll(), 'SlowDownException');
		});

		it('answers expired_token once the device code expired, access_denied when the user denies', async () => {
			const client = await register();
			const start = () => oidc().send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl }));
			const poll = (deviceCode: string | undefined) => oidc().send(new CreateTokenCommand({
				clientId: client.clientId, clientSecret: client.clientSecret, grantType: deviceGrant, deviceCode,
			}));
			const first = await start();
			clock += 601_000;
			assert.equal((await rejection(poll(first.deviceCode), 'ExpiredTokenException')).error, 'expired_token');
			const second = await start();
			server.identityCenter?.denyDevice(second.userCode ?? '');
			assert.equal((await rejection(poll(second.deviceCode), 'AccessDeniedException')).error, 'access_denied');
		});

		it('approves by itself after N polls when configured', async () => {
			server.identityCenter?.setAutoApprove(2);
			const client = await register();
			const device = await oidc().send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl }));
			const poll = () => oidc().send(new CreateTokenCommand({
				clientId: client.clientId, clientSecret: client.clientSecret, grantType: deviceGrant, deviceCode: device.deviceCode,
			}));
			for (let i = 0; i < 2; i++) {
				await rejection(poll(), 'AuthorizationPendingException');
				clock += 1000;
			}
			assert.ok((await poll()).accessToken);
		});

		it('refuses a wrong client secret (invalid_client, 401), an unknown start URL, a bad grant type and client type', async () => {
			const client = await register();
			const bad = await rejection(oidc().send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: 'wrong', startUrl })), 'InvalidClientException');
			assert.deepEqual([bad.error, bad.$metadata?.httpStatusCode], ['invalid_client', 401]);
			await rejection(oidc().send(new StartDeviceAuthorizationCommand({
				clientId: client.clientId, clientSecret: client.clientSecret, startUrl: 'https://d-other.awsapps.com/start',
			})), 'InvalidRequestException');
			await rejection(oidc().send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'password' })), 'UnsupportedGrantTypeException');
			await rejection(oidc().send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })), 'InvalidClientMetadataException');
			clock += 91 * 24 * 3600_000;
			await rejection(oidc().send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl })), 'InvalidClientException');
		});

		it('gives no refresh token to a registration without scopes (a legacy profile\'s login)', async () => {
			const { token } = await deviceToken([]);
			assert.ok(token.accessToken);
			assert.equal(token.refreshToken, undefined);
		});
	});

	describe('SSO OIDC, authorization code with PKCE', () => {
		const redirectUri = 'http://127.0.0.1/oauth/callback';

		async function authorize(verifier: string) {
			const client = await oidc().send(new RegisterClientCommand({
				clientName: 'test', clientType: 'public', scopes: ['sso:account:access'], grantTypes: ['authorization_code', 'refresh_token'],
				redirectUris: [redirectUri], issuerUrl: startUrl,
			}));
			const callback = 'http://127.0.0.1:45678/oauth/callback';
			const url = new URL('/authorize', server.url);
			Object.entries({
				response_type: 'code', client_id: client.clientId ?? '', redirect_uri: callback, state: 'state-1', code_challenge_method: 'S256',
				code_challenge: createHash('sha256').update(verifier).digest('base64url'), scopes: 'sso:account:access',
			}).forEach(([name, value]) => url.searchParams.set(name, value));
			const response = await fetch(url, { redirect: 'manual' });
			assert.equal(response.status, 302);
			const location = new URL(response.headers.get('location') ?? '');
			assert.equal(location.origin + location.pathname, callback);
			assert.equal(location.searchParams.get('state'), 'state-1');
			return { client, callback, code: location.searchParams.get('code') ?? undefined };
		}

		it('exchanges the code for a token when the verifier matches the S256 challenge, once', async () => {
			const verifier = randomBytes(32).toString('base64url');
			const { client, callback, code } = await authorize(verifier);
			const exchange = (codeVerifier: string) => oidc().send(new CreateTokenCommand({
				clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'authorization_code', code, redirectUri: callback, codeVerifier,
			}));
			const token = await exchange(verifier);
			assert.ok(token.accessToken && token.refreshToken);
			await rejection(exchange(verifier), 'InvalidGrantException');
		});

		it('refuses a verifier that does not match the challenge', async () => {
			const { client, callback, code } = await authorize(randomBytes(32).toString('base64url'));
			const refused = await rejection(oidc().send(new CreateTokenCommand({
				clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'authorization_code', code, redirectUri: callback,
				codeVerifier: randomBytes(32).toString('base64url'),
			})), 'InvalidGrantException');
			assert.equal(refused.error, 'invalid_grant');
		});

		it('redirects with error=access_denied when the user denies, and refuses an unregistered redirect', async () => {
			server.identityCenter?.setBrowserDecision('deny');
			const client = await oidc().send(new RegisterClientCommand({
				clientName: 'test', clientType: 'public', grantTypes: ['authorization_code'], redirectUris: [redirectUri], issuerUrl: startUrl,
			}));
			const url = (redirect: string) => `${server.url}/authorize?response_type=code&client_id=${client.clientId}&state=s&code_challenge=c`
				+ `&code_challenge_method=S256&redirect_uri=${encodeURIComponent(redirect)}`;
			const denied = await fetch(url('http://127.0.0.1:5000/oauth/callback'), { redirect: 'manual' });
			assert.equal(new URL(denied.headers.get('location') ?? '').searchParams.get('error'), 'access_denied');
			const elsewhere = await fetch(url('https://attacker.example/cb'), { redirect: 'manual' });
			assert.equal(elsewhere.status, 400);
		});
	});

	describe('SSO OIDC, refresh token', () => {
		it('gives a new access token for the refresh token, and invalid_grant once it is revoked', async () => {
			const { client, token } = await deviceToken();
			const refresh = () => oidc().send(new CreateTokenCommand({
				clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken,
			}));
			const renewed = await refresh();
			assert.ok(renewed.accessToken && renewed.accessToken !== token.accessToken);
			server.identityCenter?.revokeRefreshTokens();
			await rejection(refresh(), 'InvalidGrantException');
		});
	});

	describe('the access portal', () => {
		it('lists accounts and roles page by page (the SDK\'s paginators), only what the user was given', async () => {
			const { token } = await deviceToken();
			const accounts = [];
			for await (const page of paginateListAccounts({ client: portal(), pageSize: 1 }, { accessToken: token.accessToken })) {
				assert.ok((page.accountList ?? []).length <= 1);
				accounts.push(...page.accountList ?? []);
			}
			assert.deepEqual(accounts.map((account) => [account.accountId, account.accountName]),
				[['111111111111', 'Production'], ['333333333333', 'Audit'], ['444444444444', 'Sandbox']]);
			const roles = [];
			for await (const page of paginateListAccountRoles({ client: portal(), pageSize: 1 }, { accessToken: token.accessToken, accountId: '111111111111' })) {
				roles.push(...(page.roleList ?? []).map((role) => role.roleName));
			}
			assert.deepEqual(roles, ['AdministratorAccess', 'ReadOnly']);
			const first = await portal().send(new ListAccountsCommand({ accessToken: token.accessToken, maxResults: 2 }));
			assert.ok(first.nextToken);
			await rejection(portal().send(new ListAccountsCommand({ accessToken: token.accessToken, nextToken: 'garbage' })), 'InvalidRequestException');
		});

		it('gives role credentials (ASIA keys) that the fake STS accepts as the role session named for the user', async () => {
			const { token } = await deviceToken();
			const output = await portal().send(new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: '111111111111', roleName: 'ReadOnly' }));
			const credentials = output.roleCredentials;
			assert.match(credentials?.accessKeyId ?? '', /^ASIA/);
			assert.ok(Math.abs((credentials?.expiration ?? 0) - clock - 7200_000) < 2000);
			const sts = new STSClient({
				region: 'eu-west-1', endpoint: server.url, maxAttempts: 1,
				credentials: { accessKeyId: credentials?.accessKeyId ?? '', secretAccessKey: credentials?.secretAccessKey ?? '', sessionToken: credentials?.sessionToken ?? '' },
			});
			clients.push(sts);
			assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111111111111:assumed-role/ReadOnly/jane');
			await rejection(portal().send(new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: '333333333333', roleName: 'Admin' })), 'ForbiddenException');
		});

		it('answers UnauthorizedException (401) for an unknown, expired or signed-out token', async () => {
			const { token } = await deviceToken();
			const list = (accessToken: string | undefined) => portal().send(new ListAccountRolesCommand({ accessToken, accountId: '111111111111' }));
			const unknown = await rejection(list('not-a-token'), 'UnauthorizedException');
			assert.equal(unknown.$metadata?.httpStatusCode, 401);
			assert.ok(await list(token.accessToken));
			await portal().send(new LogoutCommand({ accessToken: token.accessToken }));
			await rejection(list(token.accessToken), 'UnauthorizedException');
			const other = await deviceToken();
			server.identityCenter?.expireAccessTokens(new Date(clock));
			await rejection(list(other.token.accessToken), 'UnauthorizedException');
		});

		it('is reached through AWS_ENDPOINT_URL, as the SDK finds it', async () => {
			const { token } = await deviceToken();
			const saved = process.env.AWS_ENDPOINT_URL;
			process.env.AWS_ENDPOINT_URL = server.url;
			try {
				const client = new SSOClient({ region: 'eu-west-1', maxAttempts: 1 });
				clients.push(client);
				assert.ok((await client.send(new ListAccountsCommand({ accessToken: token.accessToken }))).accountList?.length);
			} finally {
				if (saved === undefined) {
					delete process.env.AWS_ENDPOINT_URL;
				} else {
					process.env.AWS_ENDPOINT_URL = saved;
				}
			}
		});
	});

	it('logs no token, secret or code', async () => {
		const { client, token } = await deviceToken();
		const text = logLines.join('\n');
		for (const secret of [client.clientSecret, token.accessToken, token.refreshToken]) {
			assert.ok(secret && !text.includes(secret));
		}
		assert.match(text, /sso-oidc CreateToken - -> 200/);
	});
});
