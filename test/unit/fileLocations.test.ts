/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { Environment, Platform, resolveFileLocations } from '../../src/core/readings/fileLocations';
import { loadSuite } from './suites';

interface LocationCase {
	name: string;
	environment: Environment;
	languageSpecificHome?: string;
	platform: Platform;
	profile?: string;
	configLocation: string;
	credentialsLocation: string;
}

const suites = ['smithy-rs_file-location-tests.json', 'aws-sdk-ruby-v4_config-file-location-tests.json'];

describe('File locations', () => {
	for (const suite of suites) {
		describe(suite, () => {
			const { tests } = loadSuite<{ tests: LocationCase[] }>(suite);
			it('has cases', () => assert.ok(tests.length >= 9));
			for (const [i, test] of tests.entries()) {
				it(`${i}: ${test.name}`, () => {
					const locations = resolveFileLocations({
						env: test.environment,
						platform: test.platform,
						languageSpecificHome: test.languageSpecificHome,
					});
					assert.equal(locations.configFile, test.configLocation);
					assert.equal(locations.credentialsFile, test.credentialsLocation);
					if (test.profile) {
						assert.equal(locations.profile, test.profile);
					}
				});
			}
		});
	}

	it('expands ~ in AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', () => {
		const locations = resolveFileLocations({
			env: { HOME: '/home/u', AWS_CONFIG_FILE: '~/x/config', AWS_SHARED_CREDENTIALS_FILE: '~' },
			platform: 'linux',
		});
		assert.equal(locations.configFile, '/home/u/x/config');
		assert.equal(locations.credentialsFile, '/home/u');
	});

	it('expands ~\\ on Windows only', () => {
		const windows = resolveFileLocations({ env: { HOME: 'C:\\u', AWS_CONFIG_FILE: '~\\c' }, platform: 'windows' });
		assert.equal(windows.configFile, 'C:\\u\\c');
		const linux = resolveFileLocations({ env: { HOME: '/u', AWS_CONFIG_FILE: '~\\c' }, platform: 'linux' });
		assert.equal(linux.configFile, '~\\c');
	});
});
