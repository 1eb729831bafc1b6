/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { ConfigNode, nodeAt, valueSpan } from '../../../src/core/references/configTree';
import { parseJsonTree } from '../../../src/core/references/jsonTree';
import { parseScriptObjectTree } from '../../../src/core/references/scriptObjectTree';
import { ParseLimitError } from '../../../src/core/references/parseLimits';
import { createLineIndex } from '../../../src/core/text/lineIndex';
import { parseTomlTree } from '../../../src/core/references/tomlTree';
import { cloudFormationTags, parseYamlTree } from '../../../src/core/references/yamlTree';

/** The value at a dotted path, what is underlined for it, and whether its characters are exact. */
function at(text: string, tree: ConfigNode | undefined, path: string): [unknown, string, string | undefined] {
	const node = nodeAt(tree, path.split('.'));
	assert.ok(node, `${path} exists`);
	const span = valueSpan(node);
	const value = node.kind === 'scalar' ? node.value : node.kind;
	return [value, text.slice(span.offset, span.offset + span.length), node.kind === 'scalar' ? node.exact?.syntax : undefined];
}

describe('Config trees', () => {
	describe('line index', () => {
		it('counts \\n, \\r\\n and a lone \\r as line ends', () => {
			const lines = createLineIndex('a\r\nbb\rccc\nd');
			assert.deepEqual(lines.rangeOf(8, 1), { offset: 8, length: 1, line: 2, column: 2 });
			assert.deepEqual(lines.rangeOf(10, 1), { offset: 10, length: 1, line: 3, column: 0 });
			assert.deepEqual(lines.rangeOf(3, 2), { offset: 3, length: 2, line: 1, column: 0 });
		});

		it('clamps a range to the text', () => {
			assert.deepEqual(createLineIndex('ab').rangeOf(1, 10), { offset: 1, length: 1, line: 0, column: 1 });
		});
	});

	describe('YAML', () => {
		it('keeps exact positions of plain, single- and double-quoted scalars', () => {
			const text = 'a: plain\nb: \'single\'\nc: "double"\nd: "esc\\"aped"\ne: \'it\'\'s\'\n';
			const tree = parseYamlTree(text);
			assert.deepEqual(at(text, tree, 'a'), ['plain', 'plain', 'yaml-plain']);
			assert.deepEqual(at(text, tree, 'b'), ['single', 'single', 'yaml-single-quoted']);
			assert.deepEqual(at(text, tree, 'c'), ['double', 'double', 'yaml-double-quoted']);
			assert.deepEqual(at(text, tree, 'd'), ['esc"aped', '"esc\\"aped"', undefined]);
			assert.deepEqual(at(text, tree, 'e'), ['it\'s', '\'it\'\'s\'', undefined]);
		});

		it('is not exact for folded and block scalars', () => {
			const text = 'a: >\n  folded\n  text\nb: |\n  block\n';
			const tree = parseYamlTree(text);
			assert.equal(at(text, tree, 'a')[2], undefined);
			assert.equal(at(text, tree, 'b')[2], undefined);
		});

		it('accepts every CloudFormation short form, as scalar, list and map, as opaque values', () => {
			for (const tag of cloudFormationTags) {
				for (const value of [`${tag} x`, `${tag} [ a, b ]`, `${tag}\n  k: v`]) {
					const tree = parseYamlTree(`v: ${value}\n`);
					const node = nodeAt(tree, ['v']);
					assert.deepEqual(node && node.kind === 'opaque' && node.reason, { why: 'cloudformation-function', tag }, `${value}`);
				}
			}
		});

		it('shares an alias\'s tree and applies merge keys, the map\'s own keys winning', () => {
			const text = 'base: &b\n  x: 1\n  y: 2\nother: &o\n  y: 9\n  z: 3\nm:\n  <<: [*b, *o]\n  x: own\nn: *b\n';
			const tree = parseYamlTree(text);
			assert.deepEqual([at(text, tree, 'm.x')[0], at(text, tree, 'm.y')[0], at(text, tree, 'm.z')[0]], ['own', 2, 3]);
			assert.equal(nodeAt(tree, ['n']), nodeAt(tree, ['base']));
		});

		it('stays small on a billion laughs', () => {
			const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
			for (let i = 1; i < 12; i++) {
				levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
			}
			// Shared, not copied: 9^12 nodes would never finish (the attack suite bounds time and memory).
			assert.ok(parseYamlTree(`${levels.join('\n')}\n`));
		});

		it('gives no tree for invalid YAML or a second document', () => {
			assert.equal(parseYamlTree('a: [\n'), undefined);
			assert.equal(parseYamlTree('a: 1\n---\nb: 2\n'), undefined);
			assert.equal(parseYamlTree(''), undefined);
		});
	});

	describe('JSON', () => {
		it('keeps exact positions of strings without escapes', () => {
			const text = '{ "a": "plain", "b": "e\\u0073c", "c": 12 }';
			const tree = parseJsonTree(text);
			assert.deepEqual(at(text, tree, 'a'), ['plain', 'plain', 'json-string']);
			assert.deepEqual(at(text, tree, 'b'), ['esc', '"e\\u0073c"', undefined]);
			assert.deepEqual(at(text, tree, 'c'), [12, '12', undefined]);
		});

		it('refuses comments and trailing commas, as the tools do', () => {
			assert.equal(parseJsonTree('{ "a": 1, }'), undefined);
			assert.equal(parseJsonTree('{ /* c */ "a": 1 }'), undefined);
		});
	});

	describe('TOML', () => {
		it('finds each string\'s position by table and dotted key', () => {
			const text = '[a.b]\nx = "one"\n"quoted key".y = \'two\'\n[c]\nz.w = "three" # comment\n';
			const tree = parseTomlTree(text);
			assert.deepEqual(at(text, tree, 'a.b.x'), ['one', 'one', 'toml-basic']);
			assert.deepEqual(at(text, tree, 'a.b.quoted key.y'), ['two', 'two', 'toml-literal']);
			assert.deepEqual(at(text, tree, 'c.z.w'), ['three', 'three', 'toml-basic']);
		});

		it('is not fooled by multi-line strings and arrays', () => {
			const text = 'a = """\nx = "fake"\n[fake]\n"""\nb = [\n  "[not.a.table]",\n  { x = "in-inline" },\n]\nx = "real"\n';
			const tree = parseTomlTree(text);
			assert.deepEqual(at(text, tree, 'x'), ['real', 'real', 'toml-basic']);
			assert.deepEqual(at(text, tree, 'b.1.x'), ['in-inline', 'in-inline', 'toml-basic']);
			assert.equal(nodeAt(tree, ['fake']), undefined);
		});

		it('indexes arrays of tables', () => {
			const text = '[[s]]\np = "first"\n[[s]]\np = "second"\n[s.sub]\nq = "sub of second"\n';
			const tree = parseTomlTree(text);
			assert.deepEqual(at(text, tree, 's.1.p'), ['second', 'second', 'toml-basic']);
			assert.deepEqual(at(text, tree, 's.1.sub.q'), ['sub of second', 'sub of second', 'toml-basic']);
		});

		it('underlines the whole literal when it has escapes', () => {
			const text = 'a = "tab\\there"\n';
			assert.deepEqual(at(text, parseTomlTree(text), 'a'), ['tab\there', '"tab\\there"', undefined]);
		});

		it('gives no tree for invalid TOML', () => {
			assert.equal(parseTomlTree('[a\nb = 1\n'), undefined);
			assert.equal(parseTomlTree('a = 1\na = 2\n'), undefined);
		});
	});

	describe('object literals of serverless.js / .ts', () => {
		it('keeps plain literals, and marks code as opaque', () => {
			const text = 'module.exports = { service: \'s\', provider: { a: "x", b: `t`, c: 3, d: f(), e: \'x\' + y, f: `${z}`, g: \'s\' as const } };';
			const tree = parseScriptObjectTree(text);
			assert.deepEqual(at(text, tree, 'provider.a'), ['x', 'x', 'js-double-quoted']);
			assert.deepEqual(at(text, tree, 'provider.b'), ['t', 't', 'js-template']);
			assert.deepEqual(at(text, tree, 'provider.c'), [3, '3', undefined]);
			assert.deepEqual(at(text, tree, 'provider.d'), ['opaque', 'f()', undefined]);
			assert.deepEqual(at(text, tree, 'provider.e'), ['opaque', '\'x\' + y', undefined]);
			assert.deepEqual(at(text, tree, 'provider.f'), ['opaque', '`${z}`', undefined]);
			assert.deepEqual(at(text, tree, 'provider.g'), ['s', 's', 'js-single-quoted']);
		});

		it('steps over comments, strings, regular expressions and methods', () => {
			const text = '// { provider: { profile: "no" } }\nconst re = /{/;\nconst c = {\n  service: "s", // }\n  hook() { return { a: 1 }; },\n'
				+ '  provider: { profile: "yes", re: /}/g },\n};';
			assert.deepEqual(at(text, parseScriptObjectTree(text), 'provider.profile'), ['yes', 'yes', 'js-double-quoted']);
		});

		it('finds no configuration in a file without one', () => {
			assert.equal(parseScriptObjectTree('const a = { b: 1 };'), undefined);
			assert.equal(parseScriptObjectTree(''), undefined);
		});

		it('stays linear on a pathological file', () => {
			const text = `${'{ a: '.repeat(5000)}${'x'}${' } '.repeat(4999)}`;
			assert.throws(() => parseScriptObjectTree(text), ParseLimitError); // too deeply nested: said, not skipped
		});
	});
});
