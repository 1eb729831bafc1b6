/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Each bound of parseLimits.ts, by counts (characters, levels, nodes), never by time: a parser past a limit
// throws a ParseLimitError, findProfileReferences turns it into one "not checked" reference, and
// checkReferences into a visible finding. The hangs themselves are the attack suite's (test/attacks).

import * as assert from 'node:assert/strict';
import { checkReferences } from '../../../src/core/references/checkReferences';
import { parseDotenv } from '../../../src/core/references/dotenv';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { parseJsonTree } from '../../../src/core/references/jsonTree';
import {
	jsonNestingDepth, maxNestingDepth, maxProjectFileChars, maxTreeNodes, ParseLimit, ParseLimitError, tomlNestingDepth,
} from '../../../src/core/references/parseLimits';
import { parseScriptObjectTree } from '../../../src/core/references/scriptObjectTree';
import { findTerraformReferences } from '../../../src/core/references/terraform';
import { parseTomlTree } from '../../../src/core/references/tomlTree';
import { parseYamlTree, yamlNestingDepth } from '../../../src/core/references/yamlTree';
import { buildProfileModel } from '../../../src/core/model/profileModel';
import { readStandard } from '../../../src/core/readings/standardReader';

const deep = maxNestingDepth + 1;

function limitOf(parse: () => unknown): ParseLimit['limit'] | undefined {
	try {
		parse();
	} catch (error) {
		if (error instanceof ParseLimitError) {
			return error.exceeded.limit;
		}
		throw error;
	}
	return undefined;
}

/** A text of exactly `size` characters: a comment after a reference. */
function padded(head: string, size: number, comment = '#'): string {
	return `${head}${comment}${'x'.repeat(size - head.length - comment.length - 1)}\n`;
}

