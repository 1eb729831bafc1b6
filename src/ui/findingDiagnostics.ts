/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The one way a finding (core/findings/finding.ts) is shown in the editor, for the lint of the two AWS files and
// the checks of project files' references alike: a diagnostic whose code is the rule id, with every related
// place; and its fixes as code actions, found as vscode-eslint finds them, by the diagnostic's range and code
// among the findings of the very text the diagnostics were made from (the caller checks it is the document's
// text or version), never by the message. A fix whose edit is in another file edits that file; a fix in a file
// whose text is not known gives no action, never an empty edit.

import * as vscode from 'vscode';
import { maskSecretsIn } from '../core/display/secretMasking';
import type { Finding, QuickFix } from '../core/findings/finding';
import type { Severity } from '../core/findings/severity';
import type { TextRange } from '../core/text/textRange';
import { createLineIndex, LineIndex } from '../core/text/lineIndex';

/** The files a check read, by the name its findings give them. */
export interface CheckedFiles<F extends string> {
	uriOf(file: F): vscode.Uri;
	/** The text the check read; `undefined` when it is not known (then only a range's line and column are). */
	textOf(file: F): string | undefined;
}

const severities: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
	error: vscode.DiagnosticSeverity.Error,
	warning: vscode.DiagnosticSeverity.Warning,
	info: vscode.DiagnosticSeverity.Information,
	hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic<F extends string>(finding: Finding<F>, files: CheckedFiles<F>, source: string): vscode.Diagnostic {
	const diagnostic = new vscode.Diagnostic(rangeIn(files, finding.file, finding.range), maskSecretsIn(finding.message), severities[finding.severity]);
	diagnostic.source = source;
	diagnostic.code = finding.ruleId;
	if (finding.notRead) {
		// Faded, as VS Code shows unused code.
		diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
	}
	if (finding.related && finding.related.length > 0) {
		diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(
			new vscode.Location(files.uriOf(related.file), rangeIn(files, related.file, related.range)), maskSecretsIn(related.message)));
	}
	return diagnostic;
}

/** The quick fixes of the diagnostics of `source` in `file`, from the findings they were made from. */
export function codeActionsOf<F extends string>(
	findings: readonly Finding<F>[], file: F, diagnostics: readonly vscode.Diagnostic[], files: CheckedFiles<F>, source: string,
): vscode.CodeAction[] {
	const actions: vscode.CodeAction[] = [];
	for (const diagnostic of diagnostics.filter((d) => d.source === source)) {
		const found = findings.filter((finding) => finding.file === file && finding.ruleId === diagnostic.code
			&& rangeIn(files, file, finding.range).isEqual(diagnostic.range));
		for (const fix of found.flatMap((finding) => finding.fixes ?? [])) {
			const action = codeAction(fix, diagnostic, files);
			if (action) {
				actions.push(action);
			}
		}
	}
	return actions;
}

function codeAction<F extends string>(fix: QuickFix<F>, diagnostic: vscode.Diagnostic, files: CheckedFiles<F>): vscode.CodeAction | undefined {
	const action = new vscode.CodeAction(maskSecretsIn(fix.title), vscode.CodeActionKind.QuickFix);
	action.diagnostics = [diagnostic];
	action.isPreferred = fix.isPreferred;
	if (fix.kind === 'action') {
		const { action: todo } = fix;
		action.command = todo.kind === 'chmod'
			? { command: 'awsProfiles.fixFileMode', title: action.title, arguments: [files.uriOf(todo.file).fsPath, todo.mode] }
			: { command: 'awsProfiles.addProfile', title: action.title, arguments: [todo.name] };
		return action;
	}
	const edit = new vscode.WorkspaceEdit();
	for (const fileEdits of fix.edits) {
		const text = files.textOf(fileEdits.file);
		if (text === undefined) {
			return undefined;
		}
		for (const change of fileEdits.edits) {
			edit.replace(files.uriOf(fileEdits.file), new vscode.Range(positionAt(text, change.offset), positionAt(text, change.offset + change.length)), change.content);
		}
	}
	action.edit = edit;
	return action;
}

function rangeIn<F extends string>(files: CheckedFiles<F>, file: F, range: TextRange): vscode.Range {
	const text = files.textOf(file);
	if (text === undefined) {
		return new vscode.Range(range.line, range.column, range.line, range.column + range.length);
	}
	return new vscode.Range(positionAt(text, range.offset), positionAt(text, range.offset + range.length));
}

const lineIndexes = new Map<string, LineIndex>();

/** The position of an offset of `text`; the line index is kept for the last few texts, since a run converts many. */
export function positionAt(text: string, offset: number): vscode.Position {
	let index = lineIndexes.get(text);
	if (!index) {
		if (lineIndexes.size > 4) {
			lineIndexes.clear();
		}
		index = createLineIndex(text);
		lineIndexes.set(text, index);
	}
	const { line, column } = index.rangeOf(offset, 0);
	return new vscode.Position(line, column);
}
