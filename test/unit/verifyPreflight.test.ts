/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What Verify can tell from the files before calling AWS, naming the profile that holds each problem.

import * as assert from 'node:assert/strict';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { profileSummary } from '../../src/core/display/profileSummary';
import { readStandard } from '../../src/core/readings/standardReader';
import { missingProgramProblem, verifyPreflight } from '../../src/core/verify/verifyPreflight';

const exampleSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const secret = 'fixtureSecret00000000000000000000000001';

const config = `[profile sso-nowhere]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile sso-ok]
sso_session = portal
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile sso-token-only]
sso_session = portal

[sso-session portal]
sso_start_url = https://fixture.awsapps.com/start
sso_region = eu-west-1

[profile badrole]
role_arn = arn:aws:iam::1111:role/x y
source_profile = example

[profile goodrole]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = example

[profile chained]
role_arn = arn:aws:iam::111122223333:role/Deep
source_profile = goodrole

[profile to-ghost]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = ghost

[profile loop-a]
role_arn = arn:aws:iam::111122223333:role/A
source_profile = loop-b

[profile loop-b]
role_arn = arn:aws:iam::111122223333:role/B
source_profile = loop-a

[profile keyed-loop]
role_arn = arn:aws:iam::111122223333:role/A
source_profile = keyed-loop
aws_access_key_id = AKIAFIXTURE000000001
aws_secret_access_key = ${secret}

[profile via-process]
role_arn = arn:aws:iam::111122223333:role/A
source_profile = process

[profile process]
credential_process = /opt/creds --password hunter2

[profile env-role]
role_arn = arn:aws:iam::111122223333:role/A
credential_source = Enviroment

[profile settings-only]
region = eu-west-1

[profile half-keys]
aws_access_key_id = AKIAFIXTURE000000001
`;

const credentials = `[example]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = ${exampleSecret}

[good]
aws_access_key_id = AKIAFIXTURE000000001
aws_secret_access_key = ${secret}

[short-id]
aws_access_key_id = test
aws_secret_access_key = ${secret}
`;

const model = buildProfileModel(readStandard({ config, credentials }));
const preflight = (profile: string) => verifyPreflight(model, profile);

function assertNoSecret(text: string): void {
	for (const value of [exampleSecret, secret, 'AKIAIOSFODNN7EXAMPLE', 'AKIAFIXTURE000000001', 'hunter2']) {
		assert.ok(!text.includes(value), `a secret leaked: ${text}`);
	}
}

describe('Verify preflight (the chain as the JS SDK walks it)', () => {
	it('names the missing [sso-session corp] section of an SSO profile', () => {
		const result = preflight('sso-nowhere');
		assert.deepEqual(result.blocking.map((p) => [p.code, p.profile]), [['sso-session-missing', 'sso-nowhere']]);
		assert.match(result.blocking[0].message, /no \[sso-session corp\] section/);
		assert.deepEqual(preflight('sso-ok').blocking, []);
		assert.deepEqual(preflight('sso-token-only').blocking.map((p) => p.code), ['sso-incomplete']);
	});

	it('names both the malformed role ARN and the source profile\'s example keys, each with its own profile', () => {
		const result = preflight('badrole');
		assert.deepEqual(result.blocking.map((p) => [p.code, p.profile]), [['role-arn-format', 'badrole']]);
		assert.deepEqual(result.suspects.map((p) => [p.code, p.profile]), [['example-key', 'example']]);
		assert.match(result.suspects[0].message, /'example' \(whose credentials 'badrole' uses\)/);
		assert.equal(result.signer, 'example');
		assertNoSecret(JSON.stringify(result));
	});

	it('takes the chain\'s first step as the signer, however long the chain', () => {
		assert.deepEqual([preflight('goodrole').signer, preflight('chained').signer, preflight('good').signer], ['example', 'example', 'good']);
		assert.deepEqual(preflight('chained').blocking, []);
		assert.deepEqual(preflight('short-id').suspects.map((p) => p.code), ['key-id-format']);
		assert.deepEqual(preflight('good').suspects, []);
	});

	it('names a missing source profile, a loop, and an unknown credential_source', () => {
		const ghost = preflight('to-ghost').blocking;
		assert.deepEqual(ghost.map((p) => [p.code, p.profile]), [['source-profile-missing', 'to-ghost']]);
		assert.match(ghost[0].message, /names 'ghost', which is not defined/);
		const loop = preflight('loop-a').blocking;
		assert.deepEqual(loop.map((p) => p.code), ['source-profile-cycle']);
		assert.match(loop[0].message, /'loop-a' -> 'loop-b' -> 'loop-a'/);
		assert.deepEqual(preflight('keyed-loop').blocking, [], 'a profile that is its own source uses its own keys');
		assert.deepEqual(preflight('env-role').blocking.map((p) => p.code), ['credential-source-value']);
	});

	it('says why a profile has no credentials, and nothing about a profile it does not know', () => {
		assert.match(preflight('settings-only').blocking[0].message, /'settings-only' has no credentials/);
		assert.match(preflight('half-keys').blocking[0].message, /aws_access_key_id without aws_secret_access_key/);
		assert.deepEqual(preflight('no-such-profile'), { blocking: [], suspects: [] });
	});

	it('hands the credential_process program (never its arguments) to the caller, who looks for it', () => {
		const result = preflight('via-process');
		assert.deepEqual(result.program, { profile: 'process', program: '/opt/creds' });
		const missing = missingProgramProblem(result.program!, 'via-process', 'file');
		assert.equal(missing.profile, 'process');
		assert.match(missing.message, /credential_process of 'process' \(whose credentials 'via-process' uses\) runs "\/opt\/creds", which does not exist/);
		assertNoSecret(missing.message);
	});
});

describe('Verification in the tooltip', () => {
	it('says what IAM refused to show, beside the verified identity', () => {
		const entry = model.profiles.get('good')!;
		const summary = profileSummary(entry, {
			now: 0, active: false,
			verification: { ok: true, at: 0, account: '111122223333', arn: 'arn:aws:iam::111122223333:user/u', message: 'verified', notes: ['IAM did not let this user read its own keys and policies (access-denied).'] },
		});
		assert.match(summary, /Verified .*user\/u`\. IAM did not let this user read its own keys and policies/);
	});
});
