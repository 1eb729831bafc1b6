/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Every regular expression of src/, found by the TypeScript compiler rather than by a list kept by hand, so
// that one added later is in the budget test without anyone remembering: the literals, and the `RegExp(...)`
// calls, whose source is either a constant (tested like a literal) or built at run time (listed apart).

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');

export interface FoundRegex {
	/** Relative to the project, with forward slashes. */
	readonly file: string;
	readonly line: number;
	readonly source: string;
	readonly flags: string;
}

export interface DynamicRegex {
	readonly file: string;
	readonly line: number;
	/** The call as written. */
	readonly text: string;
}

export interface SourceRegexes {
	readonly constant: FoundRegex[];
	readonly dynamic: DynamicRegex[];
	/** By file: how many regular expression literals it holds (not counting `RegExp(...)` calls). */
	readonly literalsByFile: Map<string, number>;
	/** By file: how many `RegExp(...)` calls it holds. */
	readonly callsByFile: Map<string, number>;
}

export function sourceFiles(folder = path.join(projectRoot, 'src')): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(folder, entry.name);
		if (entry.isDirectory()) {
			return sourceFiles(file);
		}
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [file] : [];
	}).sort();
}

export function findSourceRegexes(): SourceRegexes {
	const result: SourceRegexes = { constant: [], dynamic: [], literalsByFile: new Map(), callsByFile: new Map() };
	for (const file of sourceFiles()) {
		const relative = path.relative(projectRoot, file).split(path.sep).join('/');
		const unit = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
		const lineOf = (node: ts.Node) => unit.getLineAndCharacterOfPosition(node.getStart(unit)).line + 1;
		const count = (counts: Map<string, number>) => counts.set(relative, (counts.get(relative) ?? 0) + 1);
		const visit = (node: ts.Node): void => {
			if (ts.isRegularExpressionLiteral(node)) {
				const text = node.text;
				const end = text.lastIndexOf('/');
				result.constant.push({ file: relative, line: lineOf(node), source: text.slice(1, end), flags: text.slice(end + 1) });
				count(result.literalsByFile);
			} else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
				count(result.callsByFile);
				const [source, flags] = node.arguments ?? [];
				const constant = (argument: ts.Expression | undefined) => argument === undefined
					|| ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument);
				if (source !== undefined && constant(source) && constant(flags)) {
					result.constant.push({
						file: relative,
						line: lineOf(node),
						source: (source as ts.StringLiteral).text,
						flags: flags === undefined ? '' : (flags as ts.StringLiteral).text,
					});
				} else {
					result.dynamic.push({ file: relative, line: lineOf(node), text: node.getText(unit) });
				}
			}
			ts.forEachChild(node, visit);
		};
		visit(unit);
	}
	return result;
}

/**
 * A second count of the regular expression literals, by `grep` over the text (comment lines left out), so
 * that the compiler's count cannot silently miss a file. The pattern asks for a `/.../flags` token after a
 * character that can come before an expression and before one that can come after it.
 */
export function grepLiteralCounts(): Map<string, number> {
	const literal = String.raw`(^|[=(,:;!&|?{}[>]|return)[[:space:]]*/([^/\\[*[:space:]]|\\.|\[([^]\\]|\\.)*\])([^/\\[]|\\.|\[([^]\\]|\\.)*\])*/[dgimsuvy]*([]).,;:[:space:]}]|$)`;
	return grepCounts(literal);
}

/** The `RegExp(` calls (with or without `new`), by `grep`. */
export function grepCallCounts(): Map<string, number> {
	return grepCounts(String.raw`(^|[^.A-Za-z0-9_$])RegExp\(`);
}

function grepCounts(pattern: string): Map<string, number> {
	// Non-comment lines as `file:text`, then each match on its own line after its file's name.
	const script = `grep -rEv --include='*.ts' '^[[:space:]]*(//|\\*|/\\*)' src | grep -Eo "^src/[^:]*|$PATTERN"`;
	const run = spawnSync('bash', ['-c', script], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, PATTERN: pattern, LC_ALL: 'C' } });
	if (run.status !== 0 && run.status !== 1) {
		throw new Error(`grep failed: ${run.stderr}`);
	}
	const counts = new Map<string, number>();
	let file = '';
	for (const line of run.stdout.split('\n')) {
		if (line.startsWith('src/')) {
			file = line;
		} else if (line !== '') {
			counts.set(file, (counts.get(file) ?? 0) + 1);
		}
	}
	return counts;
}
