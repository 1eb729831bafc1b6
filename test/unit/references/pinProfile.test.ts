/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { describePinPlace, PinPlace, planProfilePin } from '../../../src/core/references/pinProfile';
import { applyEdits } from '../../../src/core/text/textEdits';

/** The plan's places, each as [label, action, the edited text]. */
function pin(fileName: string, text: string, profile: string): [string, string, string][] {
	const plan = planProfilePin(fileName, text, profile);
	assert.ok(plan.ok, plan.ok ? '' : plan.reason);
	return plan.places.map((place: PinPlace) => [describePinPlace(place), place.action, applyEdits(text, place.edits)]);
}

function refusal(fileName: string, text: string, profile: string): string {
	const plan = planProfilePin(fileName, text, profile);
	assert.ok(!plan.ok, 'expected no place');
	return plan.reason;
}

describe('pinning a profile in a project file', () => {
	describe('serverless.yml', () => {
		it('adds provider.profile as the first key of provider, in its indentation, keeping comments', () => {
			const text = 'service: api # the API\n\nprovider:\n    # runtime first\n    name: aws\n    runtime: nodejs20.x\n\nfunctions: {}\n';
			assert.deepEqual(pin('serverless.yml', text, 'client-1-dev'), [[
				'provider.profile', 'add',
				'service: api # the API\n\nprovider:\n    # runtime first\n    profile: client-1-dev\n    name: aws\n    runtime: nodejs20.x\n\nfunctions: {}\n',
			]]);
		});

		it('adds the provider map at the end when there is none, in the file\'s line endings', () => {
			assert.deepEqual(pin('serverless.yml', 'service: api\r\nframeworkVersion: "3"', 'dev'), [[
				'provider.profile', 'add', 'service: api\r\nframeworkVersion: "3"\r\nprovider:\r\n  profile: dev\r\n',
			]]);
		});

		it('writes into an empty file', () => {
			assert.deepEqual(pin('serverless.yaml', '', 'dev'), [['provider.profile', 'add', 'provider:\n  profile: dev\n']]);
		});

		it('replaces a name written there, and only its characters', () => {
			const text = 'provider:\n  name: aws\n  profile: "old-name"   # ours\n';
			assert.deepEqual(pin('serverless.yml', text, 'new-name'), [[
				'provider.profile', 'replace', 'provider:\n  name: aws\n  profile: "new-name"   # ours\n',
			]]);
		});

		it('offers each stage of a per-stage map', () => {
			const text = [
				'provider:',
				'  profile: ${self:custom.profiles.${sls:stage}}',
				'custom:',
				'  profiles:',
				'    dev: client-1-dev',
				'    prod: client-1-prod',
				'',
			].join('\n');
			const places = pin('serverless.yml', text, 'client-2-prod').map(([label, action, edited]) => [label, action, edited.split('\n').slice(4, 6)]);
			assert.deepEqual(places, [
				['provider.profile (stage dev)', 'replace', ['    dev: client-2-prod', '    prod: client-1-prod']],
				['provider.profile (stage prod)', 'replace', ['    dev: client-1-dev', '    prod: client-2-prod']],
			]);
		});

		it('quotes a name YAML would read as something else', () => {
			assert.deepEqual(pin('serverless.yml', 'provider:\n  name: aws\n', 'on')[0][2], 'provider:\n  profile: \'on\'\n  name: aws\n');
		});

		it('refuses a profile computed from a variable nobody can read, and says where it is', () => {
			assert.match(refusal('serverless.yml', 'provider:\n  profile: ${ssm:/deploy/profile}\n', 'dev'), /provider\.profile/);
		});

		it('refuses serverless.ts and serverless.js, which are code', () => {
			assert.match(refusal('serverless.ts', 'export default { provider: { name: "aws" } };', 'dev'), /serverless\.yml/);
		});

		it('refuses a file that does not parse, and a flow-style provider map', () => {
			assert.match(refusal('serverless.yml', 'provider: [\n', 'dev'), /does not parse/);
			assert.ok(!planProfilePin('serverless.yml', 'provider: {name: aws}\n', 'dev').ok);
		});

		it('edits serverless.json through jsonc-parser, in its indentation', () => {
			assert.deepEqual(pin('serverless.json', '{\n\t"service": "api",\n\t"provider": {\n\t\t"name": "aws"\n\t}\n}\n', 'dev'), [[
				'provider.profile', 'add', '{\n\t"service": "api",\n\t"provider": {\n\t\t"profile": "dev",\n\t\t"name": "aws"\n\t}\n}\n',
			]]);
		});
	});

	describe('up.json and cdk.json', () => {
		it('adds "profile" as the first key, keeping the other lines as they are', () => {
			assert.deepEqual(pin('up.json', '{\n  "name": "app",\n  "regions": ["us-east-1"]\n}\n', 'client-1-dev'), [[
				'profile', 'add', '{\n  "profile": "client-1-dev",\n  "name": "app",\n  "regions": ["us-east-1"]\n}\n',
			]]);
			assert.deepEqual(pin('cdk.json', '{ "app": "npx ts-node bin/app.ts", "profile": "old" }', 'new')[0][2],
				'{ "app": "npx ts-node bin/app.ts", "profile": "new" }');
		});
	});

	describe('zappa_settings', () => {
		it('offers each stage: the one with a name is rewritten, the one without gets profile_name', () => {
			const text = '{\n    "dev": {\n        "app_function": "app.app",\n        "profile_name": "old"\n    },\n    "prod": {\n        "app_function": "app.app"\n    }\n}\n';
			const places = pin('zappa_settings.json', text, 'client-1-prod');
			assert.deepEqual(places.map(([label, action]) => [label, action]), [
				['dev.profile_name (stage dev)', 'replace'],
				['prod.profile_name (stage prod)', 'add'],
			]);
			assert.equal(places[1][2], '{\n    "dev": {\n        "app_function": "app.app",\n        "profile_name": "old"\n    },\n    "prod": {\n        "profile_name": "client-1-prod",\n        "app_function": "app.app"\n    }\n}\n');
		});

		it('does not add a profile_name to a stage that inherits one through extends', () => {
			const text = 'dev:\n  profile_name: base\nstaging:\n  extends: dev\n';
			assert.deepEqual(pin('zappa_settings.yml', text, 'other').map(([label]) => label), ['dev.profile_name (stages dev, staging)']);
		});

		it('refuses a file with no stage', () => {
			assert.ok(!planProfilePin('zappa_settings.json', '{}', 'dev').ok);
		});
	});

	describe('samconfig', () => {
		it('adds profile under an existing [env.global.parameters] table', () => {
			const text = 'version = 0.1\n\n[default.global.parameters]\nstack_name = "app"\n\n[default.deploy.parameters]\ncapabilities = "CAPABILITY_IAM"\n';
			assert.deepEqual(pin('samconfig.toml', text, 'dev'), [[
				'default.global.parameters.profile (stage default)', 'add',
				'version = 0.1\n\n[default.global.parameters]\nprofile = "dev"\nstack_name = "app"\n\n[default.deploy.parameters]\ncapabilities = "CAPABILITY_IAM"\n',
			]]);
		});

		it('adds the table at the end when there is none, and rewrites a profile set for deploy', () => {
			const text = 'version = 0.1\n[prod.deploy.parameters]\nprofile = \'old\'\n[dev.deploy.parameters]\nstack_name = "app-dev"\n';
			assert.deepEqual(pin('samconfig.toml', text, 'new'), [
				['prod.deploy.parameters.profile (stage prod)', 'replace', 'version = 0.1\n[prod.deploy.parameters]\nprofile = \'new\'\n[dev.deploy.parameters]\nstack_name = "app-dev"\n'],
				['dev.global.parameters.profile (stage dev)', 'add', `${text}\n[dev.global.parameters]\nprofile = "new"\n`],
			]);
		});

		it('writes the default environment into a samconfig.yaml without one', () => {
			assert.deepEqual(pin('samconfig.yaml', 'version: 0.1\n', 'dev')[0][2], 'version: 0.1\ndefault:\n  global:\n    parameters:\n      profile: dev\n');
		});
	});

	it('every edit is read back by the reference finders as the profile', () => {
		const files: [string, string][] = [
			['serverless.yml', 'provider:\n  name: aws\n'],
			['up.json', '{}'],
			['zappa_settings.json', '{"dev": {}}'],
			['samconfig.toml', 'version = 0.1\n'],
			['cdk.json', '{"app": "x"}'],
		];
		for (const [fileName, text] of files) {
			for (const [, , edited] of pin(fileName, text, 'pinned')) {
				assert.ok(findProfileReferences(fileName, edited).some((reference) => reference.status === 'resolved' && reference.name === 'pinned'), fileName);
			}
		}
	});

	it('refuses other files', () => {
		assert.ok(!planProfilePin('main.tf', 'provider "aws" {}', 'dev').ok);
		assert.ok(!planProfilePin('notes.md', '', 'dev').ok);
	});
});
