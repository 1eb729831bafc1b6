/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS layer's verify, through the real SDK, over real HTTP, to the local endpoint that checks SigV4.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeFailure } from '../../src/aws/verifyFailure';
import { verifyProfile, VerifyRequest, VerifyResult } from '../../src/aws/verifyProfile';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { configuredEndpoint } from '../../src/core/model/serviceEndpoints';
import { readStandard } from '../../src/core/readings/standardReader';
import { readSeedFile, startFakeAws, FakeAws } from '../fake-aws/server';

const seedFile = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'fake-aws-seed.json');
const devSecret = 'fixtureDevSecret000000000000000000000001';

const credentials = `[fixture-dev]
aws_access_key_id = AKIAFIXTUREDEV000001
aws_secret_access_key = ${devSecret}

[root-keys]
aws_access_key_id = AKIAFIXTUREDEFAULT01
aws_secret_access_key = fixtureDefaultSecret00000000000000000001

[deployer]
aws_access_key_id = AKIAFIXTUREDEPLOY001
aws_secret_access_key = fixtureDeploySecret000000000000000000001

[wrong-secret]
aws_access_key_id = AKIAFIXTUREDEV000001
aws_secret_access_key = notTheRightSecret00000000000000000000001

[unknown-key]
aws_access_key_id = AKIAFIXTUREUNKNOWN01
aws_secret_access_key = fixtureUnknownSecret0000000000000000001

[expired]
aws_access_key_id = ASIAFIXTURETEMP00001
aws_secret_access_key = fixtureTempSecret00000000000000000000001
aws_session_token = fixtureSessionToken0000000000000000000000000000000001

[limited]
aws_access_key_id = AKIAFIXTURELIMITED01
aws_secret_access_key = fixtureLimitedSecret00000000000000000001

[newbie]
aws_access_key_id = AKIAFIXTURENEWBIE001
aws_secret_access_key = fixtureNewbieSecret000000000000000000001

[example]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;

const config = `[profile sso-user]
sso_session = fixture-portal
sso_account_id = 111122223333
sso_role_name = ReadOnly

[sso-session fixture-portal]
sso_start_url = https://fixture.awsapps.com/start
sso_region = eu-west-1

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = fixture-dev

[profile mfa-admin]
role_arn = arn:aws:iam::111122223333:role/MfaAdmin
source_profile = fixture-dev
mfa_serial = arn:aws:iam::111122223333:mfa/fixture-developer

[profile sso-nowhere]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile badrole]
role_arn = arn:aws:iam::1111:role/x y
source_profile = example

[profile example-role]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = example

[profile unknown-role]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = unknown-key

[profile to-ghost]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = ghost

[profile no-program]
credential_process = /no/such/credentials-program --token fixtureProcessToken01

