/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import type { Expiry } from '../../../src/core/model/expiry';
import { buildProfileModel, ProfileModel } from '../../../src/core/model/profileModel';
import type { FileTexts } from '../../../src/core/readings/reading';
import { checkReferences, ReferenceFinding } from '../../../src/core/references/checkReferences';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import type { FindOptions } from '../../../src/core/references/profileReference';
import { readStandard } from '../../../src/core/readings/standardReader';
import { applyEdits } from '../../../src/core/text/textEdits';
import { fixture, textAt } from './referenceKit';

const now = Date.parse('2026-06-01T12:00:00Z');
const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
const searchedFiles = ['~/.aws/config', '~/.aws/credentials'];

function model(texts: FileTexts, ssoTokens?: ReadonlyMap<string, Expiry>): ProfileModel {
	return buildProfileModel(readStandard(texts), ssoTokens ? { ssoTokens } : {});
}

const standardModel = model({
	config: '[profile acme-dev]\nregion = eu-west-1\n[profile acme-staging]\nrole_arn = arn:aws:iam::123456789012:role/Deploy\nsource_profile = acme-dev\n'
		+ '[profile acme-production]\nrole_arn = arn:aws:iam::123456789012:role/Deploy\nsource_profile = acme-base\n'
		+ '[profile region-only]\nregion = us-east-1\n'
		+ '[profile sso-dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev\n'
		+ '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
	credentials: `[acme-dev]\n${keys}[acme-base]\n${keys}[stale]\n${keys}aws_session_token = t\naws_expiration = 2026-01-01T00:00:00Z\n`,
});

function check(fileName: string, text: string, profiles = standardModel, options: FindOptions = {}): ReferenceFinding[] {
	return checkReferences(findProfileReferences(fileName, text, options), profiles, { file: fileName, searchedFiles, now });
}

