/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { dotenvStage, parseDotenv } from '../../../src/core/references/dotenv';
import { isDotenvFile } from '../../../src/core/references/referenceFiles';
import { decodeJsonString } from '../../../src/core/references/packageJson';
import { fixture, summaries, textAt } from './referenceKit';

/** [key, name or why, underlined, stages] for each reference. */
function rows(fileName: string, text: string): [string, string | undefined, string, string][] {
	return summaries(fileName, text).map((summary) => [summary.key, summary.name ?? summary.why, summary.underlined, summary.stages.join(',')]);
}

describe('References of other tools', () => {
	describe('Apex Up and AWS CDK', () => {
		it('reads up.json\'s top-level profile', () => {
			assert.deepEqual(rows('up.json', fixture('up/up.json')), [['profile', 'up-profile', 'up-profile', '']]);
		});

		it('reads cdk.json\'s top-level profile', () => {
			assert.deepEqual(rows('cdk.json', fixture('cdk/cdk.json')), [['profile', 'cdk-profile', 'cdk-profile', '']]);
		});

		it('ignores a nested profile and a file without one', () => {
			assert.deepEqual(rows('up.json', '{ "stages": { "production": { "profile": "x" } } }'), []);
			assert.deepEqual(rows('cdk.json', '{ "app": "x" }'), []);
		});

		it('reports a profile that is not a string', () => {
			assert.deepEqual(summaries('up.json', '{ "profile": { "a": 1 } }').map((summary) => summary.error), ['not-a-string']);
		});
	});

	describe('Zappa', () => {
		it('reads each stage\'s profile_name, and what a stage inherits through extends', () => {
			assert.deepEqual(rows('zappa_settings.json', fixture('zappa/zappa_settings.json')), [
				['dev.profile_name', 'zappa-dev', 'zappa-dev', 'dev,staging'],
				['prod.profile_name', 'zappa-prod', 'zappa-prod', 'prod'],
			]);
		});

		it('reads the YAML and TOML forms', () => {
			assert.deepEqual(rows('zappa_settings.toml', fixture('zappa/zappa_settings.toml')), [
				['dev.profile_name', 'zappa-toml-dev', 'zappa-toml-dev', 'dev'],
				['prod.profile_name', 'zappa-toml-prod', 'zappa-toml-prod', 'prod'],
			]);
			assert.deepEqual(rows('zappa_settings.yml', 'dev:\n  profile_name: y-dev\nprod:\n  extends: dev\n'), [
				['dev.profile_name', 'y-dev', 'y-dev', 'dev,prod'],
			]);
		});

		it('survives an extends loop or a missing stage', () => {
			assert.deepEqual(rows('zappa_settings.json', '{ "a": { "extends": "b" }, "b": { "extends": "a" }, "c": { "extends": "nope" } }'), []);
		});
	});

	describe('AWS SAM', () => {
		it('reads <env>.<command>.parameters.profile from samconfig.toml, the environment as stage', () => {
			assert.deepEqual(rows('samconfig.toml', fixture('sam/samconfig.toml')), [
				['default.global.parameters.profile', 'sam-default', 'sam-default', 'default'],
				['prod.deploy.parameters.profile', 'sam-prod', 'sam-prod', 'prod'],
			]);
		});

		it('reads samconfig.yaml', () => {
			assert.deepEqual(rows('samconfig.yaml', fixture('sam-yaml/samconfig.yaml')), [
				['default.deploy.parameters.profile', 'sam-yaml-default', 'sam-yaml-default', 'default'],
				['prod.sync.parameters.profile', 'sam-yaml-prod', 'sam-yaml-prod', 'prod'],
			]);
		});
	});

	describe('Terraform', () => {
		it('reads provider "aws" and the S3 backend, skipping comments, heredocs and other providers', () => {
			assert.deepEqual(rows('main.tf', fixture('terraform/main.tf')), [
				['terraform backend "s3".profile', 'tf-state-admin', 'tf-state-admin', ''],
				['provider "aws".profile', 'tf-deployer', 'tf-deployer', ''],
				['provider "aws".profile', 'terraform-variable', 'var.us_profile', ''],
				['provider "aws".profile', 'terraform-expression', '"${var.prefix}-deployer"', ''],
			]);
		});

		it('reads a one-line block and an escaped literal', () => {
			assert.deepEqual(rows('x.tf', 'provider "aws" { profile = "one-line" }\n'), [['provider "aws".profile', 'one-line', 'one-line', '']]);
			assert.deepEqual(rows('x.tf', 'provider "aws" {\n  profile = "a$${b}"\n}\n'), [['provider "aws".profile', 'a${b}', '"a$${b}"', '']]);
		});

		it('does not take a nested block\'s profile for the provider\'s', () => {
			assert.deepEqual(rows('x.tf', 'provider "aws" {\n  assume_role {\n    profile = "nested"\n  }\n}\n'), []);
		});
	});

	describe('Pulumi', () => {
		it('reads config aws:profile, the stack as stage', () => {
			assert.deepEqual(rows('Pulumi.prod.yaml', fixture('pulumi/Pulumi.prod.yaml')), [['config.aws:profile', 'pulumi-prod', 'pulumi-prod', 'prod']]);
		});

		it('does not check an encrypted value', () => {
			assert.deepEqual(rows('Pulumi.dev.yaml', 'config:\n  aws:profile:\n    secure: v1:abc\n'), [['config.aws:profile', 'encrypted', 'secure: v1:abc\n', 'dev']]);
		});

		it('ignores the project file', () => {
			assert.deepEqual(findProfileReferences('Pulumi.yaml', 'config:\n  aws:profile: x\n'), []);
		});
	});

	describe('.env files', () => {
		it('reads AWS_PROFILE with export, quotes and a comment; the file names the stage', () => {
			assert.deepEqual(rows('.env.staging', fixture('dotenv/.env.staging')), [['AWS_PROFILE', 'dotenv-staging', 'dotenv-staging', 'staging']]);
		});

		it('reads every quoting', () => {
			const text = 'AWS_PROFILE=plain # c\nAWS_PROFILE=\'single # not a comment\'\nAWS_DEFAULT_PROFILE="double"\nAWS_PROFILE=`back`\n';
			assert.deepEqual(rows('.env', text).map(([key, name, underlined]) => [key, name, underlined]), [
				['AWS_PROFILE', 'plain', 'plain'],
				['AWS_PROFILE', 'single # not a comment', 'single # not a comment'],
				['AWS_DEFAULT_PROFILE', 'double', 'double'],
				['AWS_PROFILE', 'back', 'back'],
			]);
		});

		it('does not check an expanded value, and skips an empty one', () => {
			assert.deepEqual(rows('.env', 'AWS_PROFILE=${BASE}-dev\nAWS_PROFILE=\nAWS_PROFILE=\'$literal\'\n'), [
				['AWS_PROFILE', 'shell-variable', '${BASE}-dev', ''],
				['AWS_PROFILE', '$literal', '$literal', ''],
			]);
		});

		it('parses a quoted value over several lines, and goes on after it', () => {
			const entries = parseDotenv('KEY="a\nb"\r\nAWS_PROFILE=after\n');
			assert.deepEqual(entries.map((entry) => [entry.name, entry.value]), [['KEY', 'a\nb'], ['AWS_PROFILE', 'after']]);
		});

		it('knows which files are .env files, and their stages', () => {
			assert.deepEqual(['.env', '.env.prod', '.env.prod.local', '.env.local', '.env.example', '.env.sample', 'x.env', '.envrc']
				.map((name) => [isDotenvFile(name), dotenvStage(name)]), [
				[true, undefined], [true, 'prod'], [true, 'prod'], [true, undefined], [false, undefined], [false, undefined], [false, undefined], [false, undefined],
			]);
		});
	});

	describe('package.json scripts', () => {
		it('reads --aws-profile, --profile, --profile=, and AWS_PROFILE= for a deploy tool', () => {
			assert.deepEqual(rows('package.json', fixture('scripts/package.json')), [
				['scripts.deploy', 'sls-prod', 'sls-prod', ''],
				['scripts.deploy:dev', 'sls-dev', 'sls-dev', ''],
				['scripts.sam', 'sam-quoted', 'sam-quoted', ''],
				['scripts.cdk', 'cdk-env', 'cdk-env', ''],
				['scripts.aws', 'shell-variable', '$PROFILE', ''],
			]);
		});

		it('maps positions through the JSON string\'s escapes', () => {
			const text = '{ "scripts": { "a": "echo \\"hi\\" && sls deploy --aws-profile \\"\\u0070rod\\" ; cdk deploy --profile \'x y\'" } }';
			const references = findProfileReferences('package.json', text);
			assert.deepEqual(references.map((reference) => reference.status === 'resolved' && [reference.name, textAt(text, reference.range), reference.rename !== undefined]), [
				['prod', '\\"\\u0070rod\\"', false],
				['x y', 'x y', true],
			]);
		});

		it('only after a deploy tool, in the same command', () => {
			assert.deepEqual(rows('package.json', '{ "scripts": { "a": "sls deploy && other --profile x", "b": "AWS_PROFILE=p npm test" } }'), []);
		});

		it('decodes JSON strings with the raw offset of each character', () => {
			assert.deepEqual(decodeJsonString('a\\nb\\u0041'), { value: 'a\nbA', rawOffsets: [0, 1, 3, 4, 10] });
		});
	});
});