[profile no-program-on-path]
credential_process = no-such-credentials-program
`;

const secrets = [devSecret, 'fixtureDefaultSecret00000000000000000001', 'fixtureDeploySecret000000000000000000001',
	'fixtureSessionToken0000000000000000000000000000000001', 'AKIAFIXTUREDEV000001', 'AKIAFIXTUREDEFAULT01',
	'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'fixtureProcessToken01'];

describe('Verify profile (AWS layer, real SDK, local endpoint)', function () {
	this.timeout(30_000);
	let aws: FakeAws;
	let home: string;
	const saved = { ...process.env };

	before(async () => {
		aws = await startFakeAws(await readSeedFile(seedFile));
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-verify-'));
		mkdirSync(path.join(home, '.aws'));
		writeFileSync(path.join(home, '.aws', 'credentials'), credentials);
		writeFileSync(path.join(home, '.aws', 'config'), config);
		for (const name of Object.keys(process.env).filter((n) => n.startsWith('AWS_'))) {
			delete process.env[name];
		}
		Object.assign(process.env, {
			HOME: home,
			AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
			AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
			AWS_ENDPOINT_URL: aws.url,
			AWS_EC2_METADATA_DISABLED: 'true',
		});
	});

	after(async () => {
		process.env = saved;
		await aws.close();
		rmSync(home, { recursive: true, force: true });
	});

	/** The profiles as the extension and the CLI hand them to verify: read from the files the SDK reads. */
	const modelOnDisk = () => buildProfileModel(readStandard({
		config: readFileSync(process.env.AWS_CONFIG_FILE!, 'utf8'),
		credentials: readFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8'),
	}));

	const verify = (profile: string, extra: Partial<VerifyRequest> = {}) =>
		verifyProfile({ profile, timeoutMs: 5_000, now: Date.parse('2026-11-22T00:00:00Z'), model: modelOnDisk(), ...extra });

	function assertNoSecret(result: VerifyResult): void {
		const text = JSON.stringify(result);
		for (const secret of secrets) {
			assert.ok(!text.includes(secret), 'a secret leaked into the result');
		}
	}

	it('says who an IAM user\'s keys belong to, with its keys, groups and an AdministratorAccess warning', async () => {
		const result = await verify('fixture-dev');
		assert.ok(result.ok, JSON.stringify(result));
		assert.equal(result.account, '111122223333');
		assert.equal(result.arn, 'arn:aws:iam::111122223333:user/fixture-developer');
		assert.deepEqual(result.principal, { kind: 'user', name: 'fixture-developer' });
		assert.equal(result.accessKeyId, 'AKIA****0001');
		assert.deepEqual(result.accessKeys?.map((k) => [k.id, k.status, k.inUse, k.lastUsed?.service]), [['AKIA****0001', 'Active', true, 'sts']]);
		assert.deepEqual(result.groups, [{ name: 'admins', policies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }]);
		assert.deepEqual(result.findings.map((f) => f.code), ['old-access-key', 'administrator-access']);
		assertNoSecret(result);
	});

	it('warns about the root user\'s keys', async () => {
		const result = await verify('root-keys');
		assert.ok(result.ok);
		assert.deepEqual(result.principal, { kind: 'root' });
		assert.equal(result.findings[0].code, 'root-user');
	});

	it('assumes a role through the SDK\'s own chain (source_profile)', async () => {
		const result = await verify('admin');
		assert.ok(result.ok, JSON.stringify(result));
		assert.match(result.arn, /^arn:aws:sts::111122223333:assumed-role\/Admin\//);
		assert.equal(result.principal.kind, 'assumed-role');
	});

	it('asks for an MFA code when the role needs one, and never keeps it', async () => {
		const asked: string[] = [];
		const result = await verify('mfa-admin', { mfaCode: async (serial) => (asked.push(serial), '123456') });
		assert.ok(result.ok, JSON.stringify(result));
		assert.deepEqual(asked, ['arn:aws:iam::111122223333:mfa/fixture-developer']);
		assert.ok(!JSON.stringify(result).includes('123456'));
		const wrong = await verify('mfa-admin', { mfaCode: async () => '000000' });
		assert.equal(wrong.ok, false);
	});

	it('checks whether the profile may deploy with Serverless, and lists what is denied', async () => {
		const result = await verify('deployer', { deployTools: ['serverless', 'up'] });
		assert.ok(result.ok, JSON.stringify(result));
		const [serverless, up] = result.deploy!;
		assert.deepEqual([serverless.tool, serverless.denied, serverless.simulationDenied], ['serverless', [], false]);
		assert.ok(up.denied.includes('route53:ChangeResourceRecordSets'));
		assert.ok(!up.denied.includes('lambda:CreateFunction'));
	});

	it('says when the simulation itself, or reading IAM, is not allowed', async () => {
		const result = await verify('limited', { deployTools: ['zappa'] });
		assert.ok(result.ok, JSON.stringify(result));
		assert.deepEqual(result.deploy, [{ tool: 'zappa', denied: [], simulationDenied: true }]);
		assert.deepEqual(result.findings.map((f) => f.code), ['iam-not-readable']);
	});

	it('simulates nothing for the root user, who may do anything', async () => {
		const result = await verify('root-keys', { deployTools: ['zappa'] });
		assert.ok(result.ok);
		assert.equal(result.deploy, undefined);
	});

	const failures: [string, string, RegExp][] = [
		['unknown-key', 'invalid-key-id', /does not know the access key ID/],
		['wrong-secret', 'wrong-secret', /secret access key .* does not match/],
		['expired', 'expired-token', /temporary credentials .* have expired/],
		['newbie', 'opt-in-required', /sign-up is not complete/],
		['no-such-profile', 'no-credentials', /found no credentials/],
	];
	for (const [profile, code, advice] of failures) {
		it(`maps ${code} to plain advice, quoting no secret`, async () => {
			const result = await verify(profile);
			assert.equal(result.ok, false);
			assert.equal(!result.ok && result.failure.code, code);
			assert.match(!result.ok ? result.failure.message : '', advice);
			assertNoSecret(result);
		});
	}

	it('says which sso-session section is missing, instead of the SDK\'s TypeError, calling nothing', async () => {
		const before = aws.requests.length;
		const result = await verify('sso-nowhere');
		assert.equal(!result.ok && result.failure.code, 'misconfigured', JSON.stringify(result));
		assert.match(!result.ok ? result.failure.message : '', /'sso-nowhere' logs in through the sso-session 'corp', but the config file has no \[sso-session corp\] section/);
		assert.equal(aws.requests.length, before);
	});

	it('names the malformed role ARN of the role, and the example keys of its source profile', async () => {
		const result = await verify('badrole');
		assert.equal(result.ok, false);
		const message = !result.ok ? result.failure.message : '';
		assert.match(message, /The role_arn of 'badrole' \("arn:aws:iam::1111:role\/x y"\) is not a role ARN/);
		assert.match(message, /The keys of 'example' \(whose credentials 'badrole' uses\) are the AWS documentation's example keys/);
		assert.doesNotMatch(message, /access key ID of 'badrole'/);
		assert.deepEqual(!result.ok && result.failure.problems?.map((p) => [p.code, p.profile]), [['role-arn-format', 'badrole'], ['example-key', 'example']]);
		assertNoSecret(result);
	});

	it('blames the source profile whose key AWS refused, not the role that was verified', async () => {
		const unknown = await verify('unknown-role');
		assert.equal(!unknown.ok && unknown.failure.code, 'invalid-key-id');
		assert.match(!unknown.ok ? unknown.failure.message : '', /access key ID of 'unknown-key' \(whose credentials 'unknown-role' uses\)/);
		const example = await verify('example-role');
		assert.equal(!example.ok && example.failure.code, 'invalid-key-id');
		assert.match(!example.ok ? example.failure.message : '', /access key ID of 'example' \(whose credentials 'example-role' uses\).* are the AWS documentation's example keys/);
		assertNoSecret(example);
	});

	it('names a missing source profile, and a credential_process program that is not there', async () => {
		const ghost = await verify('to-ghost');
		assert.match(!ghost.ok ? ghost.failure.message : '', /The source_profile of 'to-ghost' names 'ghost', which is not defined in either file/);
		const file = await verify('no-program');
		assert.match(!file.ok ? file.failure.message : '', /The credential_process of 'no-program' runs "\/no\/such\/credentials-program", which does not exist/);
		const onPath = await verify('no-program-on-path');
		assert.match(!onPath.ok ? onPath.failure.message : '', /runs "no-such-credentials-program", which is in no folder of the PATH/);
		assertNoSecret(file);
	});

	it('runs a credential_process program that is there, through the SDK', async () => {
		const program = path.join(home, 'fixture-creds');
		writeFileSync(program, `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"AKIAFIXTUREDEV000001","SecretAccessKey":"${devSecret}"}'\n`, { mode: 0o755 });
		writeFileSync(process.env.AWS_CONFIG_FILE!, `${config}\n[profile process-dev]\ncredential_process = ${program}\n`);
		try {
			const result = await verify('process-dev');
			assert.ok(result.ok, JSON.stringify(result));
			assert.equal(result.principal.kind, 'user');
		} finally {
			writeFileSync(process.env.AWS_CONFIG_FILE!, config);
		}
	});

	it('maps an SSO profile without a live session to "Sign in", running aws sso login', async () => {
		const result = await verify('sso-user');
		assert.equal(result.ok, false);
		assert.deepEqual(!result.ok && result.failure.fix, { label: 'Sign in', terminalCommand: 'aws sso login --profile sso-user' });
	});

	it('reaches the endpoints of the profile\'s services section or endpoint_url, or of AWS_ENDPOINT_URL_STS and _IAM', async () => {
		delete process.env.AWS_ENDPOINT_URL;
		const configFile = process.env.AWS_CONFIG_FILE!;
		const endpointsOf = (text: string) => {
			const model = buildProfileModel(readStandard({ config: text, credentials }));
			return { sts: configuredEndpoint(model, 'fixture-dev', 'sts', process.env), iam: configuredEndpoint(model, 'fixture-dev', 'iam', process.env) };
		};
		try {
			const withProfileUrl = `${config}\n[profile fixture-dev]\nendpoint_url = ${aws.url}\n`;
			const viaProfile = await verify('fixture-dev', { endpoints: endpointsOf(withProfileUrl) });
			assert.ok(viaProfile.ok, JSON.stringify(viaProfile));
			const withServices = `${config}\n[profile fixture-dev]\nservices = local\n[services local]\nsts =\n  endpoint_url = ${aws.url}\niam =\n  endpoint_url = ${aws.url}\n`;
			assert.deepEqual(endpointsOf(withServices), { sts: aws.url, iam: aws.url });
			assert.ok((await verify('fixture-dev', { endpoints: endpointsOf(withServices) })).ok);
			Object.assign(process.env, { AWS_ENDPOINT_URL_STS: aws.url, AWS_ENDPOINT_URL_IAM: aws.url });
			const viaServiceVariables = await verify('fixture-dev');
			assert.ok(viaServiceVariables.ok && viaServiceVariables.accessKeys?.length === 1, JSON.stringify(viaServiceVariables));
		} finally {
			delete process.env.AWS_ENDPOINT_URL_STS;
			delete process.env.AWS_ENDPOINT_URL_IAM;
			writeFileSync(configFile, config);
			process.env.AWS_ENDPOINT_URL = aws.url;
		}
	});

	it('maps clock skew to advice about the clock', async () => {
		const skewed = await startFakeAws(await readSeedFile(seedFile), { now: () => new Date(Date.now() + 60 * 60_000) });
		try {
			const result = await verify('fixture-dev', {});
			assert.ok(result.ok);
			process.env.AWS_ENDPOINT_URL = skewed.url;
			const late = await verify('fixture-dev');
			assert.equal(!late.ok && late.failure.code, 'clock-skew');
		} finally {
			process.env.AWS_ENDPOINT_URL = aws.url;
			await skewed.close();
		}
	});

	it('gives up after the timeout on an endpoint that never answers, and can be cancelled', async () => {
		aws.setFault('hang');
		try {
			// Without the timeout this would hang until mocha's own timeout fails the test.
			const result = await verify('fixture-dev', { timeoutMs: 500 });
			assert.equal(!result.ok && result.failure.code, 'timeout');
			const controller = new AbortController();
			setTimeout(() => controller.abort(), 100);
			const cancelled = await verify('fixture-dev', { abortSignal: controller.signal });
			assert.equal(!cancelled.ok && cancelled.failure.code, 'cancelled');
		} finally {
			aws.setFault(undefined);
		}
	});

	it('maps an unreachable endpoint to network advice', async () => {
		process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
		try {
			const result = await verify('fixture-dev');
			assert.equal(!result.ok && result.failure.code, 'network');
		} finally {
			process.env.AWS_ENDPOINT_URL = aws.url;
		}
	});

	it('sends one request per call: no retry storm', async () => {
		aws.setFault('error:InternalFailure:500');
		const before = aws.requests.length;
		try {
			const result = await verify('fixture-dev');
			assert.equal(result.ok, false);
			assert.equal(aws.requests.length - before, 1);
		} finally {
			aws.setFault(undefined);
		}
	});
});

