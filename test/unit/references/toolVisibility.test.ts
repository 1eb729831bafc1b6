/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A reference to a profile the standard sees but the reader of the tool that deploys does not: flagged on the
// reference, naming the tool and why, with the header as related information. The readings are the real ones:
// the JS SDK's own loader (jsSdkReader.ts) and the core's AWS CLI reader (checked against botocore elsewhere).

import * as assert from 'node:assert/strict';
import { readJsSdk } from '../../../src/core/readings/jsSdkReader';
import { readAwsCli } from '../../../src/core/readings/awsCliReader';
import { buildProfileModel } from '../../../src/core/model/profileModel';
import type { FileTexts } from '../../../src/core/readings/reading';
import { checkReferences } from '../../../src/core/references/checkReferences';
import { deployToolReaderOf } from '../../../src/core/references/deployToolReader';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { referenceFileKind } from '../../../src/core/references/referenceFiles';
import type { ToolReadings } from '../../../src/core/references/toolVisibility';
import { readStandard } from '../../../src/core/readings/standardReader';
import { textAt } from './referenceKit';

const process = 'credential_process = /bin/true\n';
const texts: FileTexts = {
	config: `[profile  ckl]\n${process}[profile lambda]# main\n${process}[ profile spaced ]\n${process}[profile config-only]\n${process}`
		+ `[profile AKIAIOSFODNN7EXAMPLE]# main\n${process}`,
	credentials: `[both]\n${process}`,
};
const awsFiles = { config: '/home/u/.aws/config', credentials: '/home/u/.aws/credentials' };

interface Row {
	readonly title: string;
	readonly file: string;
	readonly text: string;
	readonly sdkLoadConfig?: boolean;
	/** The finding's message and the header's text and file; undefined: no finding at all. */
	readonly expected?: { readonly message: string; readonly header: string; readonly file: string };
}

const serverless = (profile: string, version?: string) =>
	`service: app\n${version ? `frameworkVersion: '${version}'\n` : ''}provider:\n  name: aws\n  profile: ${profile}\n`;

const rows: readonly Row[] = [
	{
		title: 'Serverless v4: two spaces in the header',
		file: 'serverless.yml', text: serverless('ckl'),
		expected: {
			message: 'Serverless Framework v4 reads the files with the JavaScript SDK, which ignores the header `[profile  ckl]` (two spaces): '
				+ 'profile \'ckl\' does not exist for it.',
			header: '[profile  ckl]', file: awsFiles.config,
		},
	},
	{
		title: 'Serverless v4: a comment glued to the header',
		file: 'serverless.yml', text: serverless('lambda', '4'),
		expected: {
			message: 'Serverless Framework v4 reads the files with the JavaScript SDK, which ignores the header `[profile lambda]# main` '
				+ '(a comment right after the \']\', with no space before it): profile \'lambda\' does not exist for it.',
			header: '[profile lambda]', file: awsFiles.config,
		},
	},
	{
		title: 'Serverless v4: a secret-shaped name is masked',
		file: 'serverless.yml', text: serverless('AKIAIOSFODNN7EXAMPLE'),
		expected: {
			message: 'Serverless Framework v4 reads the files with the JavaScript SDK, which ignores the header `[profile AKIA****MPLE]# main` '
				+ '(a comment right after the \']\', with no space before it): profile \'AKIA****MPLE\' does not exist for it.',
			header: '[profile AKIAIOSFODNN7EXAMPLE]', file: awsFiles.config,
		},
	},
	{ title: 'Serverless v4: a header every reader reads', file: 'serverless.yml', text: serverless('both') },
	{
		title: 'CDK: the JavaScript SDK too',
		file: 'cdk.json', text: '{ "app": "npx ts-node bin/app.ts", "profile": "ckl" }\n',
		expected: {
			message: 'CDK reads the files with the JavaScript SDK, which ignores the header `[profile  ckl]` (two spaces): profile \'ckl\' does not exist for it.',
			header: '[profile  ckl]', file: awsFiles.config,
		},
	},
	{
		title: 'Serverless v3: a profile only in the config file',
		file: 'serverless.yml', text: serverless('config-only', '3'),
		expected: {
			message: 'Serverless Framework v3 reads the files with the JavaScript SDK v2, which reads only the credentials file unless '
				+ 'AWS_SDK_LOAD_CONFIG=1 is set, and this profile is only in the config file (`[profile config-only]`): profile \'config-only\' '
				+ 'does not exist for it.',
			header: '[profile config-only]', file: awsFiles.config,
		},
	},
	{ title: 'Serverless v3 with AWS_SDK_LOAD_CONFIG set', file: 'serverless.yml', text: serverless('config-only', '3'), sdkLoadConfig: true },
	{ title: 'Serverless v3: a profile in the credentials file', file: 'serverless.yml', text: serverless('both', '3') },
	{
		title: 'SAM: the AWS CLI keeps the spaces inside the brackets',
		file: 'samconfig.toml', text: 'version = 0.1\n[default.deploy.parameters]\nprofile = "spaced"\n',
		expected: {
			message: 'SAM reads the files with the AWS CLI\'s reader (botocore), which ignores the header `[ profile spaced ]` '
				+ '(a space inside the bracket, which it keeps in the name): profile \'spaced\' (environment default) does not exist for it.',
			header: '[ profile spaced ]', file: awsFiles.config,
		},
	},
	{
		title: 'Zappa: the AWS CLI\'s reader too',
		file: 'zappa_settings.json', text: '{ "dev": { "profile_name": "spaced" } }\n',
		expected: {
			message: 'Zappa reads the files with the AWS CLI\'s reader (botocore), which ignores the header `[ profile spaced ]` '
				+ '(a space inside the bracket, which it keeps in the name): profile \'spaced\' (stage dev) does not exist for it.',
			header: '[ profile spaced ]', file: awsFiles.config,
		},
	},
	{ title: 'SAM: two spaces are fine for the AWS CLI', file: 'samconfig.toml', text: 'version = 0.1\n[default.deploy.parameters]\nprofile = "ckl"\n' },
	{ title: 'Terraform: the Go SDK follows the standard', file: 'main.tf', text: 'provider "aws" {\n  profile = "ckl"\n}\n' },
];

