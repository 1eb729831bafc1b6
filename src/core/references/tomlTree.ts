/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// TOML files (samconfig.toml, zappa_settings.toml) as a config tree. smol-toml decides what the document
// means (and whether it is valid at all: a file it refuses gives no tree), but it keeps no positions. So a
// small scanner walks the same text for where each single-line string value is written: it tracks the current
// table (`[a.b]`, `[[a]]` with its index), reads dotted keys (bare, "basic", 'literal'), and steps over every
// other value (numbers, dates, arrays, inline tables, multi-line strings) by their delimiters, so a line inside
// a multi-line string or array is never taken for a key. A string's position is used only when the scanned
// characters equal the value smol-toml read at the same path (no escapes); otherwise the reference falls back
// to the whole literal, or to its table's header. Bounded (parseLimits.ts): the size, and the depth (arrays,
// inline tables and dotted keys) by a linear scan before smol-toml parses, so `build` never meets a deep tree.

import type { parse as ParseToml } from 'smol-toml' with { 'resolution-mode': 'import' };
import type { ConfigNode } from './configTree';
import { checkDepth, checkSize, maxNestingDepth, tomlNestingDepth } from './parseLimits';
import type { NameSyntax } from './profileReference';
import type { Span } from '../lineIndex';

// smol-toml is an ES module with a CommonJS build; this CommonJS module takes the latter (as esbuild does).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('smol-toml') as { parse: typeof ParseToml };

interface ScannedString {
	readonly span: Span;
	readonly contentOffset: number;
	readonly raw: string;
	readonly syntax: NameSyntax;
}

interface ScanResult {
	readonly strings: Map<string, ScannedString>;
	readonly tables: Map<string, Span>;
}

/** The tree, or `undefined` for a text smol-toml refuses; throws a ParseLimitError for a text over a limit. */
export function parseTomlTree(text: string): ConfigNode | undefined {
	checkSize(text);
	checkDepth(tomlNestingDepth(text));
	let value: unknown;
	try {
		value = parse(text, { maxDepth: maxNestingDepth });
	} catch {
		return undefined;
	}
	const scan = new TomlScanner(text).scan();
	return build(value, [], scan, { offset: 0, length: 0 });
}

function pathKey(path: readonly string[]): string {
	return JSON.stringify(path);
}

function build(value: unknown, path: string[], scan: ScanResult, fallback: Span): ConfigNode {
	if (Array.isArray(value)) {
		const span = scan.tables.get(pathKey(path)) ?? fallback;
		return { kind: 'seq', items: value.map((item, index) => build(item, [...path, String(index)], scan, span)), span };
	}
	if (value instanceof Date) {
		return { kind: 'scalar', value: String(value), span: fallback };
	}
	if (typeof value === 'object' && value !== null) {
		const span = scan.tables.get(pathKey(path)) ?? fallback;
		const entries = new Map<string, ConfigNode>();
		for (const [key, child] of Object.entries(value)) {
			entries.set(key, build(child, [...path, key], scan, span));
		}
		return { kind: 'map', entries, span };
	}
	if (typeof value === 'string') {
		const scanned = scan.strings.get(pathKey(path));
		if (!scanned) {
			return { kind: 'scalar', value, span: fallback };
		}
		return scanned.raw === value
			? { kind: 'scalar', value, span: scanned.span, exact: { offset: scanned.contentOffset, syntax: scanned.syntax } }
			: { kind: 'scalar', value, span: scanned.span };
	}
	if (typeof value === 'number' || typeof value === 'boolean') {
		return { kind: 'scalar', value, span: fallback };
	}
	return { kind: 'scalar', value: typeof value === 'bigint' ? String(value) : null, span: fallback };
}

const bareKeyCharacter = /[A-Za-z0-9_-]/;

/** The scanner; every method returns or advances `this.at`, and never throws (a surprise skips the line). */
class TomlScanner {
	private at = 0;
	private table: string[] = [];
	/** `[[a]]` tables by resolved path, with the index of their last element. */
	private readonly arrayTables = new Map<string, number>();
	private readonly strings = new Map<string, ScannedString>();
	private readonly tables = new Map<string, Span>();

	constructor(private readonly text: string) {
	}

	scan(): ScanResult {
		while (this.at < this.text.length) {
			const before = this.at;
			this.skipTrivia(true);
			if (this.at >= this.text.length) {
				break;
			}
			const ok = this.text[this.at] === '[' ? this.header() : this.keyValue();
			if (!ok || this.at === before) {
				this.skipLine();
			}
		}
		return { strings: this.strings, tables: this.tables };
	}

	private header(): boolean {
		const start = this.at;
		const isArray = this.text.startsWith('[[', this.at);
		this.at += isArray ? 2 : 1;
		const keys = this.key();
		this.skipSpaces();
		const close = isArray ? ']]' : ']';
		if (!keys || !this.text.startsWith(close, this.at)) {
			return false;
		}
		this.at += close.length;
		const span = { offset: start, length: this.at - start };
		if (isArray) {
			const full = [...this.resolvePath(keys.slice(0, -1)), keys[keys.length - 1]];
			const index = (this.arrayTables.get(pathKey(full)) ?? -1) + 1;
			this.arrayTables.set(pathKey(full), index);
			this.tables.set(pathKey(full), span);
			this.table = [...full, String(index)];
		} else {
			this.table = this.resolvePath(keys);
		}
		this.tables.set(pathKey(this.table), span);
		return true;
	}

