/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the fuzz (fuzz.test.ts) starts from and how it spoils it: the fixtures under test/fixtures/ and the
// AWS SDKs' shared test suites (test/unit/suites.ts), mutated by seeded byte flips, inserted, deleted and
// duplicated lines and spans, splices of two files, CR, BOM, NUL and unicode, deep nesting and a span
// repeated many times. Every mutation is described in words, so that a failing input can be told and
// replayed from its seed.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadSuite, suitesDir } from '../unit/suites';
import type { Gen } from '../unit/seededRandom';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

/** Profile files: the fixture home's two files and every config or credentials file of the SDK suites. */
export function profileCorpus(): string[] {
	const texts = new Set<string>();
	for (const name of ['config', 'credentials']) {
		texts.add(readFileSync(path.join(fixtures, 'home', '.aws', name), 'utf8'));
	}
	if (existsSync(suitesDir)) {
		const parserSuites = ['aws-sdk-kotlin_profile-parser-tests.json', 'aws-sdk-ruby-v4_config-file-parser-tests.json', 'smithy-rs_profile-parser-tests.json'];
		for (const suite of parserSuites) {
			for (const { input } of loadSuite<{ tests: { input: { configFile?: string; credentialsFile?: string } }[] }>(suite).tests) {
				[input.configFile, input.credentialsFile].forEach((text) => text !== undefined && texts.add(text));
			}
		}
		for (const test of loadSuite<{ input?: { configFile?: string; credentialsFile?: string } }[]>('smithy-rs_assume-role-tests.json')) {
			[test.input?.configFile, test.input?.credentialsFile].forEach((text) => text !== undefined && texts.add(text));
		}
	}
	return [...texts];
}

export interface ProjectFile {
	/** The base name the finders go by (`serverless.ts.txt` is kept as text, and read as `serverless.ts`). */
	readonly name: string;
	readonly text: string;
}

/** The project files of test/fixtures/references and test/fixtures/workspace. */
export function projectCorpus(): ProjectFile[] {
	const files: ProjectFile[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory()) {
				walk(file);
			} else {
				files.push({ name: entry.name.replace(/\.txt$/, ''), text: readFileSync(file, 'utf8') });
			}
		}
	};
	walk(path.join(fixtures, 'references'));
	walk(path.join(fixtures, 'workspace'));
	return files.sort((a, b) => (a.name + a.text < b.name + b.text ? -1 : 1));
}

/** Lines that mean something to one of the syntaxes read (INI, YAML, JSON, TOML, HCL, dotenv, JS). */
const lines: readonly string[] = [
	'[default]', '[profile x]', '[profile ]', '[sso-session s]', '[services svc]', '[', ']', '[profile a b]', '[ profile  x ]  # c',
	'key = value', 'region = us-east-1', 'source_profile = x', 'role_arn = arn:aws:iam::123456789012:role/r', 'sso_session = s',
	'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'credential_process = a b', '=', ' = ', 'a', 'A = 1', 'a:b = c', '  sub = 1', '\tcontinued',
	's3 =', 'region = us-east-1 # main', '# comment', '; comment', '',
	'provider:', '  profile: dev', '  profile: ${opt:aws-profile, self:custom.p, "d"}', 'custom:', '  p: ${env:AWS_PROFILE}',
	'  stage: ${sls:stage}', '- a', '  - b: c', 'a: &x b', 'c: *x', '<<: *x', 'key: |', '  text', '? complex', '---', '...', '%YAML 1.2', '!Ref x',
	'{', '}', '"profile": "p",', '"a": [', ']', '"x": {"y": 1}', 'null', '"\\u0000"',
	'[dev.deploy.parameters]', 'profile = "p"', 'x = """', '[[a]]', 'a.b = 1',
	'provider "aws" {', '  profile = "p"', '  profile = var.p', '}', 'variable "p" {', '<<EOF', 'EOF', '${var.x}',
	'AWS_PROFILE=x', 'export AWS_PROFILE="y"', 'AWS_DEFAULT_PROFILE=\'z\'',
	'"scripts": {', '"deploy": "AWS_PROFILE=x sls deploy --aws-profile y"', 'module.exports = {', 'export default {', '  profile: "p",', '};',
	'config:', '  aws:profile: p',
];

