/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { FilePair, planProfileEdit, ProfileOperation } from '../../src/core/editing/profileEdits';
import { applyEdits } from '../../src/core/text/textEdits';

/** The two files after the operation, or the refusal's message. */
function edit(files: Partial<FilePair>, operation: ProfileOperation): FilePair | string {
	const pair = { config: files.config ?? '', credentials: files.credentials ?? '' };
	const plan = planProfileEdit(pair, operation);
	if (!plan.ok) {
		return plan.message;
	}
	return { config: applyEdits(pair.config, plan.edits.config), credentials: applyEdits(pair.credentials, plan.edits.credentials) };
}

function refusal(result: FilePair | string): string {
	assert.equal(typeof result, 'string', 'expected the operation to be refused');
	return result as string;
}

describe('Profile edits', () => {
	describe('add', () => {
		it('writes static keys to the credentials file and the rest to the config file, as aws configure does', () => {
			const result = edit({ config: '# mine\n[default]\nregion = us-east-1\n', credentials: '' }, {
				op: 'add',
				profile: { kind: 'static', name: 'dev', accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 's'.repeat(40), region: 'eu-west-1', output: 'json' },
			});
			assert.deepEqual(result, {
				config: '# mine\n[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\noutput = json\n',
				credentials: `[dev]\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\naws_secret_access_key = ${'s'.repeat(40)}\n`,
			});
		});

		it('writes [default] without the profile prefix', () => {
			const result = edit({}, { op: 'add', profile: { kind: 'credential-process', name: 'default', command: '/bin/creds' } }) as FilePair;
			assert.equal(result.config, '[default]\ncredential_process = /bin/creds\n');
			assert.equal(result.credentials, '');
		});

		it('keeps CRLF line endings and a file without a final newline', () => {
			const result = edit({ config: '[default]\r\nregion = x' }, { op: 'add', profile: { kind: 'credential-process', name: 'p', command: 'c' } }) as FilePair;
			assert.equal(result.config, '[default]\r\nregion = x\r\n\r\n[profile p]\r\ncredential_process = c\r\n');
		});

		it('keeps a byte order mark', () => {
			const result = edit({ credentials: '\uFEFF' }, { op: 'add', profile: { kind: 'static', name: 'a', accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'x'.repeat(40) } }) as FilePair;
			assert.ok(result.credentials.startsWith('\uFEFF[a]\n'));
		});

		it('adds an assume-role profile naming its source', () => {
			const result = edit({ credentials: '[base]\naws_access_key_id = A\naws_secret_access_key = B\n' }, {
				op: 'add',
				profile: { kind: 'assume-role', name: 'admin', roleArn: 'arn:aws:iam::123456789012:role/Admin', source: { sourceProfile: 'base' }, mfaSerial: 'arn:aws:iam::123456789012:mfa/me', durationSeconds: 3600 },
			}) as FilePair;
			assert.equal(result.config, '[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/me\nduration_seconds = 3600\n');
		});

		it('adds an SSO profile with a new sso-session, spaced as one block', () => {
			const result = edit({ config: '[default]\nregion = x\n' }, {
				op: 'add',
				profile: { kind: 'sso', name: 'team', session: { name: 'corp', startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1', scopes: 'sso:account:access' }, accountId: '123456789012', roleName: 'ReadOnly' },
			}) as FilePair;
			assert.equal(result.config, '[default]\nregion = x\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n\n[profile team]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n');
		});

		it('refuses a name that is taken, in either file', () => {
			assert.match(refusal(edit({ credentials: '[dev]\nx = 1\n' }, { op: 'add', profile: { kind: 'credential-process', name: 'dev', command: 'c' } })), /already exists/);
		});

		for (const name of ['a]b', 'a[b', 'two words', 'line\nbreak', '', ' padded']) {
			it(`refuses the name ${JSON.stringify(name)} and writes nothing`, () => {
				refusal(edit({}, { op: 'add', profile: { kind: 'credential-process', name, command: 'c' } }));
			});
		}

		it('refuses a value with a newline without echoing the secret', () => {
			const secret = 'abc\nrole_arn = evil';
			const message = refusal(edit({}, { op: 'add', profile: { kind: 'static', name: 'a', accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: secret } }));
			assert.ok(!message.includes('abc') && !message.includes('evil'));
		});

		it('refuses a missing source profile or sso-session', () => {
			assert.match(refusal(edit({}, { op: 'add', profile: { kind: 'assume-role', name: 'r', roleArn: 'arn:aws:iam::1:role/x', source: { sourceProfile: 'nope' } } })), /source profile/);
			assert.match(refusal(edit({}, { op: 'add', profile: { kind: 'sso', name: 's', session: { name: 'nope' }, accountId: '1', roleName: 'r' } })), /sso-session/);
		});
	});

	describe('set', () => {
		it('replaces only the value, keeping spacing', () => {
			const result = edit({ config: '[profile a]\nregion\t=  us-east-1\n' }, { op: 'set', profile: 'a', key: 'region', value: 'eu-west-1' }) as FilePair;
			assert.equal(result.config, '[profile a]\nregion\t=  eu-west-1\n');
		});

		it('moves an inline comment to its own line above, where every reader takes it for a comment (issue 18)', () => {
			// The AWS CLI reads `eu-west-1   # main` as the value; the SDKs read `eu-west-1`.
			const result = edit({ config: '[profile a]\nregion\t=  us-east-1   # main\n' }, { op: 'set', profile: 'a', key: 'region', value: 'eu-west-1' }) as FilePair;
			assert.equal(result.config, '[profile a]\n# main\nregion\t=  eu-west-1\n');
			const crlf = edit({ config: '[profile a]\r\nregion = us-east-1 ;main' }, { op: 'set', profile: 'a', key: 'region', value: 'eu-west-1' }) as FilePair;
			assert.equal(crlf.config, '[profile a]\r\n;main\r\nregion = eu-west-1');
		});

		it('sets the definition that wins: the last one, in the credentials file before the config file', () => {
			const result = edit({
				config: '[profile a]\nregion = 1\n',
				credentials: '[a]\nregion = 2\nREGION = 3\n',
			}, { op: 'set', profile: 'a', key: 'region', value: '4' }) as FilePair;
			assert.equal(result.credentials, '[a]\nregion = 2\nREGION = 4\n');
			assert.equal(result.config, '[profile a]\nregion = 1\n');
		});

		it('adds a missing key at the end of the section, before the blank line and the next section', () => {
			const result = edit({ config: '[profile a]\nregion = x\n\n# next\n[profile b]\n' }, { op: 'set', profile: 'a', key: 'output', value: 'json' }) as FilePair;
			assert.equal(result.config, '[profile a]\nregion = x\noutput = json\n\n# next\n[profile b]\n');
		});

		it('puts a new secret in the credentials file, creating its section', () => {
			const result = edit({ config: '[profile a]\nregion = x\n' }, { op: 'set', profile: 'a', key: 'aws_session_token', value: 'tok' }) as FilePair;
			assert.equal(result.credentials, '[a]\naws_session_token = tok\n');
			assert.equal(result.config, '[profile a]\nregion = x\n');
		});

		it('replaces a value with continuation lines as a whole, keeping CRLF', () => {
			const result = edit({ config: '[profile a]\r\ns3 =\r\n  addressing_style = path\r\nregion = x\r\n' }, { op: 'set', profile: 'a', key: 's3', value: 'none' }) as FilePair;
			assert.equal(result.config, '[profile a]\r\ns3 = none\r\nregion = x\r\n');
		});

		it('writes to [profile default] when it hides [default]', () => {
			const result = edit({ config: '[default]\nregion = a\n[profile default]\nregion = b\n' }, { op: 'set', profile: 'default', key: 'region', value: 'c' }) as FilePair;
			assert.equal(result.config, '[default]\nregion = a\n[profile default]\nregion = c\n');
		});

		it('refuses a missing profile', () => {
			assert.match(refusal(edit({}, { op: 'set', profile: 'x', key: 'region', value: 'y' })), /no profile named 'x'/);
		});
	});

	describe('remove', () => {
		it('removes every definition of the key, whatever its case, with its continuation lines', () => {
			const result = edit({ config: '[profile a]\nRegion = 1\ns3 =\n  x = y\nregion = 2\n# keep\n' }, { op: 'remove', profile: 'a', key: 'region' }) as FilePair;
			assert.equal(result.config, '[profile a]\ns3 =\n  x = y\n# keep\n');
		});

		it('refuses when nothing is set', () => {
			assert.match(refusal(edit({ config: '[profile a]\n' }, { op: 'remove', profile: 'a', key: 'region' })), /does not set/);
		});
	});

	describe('rename', () => {
		it('renames the headers in both files and the source_profile references, and nothing else', () => {
			const result = edit({
				config: '[profile  old ]\nregion = x\n[profile child]\nsource_profile = old\nrole_arn = arn:aws:iam::1:role/r\n[profile other]\nsource_profile = older\n',
				credentials: '[old]\naws_access_key_id = A\n',
			}, { op: 'rename', from: 'old', to: 'new' }) as FilePair;
			assert.equal(result.config, '[profile  new ]\nregion = x\n[profile child]\nsource_profile = new\nrole_arn = arn:aws:iam::1:role/r\n[profile other]\nsource_profile = older\n');
			assert.equal(result.credentials, '[new]\naws_access_key_id = A\n');
		});

		it('refuses a taken name and the default profile', () => {
			assert.match(refusal(edit({ credentials: '[a]\nx = 1\n[b]\nx = 1\n' }, { op: 'rename', from: 'a', to: 'b' })), /already exists/);
			assert.match(refusal(edit({ credentials: '[default]\nx = 1\n' }, { op: 'rename', from: 'default', to: 'b' })), /default/);
		});
	});

	describe('delete', () => {
		it('deletes every section of the profile in both files, with the blank lines after them', () => {
			const result = edit({
				config: '# top\n[profile a]\nregion = x\n\n[profile b]\nregion = y\n\n[profile a]\noutput = json\n',
				credentials: '[b]\nk = v\n\n[a]\nk = v\n',
			}, { op: 'delete', profile: 'a' }) as FilePair;
			assert.equal(result.config, '# top\n[profile b]\nregion = y\n\n');
			assert.equal(result.credentials, '[b]\nk = v\n\n');
		});

		it('refuses a missing profile', () => {
			assert.match(refusal(edit({ config: '[profile a]\n' }, { op: 'delete', profile: 'b' })), /no profile named 'b'/);
		});
	});

	describe('issue 18: edits that would change what other tools read', () => {
		const ci = { config: '[profile ci]\nregion = us-east-1\n', credentials: '[ci]\naws_access_key_id = AKIACIEXAMPLE0000000\n' };
		it('refuses DEFAULT on add, rename to, and set', () => {
			assert.match(refusal(edit(ci, { op: 'add', profile: { kind: 'credential-process', name: 'DEFAULT', command: 'c' } })), /DEFAULT/);
			assert.match(refusal(edit(ci, { op: 'rename', from: 'ci', to: 'DEFAULT' })), /DEFAULT/);
			assert.match(refusal(edit({ credentials: '[DEFAULT]\nregion = x\n' }, { op: 'set', profile: 'DEFAULT', key: 'output', value: 'json' })), /DEFAULT/);
		});
		it('refuses keys with ":" or upper case, and empty values', () => {
			assert.match(refusal(edit(ci, { op: 'set', profile: 'ci', key: 'a:b', value: 'v' })), /":"/);
			assert.match(refusal(edit(ci, { op: 'set', profile: 'ci', key: 'Region', value: 'v' })), /lower case/);
			assert.match(refusal(edit(ci, { op: 'set', profile: 'ci', key: 'role_arn', value: '' })), /role_arn needs a value/);
			assert.match(refusal(edit({}, { op: 'add', profile: { kind: 'credential-process', name: 'p', command: '' } })), /credential_process needs a value/);
		});
		it('keeps comment lines inside a continued value it replaces', () => {
			const result = edit({ config: '[profile a]\nnote = x\n# keep me\n  more\n' }, { op: 'set', profile: 'a', key: 'note', value: 'y' }) as FilePair;
			assert.equal(result.config, '[profile a]\nnote = y\n# keep me\n');
		});
		it('refuses an edit of a section the AWS CLI reads under another name', () => {
			assert.match(refusal(edit({ credentials: '[a]\nx = 1\n[ a ]\nregion = 2\n' }, { op: 'remove', profile: 'a', key: 'region' })), /refused/);
		});
	});
});
