/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The syntax of Serverless Framework variables in a string value, parsed, never evaluated (that is
// serverlessVariables.ts). A string is text and variables: `${self:service}-${sls:stage}`. A variable is
// comma-separated operands, the first the value and the others fallbacks in order:
//
//   ${opt:stage, self:custom.defaultStage, 'dev'}
//
// An operand is a source with an address (`self:custom.x`, `env:NAME`, `file(./x.yml):key`, `aws:ssm:/p`),
// a nested variable (`${env:X}`), or a literal: quoted (`'dev'`, `"dev"`), a number or a boolean. A bare word
// as a fallback (`${opt:stage, dev}`) is taken as a string, as Serverless v1/v2 do, and flagged: v3 rejects
// it. An address can itself hold variables (`self:custom.profiles.${sls:stage}`). Offsets are in the string.

export interface TextPart {
	readonly kind: 'text';
	readonly text: string;
	readonly start: number;
	readonly end: number;
}

export interface VariablePart {
	readonly kind: 'variable';
	/** From `$` to after `}`. */
	readonly start: number;
	readonly end: number;
	/** The value, then the fallbacks; never empty. */
	readonly operands: readonly Operand[];
}

export type TemplatePart = TextPart | VariablePart;

export interface SourceOperand {
	readonly kind: 'source';
	/** `self`, `opt`, `env`, `sls`, `param`, `file`, `ssm`, a v4 resolver's name... */
	readonly source: string;
	/** What is in parentheses after the source (`file(./x.yml)`, `cf(us-east-1)`), as written. */
	readonly argument?: string;
	/** After the first colon; empty for `${self:}`, absent for `${file(./x.json)}`. */
	readonly address?: readonly TemplatePart[];
	readonly start: number;
	readonly end: number;
}

export interface NestedOperand {
	readonly kind: 'nested';
	readonly variable: VariablePart;
}

export interface LiteralOperand {
	readonly kind: 'literal';
	readonly value: string;
	/** Absent for a bare word or number. */
	readonly quote?: '\'' | '"';
	readonly start: number;
	readonly end: number;
	/** Where the value's characters are, when written without escapes (inside the quotes). */
	readonly valueStart?: number;
}

export type Operand = SourceOperand | NestedOperand | LiteralOperand;

export interface SyntaxProblem {
	readonly code: 'unterminated-variable' | 'empty-operand';
	readonly start: number;
	readonly end: number;
}

export interface ParsedTemplate {
	readonly parts: readonly TemplatePart[];
	readonly problems: readonly SyntaxProblem[];
}

export function hasVariables(text: string): boolean {
	return text.includes('${');
}

export function parseTemplate(text: string): ParsedTemplate {
	const problems: SyntaxProblem[] = [];
	const parts = templateParts(text, 0, text.length, problems);
	return { parts, problems };
}

/** A literal that is not quoted and not a number or a boolean: what v3 refuses as a fallback. */
export function isBareWord(operand: LiteralOperand): boolean {
	return operand.quote === undefined && !/^(-?\d+(\.\d+)?|true|false|null)$/.test(operand.value);
}

/** The variable a stage is read from, if this variable is one: `${sls:stage}`, `${opt:stage...}`, `${self:provider.stage}`. */
export function isStageVariable(variable: VariablePart): boolean {
	const first = variable.operands[0];
	if (first.kind !== 'source' || !first.address || first.address.some((part) => part.kind !== 'text')) {
		return false;
	}
	const address = first.address.map((part) => (part as TextPart).text).join('').trim();
	return ((first.source === 'sls' || first.source === 'opt') && address === 'stage')
		|| (first.source === 'self' && address === 'provider.stage');
}

function templateParts(text: string, from: number, to: number, problems: SyntaxProblem[]): TemplatePart[] {
	const parts: TemplatePart[] = [];
	let textStart = from;
	let at = from;
	while (at < to) {
		const open = text.indexOf('${', at);
		if (open < 0 || open >= to - 1) {
			break;
		}
		const close = closingBrace(text, open + 2, to);
		if (close === undefined) {
			problems.push({ code: 'unterminated-variable', start: open, end: to });
			break;
		}
		if (open > textStart) {
			parts.push({ kind: 'text', text: text.slice(textStart, open), start: textStart, end: open });
		}
		parts.push(variable(text, open, close + 1, problems));
		at = close + 1;
		textStart = at;
	}
	if (textStart < to) {
		parts.push({ kind: 'text', text: text.slice(textStart, to), start: textStart, end: to });
	}
	return parts;
}

/** The `}` closing a variable whose body starts at `from`, past nested variables, parentheses and quotes. */
function closingBrace(text: string, from: number, to: number): number | undefined {
	let depth = 0;
	for (let at = from; at < to; at++) {
		const char = text[at];
		if (char === '$' && text[at + 1] === '{') {
			depth++;
			at++;
		} else if (char === '}') {
			if (depth === 0) {
				return at;
			}
			depth--;
		} else if ((char === '\'' || char === '"') && startsQuotedOperand(text, from, at)) {
			const end = text.indexOf(char, at + 1);
			if (end < 0 || end >= to) {
				return undefined;
			}
			at = end;
		}
	}
	return undefined;
}

/** A quote opens a literal only where an operand starts (after `${`, `(` or a comma), not inside an address (`it's`). */
function startsQuotedOperand(text: string, bodyStart: number, at: number): boolean {
	let before = at - 1;
	while (before >= bodyStart && (text[before] === ' ' || text[before] === '\t')) {
		before--;
	}
	return before < bodyStart || text[before] === ',' || text[before] === '{' || text[before] === '(';
}

function variable(text: string, start: number, end: number, problems: SyntaxProblem[]): VariablePart {
	const operands: Operand[] = [];
	for (const [from, to] of splitOperands(text, start + 2, end - 1)) {
		const operand = parseOperand(text, from, to, problems);
		if (operand) {
			operands.push(operand);
		}
	}
	if (operands.length === 0) {
		problems.push({ code: 'empty-operand', start, end });
		operands.push({ kind: 'literal', value: '', start: start + 2, end: end - 1 });
	}
	return { kind: 'variable', start, end, operands };
}

/** The operands' ranges: split at commas outside nested variables, parentheses and quotes. */
function splitOperands(text: string, from: number, to: number): [number, number][] {
	const ranges: [number, number][] = [];
	let depth = 0;
	let operandStart = from;
	for (let at = from; at < to; at++) {
		const char = text[at];
		if ((char === '$' && text[at + 1] === '{') || char === '(') {
			depth++;
			at += char === '$' ? 1 : 0;
		} else if (char === '}' || char === ')') {
			depth = Math.max(0, depth - 1);
		} else if ((char === '\'' || char === '"') && startsQuotedOperand(text, operandStart, at)) {
			const close = text.indexOf(char, at + 1);
			at = close < 0 || close >= to ? to : close;
		} else if (char === ',' && depth === 0) {
			ranges.push([operandStart, at]);
			operandStart = at + 1;
		}
	}
	ranges.push([operandStart, to]);
	return ranges;
}

function parseOperand(text: string, from: number, to: number, problems: SyntaxProblem[]): Operand | undefined {
	while (from < to && /\s/.test(text[from])) {
		from++;
	}
	while (to > from && /\s/.test(text[to - 1])) {
		to--;
	}
	if (from === to) {
		problems.push({ code: 'empty-operand', start: from, end: to });
		return undefined;
	}
	const first = text[from];
	if (first === '$' && text[from + 1] === '{' && closingBrace(text, from + 2, to) === to - 1) {
		return { kind: 'nested', variable: variable(text, from, to, problems) };
	}
	if ((first === '\'' || first === '"') && text[to - 1] === first && to - from >= 2) {
		const value = text.slice(from + 1, to - 1);
		return { kind: 'literal', value, quote: first, start: from, end: to, valueStart: from + 1 };
	}
	const source = /^[A-Za-z_][\w-]*/.exec(text.slice(from, to));
	const after = source ? from + source[0].length : from;
	if (source && (text[after] === ':' || text[after] === '(')) {
		return sourceOperand(text, from, to, source[0], problems);
	}
	return { kind: 'literal', value: text.slice(from, to), start: from, end: to, valueStart: from };
}

function sourceOperand(text: string, from: number, to: number, source: string, problems: SyntaxProblem[]): SourceOperand {
	let at = from + source.length;
	let argument: string | undefined;
	if (text[at] === '(') {
		const close = matchingParenthesis(text, at, to);
		argument = text.slice(at + 1, close);
		at = Math.min(close + 1, to);
	}
	if (text[at] !== ':') {
		return argument === undefined ? { kind: 'source', source, start: from, end: to } : { kind: 'source', source, argument, start: from, end: to };
	}
	const address = templateParts(text, at + 1, to, problems);
	return argument === undefined
		? { kind: 'source', source, address, start: from, end: to }
		: { kind: 'source', source, argument, address, start: from, end: to };
}

function matchingParenthesis(text: string, open: number, to: number): number {
	let depth = 0;
	for (let at = open; at < to; at++) {
		if (text[at] === '(') {
			depth++;
		} else if (text[at] === ')' && --depth === 0) {
			return at;
		}
	}
	return to;
}
