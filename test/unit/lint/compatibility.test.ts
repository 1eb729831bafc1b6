/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The compatibility rule against the real readers: for each construct, the AWS CLI reading (awsCliReader.ts)
// and the JavaScript SDK's own loader (src/core/readings/jsSdkReader.ts) do disagree with the standard before the fix,
// and all three agree after it; the fixed file lints clean and nothing else changed.

import * as assert from 'node:assert/strict';
import { readJsSdk } from '../../../src/core/readings/jsSdkReader';
import { readAwsCli } from '../../../src/core/readings/awsCliReader';
import type { FileTexts, ReadingResult } from '../../../src/core/readings/reading';
import { readingDifferences } from '../../../src/core/readings/readingDifferences';
import { readStandard } from '../../../src/core/readings/standardReader';
import { assertFix, findingsOf, lint, summary, textAt } from './lintKit';

async function jsSdk(texts: FileTexts): Promise<ReadingResult> {
	return readJsSdk(texts);
}

async function differenceCount(texts: FileTexts): Promise<number> {
	const others = { 'aws-cli': readAwsCli(texts), 'js-sdk': await jsSdk(texts) };
	return readingDifferences({ texts, standard: readStandard(texts), others }).length;
}

interface Case {
	readonly name: string;
	readonly before: string;
	readonly after: string;
	/** What the message must say. */
	readonly says: RegExp;
	/** The text the finding is on. */
	readonly at: string;
}

const cases: readonly Case[] = [
	{
		name: 'an inline comment after a value (`region = us-east-1 # main`)',
		before: '[profile a]\nregion = us-east-1 # main\n',
		after: '[profile a]\n# main\nregion = us-east-1\n',
		says: /AWS CLI and boto3 \(SAM, Zappa\) read no inline comments: for them region is "us-east-1 # main"/,
		at: '# main',
	},
	{
		name: 'a comment glued to a header (`[profile dev]# main`)',
		before: '[profile a]\nregion = us-east-1\n[profile dev]# main\nregion = eu-west-1\n',
		after: '[profile a]\nregion = us-east-1\n# main\n[profile dev]\nregion = eu-west-1\n',
		says: /JavaScript SDK \(Serverless v4, CDK, SST\) does not see this section/,
		at: '# main',
	},
	{
		name: 'a `]` in a header\'s comment',
		before: '[profile dev] # see [x]\nregion = eu-west-1\n',
		after: '# see [x]\n[profile dev]\nregion = eu-west-1\n',
		says: /AWS CLI and boto3 \(SAM, Zappa\) read the header up to the last '\]'/,
		at: '# see [x]',
	},
	{
		name: 'two spaces in a header (`[profile  dev]`)',
		before: '[profile  dev]\nregion = eu-west-1\n',
		after: '[profile dev]\nregion = eu-west-1\n',
		says: /does not see this section: it accepts no space inside the brackets/,
		at: '[profile  dev]',
	},
	{
		name: 'spaces inside the brackets (`[ default ]`)',
		before: '[ default ]\nregion = eu-west-1\n',
		after: '[default]\nregion = eu-west-1\n',
		says: /read it as \[default\]/,
		at: '[ default ]',
	},
	{
		name: 'an upper-case key (`Region`)',
		before: '[profile dev]\nRegion = eu-west-1\n',
		after: '[profile dev]\nregion = eu-west-1\n',
		says: /keeps the case of keys, so it does not read Region as region/,
		at: 'Region',
	},
	{
		name: 'an indented continuation line',
		before: '[profile dev]\ncredential_process = /usr/local/bin/creds\n  --profile dev\n',
		after: '[profile dev]\ncredential_process = /usr/local/bin/creds --profile dev\n',
		says: /ignores indented continuation lines: it reads credential_process as "\/usr\/local\/bin\/creds"/,
		at: '/usr/local/bin/creds\n  --profile dev',
	},
	{
		name: 'an indented key',
		before: '[profile dev]\noutput = json\n  region = eu-west-1\n',
		after: '[profile dev]\noutput = json\nregion = eu-west-1\n',
		says: /reads the indented lines below as keys of their own/,
		at: 'json\n  region = eu-west-1',
	},
	{
		name: 'an indented comment',
		before: '[profile dev]\ncredential_process = /usr/local/bin/creds\n  # for the dev account\n',
		after: '[profile dev]\ncredential_process = /usr/local/bin/creds\n# for the dev account\n',
		says: /the SDK standard reads "\/usr\/local\/bin\/creds\\n# for the dev account" and the AWS CLI\/boto3 "\/usr\/local\/bin\/creds"/,
		at: '/usr/local/bin/creds\n  # for the dev account',
	},
	{
		name: 'a comment after a sub-setting',
		before: '[profile dev]\ns3 =\n  max_concurrent_requests = 20 # fast\n',
		after: '[profile dev]\ns3 =\n# fast\n  max_concurrent_requests = 20\n',
		says: /takes the text from "#" on as a comment/,
		at: '# fast',
	},
	{
		name: 'an empty value',
		before: '[profile dev]\nregion = eu-west-1\noutput =\n',
		after: '[profile dev]\nregion = eu-west-1\n',
		says: /does not set a key whose value is empty/,
		at: 'output',
	},
	{
		name: '[DEFAULT]',
		before: '[DEFAULT]\nregion = eu-west-1\n[profile a]\noutput = json\n',
		after: '[default]\nregion = eu-west-1\n[profile a]\noutput = json\n',
		says: /do not read \[DEFAULT\] as a profile: configparser gives its keys to every section/,
		at: '[DEFAULT]',
	},
];

