/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Terraform (`*.tf`): `provider "aws" { profile = "..." }` (every such block, aliases included) and
// `terraform { backend "s3" { profile = "..." } }`. A small HCL scanner: it knows strings (with their
// `${...}` / `%{...}` templates, which can nest strings), heredocs, the three comment forms, blocks and
// attributes, enough to find those attributes and never be fooled by a `{` in a string. Only a literal string
// is a name; `var.profile`, `local.x` or an interpolation is not-checked. Bounded (parseLimits.ts): the size,
// and the depth of blocks and of templates nested in strings, past which a ParseLimitError is thrown.

import { extname } from 'node:path';
import { checkDepth, checkSize } from './parseLimits';
import type { ProfileReference } from './profileReference';
import { createLineIndex, LineIndex } from '../lineIndex';

export function isTerraformFile(fileName: string): boolean {
	return extname(fileName) === '.tf';
}

type TokenKind = 'identifier' | 'string' | 'heredoc' | 'newline' | 'punctuation' | 'other';

interface Token {
	readonly kind: TokenKind;
	readonly start: number;
	readonly end: number;
	readonly text: string;
	/** Strings: the value, when the string is a plain literal (no template, no escape). */
	readonly literal?: string;
	/** Strings: holds `${` or `%{`. */
	readonly template?: boolean;
}

interface Attribute {
	readonly name: string;
	readonly tokens: readonly Token[];
}

interface Block {
	readonly type: string;
	readonly labels: readonly string[];
	readonly attributes: readonly Attribute[];
	readonly blocks: readonly Block[];
}

export function findTerraformReferences(text: string): ProfileReference[] {
	checkSize(text);
	const tokens = tokenize(text);
	const body = new BodyParser(tokens).body(0, 0);
	const lines = createLineIndex(text);
	const references: ProfileReference[] = [];
	for (const block of body.blocks) {
		if (block.type === 'provider' && block.labels[0] === 'aws') {
			references.push(...profileAttributes(block, 'provider "aws"', lines, text));
		}
		if (block.type === 'terraform') {
			for (const backend of block.blocks) {
				if (backend.type === 'backend' && backend.labels[0] === 's3') {
					references.push(...profileAttributes(backend, 'terraform backend "s3"', lines, text));
				}
			}
		}
	}
	return references;
}

function profileAttributes(block: Block, where: string, lines: LineIndex, text: string): ProfileReference[] {
	return block.attributes.filter((attribute) => attribute.name === 'profile' && attribute.tokens.length > 0).map((attribute) => {
		const first = attribute.tokens[0];
		const last = attribute.tokens[attribute.tokens.length - 1];
		const key = `${where}.profile`;
		if (attribute.tokens.length === 1 && first.kind === 'string' && !first.template) {
			const value = stringValue(first);
			const exact = first.literal !== undefined;
			const range = exact ? lines.rangeOf(first.start + 1, value.length) : lines.rangeOf(first.start, first.end - first.start);
			const base = { kind: 'terraform' as const, key, range, stages: [], warnings: [] };
			return exact
				? { ...base, status: 'resolved' as const, name: value, rename: { range, syntax: 'hcl-string' as const } }
				: { ...base, status: 'resolved' as const, name: value };
		}
		const expression = text.slice(first.start, last.end);
		return {
			kind: 'terraform' as const, key, range: lines.rangeOf(first.start, last.end - first.start), stages: [], warnings: [],
			status: 'not-checked' as const, reason: { why: 'terraform-expression' as const, expression },
		};
	}).filter((reference) => reference.status !== 'resolved' || reference.name !== '');
}

function stringValue(token: Token): string {
	if (token.literal !== undefined) {
		return token.literal;
	}
	const raw = token.text.slice(1, -1);
	try {
		return (JSON.parse(`"${raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')}"`) as string);
	} catch {
		return raw;
	}
}

// ---- tokenizer ----

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < text.length) {
		const char = text[at];
		if (char === ' ' || char === '\t' || char === '\r') {
			at++;
		} else if (char === '\n') {
			tokens.push({ kind: 'newline', start: at, end: at + 1, text: '\n' });
			at++;
		} else if (char === '#' || text.startsWith('//', at)) {
			while (at < text.length && text[at] !== '\n') {
				at++;
			}
		} else if (text.startsWith('/*', at)) {
			const end = text.indexOf('*/', at + 2);
			at = end < 0 ? text.length : end + 2;
		} else if (char === '"') {
			const token = stringToken(text, at);
			tokens.push(token);
			at = token.end;
		} else if (text.startsWith('<<', at) && /^<<-?[A-Za-z_][\w-]*\r?\n/.test(text.slice(at, at + 200))) {
			const end = heredocEnd(text, at);
			tokens.push({ kind: 'heredoc', start: at, end, text: text.slice(at, end) });
			at = end;
		} else if (/[A-Za-z_]/.test(char)) {
			const start = at;
			while (at < text.length && /[\w-]/.test(text[at])) {
				at++;
			}
			tokens.push({ kind: 'identifier', start, end: at, text: text.slice(start, at) });
		} else if ('{}[]()=,'.includes(char)) {
			tokens.push({ kind: 'punctuation', start: at, end: at + 1, text: char });
			at++;
		} else {
			tokens.push({ kind: 'other', start: at, end: at + 1, text: char });
			at++;
		}
	}
	return tokens;
}

