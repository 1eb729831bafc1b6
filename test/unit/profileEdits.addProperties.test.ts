/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The planner's `add-properties`: a new profile of any keys (the CLI's `add`, and `set` on a new profile),
// under the same rules as `add`.

import * as assert from 'node:assert/strict';
import { FilePair, fileForNewProperty, planProfileEdit, ProfileOperation } from '../../src/core/editing/profileEdits';
import { applyEdits } from '../../src/core/text/textEdits';

function edit(files: Partial<FilePair>, operation: ProfileOperation): FilePair | string {
	const pair = { config: files.config ?? '', credentials: files.credentials ?? '' };
	const plan = planProfileEdit(pair, operation);
	return plan.ok
		? { config: applyEdits(pair.config, plan.edits.config), credentials: applyEdits(pair.credentials, plan.edits.credentials) }
		: plan.message;
}

const secret = 'Zx4Cv8Bn1Mq5Wr9Ty3Ui7Op2As6Df0Gh4Jk8Lz1X';

describe('Profile edits: add-properties', () => {
	it('writes each key where aws configure writes it, in the order given', () => {
		const result = edit({ config: '[default]\nregion = x\n', credentials: '# keys\n' }, {
			op: 'add-properties',
			profile: 'ci',
			properties: [['region', 'eu-west-1'], ['aws_secret_access_key', secret], ['aws_access_key_id', 'AKIAEXAMPLEEXAMPLE00'], ['cli_pager', 'less']],
		});
		assert.deepEqual(result, {
			config: '[default]\nregion = x\n\n[profile ci]\nregion = eu-west-1\ncli_pager = less\n',
			credentials: `# keys\n\n[ci]\naws_secret_access_key = ${secret}\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\n`,
		});
		assert.deepEqual(['aws_session_token', 'aws_security_token', 'region', 'credential_process'].map(fileForNewProperty),
			['credentials', 'credentials', 'config', 'config']);
	});

	it('writes [default] without the profile prefix, and only the files that get a key', () => {
		assert.deepEqual(edit({}, { op: 'add-properties', profile: 'default', properties: [['output', 'json']] }), { config: '[default]\noutput = json\n', credentials: '' });
	});

	it('refuses a name taken, a key given twice, no key, a missing source profile, an invalid key or value, quoting no value', () => {
		const files = { credentials: '[dev]\naws_access_key_id = A\n' };
		const refusals: [ProfileOperation, RegExp][] = [
			[{ op: 'add-properties', profile: 'dev', properties: [['region', 'x']] }, /already exists/],
			[{ op: 'add-properties', profile: 'ci', properties: [['aws_secret_access_key', secret], ['aws_secret_access_key', secret]] }, /given twice/],
			[{ op: 'add-properties', profile: 'ci', properties: [['AWS_SECRET_ACCESS_KEY', secret]] }, /lower case/],
			[{ op: 'add-properties', profile: 'ci', properties: [['cli_pager', '']] }, /empty/],
			[{ op: 'add-properties', profile: 'DEFAULT', properties: [['region', 'x']] }, /DEFAULT/],
			[{ op: 'add-properties', profile: 'ci', properties: [] }, /at least one property/],
			[{ op: 'add-properties', profile: 'ci', properties: [['source_profile', 'nobody'], ['role_arn', 'arn:aws:iam::1:role/x']] }, /source profile 'nobody' does not exist/],
			[{ op: 'add-properties', profile: 'ci', properties: [['sso_session', 'nobody'], ['sso_account_id', '123456789012']] }, /no sso-session named 'nobody'/],
			[{ op: 'add-properties', profile: 'ci', properties: [['bad key', 'x']] }, /property key/],
			[{ op: 'add-properties', profile: 'ci', properties: [['aws_secret_access_key', `${secret}\nregion = evil`]] }, /line break/],
			[{ op: 'add-properties', profile: 'a]b', properties: [['region', 'x']] }, /bracket/],
		];
		for (const [operation, reason] of refusals) {
			const message = edit(files, operation);
			assert.equal(typeof message, 'string', JSON.stringify(operation));
			assert.match(message as string, reason);
			assert.ok(!(message as string).includes(secret.slice(0, 8)));
		}
		assert.equal(typeof edit(files, { op: 'add-properties', profile: 'ci', properties: [['source_profile', 'dev'], ['role_arn', 'arn:aws:iam::1:role/x']] }), 'object');
		assert.equal(typeof edit({ config: '[sso-session corp]\nsso_region = eu-west-1\n' }, { op: 'add-properties', profile: 'ci', properties: [['sso_session', 'corp']] }), 'object');
	});
});