describe('Verify failures (pure mapping)', () => {
	it('maps TLS trouble (a company proxy\'s certificate) to AWS_CA_BUNDLE advice', () => {
		for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED']) {
			const failure = describeFailure(Object.assign(new Error('x'), { code }), 'p');
			assert.equal(failure.code, 'tls');
			assert.match(failure.message, /AWS_CA_BUNDLE/);
		}
	});

	it('never passes on the error\'s own text, which can quote a session token', () => {
		const failure = describeFailure({ name: 'Weird Error <b>', message: 'X-Amz-Security-Token:secret-token' }, 'p');
		assert.equal(failure.code, 'unknown');
		assert.ok(!failure.message.includes('secret-token') && !failure.message.includes('<b>'));
	});
});

describe('Verify over HTTPS: CA bundles and proxies', function () {
	this.timeout(30_000);
	let aws: FakeAws;
	let folder: string;
	let proxy: Server;
	const tunnels: string[] = [];
	const saved = { ...process.env };

	before(async () => {
		folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-tls-'));
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
			'-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', path.join(folder, 'key.pem'), '-out', path.join(folder, 'ca.pem')], { stdio: 'ignore' });
		aws = await startFakeAws(readSeedFile(seedFile), {
			tls: { key: readFileSync(path.join(folder, 'key.pem'), 'utf8'), cert: readFileSync(path.join(folder, 'ca.pem'), 'utf8') },
		});
		// A CONNECT proxy, as a company's would be: it records each tunnel and pipes the bytes.
		proxy = createServer();
		proxy.on('connect', (request: IncomingMessage, client: Socket) => {
			tunnels.push(request.url ?? '');
			const [host, port] = (request.url ?? '').split(':');
			const upstream = connect(Number(port), host === 'localhost' ? '127.0.0.1' : host, () => {
				client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
				upstream.pipe(client);
				client.pipe(upstream);
			});
			upstream.on('error', () => client.destroy());
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		mkdirSync(path.join(folder, '.aws'));
		writeFileSync(path.join(folder, '.aws', 'credentials'), credentials);
		for (const name of Object.keys(process.env).filter((n) => n.startsWith('AWS_') || /_proxy$/i.test(n))) {
			delete process.env[name];
		}
		Object.assign(process.env, {
			HOME: folder,
			AWS_SHARED_CREDENTIALS_FILE: path.join(folder, '.aws', 'credentials'),
			AWS_CONFIG_FILE: path.join(folder, '.aws', 'config'),
			AWS_ENDPOINT_URL: aws.url,
		});
	});

	after(async () => {
		process.env = saved;
		await aws.close();
		proxy.close();
		rmSync(folder, { recursive: true, force: true });
	});

	const verify = (extra: Partial<VerifyRequest> = {}) => verifyProfile({ profile: 'fixture-dev', timeoutMs: 5_000, ...extra });

	it('reports an untrusted certificate as TLS trouble, with AWS_CA_BUNDLE advice', async () => {
		const result = await verify();
		assert.equal(!result.ok && result.failure.code, 'tls');
	});

	it('trusts the CA of AWS_CA_BUNDLE, or of the profile\'s ca_bundle', async () => {
		assert.ok((await verify({ caBundle: path.join(folder, 'ca.pem') })).ok);
		process.env.AWS_CA_BUNDLE = path.join(folder, 'ca.pem');
		try {
			assert.ok((await verify()).ok);
		} finally {
			delete process.env.AWS_CA_BUNDLE;
		}
	});

	it('goes through HTTPS_PROXY, unless NO_PROXY names the host', async () => {
		const { port } = proxy.address() as AddressInfo;
		// By name, as AWS's endpoints are: TLS through a tunnel checks the certificate against the host name.
		Object.assign(process.env, { HTTPS_PROXY: `http://127.0.0.1:${port}`, AWS_CA_BUNDLE: path.join(folder, 'ca.pem'), AWS_ENDPOINT_URL: `https://localhost:${aws.port}` });
		try {
			tunnels.length = 0;
			const through = await verify();
			assert.ok(through.ok, JSON.stringify(through));
			assert.ok(tunnels.length > 0 && tunnels.every((t) => t === `localhost:${aws.port}`), JSON.stringify(tunnels));
			tunnels.length = 0;
			process.env.NO_PROXY = 'example.com,localhost';
			assert.ok((await verify()).ok);
			assert.deepEqual(tunnels, []);
		} finally {
			delete process.env.HTTPS_PROXY;
			delete process.env.NO_PROXY;
			delete process.env.AWS_CA_BUNDLE;
			process.env.AWS_ENDPOINT_URL = aws.url;
		}
	});

	it('names a CA bundle it cannot read, and nothing else', async () => {
		const result = await verify({ caBundle: path.join(folder, 'missing.pem') });
		assert.equal(!result.ok && result.failure.code, 'tls');
		assert.match(!result.ok ? result.failure.message : '', /missing\.pem cannot be read \(ENOENT\)/);
	});
});
