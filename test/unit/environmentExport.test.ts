/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
	credentialsInFile, credentialVariables, environmentExport, shellFormOf,
} from '../../src/core/editing/environmentExport';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { fakeProfileSet } from './fakeProfileSet';

const keys = { accessKeyId: 'AKIAFIXTURE000000001', secretAccessKey: 'fixture/Secret+0000000000000000000000001' };
/** Values a shell would read as code or split if they were not quoted: none is a real credential. */
const hostile = ['it\'s', 'a b', '$HOME', '`id`', '$(id)', '"q"', '\\n', '*', 'a;b', '&|<>^', '\'\'\'', 'ü€'];

/** What the POSIX shell `shell` sets each variable to after running the copied lines. */
function posixValues(shell: string, text: string, names: readonly string[]): string[] {
	const script = `${text}${names.map((name) => `printf '%s\\0' "$${name}"\n`).join('')}`;
	const args = shell === 'bash' ? ['--norc', '--noprofile', '-c', script] : ['-c', script];
	return execFileSync(shell, args, { encoding: 'utf8', env: { PATH: process.env.PATH } }).split('\0').slice(0, -1);
}

describe('Copy as environment variables', () => {
	it('writes the variables the SDKs read, the optional ones only when known', () => {
		assert.deepEqual(credentialVariables(keys).map((v) => v.name), ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
		const all = credentialVariables({ ...keys, sessionToken: 'token', region: 'eu-west-1', expiration: Date.UTC(2026, 0, 2, 12, 42) });
		assert.deepEqual(all, [
			{ name: 'AWS_ACCESS_KEY_ID', value: keys.accessKeyId },
			{ name: 'AWS_SECRET_ACCESS_KEY', value: keys.secretAccessKey },
			{ name: 'AWS_SESSION_TOKEN', value: 'token' },
			{ name: 'AWS_REGION', value: 'eu-west-1' },
			{ name: 'AWS_CREDENTIAL_EXPIRATION', value: '2026-01-02T12:42:00.000Z' },
		]);
	});

	it('writes POSIX export lines, PowerShell $Env: lines and cmd set lines', () => {
		const variables = credentialVariables({ ...keys, region: 'eu-west-1' });
		const text = (shell: 'posix' | 'powershell' | 'cmd') => {
			const result = environmentExport(variables, shell);
			assert.ok(result.ok);
			assert.deepEqual(result.names, ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']);
			return result.text;
		};
		assert.equal(text('posix'), `export AWS_ACCESS_KEY_ID='${keys.accessKeyId}'\nexport AWS_SECRET_ACCESS_KEY='${keys.secretAccessKey}'\nexport AWS_REGION='eu-west-1'\n`);
		assert.equal(text('powershell'), `$Env:AWS_ACCESS_KEY_ID = '${keys.accessKeyId}'\n$Env:AWS_SECRET_ACCESS_KEY = '${keys.secretAccessKey}'\n$Env:AWS_REGION = 'eu-west-1'\n`);
		assert.equal(text('cmd'), `set "AWS_ACCESS_KEY_ID=${keys.accessKeyId}"\nset "AWS_SECRET_ACCESS_KEY=${keys.secretAccessKey}"\nset "AWS_REGION=eu-west-1"\n`);
	});

	for (const shell of ['sh', 'bash']) {
		it(`quotes every value so that ${shell} sets it as written (run in ${shell})`, () => {
			const variables = hostile.map((value, i) => ({ name: `AWS_FIXTURE_${i}`, value }));
			const result = environmentExport(variables, 'posix');
			assert.ok(result.ok);
			assert.deepEqual(posixValues(shell, result.text, result.names), hostile);
		});
	}

	it('doubles the single quotes, typographic ones included, for PowerShell', () => {
		const result = environmentExport([{ name: 'AWS_SESSION_TOKEN', value: 'it\'s \u2019$x`' }], 'powershell');
		assert.ok(result.ok);
		assert.equal(result.text, '$Env:AWS_SESSION_TOKEN = \'it\'\'s \u2019\u2019$x`\'\n');
	});

	it('refuses what a shell cannot quote, naming the variable and never the value', () => {
		for (const value of ['100%', 'bang!', 'a"b']) {
			const result = environmentExport([{ name: 'AWS_SESSION_TOKEN', value }], 'cmd');
			assert.ok(!result.ok, value);
			assert.match(result.reason, /^AWS_SESSION_TOKEN holds a character that Command Prompt \(set\) cannot take/);
			assert.ok(!result.reason.includes(value));
		}
		for (const shell of ['posix', 'powershell', 'cmd'] as const) {
			for (const value of ['line\nrm -rf ~', 'cr\r', 'nul\u0000', 'ls\u2028x']) {
				const result = environmentExport([{ name: 'AWS_SECRET_ACCESS_KEY', value }], shell);
				assert.ok(!result.ok, `${shell} ${JSON.stringify(value)}`);
				assert.ok(!result.reason.includes(value));
			}
		}
	});

	it('takes the shell from the setting, else PowerShell on Windows and a POSIX shell elsewhere', () => {
		assert.equal(shellFormOf('cmd', 'linux'), 'cmd');
		assert.equal(shellFormOf('posix', 'win32'), 'posix');
		assert.equal(shellFormOf('auto', 'win32'), 'powershell');
		assert.equal(shellFormOf(undefined, 'darwin'), 'posix');
		assert.equal(shellFormOf('fish', 'linux'), 'posix');
	});

	it('copies the keys written in a profile with its region and written expiry; a role has none in the file', () => {
		const model = buildProfileModel(fakeProfileSet({
			profiles: {
				temp: { aws_access_key_id: 'ASIAFIXTURE000000001', aws_secret_access_key: 'fixtureSecret', aws_session_token: 'fixtureToken', aws_expiration: '2026-01-02T12:42:00Z', region: 'eu-west-1' },
				role: { role_arn: 'arn:aws:iam::111122223333:role/Admin', source_profile: 'temp' },
			},
		}));
		assert.deepEqual(credentialsInFile(model.profiles.get('temp')!), {
			accessKeyId: 'ASIAFIXTURE000000001', secretAccessKey: 'fixtureSecret', sessionToken: 'fixtureToken', region: 'eu-west-1', expiration: Date.UTC(2026, 0, 2, 12, 42),
		});
		assert.equal(credentialsInFile(model.profiles.get('role')!), undefined);
	});
});
