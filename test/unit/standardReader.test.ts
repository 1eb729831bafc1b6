/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The standard reader beyond the suites: the position of every piece (LF, CRLF, BOM), several syntax errors
// reported together with their exact ranges, the semantic problems' codes and locations, and robustness on
// garbage and large input.

import * as assert from 'node:assert/strict';
import { HeaderLine, PropertyLine, scanIni, ScannedLine, SubPropertyLine } from '../../src/core/ini/iniScanner';
import type { Problem } from '../../src/core/readings/profileSet';
import type { TextRange } from '../../src/core/text/textRange';
import { parseRawProfileFile, RawProfileFile } from '../../src/core/ini/rawProfileFile';
import { readStandard, toReading } from '../../src/core/readings/standardReader';

/** The text a range covers. */
function textOf(text: string, range: TextRange | undefined): string | undefined {
	return range && text.slice(range.offset, range.offset + range.length);
}

/** A range as `line:column+length`, which reads well in failures. */
function where(range: TextRange | undefined): string | undefined {
	return range && `${range.line}:${range.column}+${range.length}`;
}

/** Line and column worked out from the text itself: what every range must agree with. */
function assertConsistent(text: string, range: TextRange | undefined): void {
	if (!range) {
		return;
	}
	assert.ok(range.offset >= 0 && range.length >= 0 && range.offset + range.length <= text.length, 'inside the text');
	const before = text.slice(0, range.offset);
	const line = before.split('\n').length - 1;
	const column = range.offset - (before.lastIndexOf('\n') + 1);
	assert.deepEqual([range.line, range.column], [line, column], `line and column of offset ${range.offset}`);
}

function allRanges(line: ScannedLine): (TextRange | undefined)[] {
	const ranges = [line.range, line.span];
	switch (line.kind) {
		case 'comment':
			return [...ranges, line.comment];
		case 'header':
			return [...ranges, line.header, line.prefix, line.name, line.comment];
		case 'property':
			return [...ranges, line.key, line.assignment?.equals, line.assignment?.value, line.comment];
		case 'continuation':
			return [...ranges, line.text];
		case 'sub-property':
			return [...ranges, line.text, line.key, line.assignment?.equals, line.assignment?.value];
		default:
			return ranges;
	}
}

/** Every range the three layers produce is inside the text and agrees with its line and column. */
function assertAllConsistent(text: string, raw: RawProfileFile = parseRawProfileFile(text)): void {
	for (const line of raw.lines) {
		allRanges(line).forEach(range => assertConsistent(text, range));
	}
	for (const section of raw.sections) {
		assertConsistent(text, section.span);
		for (const property of section.properties) {
			assertConsistent(text, property.span);
			assertConsistent(text, property.valueRange);
		}
	}
	raw.problems.forEach(problem => assertConsistent(text, problem.range));
	readStandard({ config: text, credentials: text }).problems.forEach(problem => assertConsistent(text, problem.location.range));
}

function header(raw: RawProfileFile, index: number): HeaderLine {
	return raw.sections[index].header;
}

function codes(problems: readonly Problem[]): string[][] {
	return problems.map(problem => [problem.code, problem.severity, problem.location.file, where(problem.location.range) ?? '']);
}

