/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The fake AWS endpoint (test/fake-aws) driven by the real AWS SDK for JavaScript v3: every action the tests
// of the AWS layer, the CLI and the extension rely on, and every error, checked by the exception the SDK
// raises from our answers. The process's AWS_* variables and HOME are replaced by a temporary home for the
// whole file and put back after it; the real ~/.aws is never read.

import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	CreateAccessKeyCommand, DeleteAccessKeyCommand, GetAccessKeyLastUsedCommand, GetUserCommand, IAMClient, IAMClientConfig,
	ListAccessKeysCommand, ListAttachedGroupPoliciesCommand, ListAttachedUserPoliciesCommand, ListGroupsForUserCommand,
	SimulatePrincipalPolicyCommand, UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import {
	AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient, STSClientConfig,
} from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { FakeAws, FakeAwsSeed, parseFault, parseSeed, readSeedFile, startFakeAws } from '../fake-aws/server';

const seedFile = path.join(__dirname, '..', '..', '..', 'test', 'fake-aws', 'seed.example.json');
const mainJs = path.join(__dirname, '..', 'fake-aws', 'main.js');

interface Credentials {
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
	readonly sessionToken?: string;
}

const alice: Credentials = { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aliceSecretEXAMPLEKEYaliceSecretEXAMPLE1' };
const bob: Credentials = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bobSecretEXAMPLEKEYbobSecretEXAMPLEKEY01' };
const bobInactive: Credentials = { accessKeyId: 'AKIABOBEXAMPLE000002', secretAccessKey: 'bobSecretEXAMPLEKEYbobSecretEXAMPLEKEY02' };
const carol: Credentials = { accessKeyId: 'AKIACAROLEXAMPLE0001', secretAccessKey: 'carolSecretEXAMPLEKEYcarolSecretEXAMPLE1' };
const root: Credentials = { accessKeyId: 'AKIAROOTEXAMPLE00001', secretAccessKey: 'rootSecretEXAMPLEKEYrootSecretEXAMPLE001' };
const expired: Credentials = {
	accessKeyId: 'ASIAEXPIREDEXAMPLE01', secretAccessKey: 'expiredSecretEXAMPLEKEYexpiredSecretEXA1',
	sessionToken: 'FwoGZXIvYXdzEXAMPLEEXPIREDSESSIONTOKENexampleexampleexampleexample',
};
const aliceArn = 'arn:aws:iam::111111111111:user/engineering/alice';
const aliceMfa = 'arn:aws:iam::111111111111:mfa/alice';
const deployerArn = 'arn:aws:iam::111111111111:role/Deployer';
const adminArn = 'arn:aws:iam::111111111111:role/Admin';
const auditArn = 'arn:aws:iam::333333333333:role/audit/CrossAccountAudit';

/** Every secret the tests know of: the seed's, and each one the server issues (added as they come). */
const secrets = new Set<string>();
/** Every line any fake server of this file printed. */
const logLines: string[] = [];

function remember(credentials: { SecretAccessKey?: string; SessionToken?: string } | undefined): void {
	[credentials?.SecretAccessKey, credentials?.SessionToken].forEach((secret) => secret && secrets.add(secret));
}

function seedSecrets(value: unknown): void {
	if (Array.isArray(value)) {
		value.forEach(seedSecrets);
	} else if (typeof value === 'object' && value !== null) {
		Object.entries(value).forEach(([key, item]) => (key === 'secret' || key === 'sessionToken') && typeof item === 'string'
			? secrets.add(item) : seedSecrets(item));
	}
}

function assertNoSecret(text: string, where: string): void {
	for (const secret of secrets) {
		assert.ok(!text.includes(secret), `a secret appears in ${where}: ${text.replace(secret, '<secret>')}`);
	}
}

type SdkError = Error & { $metadata?: { httpStatusCode?: number; attempts?: number }; code?: string; $fault?: string };

/** The SDK's rejection, checked for its name and for carrying no secret anywhere. */
async function rejection(promise: Promise<unknown>, name: string): Promise<SdkError> {
	try {
		await promise;
	} catch (error) {
		const sdkError = error as SdkError;
		assert.equal(sdkError.name, name, sdkError.message);
		for (const text of [sdkError.message, String(sdkError), sdkError.stack ?? '', JSON.stringify(sdkError)]) {
			assertNoSecret(text, 'an SDK error');
		}
		return sdkError;
	}
	assert.fail(`expected ${name}`);
}

/** Replaces HOME and every AWS_* variable for the enclosing describe, and puts them back after it. */
function isolatedEnvironment(): { home: () => string } {
	const saved = new Map<string, string | undefined>();
	let home = '';
	before(() => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-fake-aws-'));
		const names = [...Object.keys(process.env).filter((name) => name.startsWith('AWS_')), 'HOME', 'USERPROFILE'];
		names.forEach((name) => {
			saved.set(name, process.env[name]);
			delete process.env[name];
		});
		Object.assign(process.env, {
			HOME: home, USERPROFILE: home,
			AWS_CONFIG_FILE: path.join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
		});
	});
	after(() => {
		Object.keys(process.env).filter((name) => name.startsWith('AWS_')).forEach((name) => delete process.env[name]);
		saved.forEach((value, name) => value === undefined ? delete process.env[name] : process.env[name] = value);
		fs.rmSync(home, { recursive: true, force: true });
	});
	return { home: () => home };
}

