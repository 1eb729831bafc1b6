/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import {
	validateIdentifier, validateProfileName, validateProperty, validatePropertyKey, validatePropertyValue,
	validateSsoSessionName, validateSubPropertyKey, Validation, ValidationCode,
} from '../../src/core/editing/names';
import { loadSuite } from './suites';

interface ParserCase {
	name: string;
	input: { configFile?: string; credentialsFile?: string };
	output: Record<string, unknown>;
}

type Sections = Record<string, Record<string, unknown>>;

const parserSuites = [
	'smithy-rs_profile-parser-tests.json',
	'aws-sdk-kotlin_profile-parser-tests.json',
	'aws-sdk-ruby-v4_config-file-parser-tests.json',
];

/** The three suites' output shapes: Ruby's, smithy-rs's `{config: ...}` and Kotlin's. */
function outputSections(output: Record<string, unknown>): Sections[] {
	const root = (output.config ?? output) as Record<string, unknown>;
	return ['profiles', 'ssoSessions', 'sso-sessions', 'sso_sessions', 'services']
		.map((kind) => root[kind] as Sections | undefined)
		.filter((sections): sections is Sections => sections !== undefined);
}

function outputNames(output: Record<string, unknown>): { sections: string[]; keys: string[] } {
	const sections: string[] = [];
	const keys: string[] = [];
	for (const group of outputSections(output)) {
		for (const [name, properties] of Object.entries(group)) {
			sections.push(name);
			for (const [key, value] of Object.entries(properties)) {
				keys.push(key);
				if (typeof value === 'object' && value !== null) {
					keys.push(...Object.keys(value));
				}
			}
		}
	}
	return { sections, keys };
}

/** Header names and top-level keys as written in a case's input, before any reader judged them. */
function inputNames(test: ParserCase): { sections: string[]; keys: string[] } {
	const sections: string[] = [];
	const keys: string[] = [];
	const text = [test.input.configFile, test.input.credentialsFile].filter((t) => t !== undefined).join('\n');
	for (const line of text.split('\n')) {
		const header = /^\s*\[([^\]]*)\]/.exec(line);
		if (header) {
			sections.push(header[1].trim().replace(/^(profile|sso-session)[ \t]+/, '').trim());
		} else if (/^[^\s#;[][^=]*=/.test(line)) {
			keys.push(line.slice(0, line.indexOf('=')).trim());
		}
	}
	return { sections, keys };
}

function assertFails(result: Validation, code: ValidationCode): string {
	assert.equal(result.ok, false, 'expected a refusal');
	assert.ok(!result.ok);
	assert.equal(result.code, code, result.message);
	return result.message;
}

