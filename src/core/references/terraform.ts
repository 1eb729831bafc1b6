/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Terraform (`*.tf`): `provider "aws" { profile = "..." }` (every such block, aliases included),
// `terraform { backend "s3" { profile = "..." } }` and `data "terraform_remote_state" { backend = "s3",
// config = { profile = "..." } }`. A small HCL scanner: it knows strings (with their `${...}` / `%{...}`
// templates, which can nest strings), heredocs, the three comment forms, blocks and attributes, enough to find
// those attributes and never be fooled by a `{` in a string. A literal string is a name; `var.x` is the
// variable's value as Terraform picks it in the module (its folder): the last of its `default`, TF_VAR_x of
// the environment given, `terraform.tfvars`, then `*.auto.tfvars` in name order; the caller passes the
// module's other files (FindOptions.moduleFiles), since reading them is I/O. `local.x` or an interpolation is
// not-checked, and so is a value that is not HCL at all (`profile = ##AWS_PROFILE##`, a placeholder filled in
// before Terraform runs), never silence. `shared_credentials_files` / `shared_config_files` (and the older
// `shared_credentials_file`) of the same block are kept as written on the reference: the files the Go SDK
// reads the profile from instead of the usual ones (the caller reads them, see terraformFiles.ts). Bounded
// (parseLimits.ts): the size, and the depth of blocks and of templates nested in strings, past which a
// ParseLimitError is thrown.

import { basename, resolve } from 'node:path';
import { checkDepth, checkSize, ParseLimitError } from './parseLimits';
import type { DotenvFileText, NotCheckedReason, ProfileReference, RenameTarget, SharedFiles } from './profileReference';
import { createLineIndex, LineIndex } from '../text/lineIndex';
import { isTerraformFile } from './referenceFiles';

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
	/** Where the value starts (after the `=` or `:`), for a value the scanner took for a comment. */
	readonly valueStart: number;
}

interface Block {
	readonly type: string;
	readonly labels: readonly string[];
	readonly attributes: readonly Attribute[];
	readonly blocks: readonly Block[];
}

export interface TerraformFindOptions {
	/** The path of the file, to tell it from the module's other files. */
	readonly file?: string;
	/** The module's other `.tf` files and its `terraform.tfvars` / `*.auto.tfvars`. */
	readonly moduleFiles?: readonly DotenvFileText[];
	/** The environment given: TF_VAR_x. */
	readonly env?: Readonly<Record<string, string>>;
}

/** The attributes of a block that name the files the profile is read from, as the Go SDK's config knows them. */
const sharedFileAttributes: Record<string, keyof SharedFiles> = {
	shared_credentials_files: 'credentials', shared_credentials_file: 'credentials', shared_config_files: 'config',
};

export function findTerraformReferences(text: string, options: TerraformFindOptions = {}): ProfileReference[] {
	checkSize(text);
	const body = parseBody(text);
	const lines = createLineIndex(text);
	const module = new ModuleVariables({ text, lines, body, variables: true }, options);
	const references: ProfileReference[] = [];
	for (const block of body.blocks) {
		if (block.type === 'provider' && block.labels[0] === 'aws') {
			references.push(...profileAttributes(block.attributes, 'provider "aws"', lines, text, module));
		}
		if (block.type === 'terraform') {
			for (const backend of block.blocks) {
				if (backend.type === 'backend' && backend.labels[0] === 's3') {
					references.push(...profileAttributes(backend.attributes, 'terraform backend "s3"', lines, text, module));
				}
			}
		}
		if (block.type === 'data' && block.labels[0] === 'terraform_remote_state' && literalOf(attribute(block, 'backend')) === 's3') {
			const config = attribute(block, 'config');
			if (config) {
				const where = `data "terraform_remote_state" "${block.labels[1] ?? ''}".config`;
				references.push(...profileAttributes(objectAttributes(config.tokens), where, lines, text, module));
			}
		}
	}
	return references;
}

function parseBody(text: string): Block {
	return new BodyParser(tokenize(text)).body(0, 0);
}

function attribute(block: Block, name: string): Attribute | undefined {
	return block.attributes.find((candidate) => candidate.name === name);
}

function literalOf(attribute: Attribute | undefined): string | undefined {
	const token = attribute?.tokens.length === 1 ? attribute.tokens[0] : undefined;
	return token?.kind === 'string' && !token.template ? stringValue(token) : undefined;
}

