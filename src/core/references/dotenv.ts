/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `.env` files: `AWS_PROFILE=prod` (and the AWS CLI v1's `AWS_DEFAULT_PROFILE`), read line by line the way
// the dotenv package reads them: an optional `export `, `NAME=value`, the value unquoted (up to a `#`, trimmed),
// or in single quotes (as is), double quotes (`\n` escapes) or backquotes, a quoted value possibly running over
// several lines. A value with `$` in it (unquoted or double-quoted) is expanded by dotenv-expand or a shell,
// so it is not checked. `.env.<stage>` is a stage's file (Serverless loads it for that stage); `.env.example`
// and its kind are placeholders, not references.

import { basename } from 'node:path';
import { checkSize } from './parseLimits';
import type { NameSyntax, ProfileReference } from './profileReference';
import { createLineIndex, Span } from '../text/lineIndex';
import { isDotenvFile } from './referenceFiles';

export interface DotenvEntry {
	readonly name: string;
	readonly value: string;
	/** The value's characters (inside any quotes). */
	readonly valueSpan: Span;
	/** Set when the value is written exactly as is (no escape) in `valueSpan`. */
	readonly syntax?: NameSyntax;
	/** `$X`, `${X}` in an unquoted or double-quoted value: expanded by dotenv-expand or a shell. */
	readonly expands: boolean;
}

/** The variables that name a profile: the SDKs' and the AWS CLI v1's. */
export const profileVariables: readonly string[] = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE'];

/** The stage a `.env.<stage>` file is for (`.env.prod.local` is prod's too); none for `.env` and `.env.local`. */
export function dotenvStage(fileName: string): string | undefined {
	const name = basename(fileName);
	if (!name.startsWith('.env.') || !isDotenvFile(name)) {
		return undefined;
	}
	const stage = name.slice(5).replace(/\.local$/, '');
	return stage === '' || stage === 'local' || stage === 'defaults' ? undefined : stage;
}

/** The entries of a `.env` text; throws a ParseLimitError for a text larger than a project file may be. */
export function parseDotenv(text: string): DotenvEntry[] {
	checkSize(text);
	const entries: DotenvEntry[] = [];
	let at = 0;
	while (at < text.length) {
		const lineEnd = endOfLine(text, at);
		const parsed = parseLine(text, at, lineEnd);
		if (parsed) {
			entries.push(parsed.entry);
			at = endOfLine(text, Math.max(parsed.end, lineEnd)); // after a closing quote: the rest of its line is a comment
		} else {
			at = lineEnd;
		}
		at = skipLineBreak(text, at);
	}
	return entries;
}

export function findDotenvReferences(fileName: string, text: string): ProfileReference[] {
	const lines = createLineIndex(text);
	const stage = dotenvStage(fileName);
	const stages = stage === undefined ? [] : [stage];
	const references: ProfileReference[] = [];
	for (const entry of parseDotenv(text)) {
		if (!profileVariables.includes(entry.name) || entry.value.trim() === '') {
			continue;
		}
		const range = lines.spanRange(entry.valueSpan);
		const base = { kind: 'dotenv' as const, key: entry.name, range, stages, warnings: [] };
		if (entry.expands) {
			references.push({ ...base, status: 'not-checked', reason: { why: 'shell-variable', expression: entry.value } });
		} else if (entry.syntax) {
			references.push({ ...base, status: 'resolved', name: entry.value, rename: { range, syntax: entry.syntax } });
		} else {
			references.push({ ...base, status: 'resolved', name: entry.value });
		}
	}
	return references;
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_.-]*/;

function parseLine(text: string, start: number, lineEnd: number): { entry: DotenvEntry; end: number } | undefined {
	let at = skipSpaces(text, start, lineEnd);
	if (text.startsWith('export ', at) || text.startsWith('export\t', at)) {
		at = skipSpaces(text, at + 7, lineEnd);
	}
	const name = namePattern.exec(text.slice(at, lineEnd))?.[0];
	if (!name) {
		return undefined; // a comment, a blank line, or not an assignment
	}
	at = skipSpaces(text, at + name.length, lineEnd);
	if (text[at] !== '=') {
		return undefined;
	}
	at = skipSpaces(text, at + 1, lineEnd);
	const quote = text[at];
	if (quote === '\'' || quote === '"' || quote === '`') {
		const close = text.indexOf(quote, at + 1);
		if (close >= 0) {
			return { entry: quotedEntry(name, text, at, close), end: close + 1 };
		}
	}
	// Unquoted: up to a `#`, trimmed.
	let end = at;
	while (end < lineEnd && text[end] !== '#') {
		end++;
	}
	while (end > at && (text[end - 1] === ' ' || text[end - 1] === '\t')) {
		end--;
	}
	const value = text.slice(at, end);
	return {
		entry: { name, value, valueSpan: { offset: at, length: end - at }, syntax: 'dotenv-unquoted', expands: value.includes('$') },
		end: lineEnd,
	};
}

function quotedEntry(name: string, text: string, open: number, close: number): DotenvEntry {
	const raw = text.slice(open + 1, close);
	const quote = text[open];
	const valueSpan = { offset: open + 1, length: raw.length };
	if (quote === '"') {
		const value = raw.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
		const exact = value === raw && !raw.includes('\\');
		return exact
			? { name, value, valueSpan, syntax: 'dotenv-double-quoted', expands: raw.includes('$') }
			: { name, value, valueSpan, expands: raw.includes('$') };
	}
	return quote === '\''
		? { name, value: raw, valueSpan, syntax: 'dotenv-single-quoted', expands: false }
		: { name, value: raw, valueSpan, expands: false }; // backquotes: no syntax we write into
}

function endOfLine(text: string, at: number): number {
	while (at < text.length && text[at] !== '\n' && text[at] !== '\r') {
		at++;
	}
	return at;
}

function skipLineBreak(text: string, at: number): number {
	if (text[at] === '\r' && text[at + 1] === '\n') {
		return at + 2;
	}
	return at < text.length ? at + 1 : at;
}

function skipSpaces(text: string, at: number, end: number): number {
	while (at < end && (text[at] === ' ' || text[at] === '\t')) {
		at++;
	}
	return at;
}