describe('What may be written (names)', () => {
	describe('the identifier rule matches the SDK suites', () => {
		let droppedNames = 0;
		let droppedKeys = 0;
		for (const suite of parserSuites) {
			const { tests } = loadSuite<{ tests: ParserCase[] }>(suite);
			it(`${suite}: every name and key a reader keeps is valid`, () => {
				for (const test of tests) {
					const { sections, keys } = outputNames(test.output);
					for (const name of sections) {
						assert.ok(validateProfileName(name).ok, `${test.name}: ${name}`);
						assert.ok(validateSsoSessionName(name).ok, `${test.name}: ${name}`);
					}
					for (const key of keys) {
						assert.ok(validatePropertyKey(key).ok, `${test.name}: ${key}`);
						assert.ok(validateSubPropertyKey(key).ok, `${test.name}: ${key}`);
					}
				}
			});
			it(`${suite}: every name and key a reader drops as invalid is refused`, () => {
				for (const test of tests.filter((t) => /invalid (profile|sso-session|property) name|names support/i.test(t.name))) {
					const kept = outputNames(test.output);
					const written = inputNames(test);
					for (const name of written.sections.filter((n) => !kept.sections.includes(n))) {
						assert.equal(validateProfileName(name).ok, false, `${test.name}: ${name}`);
						droppedNames++;
					}
					if (/invalid property name/i.test(test.name)) {
						const keptKeys = kept.keys.map((k) => k.toLowerCase());
						for (const key of written.keys.filter((k) => !keptKeys.includes(k.toLowerCase()))) {
							assert.equal(validatePropertyKey(key).ok, false, `${test.name}: ${key}`);
							droppedKeys++;
						}
					}
				}
			});
		}
		it('found dropped names and keys to check', () => {
			assert.ok(droppedNames >= 7, `only ${droppedNames} dropped names`);
			assert.ok(droppedKeys >= 3, `only ${droppedKeys} dropped keys`);
		});
	});

	describe('identifiers', () => {
		it('accepts every character of the Ruby suite list, and upper case', () => {
			const all = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-/.%@:+';
			assert.deepEqual(validateProfileName(all), { ok: true });
			assert.deepEqual(validateSsoSessionName(all), { ok: true });
			assert.deepEqual(validatePropertyKey(all), { ok: true });
			assert.deepEqual(validatePropertyKey('AWS_ACCESS_KEY_ID'), { ok: true });
		});

		it('refuses an empty name', () => {
			assert.match(assertFails(validateProfileName(''), 'name/empty'), /^A profile name cannot be empty/);
			assert.match(assertFails(validateSsoSessionName(''), 'name/empty'), /^An sso-session name/);
			assert.match(assertFails(validatePropertyKey(''), 'name/empty'), /^A property key/);
		});

		it('refuses line breaks, naming where', () => {
			assert.match(assertFails(validateProfileName('a\nb'), 'name/line-break'), /line feed \(LF\) at character 2/);
			assert.match(assertFails(validateProfileName('ab\r'), 'name/line-break'), /carriage return \(CR\) at character 3/);
			assertFails(validateProfileName('a\u2028b'), 'name/line-break');
			assertFails(validatePropertyKey('\n'), 'name/line-break');
		});

		it('refuses brackets, which would end or open a header', () => {
			assert.match(assertFails(validateProfileName('dev]'), 'name/bracket'), /"]" at character 4/);
			assert.match(assertFails(validateSsoSessionName('[x'), 'name/bracket'), /"\[" at character 1/);
			assertFails(validatePropertyKey('a[0]'), 'name/bracket');
		});

		it('refuses leading and trailing whitespace, which the readers trim', () => {
			assertFails(validateProfileName(' dev'), 'name/surrounding-whitespace');
			assertFails(validateProfileName('dev\t'), 'name/surrounding-whitespace');
			assertFails(validatePropertyKey('region '), 'name/surrounding-whitespace');
			assertFails(validateProfileName('\u00a0dev'), 'name/surrounding-whitespace');
		});

		it('refuses spaces and characters outside the set, naming the first', () => {
			assert.match(assertFails(validateProfileName('in valid'), 'name/invalid-character'), /a space at character 3/);
			assert.match(assertFails(validateProfileName('foo!bar'), 'name/invalid-character'), /"!" at character 4/);
			assert.match(assertFails(validateProfileName('café'), 'name/invalid-character'), /U\+00E9 at character 4/);
			assert.match(assertFails(validateProfileName('😀x'), 'name/invalid-character'), /U\+1F600 at character 1/);
			assertFails(validatePropertyKey('a=b'), 'name/invalid-character');
			assertFails(validatePropertyKey('a#b'), 'name/invalid-character');
			assertFails(validateIdentifier('sub-property key', 'x y'), 'name/invalid-character');
		});

		it('quotes at most one character of what was typed', () => {
			const pasted = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
			for (const name of [`${pasted} x`, `x ${pasted}`, `${pasted}]`, `${pasted}\n`, ` ${pasted}`]) {
				const result = validateProfileName(name);
				assert.ok(!result.ok);
				assert.ok(!result.message.includes('wJalr'), result.message);
				assert.ok(!result.message.includes('EXAMPLE'), result.message);
			}
		});
	});

	describe('values', () => {
		it('accepts ordinary values, empty ones, unicode, inner tabs and adjacent # or ;', () => {
			for (const value of ['', 'us-east-1', 'arn:aws:iam::123456789012:role/Admin', '😂', 'a\tb',
				'value; Adjacent semicolons', 'value# Adjacent pound', 'https://x.example/?a=b&c=d']) {
				assert.deepEqual(validatePropertyValue('name', value), { ok: true }, JSON.stringify(value));
			}
		});

		it('refuses line breaks of every kind', () => {
			for (const value of ['a\nb', 'a\r\nb', 'a\rb', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'ab\n']) {
				assertFails(validatePropertyValue('region', value), 'value/line-break');
			}
			assert.match(assertFails(validatePropertyValue('region', 'us\neast'), 'value/line-break'),
				/^The value of region cannot contain a line break \(character 3\)/);
		});

		it('refuses other control characters', () => {
			assertFails(validatePropertyValue('output', 'js\u0000on'), 'value/control-character');
			assertFails(validatePropertyValue('output', '\u001bjson'), 'value/control-character');
			assertFails(validatePropertyValue('output', 'json\u007f'), 'value/control-character');
		});

		it('refuses leading and trailing whitespace, which the readers trim', () => {
			for (const value of [' x', 'x ', '\tx', 'x\t', 'x\u00a0', '\ufeffx', ' ']) {
				assertFails(validatePropertyValue('region', value), 'value/surrounding-whitespace');
			}
		});

		it('refuses # or ; that would start a comment', () => {
			assert.match(assertFails(validatePropertyValue('region', 'value # note'), 'value/comment-start'),
				/\(character 7\)/);
			assertFails(validatePropertyValue('region', 'value\t;note'), 'value/comment-start');
			assertFails(validatePropertyValue('region', '#value'), 'value/comment-start');
			assertFails(validatePropertyValue('region', ';value'), 'value/comment-start');
		});

		it('does not name an invalid key in a value message', () => {
			const result = validatePropertyValue('not a key', 'x\n');
			assert.ok(!result.ok);
			assert.match(result.message, /^The value cannot/);
		});

		it('checks the key before the value', () => {
			assertFails(validateProperty('bad key', 'x\ny'), 'name/invalid-character');
			assertFails(validateProperty('region', 'x\ny'), 'value/line-break');
			assert.deepEqual(validateProperty('region', 'eu-west-1'), { ok: true });
		});
	});

	describe('secrets', () => {
		it('never echoes a secret value, nor where in it the problem is', () => {
			const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
			const cases: [string, ValidationCode][] = [
				[`${secret}\n`, 'value/line-break'],
				[`${secret}\r\n`, 'value/line-break'],
				[`${secret}\u0000`, 'value/control-character'],
				[` ${secret}`, 'value/surrounding-whitespace'],
				[`${secret} #x`, 'value/comment-start'],
			];
			for (const key of ['aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'AWS_SECRET_ACCESS_KEY',
				'sso_password', 'client-secret']) {
				for (const [value, code] of cases) {
					const message = assertFails(validatePropertyValue(key, value), code);
					assert.ok(!message.includes('wJalr') && !message.includes('EXAMPLE'), message);
					assert.ok(!/character \d/.test(message), message);
					assert.ok(message.includes(key), message);
				}
			}
		});

		it('suggests removing the line break a pasted secret carries', () => {
			const message = assertFails(validatePropertyValue('aws_secret_access_key', 'abc\n'), 'value/line-break');
			assert.match(message, /pasted secret/);
		});

		it('never echoes a value of any other key either, but says where the problem is', () => {
			const message = assertFails(validatePropertyValue('region', 'us-east-1 ; AKIAIOSFODNN7EXAMPLE'), 'value/comment-start');
			assert.ok(!message.includes('AKIA') && !message.includes('us-east-1'), message);
			assert.match(message, /character 11/);
		});
	});
});