	/** A header's path with the index of the current element inserted after every `[[array]]` on the way. */
	private resolvePath(keys: readonly string[]): string[] {
		const resolved: string[] = [];
		for (const key of keys) {
			resolved.push(key);
			const index = this.arrayTables.get(pathKey(resolved));
			if (index !== undefined) {
				resolved.push(String(index));
			}
		}
		return resolved;
	}

	private keyValue(): boolean {
		return this.keyValueUnder(this.table);
	}

	/** `key = value`, its key read under `path` (the current table, or an inline table's). */
	private keyValueUnder(path: readonly string[]): boolean {
		const keys = this.key();
		this.skipSpaces();
		if (!keys || this.text[this.at] !== '=') {
			return false;
		}
		this.at++;
		this.skipSpaces();
		return this.value([...path, ...keys]);
	}

	/** A dotted key: `a`, `"a b".c`, `'x'`. */
	private key(): string[] | undefined {
		const keys: string[] = [];
		for (;;) {
			this.skipSpaces();
			const part = this.keyPart();
			if (part === undefined) {
				return undefined;
			}
			keys.push(part);
			this.skipSpaces();
			if (this.text[this.at] !== '.') {
				return keys;
			}
			this.at++;
		}
	}

	private keyPart(): string | undefined {
		const quote = this.text[this.at];
		if (quote === '"' || quote === '\'') {
			const end = this.stringEnd(this.at, quote);
			if (end === undefined) {
				return undefined;
			}
			const raw = this.text.slice(this.at + 1, end);
			this.at = end + 1;
			return quote === '"' ? decodeBasic(raw) : raw;
		}
		const start = this.at;
		while (this.at < this.text.length && bareKeyCharacter.test(this.text[this.at])) {
			this.at++;
		}
		return this.at > start ? this.text.slice(start, this.at) : undefined;
	}

	private value(path: string[]): boolean {
		const text = this.text;
		if (text.startsWith('"""', this.at) || text.startsWith('\'\'\'', this.at)) {
			return this.multilineString(text.slice(this.at, this.at + 3));
		}
		const first = text[this.at];
		if (first === '"' || first === '\'') {
			const end = this.stringEnd(this.at, first);
			if (end === undefined) {
				return false;
			}
			this.strings.set(pathKey(path), {
				span: { offset: this.at, length: end + 1 - this.at },
				contentOffset: this.at + 1,
				raw: text.slice(this.at + 1, end),
				syntax: first === '"' ? 'toml-basic' : 'toml-literal',
			});
			this.at = end + 1;
			return true;
		}
		if (first === '[') {
			return this.array(path);
		}
		if (first === '{') {
			return this.inlineTable(path);
		}
		// A number, a boolean, a date: up to what can follow a value.
		while (this.at < text.length && !',]}#\r\n'.includes(text[this.at])) {
			this.at++;
		}
		return true;
	}

	private array(path: string[]): boolean {
		this.at++;
		for (let index = 0; ; index++) {
			this.skipTrivia(true);
			if (this.text[this.at] === ']') {
				this.at++;
				return true;
			}
			if (this.at >= this.text.length || !this.value([...path, String(index)])) {
				return false;
			}
			this.skipTrivia(true);
			if (this.text[this.at] === ',') {
				this.at++;
			} else if (this.text[this.at] !== ']') {
				return false;
			}
		}
	}

	private inlineTable(path: string[]): boolean {
		this.at++;
		for (;;) {
			this.skipTrivia(true);
			if (this.text[this.at] === '}') {
				this.at++;
				return true;
			}
			if (!this.keyValueUnder(path)) {
				return false;
			}
			this.skipTrivia(true);
			if (this.text[this.at] === ',') {
				this.at++;
			} else if (this.text[this.at] !== '}') {
				return false;
			}
		}
	}

	private multilineString(delimiter: string): boolean {
		let at = this.at + 3;
		while (at < this.text.length) {
			if (delimiter === '"""' && this.text[at] === '\\') {
				at += 2;
				continue;
			}
			if (this.text.startsWith(delimiter, at)) {
				at += 3;
				// Up to two quotes right before the delimiter belong to the content: `""""` ends after four.
				for (let extra = 0; extra < 2 && this.text[at] === delimiter[0]; extra++) {
					at++;
				}
				this.at = at;
				return true;
			}
			at++;
		}
		return false;
	}

	/** The index of the closing quote of a one-line string starting at `start`, if it closes on its line. */
	private stringEnd(start: number, quote: string): number | undefined {
		for (let at = start + 1; at < this.text.length; at++) {
			const char = this.text[at];
			if (char === '\n' || char === '\r') {
				return undefined;
			}
			if (quote === '"' && char === '\\') {
				at++;
			} else if (char === quote) {
				return at;
			}
		}
		return undefined;
	}

	private skipSpaces(): void {
		while (this.text[this.at] === ' ' || this.text[this.at] === '\t') {
			this.at++;
		}
	}

	/** Spaces, comments and (when `newlines`) line ends. */
	private skipTrivia(newlines: boolean): void {
		for (;;) {
			this.skipSpaces();
			const char = this.text[this.at];
			if (char === '#') {
				this.skipLine();
			} else if (newlines && (char === '\n' || char === '\r')) {
				this.at++;
			} else {
				return;
			}
		}
	}

	private skipLine(): void {
		while (this.at < this.text.length && this.text[this.at] !== '\n') {
			this.at++;
		}
		if (this.at < this.text.length) {
			this.at++;
		}
	}
}

/** A basic string's escapes, for keys only (a value's position is used only when it has none). */
function decodeBasic(raw: string): string {
	if (!raw.includes('\\')) {
		return raw;
	}
	try {
		return JSON.parse(`"${raw}"`) as string;
	} catch {
		return raw;
	}
}
