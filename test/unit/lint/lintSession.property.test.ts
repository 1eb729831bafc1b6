/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Property test of re-linting (LintSession): on generated pairs and many random one-character edits (inserted,
// deleted or replaced, `[`, `]`, `=`, `#`, newlines and spaces at line starts, in headers, in either file) and a
// few larger ones (a header copied, so a section is written twice; a line copied or removed, which moves every
// section below it; a file removed or added), every re-lint gives exactly what linting the same texts from
// nothing gives, and the AWS CLI's piecewise reading of each file is its whole reading. What a re-lint keeps from
// the last one (the reading differences, the rules' findings per section) must not depend on what else changes
// between two lints: the settings, the time (around an expiry the files hold), the verification results.

import * as assert from 'node:assert/strict';
import { combineAwsCliFiles, readAwsCli, readAwsCliFile } from '../../../src/core/readings/awsCliReader';
import { LintInput, LintOptions, parseProfileFiles, ParsedProfileFiles, VerifiedIdentity } from '../../../src/core/lint/lintContext';
import { lintParsedFiles, lintProfileFiles } from '../../../src/core/lint/lintFiles';
import { LintSession } from '../../../src/core/lint/lintSession';
import type { FileRole } from '../../../src/core/readings/fileLocations';
import type { FileTexts } from '../../../src/core/readings/reading';
import { readStandard, toReading } from '../../../src/core/readings/standardReader';
import { generateProfiles } from '../../bench/generateProfiles';
import { keyId, now, secret } from './lintKit';
import { Gen, random } from '../seededRandom';


/** A pair with most of what the rules look at: duplicates, defaults, roles, SSO, sub-properties, comments. */
const variedPair: FileTexts = {
	config: [
		'# config',
		'[default]',
		'region = us-east-1',
		'[profile default]',
		'output = json',
		'[profile dev]',
		'role_arn = arn:aws:iam::123456789012:role/Dev',
		'source_profile = base',
		'region = eu-west-1 # main',
		'[profile dev]',
		'Region = eu-west-2',
		'[profile loop-a]',
		'role_arn = arn:aws:iam::123456789012:role/A',
		'source_profile = loop-b',
		'[profile loop-b]',
		'role_arn = arn:aws:iam::123456789012:role/B',
		'source_profile = loop-a',
		'[sso-session corp]',
		'sso_start_url = https://example.awsapps.com/start',
		'sso_region = us-east-1',
		'[profile sso]',
		'sso_session = corp',
		'sso_account_id = 123456789012',
		'sso_role_name = ReadOnly',
		'[services local]',
		's3 =',
		'  endpoint_url = http://localhost:4566',
		'[profile tools]',
		'credential_process = /bin/creds',
		'  --flag',
		's3 =',
		'  max_concurrent_requests = 10',
		'  max_concurrent_requests = 20',
		'[profile  spaced ]',
		'output = text',
		'',
	].join('\n'),
	credentials: [
		'[base]',
		`aws_access_key_id = ${keyId}`,
		`aws_secret_access_key = ${secret}`,
		'[dev]',
		'aws_access_key_id = ASIAEXAMPLE',
		'[profile wrong]',
		'x = 1',
		'[base]',
		'aws_session_token = token',
		'aws_expiration = 2020-01-01T00:00:00Z',
		'[temp]',
		'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
		'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
		'aws_session_token = token',
		'aws_expiration = 2026-06-01T12:00:00Z',
		'[regions]',
		'region = us-east',
		'region = eu-west-9',
		'Region = eu-west-1',
		'aws_secret_key = x',
	].join('\n'),
};

const pairs: readonly (readonly [string, FileTexts])[] = [
	['a generated pair', generateProfiles(30)],
	['a varied pair', variedPair],
	['a varied pair with CRLF and a byte order mark', {
		config: '\ufeff' + variedPair.config!.replace(/\n/g, '\r\n'),
		credentials: variedPair.credentials!.replace(/\n/g, '\r\n'),
	}],
];

/** The characters edits insert or put instead of another: the ones that change how lines read, and plain ones. */
const characters = ['[', ']', '=', '#', ';', ':', '\n', '\r', ' ', '\t', 'a', 'Z', '1', '-', '.', '"'];

/** A random offset, often at a line start or inside a header, where edits change the most. */
function offsetIn(g: Gen, text: string): number {
	if (text.length === 0) {
		return 0;
	}
	const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)].filter((start) => start <= text.length);
	if (g.chance(0.3)) {
		return g.pick(lineStarts);
	}
	if (g.chance(0.3)) {
		const headers = [...text.matchAll(/^\[/gm)].map((match) => match.index);
		if (headers.length > 0) {
			return Math.min(text.length, g.pick(headers) + g.int(12));
		}
	}
	return g.int(text.length + 1);
}

