/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The import of an IAM Identity Center organisation, planned (core/ssoImport.ts) and written through the planner's
// `import` operation: names from the template, clashes, a re-run's changes, hand-edited profiles left alone.

import * as assert from 'node:assert/strict';
import { FilePair, planProfileEdit } from '../../src/core/editing/profileEdits';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { ImportPlan, importOperation, planSsoImport, PortalAccount, profileNameFor } from '../../src/core/sessions/ssoImport';
import { readAwsCli } from '../../src/core/readings/awsCliReader';
import { readStandard } from '../../src/core/readings/standardReader';
import { applyEdits } from '../../src/core/text/textEdits';

const session = '[sso-session corp]\nsso_start_url = https://d-123.awsapps.com/start\nsso_region = eu-west-1\n';

function plan(config: string, accounts: readonly PortalAccount[], options: { template?: string; region?: string } = {}): ImportPlan {
	const result = planSsoImport(buildProfileModel(readStandard({ config, credentials: '' })), { session: 'corp', accounts, ...options });
	assert.ok(result.ok, result.ok ? '' : result.reason);
	return result.plan;
}

function write(files: FilePair, operation: ReturnType<typeof importOperation>): FilePair {
	const planned = planProfileEdit(files, operation);
	assert.ok(planned.ok, planned.ok ? '' : planned.message);
	return { config: applyEdits(files.config, planned.edits.config), credentials: applyEdits(files.credentials, planned.edits.credentials) };
}

const names = (profiles: readonly { name: string }[]) => profiles.map((profile) => profile.name);

describe('SSO import: the plan', () => {
	it('names profiles from the default template, lower-cased, with the session\'s region', () => {
		const result = plan(session, [
			{ accountId: '111111111111', accountName: 'Production', roles: ['AdministratorAccess', 'ReadOnly'] },
			{ accountId: '222222222222', accountName: 'Audit Team', roles: ['ReadOnly'] },
		]);
		assert.deepEqual(names(result.add), ['production-administratoraccess', 'production-readonly', 'audit-team-readonly']);
		assert.equal(result.region, 'eu-west-1');
		assert.deepEqual(result.gone, []);
	});

	it('makes unicode and odd account names valid profile names', () => {
		const value = { accountId: '111111111111', roleName: 'Dev', session: 'corp' };
		assert.equal(profileNameFor('{account_name}-{role_name}', { ...value, accountName: 'Ünïcödé Prod (EU)' }), 'unicode-prod-eu-dev');
		assert.equal(profileNameFor('{account_name}-{role_name}', { ...value, accountName: '本番環境' }), '111111111111-dev', 'nothing left of the name: the id');
		assert.equal(profileNameFor('{account_name}-{role_name}', { ...value, accountName: 'a [b] = c # d' }), 'a-b-c-d-dev');
		assert.equal(profileNameFor('{session}/{account_id}:{role_name}', value), 'corp-111111111111-dev');
		assert.equal(profileNameFor('{account_name}', { ...value, accountName: '\n\u2028' }), '111111111111');
	});

	it('resolves clashes with existing profiles (in any case) and between new names by suffixing, never overwriting', () => {
		const config = `${session}\n[profile prod-dev]\nregion = us-east-1\n[profile PROD-DEV-2]\nregion = x\n`;
		const result = plan(config, [
			{ accountId: '111111111111', accountName: 'Prod', roles: ['Dev'] },
			{ accountId: '222222222222', accountName: 'prod', roles: ['dev'] },
			{ accountId: '333333333333', accountName: 'constructor', roles: [] },
		], { template: '{account_name}-{role_name}' });
		assert.deepEqual(names(result.add), ['prod-dev-3', 'prod-dev-4']);
		const reserved = plan(session, [{ accountId: '1', accountName: 'constructor', roles: ['x'] }], { template: '{account_name}' });
		assert.deepEqual(names(reserved.add), ['constructor-2'], 'a name the JS SDK cannot read is skipped');
		const defaultName = plan(session, [{ accountId: '1', accountName: 'Default', roles: ['x'] }], { template: '{account_name}' });
		assert.deepEqual(names(defaultName.add), ['default-2']);
	});

	it('plans nothing for 0 accounts, and refuses an unknown placeholder or session', () => {
		const empty = plan(session, []);
		assert.deepEqual([empty.add, empty.present, empty.gone], [[], [], []]);
		const model = buildProfileModel(readStandard({ config: session, credentials: '' }));
		assert.match((planSsoImport(model, { session: 'corp', accounts: [], template: '{acount}-{role_name}' }) as { reason: string }).reason, /unknown placeholder \{acount\}/);
		assert.match((planSsoImport(model, { session: 'other', accounts: [] }) as { reason: string }).reason, /no \[sso-session other\]/);
		assert.equal(plan(session, [], { region: 'us-west-2' }).region, 'us-west-2');
	});

	it('plans and writes hundreds of accounts in one edit that every reader reads alike', () => {
		const accounts = Array.from({ length: 300 }, (_, index) => ({
			accountId: String(100000000000 + index), accountName: index % 2 ? 'Team' : `Team ${index}`, roles: ['Admin', 'ReadOnly'],
		}));
		const result = plan(session, accounts);
		assert.equal(result.add.length, 600);
		assert.equal(new Set(names(result.add)).size, 600, 'every name is distinct');
		const files = write({ config: session, credentials: '' }, importOperation(result, result.add));
		const standard = readStandard(files);
		assert.equal(standard.profiles.size, 600);
		const cli = readAwsCli(files);
		assert.ok(cli.ok);
		assert.equal(Object.keys(cli.reading.profiles).length, 600);
		const first = standard.profiles.get('team-0-admin')!;
		assert.deepEqual([...first.properties].map(([key, property]) => [key, property.value]),
			[['sso_session', 'corp'], ['sso_account_id', '100000000000'], ['sso_role_name', 'Admin'], ['region', 'eu-west-1']]);
		// A re-run adds nothing: every pair is there.
		const again = plan(files.config, accounts);
		assert.deepEqual([again.add.length, again.present.length, again.gone.length], [0, 600, 0]);
	});
});