/** The items of an object constructor `{ profile = "x", region = "y" }` (keys as identifiers or strings). */
function objectAttributes(tokens: readonly Token[]): Attribute[] {
	if (tokens[0]?.text !== '{' || tokens[tokens.length - 1]?.text !== '}') {
		return [];
	}
	const inner = tokens.slice(1, -1);
	const attributes: Attribute[] = [];
	let depth = 0;
	let item: Token[] = [];
	const flush = (): void => {
		const [key, separator, ...value] = item;
		if (key && (key.kind === 'identifier' || key.kind === 'string') && (separator?.text === '=' || separator?.text === ':')) {
			attributes.push({ name: key.kind === 'string' ? stringValue(key) : key.text, tokens: value, valueStart: separator.end });
		}
		item = [];
	};
	for (const token of inner) {
		if (token.kind === 'punctuation' && '{[('.includes(token.text)) {
			depth++;
		} else if (token.kind === 'punctuation' && '}])'.includes(token.text)) {
			depth--;
		}
		if (depth === 0 && (token.kind === 'newline' || (token.kind === 'punctuation' && token.text === ','))) {
			flush();
		} else if (token.kind !== 'newline') {
			item.push(token);
		}
	}
	flush();
	return attributes;
}

type Value =
	| { readonly kind: 'name'; readonly name: string; readonly rename?: RenameTarget }
	| { readonly kind: 'not-checked'; readonly reason: NotCheckedReason };

function profileAttributes(attributes: readonly Attribute[], where: string, lines: LineIndex, text: string, module: ModuleVariables): ProfileReference[] {
	const shared = sharedFilesOf(attributes, text);
	return attributes.filter((candidate) => candidate.name === 'profile').map((profile): ProfileReference | undefined => {
		const key = `${where}.profile`;
		const base = { kind: 'terraform' as const, key, stages: [], warnings: [] };
		const tokens = profile.tokens;
		if (tokens.length === 0 || !isExpression(tokens)) {
			// `profile = ##AWS_PROFILE##` reads as a comment, `{{ profile }}` as nothing Terraform takes.
			const lineEnd = text.indexOf('\n', profile.valueStart);
			const raw = text.slice(profile.valueStart, lineEnd < 0 ? text.length : lineEnd).trim();
			if (raw === '') {
				return undefined;
			}
			const start = text.indexOf(raw, profile.valueStart);
			return { ...base, range: lines.rangeOf(start, raw.length), status: 'not-checked', reason: { why: 'terraform-invalid', text: raw } };
		}
		const first = tokens[0];
		const last = tokens[tokens.length - 1];
		const range = lines.rangeOf(first.start, last.end - first.start);
		const value = valueOf(tokens, text, lines, module);
		if (value.kind === 'not-checked') {
			return { ...base, range, status: 'not-checked', reason: value.reason };
		}
		if (value.name === '') {
			return undefined;
		}
		if (shared.kind === 'not-checked') {
			return { ...base, range, status: 'not-checked', reason: shared.reason };
		}
		// The literal in this file is what to underline; a variable's value written elsewhere underlines `var.x`.
		const ownLiteral = value.rename && value.rename.file === undefined;
		return {
			...base, range: ownLiteral && value.rename && tokens.length === 1 ? value.rename.range : range, status: 'resolved', name: value.name,
			...(value.rename ? { rename: value.rename } : {}),
			...(shared.files ? { sharedFiles: shared.files } : {}),
		};
	}).filter((reference): reference is ProfileReference => reference !== undefined);
}

/** A profile's value: a literal, a variable of the module, or something Terraform computes. */
function valueOf(tokens: readonly Token[], text: string, lines: LineIndex, module: ModuleVariables): Value {
	const first = tokens[0];
	const last = tokens[tokens.length - 1];
	if (tokens.length === 1 && first.kind === 'string' && !first.template) {
		const name = stringValue(first);
		if (isPlaceholder(name)) {
			return { kind: 'not-checked', reason: { why: 'terraform-invalid', text: name } };
		}
		return first.literal !== undefined
			? { kind: 'name', name, rename: { range: lines.rangeOf(first.start + 1, name.length), syntax: 'hcl-string' } }
			: { kind: 'name', name };
	}
	if (tokens.length === 3 && first.text === 'var' && tokens[1].text === '.' && last.kind === 'identifier') {
		return module.value(last.text);
	}
	return { kind: 'not-checked', reason: { why: 'terraform-expression', expression: text.slice(first.start, last.end) } };
}

/** `##AWS_PROFILE##`, `{{ profile }}`, `<%= profile %>`: a template's placeholder, filled in before Terraform runs. */
function isPlaceholder(value: string): boolean {
	return /^##.*##$|^\{\{.*\}\}$|^<%.*%>$/s.test(value.trim());
}

/** Whether the tokens can start an HCL expression: not `{{`, `<%`, `@X@` or the like. */
function isExpression(tokens: readonly Token[]): boolean {
	const [first, second] = tokens;
	if (first.kind === 'other') {
		return ['-', '!'].includes(first.text);
	}
	return !(first.text === '{' && second?.text === '{');
}

type SharedFilesOf = { readonly kind: 'files'; readonly files?: SharedFiles } | { readonly kind: 'not-checked'; readonly reason: NotCheckedReason };

