/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The property list behaves as a ReadonlyMap (a JS Map is the reference), short or long.

import * as assert from 'node:assert/strict';
import { ListedItem, PropertyList } from '../../src/core/propertyList';

interface Item extends ListedItem<Item> {
	readonly value: number;
}

function item(name: string, value: number): Item {
	return { name, value, next: undefined };
}

function listOf(names: readonly string[]): PropertyList<Item> {
	const list = new PropertyList<Item>();
	names.forEach((name, index) => list.append(item(name, index)));
	return list;
}

function assertLikeMap(list: PropertyList<Item>, names: readonly string[]): void {
	const map = new Map(names.map((name, index) => [name, index]));
	const values = (entries: Iterable<[string, Item]>) => [...entries].map(([key, each]) => [key, each.value]);
	assert.equal(list.size, map.size);
	assert.deepEqual(values(list), [...map]);
	assert.deepEqual(values(list.entries()), [...map.entries()]);
	assert.deepEqual([...list.keys()], [...map.keys()]);
	assert.deepEqual([...list.values()].map(each => each.value), [...map.values()]);
	const visited: [string, number][] = [];
	const context = {};
	list.forEach(function (this: unknown, each, key, owner) {
		assert.equal(this, context);
		assert.equal(owner, list);
		visited.push([key, each.value]);
	}, context);
	assert.deepEqual(visited, [...map]);
	for (const [name, value] of map) {
		assert.equal(list.get(name)?.value, value, name);
		assert.ok(list.has(name), name);
	}
}

describe('PropertyList', () => {
	it('keeps the order in which the properties were appended', () => {
		assertLikeMap(listOf(['region', 'output', 'aws_access_key_id']), ['region', 'output', 'aws_access_key_id']);
		assertLikeMap(listOf([]), []);
	});

	it('answers undefined and false for an absent name', () => {
		const list = listOf(['region', 'output']);
		for (const absent of ['', 'regio', 'REGION', 'x']) {
			assert.equal(list.get(absent), undefined, absent);
			assert.equal(list.has(absent), false, absent);
		}
		assert.equal(new PropertyList<Item>().get('region'), undefined);
	});

	it('takes names that are properties of Object.prototype as plain names', () => {
		const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
		assertLikeMap(listOf(names), names);
		assert.equal(listOf([]).get('__proto__'), undefined);
		assert.equal(listOf(['a']).has('constructor'), false);
	});

	it('stays a map beyond the length from which it indexes its properties, up to many thousand', () => {
		for (const length of [7, 8, 9, 10, 20, 20_000]) {
			const names = Array.from({ length }, (_, i) => `key_${i}`);
			const list = listOf(names);
			assertLikeMap(list, names);
			assert.equal(list.get('key_x'), undefined);
			assert.equal(list.get(`key_${length}`), undefined);
		}
	});

	it('finds a name by its characters, not only the very same string', () => {
		const text = 'Region = x';
		const list = listOf([text.slice(0, 6).toLowerCase()]);
		assert.equal(list.get('region')?.value, 0);
	});

	it('iterates afresh each time, and its iterators are iterable', () => {
		const list = listOf(['a', 'b']);
		const keys = list.keys();
		assert.equal(keys[Symbol.iterator](), keys);
		assert.deepEqual([...keys], ['a', 'b']);
		assert.deepEqual([...keys], []);
		assert.deepEqual([...list.keys()], ['a', 'b']);
		assert.equal(Object.prototype.toString.call(list), '[object PropertyList]');
	});
});