/** A quoted string; a template (`${...}`, `%{...}`) may hold strings of its own. Ends at its line if unclosed. */
function stringToken(text: string, start: number, depth = 1): Token {
	checkDepth(depth);
	let at = start + 1;
	let escaped = false;
	let template = false;
	while (at < text.length && text[at] !== '"' && text[at] !== '\n') {
		if (text[at] === '\\') {
			escaped = true;
			at += 2;
		} else if ((text[at] === '$' || text[at] === '%') && text[at + 1] === '{') {
			if (text[at - 1] === text[at]) {
				escaped = true; // `$${` is a literal `${`
				at += 2;
				continue;
			}
			template = true;
			at = templateEnd(text, at + 2, depth + 1);
		} else {
			at++;
		}
	}
	const end = Math.min(at + 1, text.length);
	const body = text.slice(start + 1, at);
	return escaped || template
		? { kind: 'string', start, end, text: text.slice(start, end), template }
		: { kind: 'string', start, end, text: text.slice(start, end), literal: body };
}

function templateEnd(text: string, from: number, nesting: number): number {
	let depth = 1;
	let at = from;
	while (at < text.length && depth > 0) {
		if (text[at] === '"') {
			at = stringToken(text, at, nesting).end;
			continue;
		}
		depth += text[at] === '{' ? 1 : text[at] === '}' ? -1 : 0;
		at++;
	}
	return at;
}

function heredocEnd(text: string, start: number): number {
	const marker = /^<<-?([A-Za-z_][\w-]*)/.exec(text.slice(start, start + 200))?.[1] ?? '';
	let at = text.indexOf('\n', start) + 1;
	while (at > 0 && at < text.length) {
		const lineEnd = text.indexOf('\n', at);
		const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd).trim();
		if (line === marker) {
			return lineEnd < 0 ? text.length : lineEnd;
		}
		at = lineEnd < 0 ? text.length : lineEnd + 1;
	}
	return text.length;
}

// ---- blocks and attributes ----

const openers: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

class BodyParser {
	constructor(private readonly tokens: readonly Token[]) {
	}

	/** The items of a body from `i` up to its closing `}` (or the end); `next` is after that brace. */
	body(i: number, depth: number): Block & { next: number } {
		const attributes: Attribute[] = [];
		const blocks: Block[] = [];
		while (i < this.tokens.length) {
			const token = this.tokens[i];
			if (token.kind === 'newline') {
				i++;
				continue;
			}
			if (token.text === '}' && token.kind === 'punctuation') {
				return { type: '', labels: [], attributes, blocks, next: i + 1 };
			}
			if (token.kind !== 'identifier') {
				i = this.skipLine(i);
				continue;
			}
			const next = this.tokens[i + 1];
			if (next?.kind === 'punctuation' && next.text === '=') {
				const end = this.expressionEnd(i + 2);
				attributes.push({ name: token.text, tokens: this.tokens.slice(i + 2, end) });
				i = end;
				continue;
			}
			const labels: string[] = [];
			let j = i + 1;
			while (this.tokens[j]?.kind === 'string' || this.tokens[j]?.kind === 'identifier') {
				labels.push(this.tokens[j].kind === 'string' ? stringValue(this.tokens[j]) : this.tokens[j].text);
				j++;
			}
			if (this.tokens[j]?.text === '{') {
				checkDepth(depth + 1);
				const inner = this.body(j + 1, depth + 1);
				blocks.push({ type: token.text, labels, attributes: inner.attributes, blocks: inner.blocks });
				i = inner.next;
				continue;
			}
			i = this.skipLine(i);
		}
		return { type: '', labels: [], attributes, blocks, next: i };
	}

	/** An attribute's expression ends at a newline outside brackets (or at the body's `}`). */
	private expressionEnd(i: number): number {
		const stack: string[] = [];
		for (; i < this.tokens.length; i++) {
			const token = this.tokens[i];
			if (token.kind === 'newline' && stack.length === 0) {
				return i;
			}
			if (token.kind !== 'punctuation') {
				continue;
			}
			if (openers[token.text]) {
				stack.push(openers[token.text]);
			} else if (token.text === stack[stack.length - 1]) {
				stack.pop();
			} else if (token.text === '}' && stack.length === 0) {
				return i; // `{ profile = "x" }` on one line
			}
		}
		return i;
	}

	private skipLine(i: number): number {
		while (i < this.tokens.length && this.tokens[i].kind !== 'newline') {
			i++;
		}
		return i;
	}
}