/** The files a block names for its profile, when written as literals. */
function sharedFilesOf(attributes: readonly Attribute[], text: string): SharedFilesOf {
	const files: { credentials?: string[]; config?: string[] } = {};
	for (const candidate of attributes) {
		const role = sharedFileAttributes[candidate.name];
		if (!role || candidate.tokens.length === 0) {
			continue;
		}
		const strings = candidate.tokens.filter((token) => token.kind === 'string');
		const others = candidate.tokens.filter((token) => token.kind !== 'string' && !(token.kind === 'punctuation' && '[],'.includes(token.text)) && token.kind !== 'newline');
		if (others.length > 0 || strings.some((token) => token.template)) {
			const first = candidate.tokens[0];
			const last = candidate.tokens[candidate.tokens.length - 1];
			return { kind: 'not-checked', reason: { why: 'terraform-expression', expression: text.slice(first.start, last.end) } };
		}
		files[role] = [...(files[role] ?? []), ...strings.map(stringValue)];
	}
	return files.credentials || files.config ? { kind: 'files', files } : { kind: 'files' };
}

/** The files a reference's profile is read from: `~` is the home folder, a relative path is from the module's folder. */
export function sharedFilePaths(written: readonly string[], moduleFolder: string, home: string): string[] {
	return written.map((file) => (file === '~' || file.startsWith('~/') ? home + file.slice(1) : resolve(moduleFolder, file)));
}

/** A file of the module, parsed; `file` absent: the file the references are in. */
interface Source {
	readonly file?: string;
	readonly text: string;
	readonly lines: LineIndex;
	readonly body: Block;
	/** `.tf` (its `variable` blocks' defaults) rather than `.tfvars` (assignments). */
	readonly variables: boolean;
}

/** The values a module's variables get, by Terraform's order (a later source wins). */
class ModuleVariables {
	private parsed: Source[] | undefined;

	constructor(private readonly own: Source, private readonly options: TerraformFindOptions) {
	}

	value(name: string): Value {
		const sources = this.sources();
		let found: Value | undefined;
		for (const source of sources.filter((candidate) => candidate.variables)) {
			for (const block of source.body.blocks.filter((candidate) => candidate.type === 'variable' && candidate.labels[0] === name)) {
				const fallback = block.attributes.find((candidate) => candidate.name === 'default');
				found = fallback ? this.literal(fallback, source) : found;
			}
		}
		const fromEnv = this.options.env?.[`TF_VAR_${name}`];
		found = fromEnv === undefined ? found : { kind: 'name', name: fromEnv };
		for (const source of sources.filter((candidate) => !candidate.variables)) {
			for (const assignment of source.body.attributes.filter((candidate) => candidate.name === name)) {
				found = this.literal(assignment, source);
			}
		}
		return found ?? { kind: 'not-checked', reason: { why: 'terraform-variable', variable: name } };
	}

	private literal(candidate: Attribute, source: Source): Value {
		const tokens = candidate.tokens;
		const [token] = tokens;
		if (tokens.length === 1 && token.kind === 'string' && token.literal !== undefined) {
			const range = source.lines.rangeOf(token.start + 1, token.literal.length);
			return { kind: 'name', name: token.literal, rename: source.file === undefined ? { range, syntax: 'hcl-string' } : { file: source.file, range, syntax: 'hcl-string' } };
		}
		if (tokens.length === 1 && token.kind === 'string' && !token.template) {
			return { kind: 'name', name: stringValue(token) };
		}
		const expression = tokens.length > 0 ? source.text.slice(tokens[0].start, tokens[tokens.length - 1].end) : '';
		return { kind: 'not-checked', reason: { why: 'terraform-expression', expression } };
	}

	/** This file and the module's `.tf` files (variable blocks), then `terraform.tfvars`, then `*.auto.tfvars` by name. */
	private sources(): Source[] {
		if (this.parsed) {
			return this.parsed;
		}
		const others = (this.options.moduleFiles ?? []).filter((other) => other.file !== this.options.file);
		const tf = others.filter((other) => isTerraformFile(other.file));
		const tfvars = others.filter((other) => basename(other.file) === 'terraform.tfvars');
		const auto = others.filter((other) => basename(other.file).endsWith('.auto.tfvars')).sort((a, b) => (basename(a.file) < basename(b.file) ? -1 : 1));
		const parse = (text: string, file: string | undefined, variables: boolean): Source[] => {
			try {
				checkSize(text);
				return [{ ...(file === undefined ? {} : { file }), text, lines: createLineIndex(text), body: parseBody(text), variables }];
			} catch (error) {
				if (error instanceof ParseLimitError) {
					return []; // another file over a limit tells nothing here (it gets its own note when scanned)
				}
				throw error;
			}
		};
		this.parsed = [
			this.own,
			...tf.flatMap((other) => parse(other.text, other.file, true)),
			...[...tfvars, ...auto].flatMap((other) => parse(other.text, other.file, false)),
		];
		return this.parsed;
	}
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
				attributes.push({ name: token.text, tokens: this.tokens.slice(i + 2, end), valueStart: next.end });
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
