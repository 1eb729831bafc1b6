/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { displayName, displayValue, isSecretKey, looksRandom, looksSecret, maskSecretsIn } from '../../src/core/display/secretMasking';
import { random as seededRandom } from './seededRandom';

// The one masking rule, by tables: what must be masked wherever it is pasted, and what must still be shown
// as written (a message that hides every value would hide the mistake it is about).

const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const sessionToken = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0AiBzZWNyZXRzZWNyZXRzZWNyZXRzZWNyZXRzZWNyZXQqmgIIExAAGgw5ODc2NTQzMjEwOTgiDNvq3b7qOjNhZGVmYWJjZGVmYWJjZGVm';

/** [value, what must not remain of it in the display] */
const mustMask: readonly (readonly [string, string])[] = [
	[secretKey, 'MDENG'],
	['Ab3/xY9+Qw7zK2mN5pL8rT1vS4uW6yB0cD3eF5gH', 'Qw7zK2mN'],
	[sessionToken, 'IQoJb3JpZ2lu'],
	['ghp_Tfh5lF0VzcmmjNm0wMGSVPGqEtnIuOd9nw9T', 'Tfh5lF0V'],
	['5614d71387a4e441468e2282a9aa0ae058fb3f2a', '5614d713'],
	['22711980-cb8f-4fb2-bf3f-b0941d082592', 'cb8f-4fb2'],
	['xoxb-123456789012-1234567890123-LKNI14DVOm6UOXfGRB8nKarS', 'LKNI14DV'],
	['k3JqX9vLm2PzR7tW', 'k3JqX9vL'],
	['https://alice:hunter2pw@portal.example.com/start', 'hunter2pw'],
	['https://ghtoken123@github.com/org/repo', 'ghtoken123'],
	['/usr/bin/fetch-creds --password hunter2pw --profile dev', 'hunter2pw'],
	['fetch-creds --password="two words" dev', 'two words'],
	['fetch-creds --api-key hunter2pw', 'hunter2pw'],
	['fetch-creds --api_key=hunter2pw', 'hunter2pw'],
	['fetch-creds --token hunter2pw', 'hunter2pw'],
	['fetch-creds --client-secret hunter2pw', 'hunter2pw'],
	['fetch-creds --pass hunter2pw', 'hunter2pw'],
	['curl -s -u admin:hunter2pw https://vault.example.com/creds', 'hunter2pw'],
	['curl --user=admin:hunter2pw https://vault.example.com/creds', 'hunter2pw'],
	['curl -H "Authorization: Bearer hunter2pw" https://x', 'hunter2pw'],
	['PASSWORD=hunter2pw fetch-creds', 'hunter2pw'],
	['env DB_PASS=hunter2pw fetch-creds', 'hunter2pw'],
	['GITHUB_TOKEN="hunter 2pw" fetch', 'hunter 2pw'],
	['{"password": "hunter2pw"}', 'hunter2pw'],
	['api_key: hunter2pw', 'hunter2pw'],
	['x\naws_session_token = hunter2pw', 'hunter2pw'],
	['https://example.com/?X-Amz-Security-Token=hunter2pw&a=b', 'hunter2pw'],
	['AKIAIOSFODNN7EXAMPLE', 'IOSFODNN7EXA'],
];

/** Values people write: shown as written. */
const mustShow: readonly string[] = [
	'us-east-1', 'eu-west-2', 'us-gov-west-1', 'cn-north-1',
	'arn:aws:iam::123456789012:role/OrganizationAccountAccessRole',
	'arn:aws:iam::123456789012:role/service-role/MyRole2024',
	'arn:aws:iam::123456789012:mfa/john.doe',
	'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
	'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_1234abcd5678ef90',
	'https://my-sso-portal.awsapps.com/start', 'https://d-90671e2a3b.awsapps.com/start#/', 'http://localhost:4566',
	'AdministratorAccess', 'PowerUserAccess', 'AmazonEC2ContainerRegistryReadOnly', 'DeveloperReadOnlyAccess2',
	'ProdAccountAdminRoleV2Test', 'my-stack-LambdaRole-ABCDEF123456', 'cdk-hnb659fds-deploy-role-123456789012-us-east-1',
	'123456789012', '3600', 'json', 'table', 'Ec2InstanceMetadata', 'sso:account:access',
	'/home/user2024/projects/app-v2/config', '~/.aws/web-identity-token', 'C:\\Users\\JohnSmith\\AppData\\Roaming\\aws-vault',
	'/usr/local/lib/node_modules/aws-sso-credential-process/bin/run',
	'client-1-prod', 'team-platform-production-admin', 'team-a1-prod-eu-west-1', 'client1-prod2-eu3-admin4',
	'myCompanyDevelopmentAccount', 's3-bucket-name-2024-01-15-backup', 'github-actions-ci-2', 'i-0123456789abcdef0',
	'aws-vault export --format=json dev', 'aws-sso-util credential-process --profile dev',
	'/opt/bin/creds --profile-name dev --region us-east-1 --duration-seconds 3600',
	'GAHT12345678', 'AROA3XFRBF535PLBIFPI4', 'x86_64-unknown-linux-gnu',
	'passthrough=yes', 'compass: north', '2024-01-15T10:30:00Z',
];

