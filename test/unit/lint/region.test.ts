/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { checkRegion } from '../../../src/core/model/regions';
import { assertClean, assertFix, findingsOf, textAt } from './lintKit';

const withRegion = (region: string) => ({ config: `[profile dev]\nregion = ${region}\n` });

describe('lint: regions', () => {
	it('knows the regions of every partition, and their patterns', () => {
		for (const region of ['us-east-1', 'eu-central-2', 'cn-north-1', 'us-gov-west-1', 'us-isob-east-1', 'eusc-de-east-1', 'aws-global']) {
			assert.equal(checkRegion(region).kind, 'known', region);
		}
		assert.deepEqual(checkRegion('eu-west-9'), { kind: 'unknown', partition: 'aws' });
		assert.deepEqual(checkRegion('us-gov-north-1'), { kind: 'unknown', partition: 'aws-us-gov' });
		assert.equal(checkRegion('US-EAST-1').kind, 'invalid');
	});

	it('accepts a known region, also in sso_region and in an sso-session', () => {
		assertClean({ config: '[profile dev]\nregion = ap-southeast-2\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n' });
	});

	describe('aws-files/invalid-region', () => {
		it('reports a name that is no region, with the close ones as fixes', () => {
			const texts = withRegion('us-east1');
			const [finding] = findingsOf('aws-files/invalid-region', texts);
			assert.equal(finding.severity, 'warning');
			assert.equal(textAt(texts, finding), 'us-east1');
			assertFix('aws-files/invalid-region', texts, withRegion('us-east-1'), { title: 'Change to \'us-east-1\'' });
		});

		it('fixes the case and an availability zone', () => {
			assertFix('aws-files/invalid-region', withRegion('US-EAST-1'), withRegion('us-east-1'));
			assertFix('aws-files/invalid-region', withRegion('eu-west-1a'), withRegion('eu-west-1'));
		});
	});

	describe('aws-files/unknown-region', () => {
		it('reports a well-formed name that is no known region, as info', () => {
			const [finding] = findingsOf('aws-files/unknown-region', withRegion('eu-west-4'));
			assert.equal(finding.severity, 'info');
			assert.match(finding.message, /aws partition/);
			assert.deepEqual(findingsOf('aws-files/invalid-region', withRegion('eu-west-4')), []);
		});
	});
});
