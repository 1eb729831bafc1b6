/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// serverless.js / serverless.ts READ AS TEXT, never run: the configuration object literal they build, as a
// config tree. A small tokenizer (strings, template literals, comments, regular expressions, so none of them
// is mistaken for structure) and a parser of object and array literals. A value that is a plain literal (a
// string, a template without `${}`, a number, `true`) is kept with its position; anything else (a variable,
// a call, `process.env.X || 'dev'`, a spread) is opaque: computed by code. The configuration is the first
// object literal with a `service` or a `provider` key, wherever it is (`module.exports = {`, `const config:
// AWS = {`, `return {` in a function). Bounded (parseLimits.ts): the size, the depth of object and array
// literals and of templates nested in templates, past which a ParseLimitError is thrown; a budget of steps
// keeps the parse linear.

import type { ConfigNode, MapNode, ScalarNode, SeqNode } from './configTree';
import { checkDepth, checkSize } from './parseLimits';
import type { NameSyntax } from './profileReference';

type TokenKind = 'string' | 'template' | 'number' | 'identifier' | 'punctuation';

interface Token {
	readonly kind: TokenKind;
	readonly start: number;
	readonly end: number;
	/** The decoded value of a string or a template; the text of anything else. */
	readonly value: string;
	/** Strings: written without escapes (so the value's characters are at `start + 1`). Templates: also without `${}`. */
	readonly plain?: boolean;
	readonly syntax?: NameSyntax;
}

/** The configuration object literal, if any; throws a ParseLimitError for a text over a limit. */
export function parseScriptObjectTree(text: string): ConfigNode | undefined {
	checkSize(text);
	const tokens = tokenize(text);
	const parser = new ObjectLiteralParser(tokens);
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i].value !== '{' || tokens[i].kind !== 'punctuation') {
			continue;
		}
		const parsed = parser.object(i, 0);
		if (parsed && (parsed.node.entries.has('service') || parsed.node.entries.has('provider'))) {
			return parsed.node;
		}
		if (parser.exhausted()) {
			return undefined;
		}
		if (parsed) {
			i = parsed.next - 1; // the objects inside another object are not the configuration
		}
	}
	return undefined;
}

// ---- tokenizer ----

const regexAfter = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '=>']);
const regexAfterWords = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'instanceof', 'new', 'void', 'delete', 'throw', 'yield', 'await', 'of']);

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	const previous = (): Token | undefined => tokens[tokens.length - 1];
	while (at < text.length) {
		const char = text[at];
		if (/\s/.test(char)) {
			at++;
		} else if (text.startsWith('//', at)) {
			const end = text.indexOf('\n', at);
			at = end < 0 ? text.length : end;
		} else if (text.startsWith('/*', at)) {
			const end = text.indexOf('*/', at + 2);
			at = end < 0 ? text.length : end + 2;
		} else if (char === '\'' || char === '"') {
			const token = stringToken(text, at, char);
			tokens.push(token);
			at = token.end;
		} else if (char === '`') {
			const token = templateToken(text, at);
			tokens.push(token);
			at = token.end;
		} else if (char === '/' && allowsRegex(previous())) {
			at = regexEnd(text, at);
		} else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(text[at + 1] ?? ''))) {
			const start = at;
			while (at < text.length && /[0-9A-Za-z_.]/.test(text[at])) {
				at++;
			}
			tokens.push({ kind: 'number', start, end: at, value: text.slice(start, at) });
		} else if (/[A-Za-z_$#\u0080-\uffff]/.test(char)) {
			const start = at;
			at++;
			while (at < text.length && /[\w$\u0080-\uffff]/.test(text[at])) {
				at++;
			}
			tokens.push({ kind: 'identifier', start, end: at, value: text.slice(start, at) });
		} else {
			const value = text.startsWith('...', at) ? '...' : text.startsWith('=>', at) ? '=>' : char;
			tokens.push({ kind: 'punctuation', start: at, end: at + value.length, value });
			at += value.length;
		}
	}
	return tokens;
}

function allowsRegex(previous: Token | undefined): boolean {
	if (!previous) {
		return true;
	}
	if (previous.kind === 'punctuation') {
		return regexAfter.has(previous.value);
	}
	return previous.kind === 'identifier' && regexAfterWords.has(previous.value);
}

function stringToken(text: string, start: number, quote: string): Token {
	let at = start + 1;
	let escaped = false;
	while (at < text.length && text[at] !== quote && text[at] !== '\n') {
		if (text[at] === '\\') {
			escaped = true;
			at++;
		}
		at++;
	}
	const raw = text.slice(start + 1, Math.min(at, text.length));
	const end = Math.min(at + 1, text.length);
	return {
		kind: 'string', start, end, value: escaped ? decodeEscapes(raw) : raw, plain: !escaped,
		syntax: quote === '"' ? 'js-double-quoted' : 'js-single-quoted',
	};
}

