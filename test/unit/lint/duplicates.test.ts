/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { assertClean, assertFix, findingsOf, textAt } from './lintKit';

describe('lint: duplicates', () => {
	describe('aws-files/duplicate-section', () => {
		const texts = {
			config: '[profile dev]\nregion = us-east-1\noutput = json\n\n[profile other]\nregion = us-east-1\n\n'
				+ '# again\n[profile  dev]\nregion = eu-west-1 \ncli_pager =\n',
		};

		it('warns on the first header, with the repeated one as related information', () => {
			const [finding] = findingsOf('aws-files/duplicate-section', texts);
			assert.equal(finding.severity, 'warning');
			assert.equal(textAt(texts, finding), '[profile dev]');
			assert.deepEqual(finding.related?.map((related) => related.range.line), [8]);
		});

		it('merges the sections into the first, the later value of a key winning', () => {
			assertFix('aws-files/duplicate-section',
				{ config: '[profile dev]\nregion = us-east-1\noutput = json\n\n[profile other]\nregion = us-east-1\n\n# again\n[profile dev]\nregion = eu-west-1\ncli_pager = less\n' },
				{ config: '[profile dev]\noutput = json\nregion = eu-west-1\ncli_pager = less\n\n[profile other]\nregion = us-east-1\n\n# again\n' },
				{ title: 'Merge the sections into the first one' });
		});

		it('keeps CRLF line endings and a last line without a terminator', () => {
			assertFix('aws-files/duplicate-section',
				{ config: '[profile dev]\r\nregion = us-east-1\r\n[profile dev]\r\noutput = json' },
				{ config: '[profile dev]\r\nregion = us-east-1\r\noutput = json\r\n' });
		});

		it('is quiet when each section is written once (in each file)', () => {
			assertClean({ config: '[profile dev]\nregion = us-east-1\n', credentials: '[dev]\noutput = json\n' });
		});
	});

	describe('aws-files/duplicate-key', () => {
		it('warns on the earlier definition, related to the one used, whatever the case', () => {
			const texts = { config: '[profile dev]\nregion = us-east-1\noutput = json\nREGION = eu-west-1\n' };
			const [finding] = findingsOf('aws-files/duplicate-key', texts);
			assert.equal(finding.severity, 'warning');
			assert.equal(finding.range.line, 1);
			assert.deepEqual(finding.related?.map((related) => related.range.line), [3]);
		});

		it('removes the earlier line', () => {
			assertFix('aws-files/duplicate-key',
				{ config: '[profile dev]\nregion = us-east-1\noutput = json\nregion = eu-west-1\n' },
				{ config: '[profile dev]\noutput = json\nregion = eu-west-1\n' });
		});

		it('reports a repeated sub-key', () => {
			assertFix('aws-files/duplicate-key',
				{ config: '[profile dev]\ns3 =\n  max_concurrent_requests = 10\n  max_concurrent_requests = 20\n' },
				{ config: '[profile dev]\ns3 =\n  max_concurrent_requests = 20\n' });
		});

		it('is quiet on distinct keys, and on sub-keys that differ in case', () => {
			assertClean({ config: '[profile dev]\nregion = us-east-1\noutput = json\n' });
			assert.deepEqual(findingsOf('aws-files/duplicate-key', { config: '[profile dev]\nemr =\n  Key = 1\n  key = 2\n' }), []);
		});
	});
});
