/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { profileNamePlace } from '../../../src/core/references/namePlace';
import { fixturesFolder } from './referenceKit';

/** Every fixture file with the name its tool knows it by (serverless.ts.txt is serverless.ts). */
function fixtureFiles(): { file: string; name: string; text: string }[] {
	return fs.readdirSync(fixturesFolder, { recursive: true, encoding: 'utf8' })
		.map((relative) => path.join(fixturesFolder, relative))
		.filter((file) => fs.statSync(file).isFile())
		.map((file) => ({ file, name: path.basename(file).replace(/\.txt$/, ''), text: fs.readFileSync(file, 'utf8') }));
}

/** The text with `|` taken out, and where it was. */
function cursor(text: string): [string, number] {
	const offset = text.indexOf('|');
	return [text.slice(0, offset) + text.slice(offset + 1), offset];
}

function placeText(name: string, marked: string): string | undefined {
	const [text, offset] = cursor(marked);
	const place = profileNamePlace(name, text, offset);
	return place && text.slice(place.offset, place.offset + place.length);
}

describe('Where a profile name is completed (namePlace)', () => {
	it('is every literal the finders read a name from, in every fixture, at its start, middle and end', () => {
		let places = 0;
		for (const { file, name, text } of fixtureFiles()) {
			for (const reference of findProfileReferences(name, text)) {
				if (reference.status !== 'resolved' || !reference.rename || reference.rename.file !== undefined) {
					continue;
				}
				const { offset, length } = reference.rename.range;
				for (const at of [offset, offset + (length >> 1), offset + length]) {
					assert.deepEqual(profileNamePlace(name, text, at), { offset, length }, `${path.relative(fixturesFolder, file)} at ${at} (${reference.key})`);
					places++;
				}
			}
		}
		assert.ok(places >= 60, `only ${places} places`);
	});

	it('is where a name is being typed in custom.profiles, before any check of the file', () => {
		const serverless = 'custom:\n  profiles:\n    dev: acme-dev\n    qa: |\nprovider:\n  name: aws\n  stage: ${opt:stage, \'dev\'}\n  profile: ${self:custom.profiles.${sls:stage}}\n';
		assert.equal(placeText('serverless.yml', serverless), '');
		assert.equal(placeText('serverless.yml', serverless.replace('qa: |', 'qa: acme-|')), 'acme-');
		assert.equal(placeText('serverless.yml', serverless.replace('dev: acme-dev', 'dev: ac|me-dev')), 'acme-dev');
		assert.equal(placeText('serverless.yml', serverless.replace('dev: acme-dev', 'dev: "acme-|"')), 'acme-');
	});

	it('is the name of each tool\'s profile key, and a fallback of ${env:AWS_PROFILE}', () => {
		assert.equal(placeText('serverless.yml', 'provider:\n  name: aws\n  profile: |\n'), '');
		assert.equal(placeText('serverless.yml', 'provider:\n  profile: ${env:AWS_PROFILE, \'wo|rk\'}\n'), 'work');
		assert.equal(placeText('serverless.json', '{"provider": {"profile": "de|"}}'), 'de');
		assert.equal(placeText('up.json', '{\n  "profile": "|"\n}\n'), '');
		assert.equal(placeText('zappa_settings.json', '{"prod": {"profile_name": "a|"}}'), 'a');
		assert.equal(placeText('zappa_settings.toml', '[prod]\nprofile_name = "|"\n'), '');
		assert.equal(placeText('samconfig.toml', 'version = 0.1\n[default.deploy.parameters]\nprofile = "x|"\n'), 'x');
		assert.equal(placeText('cdk.json', '{"app": "npx ts-node app.ts", "profile": "|"}'), '');
		assert.equal(placeText('main.tf', 'provider "aws" {\n  profile = "tf-|"\n}\n'), 'tf-');
		assert.equal(placeText('main.tf', 'variable "p" {\n  default = "tf|"\n}\nprovider "aws" {\n  profile = var.p\n}\n'), 'tf');
		assert.equal(placeText('.env', 'AWS_PROFILE=|\n'), '');
		assert.equal(placeText('package.json', '{"scripts": {"deploy": "sls deploy --aws-profile pr|"}}'), 'pr');
	});

	it('is a fallback the environment given overrides (a deploy elsewhere may not set it)', () => {
		const [text, offset] = cursor('provider:\n  profile: ${env:AWS_PROFILE, \'wo|rk\'}\n');
		const place = profileNamePlace('serverless.yml', text, offset, { env: { AWS_PROFILE: 'dev' }, envSource: 'the test' });
		assert.equal(place && text.slice(place.offset, place.offset + place.length), 'work');
	});

	it('is nowhere else: keys, other values, comments, other providers', () => {
		assert.equal(placeText('serverless.yml', 'service: ap|p\nprovider:\n  name: aws\n  profile: dev\n'), undefined);
		assert.equal(placeText('serverless.yml', 'provider:\n  na|me: aws\n  profile: dev\n'), undefined);
		assert.equal(placeText('serverless.yml', 'provider:\n  profile: dev # a comm|ent\n'), undefined);
		assert.equal(placeText('serverless.yml', 'provider:\n  profile: ${self:custom.pro|files.dev}\ncustom:\n  profiles:\n    dev: x\n'), undefined);
		assert.equal(placeText('up.json', '{\n  "name": "a|",\n  "profile": "x"\n}\n'), undefined);
		assert.equal(placeText('main.tf', '# provider "aws" { profile = "a|" }\n'), undefined);
		assert.equal(placeText('main.tf', 'provider "google" {\n  profile = "a|"\n}\n'), undefined);
		assert.equal(placeText('README.md', 'profile: |'), undefined);
	});
});