describe('A profile the tool that deploys cannot see', () => {
	let readings: Omit<ToolReadings, 'sdkLoadConfig'>;
	const model = buildProfileModel(readStandard(texts));

	before(async () => {
		readings = { texts, awsCli: readAwsCli(texts), jsSdk: await readJsSdk(texts) };
	});

	for (const row of rows) {
		it(`${row.title}: ${row.expected ? 'flagged on the reference, with the header' : 'nothing to say'}`, () => {
			const kind = referenceFileKind(row.file)!;
			const tool = deployToolReaderOf(kind, row.file, row.text);
			const references = findProfileReferences(row.file, row.text);
			assert.equal(references.length, 1);
			const findings = checkReferences(references, model, {
				file: row.file, searchedFiles: [awsFiles.credentials, awsFiles.config], now: 0, awsFiles,
				readings: { ...readings, sdkLoadConfig: row.sdkLoadConfig ?? false }, ...(tool ? { tool } : {}),
			});
			if (!row.expected) {
				assert.deepEqual(findings, []);
				return;
			}
			assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity, textAt(row.text, finding.range)]),
				[['profile-reference/invisible-to-tool', 'warning', references[0].status === 'resolved' ? references[0].name : '']]);
			assert.equal(findings[0].message, row.expected.message);
			assert.ok(!JSON.stringify(findings[0].related).includes('AKIAIOSFODNN7EXAMPLE'), 'no key id in the related messages');
			const header = findings[0].related?.find((related) => related.file !== undefined);
			assert.ok(header, 'the header is related');
			assert.equal(header.file, row.expected.file);
			assert.equal(textAt(texts.config!, header.range), row.expected.header);
			assert.equal(texts.config!.split('\n')[header.range.line].slice(header.range.column).startsWith(row.expected.header), true);
		});
	}

	it('is not checked without the readings (the standard\'s model only)', () => {
		const text = serverless('ckl');
		const findings = checkReferences(findProfileReferences('serverless.yml', text), model, { file: 'serverless.yml', searchedFiles: [], now: 0 });
		assert.deepEqual(findings, []);
	});
});
