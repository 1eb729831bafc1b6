/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS CLI / boto3 model, one quirk per test. Each expectation was checked against AWS CLI v2.9.19
// (awsCliReader.differential.test.ts runs the same kinds of input through the real binary).

import * as assert from 'node:assert/strict';
import { readAwsCli } from '../../src/core/readings/awsCliReader';
import type { FileRole } from '../../src/core/readings/fileLocations';
import type { FileTexts, Reading, ReadingResult } from '../../src/core/readings/reading';
import { loadSuite } from './suites';

function read(texts: FileTexts): Reading {
	const result = readAwsCli(texts);
	assert.ok(result.ok, `expected a reading, got: ${result.ok ? '' : result.error}`);
	return result.reading;
}

function profiles(texts: FileTexts): Reading['profiles'] {
	return read(texts).profiles;
}

function config(text: string): Reading['profiles'] {
	return profiles({ config: text });
}

function credentials(text: string): Reading['profiles'] {
	return profiles({ credentials: text });
}

function refusal(texts: FileTexts): Extract<ReadingResult, { ok: false }> {
	const result = readAwsCli(texts);
	assert.equal(result.ok, false, 'expected the AWS CLI to refuse the file');
	return result as Extract<ReadingResult, { ok: false }>;
}

function assertRefused(texts: FileTexts, file: FileRole, line?: number): void {
	const result = refusal(texts);
	assert.equal(result.file, file);
	if (line !== undefined) {
		assert.match(result.error, new RegExp(`line ${line}:`));
	}
}