describe('Checking references', () => {
	describe('a missing profile', () => {
		const text = fixture('per-stage/serverless.yml');

		it('is one warning (an error when the user asks), on the stage\'s own value, naming the files searched and the closest name', () => {
			const findings = check('serverless.yml', text);
			assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity, textAt(text, finding.range)]), [
				['profile-reference/missing-profile', 'warning', 'acme-prodution'],
			]);
			assert.equal(findings[0].message,
				'Profile \'acme-prodution\' (stage prod) is not defined in ~/.aws/config or ~/.aws/credentials. Did you mean \'acme-production\'?');
			assert.deepEqual(findings[0].related?.map((related) => textAt(text, related.range)), ['${self:custom.profiles.${sls:stage}}']);
		});

		it('is an error when the setting says so', () => {
			const findings = checkReferences(findProfileReferences('serverless.yml', text), standardModel, { file: 'serverless.yml', searchedFiles: ['~/.aws/config'], now: 0, missingProfileSeverity: 'error' });
			assert.deepEqual(findings.map((finding) => finding.severity), ['error']);
		});

		it('offers to add the profile, and to change the name where it is written', () => {
			const [add, fix] = check('serverless.yml', text)[0].fixes ?? [];
			assert.deepEqual(add, { kind: 'action', title: 'Add AWS Profile \'acme-prodution\'...', action: { kind: 'add-profile', name: 'acme-prodution' } });
			assert.equal(fix.title, 'Change to \'acme-production\'');
			assert.equal(fix.isPreferred, true);
			assert.equal(fix.kind === 'edits' && applyEdits(text, fix.edits.flatMap((edit) => edit.edits)), text.replace('prod: acme-prodution', 'prod: acme-production'));
		});

		it('offers only to add the profile when no name is close', () => {
			const [finding] = check('up.json', '{ "profile": "zzzzzzzzzzzz" }');
			assert.equal(finding.ruleId, 'profile-reference/missing-profile');
			assert.deepEqual(finding.fixes?.map((fix) => fix.kind), ['action']);
			assert.doesNotMatch(finding.message, /Did you mean/);
		});

		it('is case-sensitive, as the SDKs are', () => {
			const [finding] = check('cdk.json', '{ "profile": "ACME-DEV" }');
			assert.equal(finding.ruleId, 'profile-reference/missing-profile');
			assert.equal(finding.fixes?.[1].title, 'Change to \'acme-dev\'');
		});

		it('points at the .env file a variable was read from', () => {
			const [finding] = check('/p/serverless.yml', 'provider:\n  profile: ${env:P}\n', standardModel, { dotenvFiles: [{ file: '/p/.env', text: 'P=acme-dve\n' }] });
			assert.equal(finding.ruleId, 'profile-reference/missing-profile');
			assert.deepEqual(finding.related?.map((related) => related.file), ['/p/.env']);
			const [, fix] = finding.fixes ?? [];
			assert.equal(fix.kind === 'edits' && fix.edits[0].file, '/p/.env');
		});
	});

	describe('${env:AWS_PROFILE, \'default\'} read against the environment the deploy will see', () => {
		const file = 'provider:\n  profile: ${env:AWS_PROFILE, \'default\'}\n';
		const source = 'this terminal\'s environment';
		const cases: { name: string; options: FindOptions; expected: string[] }[] = [
			{ name: 'no environment given: the fallback', options: {}, expected: ['profile-reference/missing-profile: Profile \'default\' is not defined'] },
			{ name: 'AWS_PROFILE unset: the fallback', options: { env: { HOME: '/h' }, envSource: source }, expected: ['profile-reference/missing-profile: Profile \'default\' is not defined'] },
			{ name: 'AWS_PROFILE names a profile: no finding', options: { env: { AWS_PROFILE: 'acme-dev' }, envSource: source }, expected: [] },
			{
				name: 'AWS_PROFILE names no profile: says where it came from', options: { env: { AWS_PROFILE: 'acme-dve' }, envSource: source },
				expected: ['profile-reference/missing-profile: Profile \'acme-dve\' (with AWS_PROFILE=acme-dve from this terminal\'s environment) is not defined'],
			},
			{
				name: 'a broken profile from the environment', options: { env: { AWS_PROFILE: 'region-only' }, envSource: source },
				expected: ['profile-reference/broken-profile: Profile \'region-only\' (with AWS_PROFILE=region-only from this terminal\'s environment) cannot give credentials'],
			},
			{
				name: 'a secret-shaped value is masked', options: { env: { AWS_PROFILE: 'AKIAIOSFODNN7EXAMPLE' } },
				expected: ['profile-reference/missing-profile: Profile \'AKIA****MPLE\' (with AWS_PROFILE=AKIA****MPLE) is not defined'],
			},
		];
		for (const { name, options, expected } of cases) {
			it(name, () => {
				const findings = check('/p/serverless.yml', file, standardModel, options);
				assert.deepEqual(findings.map((finding) => `${finding.ruleId}: ${finding.message}`.slice(0, expected[findings.indexOf(finding)]?.length ?? 0)), expected);
			});
		}
	});

	describe('a profile that cannot give credentials', () => {
		const cases: [string, RegExp][] = [
			['region-only', /has no credentials/],
			['stale', /temporary credentials expired at 2026-01-01T00:00:00.000Z/],
		];
		for (const [name, message] of cases) {
			it(name, () => {
				const findings = check('up.json', `{ "profile": "${name}" }`);
				assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity]), [['profile-reference/broken-profile', 'warning']]);
				assert.match(findings[0].message, message);
			});
		}

		it('a role whose source profile is missing', () => {
			const broken = model({ config: '[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/D\nsource_profile = gone\n' });
			const [finding] = check('cdk.json', '{ "profile": "deployer" }', broken);
			assert.equal(finding.ruleId, 'profile-reference/broken-profile');
			assert.match(finding.message, /role chain is broken: profile 'gone' does not exist/);
		});

		it('an SSO profile never logged in, or logged in long ago', () => {
			const source = { kind: 'sso-token-cache' as const, file: 'x.json' };
			const noToken = model({ config: '[profile sso-dev]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n[sso-session corp]\nsso_start_url = https://x\nsso_region = eu-west-1\n' },
				new Map([['corp', { state: 'no-token', source } as Expiry]]));
			assert.match(check('up.json', '{ "profile": "sso-dev" }', noToken)[0].message, /no SSO token/);
			const expired = model({ config: '[profile sso-dev]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n[sso-session corp]\nsso_start_url = https://x\nsso_region = eu-west-1\n' },
				new Map([['corp', { state: 'known', expiresAt: now - 1000, refreshable: false, source } as Expiry]]));
			assert.match(check('up.json', '{ "profile": "sso-dev" }', expired)[0].message, /SSO token expired/);
		});

		it('is quiet for working profiles', () => {
			assert.deepEqual(check('up.json', '{ "profile": "acme-dev" }'), []);
			assert.deepEqual(check('up.json', '{ "profile": "acme-staging" }'), []);
			assert.deepEqual(check('up.json', '{ "profile": "acme-production" }'), []);
		});
	});

	describe('other findings', () => {
		it('an expression that leads nowhere is an error, for its stages', () => {
			const text = 'custom:\n  profiles:\n    prod: acme-dev\nparams:\n  qa: {}\nprovider:\n  stage: prod\n  profile: ${self:custom.profiles.${opt:stage, self:provider.stage}}\n';
			const findings = check('serverless.yml', text);
			assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity]), [['profile-reference/invalid-reference', 'error']]);
			assert.match(findings[0].message, /Nothing is set at 'custom\.profiles\.qa' \(stage qa\)/);
		});

		it('an unquoted fallback is a warning, fixed by quoting it', () => {
			const text = 'provider:\n  profile: ${opt:aws-profile, acme-dev}\n';
			const findings = check('serverless.yml', text);
			assert.deepEqual(findings.map((finding) => [finding.ruleId, textAt(text, finding.range)]), [['profile-reference/unquoted-fallback', 'acme-dev']]);
			const [fix] = findings[0].fixes ?? [];
			assert.equal(fix.kind === 'edits' && applyEdits(text, fix.edits.flatMap((edit) => edit.edits)), 'provider:\n  profile: ${opt:aws-profile, \'acme-dev\'}\n');
		});

		it('a reference that cannot be checked is a hint saying why', () => {
			const findings = check('serverless.yml', 'provider:\n  profile: ${ssm:/deploy/profile}\n');
			assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity]), [['profile-reference/not-checked', 'hint']]);
			assert.equal(findings[0].notRead, true, 'shown faded: nothing there is read');
			assert.match(findings[0].message, /\$\{ssm:\.\.\.\}/);
		});

		it('names the environment of SAM and the stack of Pulumi', () => {
			assert.match(check('samconfig.toml', '[prod.deploy.parameters]\nprofile = "nope-nope-nope"\n')[0].message, /\(environment prod\)/);
			assert.match(check('Pulumi.live.yaml', 'config:\n  aws:profile: nope-nope-nope\n')[0].message, /\(stack live\)/);
		});

		it('never quotes a secret', () => {
			for (const finding of check('serverless.yml', fixture('per-stage/serverless.yml'))) {
				assert.doesNotMatch(finding.message, /wJalrXUtnFEMI|AKIAIOSFODNN7EXAMPLE/);
			}
		});
	});
});