describe('Standard reader', () => {
	describe('positions', () => {
		const lf = '[profile foo] # about foo\nregion = us-east-1 ; where\n# whole line\n; another\n';

		it('places a header, its prefix, its name and its comment', () => {
			const raw = parseRawProfileFile(lf);
			const line = header(raw, 0);
			assert.equal(textOf(lf, line.header), '[profile foo]');
			assert.equal(where(line.header), '0:0+13');
			assert.equal(textOf(lf, line.prefix), 'profile');
			assert.equal(textOf(lf, line.name), 'foo');
			assert.equal(where(line.name), '0:9+3');
			assert.equal(textOf(lf, line.comment), '# about foo');
			assert.equal(line.closed, true);
			assert.deepEqual([raw.sections[0].prefix, raw.sections[0].name], ['profile', 'foo']);
		});

		it('places a key, its =, its value and its inline comment', () => {
			const raw = parseRawProfileFile(lf);
			const line = raw.lines[1] as PropertyLine;
			assert.equal(line.kind, 'property');
			assert.equal(textOf(lf, line.key), 'region');
			assert.equal(where(line.key), '1:0+6');
			assert.equal(where(line.assignment?.equals), '1:7+1');
			assert.equal(textOf(lf, line.assignment?.value), 'us-east-1');
			assert.equal(where(line.assignment?.value), '1:9+9');
			assert.equal(textOf(lf, line.comment), '; where');
		});

		it('classifies whole-line comments with their ranges', () => {
			const raw = parseRawProfileFile(lf);
			assert.deepEqual(raw.lines.map(line => line.kind), ['header', 'property', 'comment', 'comment']);
			const comments = raw.lines.filter(line => line.kind === 'comment');
			assert.deepEqual(comments.map(line => [textOf(lf, line.comment), where(line.comment)]),
				[['# whole line', '2:0+12'], ['; another', '3:0+9']]);
		});

		it('keeps the same columns with CRLF, and spans include the \\r\\n', () => {
			const crlf = lf.replace(/\n/g, '\r\n');
			const raw = parseRawProfileFile(crlf);
			assert.equal(raw.eol, '\r\n');
			const line = raw.lines[1] as PropertyLine;
			assert.equal(line.key.offset, 27);
			assert.equal(where(line.assignment?.value), '1:9+9');
			assert.equal(textOf(crlf, line.range), 'region = us-east-1 ; where');
			assert.equal(textOf(crlf, line.span), 'region = us-east-1 ; where\r\n');
			assert.equal(textOf(crlf, raw.sections[0].span), '[profile foo] # about foo\r\nregion = us-east-1 ; where\r\n');
			assertAllConsistent(crlf, raw);
		});

		it('skips a BOM for parsing but counts it in offsets and first-line columns', () => {
			const text = '\ufeff[default]\nregion = x\n';
			const raw = parseRawProfileFile(text);
			assert.equal(raw.bomLength, 1);
			assert.equal(raw.eol, '\n');
			assert.deepEqual(raw.problems, []);
			assert.equal(where(header(raw, 0).header), '0:1+9');
			assert.equal(where(header(raw, 0).name), '0:2+7');
			assert.equal(where((raw.lines[1] as PropertyLine).key), '1:0+6');
			assert.equal(textOf(text, raw.sections[0].span), '[default]\nregion = x\n', 'a span never removes the BOM');
			assert.equal(readStandard({ config: text }).profiles.get('default')?.properties.get('region')?.value, 'x');
			assertAllConsistent(text, raw);
		});

		it('places continuation lines and the value range across them', () => {
			const text = '[profile foo]\r\nname = value\r\n  -continued # not a comment\r\n\t-again\r\nnext = 1';
			const raw = parseRawProfileFile(text);
			const [name, next] = raw.sections[0].properties;
			assert.equal(name.value, 'value\n-continued # not a comment\n-again');
			assert.deepEqual(name.continuations.map(line => [textOf(text, line.text), where(line.text)]),
				[['-continued # not a comment', '2:2+26'], ['-again', '3:1+6']]);
			assert.equal(textOf(text, name.valueRange), 'value\r\n  -continued # not a comment\r\n\t-again');
			assert.equal(where(name.valueRange), '1:7+44');
			assert.equal(textOf(text, name.span), 'name = value\r\n  -continued # not a comment\r\n\t-again\r\n');
			assert.equal(textOf(text, next.span), 'next = 1', 'the last line has no terminator');
			assert.deepEqual(readStandard({ config: text }).profiles.get('foo')?.properties.get('name')?.valueRange, name.valueRange);
		});

		it('lets whole-line comments and blank lines sit between a property and its continuation', () => {
			const text = '[profile a]\nk = v\n# note\n\n  more\n';
			const [property] = parseRawProfileFile(text).sections[0].properties;
			assert.equal(property.value, 'v\nmore');
			assert.equal(textOf(text, property.span), 'k = v\n# note\n\n  more\n');
		});

		it('places sub-property lines, whose values keep their comment markers', () => {
			const text = '[services s]\ns3 =\n  endpoint_url = https://x # kept\n\n  Other = 1\n';
			const raw = parseRawProfileFile(text);
			const [s3] = raw.sections[0].properties;
			assert.deepEqual(s3.continuations, []);
			const [first, second] = s3.subProperties as SubPropertyLine[];
			assert.equal(where(first.key), '2:2+12');
			assert.equal(where(first.assignment?.equals), '2:15+1');
			assert.equal(textOf(text, first.assignment?.value), 'https://x # kept');
			assert.equal(where(second.key), '4:2+5');
			assert.equal(s3.value, '\nendpoint_url = https://x # kept\nOther = 1');
			assert.equal(textOf(text, s3.valueRange), 'endpoint_url = https://x # kept\n\n  Other = 1');
			assert.equal(textOf(text, s3.span), 's3 =\n  endpoint_url = https://x # kept\n\n  Other = 1\n');
			const property = readStandard({ config: text }).services.get('s')?.properties.get('s3');
			assert.deepEqual(property?.subProperties, new Map([['endpoint_url', 'https://x # kept'], ['Other', '1']]),
				'sub-property keys keep their case');
		});

		it('gives an empty value a zero-length range after the =', () => {
			const text = '[profile a]\nkey =   # note\n';
			const property = parseRawProfileFile(text).sections[0].properties[0];
			assert.equal(property.value, '');
			assert.equal(where(property.valueRange), '1:5+0');
			assert.deepEqual(property.subProperties, []);
			assert.equal(readStandard({ config: text }).profiles.get('a')?.properties.get('key')?.subProperties, undefined);
		});

		it('ends a section span at its last property, before trailing comments and blank lines', () => {
			const text = '[profile a]\nx = 1\n# about a\ny = 2\n\n# about b\n[profile b]\n\n';
			const raw = parseRawProfileFile(text);
			assert.equal(textOf(text, raw.sections[0].span), '[profile a]\nx = 1\n# about a\ny = 2\n');
			assert.equal(textOf(text, raw.sections[1].span), '[profile b]\n');
			assert.equal(textOf(text, header(raw, 1).name), 'b');
		});

		it('applies the standard\'s comment rules', () => {
			const text = [
				'[profile a]#adjacent',
				'k1 = v;kept',
				'k2 = v ;cut',
				'k3 = v\u00a0#cut after any Unicode whitespace',
				'  # indented: a continuation, not a comment',
				'[profile b#c]',
			].join('\n');
			const raw = parseRawProfileFile(text);
			assert.equal(textOf(text, header(raw, 0).comment), '#adjacent');
			const values = raw.sections[0].properties.map(property => property.value);
			assert.deepEqual(values, ['v;kept', 'v', 'v\u00a0\n# indented: a continuation, not a comment']);
			assert.equal(header(raw, 1).closed, false);
			assert.equal(textOf(text, header(raw, 1).header), '[profile b');
			assert.equal(textOf(text, header(raw, 1).comment), '#c]');
		});

		it('reads the name of [   profile   foo   ] and [profile\\tfoo]', () => {
			const text = '[   profile   foo   ]\n[profile\tbar]\n[]';
			const raw = parseRawProfileFile(text);
			assert.deepEqual(raw.sections.map(section => [section.prefix, section.name]),
				[['profile', 'foo'], ['profile', 'bar'], [undefined, '']]);
			assert.equal(where(header(raw, 0).name), '0:14+3');
			assert.equal(where(header(raw, 2).name), '2:1+0');
		});

		it('keeps every range consistent with its line and column', () => {
			assertAllConsistent('\ufeff[profile a] ;c\r\nk = v # c\r\n s\r\n[b\n= x\n[c]\nk =\n a = b\n  c\n # d = e\n');
		});
	});

	describe('syntax errors', () => {
		const text = [
			'orphan = 1', // 0
			'  absorbed', // 1
			'[profile a', // 2
			'x = 1', // 3
			'[profile b]', // 4
			'  dangling', // 5
			'  absorbed too', // 6
			'no equals here # c', // 7
			'= v', // 8
			's3 =', // 9
			'  ok = 1', // 10
			'  bad', // 11
			'  = 2', // 12
			'fine = yes', // 13
		].join('\n');

		it('reports every one, with its exact range, and goes on', () => {
			const raw = parseRawProfileFile(text);
			assert.deepEqual(raw.problems.map(problem => [problem.code, where(problem.range), textOf(text, problem.range)]), [
				['syntax/property-outside-section', '0:0+6', 'orphan'],
				['syntax/unterminated-header', '2:0+10', '[profile a'],
				['syntax/continuation-without-property', '5:2+8', 'dangling'],
				['syntax/missing-equals', '7:0+14', 'no equals here'],
				['syntax/empty-key', '8:0+1', '='],
				['syntax/sub-property-missing-equals', '11:2+3', 'bad'],
				['syntax/sub-property-empty-key', '12:2+1', '='],
			]);
			assert.deepEqual(raw.sections.map(section => [section.name, section.header.closed]), [['a', false], ['b', true]]);
			assert.deepEqual(raw.sections[1].properties.map(property => property.key), ['s3', 'fine']);
		});

		it('reports a continuation before any section', () => {
			const raw = parseRawProfileFile(' -continued\n  more\n[default]');
			assert.deepEqual(raw.problems.map(problem => [problem.code, where(problem.range)]),
				[['syntax/continuation-outside-section', '0:1+10']]);
		});

		it('makes the standard refuse the files, naming the first error\'s file and line', () => {
			const set = readStandard({ config: '[default]\nregion = x', credentials: text });
			assert.equal(set.problems.filter(problem => problem.severity === 'error').length, 7);
			assert.deepEqual(toReading(set), {
				ok: false,
				file: 'credentials',
				error: 'credentials file, line 1: Expected a section definition, such as [profile name], before this property',
			});
		});

		it('still reads what it can, and ignores the lines under an unterminated header', () => {
			const set = readStandard({ config: text });
			assert.deepEqual([...set.profiles.keys()], ['b']);
			assert.deepEqual([...set.profiles.get('b')?.properties.keys() ?? []], ['s3', 'fine']);
		});
	});

	describe('semantic problems', () => {
		const config = [
			'[foo]', // 0
			'[profile in valid]', // 1
			'[default]', // 2
			'region = dropped', // 3
			'[profile default]', // 4
			'Bad Key = 1', // 5
			'Region = a', // 6
			'region = b', // 7
			'[profile default]', // 8
			's3 =', // 9
			'  in valid = 1', // 10
			'  x = 1', // 11
			'  x = 2', // 12
			'[foobar x]', // 13
			'[sso-session s]', // 14
			'[services s]', // 15
		].join('\n');
		const credentials = [
			'[profile p]', // 0
			'[sso-session s]', // 1
			'[my profile]', // 2
			'[default]', // 3
			'region = c', // 4
			'[]', // 5
		].join('\n');

		it('gives each a stable code, a severity and a location', () => {
			const set = readStandard({ config, credentials });
			assert.deepEqual(codes(set.problems), [
				['section/missing-profile-prefix', 'warning', 'config', '0:0+5'],
				['section/invalid-name', 'warning', 'config', '1:9+8'],
				['section/default-shadowed', 'warning', 'config', '2:0+9'],
				['property/invalid-name', 'warning', 'config', '5:0+7'],
				['property/duplicate', 'warning', 'config', '6:0+6'],
				['property/overridden-by-credentials', 'info', 'config', '7:0+6'],
				['section/duplicate', 'info', 'config', '8:0+17'],
				['sub-property/invalid-name', 'warning', 'config', '10:2+8'],
				['sub-property/duplicate', 'warning', 'config', '11:2+1'],
				['section/unknown-kind', 'info', 'config', '13:0+10'],
				['section/profile-prefix-in-credentials', 'warning', 'credentials', '0:0+11'],
				['section/config-only-in-credentials', 'warning', 'credentials', '1:0+15'],
				['section/invalid-name', 'warning', 'credentials', '2:1+10'],
				['section/invalid-name', 'warning', 'credentials', '5:0+2'],
			]);
			assert.equal(toReading(set).ok, true, 'warnings do not make the standard refuse the files');
		});

		it('merges as the standard does', () => {
			const set = readStandard({ config, credentials });
			assert.deepEqual([...set.profiles.keys()], ['default']);
			const profile = set.profiles.get('default');
			assert.deepEqual([...profile?.properties.keys() ?? []], ['region', 's3']);
			const region = profile?.properties.get('region');
			assert.equal(region?.value, 'c');
			assert.equal(region?.file, 'credentials');
			assert.equal(where(region?.key), '4:0+6');
			assert.deepEqual(profile?.properties.get('s3')?.subProperties, new Map([['x', '2']]));
			assert.deepEqual(profile?.headers.map(location => [location.file, where(location.range)]),
				[['config', '4:0+17'], ['config', '8:0+17'], ['credentials', '3:0+9']]);
			assert.deepEqual([...set.ssoSessions.keys()], ['s']);
			assert.deepEqual([...set.services.keys()], ['s']);
		});

		it('says what is missing rather than what is wrong with a name', () => {
			const set = readStandard({ config: '[foo!]\n[]\n[profile]\n', credentials: '[profile]\n[foo!]\n' });
			assert.deepEqual(codes(set.problems), [
				['section/missing-profile-prefix', 'warning', 'config', '0:0+6'],
				['section/invalid-name', 'warning', 'config', '1:0+2'],
				['section/missing-profile-prefix', 'warning', 'config', '2:0+9'],
				['section/invalid-name', 'warning', 'credentials', '1:1+4'],
			]);
			assert.deepEqual([...set.profiles.keys()], ['profile'], 'in the credentials file, [profile] is a profile');
		});

		it('never quotes a name, key or value in a message', () => {
			const secret = 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY';
			const set = readStandard({
				config: `${secret}\n[profile ${secret} x]\n[${secret}]\n[profile a]\n${secret} ${secret}\n${secret} x = 1\n`
					+ `k = ${secret}\nk = ${secret}\ns3 =\n  ${secret} y = 1\n  ${secret}\n[profile a\n${secret}\n`,
				credentials: `[profile ${secret}]\n[default]\nk = ${secret}\n=${secret}\n`,
			});
			assert.ok(set.problems.length >= 10);
			for (const problem of set.problems) {
				assert.ok(!problem.message.includes(secret) && !problem.message.includes(secret.slice(0, 8)), problem.code);
			}
			const result = toReading(set);
			assert.ok(!result.ok && !result.error.includes(secret));
		});

		it('treats __proto__ as an ordinary name and key', () => {
			const set = readStandard({ credentials: '[__proto__]\n__proto__ = x\n' });
			const result = toReading(set);
			assert.ok(result.ok);
			assert.deepEqual(Object.keys(result.reading.profiles), ['__proto__']);
			assert.equal(Object.getPrototypeOf(result.reading.profiles), Object.prototype);
			assert.equal(result.reading.profiles['__proto__']['__proto__'], 'x');
		});
	});

	describe('garbage and size', () => {
		const oddities = ['', '\ufeff', '[', ']', '=', '\r', '\r\r\n\r', '\n\n\n', '[[', '[]]', ' ', '\t=', '#', ';', '[a]\n\r',
			'[a]\nk =\n\r', '[a]\nk=\n =', '[a]\nk=\n #=', '\u2028[a]\u2028', '\0\0[\0]', '\ud800[a]\udc00'];

		for (const text of oddities) {
			it(`never throws on ${JSON.stringify(text)}`, () => {
				const set = readStandard({ config: text, credentials: text });
				assert.equal(typeof toReading(set).ok, 'boolean');
				assertAllConsistent(text);
			});
		}

		it('never throws on random text, and keeps every range consistent', () => {
			let seed = 42;
			const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
			const alphabet = '[]=#; \t\r\n\ufeffab-_\u00a0\u{1f602}profile default sso-session services';
			for (let round = 0; round < 300; round++) {
				let text = '';
				const length = Math.floor(random() * 200);
				for (let i = 0; i < length; i++) {
					text += random() < 0.1
						? String.fromCharCode(Math.floor(random() * 0x10000))
						: alphabet[Math.floor(random() * alphabet.length)];
				}
				readStandard({ config: text, credentials: text });
				assertAllConsistent(text);
			}
		});

		it('scans every line exactly once', () => {
			const text = 'a\nb\r\nc\rd\n\n';
			assert.deepEqual(scanIni(text).lines.map(line => textOf(text, line.span)), ['a\n', 'b\r\n', 'c\rd\n', '\n']);
		});

		// Speed is the benchmark's business (npm run bench and its targets); these check what such input reads as.
		it('reads a 1 MB single line', () => {
			const value = 'v'.repeat(1_000_000);
			const valueOf = (text: string) => readStandard({ config: text }).profiles.get('a')?.properties.get('k')?.value;
			assert.equal(valueOf('[profile a]\nk = ' + value), value);
			assert.equal(valueOf('[profile a]\nk' + ' '.repeat(1_000_000) + '='), '');
			assert.equal(valueOf('[profile a]\nk =' + ' ;'.repeat(500_000)), '', 'a comment from the first ;');
			assert.deepEqual(codes(readStandard({ config: '[' + 'a '.repeat(500_000) }).problems),
				[['syntax/unterminated-header', 'error', 'config', '0:0+1000000']]);
			assert.deepEqual(codes(readStandard({ config: 'x'.repeat(1_000_000) }).problems),
				[['syntax/property-outside-section', 'error', 'config', '0:0+1000000']]);
		});

		it('reads 10,000 profiles (about 1 MB)', () => {
			let text = '';
			for (let i = 0; i < 10_000; i++) {
				text += `[profile p${i}]\nregion = us-east-1\noutput = json\nrole_arn = arn:aws:iam::123456789012:role/r${i}\n`;
			}
			assert.ok(text.length > 900_000);
			const set = readStandard({ config: text });
			assert.equal(set.profiles.size, 10_000);
			assert.equal(set.profiles.get('p9999')?.properties.get('role_arn')?.value, 'arn:aws:iam::123456789012:role/r9999');
			assert.deepEqual(set.problems, []);
		});
	});
});
