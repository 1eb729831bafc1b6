/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { assertClean, assertFix, findingsOf, lint, summary, textAt } from './lintKit';

const session = '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n';
const profile = (name = 'corp') => `[profile dev]\nsso_session = ${name}\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = eu-west-1\n`;

describe('lint: SSO profiles', () => {
	it('accepts a profile with its sso-session, and a complete legacy profile', () => {
		assertClean({ config: profile() + session });
		assertClean({ config: '[profile old]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n' });
	});

	describe('aws-files/sso-session-missing', () => {
		it('reports an sso_session naming no section, and changes it to a close one', () => {
			const texts = { config: profile('crop') + session };
			const [finding] = findingsOf('aws-files/sso-session-missing', texts);
			assert.equal(finding.severity, 'error');
			assert.equal(textAt(texts, finding), 'crop');
			assertFix('aws-files/sso-session-missing', texts, { config: profile() + session }, { title: 'Change to \'corp\'' });
		});

		it('creates the section, with the start URL and region the profile has', () => {
			const legacy = '[profile dev]\nsso_session = corp\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n'
				+ 'sso_account_id = 123456789012\nsso_role_name = ReadOnly\n';
			assertFix('aws-files/sso-session-missing', { config: legacy }, { config: `${legacy}\n${session}` }, { title: 'Create [sso-session corp] in the config file' });
		});

		it('creates an empty section to fill in otherwise', () => {
			const texts = { config: profile() };
			const [finding] = findingsOf('aws-files/sso-session-missing', texts);
			const create = finding.fixes?.find((fix) => fix.title.startsWith('Create'));
			assert.ok(create?.kind === 'edits');
			assert.equal(create.edits[0].edits[0].content, '\n[sso-session corp]\nsso_start_url =\nsso_region =\nsso_registration_scopes = sso:account:access\n');
		});
	});

	describe('aws-files/sso-incomplete', () => {
		it('reports a legacy profile missing one of its four keys', () => {
			const texts = { config: '[profile old]\nsso_start_url = https://corp.awsapps.com/start\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n' };
			const [finding] = findingsOf('aws-files/sso-incomplete', texts);
			assert.equal(finding.severity, 'error');
			assert.match(finding.message, /lacks sso_region/);
		});

		it('reports an account without a role, and a session without its region', () => {
			const texts = { config: '[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n' };
			assert.deepEqual(findingsOf('aws-files/sso-incomplete', texts).map((finding) => finding.range.line), [2, 3]);
		});

		it('removes a start URL that contradicts the session\'s', () => {
			const texts = { config: profile().replace('sso_session = corp\n', 'sso_session = corp\nsso_start_url = https://other.awsapps.com/start\n') + session };
			assertFix('aws-files/sso-incomplete', texts, { config: profile() + session });
		});
	});

	describe('aws-files/services-missing', () => {
		it('reports services naming no [services] section, and fixes a typo', () => {
			const services = '[services local]\ns3 =\n  endpoint_url = http://localhost:4566\n';
			const texts = { config: '[profile dev]\nregion = us-east-1\nservices = locla\n' + services };
			assert.equal(findingsOf('aws-files/services-missing', texts)[0].severity, 'error');
			assertFix('aws-files/services-missing', texts, { config: '[profile dev]\nregion = us-east-1\nservices = local\n' + services });
		});

		it('creates the missing [services] section, with an example of what goes in it', () => {
			const texts = { config: '[profile dev]\nregion = us-east-1\nservices = local-stack\n' };
			const [finding] = findingsOf('aws-files/services-missing', texts);
			assert.deepEqual(finding.fixes?.map((fix) => fix.title), ['Create [services local-stack] in the config file']);
			assertFix('aws-files/services-missing', texts, {
				config: '[profile dev]\nregion = us-east-1\nservices = local-stack\n\n[services local-stack]\n# s3 =\n#   endpoint_url = http://localhost:4566\n',
			});
		});

		it('is quiet when the section exists', () => {
			assert.deepEqual(summary(lint({ config: '[profile dev]\nservices = local\n[services local]\ns3 =\n  endpoint_url = http://localhost:4566\n' })), []);
		});
	});
});