describe('lint: aws-files/compatibility', function () {
	this.timeout(60_000);

	for (const { name, before, after, says, at } of cases) {
		it(`reports ${name} and rewrites it the way all three read alike`, async () => {
			const texts = { config: before };
			assert.ok(await differenceCount(texts) > 0, 'the readers disagree before the fix');
			const extra = { jsSdk: await jsSdk(texts) };
			const findings = findingsOf('aws-files/compatibility', texts, extra);
			assert.equal(findings.length, 1, JSON.stringify(summary(lint(texts, extra))));
			assert.equal(findings[0].severity, 'warning');
			assert.match(findings[0].message, says);
			assert.equal(textAt(texts, findings[0]), at);
			assertFix('aws-files/compatibility', texts, { config: after });
			assert.equal(await differenceCount({ config: after }), 0, 'the readers agree after the fix');
			assert.deepEqual(summary(lint({ config: after }, { jsSdk: await jsSdk({ config: after }) })), []);
		});
	}

	it('reports a `:` in a key, which the AWS CLI ends the key at', () => {
		const [finding] = findingsOf('aws-files/compatibility', { config: '[profile a]\nfoo:bar = 1\n' });
		assert.match(finding.message, /read foo instead of foo:bar/);
	});

	it('reports what the readings show beyond the known constructs, naming the tools', () => {
		const texts = { config: '[profile a]\nregion = us-east-1\n' };
		const other: ReadingResult = { ok: true, reading: { profiles: { a: { region: 'eu-west-1' } }, ssoSessions: {} } };
		const [finding] = findingsOf('aws-files/compatibility', texts, { jsSdk: other });
		assert.equal(finding.range.line, 1);
		assert.match(finding.message, /the SDK standard reads "us-east-1", the AWS CLI\/boto3 reads "us-east-1" and the JS SDK reads "eu-west-1"/);
	});

	it('never shows a secret in what the readings show', () => {
		const secretValue = 'abcdEFGH1234/+ijklMNOP5678qrstUVWX9012yz';
		const texts = { credentials: `[a]\naws_access_key_id = AKIA2Z3Y4X5W6V7U8T9S\naws_secret_access_key = ${secretValue}\n` };
		const other: ReadingResult = { ok: true, reading: { profiles: { a: { aws_access_key_id: 'AKIA2Z3Y4X5W6V7U8T9S', aws_secret_access_key: 'other' } }, ssoSessions: {} } };
		const [finding] = findingsOf('aws-files/compatibility', texts, { jsSdk: other });
		assert.ok(finding && !finding.message.includes(secretValue) && !finding.message.includes('other'), finding?.message);
	});

	it('is quiet on a file every reader reads alike', async () => {
		const texts = { config: '[default]\nregion = us-east-1\n\n# dev account\n[profile dev]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 20\n' };
		assert.equal(await differenceCount(texts), 0);
		assert.deepEqual(findingsOf('aws-files/compatibility', texts, { jsSdk: await jsSdk(texts) }), []);
	});
});