/** Clients made by a test, destroyed after it. */
const clients: { destroy(): void }[] = [];

function sts(credentials: Credentials, config: Partial<STSClientConfig> = {}): STSClient {
	const client = new STSClient({ region: 'eu-west-1', credentials, maxAttempts: 1, ...config });
	clients.push(client);
	return client;
}

function iam(credentials: Credentials, config: Partial<IAMClientConfig> = {}): IAMClient {
	const client = new IAMClient({ region: 'us-east-1', credentials, maxAttempts: 1, ...config });
	clients.push(client);
	return client;
}

/** The credentials of an AssumeRole or GetSessionToken answer, as a client takes them. */
function sessionOf(output: { Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } }): Credentials {
	remember(output.Credentials);
	return {
		accessKeyId: output.Credentials?.AccessKeyId ?? '',
		secretAccessKey: output.Credentials?.SecretAccessKey ?? '',
		sessionToken: output.Credentials?.SessionToken ?? '',
	};
}

async function startServer(options: Parameters<typeof startFakeAws>[1] = {}, seed: FakeAwsSeed = readSeedFile(seedFile)): Promise<FakeAws> {
	return startFakeAws(seed, { log: (line) => logLines.push(line), ...options });
}

describe('fake AWS endpoint', () => {
	isolatedEnvironment();
	let server: FakeAws;

	before(async () => {
		seedSecrets(JSON.parse(fs.readFileSync(seedFile, 'utf8')));
		server = await startServer();
		process.env.AWS_ENDPOINT_URL = server.url;
	});

	after(async () => {
		await server.close();
	});

	afterEach(() => {
		clients.splice(0).forEach((client) => client.destroy());
	});

	describe('STS', () => {
		it('answers GetCallerIdentity for a user, at AWS_ENDPOINT_URL', async () => {
			const output = await sts(alice).send(new GetCallerIdentityCommand({}));
			assert.equal(output.Arn, aliceArn);
			assert.equal(output.Account, '111111111111');
			assert.match(output.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
			assert.match(output.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
			const last = server.requests[server.requests.length - 1];
			assert.deepEqual([last.service, last.action, last.accessKeyId, last.region, last.status], ['sts', 'GetCallerIdentity', alice.accessKeyId, 'eu-west-1', 200]);
		});

		it('answers GetCallerIdentity for the root user', async () => {
			const output = await sts(root).send(new GetCallerIdentityCommand({}));
			assert.deepEqual([output.Arn, output.UserId, output.Account], ['arn:aws:iam::111111111111:root', '111111111111', '111111111111']);
		});

		it('is found through AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL_IAM too', async () => {
			process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
			process.env.AWS_ENDPOINT_URL_STS = server.url;
			process.env.AWS_ENDPOINT_URL_IAM = server.url;
			try {
				assert.equal((await sts(alice).send(new GetCallerIdentityCommand({}))).Arn, aliceArn);
				assert.equal((await iam(alice).send(new GetUserCommand({}))).User?.Arn, aliceArn);
			} finally {
				process.env.AWS_ENDPOINT_URL = server.url;
				delete process.env.AWS_ENDPOINT_URL_STS;
				delete process.env.AWS_ENDPOINT_URL_IAM;
			}
		});

		it('assumes a role: temporary ASIA keys and a token it then accepts, until the expiry asked for', async () => {
			const before = Date.now();
			const output = await sts(alice).send(new AssumeRoleCommand({ RoleArn: deployerArn, RoleSessionName: 'deploy-1', DurationSeconds: 900 }));
			const session = sessionOf(output);
			assert.match(session.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
			assert.ok(session.secretAccessKey.length >= 40 && (session.sessionToken ?? '').length > 100);
			const expiration = output.Credentials?.Expiration?.getTime() ?? 0;
			assert.ok(Math.abs(expiration - before - 900_000) < 5000, `expires at ${output.Credentials?.Expiration?.toISOString()}`);
			assert.equal(output.AssumedRoleUser?.Arn, 'arn:aws:sts::111111111111:assumed-role/Deployer/deploy-1');
			assert.match(output.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z2-7]{17}:deploy-1$/);

			const identity = await sts(session).send(new GetCallerIdentityCommand({}));
			assert.equal(identity.Arn, 'arn:aws:sts::111111111111:assumed-role/Deployer/deploy-1');
			assert.equal(identity.UserId, output.AssumedRoleUser?.AssumedRoleId);
			assert.equal(server.requests[server.requests.length - 1].sessionToken, true);
		});

		it('refuses AssumeRole to a principal the role does not trust, and to an unknown role, alike', async () => {
			const untrusted = await rejection(sts(bob).send(new AssumeRoleCommand({ RoleArn: deployerArn, RoleSessionName: 's1' })), 'AccessDenied');
			assert.equal(untrusted.message, `User: arn:aws:iam::111111111111:user/bob is not authorized to perform: sts:AssumeRole on resource: ${deployerArn}`);
			assert.equal(untrusted.$metadata?.httpStatusCode, 403);
			const unknown = 'arn:aws:iam::111111111111:role/Nope';
			const missing = await rejection(sts(alice).send(new AssumeRoleCommand({ RoleArn: unknown, RoleSessionName: 's1' })), 'AccessDenied');
			assert.match(missing.message, /is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role\/Nope$/);
		});

		it('refuses AssumeRole to the root user', async () => {
			const error = await rejection(sts(root).send(new AssumeRoleCommand({ RoleArn: adminArn, RoleSessionName: 's1' })), 'AccessDenied');
			assert.equal(error.message, 'Roles may not be assumed by root accounts.');
		});

		it('checks the MFA a role requires: none, a wrong code, the right code', async () => {
			const params = { RoleArn: adminArn, RoleSessionName: 'admin' };
			await rejection(sts(alice).send(new AssumeRoleCommand(params)), 'AccessDenied');
			const wrong = await rejection(sts(alice).send(new AssumeRoleCommand({ ...params, SerialNumber: aliceMfa, TokenCode: '654321' })), 'AccessDenied');
			assert.equal(wrong.message, 'MultiFactorAuthentication failed with invalid MFA one time pass code. ');
			await rejection(sts(alice).send(new AssumeRoleCommand({ ...params, SerialNumber: 'arn:aws:iam::111111111111:mfa/bob', TokenCode: '123456' })), 'AccessDenied');
			const output = await sts(alice).send(new AssumeRoleCommand({ ...params, SerialNumber: aliceMfa, TokenCode: '123456', DurationSeconds: 43200 }));
			remember(output.Credentials);
			assert.equal(output.AssumedRoleUser?.Arn, 'arn:aws:sts::111111111111:assumed-role/Admin/admin');
		});

		it('validates AssumeRole parameters as STS does', async () => {
			const missing = await rejection(sts(alice).send(new AssumeRoleCommand({ RoleArn: undefined, RoleSessionName: 's1' } as never)), 'ValidationError');
			assert.equal(missing.message, `1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null`);
			const short = await rejection(sts(alice).send(new AssumeRoleCommand({ RoleArn: deployerArn, RoleSessionName: 's' })), 'ValidationError');
			assert.equal(short.message, `1 validation error detected: Value 's' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2`);
			const overMax = await rejection(sts(alice).send(new AssumeRoleCommand({ RoleArn: deployerArn, RoleSessionName: 'ok', DurationSeconds: 7200 })), 'ValidationError');
			assert.equal(overMax.message, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
		});

		it('chains roles, capped at an hour', async () => {
			const deployer = sessionOf(await sts(alice).send(new AssumeRoleCommand({ RoleArn: deployerArn, RoleSessionName: 'hop1' })));
			const audit = sessionOf(await sts(deployer).send(new AssumeRoleCommand({ RoleArn: auditArn, RoleSessionName: 'hop2' })));
			assert.equal((await sts(audit).send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::333333333333:assumed-role/CrossAccountAudit/hop2');
			const long = await rejection(sts(deployer).send(new AssumeRoleCommand({ RoleArn: auditArn, RoleSessionName: 'hop2', DurationSeconds: 7200 })), 'ValidationError');
			assert.equal(long.message, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
		});

		it('issues GetSessionToken credentials, which IAM refuses unless MFA was used', async () => {
			const plain = sessionOf(await sts(alice).send(new GetSessionTokenCommand({ DurationSeconds: 900 })));
			assert.match(plain.accessKeyId, /^ASIA/);
			assert.equal((await sts(plain).send(new GetCallerIdentityCommand({}))).Arn, aliceArn);
			await rejection(iam(plain).send(new GetUserCommand({})), 'InvalidClientTokenId');
			const again = await rejection(sts(plain).send(new GetSessionTokenCommand({})), 'AccessDenied');
			assert.equal(again.message, 'Cannot call GetSessionToken with session credentials');

			const withMfa = sessionOf(await sts(alice).send(new GetSessionTokenCommand({ SerialNumber: aliceMfa, TokenCode: '123456' })));
			assert.equal((await iam(withMfa).send(new GetUserCommand({}))).User?.UserName, 'alice');
			// A session that used MFA may assume the role that requires it without sending a code again.
			remember((await sts(withMfa).send(new AssumeRoleCommand({ RoleArn: adminArn, RoleSessionName: 'mfa' }))).Credentials);
		});
	});

	describe('authentication errors', () => {
		it('answers an unknown access key with InvalidClientTokenId (403)', async () => {
			const error = await rejection(sts({ accessKeyId: 'AKIAUNKNOWNEXAMPLE01', secretAccessKey: 'x'.repeat(40) }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
			assert.equal(error.message, 'The security token included in the request is invalid.');
			assert.equal(error.$metadata?.httpStatusCode, 403);
			assert.equal(error.$fault, 'client');
		});

		it('answers a wrong secret with SignatureDoesNotMatch, quoting neither secret', async () => {
			const wrongSecret = 'wrongSecretEXAMPLEKEYwrongSecretEXAMPLE1';
			secrets.add(wrongSecret);
			const error = await rejection(sts({ ...alice, secretAccessKey: wrongSecret }).send(new GetCallerIdentityCommand({})), 'SignatureDoesNotMatch');
			assert.match(error.message, /^The request signature we calculated does not match the signature you provided\./);
			assert.equal(error.$metadata?.httpStatusCode, 403);
		});

		it('answers an inactive key with InvalidClientTokenId', async () => {
			await rejection(sts(bobInactive).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
		});

		it('answers a temporary key without its own session token with InvalidClientTokenId', async () => {
			const session = sessionOf(await sts(alice).send(new AssumeRoleCommand({ RoleArn: deployerArn, RoleSessionName: 'tok' })));
			await rejection(sts({ ...session, sessionToken: expired.sessionToken }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
			await rejection(sts({ accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
			await rejection(sts({ ...alice, sessionToken: session.sessionToken }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
		});

		it('answers an expired session with ExpiredToken', async () => {
			const error = await rejection(sts(expired).send(new GetCallerIdentityCommand({})), 'ExpiredToken');
			assert.equal(error.message, 'The security token included in the request is expired');
			await rejection(iam(expired).send(new GetUserCommand({ UserName: 'alice' })), 'ExpiredToken');
		});

		it('answers an account without a payment method with OptInRequired', async () => {
			const error = await rejection(sts(carol).send(new GetCallerIdentityCommand({})), 'OptInRequired');
			assert.match(error.message, /^You are not subscribed to this service/);
			assert.equal(error.$metadata?.httpStatusCode, 403);
		});

		it('answers a request signed an hour late or early with "Signature expired" / "not yet current"', async () => {
			const late = await rejection(sts(alice, { systemClockOffset: -3_600_000 }).send(new GetCallerIdentityCommand({})), 'SignatureDoesNotMatch');
			assert.match(late.message, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
			const early = await rejection(sts(alice, { systemClockOffset: 3_600_000 }).send(new GetCallerIdentityCommand({})), 'SignatureDoesNotMatch');
			assert.match(early.message, /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/);
		});

		it('lets the SDK correct a skewed clock from its Date header: the next call succeeds', async () => {
			const client = sts(alice, { systemClockOffset: -3_600_000 });
			await rejection(client.send(new GetCallerIdentityCommand({})), 'SignatureDoesNotMatch');
			assert.equal((await client.send(new GetCallerIdentityCommand({}))).Arn, aliceArn);
		});

		it('accepts a request 14 minutes off', async () => {
			assert.equal((await sts(alice, { systemClockOffset: -14 * 60_000 }).send(new GetCallerIdentityCommand({}))).Arn, aliceArn);
		});

		it('answers a request whose body changed after signing with SignatureDoesNotMatch', async () => {
			const client = sts(alice);
			// Low priority in the finalize step runs after the signer, just before the request is sent.
			client.middlewareStack.add((next) => async (args) => {
				const request = args.request as { body?: string };
				request.body = request.body?.replace('Version=2011-06-15', 'Version=2011-06-16');
				return next(args);
			}, { step: 'finalizeRequest', priority: 'low', name: 'tamper' });
			await rejection(client.send(new GetCallerIdentityCommand({})), 'SignatureDoesNotMatch');
		});

		it('answers an unsigned request with MissingAuthenticationToken, in the namespace of its Version', async () => {
			const response = await fetch(server.url, {
				method: 'POST', body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { 'content-type': 'application/x-www-form-urlencoded' },
			});
			assert.equal(response.status, 403);
			assert.ok(response.headers.get('date'));
			const body = await response.text();
			assert.match(body, /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
			assert.match(body, /<Type>Sender<\/Type>\s*<Code>MissingAuthenticationToken<\/Code>/);
			assert.match(body, /<\/Error>\s*<RequestId>[0-9a-f-]{36}<\/RequestId>\s*<\/ErrorResponse>/);
		});
	});

	describe('the server clock', () => {
		let skewed: FakeAws;
		before(async () => {
			skewed = await startServer({ now: () => new Date(Date.now() + 3_600_000) });
		});
		after(async () => {
			await skewed.close();
		});

		it('is what the SDK corrects to, and retries the call once it has', async () => {
			const output = await sts(alice, { endpoint: skewed.url, maxAttempts: 3 }).send(new GetCallerIdentityCommand({}));
			assert.equal(output.Arn, aliceArn);
			assert.equal(output.$metadata.attempts, 2);
			assert.deepEqual(skewed.requests.map((request) => request.errorCode), ['SignatureDoesNotMatch', undefined]);
		});
	});

	describe('IAM', () => {
		it('answers GetUser for the caller, a named user, and the root user', async () => {
			const self = (await iam(alice).send(new GetUserCommand({}))).User;
			assert.deepEqual([self?.UserName, self?.Path, self?.Arn, self?.CreateDate?.toISOString()], ['alice', '/engineering/', aliceArn, '2022-01-10T08:00:00.000Z']);
			assert.equal((await iam(alice).send(new GetUserCommand({ UserName: 'bob' }))).User?.Arn, 'arn:aws:iam::111111111111:user/bob');
			const rootUser = (await iam(root).send(new GetUserCommand({}))).User;
			assert.deepEqual([rootUser?.Arn, rootUser?.UserId, rootUser?.UserName], ['arn:aws:iam::111111111111:root', '111111111111', undefined]);
		});

		it('answers NoSuchEntity (404) for an unknown user', async () => {
			const error = await rejection(iam(alice).send(new GetUserCommand({ UserName: 'nobody' })), 'NoSuchEntityException');
			assert.equal(error.message, 'The user with name nobody cannot be found.');
			assert.equal(error.$metadata?.httpStatusCode, 404);
		});

		it('asks a role session for a user name', async () => {
			const session = sessionOf(await sts(alice).send(new AssumeRoleCommand({ RoleArn: deployerArn, RoleSessionName: 'iam' })));
			const error = await rejection(iam(session).send(new GetUserCommand({})), 'ValidationError');
			assert.equal(error.message, 'Must specify userName when calling with non-User credentials');
			assert.equal((await iam(session).send(new GetUserCommand({ UserName: 'alice' }))).User?.UserName, 'alice');
		});

		it('lists access keys a page at a time', async () => {
			const first = await iam(alice).send(new ListAccessKeysCommand({ UserName: 'bob', MaxItems: 1 }));
			assert.equal(first.IsTruncated, true);
			assert.ok(first.Marker);
			assert.deepEqual(first.AccessKeyMetadata?.map((key) => [key.UserName, key.AccessKeyId, key.Status]), [['bob', bob.accessKeyId, 'Active']]);
			const second = await iam(alice).send(new ListAccessKeysCommand({ UserName: 'bob', MaxItems: 1, Marker: first.Marker }));
			assert.equal(second.IsTruncated, false);
			assert.equal(second.Marker, undefined);
			assert.deepEqual(second.AccessKeyMetadata?.map((key) => [key.AccessKeyId, key.Status]), [[bobInactive.accessKeyId, 'Inactive']]);
			const own = await iam(alice).send(new ListAccessKeysCommand({}));
			assert.deepEqual(own.AccessKeyMetadata?.map((key) => [key.AccessKeyId, key.CreateDate?.toISOString()]), [[alice.accessKeyId, '2022-01-10T08:05:00.000Z']]);
		});

		it('answers GetAccessKeyLastUsed, with N/A for a key never used', async () => {
			const used = await iam(alice).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: alice.accessKeyId }));
			assert.equal(used.UserName, 'alice');
			assert.deepEqual(used.AccessKeyLastUsed, { LastUsedDate: new Date('2026-10-30T14:20:00Z'), ServiceName: 'sts', Region: 'eu-west-1' });
			const never = await iam(alice).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: bob.accessKeyId }));
			assert.deepEqual(never.AccessKeyLastUsed, { ServiceName: 'N/A', Region: 'N/A' });
			await rejection(iam(alice).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAUNKNOWNEXAMPLE01' })), 'NoSuchEntityException');
		});

		it('lists a user\'s attached policies and groups, and a group\'s policies', async () => {
			const attached = await iam(alice).send(new ListAttachedUserPoliciesCommand({ UserName: 'alice' }));
			assert.deepEqual(attached.AttachedPolicies, [{ PolicyName: 'SelfService', PolicyArn: 'arn:aws:iam::111111111111:policy/SelfService' }]);
			assert.equal(attached.IsTruncated, false);
			const groups = await iam(alice).send(new ListGroupsForUserCommand({ UserName: 'alice' }));
			assert.deepEqual(groups.Groups?.map((group) => [group.GroupName, group.Path, group.Arn]), [['developers', '/', 'arn:aws:iam::111111111111:group/developers']]);
			assert.match(groups.Groups?.[0].GroupId ?? '', /^AGPA/);
			const groupPolicies = await iam(alice).send(new ListAttachedGroupPoliciesCommand({ GroupName: 'developers' }));
			assert.deepEqual(groupPolicies.AttachedPolicies?.map((policy) => policy.PolicyName), ['DeveloperAccess']);
			await rejection(iam(alice).send(new ListAttachedGroupPoliciesCommand({ GroupName: 'nope' })), 'NoSuchEntityException');
		});

		it('simulates a principal\'s policies: allowed, implicitDeny, explicitDeny, with wildcards', async () => {
			const output = await iam(alice).send(new SimulatePrincipalPolicyCommand({
				PolicySourceArn: aliceArn, ActionNames: ['s3:GetObject', 'S3:PutObject', 's3:DeleteBucket', 'ec2:RunInstances', 'dynamodb:GetItem', 'iam:ListUsers'],
			}));
			assert.equal(output.IsTruncated, false);
			assert.deepEqual(output.EvaluationResults?.map((result) => [result.EvalActionName, result.EvalResourceName, result.EvalDecision]), [
				['s3:GetObject', '*', 'allowed'],
				['S3:PutObject', '*', 'allowed'],
				['s3:DeleteBucket', '*', 'explicitDeny'],
				['ec2:RunInstances', '*', 'implicitDeny'],
				['dynamodb:GetItem', '*', 'allowed'],
				// SelfService allows iam:List* on users only, not on `*`.
				['iam:ListUsers', '*', 'implicitDeny'],
			]);
			assert.deepEqual(output.EvaluationResults?.[2].MatchedStatements, [{ SourcePolicyId: 'DeveloperAccess', SourcePolicyType: 'user-managed' }]);
			const onResource = await iam(alice).send(new SimulatePrincipalPolicyCommand({
				PolicySourceArn: aliceArn, ActionNames: ['iam:ListAccessKeys'], ResourceArns: ['arn:aws:iam::111111111111:user/bob', 'arn:aws:iam::111111111111:role/Admin'],
			}));
			assert.deepEqual(onResource.EvaluationResults?.map((result) => result.EvalDecision), ['allowed', 'implicitDeny']);
			const admin = await iam(alice).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: deployerArn, ActionNames: ['ec2:RunInstances'] }));
			assert.deepEqual(admin.EvaluationResults?.map((result) => [result.EvalDecision, result.MatchedStatements?.[0]?.SourcePolicyType]), [['allowed', 'aws-managed']]);
		});

		it('pages simulation results', async () => {
			const first = await iam(alice).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: aliceArn, ActionNames: ['s3:A', 's3:B', 's3:C'], MaxItems: 2 }));
			assert.equal(first.IsTruncated, true);
			assert.equal(first.EvaluationResults?.length, 2);
			const rest = await iam(alice).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: aliceArn, ActionNames: ['s3:A', 's3:B', 's3:C'], Marker: first.Marker }));
			assert.deepEqual(rest.EvaluationResults?.map((result) => result.EvalActionName), ['s3:C']);
		});

		it('denies SimulatePrincipalPolicy to a principal whose policies lack it', async () => {
			const error = await rejection(iam(bob).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::111111111111:user/bob', ActionNames: ['s3:GetObject'] })), 'AccessDenied');
			assert.equal(error.message, 'User: arn:aws:iam::111111111111:user/bob is not authorized to perform: iam:SimulatePrincipalPolicy '
				+ 'on resource: arn:aws:iam::111111111111:user/bob because no identity-based policy allows the iam:SimulatePrincipalPolicy action');
			assert.equal(error.$metadata?.httpStatusCode, 403);
			const listing = await rejection(iam(bob).send(new ListAccessKeysCommand({})), 'AccessDenied');
			assert.match(listing.message, /iam:ListAccessKeys on resource: user bob because/);
		});

		it('answers an unknown action with InvalidAction', async () => {
			const client = iam(alice);
			client.middlewareStack.add((next) => async (args) => {
				const request = args.request as { body?: string };
				request.body = request.body?.replace('Action=GetUser&', 'Action=GetUzer&');
				return next(args);
			}, { step: 'build', name: 'renameAction' });
			const error = await rejection(client.send(new GetUserCommand({})), 'InvalidAction');
			assert.equal(error.message, 'Could not find operation GetUzer for version 2010-05-08');
		});
	});

	describe('access key changes', () => {
		let keys: FakeAws;
		const keyIam = (credentials: Credentials) => iam(credentials, { endpoint: keys.url });
		const keySts = (credentials: Credentials) => sts(credentials, { endpoint: keys.url });
		before(async () => {
			keys = await startServer();
		});
		after(async () => {
			await keys.close();
		});

		it('creates a key that works at once, up to two per user', async () => {
			const created = (await keyIam(alice).send(new CreateAccessKeyCommand({}))).AccessKey;
			remember(created);
			assert.match(created?.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/);
			assert.deepEqual([created?.UserName, created?.Status], ['alice', 'Active']);
			const fresh = { accessKeyId: created?.AccessKeyId ?? '', secretAccessKey: created?.SecretAccessKey ?? '' };
			assert.equal((await keySts(fresh).send(new GetCallerIdentityCommand({}))).Arn, aliceArn);
			const error = await rejection(keyIam(alice).send(new CreateAccessKeyCommand({})), 'LimitExceededException');
			assert.equal(error.message, 'Cannot exceed quota for AccessKeysPerUser: 2');
			assert.equal(error.$metadata?.httpStatusCode, 409);
		});

		it('deactivates, reactivates and deletes a key; STS follows', async () => {
			const params = { UserName: 'bob', AccessKeyId: bob.accessKeyId };
			await keyIam(alice).send(new UpdateAccessKeyCommand({ ...params, Status: 'Inactive' }));
			await rejection(keySts(bob).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
			await keyIam(alice).send(new UpdateAccessKeyCommand({ ...params, Status: 'Active' }));
			assert.equal((await keySts(bob).send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::111111111111:user/bob');
			await keyIam(alice).send(new DeleteAccessKeyCommand(params));
			await rejection(keySts(bob).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
			const listed = await keyIam(alice).send(new ListAccessKeysCommand({ UserName: 'bob' }));
			assert.deepEqual(listed.AccessKeyMetadata?.map((key) => key.AccessKeyId), [bobInactive.accessKeyId]);
		});

		it('answers NoSuchEntity for a key that is not the user\'s', async () => {
			const error = await rejection(keyIam(alice).send(new DeleteAccessKeyCommand({ UserName: 'bob', AccessKeyId: alice.accessKeyId })), 'NoSuchEntityException');
			assert.equal(error.message, `The Access Key with id ${alice.accessKeyId} cannot be found.`);
		});

		it('lets the root user manage its own keys', async () => {
			const created = (await keyIam(root).send(new CreateAccessKeyCommand({}))).AccessKey;
			remember(created);
			assert.equal(created?.UserName, undefined);
			const listed = await keyIam(root).send(new ListAccessKeysCommand({}));
			assert.deepEqual(listed.AccessKeyMetadata?.map((key) => key.AccessKeyId), [root.accessKeyId, created?.AccessKeyId]);
			await keyIam(root).send(new DeleteAccessKeyCommand({ AccessKeyId: created?.AccessKeyId }));
		});
	});

	describe('profiles through fromIni', () => {
		const environment = isolatedEnvironment();
		before(() => {
			process.env.AWS_ENDPOINT_URL = server.url;
			fs.writeFileSync(path.join(environment.home(), 'credentials'),
				`[alice]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`
				+ `[wrong]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = notAliceSecretEXAMPLEKEYnotAliceSecretEX\n`);
			fs.writeFileSync(path.join(environment.home(), 'config'), [
				'[profile alice]\nregion = eu-west-1\n',
				`[profile deployer]\nrole_arn = ${deployerArn}\nsource_profile = alice\nregion = eu-west-1\n`,
				`[profile audit]\nrole_arn = ${auditArn}\nsource_profile = deployer\nrole_session_name = auditing\nregion = eu-west-1\n`,
				`[profile admin]\nrole_arn = ${adminArn}\nsource_profile = alice\nmfa_serial = ${aliceMfa}\nregion = eu-west-1\n`,
				`[profile wrong-chain]\nrole_arn = ${deployerArn}\nsource_profile = wrong\nregion = eu-west-1\n`,
			].join(''));
			secrets.add('notAliceSecretEXAMPLEKEYnotAliceSecretEX');
		});

		async function identityOf(profile: string, mfaCodeProvider?: (serial: string) => Promise<string>): Promise<string | undefined> {
			const client = new STSClient({ region: 'eu-west-1', maxAttempts: 1, credentials: fromIni({ profile, mfaCodeProvider, ignoreCache: true }) });
			clients.push(client);
			return (await client.send(new GetCallerIdentityCommand({}))).Arn;
		}

		it('reads static keys', async () => {
			assert.equal(await identityOf('alice'), aliceArn);
		});

		it('chains two roles through source_profile', async () => {
			const first = server.requests.length;
			assert.equal(await identityOf('audit'), 'arn:aws:sts::333333333333:assumed-role/CrossAccountAudit/auditing');
			const calls = server.requests.slice(first).map((request) => [request.action, request.params.RoleArn, request.sessionToken]);
			assert.deepEqual(calls, [
				['AssumeRole', deployerArn, false],
				['AssumeRole', auditArn, true],
				['GetCallerIdentity', undefined, true],
			]);
		});

		it('asks the mfaCodeProvider for the mfa_serial\'s code', async () => {
			const asked: string[] = [];
			const arn = await identityOf('admin', async (serial) => {
				asked.push(serial);
				return '123456';
			});
			assert.match(arn ?? '', /^arn:aws:sts::111111111111:assumed-role\/Admin\//);
			assert.deepEqual(asked, [aliceMfa]);
			await rejection(identityOf('admin', async () => '000000'), 'AccessDenied');
		});

		it('surfaces the source profile\'s wrong secret as SignatureDoesNotMatch', async () => {
			await rejection(identityOf('wrong-chain'), 'SignatureDoesNotMatch');
		});
	});

	describe('faults', () => {
		afterEach(() => {
			server.setFault(undefined);
		});

		it('drops the connection (the SDK sees ECONNRESET)', async () => {
			server.setFault('close-connection');
			const error = await rejection(sts(alice).send(new GetCallerIdentityCommand({})), 'TimeoutError');
			assert.equal(error.code, 'ECONNRESET');
			const last = server.requests[server.requests.length - 1];
			assert.deepEqual([last.fault, last.status], ['reset', undefined]);
		});

		it('answers late, past the client\'s request timeout', async () => {
			server.setFault({ kind: 'delay', ms: 400 });
			const client = sts(alice, { requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true } });
			const error = await rejection(client.send(new GetCallerIdentityCommand({})), 'TimeoutError');
			assert.equal(error.code, 'ETIMEDOUT');
		});

		it('answers late but within it', async () => {
			server.setFault('delay-ms:150');
			const started = Date.now();
			assert.equal((await sts(alice).send(new GetCallerIdentityCommand({}))).Arn, aliceArn);
			assert.ok(Date.now() - started >= 150);
		});

		it('never answers, until the client aborts', async () => {
			server.setFault({ kind: 'hang' });
			const abort = new AbortController();
			setTimeout(() => abort.abort(), 100);
			await rejection(sts(alice).send(new GetCallerIdentityCommand({}), { abortSignal: abort.signal }), 'AbortError');
		});

		it('picks faults per request with a hook: a throttled first attempt, then the retry succeeds', async () => {
			const hooked = await startServer({
				onRequest: (call) => call.index === 0 ? { kind: 'error', status: 400, code: 'Throttling', message: 'Rate exceeded' } : undefined,
			});
			try {
				const output = await sts(alice, { endpoint: hooked.url, maxAttempts: 2 }).send(new GetCallerIdentityCommand({}));
				assert.equal(output.$metadata.attempts, 2);
				assert.deepEqual(hooked.requests.map((request) => [request.fault, request.status, request.errorCode]), [
					['error', 400, 'Throttling'], [undefined, 200, undefined],
				]);
			} finally {
				await hooked.close();
			}
		});

		it('answers with a body that is not AWS\'s', async () => {
			server.setFault({ kind: 'raw', status: 502, body: '<html><body>Bad Gateway</body></html>' });
			const error = await rejection(sts(alice).send(new GetCallerIdentityCommand({})), 'Unknown');
			assert.equal(error.$metadata?.httpStatusCode, 502);
		});

		it('reads fault specs', () => {
			assert.deepEqual(parseFault('reset'), { kind: 'reset' });
			assert.deepEqual(parseFault('hang'), { kind: 'hang' });
			assert.deepEqual(parseFault('error:ServiceUnavailable:503'), { kind: 'error', code: 'ServiceUnavailable', status: 503, message: 'Injected ServiceUnavailable' });
			assert.equal(parseFault('delay-ms:abc'), undefined);
			assert.throws(() => server.setFault('explode' as never), /Unknown fault spec: explode/);
		});

		it('closes with a request still pending', async () => {
			const hanging = await startServer({ fault: 'hang' });
			const pending = sts(alice, { endpoint: hanging.url }).send(new GetCallerIdentityCommand({}));
			pending.catch(() => undefined);
			await new Promise((resolve) => setTimeout(resolve, 50));
			await hanging.close();
			await assert.rejects(pending);
		});
	});

	describe('seeds', () => {
		it('reports a badly shaped seed by field, without quoting values', () => {
			assert.throws(() => parseSeed({ accounts: [{ id: 111 }], users: [{ name: 'x', account: '1', accessKeys: [{ id: 'AKIA', secret: 42 }] }], extra: true }), (error: Error) => {
				assert.match(error.message, /seed\.extra: unknown field/);
				assert.match(error.message, /seed\.accounts\[0\]\.id: expected a string/);
				assert.match(error.message, /seed\.users\[0\]\.accessKeys\[0\]\.secret: expected a string/);
				assert.ok(!error.message.includes('42'));
				return true;
			});
		});

		it('refuses references that do not resolve', async () => {
			await assert.rejects(startFakeAws({ accounts: [{ id: '111111111111' }], users: [{ name: 'x', account: '999999999999' }] }),
				/user x names account 999999999999, which is not in accounts/);
			await assert.rejects(startFakeAws({ accounts: [{ id: '111111111111' }], users: [{ name: 'x', account: '111111111111', attachedPolicies: ['arn:aws:iam::aws:policy/Nope'] }] }),
				/attaches arn:aws:iam::aws:policy\/Nope, not in policies/);
			await assert.rejects(startFakeAws({ accounts: [{ id: '111111111111' }], roles: [{ arn: 'arn:aws:iam::111111111111:user/x', trust: { principals: [] } }] }),
				/is not a role ARN/);
		});

		it('reads a seed file that is not JSON without quoting it', () => {
			const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-fake-seed-'));
			try {
				const file = path.join(folder, 'seed.json');
				fs.writeFileSync(file, '{ "accounts": [ { "secret": "abcSECRETdef" ');
				assert.throws(() => readSeedFile(file), (error: Error) => /is not valid JSON$/.test(error.message) && !error.message.includes('abcSECRETdef'));
			} finally {
				fs.rmSync(folder, { recursive: true, force: true });
			}
		});
	});

	describe('main.ts', () => {
		let child: ChildProcess | undefined;
		after(async () => {
			if (child && child.exitCode === null) {
				child.kill('SIGTERM');
				await new Promise((resolve) => child?.once('exit', resolve));
			}
		});

		it('runs standalone, prints its URL first, logs each request, and stops on SIGTERM', async () => {
			child = spawn(process.execPath, [mainJs, '--seed', seedFile], { stdio: ['ignore', 'pipe', 'pipe'] });
			let output = '';
			child.stdout?.on('data', (chunk: Buffer) => output += chunk.toString('utf8'));
			const url = await new Promise<string>((resolve, reject) => {
				child?.stdout?.on('data', () => output.includes('\n') && resolve(output.split('\n')[0]));
				child?.once('exit', (code) => reject(new Error(`exited with ${code}`)));
			});
			assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
			assert.equal((await sts(alice, { endpoint: url }).send(new GetCallerIdentityCommand({}))).Arn, aliceArn);
			const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
			child.kill('SIGTERM');
			assert.equal(await exited, 0);
			assert.match(output, /sts GetCallerIdentity AKIAALICEEXAMPLE0001 -> 200/);
			logLines.push(...output.split('\n'));
		});

		it('refuses a bad fault spec with its usage', async () => {
			const refused = spawn(process.execPath, [mainJs, '--seed', seedFile, '--fault', 'explode'], { stdio: ['ignore', 'ignore', 'pipe'] });
			let errors = '';
			refused.stderr?.on('data', (chunk: Buffer) => errors += chunk.toString('utf8'));
			assert.equal(await new Promise((resolve) => refused.once('exit', resolve)), 2);
			assert.match(errors, /--fault: expected close-connection/);
		});
	});

	describe('secrets', () => {
		it('never appear in what the servers printed or recorded', () => {
			assert.ok(logLines.length > 50, `only ${logLines.length} log lines`);
			assert.ok(secrets.size > 10, `only ${secrets.size} secrets known`);
			logLines.forEach((line) => assertNoSecret(line, 'a log line'));
			assertNoSecret(JSON.stringify(server.requests), 'the request log');
		});
	});
});
