/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The sections of a read set (sectionTable.ts), kept as numbers and made into Sections when read: each the same
// object every time, with its headers in both files and its properties, short or long.

import * as assert from 'node:assert/strict';
import { forEachHeaderOffset, readStandard } from '../../src/core/standardReader';

describe('The sections of a read set', () => {
	const config = '[profile a]\nregion = x\n[sso-session s]\nsso_region = y\n[profile b]\n[profile a]\noutput = json\n';
	const credentials = '[c]\naws_access_key_id = AKIAEXAMPLE\n[a]\nregion = z\n';
	const set = readStandard({ config, credentials });

	it('are the same object each time they are read, by name or in order', () => {
		const a = set.profiles.get('a');
		assert.ok(a);
		assert.equal(set.profiles.get('a'), a);
		assert.equal([...set.profiles.values()][0], a);
		assert.equal([...set.profiles][0][1], a);
		assert.deepEqual([...set.profiles.keys()], ['a', 'b', 'c']);
		assert.deepEqual([...set.ssoSessions.keys()], ['s']);
		assert.equal(set.profiles.size, 3);
	});

	it('know their kind, name and every header, in reading order, config file first', () => {
		const a = set.profiles.get('a')!;
		assert.equal(a.kind, 'profile');
		assert.equal(a.name, 'a');
		assert.equal(set.ssoSessions.get('s')?.kind, 'sso-session');
		const headers = a.headers.map(({ file, range }) => [file, range.line, range.offset, range.length, range.column]);
		assert.deepEqual(headers, [
			['config', 0, 0, 11, 0],
			['config', 5, config.indexOf('[profile a]', 1), 11, 0],
			['credentials', 2, credentials.indexOf('[a]'), 3, 0],
		]);
		const offsets: [string, number][] = [];
		forEachHeaderOffset(a, (file, offset) => offsets.push([file, offset]));
		assert.deepEqual(offsets, a.headers.map(({ file, range }) => [file, range.offset]));
	});

	it('merge their properties over every header, the credentials file last', () => {
		const a = set.profiles.get('a')!;
		assert.deepEqual([...a.properties].map(([key, each]) => [key, each.value, each.key.file]),
			[['region', 'z', 'credentials'], ['output', 'json', 'config']]);
		assert.equal(set.profiles.get('b')?.properties.size, 0);
	});

	it('find each property of a long section, and a later value in its first place', () => {
		const keys = Array.from({ length: 30 }, (_, i) => `key_${i}`);
		const text = ['[profile long]', ...keys.map((key, i) => `${key} = ${i}`), 'KEY_3 = again', 'key_30 = 30'].join('\n');
		const long = readStandard({ config: text }).profiles.get('long')!;
		assert.equal(long.properties.size, 31);
		keys.forEach((key, i) => assert.equal(long.properties.get(key)?.value, i === 3 ? 'again' : String(i), key));
		assert.equal(long.properties.get('key_30')?.value, '30');
		assert.equal([...long.properties.keys()][3], 'key_3');
		assert.equal(long.properties.get('key_31'), undefined);
	});

	it('keep each name as written in the file that first names it, and find it by any string equal to it', () => {
		const names = readStandard({
			config: '\uFEFF[profile Dev]\n[profile dev]\n[profile a.b]\n[sso-session dev]\n',
			credentials: '[prod]\n[dev]\n[Prod]\n',
		});
		assert.deepEqual([...names.profiles.keys()], ['Dev', 'dev', 'a.b', 'prod', 'Prod']);
		assert.deepEqual([...names.ssoSessions.keys()], ['dev']);
		assert.equal(names.profiles.get(['p', 'r', 'o', 'd'].join(''))?.name, 'prod');
		assert.equal(names.profiles.get('dev')?.headers.length, 2);
		for (const absent of ['DEV', 'de', 'devv', 'a', 'a.', 'prod ', '']) {
			assert.equal(names.profiles.get(absent), undefined, absent);
			assert.equal(names.profiles.has(absent), false, absent);
		}
	});

	it('number 100,000 sections, each found by name', () => {
		const count = 100_000;
		const text = Array.from({ length: count }, (_, i) => `[p${i}]\nregion = r${i}\n`).join('');
		const many = readStandard({ credentials: text });
		assert.equal(many.profiles.size, count);
		for (let i = 0; i < count; i += 997) {
			assert.equal(many.profiles.get(`p${i}`)?.properties.get('region')?.value, `r${i}`);
		}
		assert.equal(many.profiles.get(`p${count}`), undefined);
	});
});
