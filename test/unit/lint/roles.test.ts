/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { assertClean, assertFix, findingsOf, keys, textAt } from './lintKit';

const roleArn = 'arn:aws:iam::123456789012:role/Deploy';

function role(lines: string): { config: string; credentials: string } {
	return { config: `[profile deploy]\nregion = us-east-1\n${lines}`, credentials: keys('base') };
}

describe('lint: assume-role profiles', () => {
	it('accepts a role with a source profile, and one with a credential source', () => {
		assertClean(role(`role_arn = ${roleArn}\nsource_profile = base\n`));
		assertClean(role('role_arn = arn:aws-us-gov:iam::123456789012:role/path/to/Deploy\ncredential_source = Ec2InstanceMetadata\n'));
	});

	describe('aws-files/source-profile-missing', () => {
		const texts = role(`role_arn = ${roleArn}\nsource_profile = bsae\n`);

		it('reports a source_profile naming no profile, as an error on its value', () => {
			const [finding] = findingsOf('aws-files/source-profile-missing', texts);
			assert.equal(finding.severity, 'error');
			assert.equal(textAt(texts, finding), 'bsae');
			assert.match(finding.message, /Did you mean 'base'\?/);
		});

		it('changes it to the close profile name', () => {
			assertFix('aws-files/source-profile-missing', texts, { config: `[profile deploy]\nregion = us-east-1\nrole_arn = ${roleArn}\nsource_profile = base\n` });
		});

		it('offers to add the missing profile with Add AWS Profile (its keys are the user\'s to type)', () => {
			const missing = role(`role_arn = ${roleArn}\nsource_profile = shared-keys\n`);
			const [finding] = findingsOf('aws-files/source-profile-missing', missing);
			assert.deepEqual(finding.fixes, [{ kind: 'action', title: 'Add AWS Profile \'shared-keys\'...', action: { kind: 'add-profile', name: 'shared-keys' } }]);
			assert.deepEqual(findingsOf('aws-files/source-profile-missing', texts)[0].fixes?.map((fix) => fix.title), ['Change to \'base\'', 'Add AWS Profile \'bsae\'...']);
			const invalid = findingsOf('aws-files/source-profile-missing', role(`role_arn = ${roleArn}\nsource_profile = my keys\n`))[0];
			assert.equal(invalid.fixes, undefined, 'no profile can be named with a space');
		});
	});

	describe('aws-files/source-profile-cycle', () => {
		const texts = {
			config: `[profile a]\nrole_arn = ${roleArn}\nsource_profile = b\n[profile b]\nrole_arn = ${roleArn}\nsource_profile = a\n`
				+ `[profile c]\nrole_arn = ${roleArn}\nsource_profile = a\n`,
		};

		it('reports each profile of the loop once, with the others as related', () => {
			const findings = findingsOf('aws-files/source-profile-cycle', texts);
			assert.deepEqual(findings.map((finding) => finding.range.line), [2, 5]);
			assert.equal(findings[0].severity, 'error');
			assert.match(findings[0].message, /a -> b -> a/);
			assert.deepEqual(findings[0].related?.map((related) => related.range.line), [5]);
		});

		it('accepts a profile that is its own source', () => {
			assertClean({ credentials: keys('self').replace(/\n$/, `\nrole_arn = ${roleArn}\nsource_profile = self\n`) });
		});
	});

	describe('aws-files/role-arn-format', () => {
		it('reports a role_arn that is not a role ARN', () => {
			const texts = role('role_arn = arn:aws:iam::12345:role/Deploy\nsource_profile = base\n');
			const [finding] = findingsOf('aws-files/role-arn-format', texts);
			assert.equal(finding.severity, 'error');
			assert.match(finding.message, /12 digits/);
		});

		it('turns a role session ARN into the role\'s', () => {
			assertFix('aws-files/role-arn-format',
				role('role_arn = arn:aws:sts::123456789012:assumed-role/Deploy/me@example.com\nsource_profile = base\n'),
				role(`role_arn = ${roleArn}\nsource_profile = base\n`),
				{ title: `Change to '${roleArn}'` });
		});

		it('removes quotes', () => {
			assertFix('aws-files/role-arn-format', role(`role_arn = "${roleArn}"\nsource_profile = base\n`), role(`role_arn = ${roleArn}\nsource_profile = base\n`));
		});
	});

	describe('aws-files/conflicting-role-sources', () => {
		const texts = role(`role_arn = ${roleArn}\nsource_profile = base\ncredential_source = Environment\n`);

		it('reports both sources, as an error', () => {
			const [finding] = findingsOf('aws-files/conflicting-role-sources', texts);
			assert.equal(finding.severity, 'error');
			assert.equal(textAt(texts, finding), 'credential_source');
			assert.equal(finding.related?.length, 1);
		});

		it('removes one of them', () => {
			assertFix('aws-files/conflicting-role-sources', texts, role(`role_arn = ${roleArn}\nsource_profile = base\n`), { title: 'Remove credential_source' });
		});
	});

	describe('aws-files/credential-source-value', () => {
		it('reports an unsupported credential_source and fixes its case', () => {
			const texts = role(`role_arn = ${roleArn}\ncredential_source = environment\n`);
			assert.equal(findingsOf('aws-files/credential-source-value', texts)[0].severity, 'error');
			assertFix('aws-files/credential-source-value', texts, role(`role_arn = ${roleArn}\ncredential_source = Environment\n`));
		});
	});
});
