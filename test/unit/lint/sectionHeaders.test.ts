/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { closeSectionKind } from '../../../src/core/lint/rules/sectionHeaders';
import { assertClean, assertFix, findingsOf, keys, textAt } from './lintKit';

describe('lint: section headers', () => {
	describe('aws-files/section-prefix', () => {
		it('reports [profile x] in the credentials file and rewrites it as [x]', () => {
			const texts = { credentials: '# team\n' + keys('profile dev') };
			const [finding] = findingsOf('aws-files/section-prefix', texts);
			assert.equal(finding.severity, 'warning');
			assert.equal(textAt(texts, finding), '[profile dev]');
			assertFix('aws-files/section-prefix', texts, { credentials: '# team\n' + keys('dev') });
		});

		it('reports [x] in the config file and rewrites it as [profile x]', () => {
			assertFix('aws-files/section-prefix', { config: '[dev] # team\nregion = us-east-1\n' }, { config: '[profile dev] # team\nregion = us-east-1\n' });
		});

		it('rewrites a misspelt prefix', () => {
			assertFix('aws-files/section-prefix', { config: '[profiel dev]\nregion = us-east-1\n' }, { config: '[profile dev]\nregion = us-east-1\n' });
			assertFix('aws-files/section-prefix', { config: '[Profile dev]\nregion = us-east-1\n' }, { config: '[profile dev]\nregion = us-east-1\n' });
		});

		it('knows the section kinds a prefix is close to', () => {
			assert.equal(closeSectionKind('profiel'), 'profile');
			assert.equal(closeSectionKind('sso_session'), 'sso-session');
			assert.equal(closeSectionKind('service'), 'services');
			assert.equal(closeSectionKind('toolname'), undefined);
		});

		it('leaves [default], [plugins] and the right forms alone', () => {
			assertClean({
				config: '[default]\nregion = us-east-1\n[plugins]\ncli_legacy_plugin_path = /opt/plugins\n[profile dev]\nregion = us-east-1\n',
				credentials: keys('dev'),
			});
		});
	});

	describe('aws-files/default-twice', () => {
		const texts = { config: '[profile default]\nregion = eu-west-1\n\n[default]\nregion = us-east-1\n' };

		it('reports [default] beside [profile default], related to the one the SDKs use', () => {
			const [finding] = findingsOf('aws-files/default-twice', texts);
			assert.equal(finding.severity, 'warning');
			assert.equal(textAt(texts, finding), '[default]');
			assert.deepEqual(finding.related?.map((related) => related.range.line), [0]);
		});

		it('removes the [default] section the SDKs ignore', () => {
			assertFix('aws-files/default-twice', texts, { config: '[profile default]\nregion = eu-west-1\n\n' });
		});

		it('is quiet with one of the two', () => {
			assertClean({ config: '[default]\nregion = us-east-1\n' });
		});
	});
});
