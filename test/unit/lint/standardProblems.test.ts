/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { problemRules } from '../../../src/core/lint/problemRules';
import { findRule } from '../../../src/core/lint/ruleCatalog';
import { readStandard } from '../../../src/core/readings/standardReader';
import { assertClean, assertFix, findingsOf, keys, lint, textAt } from './lintKit';

describe('lint: the standard reader\'s problems', () => {
	it('gives every problem code to a rule of the catalog', () => {
		for (const [code, rule] of Object.entries(problemRules)) {
			assert.ok(findRule(rule), `${code} -> ${rule}`);
		}
	});

	it('reports every problem the standard reader finds, each at its range', () => {
		const texts = {
			config: '[profile a\nkey\n[profile b]\n= x\n[profile c]\nregion = us-east-1\n[profile c]\nregion = eu-west-1\n'
				+ '[weird name]\n[default]\nregion = us-east-1\n[profile default]\nregion = us-east-1\n[toolname x]\n',
			credentials: '[profile p]\n[sso-session s]\n[a]\nx!y = 1\n',
		};
		const problems = readStandard(texts).problems;
		const findings = lint(texts);
		for (const problem of problems) {
			// A duplicate section is reported on its first header, with the repeated one (the problem's) as related.
			const at = (file: string, line: number) => file === problem.location.file && line === problem.location.range.line;
			const covered = findings.some((finding) => finding.ruleId === problemRules[problem.code as keyof typeof problemRules]
				&& (at(finding.file, finding.range.line) || finding.related?.some((related) => at(related.file, related.range.line))));
			assert.ok(covered, `${problem.code} on ${problem.location.file}:${problem.location.range.line + 1}`);
		}
	});

	describe('aws-files/syntax', () => {
		it('reports a syntax error as an error, at its exact range', () => {
			const texts = { config: '[profile a]\nregion us-east-1\n' };
			const [finding] = findingsOf('aws-files/syntax', texts);
			assert.equal(finding.severity, 'error');
			assert.equal(textAt(texts, finding), 'region us-east-1');
			assert.match(finding.message, /refuse the whole config file/);
		});

		it('closes an unterminated header', () => {
			assertFix('aws-files/syntax', { config: '[profile a\nregion = us-east-1\n' }, { config: '[profile a]\nregion = us-east-1\n' });
		});

		it('is quiet on a well-formed file', () => {
			assertClean({ config: '[profile a]\nregion = us-east-1\n' });
		});
	});

	describe('aws-files/ignored-by-sdk', () => {
		it('reports a section name the SDKs ignore', () => {
			const texts = { credentials: '[my profile]\n' + keys('other').replace('[other]\n', '') };
			const [finding] = findingsOf('aws-files/ignored-by-sdk', texts);
			assert.equal(finding.severity, 'warning');
			assert.equal(textAt(texts, finding), 'my profile');
		});

		it('reports a key the SDKs ignore', () => {
			const texts = { config: '[profile a]\nregion = us-east-1\nx!y = 1\n' };
			assert.equal(textAt(texts, findingsOf('aws-files/ignored-by-sdk', texts)[0]), 'x!y');
		});

		it('removes the quotes around a section name', () => {
			assertFix('aws-files/ignored-by-sdk', { config: '[profile "dev"]\nregion = us-east-1\n' }, { config: '[profile dev]\nregion = us-east-1\n' });
		});

		it('moves an sso-session section from the credentials file to the config file', () => {
			assertFix('aws-files/ignored-by-sdk',
				{
					config: '[profile a]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = us-east-1\n',
					credentials: '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n\n' + keys('b'),
				},
				{
					config: '[profile a]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = us-east-1\n\n'
						+ '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
					credentials: keys('b'),
				});
		});

		it('is quiet on valid names', () => {
			assertClean({ credentials: keys('my-profile_1.x@y') });
		});
	});

	describe('aws-files/unknown-section-kind', () => {
		it('reports a prefixed section that is not a profile, sso-session or services section', () => {
			const texts = { config: '[toolname x]\nkey = 1\n' };
			const [finding] = findingsOf('aws-files/unknown-section-kind', texts);
			assert.equal(finding.severity, 'info');
			assert.equal(textAt(texts, finding), '[toolname x]');
		});

		it('leaves a misspelt prefix to the section-prefix rule', () => {
			assert.deepEqual(findingsOf('aws-files/unknown-section-kind', { config: '[profiel x]\nregion = us-east-1\n' }), []);
		});
	});

	describe('aws-files/overridden-by-credentials', () => {
		const texts = { config: '[profile a]\nregion = us-east-1\n', credentials: '[a]\nregion = eu-west-1\n' };

		it('reports a config-file key the credentials file sets too, with the value used as related information', () => {
			const [finding] = findingsOf('aws-files/overridden-by-credentials', texts);
			assert.equal(finding.severity, 'info');
			assert.equal(finding.file, 'config');
			assert.deepEqual(finding.related?.map((related) => `${related.file}:${related.range.line}`), ['credentials:1']);
		});

		it('removes the overridden line', () => {
			assertFix('aws-files/overridden-by-credentials', texts, { config: '[profile a]\n' });
		});

		it('is quiet when each key is set in one file', () => {
			assert.deepEqual(findingsOf('aws-files/overridden-by-credentials', { config: '[profile a]\nregion = us-east-1\n', credentials: keys('a') }), []);
		});
	});
});
