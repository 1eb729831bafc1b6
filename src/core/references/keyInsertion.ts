/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Adding one string setting at a path of keys to a JSON, YAML or TOML project file, as the smallest edit that
// leaves every other byte alone: `provider.profile` in serverless.yml, `prod.profile_name` in
// zappa_settings.json, `default.global.parameters.profile` in samconfig.toml. JSON goes through jsonc-parser's
// own `modify` (which computes `{offset, length, content}` edits, as ours do), as the first property of its
// object; YAML and TOML have no such tool that keeps comments and layout, so the new lines are written where a
// person would write them: YAML as the first entry of the deepest map that exists, in that map's indentation (a top-level key: at the end of the file); TOML under the table's header, or in
// a new table at the end. The caller re-reads the result to confirm the tool will see the value
// (pinProfile.ts), so a layout these rules do not handle is refused rather than written wrongly.

import { modify } from 'jsonc-parser';
import type { ConfigNode } from './configTree';
import type { Edit } from '../text/textEdits';

export type FileSyntax = 'json' | 'yaml' | 'toml';

/** The edits, or why the value cannot be added here. */
export type InsertionResult =
	| { readonly ok: true; readonly edits: readonly Edit[] }
	| { readonly ok: false; readonly reason: string };

/**
 * Adds `path` (which must not exist yet) with the string `value`. `root` is the file's tree, and `written` is
 * the value as the file's syntax writes it (quoted as needed; JSON quotes it itself).
 */
export function insertSetting(
	syntax: FileSyntax, text: string, root: ConfigNode | undefined, path: readonly string[], value: string, written: string,
): InsertionResult {
	switch (syntax) {
		case 'json':
			return insertJson(text, path, value);
		case 'yaml':
			return insertYaml(text, root, path, written);
		case 'toml':
			return insertToml(text, path, written);
	}
}

function insertJson(text: string, path: readonly string[], value: string): InsertionResult {
	const indentation = indentationOf(text);
	const edits = modify(text, [...path], value, {
		formattingOptions: { insertSpaces: indentation !== '\t', tabSize: indentation === '\t' ? 1 : indentation.length, eol: eolOf(text) },
		// As the first property: jsonc-parser formats the span it changes, which for a last property would
		// include the one before it (a one-line array would be spread over several lines).
		getInsertionIndex: () => 0,
	});
	return { ok: true, edits };
}

function insertYaml(text: string, root: ConfigNode | undefined, path: readonly string[], written: string): InsertionResult {
	const eol = eolOf(text);
	if (root === undefined || (root.kind === 'scalar' && root.value === null)) {
		// An empty document: the whole path, at the end.
		return { ok: true, edits: [appendAtEnd(text, nestedLines(path, written, '', eol), eol)] };
	}
	let map = root;
	let depth = 0;
	for (; depth < path.length - 1; depth++) {
		const child = map.kind === 'map' ? map.entries.get(path[depth]) : undefined;
		if (!child) {
			break;
		}
		if (child.kind !== 'map') {
			return { ok: false, reason: `\`${path.slice(0, depth + 1).join('.')}\` is not a map of settings here.` };
		}
		map = child;
	}
	if (map.kind !== 'map') {
		return { ok: false, reason: 'The file is not a map of settings.' };
	}
	const remaining = path.slice(depth);
	const lineStart = text.lastIndexOf('\n', map.span.offset - 1) + 1;
	const indent = text.slice(lineStart, map.span.offset);
	if (!/^[ ]*$/.test(indent)) {
		// A flow map (`provider: {name: aws}`) or an entry of a list: no place for a new line.
		return { ok: false, reason: `\`${path.slice(0, depth).join('.') || 'The file'}\` is not written as a block of \`key: value\` lines.` };
	}
	const lines = nestedLines(remaining, written, indent, eol);
	if (depth === 0) {
		return { ok: true, edits: [appendAtEnd(text, lines, eol)] };
	}
	// The first entry of the map it belongs to, in that map's indentation.
	return { ok: true, edits: [{ offset: lineStart, length: 0, content: lines }] };
}

/** `a:\n  b:\n    c: value\n`, starting at `indent`. */
function nestedLines(path: readonly string[], written: string, indent: string, eol: string): string {
	return path.map((key, depth) => {
		const last = depth === path.length - 1;
		return `${indent}${'  '.repeat(depth)}${key}:${last ? ` ${written}` : ''}${eol}`;
	}).join('');
}

function insertToml(text: string, path: readonly string[], written: string): InsertionResult {
	const eol = eolOf(text);
	const table = path.slice(0, -1);
	const key = path[path.length - 1];
	const header = findTableHeader(text, table);
	if (header !== undefined) {
		const lineEnd = text.indexOf('\n', header);
		if (lineEnd === -1) {
			return { ok: true, edits: [{ offset: text.length, length: 0, content: `${eol}${key} = ${written}${eol}` }] };
		}
		return { ok: true, edits: [{ offset: lineEnd + 1, length: 0, content: `${key} = ${written}${eol}` }] };
	}
	if (table.length === 0) {
		return { ok: false, reason: 'A top-level key cannot be added after the tables of a TOML file.' };
	}
	return { ok: true, edits: [appendAtEnd(text, `${eol}[${table.join('.')}]${eol}${key} = ${written}${eol}`, eol)] };
}

/** The offset of the `[a.b.c]` header line of the table at `table` (bare keys, any spacing), if there is one. */
export function findTableHeader(text: string, table: readonly string[]): number | undefined {
	const wanted = table.join('.');
	// Line by line rather than one multiline expression: `[ \t]*([...]+?)[ \t]*\]` backtracked quadratically
	// on a long line of `[` and spaces with no `]`.
	const lineBreak = /[\n\r\u2028\u2029]/g;
	for (let start = 0; start <= text.length;) {
		lineBreak.lastIndex = start;
		const end = lineBreak.exec(text)?.index ?? text.length;
		const inner = tableHeaderInner(text.slice(start, end));
		if (inner !== undefined && inner.split('.').map((part) => part.trim()).join('.') === wanted) {
			return start;
		}
		start = end + 1;
	}
	return undefined;
}

/** What is between the brackets of a line `[ a.b ]  # comment` whose name has bare-key characters only. */
function tableHeaderInner(line: string): string | undefined {
	const open = line.length - line.replace(/^[ \t]+/, '').length;
	const close = line.indexOf(']', open);
	if (line[open] !== '[' || close < 0) {
		return undefined;
	}
	const inner = line.slice(open + 1, close);
	const after = line.slice(close + 1).replace(/^[ \t]+/, '');
	return /^[A-Za-z0-9_.\- \t]+$/.test(inner) && (after === '' || after.startsWith('#')) ? inner : undefined;
}

function appendAtEnd(text: string, content: string, eol: string): Edit {
	const needsBreak = text.length > 0 && !text.endsWith('\n');
	return { offset: text.length, length: 0, content: needsBreak ? eol + content : content };
}

function eolOf(text: string): string {
	return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The first indentation the file uses: a tab, or that many spaces (two when nothing is indented). */
function indentationOf(text: string): string {
	const match = /^([ \t]+)\S/m.exec(text);
	return match ? (match[1].startsWith('\t') ? '\t' : match[1]) : '  ';
}