describe('Parse limits of project files', () => {
	describe('size', () => {
		const cases: [string, (text: string) => unknown, string, string][] = [
			['YAML', parseYamlTree, 'provider:\n  profile: a\n', '#'],
			['JSON', parseJsonTree, '{"profile": "a"}\n', ' '],
			['TOML', parseTomlTree, 'profile = "a"\n', '#'],
			['serverless.ts', parseScriptObjectTree, 'export default { provider: { profile: "a" } }\n', '//'],
			['Terraform', findTerraformReferences, 'provider "aws" {\n  profile = "a"\n}\n', '#'],
			['dotenv', parseDotenv, 'AWS_PROFILE=a\n', '#'],
		];
		for (const [name, parse, head, comment] of cases) {
			it(`${name}: reads a file of the largest size, refuses one character more`, () => {
				assert.equal(limitOf(() => parse(padded(head, maxProjectFileChars, comment))), undefined);
				assert.equal(limitOf(() => parse(padded(head, maxProjectFileChars + 1, comment))), 'size');
			});
		}
	});

	describe('depth', () => {
		it('YAML: flow collections up to the limit, not one more', () => {
			assert.equal(yamlNestingDepth(`${'['.repeat(maxNestingDepth - 1)}${']'.repeat(maxNestingDepth - 1)}`), maxNestingDepth);
			assert.notEqual(parseYamlTree(`${'['.repeat(maxNestingDepth - 1)}${']'.repeat(maxNestingDepth - 1)}`), undefined);
			assert.equal(limitOf(() => parseYamlTree(`${'['.repeat(deep)}${']'.repeat(deep)}`)), 'depth');
			assert.equal(limitOf(() => parseYamlTree(`${'{a: '.repeat(deep)}b${'}'.repeat(deep)}`)), 'depth');
		});

		it('YAML: block maps by indentation, and compact lists on one line (`- - x`)', () => {
			const staircase = Array.from({ length: deep }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
			assert.equal(yamlNestingDepth(staircase), deep);
			assert.equal(limitOf(() => parseYamlTree(staircase)), 'depth');
			assert.equal(limitOf(() => parseYamlTree(`${'- '.repeat(deep)}x\n`)), 'depth');
		});

		it('YAML: brackets in strings, comments and block scalars count for nothing', () => {
			const text = `a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\nc: |\n  ${'['.repeat(500)}\n      ${'{'.repeat(500)}\nd: e\n`;
			assert.ok(yamlNestingDepth(text) <= 2, String(yamlNestingDepth(text)));
			assert.equal(nodeKeys(parseYamlTree(text)), 'a,b,c,d');
		});

		it('YAML: aliases nest no deeper than the limit either', () => {
			const chain = ['a0: &a0 [x]', ...Array.from({ length: deep }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`)].join('\n');
			assert.ok(yamlNestingDepth(chain) <= 2);
			assert.equal(limitOf(() => parseYamlTree(chain)), 'depth');
		});

		it('JSON: up to the limit, not one more; brackets in strings count for nothing', () => {
			assert.notEqual(parseJsonTree(`${'['.repeat(maxNestingDepth)}${']'.repeat(maxNestingDepth)}`), undefined);
			assert.equal(limitOf(() => parseJsonTree(`${'['.repeat(deep)}${']'.repeat(deep)}`)), 'depth');
			assert.equal(limitOf(() => parseJsonTree(`${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`)), 'depth');
			assert.equal(jsonNestingDepth(`{"a": "${'['.repeat(500)}\\"${'{'.repeat(500)}"}`), 1);
		});

		it('TOML: arrays, inline tables and dotted keys', () => {
			assert.equal(limitOf(() => parseTomlTree(`a = ${'['.repeat(deep)}${']'.repeat(deep)}\n`)), 'depth');
			assert.equal(limitOf(() => parseTomlTree(`a = ${'{b = '.repeat(deep)}1${'}'.repeat(deep)}\n`)), 'depth');
			assert.equal(limitOf(() => parseTomlTree(`${Array.from({ length: deep }, () => 'k').join('.')} = 1\n`)), 'depth');
			assert.equal(limitOf(() => parseTomlTree(`[${Array.from({ length: deep }, () => 'k').join('.')}]\n`)), 'depth');
			assert.equal(tomlNestingDepth(`a = "${'['.repeat(500)}"\nb = '${'{'.repeat(500)}' # ${'['.repeat(500)}\nc = """\n${'['.repeat(500)}"""\n`), 1);
			assert.notEqual(parseTomlTree(`${Array.from({ length: 20 }, () => 'k').join('.')} = 1\n`), undefined);
		});

		it('Terraform: blocks and templates nested in strings', () => {
			assert.equal(limitOf(() => findTerraformReferences(`${'a {\n'.repeat(deep)}${'}\n'.repeat(deep)}`)), 'depth');
			assert.equal(limitOf(() => findTerraformReferences(`x = ${'"${'.repeat(deep)}${'}"'.repeat(deep)}\n`)), 'depth');
			assert.equal(limitOf(() => findTerraformReferences(`${'a {\n'.repeat(maxNestingDepth)}${'}\n'.repeat(maxNestingDepth)}`)), undefined);
		});

		it('serverless.ts: object and array literals, and templates nested in templates', () => {
			assert.equal(limitOf(() => parseScriptObjectTree(`module.exports = { service: 'a', x: ${'{ a: '.repeat(deep)}1${' }'.repeat(deep)} }`)), 'depth');
			assert.equal(limitOf(() => parseScriptObjectTree(`module.exports = { service: 'a', x: ${'['.repeat(deep + 1)}${']'.repeat(deep + 1)} }`)), 'depth');
			assert.equal(limitOf(() => parseScriptObjectTree(`const a = ${'`${'.repeat(deep)}${'}`'.repeat(deep)}`)), 'depth');
		});
	});

	describe('nodes', () => {
		it('YAML: what merge keys copy counts, so a chain of merges cannot grow quadratically', () => {
			const maps = Math.ceil(Math.sqrt(2 * maxTreeNodes)) + 10; // copies about maps²/2 entries in all
			const chain = ['m0: &m0 {k0: 0}', ...Array.from({ length: maps }, (_, i) => `m${i + 1}: &m${i + 1} {<<: *m${i}, k${i + 1}: 0}`)].join('\n');
			assert.equal(limitOf(() => parseYamlTree(chain)), 'nodes');
			const short = chain.split('\n').slice(0, 100).join('\n');
			assert.equal(limitOf(() => parseYamlTree(short)), undefined);
		});

		it('YAML: a billion laughs is shared, never expanded, so it parses', () => {
			const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
				...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`),
				'provider:\n  profile: laughs'];
			const references = findProfileReferences('serverless.yml', levels.join('\n'));
			assert.deepEqual(references.map((reference) => reference.status === 'resolved' && reference.name), ['laughs']);
		});
	});

	it('YAML: a key twice in a map is still an error (found in linear time, not by the library)', () => {
		assert.equal(parseYamlTree('a: 1\nb: 2\na: 3\n'), undefined);
		const flat = Array.from({ length: 20_000 }, (_, i) => `key${i}: value${i}`).join('\n');
		assert.equal(nodeKeys(parseYamlTree(flat)).split(',').length, 20_000);
	});

	describe('a file past a limit is said, never silence', () => {
		const model = buildProfileModel(readStandard({ config: '[profile a]\nregion = us-east-1\n' }));
		const cases: [string, string, RegExp][] = [
			['serverless.yml', padded('provider:\n  profile: a\n', maxProjectFileChars + 1), /^Not checked: too large \(1\.0 MB; the limit is 1\.0 MB\)/],
			['serverless.yml', `provider: ${'['.repeat(deep)}${']'.repeat(deep)}\n`, /^Not checked: too deeply nested \(more than 100 levels\)/],
			['up.json', `{"profile": ${'['.repeat(deep)}${']'.repeat(deep)}}`, /too deeply nested/],
			['samconfig.toml', `a = ${'['.repeat(deep)}${']'.repeat(deep)}\n`, /too deeply nested/],
			['main.tf', `${'a {\n'.repeat(deep)}`, /too deeply nested/],
			['serverless.ts', `export default { service: 'a', x: ${'{ a: '.repeat(deep)}1${' }'.repeat(deep)} }`, /too deeply nested/],
			['.env', padded('AWS_PROFILE=a\n', maxProjectFileChars + 1), /too large/],
			['package.json', `{"scripts": ${'['.repeat(deep)}${']'.repeat(deep)}}`, /too deeply nested/],
		];
		for (const [file, text, message] of cases) {
			it(`${file}: one info finding at the file's start`, () => {
				const references = findProfileReferences(file, text);
				assert.equal(references.length, 1);
				const findings = checkReferences(references, model, { file, searchedFiles: [], now: 0 });
				assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity, finding.range.offset]), [['profile-reference/file-not-checked', 'info', 0]]);
				assert.match(findings[0].message, message);
			});
		}
	});
});

function nodeKeys(node: ReturnType<typeof parseYamlTree>): string {
	return node?.kind === 'map' ? [...node.entries.keys()].join(',') : String(node?.kind);
}
