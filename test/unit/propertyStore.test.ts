/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The properties of a section the reader made (propertyStore.ts) behave as a ReadonlyMap of PropertyDefinitions,
// short or long, whatever their values: a JS Map of what the text says is the reference.

import * as assert from 'node:assert/strict';
import { valueOf } from '../../src/core/profileKeys';
import type { PropertyDefinition, Section } from '../../src/core/profileSet';
import { readStandard } from '../../src/core/standardReader';

/** The section `[profile p]` of a config file holding `lines` under it. */
function sectionOf(...lines: string[]): Section {
	return readStandard({ config: ['[profile p]', ...lines].join('\n') }).profiles.get('p')!;
}

function assertLikeMap(section: Section, expected: ReadonlyMap<string, string>): void {
	const { properties } = section;
	const values = (entries: Iterable<[string, PropertyDefinition]>) => [...entries].map(([key, each]) => [key, each.value]);
	assert.equal(properties.size, expected.size);
	assert.deepEqual(values(properties), [...expected]);
	assert.deepEqual(values(properties.entries()), [...expected.entries()]);
	assert.deepEqual([...properties.keys()], [...expected.keys()]);
	assert.deepEqual([...properties.values()].map(each => each.value), [...expected.values()]);
	const visited: [string, string][] = [];
	const context = {};
	properties.forEach(function (this: unknown, each, key, owner) {
		assert.equal(this, context);
		assert.equal(owner, properties);
		assert.equal(each.name, key);
		visited.push([key, each.value]);
	}, context);
	assert.deepEqual(visited, [...expected]);
	for (const [name, value] of expected) {
		assert.equal(properties.get(name)?.value, value, name);
		assert.ok(properties.has(name), name);
	}
}

describe('The properties of a section read', () => {
	it('keep the order in which the keys were first defined, a later value in its first place', () => {
		const section = sectionOf('region = eu-west-1', 'output = json', 'REGION = us-east-1', 'aws_access_key_id = AKIAEXAMPLE');
		assertLikeMap(section, new Map([['region', 'us-east-1'], ['output', 'json'], ['aws_access_key_id', 'AKIAEXAMPLE']]));
		assertLikeMap(sectionOf(), new Map());
	});

	it('answer undefined and false for an absent name', () => {
		const { properties } = sectionOf('region = x', 'output = y');
		for (const absent of ['', 'regio', 'REGION', 'x']) {
			assert.equal(properties.get(absent), undefined, absent);
			assert.equal(properties.has(absent), false, absent);
		}
	});

	it('take names that are properties of Object.prototype as plain names', () => {
		const names = ['__proto__', 'constructor', 'tostring', 'hasownproperty'];
		assertLikeMap(sectionOf(...names.map((name, i) => `${name} = ${i}`)), new Map(names.map((name, i) => [name, String(i)])));
		assert.equal(sectionOf().properties.get('__proto__'), undefined);
		assert.equal(sectionOf('a = 1').properties.has('constructor'), false);
	});

	it('stay a map beyond the length from which they index their names, up to many thousand', () => {
		for (const length of [7, 8, 9, 10, 20, 20_000]) {
			const names = Array.from({ length }, (_, i) => `key_${i}`);
			const section = sectionOf(...names.map((name, i) => `${name} = value ${i}`));
			assertLikeMap(section, new Map(names.map((name, i) => [name, `value ${i}`])));
			assert.equal(section.properties.get('key_x'), undefined);
			assert.equal(section.properties.get(`key_${length}`), undefined);
		}
	});

	it('give values joined over continuation lines, sub-properties, and where each is written', () => {
		const section = sectionOf('key = first', '  second', 's3 =', '  max_concurrent_requests = 10', 'region = eu-west-1');
		assert.equal(section.properties.get('key')?.value, 'first\nsecond');
		const s3 = section.properties.get('s3')!;
		assert.equal(s3.value, '\nmax_concurrent_requests = 10');
		assert.deepEqual([...s3.subProperties!], [['max_concurrent_requests', '10']]);
		assert.equal(section.properties.get('region')?.subProperties, undefined);
		assert.deepEqual(section.properties.get('region')?.key, { file: 'config', range: { offset: 69, length: 6, line: 5, column: 0 } });
		assert.deepEqual(section.properties.get('key')?.valueRange, { file: 'config', range: { offset: 18, length: 14, line: 1, column: 6 } });
	});

	it('take the later value, sub-properties or not, and its place in the file, when a key is set again', () => {
		const section = sectionOf('s3 =', '  addressing_style = path', 'region = a', 'S3 = plain');
		const s3 = section.properties.get('s3')!;
		assert.equal(s3.value, 'plain');
		assert.equal(s3.subProperties, undefined);
		assert.equal(s3.key.range.line, 4);
		assert.deepEqual([...section.properties.keys()], ['s3', 'region']);
	});

	it('give the profile model the same values without making definitions', () => {
		const section = sectionOf('region = eu-west-1', 'role_arn = arn:aws:iam::123456789012:role/r', 'source_profile = base', '  more');
		assert.equal(valueOf(section, 'region'), 'eu-west-1');
		assert.equal(valueOf(section, 'source_profile'), 'base\nmore');
		assert.equal(valueOf(section, 'sso_session'), undefined);
	});

	it('iterate afresh each time, and their iterators are iterable', () => {
		const { properties } = sectionOf('a = 1', 'b = 2');
		const keys = properties.keys();
		assert.equal(keys[Symbol.iterator](), keys);
		assert.deepEqual([...keys], ['a', 'b']);
		assert.deepEqual([...keys], []);
		assert.deepEqual([...properties.keys()], ['a', 'b']);
		assert.equal(Object.prototype.toString.call(properties), '[object SectionProperties]');
	});
});