function templateToken(text: string, start: number, depth = 1): Token {
	checkDepth(depth);
	let at = start + 1;
	let plain = true;
	while (at < text.length && text[at] !== '`') {
		if (text[at] === '\\') {
			plain = false;
			at += 2;
		} else if (text.startsWith('${', at)) {
			plain = false;
			at = substitutionEnd(text, at + 2, depth + 1);
		} else {
			at++;
		}
	}
	const end = Math.min(at + 1, text.length);
	return { kind: 'template', start, end, value: text.slice(start + 1, Math.min(at, text.length)), plain, syntax: 'js-template' };
}

/** The end of a `${...}` in a template literal: the matching brace, stepping over nested strings and templates. */
function substitutionEnd(text: string, from: number, nesting: number): number {
	let depth = 1;
	let at = from;
	while (at < text.length) {
		const char = text[at];
		if (char === '\'' || char === '"') {
			at = stringToken(text, at, char).end;
		} else if (char === '`') {
			at = templateToken(text, at, nesting).end;
		} else {
			depth += char === '{' ? 1 : char === '}' ? -1 : 0;
			at++;
			if (depth === 0) {
				return at;
			}
		}
	}
	return at;
}

function regexEnd(text: string, start: number): number {
	let at = start + 1;
	let inClass = false;
	while (at < text.length && text[at] !== '\n') {
		const char = text[at];
		if (char === '\\') {
			at += 2;
			continue;
		}
		if (char === '[') {
			inClass = true;
		} else if (char === ']') {
			inClass = false;
		} else if (char === '/' && !inClass) {
			at++;
			while (at < text.length && /[a-z]/i.test(text[at])) {
				at++;
			}
			return at;
		}
		at++;
	}
	return start + 1; // not a regular expression after all: a division
}

function decodeEscapes(raw: string): string {
	const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };
	return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_, escape: string) => {
		if (escape.startsWith('u{')) {
			return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
		}
		if ((escape.startsWith('u') || escape.startsWith('x')) && escape.length > 1) {
			return String.fromCharCode(parseInt(escape.slice(1), 16));
		}
		if (escape === '\n' || escape === '\r\n') {
			return '';
		}
		return simple[escape] ?? escape;
	});
}

// ---- object literal parser ----

const closers: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

interface Parsed<T> {
	readonly node: T;
	/** The index of the token after the literal. */
	readonly next: number;
}

class ObjectLiteralParser {
	/**
	 * Every `{` is tried as an object literal, and a failed try (a block, a type) can be retried from inside;
	 * a budget of steps keeps a pathological file linear.
	 */
	private steps: number;

	constructor(private readonly tokens: readonly Token[]) {
		this.steps = 20 * tokens.length + 10_000;
	}

	exhausted(): boolean {
		return this.steps <= 0;
	}

	private step(): boolean {
		return --this.steps > 0;
	}

	object(open: number, depth: number): Parsed<MapNode> | undefined {
		checkDepth(depth);
		const entries = new Map<string, ConfigNode>();
		let i = open + 1;
		for (;;) {
			const token = this.tokens[i];
			if (!token || !this.step()) {
				return undefined;
			}
			if (this.is(i, '}')) {
				return { node: { kind: 'map', entries, span: this.spanOf(open, i + 1) }, next: i + 1 };
			}
			if (this.is(i, '...')) {
				i = this.skipExpression(i + 1); // a spread: what it adds is not known
			} else {
				const entry = this.property(i, depth);
				if (!entry) {
					return undefined;
				}
				if (entry.key !== undefined && entry.value) {
					entries.set(entry.key, entry.value);
				}
				i = entry.next;
			}
			if (this.is(i, ',')) {
				i++;
			} else if (!this.is(i, '}')) {
				return undefined;
			}
		}
	}

	private property(i: number, depth: number): { key?: string; value?: ConfigNode; next: number } | undefined {
		let token = this.tokens[i];
		if (token.kind === 'identifier' && ['get', 'set', 'async'].includes(token.value) && this.tokens[i + 1]?.kind === 'identifier') {
			i++; // `async name() {}`: a method, skipped below
			token = this.tokens[i];
		}
		let key: string | undefined;
		let next = i + 1;
		if (token.kind === 'identifier' || token.kind === 'string' || token.kind === 'number') {
			key = token.value;
		} else if (this.is(i, '[')) {
			next = this.skipBalanced(i); // a computed key: not known
		} else {
			return undefined;
		}
		if (this.is(next, ':')) {
			const value = this.value(next + 1, depth);
			return { key, value: value.node, next: value.next };
		}
		if (this.is(next, '(')) {
			return { next: this.skipExpression(next) }; // a method
		}
		if (this.is(next, ',') || this.is(next, '}')) {
			const span = this.spanOf(i, next);
			return { key, value: { kind: 'opaque', span, reason: { why: 'code' } }, next }; // shorthand `{ provider }`
		}
		return undefined; // not an object literal: a block, a type
	}

