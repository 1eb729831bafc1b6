/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// package.json scripts that name a profile on a deploy tool's command line: `--aws-profile x` or
// `--profile x` (also `--profile=x`) after `serverless`, `sls`, `sam`, `cdk` or `aws`, behind `npx`, `yarn`,
// `pnpm exec`, `cross-env`... and `AWS_PROFILE=x` set for such a command. A script is split into commands
// (`&&`, `||`, `;`, `|`) and words as a POSIX shell splits them (quotes removed, escapes applied), and every
// word keeps where its characters are in the file, through the JSON string's own escapes. A value with `$`
// is expanded by the shell: not checked.

import { basename } from 'node:path';
import { childOf, mapEntries } from './configTree';
import { parseJsonTree } from './jsonTree';
import type { ProfileReference } from './profileReference';
import { createLineIndex, LineIndex } from '../text/lineIndex';

const tools: ReadonlySet<string> = new Set(['serverless', 'sls', 'sam', 'cdk', 'aws']);
/** Words that run the next word as the command: package runners and environment setters. */
const runners: ReadonlySet<string> = new Set(['npx', 'yarn', 'pnpm', 'npm', 'bunx', 'bun', 'exec', 'dlx', 'run', 'x', '--', 'cross-env', 'env', 'time']);
const profileFlags: ReadonlySet<string> = new Set(['--aws-profile', '--profile']);
const profileVariables: ReadonlySet<string> = new Set(['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']);

/** A shell word: its value, and for each of its characters the index of that character in the script. */
interface Word {
	readonly value: string;
	readonly positions: readonly number[];
	readonly start: number;
	readonly end: number;
	/** Holds a `$` outside single quotes. */
	readonly expands: boolean;
}

type ScriptToken = Word | 'separator';

export function findPackageJsonReferences(text: string): ProfileReference[] {
	const root = parseJsonTree(text);
	const lines = createLineIndex(text);
	const references: ProfileReference[] = [];
	for (const [name, node] of mapEntries(childOf(root, 'scripts'))) {
		if (node.kind !== 'scalar' || typeof node.value !== 'string') {
			continue;
		}
		const raw = text.slice(node.span.offset + 1, node.span.offset + node.span.length - 1);
		const decoded = decodeJsonString(raw);
		if (decoded.value !== node.value) {
			continue; // not what we decoded: better no reference than a wrong place
		}
		const fileOffset = (index: number): number => node.span.offset + 1 + decoded.rawOffsets[index];
		for (const command of commands(tokenizeScript(decoded.value))) {
			for (const value of profileWords(command)) {
				references.push(referenceOf(`scripts.${name}`, value, fileOffset, lines));
			}
		}
	}
	return references;
}

function referenceOf(key: string, word: Word, fileOffset: (index: number) => number, lines: LineIndex): ProfileReference {
	const wordStart = fileOffset(word.start);
	const wordRange = lines.rangeOf(wordStart, fileOffset(word.end) - wordStart);
	const base = { kind: 'package-json' as const, key, stages: [], warnings: [] };
	if (word.expands) {
		return { ...base, range: wordRange, status: 'not-checked', reason: { why: 'shell-variable', expression: word.value } };
	}
	const first = fileOffset(word.positions[0]);
	const contiguous = word.positions.every((position, i) => fileOffset(position) === first + i)
		&& fileOffset(word.positions[word.positions.length - 1] + 1) === first + word.value.length;
	if (!contiguous) {
		return { ...base, range: wordRange, status: 'resolved', name: word.value };
	}
	const range = lines.rangeOf(first, word.value.length);
	return { ...base, range, status: 'resolved', name: word.value, rename: { range, syntax: 'embedded' } };
}