describe('Secret masking by shape', () => {
	for (const [value, fragment] of mustMask) {
		it(`masks ${JSON.stringify(value.slice(0, 48))}`, () => {
			for (const key of ['region', 'output', 'role_arn', 'sso_start_url', 'credential_process', 'note']) {
				const shown = displayValue(key, value);
				assert.ok(!shown.includes(fragment), `${key}: ${shown}`);
			}
			assert.ok(!maskSecretsIn(`before ${value} after`).includes(fragment), 'inside a sentence');
			assert.equal(looksSecret(value), true);
		});
	}

	it('shows the values people write as they are', () => {
		for (const value of mustShow) {
			assert.equal(displayValue('note', value), value);
			assert.equal(maskSecretsIn(`"${value}" is not a region`), `"${value}" is not a region`);
		}
	});

	it('keeps what a masked value has around the secret: the host, the option, the user', () => {
		assert.equal(displayValue('sso_start_url', 'https://alice:pw1@portal.example.com/start'), 'https://****@portal.example.com/start');
		assert.equal(displayValue('credential_process', 'creds --password pw1 --profile dev'), 'creds --password **** --profile dev');
		assert.equal(displayValue('credential_process', 'curl -u admin:pw1 https://x/y'), 'curl -u admin:**** https://x/y');
		assert.equal(displayValue('credential_process', 'PASSWORD=pw1 creds'), 'PASSWORD=**** creds');
		assert.equal(displayValue('region', secretKey), '****');
		assert.equal(displayValue('note', 'key AKIAIOSFODNN7EXAMPLE here'), 'key AKIA****MPLE here');
	});

	it('masks under misspelt secret keys, whatever the value', () => {
		for (const key of ['aws_session_tok', 'aws_sesion_token', 'aws_secret_acess_key', 'aws_scret_access_key', 'AWS_SESSION_TOKN', 'aws_secrt_access_ky']) {
			assert.equal(isSecretKey(key), true, key);
			assert.equal(displayValue(key, 'short'), '****', key);
		}
		for (const key of ['aws_access_key_id', 'region', 'role_session_name', 'web_identity_token_file', 'sso_session', 'source_profile', 'duration_seconds']) {
			assert.equal(isSecretKey(key), false, key);
		}
	});

	it('masks a profile name shaped like a secret, and only that', () => {
		assert.equal(displayName('team-platform-production-admin'), 'team-platform-production-admin');
		assert.equal(displayName('Ab3xY9Qw7zK2mN5pL8rT1vS4uW6yB0cD3eF5gHjK'), '****');
		assert.equal(displayName('AKIAIOSFODNN7EXAMPLE'), 'AKIA****MPLE');
	});

	it('catches random base64 and hex of 40 characters or more every time, and of 20 characters more than eight times in ten', () => {
		const random = seededRandom(18);
		const draw = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
		const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
		let caught20 = 0;
		for (let i = 0; i < 2000; i++) {
			assert.equal(looksRandom(draw(base64, 40)), true);
			assert.equal(looksRandom(draw(base64, 300)), true);
			assert.equal(looksRandom(draw('0123456789abcdef', 40).replace(/^/, '1a')), true);
			caught20 += looksRandom(draw(base64, 20)) ? 1 : 0;
		}
		assert.ok(caught20 > 1600, String(caught20));
	});

	it('catches a secret seen in one case, as a pasted secret is when it stands as a key (the readers lower-case keys)', () => {
		const random = seededRandom(19);
		const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
		const draw = () => Array.from({ length: 40 }, () => alphanumeric[Math.floor(random() * alphanumeric.length)]).join('');
		for (let i = 0; i < 2000; i++) {
			const secret = draw();
			if (/[0-9]/.test(secret)) {
				assert.equal(displayName(secret.toLowerCase()), '****', secret.toLowerCase());
			}
		}
		// Names written in words stay, however long.
		assert.equal(displayName('organizationaccountaccessrole'), 'organizationaccountaccessrole');
		assert.equal(displayName('sso_registration_scopes_for_the_whole_team_2024'), 'sso_registration_scopes_for_the_whole_team_2024');
	});

});