	private value(i: number, depth: number): Parsed<ConfigNode> {
		const token = this.tokens[i];
		if (token && this.is(i, '{')) {
			const parsed = this.object(i, depth + 1);
			if (parsed && this.endsValue(parsed.next)) {
				return parsed;
			}
		} else if (token && this.is(i, '[')) {
			const parsed = this.array(i, depth + 1);
			if (parsed && this.endsValue(parsed.next)) {
				return parsed;
			}
		} else if (token) {
			const scalar = this.scalar(token);
			if (scalar && this.endsValue(i + 1)) {
				return { node: scalar, next: i + 1 };
			}
			if (scalar && this.tokens[i + 1]?.kind === 'identifier' && ['as', 'satisfies'].includes(this.tokens[i + 1].value)) {
				return { node: scalar, next: this.skipExpression(i + 1) }; // `'x' as const`
			}
		}
		const next = this.skipExpression(i);
		const end = Math.max(i + 1, next);
		return { node: { kind: 'opaque', span: this.spanOf(i, end), reason: { why: 'code' } }, next };
	}

	private array(open: number, depth: number): Parsed<SeqNode> | undefined {
		checkDepth(depth);
		const items: ConfigNode[] = [];
		let i = open + 1;
		while (this.tokens[i] && !this.is(i, ']') && this.step()) {
			const value = this.value(i, depth);
			items.push(value.node);
			i = value.next;
			if (this.is(i, ',')) {
				i++;
			} else if (!this.is(i, ']')) {
				return undefined;
			}
		}
		return this.tokens[i] ? { node: { kind: 'seq', items, span: this.spanOf(open, i + 1) }, next: i + 1 } : undefined;
	}

	private scalar(token: Token): ScalarNode | undefined {
		const span = { offset: token.start, length: token.end - token.start };
		if (token.kind === 'string' || (token.kind === 'template' && token.plain)) {
			return token.plain && token.syntax
				? { kind: 'scalar', value: token.value, span, exact: { offset: token.start + 1, syntax: token.syntax } }
				: { kind: 'scalar', value: token.value, span };
		}
		if (token.kind === 'number' && Number.isFinite(Number(token.value))) {
			return { kind: 'scalar', value: Number(token.value), span };
		}
		if (token.kind === 'identifier' && (token.value === 'true' || token.value === 'false')) {
			return { kind: 'scalar', value: token.value === 'true', span };
		}
		if (token.kind === 'identifier' && (token.value === 'null' || token.value === 'undefined')) {
			return { kind: 'scalar', value: null, span };
		}
		return undefined;
	}

	private endsValue(i: number): boolean {
		return this.is(i, ',') || this.is(i, '}') || this.is(i, ']');
	}

	/** The index of the token that ends an expression starting at `i`: a `,`, `}`, `]` or `)` outside brackets. */
	private skipExpression(i: number): number {
		while (i < this.tokens.length && this.step()) {
			const token = this.tokens[i];
			if (token.kind === 'punctuation' && closers[token.value]) {
				i = this.skipBalanced(i);
				continue;
			}
			if (token.kind === 'punctuation' && [',', '}', ']', ')'].includes(token.value)) {
				return i;
			}
			i++;
		}
		return i;
	}

	/** The index after the bracket that closes the one at `i`. */
	private skipBalanced(i: number): number {
		const stack: string[] = [];
		for (; i < this.tokens.length && this.step(); i++) {
			const token = this.tokens[i];
			if (token.kind !== 'punctuation') {
				continue;
			}
			if (closers[token.value]) {
				stack.push(closers[token.value]);
			} else if (token.value === stack[stack.length - 1]) {
				stack.pop();
				if (stack.length === 0) {
					return i + 1;
				}
			}
		}
		return i;
	}

	private is(i: number, punctuation: string): boolean {
		const token = this.tokens[i];
		return token !== undefined && token.kind === 'punctuation' && token.value === punctuation;
	}

	private spanOf(first: number, after: number): { offset: number; length: number } {
		const start = this.tokens[first]?.start ?? 0;
		const end = this.tokens[Math.max(first, after - 1)]?.end ?? start;
		return { offset: start, length: Math.max(0, end - start) };
	}
}
