/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The name table behaves as a ReadonlyMap (a JS Map is the reference), at every size.

import * as assert from 'node:assert/strict';
import { NameTable } from '../../src/core/nameTable';

function tableOf(entries: readonly (readonly [string, number])[]): NameTable<number> {
	const table = new NameTable<number>();
	for (const [key, value] of entries) {
		table.add(key, value);
	}
	return table;
}

/** Everything a ReadonlyMap answers, from `table` and from a Map of the same entries, must agree. */
function assertLikeMap(table: ReadonlyMap<string, number>, entries: readonly (readonly [string, number])[]): void {
	const map = new Map(entries);
	assert.equal(table.size, map.size);
	assert.deepEqual([...table], [...map]);
	assert.deepEqual([...table.entries()], [...map.entries()]);
	assert.deepEqual([...table.keys()], [...map.keys()]);
	assert.deepEqual([...table.values()], [...map.values()]);
	const visited: [string, number][] = [];
	const context = {};
	table.forEach(function (this: unknown, value, key, owner) {
		assert.equal(this, context);
		assert.equal(owner, table);
		visited.push([key, value]);
	}, context);
	assert.deepEqual(visited, [...map]);
	for (const [key, value] of map) {
		assert.equal(table.get(key), value, key);
		assert.ok(table.has(key), key);
	}
}

describe('NameTable', () => {
	it('keeps the order in which the names were added', () => {
		const entries = [['zeta', 1], ['alpha', 2], ['mid', 3], ['Alpha', 4]] as const;
		assertLikeMap(tableOf(entries), entries);
	});

	it('answers undefined and false for an absent name, including its prefixes and other cases', () => {
		const table = tableOf([['dev', 1], ['default', 2]]);
		for (const absent of ['', 'de', 'DEV', 'dev ', 'defaul', 'defaults', 'x']) {
			assert.equal(table.get(absent), undefined, absent);
			assert.equal(table.has(absent), false, absent);
		}
		assert.equal(new NameTable<number>().get('dev'), undefined);
		assert.equal(new NameTable<number>().size, 0);
		assert.deepEqual([...new NameTable<number>()], []);
	});

	it('takes names that are properties of Object.prototype as plain names', () => {
		const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
		const entries = names.map((name, index) => [name, index] as const);
		const table = tableOf(entries);
		assertLikeMap(table, entries);
		assert.equal(tableOf([]).get('__proto__'), undefined);
		assert.equal(tableOf([]).has('constructor'), false);
	});

	it('grows past many thousand names, finding each one and no other', () => {
		const entries = Array.from({ length: 50_000 }, (_, i) => [`client-${i}-${['dev', 'prod', 's3'][i % 3]}`, i] as const);
		const table = tableOf(entries);
		assertLikeMap(table, entries);
		for (let i = 0; i < 1000; i++) {
			assert.equal(table.get(`client-${i}-x`), undefined);
		}
	});

	it('finds names that are built rather than literal, and any character', () => {
		const text = '[profile a.b]\n[é]\n[😀 x]';
		const names = [text.slice(9, 12), text.slice(15, 16), text.slice(19, 23)];
		const table = tableOf(names.map((name, index) => [name, index]));
		assert.equal(table.get('a.b'), 0);
		assert.equal(table.get('é'), 1);
		assert.equal(table.get('😀 x'), 2);
	});

	it('maps its values lazily: each when first read, once, and none before', () => {
		const table = tableOf([['x', 1], ['y', 2], ['z', 3]]);
		const mapped: string[] = [];
		const lazy = table.mapLazily((value, key) => {
			mapped.push(key);
			return { value };
		});
		assert.deepEqual(mapped, []);
		assert.equal(lazy.size, 3);
		assert.ok(lazy.has('y'));
		assert.deepEqual([...lazy.keys()], ['x', 'y', 'z']);
		assert.deepEqual(mapped, [], 'keys, size and has map nothing');
		const y = lazy.get('y');
		assert.deepEqual(y, { value: 2 });
		assert.equal(lazy.get('y'), y, 'the same value each time');
		assert.deepEqual(mapped, ['y']);
		assert.deepEqual([...lazy.values()].map(each => each.value), [1, 2, 3]);
		assert.deepEqual(mapped, ['y', 'x', 'z']);
		assert.deepEqual([...lazy.entries()].map(([key, each]) => [key, each.value]), [['x', 1], ['y', 2], ['z', 3]]);
		assert.equal(lazy.get('w'), undefined);
		assert.deepEqual(mapped, ['y', 'x', 'z']);
		// The two tables share their keys: neither can grow.
		assert.throws(() => table.add('w', 4));
		assert.throws(() => lazy.add('w', { value: 4 }));
	});

	it('finds a lower-case name from text in any ASCII case, without making a string', () => {
		const names = ['aws_access_key_id', 'region', 'é_x', ...Array.from({ length: 100 }, (_, i) => `key_${i}`)];
		const table = tableOf(names.map((name, index) => [name, index]));
		const text = 'x AWS_Access_Key_ID region REGION É_x é_X key_42 Key_99 regio key_100';
		const at = (written: string) => table.getLowerCased(text, text.indexOf(written), text.indexOf(written) + written.length);
		assert.equal(at('AWS_Access_Key_ID'), 0);
		assert.equal(at('region'), 1);
		assert.equal(at('REGION'), 1);
		assert.equal(at('é_X'), 2);
		assert.equal(at('key_42'), 45);
		assert.equal(at('Key_99'), 102);
		// Only ASCII is lower-cased; neither a prefix nor a longer name is the name.
		for (const absent of ['É_x', 'regio', 'key_100', 'x']) {
			assert.equal(at(absent), undefined, absent);
		}
	});

	it('iterates afresh each time, and its iterators are iterable', () => {
		const table = tableOf([['a', 1], ['b', 2]]);
		const keys = table.keys();
		assert.equal(keys[Symbol.iterator](), keys);
		assert.deepEqual([...keys], ['a', 'b']);
		assert.deepEqual([...keys], []);
		assert.deepEqual([...table.keys()], ['a', 'b']);
		assert.equal(Object.prototype.toString.call(table), '[object NameTable]');
	});
});