const chars: readonly string[] = [
	'\0', '\r', '\n', '\r\n', '\t', '\v', '\f', ' ', '[', ']', '=', ':', '#', ';', '"', '\'', '`', '{', '}', '(', ')', '$', '\\', '-', '&', '*',
	'!', '|', '>', '%', ',', '\uFEFF', '\uD800', '\uDC00', '\u2028', '\u2029', '\u0085', '\u00a0', '\u00e9', 'e\u0301', '\u202e', '\u{1F600}', '\uFFFF',
];

/** Openers of every nesting syntax read. */
const nests: readonly string[] = ['[', '{', '(', '${', '${self:', '- ', '  ', '{"a":', '[[', 'a:\n', '"', '\\'];

export interface Mutated {
	readonly text: string;
	/** The mutations, in words. */
	readonly steps: string[];
}

const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);

/** `count` mutations of `text`; `others` are for splicing. The result stays under `limit` characters. */
export function mutate(g: Gen, text: string, others: readonly string[], count: number, limit = 64 * 1024): Mutated {
	const steps: string[] = [];
	let current = text;
	for (let i = 0; i < count; i++) {
		const [next, step] = mutateOnce(g, current, others);
		if (next.length <= limit) {
			current = next;
			steps.push(step);
		}
	}
	return { text: current, steps };
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '\n') {
			starts.push(i + 1);
		}
	}
	return starts;
}

function mutateOnce(g: Gen, text: string, others: readonly string[]): [string, string] {
	const at = g.int(text.length + 1);
	const span = () => {
		const start = g.int(text.length + 1);
		return [start, Math.min(text.length, start + 1 + g.int(g.chance(0.8) ? 40 : 400))];
	};
	const starts = lineStarts(text);
	const line = () => {
		const index = g.int(starts.length);
		return [starts[index], index + 1 < starts.length ? starts[index + 1] : text.length];
	};
	switch (g.int(12)) {
		case 0: {
			const char = g.chance(0.5) ? g.pick(chars) : String.fromCharCode(g.int(256));
			return [text.slice(0, at) + char + text.slice(at + 1), `flip @${at} to ${show(char)}`];
		}
		case 1: {
			const [start] = line();
			const inserted = g.pick(lines) + g.pick(['\n', '\r\n', '\r', '']);
			return [text.slice(0, start) + inserted + text.slice(start), `insert line @${start} ${show(inserted)}`];
		}
		case 2: {
			const [start, end] = line();
			return [text.slice(0, start) + text.slice(end), `delete line @${start}-${end}`];
		}
		case 3: {
			const [start, end] = line();
			return [text.slice(0, end) + text.slice(start, end) + text.slice(end), `duplicate line @${start}-${end}`];
		}
		case 4: {
			const [start, end] = span();
			return [text.slice(0, start) + text.slice(end), `delete span @${start}-${end}`];
		}
		case 5: {
			const [start, end] = span();
			const to = g.int(text.length + 1);
			return [text.slice(0, to) + text.slice(start, end) + text.slice(to), `copy span @${start}-${end} to @${to}`];
		}
		case 6: {
			const other = g.pick(others);
			const cut = g.int(text.length + 1);
			const from = g.int(other.length + 1);
			return [text.slice(0, cut) + other.slice(from), `splice @${cut} with another file from @${from}`];
		}
		case 7: {
			const char = g.pick(chars);
			const where = g.chance(0.3) ? 0 : at;
			return [text.slice(0, where) + char + text.slice(where), `insert ${show(char)} @${where}`];
		}
		case 8: {
			const crlf = g.chance(0.5);
			return [crlf ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r?\n/g, '\r'), crlf ? 'all line ends to CRLF' : 'all line ends to CR'];
		}
		case 9: {
			const nest = g.pick(nests);
			const depth = 1 + g.int(g.chance(0.5) ? 50 : 3000);
			const inserted = nest.repeat(depth);
			return [text.slice(0, at) + inserted + text.slice(at), `nest ${show(nest)} x${depth} @${at}`];
		}
		case 10: {
			const [start, end] = span();
			const times = 2 + g.int(g.chance(0.5) ? 20 : 2000);
			return [text.slice(0, end) + text.slice(start, end).repeat(times) + text.slice(end), `repeat span @${start}-${end} x${times}`];
		}
		default: {
			const [start] = line();
			const inserted = Array.from({ length: 1 + g.int(6) }, () => g.pick(lines)).join(g.pick(['\n', '\r\n'])) + '\n';
			return [text.slice(0, start) + inserted + text.slice(start), `insert lines @${start} ${show(inserted)}`];
		}
	}
}