/** The profile values in one command: flags after a deploy tool, and `AWS_PROFILE=` set for it. */
function profileWords(command: readonly Word[]): Word[] {
	const found: Word[] = [];
	const assignments: Word[] = [];
	let i = 0;
	for (; i < command.length; i++) {
		const word = command[i];
		const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.value);
		if (assignment) {
			if (profileVariables.has(assignment[1])) {
				assignments.push(slice(word, assignment[0].length));
			}
		} else if (!runners.has(word.value) && !word.value.startsWith('-')) {
			break;
		}
	}
	const tool = command[i];
	if (!tool || !tools.has(basename(tool.value))) {
		return [];
	}
	found.push(...assignments.filter((word) => word.value !== ''));
	for (let j = i + 1; j < command.length; j++) {
		const word = command[j];
		const equals = word.value.indexOf('=');
		if (equals > 0 && profileFlags.has(word.value.slice(0, equals)) && equals < word.value.length - 1) {
			found.push(slice(word, equals + 1));
		} else if (profileFlags.has(word.value) && command[j + 1] && command[j + 1].value !== '') {
			found.push(command[j + 1]);
			j++;
		}
	}
	return found;
}

function slice(word: Word, from: number): Word {
	return {
		value: word.value.slice(from), positions: word.positions.slice(from), start: word.positions[from] ?? word.end, end: word.end,
		expands: word.expands,
	};
}

function commands(tokens: readonly ScriptToken[]): Word[][] {
	const result: Word[][] = [[]];
	for (const token of tokens) {
		if (token === 'separator') {
			result.push([]);
		} else {
			result[result.length - 1].push(token);
		}
	}
	return result.filter((command) => command.length > 0);
}

/** Words and command separators, as a POSIX shell splits them. */
function tokenizeScript(script: string): ScriptToken[] {
	const tokens: ScriptToken[] = [];
	let at = 0;
	while (at < script.length) {
		const char = script[at];
		if (char === ' ' || char === '\t') {
			at++;
		} else if ('\n;&|()'.includes(char)) {
			tokens.push('separator');
			at++;
		} else {
			const word = scanWord(script, at);
			tokens.push(word);
			at = word.end;
		}
	}
	return tokens;
}

function scanWord(script: string, start: number): Word {
	let value = '';
	const positions: number[] = [];
	let expands = false;
	let at = start;
	const take = (index: number): void => {
		value += script[index];
		positions.push(index);
	};
	while (at < script.length && !' \t\n;&|()'.includes(script[at])) {
		const char = script[at];
		if (char === '\'') {
			const close = script.indexOf('\'', at + 1);
			const end = close < 0 ? script.length : close;
			for (let i = at + 1; i < end; i++) {
				take(i);
			}
			at = end + 1;
		} else if (char === '"') {
			at++;
			while (at < script.length && script[at] !== '"') {
				if (script[at] === '\\' && '"\\$`'.includes(script[at + 1] ?? '')) {
					at++;
				} else if (script[at] === '$') {
					expands = true;
				}
				take(at);
				at++;
			}
			at++;
		} else if (char === '\\' && at + 1 < script.length) {
			take(at + 1);
			at += 2;
		} else {
			expands ||= char === '$';
			take(at);
			at++;
		}
	}
	return { value, positions, start, end: Math.min(at, script.length), expands };
}

/** A JSON string's content decoded, with the offset in the raw content of each decoded character (and one past the end). */
export function decodeJsonString(raw: string): { value: string; rawOffsets: number[] } {
	let value = '';
	const rawOffsets: number[] = [];
	const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
	let at = 0;
	while (at < raw.length) {
		rawOffsets.push(at);
		if (raw[at] !== '\\') {
			value += raw[at];
			at++;
		} else if (raw[at + 1] === 'u') {
			value += String.fromCharCode(parseInt(raw.slice(at + 2, at + 6), 16));
			at += 6;
		} else {
			value += simple[raw[at + 1]] ?? raw[at + 1] ?? '';
			at += 2;
		}
	}
	rawOffsets.push(at);
	return { value, rawOffsets };
}
