/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The proof that a sign-in here serves the other tools: the token the engine caches (signInToSso, against the
// fake IAM Identity Center) is read by
// - the real JS SDK's fromSSO (@aws-sdk/credential-providers), which gets role credentials from the fake
//   portal with it, and renews it with its refresh token when it is about to expire, writing the file back;
// - the AWS CLI's own code (Debian's awscli v2, its botocore in-process): SSOTokenLoader, the token provider
//   and the SSO credential provider, which reads the file and gets credentials from the fake portal; and its
//   json.dumps writes the very bytes the engine wrote.
// HOME, AWS_CONFIG_FILE and AWS_ENDPOINT_URL point at a sandbox for the whole file and are put back after it.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromSSO } from '@aws-sdk/credential-providers';
import { signInToSso } from '../../src/aws/ssoSignIn';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { ssoLoginTargetForProfile, SsoLoginTarget } from '../../src/core/sessions/ssoLoginTarget';
import { cacheTimestamp, formatCachedToken, parseCachedToken } from '../../src/core/sessions/ssoTokenCache';
import { readStandard } from '../../src/core/readings/standardReader';
import { FakeAws, readSeedFile, startFakeAws } from '../fake-aws/server';

const seedFile = path.join(__dirname, '..', '..', '..', 'test', 'fake-aws', 'seed.sso.example.json');
const startUrl = 'https://d-9067example.awsapps.com/start';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const config = [
	'[sso-session my-sso]', `sso_start_url = ${startUrl}`, 'sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access', '',
	'[profile prod]', 'sso_session = my-sso', 'sso_account_id = 111111111111', 'sso_role_name = ReadOnly', 'region = eu-west-1', '',
	'[profile old]', `sso_start_url = ${startUrl}`, 'sso_region = eu-west-1', 'sso_account_id = 444444444444', 'sso_role_name = Developer', 'region = eu-west-1', '',
].join('\n');

/**
 * Runs the AWS CLI's botocore in-process: reads the token of `profile` with SSOTokenLoader and the token
 * provider, then its credentials through SSOProvider with the portal at `endpoint`. Prints hashes and prefixes,
 * never a token or key.
 */
const botocoreScript = `
import hashlib, json, os, sys
from awscli.botocore.session import Session
from awscli.botocore.tokens import SSOTokenProvider, _sso_json_dumps
from awscli.botocore.credentials import SSOProvider
from awscli.botocore.utils import SSOTokenLoader, JSONFileCache
profile, cache_dir, endpoint = sys.argv[1], sys.argv[2], sys.argv[3]
session = Session(profile=profile)
config = session.full_config['profiles'][profile]
session_name = config.get('sso_session')
start_url = session.full_config['sso_sessions'][session_name]['sso_start_url'] if session_name else config['sso_start_url']
token = SSOTokenLoader(cache=JSONFileCache(cache_dir))(start_url, session_name=session_name)
out = {'loaderToken': hashlib.sha256(token['accessToken'].encode()).hexdigest(), 'expiresAt': token['expiresAt']}
if session_name:
    provider = SSOTokenProvider(session, cache=JSONFileCache(cache_dir, dumps_func=_sso_json_dumps))
    out['providerToken'] = hashlib.sha256(provider.load_token().get_frozen_token().token.encode()).hexdigest()
creator = lambda service, **kwargs: session.create_client(service, endpoint_url=endpoint, **kwargs)
credentials = SSOProvider(session.get_scoped_config and (lambda: session.full_config), creator, profile, cache={},
    token_cache=JSONFileCache(cache_dir)).load().get_frozen_credentials()
out['accessKeyPrefix'] = credentials.access_key[:4]
out['credentials'] = [credentials.access_key, credentials.secret_key, credentials.token]
path = os.path.join(cache_dir, hashlib.sha1((session_name or start_url).encode()).hexdigest() + '.json')
with open(path) as f:
    text = f.read()
out['dumpsSame'] = _sso_json_dumps(json.loads(text)) == text
print(json.dumps(out))
`;

describe('the SSO token cache, read by the real peers', function () {
	this.timeout(30_000);
	let server: FakeAws;
	let home: string;
	let cacheFolder: string;
	const saved = new Map<string, string | undefined>();
	const clients: { destroy(): void }[] = [];

	before(async () => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-sso-peers-'));
		cacheFolder = path.join(home, '.aws', 'sso', 'cache');
		fs.mkdirSync(path.join(home, '.aws'));
		fs.writeFileSync(path.join(home, '.aws', 'config'), config);
		server = await startFakeAws(readSeedFile(seedFile));
		const names = [...Object.keys(process.env).filter((name) => name.startsWith('AWS_')), 'HOME', 'USERPROFILE'];
		names.forEach((name) => {
			saved.set(name, process.env[name]);
			delete process.env[name];
		});
		Object.assign(process.env, {
			HOME: home, USERPROFILE: home, AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
			AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'), AWS_ENDPOINT_URL: server.url,
		});
	});

	after(async () => {
		clients.splice(0).forEach((client) => client.destroy());
		Object.keys(process.env).filter((name) => name.startsWith('AWS_')).forEach((name) => delete process.env[name]);
		saved.forEach((value, name) => value === undefined ? delete process.env[name] : process.env[name] = value);
		await server.close();
		fs.rmSync(home, { recursive: true, force: true });
	});

	function target(profile: string): SsoLoginTarget {
		const found = ssoLoginTargetForProfile(buildProfileModel(readStandard({ config })), profile);
		assert.ok(found.ok);
		return found.target;
	}

	/** Signs in with the engine; the fake approves at the first poll, and no time is waited. */
	async function signIn(profile: string): Promise<Record<string, string>> {
		let userCode = '';
		const result = await signInToSso({
			target: target(profile), cacheFolder, flow: 'device-code', endpoints: { oidc: server.url, portal: server.url },
			onDeviceCode: (prompt) => userCode = prompt.userCode,
			sleep: async () => server.identityCenter?.approveDevice(userCode),
		});
		assert.ok(result.ok, JSON.stringify(result));
		return JSON.parse(fs.readFileSync(result.file, 'utf8')) as Record<string, string>;
	}

	async function callerArn(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): Promise<string | undefined> {
		const sts = new STSClient({ region: 'eu-west-1', credentials, maxAttempts: 1 });
		clients.push(sts);
		return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
	}

	/** Not spawnSync: this process serves the fake the script calls. */
	function botocore(profile: string): Promise<Record<string, unknown>> {
		const env = {
			PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
			AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'), AWS_MAX_ATTEMPTS: '1',
		};
		return new Promise((resolve, reject) => {
			execFile('/usr/bin/python3', ['-c', botocoreScript, profile, cacheFolder, server.url], { env, encoding: 'utf8', timeout: 20_000 }, (error, stdout, stderr) => {
				if (error) {
					reject(new Error(`botocore failed: ${stderr.split('\n').slice(-3).join('\n')}`));
				} else {
					resolve(JSON.parse(stdout) as Record<string, unknown>);
				}
			});
		});
	}

	it('the JS SDK\'s fromSSO reads the sso-session token and gets the role\'s credentials from the portal', async () => {
		await signIn('prod');
		const credentials = await fromSSO({ profile: 'prod' })();
		assert.match(credentials.accessKeyId, /^ASIA/);
		assert.equal(await callerArn(credentials), 'arn:aws:sts::111111111111:assumed-role/ReadOnly/jane');
	});

	it('the JS SDK\'s fromSSO reads a legacy profile\'s token (named by the start URL)', async () => {
		await signIn('old');
		const credentials = await fromSSO({ profile: 'old' })();
		assert.equal(await callerArn(credentials), 'arn:aws:sts::444444444444:assumed-role/Developer/jane');
	});

	it('the JS SDK renews the token with the refresh token and registration the file holds, and writes it back', async () => {
		const token = await signIn('prod');
		const file = path.join(cacheFolder, `${sha1('my-sso')}.json`);
		// Two minutes left: inside the SDK's five-minute window, so it renews before using the token.
		const parsed = parseCachedToken(fs.readFileSync(file, 'utf8'));
		assert.ok(parsed.ok);
		fs.writeFileSync(file, formatCachedToken({ ...parsed.token, expiresAt: cacheTimestamp(Date.now() + 120_000) }));
		const tokensBefore = server.requests.filter((request) => request.action === 'CreateToken' && request.status === 200).length;
		const credentials = await fromSSO({ profile: 'prod' })();
		assert.equal(await callerArn(credentials), 'arn:aws:sts::111111111111:assumed-role/ReadOnly/jane');
		const renewed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
		assert.notEqual(renewed.accessToken, token.accessToken);
		assert.equal(server.requests.filter((request) => request.action === 'CreateToken' && request.status === 200).length, tokensBefore + 1);
		assert.equal(renewed.clientId, token.clientId);
		assert.ok(typeof renewed.refreshToken === 'string' && renewed.refreshToken.length > 0, 'the SDK keeps a refresh token for the next renewal');
	});

	for (const profile of ['prod', 'old']) {
		it(`the AWS CLI's botocore reads ${profile}'s token (loader${profile === 'prod' ? ', token provider' : ''}) and gets credentials from the portal; its json.dumps writes the same bytes`, async () => {
			const token = await signIn(profile);
			const read = await botocore(profile);
			assert.equal(read.loaderToken, sha256(token.accessToken));
			if (profile === 'prod') {
				assert.equal(read.providerToken, sha256(token.accessToken));
			}
			assert.equal(read.expiresAt, token.expiresAt);
			assert.equal(read.accessKeyPrefix, 'ASIA');
			const [accessKeyId, secretAccessKey, sessionToken] = read.credentials as string[];
			assert.match(await callerArn({ accessKeyId, secretAccessKey, sessionToken }) ?? '', /^arn:aws:sts::\d{12}:assumed-role\/\w+\/jane$/);
			assert.equal(read.dumpsSame, true, 'Python\'s json.dumps of the file is the file');
		});
	}
});
