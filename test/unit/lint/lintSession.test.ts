/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Re-linting (LintSession) at the edges of a file, where the pieces re-used from the last parse begin and end:
// each sequence of texts is linted by one session, and each result must be exactly a lint from nothing.

import * as assert from 'node:assert/strict';
import { combineAwsCliFiles, readAwsCli, readAwsCliFile } from '../../../src/core/readings/awsCliReader';
import { lintProfileFiles } from '../../../src/core/lint/lintFiles';
import { LintSession } from '../../../src/core/lint/lintSession';
import type { FileTexts } from '../../../src/core/readings/reading';
import { keys, now, summary } from './lintKit';

/** Lints each pair in turn with one session, checking each result against a lint from nothing. */
function relintEach(sequence: readonly FileTexts[]): void {
	const session = new LintSession();
	for (const texts of sequence) {
		const input = { texts, now: () => now };
		assert.deepEqual(summary(session.lint(input)), summary(lintProfileFiles(input)), JSON.stringify(texts));
		assert.deepEqual(session.lint(input), lintProfileFiles(input));
	}
}

const config = '[profile a]\nregion = us-east-1\n\n[profile b]\nsource_profile = a\nrole_arn = arn:aws:iam::123456789012:role/R\n';

describe('lint: re-linting after an edit', () => {
	it('keeps the literal parse of the file the edit did not touch, and parses the edited one again', () => {
		const session = new LintSession();
		session.lint({ texts: { config, credentials: keys('a') }, now: () => now });
		const before = session.parsed!.files.map((file) => file.raw);
		session.lint({ texts: { config: config.replace('us-east-1', 'eu-west-1'), credentials: keys('a') }, now: () => now });
		const [editedConfig, untouchedCredentials] = session.parsed!.files.map((file) => file.raw);
		assert.notEqual(editedConfig, before[0]);
		assert.equal(untouchedCredentials, before[1]);
	});

	it('gives the findings of a lint from nothing when the first section is edited', () => {
		relintEach([
			{ config, credentials: keys('a') },
			{ config: config.replace('[profile a]', '[profile x]'), credentials: keys('a') },
			{ config: config.replace('[profile a]', '[profile b]'), credentials: keys('a') },
			{ config: config.replace('[profile a]', 'profile a]'), credentials: keys('a') },
		]);
	});

	it('gives the findings of a lint from nothing when text before the first header changes', () => {
		relintEach([
			{ config: '# top\n' + config },
			{ config: 'x = 1\n' + config },
			{ config: '  indented\n' + config },
			{ config: '[\n' + config },
			{ config: config.slice(1) },
		]);
	});

	it('gives the findings of a lint from nothing when the last line, without a newline, is edited', () => {
		const last = config.trimEnd();
		relintEach([
			{ config: last },
			{ config: last + 'x' },
			{ config: last.slice(0, -1) },
			{ config: last + '\n[profile c' },
			{ config: last + '\n[profile c]' },
		]);
	});

	it('gives the findings of a lint from nothing when the first line terminator, which fixes write, changes', () => {
		// The fix of the inline comment far below the edit inserts a line ending as the file's first one does.
		const commented = '# top\r\n' + config.replace('region = us-east-1', 'region = us-east-1 # main').replace(/\n/g, '\r\n');
		relintEach([
			{ config: commented },
			{ config: commented.replace('\r\n', '\n') },
			{ config: commented },
		]);
	});

	it('gives the findings of a lint from nothing when the same lines move, and when their line numbers change', () => {
		// A sub-key set twice: its message names the line of the later one.
		const twice = config + '[profile c]\ns3 =\n  addressing_style = path\n  addressing_style = virtual\n';
		relintEach([
			{ config: twice },
			{ config: 'x' + twice.replace('[profile a]', '[profile a]') },
			{ config: '# one more line\n' + twice },
			{ config: twice.replace('region = us-east-1', 'region = us-east-2') },
		]);
	});

	it('gives the findings of a lint from nothing in a file with CRLF line ends and a byte order mark', () => {
		const crlf = '\ufeff' + config.replace(/\n/g, '\r\n');
		relintEach([
			{ config: crlf },
			{ config: crlf.replace('region', 'Region') },
			{ config: crlf.replace('\r\n[profile b]', '\r[profile b]') },
			{ config: crlf.replace('\ufeff', '') },
			{ config: '\ufeff' + crlf.slice(1).replace('[profile a]', '[profile b]') },
		]);
	});

	it('gives the findings of a lint from nothing when a file is added or removed', () => {
		relintEach([
			{ config },
			{ config, credentials: keys('a') },
			{ credentials: keys('a') },
			{},
			{ config: '', credentials: '' },
			{ config },
		]);
	});

	it('gives the findings of a lint from nothing when an edit writes a section twice, or no longer', () => {
		relintEach([
			{ config },
			{ config: config.replace('[profile b]', '[profile a]') },
			{ config: config.replace('[profile b]', '[profile  a]') },
			{ config },
			{ config: config + '[DEFAULT]\nregion = eu-west-1\n' },
			{ config },
		]);
	});

	it('reads a file piece by piece as the AWS CLI reads it whole, errors and their lines included', () => {
		const texts = [
			config,
			config + '[profile a]\n',
			'x = 1\n' + config,
			config.replace('region = us-east-1', 'region = us-east-1\n  [not a header]'),
			config.replace('region = us-east-1', 'region\n'),
			config + 's3 =\n  bad\n',
			'[DEFAULT]\nregion = x\n' + config,
			'\ufeff' + config.replace(/\n/g, '\r'),
		];
		let previous = readAwsCliFile('');
		for (const text of texts) {
			previous = readAwsCliFile(text, previous);
			assert.deepEqual(combineAwsCliFiles({ config: previous }), readAwsCli({ config: text }), JSON.stringify(text));
		}
	});
});