describe('SSO import: a re-run', () => {
	const first: PortalAccount[] = [
		{ accountId: '111111111111', accountName: 'Prod', roles: ['Admin', 'ReadOnly'] },
		{ accountId: '222222222222', accountName: 'Dev', roles: ['Admin'] },
	];

	function imported(): FilePair {
		const result = plan(session, first);
		return write({ config: session, credentials: '' }, importOperation(result, result.add));
	}

	it('says what is new and what is gone, and removes a gone profile only when asked', () => {
		const files = imported();
		const result = plan(files.config, [
			{ accountId: '111111111111', accountName: 'Prod', roles: ['Admin'] },
			{ accountId: '333333333333', accountName: 'Audit', roles: ['ReadOnly'] },
		]);
		assert.deepEqual(names(result.add), ['audit-readonly']);
		assert.deepEqual(names(result.present), ['prod-admin']);
		assert.deepEqual(names(result.gone), ['prod-readonly', 'dev-admin']);
		const kept = write(files, importOperation(result, result.add));
		assert.deepEqual([...readStandard(kept).profiles.keys()], ['prod-admin', 'prod-readonly', 'dev-admin', 'audit-readonly']);
		const removed = write(files, importOperation(result, result.add, result.gone));
		assert.deepEqual([...readStandard(removed).profiles.keys()], ['prod-admin', 'audit-readonly']);
	});

	it('leaves alone a profile edited by hand: not gone, not overwritten, and a renamed one still counts', () => {
		let files = imported();
		files = { ...files, config: files.config.replace('[profile prod-readonly]\n', '[profile prod-readonly]\noutput = json\n').replace('[profile dev-admin]', '[profile my-dev]') };
		const result = plan(files.config, [{ accountId: '111111111111', accountName: 'Prod', roles: ['Admin'] }, { accountId: '222222222222', accountName: 'Dev', roles: ['Admin'] }]);
		assert.deepEqual(names(result.add), []);
		assert.deepEqual(names(result.present), ['prod-admin', 'my-dev']);
		assert.deepEqual(names(result.gone), []);
		assert.deepEqual(names(result.goneEdited), ['prod-readonly']);
	});

	it('keeps the rest of the file byte for byte: CRLF, comments, the removed section\'s neighbours', () => {
		const config = '\uFEFF# mine\r\n[sso-session corp]\r\nsso_start_url = https://d-123.awsapps.com/start\r\nsso_region = eu-west-1\r\n\r\n'
			+ '[profile old-admin]\r\nsso_session = corp\r\nsso_account_id = 111111111111\r\nsso_role_name = Admin\r\nregion = eu-west-1\r\n\r\n'
			+ '[profile keep] ; a comment\r\nregion = x\r\n';
		const result = plan(config, [{ accountId: '222222222222', accountName: 'New', roles: ['Dev'] }]);
		assert.deepEqual(names(result.gone), ['old-admin']);
		const after = write({ config, credentials: '' }, importOperation(result, result.add, result.gone));
		assert.equal(after.config, '\uFEFF# mine\r\n[sso-session corp]\r\nsso_start_url = https://d-123.awsapps.com/start\r\nsso_region = eu-west-1\r\n\r\n'
			+ '[profile keep] ; a comment\r\nregion = x\r\n\r\n'
			+ '[profile new-dev]\r\nsso_session = corp\r\nsso_account_id = 222222222222\r\nsso_role_name = Dev\r\nregion = eu-west-1\r\n');
	});

	it('refuses a batch with a name twice or a name that exists, writing nothing', () => {
		const files = imported();
		const result = plan(files.config, [{ accountId: '9', accountName: 'X', roles: ['Y'] }]);
		const twice = planProfileEdit(files, importOperation(result, [result.add[0], result.add[0]]));
		assert.ok(!twice.ok && /given twice/.test(twice.message));
		const taken = planProfileEdit(files, importOperation(result, [{ ...result.add[0], name: 'prod-admin' }]));
		assert.ok(!taken.ok && /already exists/.test(taken.message));
	});
});
