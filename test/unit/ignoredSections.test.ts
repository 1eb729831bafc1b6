/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The sections the Profiles view lists as "not a profile", and a role's children in the view.

import * as assert from 'node:assert/strict';
import { ignoredSections } from '../../src/core/readings/ignoredSections';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { sourceSteps } from '../../src/core/display/profileSummary';
import { readStandard } from '../../src/core/readings/standardReader';
import type { FileTexts } from '../../src/core/readings/reading';

function ignoredIn(texts: FileTexts) {
	return ignoredSections(texts, readStandard(texts).problems).map(({ file, range, header }) => [file, range.line, header]);
}

describe('Sections the SDKs skip for their header', () => {
	it('lists [dev] in the config file and [profile x] in the credentials file, with where to find them', () => {
		const texts = {
			config: '[default]\nregion = eu-west-1\n\n[dev]\nregion = us-east-1\n[profiel qa]\nregion = x\n',
			credentials: '[profile x]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n',
		};
		assert.deepEqual(ignoredIn(texts), [
			['config', 3, '[dev]'],
			['config', 5, '[profiel qa]'],
			['credentials', 0, '[profile x]'],
		]);
		const [dev] = ignoredSections(texts, readStandard(texts).problems);
		assert.match(dev.reason, /Write it \[profile dev\]/);
	});

	it('leaves out what the rule leaves out: the AWS CLI\'s own [plugins], and files without such a header', () => {
		assert.deepEqual(ignoredIn({ config: '[plugins]\ncli_legacy_plugin_path = /x\n[profile a]\nregion = x\n', credentials: '[a]\n' }), []);
	});
});

describe('A role\'s children in the Profiles view', () => {
	function chainOf(config: string, name: string) {
		const entry = buildProfileModel(readStandard({ config })).profiles.get(name)!;
		assert.ok(entry.chain?.ok);
		return entry.chain.chain;
	}

	it('are its source chain, without the role itself', () => {
		const config = '[profile base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n'
			+ '[profile mid]\nrole_arn = arn:aws:iam::123456789012:role/Mid\nsource_profile = base\n'
			+ '[profile top]\nrole_arn = arn:aws:iam::123456789012:role/Top\nsource_profile = mid\n';
		assert.deepEqual(sourceSteps(chainOf(config, 'top')), ['base', 'mid']);
		assert.deepEqual(sourceSteps(chainOf(config, 'mid')), ['base']);
	});

	it('are none for a role that is its own base (credential_source)', () => {
		assert.deepEqual(sourceSteps(chainOf('[profile ec2]\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_source = Ec2InstanceMetadata\n', 'ec2')), []);
	});
});