/** One random edit of one file of the pair: one character inserted, deleted or replaced, or a larger one. */
function editPair(g: Gen, texts: FileTexts, original: FileTexts): { texts: FileTexts; what: string } {
	const role: FileRole = g.chance(0.5) ? 'config' : 'credentials';
	const text = texts[role];
	if (text === undefined || g.chance(0.01)) {
		// The file comes back, or goes.
		const restored = text === undefined ? original[role] : undefined;
		return { texts: { ...texts, [role]: restored }, what: `${role} ${text === undefined ? 'added' : 'removed'}` };
	}
	const at = offsetIn(g, text);
	const kind = g.pick(['insert', 'insert', 'delete', 'replace', 'replace', 'header', 'line copied', 'line removed'] as const);
	const character = g.pick(characters);
	let edited: string;
	switch (kind) {
		case 'insert':
			edited = text.slice(0, at) + character + text.slice(at);
			break;
		case 'delete':
			edited = text.slice(0, at) + text.slice(at + 1);
			break;
		case 'replace':
			edited = text.slice(0, at) + character + text.slice(at + 1);
			break;
		case 'header': {
			// A header of the file written again at a line start: the same section twice, or a different one.
			const headers = text.match(/^\[[^\r\n]*/gm) ?? ['[default]'];
			const lineStart = text.lastIndexOf('\n', at - 1) + 1;
			edited = text.slice(0, lineStart) + g.pick(headers) + '\n' + text.slice(lineStart);
			break;
		}
		case 'line copied': {
			// Any line of the file written again at a line start: the lines below move down, unchanged.
			const lines = text.match(/^[^\r\n]*(\r\n|\n)/gm) ?? ['\n'];
			const lineStart = text.lastIndexOf('\n', at - 1) + 1;
			edited = text.slice(0, lineStart) + g.pick(lines) + text.slice(lineStart);
			break;
		}
		case 'line removed': {
			// The line at `at`, terminator included: the lines below move up.
			const lineStart = text.lastIndexOf('\n', at - 1) + 1;
			const lineEnd = text.indexOf('\n', at);
			edited = text.slice(0, lineStart) + text.slice(lineEnd === -1 ? text.length : lineEnd + 1);
			break;
		}
	}
	return { texts: { ...texts, [role]: edited }, what: `${role}: ${kind} ${JSON.stringify(character)} at ${at}` };
}

/** What else a lint is given besides the texts, which re-lints must not mistake for the texts being the same. */
interface Circumstances {
	readonly jsSdk: boolean;
	/** Before or after the expiry the varied pair holds (its `temp` profile expires at `now`). */
	readonly later: boolean;
	readonly options?: LintOptions;
	readonly verification?: ReadonlyMap<string, VerifiedIdentity>;
}

/** Settings a user may change between two lints: rules off or at another severity, opt-in rules on, a naming pattern. */
const optionChoices: readonly (LintOptions | undefined)[] = [
	undefined,
	{ rules: { 'aws-files/unknown-key': 'off', 'aws-files/compatibility': 'error' } },
	{ rules: { 'aws-files/invalid-region': 'hint', 'aws-files/config-only-profile': 'info' } },
	{ rules: { 'aws-files/example-keys': 'off', 'aws-files/duplicate-key': 'info', 'aws-files/secrets-in-config': 'off' } },
	{ namingPattern: '[a-z-]+', rules: { 'aws-files/naming-pattern': 'warning' } },
];

function circumstances(g: Gen): Circumstances {
	const options = g.pick(optionChoices);
	return {
		jsSdk: g.chance(0.5),
		later: g.chance(0.5),
		...(options ? { options } : {}),
		...(g.chance(0.3) ? { verification: new Map([[g.pick(['base', 'temp', 'dev']), { rootUser: g.chance(0.7) }]]) } : {}),
	};
}

function input(texts: FileTexts, jsSdk: boolean, more: Omit<Circumstances, 'jsSdk'> = { later: false }): LintInput {
	// The JS SDK's reading is the editor's; the standard's own reading stands in for it here, half of the time.
	return {
		texts,
		now: () => more.later ? now + 1 : now,
		...(jsSdk ? { jsSdk: toReading(readStandard(texts)) } : {}),
		...(more.options ? { options: more.options } : {}),
		...(more.verification ? { verification: more.verification } : {}),
	};
}

/** What the rules read, which must be the same however the parse was made (the literal parse reuses objects). */
function readings(parsed: ParsedProfileFiles): unknown {
	return {
		awsCli: parsed.awsCli,
		awsCliRefusals: parsed.awsCliRefusals,
		differences: parsed.differences,
		standard: parsed.standard.problems,
		literal: parsed.files.map((file) => file.raw),
	};
}

describe('lint: re-linting after edits (property)', () => {
	for (const [name, original] of pairs) {
		for (const seed of [1, 2, 3]) {
			it(`gives the findings of a lint from nothing after each of 150 random edits of ${name} (seed ${seed})`, () => {
				const g = new Gen(random(seed * 7919 + name.length));
				const session = new LintSession();
				let texts = original;
				const history: string[] = [];
				for (let step = 0; step <= 150; step++) {
					const { jsSdk, ...more } = circumstances(g);
					const expected = lintProfileFiles(input(texts, jsSdk, more));
					assert.deepEqual(session.lint(input(texts, jsSdk, more)), expected, `after ${history.join('; ')}`);
					// The same parse linted again with other settings, as after a settings change.
					const options = g.pick(optionChoices) ?? {};
					assert.deepEqual(lintParsedFiles(session.parsed!, options), lintProfileFiles({ ...input(texts, jsSdk, more), options }),
						`with other settings, after ${history.join('; ')}`);
					assert.deepEqual(readings(session.parsed!), readings(parseProfileFiles(input(texts, jsSdk))), `after ${history.join('; ')}`);
					if (jsSdk) {
						// Without the JS SDK's reading, the differences are those with the standard's own reading in its place.
						assert.deepEqual(parseProfileFiles(input(texts, false)).differences, session.parsed!.differences);
					}
					const edit = editPair(g, texts, original);
					texts = edit.texts;
					history.push(edit.what);
				}
			});
		}
	}

	it('reads each file piece by piece as the AWS CLI reads it whole, after each of 300 random edits', () => {
		const g = new Gen(random(42));
		for (const [, original] of pairs) {
			for (const role of ['config', 'credentials'] as const) {
				let text = original[role]!;
				let previous = readAwsCliFile(text);
				for (let step = 0; step < 300; step++) {
					const edited = editPair(g, { [role]: text }, original).texts[role];
					text = edited ?? original[role]!;
					previous = readAwsCliFile(text, previous);
					assert.deepEqual(combineAwsCliFiles({ [role]: previous }), readAwsCli({ [role]: text }), JSON.stringify(text));
				}
			}
		}
	});
});