describe('AWS CLI reader', () => {
	describe('values', () => {
		it('keeps an inline comment as part of the value (`#` and `;`)', () => {
			assert.deepEqual(config('[default]\nregion = us-east-1 # main\noutput = json ; note\n'), {
				default: { region: 'us-east-1 # main', output: 'json ; note' },
			});
		});

		it('splits at the first `=` or `:`, whichever comes first', () => {
			assert.deepEqual(config('[default]\na = b:c\nd : e = f\nurl = https://example.com\n'), {
				default: { a: 'b:c', d: 'e = f', url: 'https://example.com' },
			});
		});

		it('lower-cases keys and trims keys and values', () => {
			assert.deepEqual(config('[default]\n  Region \t=  \tus-east-1 \t\n'), { default: { region: 'us-east-1' } });
		});

		it('allows an empty value', () => {
			assert.deepEqual(config('[default]\nregion =\n'), { default: { region: '' } });
		});

		it('does not interpolate `%(name)s` (RawConfigParser)', () => {
			assert.deepEqual(config('[default]\na = %(b)s 100%\nb = x\n'), { default: { a: '%(b)s 100%', b: 'x' } });
		});

		it('treats a line starting with `#` or `;` (even indented) as a comment', () => {
			assert.deepEqual(config('# c\n; c\n[default]\n  # region = x\na = 1\n'), { default: { a: '1' } });
		});
	});

	describe('continuation lines', () => {
		it('continues a value on a line indented deeper than its key', () => {
			assert.deepEqual(config('[default]\nname = value\n -continued\n\t-again\n'), {
				default: { name: 'value\n-continued\n-again' },
			});
		});

		it('keeps blank lines inside a continued value but drops trailing ones', () => {
			assert.deepEqual(config('[default]\na = 1\n\n   b\n\n\n[profile x]\n'), { default: { a: '1\n\nb' }, x: {} });
		});

		it('continues past a comment line, which is dropped', () => {
			assert.deepEqual(config('[default]\na = 1\n# note\n  b\n'), { default: { a: '1\nb' } });
		});

		it('takes a deeper-indented `[header]` or `key = value` as part of the value', () => {
			assert.deepEqual(config('[default]\na = 1\n  [profile x]\n  b = 2\n'), { default: { a: '1\n[profile x]\nb = 2' } });
		});

		it('measures indentation from the key line, so an indented key starts a new key at its own level', () => {
			assert.deepEqual(config('[default]\n  a = 1\n  b = 2\n    c\n'), { default: { a: '1', b: '2\nc' } });
		});

		it('starts no value with an indented line right after a header', () => {
			assert.deepEqual(config('[default]\n  a = 1\n'), { default: { a: '1' } });
		});
	});

	describe('sub-properties', () => {
		it('parses a value that starts on the next line as `key = value` lines, keeping the sub-keys\' case', () => {
			assert.deepEqual(config('[default]\ns3 =\n  Max_Concurrent_Requests = 10\n\n  # comment\n  style = a = b\n  empty =\n'), {
				default: { s3: { Max_Concurrent_Requests: '10', style: 'a = b', empty: '' } },
			});
		});

		it('keeps a comment after a sub-property value in the value', () => {
			assert.deepEqual(config('[default]\ns3 =\n name = value # Comment\n'), { default: { s3: { name: 'value # Comment' } } });
		});

		it('accepts an empty sub-key', () => {
			assert.deepEqual(config('[default]\ns3 =\n = value\n'), { default: { s3: { '': 'value' } } });
		});

		it('refuses the whole file when a sub-property line has no `=` (`:` is not enough)', () => {
			assertRefused({ config: '[default]\nregion = x\ns3 =\n  a : b\n' }, 'config', 3);
		});

		it('parses sub-properties in the credentials file too', () => {
			assert.deepEqual(credentials('[a]\nk =\n  X = 1\n'), { a: { k: { X: '1' } } });
			assertRefused({ credentials: '[a]\naws_access_key_id =\n  AKIDEXAMPLE\n' }, 'credentials', 2);
		});

		it('makes an empty value followed by an indented line a (broken) block of sub-properties', () => {
			assertRefused({ config: '[default]\nname =\n  value\n' }, 'config', 2);
		});
	});

	describe('headers in the config file', () => {
		it('reads `[default]`, `[profile x]` and `[sso-session x]`, and ignores other sections', () => {
			assert.deepEqual(read({ config: '[default]\na = 1\n[profile x]\nb = 2\n[sso-session s]\nc = 3\n[services s]\nd = 4\n[x]\ne = 5\n' }), {
				profiles: { default: { a: '1' }, x: { b: '2' } },
				ssoSessions: { s: { c: '3' } },
			});
		});

		it('splits the header like a shell: quotes group, extra blanks and tabs separate', () => {
			assert.deepEqual(Object.keys(config('[profile "team a"]\n[profile \'b c\']\n[profile  two]\n[profile\ttab]\n[profile a\\ b]\n')),
				['team a', 'b c', 'two', 'tab', 'a b']);
		});

		it('only checks that the header starts with `profile`: `[profilex y]` is the profile `y`', () => {
			assert.deepEqual(Object.keys(config('[profilex y]\n[sso-sessions s]\n')), ['y']);
			assert.deepEqual(Object.keys(read({ config: '[sso-sessionx s]\n' }).ssoSessions), ['s']);
		});

		it('ignores headers that are not exactly two shell words, or that the shell cannot split', () => {
			assert.deepEqual(config('[profile]\n[profilefoo]\n[profile a b]\n[profile "open]\n[profile x\\]\n'), {});
		});

		it('accepts any name, unvalidated: `[profile ""]` is a profile with an empty name', () => {
			assert.deepEqual(Object.keys(config('[profile ""]\n[profile a@b!]\n[profile ünï]\n[profile x#y]\n')), ['', 'a@b!', 'ünï', 'x#y']);
		});

		it('does not trim inside the brackets: `[ profile x]` and `[ default ]` are not profiles', () => {
			assert.deepEqual(config('[ profile x]\n[ default ]\n[Default]\n'), {});
		});

		it('reads a header up to the last `]` and ignores what follows, even `key = value`', () => {
			assert.deepEqual(config('[profile a] # note\n[profile b]region = x\n[profile c]]\n'), { a: {}, b: {}, 'c]': {} });
		});

		it('takes `[profile default]` as `default`; of it and `[default]` the later wins whole', () => {
			assert.deepEqual(config('[default]\na = 1\n[profile default]\nb = 2\n'), { default: { b: '2' } });
			assert.deepEqual(config('[profile default]\nb = 2\n[default]\na = 1\n'), { default: { a: '1' } });
		});

		it('lets two headers that name the same profile replace, not merge', () => {
			assert.deepEqual(config('[profile a]\nx = 1\n[profile "a"]\ny = 2\n'), { a: { y: '2' } });
		});
	});

	describe('the credentials file', () => {
		it('takes every section name literally: `[profile x]` is the profile `profile x`', () => {
			assert.deepEqual(credentials('[profile x]\na = 1\n[ y ]\nb = 2\n[sso-session s]\nc = 3\n'), {
				'profile x': { a: '1' }, ' y ': { b: '2' }, 'sso-session s': { c: '3' },
			});
		});

		it('finds `default` only as `[default]`: `[profile default]` is a profile named `profile default`', () => {
			assert.deepEqual(Object.keys(credentials('[profile default]\n[default]\n')), ['profile default', 'default']);
		});

		it('has no sso-sessions', () => {
			assert.deepEqual(read({ credentials: '[sso-session s]\na = 1\n' }).ssoSessions, {});
		});
	});

	describe('both files', () => {
		it('updates the config file\'s profile with the credentials file\'s keys, the credentials file winning', () => {
			const texts = { config: '[profile p]\nregion = a\nx = 1\n', credentials: '[p]\nregion = b\ny = 2\n' };
			assert.deepEqual(profiles(texts), { p: { region: 'b', x: '1', y: '2' } });
		});

		it('merges the credentials file\'s `[default]` into the config file\'s `[profile default]`', () => {
			assert.deepEqual(profiles({ config: '[profile default]\na = 1\n', credentials: '[default]\nb = 2\n' }), { default: { a: '1', b: '2' } });
		});

		it('replaces a block of sub-properties whole', () => {
			const texts = { config: '[default]\ns3 =\n  a = 1\n  b = 2\n', credentials: '[default]\ns3 =\n  a = 3\n' };
			assert.deepEqual(profiles(texts), { default: { s3: { a: '3' } } });
		});

		it('reports the config file when both are refused (botocore reads it first)', () => {
			assertRefused({ config: 'x\n', credentials: 'y\n' }, 'config', 1);
			assertRefused({ config: '[default]\n', credentials: 'y\n' }, 'credentials', 1);
		});

		it('reads a missing file and an empty one alike', () => {
			assert.deepEqual(readAwsCli({}), readAwsCli({ config: '', credentials: '' }));
			assert.deepEqual(read({}), { profiles: {}, ssoSessions: {} });
		});
	});

	describe('[DEFAULT]', () => {
		it('gives its keys to every section of its file, the section\'s own keys winning', () => {
			assert.deepEqual(read({ config: '[DEFAULT]\nregion = d\nx = 1\n[profile a]\nregion = a\n[sso-session s]\n' }), {
				profiles: { a: { region: 'a', x: '1' } },
				ssoSessions: { s: { region: 'd', x: '1' } },
			});
		});

		it('is not a profile itself, may appear twice, and only `DEFAULT` in capitals is special', () => {
			assert.deepEqual(config('[DEFAULT]\na = 1\n[DEFAULT]\nb = 2\n'), {});
			assert.deepEqual(credentials('[Default]\na = 1\n'), { Default: { a: '1' } });
		});

		it('stays within its file', () => {
			assert.deepEqual(profiles({ config: '[DEFAULT]\nregion = d\n', credentials: '[p]\na = 1\n' }), { p: { a: '1' } });
			assert.deepEqual(credentials('[DEFAULT]\naws_access_key_id = AKIDEXAMPLE\n[a]\n[b]\n'), {
				a: { aws_access_key_id: 'AKIDEXAMPLE' }, b: { aws_access_key_id: 'AKIDEXAMPLE' },
			});
		});

		it('refuses its broken sub-properties only when a section inherits them', () => {
			assert.deepEqual(config('[DEFAULT]\ns3 =\n  bad\n'), {});
			assertRefused({ config: '[DEFAULT]\ns3 =\n  bad\n[default]\n' }, 'config', 2);
		});
	});

	describe('files the AWS CLI refuses whole', () => {
		it('refuses the same key twice in a section, in any letter case', () => {
			assertRefused({ config: '[default]\nRegion = x\nREGION = y\n' }, 'config', 3);
			assertRefused({ credentials: '[a]\nk = 1\nk = 2\n' }, 'credentials', 3);
		});

		it('refuses the same section twice in one file', () => {
			assertRefused({ config: '[profile a]\n[profile b]\n[profile a]\n' }, 'config', 3);
		});

		it('accepts the same profile under two different headers, and in both files', () => {
			assert.deepEqual(Object.keys(profiles({ config: '[default]\n[profile default]\n', credentials: '[default]\n' })), ['default']);
		});

		it('refuses text before the first header', () => {
			assertRefused({ config: 'region = x\n[default]\n' }, 'config', 1);
			assertRefused({ config: '  -continued\n' }, 'config', 1);
		});

		it('refuses a file that starts with a byte order mark (Python does not take it for whitespace)', () => {
			assertRefused({ config: '\ufeff[default]\nregion = x\n' }, 'config', 1);
		});

		it('refuses a line that is no header, no key = value and no comment, wherever it is', () => {
			assertRefused({ config: '[default]\na = 1\njusttext\nb = 2\n' }, 'config', 3);
			assertRefused({ config: '[profile foo\n' }, 'config', 1);
			assertRefused({ config: '[]\n' }, 'config', 1);
		});

		it('refuses an empty key', () => {
			assertRefused({ config: '[default]\n= value\n' }, 'config', 2);
		});

		it('reports the first fatal problem: a duplicate before the end beats an earlier bad line', () => {
			assertRefused({ config: '[default]\nbad\na = 1\nA = 2\n' }, 'config', 4);
		});

		it('never quotes a value or a bad line in its message', () => {
			const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
			for (const text of [`[a]\n${secret}\n`, `${secret}\n[a]\n`, `[a]\nk =\n  ${secret}\n`, `[a]\nk = ${secret}\nK = ${secret}\n`]) {
				const result = refusal({ credentials: text });
				assert.ok(!result.error.includes(secret), result.error);
			}
		});

		it('turns an unterminated header with `:` or `=` into a key instead', () => {
			assert.deepEqual(config('[default]\n[profile x:y\n'), { default: { '[profile x': 'y' } });
		});
	});

	describe('lines and whitespace as Python sees them', () => {
		it('ends lines at \\r\\n and at a lone \\r', () => {
			assert.deepEqual(config('[default]\r\na = 1\r\n  b\r[profile x]\rc = 2'), { default: { a: '1\nb' }, x: { c: '2' } });
		});

		it('trims Python\'s whitespace (NBSP, \\x1c-\\x1f), and counts it as indentation', () => {
			assert.deepEqual(config('[default]\na = 1\u00a0\x1f\n\u00a0b\n'), { default: { a: '1\nb' } });
		});

		it('splits sub-properties at every line break Python knows (\\v, \\f, NEL, LS, PS)', () => {
			assert.deepEqual(config('[default]\ns3 =\n  a = 1\u2028b = 2\x0bc = 3\n'), { default: { s3: { a: '1', b: '2', c: '3' } } });
		});
	});

	describe('robustness', () => {
		it('keeps names like `__proto__` and `constructor` as ordinary keys', () => {
			const reading = read({ config: '[profile __proto__]\n__proto__ = 1\nconstructor =\n  __proto__ = 2\n' });
			assert.ok(Object.hasOwn(reading.profiles, '__proto__'));
			const section = reading.profiles['__proto__'];
			assert.equal(section['__proto__'], '1');
			const subProperties: unknown = Object.getOwnPropertyDescriptor(section, 'constructor')?.value;
			assert.deepEqual(Object.entries(subProperties as Record<string, string>), [['__proto__', '2']]);
			assert.equal(Object.getPrototypeOf(reading.profiles), Object.prototype);
		});

		it('never throws on random text', () => {
			let seed = 7;
			const random = (): number => {
				seed = (seed * 1103515245 + 12345) % 2147483648;
				return seed / 2147483648;
			};
			const alphabet = ['[', ']', '=', ':', '#', ';', ' ', '\t', '\n', '\r', '"', '\'', '\\', 'a', 'P', 'profile ', 'default', '\ufeff', '\u00a0', '\u2028', 'DEFAULT'];
			for (let i = 0; i < 2000; i++) {
				let text = '';
				const length = Math.floor(random() * 60);
				for (let j = 0; j < length; j++) {
					text += alphabet[Math.floor(random() * alphabet.length)];
				}
				assert.doesNotThrow(() => readAwsCli({ config: text, credentials: text }));
			}
		});

		it('reads the suites\' parser cases without throwing', () => {
			const suite = loadSuite<{ tests: { input: { configFile?: string; credentialsFile?: string } }[] }>('aws-sdk-ruby-v4_config-file-parser-tests.json');
			for (const test of suite.tests) {
				assert.doesNotThrow(() => readAwsCli({ config: test.input.configFile, credentials: test.input.credentialsFile }));
			}
		});

		// Its time is the benchmark's (npm run bench, "ours: AWS CLI reading model"), never a unit test's.
		it('reads a 1 MB file whole', () => {
			let text = '';
			let count = 0;
			for (; text.length < 1_000_000; count++) {
				text += `[profile p${count}]\nregion = us-east-1 # main\naws_access_key_id = AKIDEXAMPLE${count}\ns3 =\n  max_concurrent_requests = 10\n\n`;
			}
			const result = readAwsCli({ config: text, credentials: text.replace(/\[profile /g, '[') });
			assert.ok(result.ok);
			assert.equal(Object.keys(result.reading.profiles).length, count);
			assert.equal(result.reading.profiles[`p${count - 1}`].region, 'us-east-1 # main');
		});
	});
});
