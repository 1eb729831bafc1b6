/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { parseRawProfileFile } from '../core/ini/rawProfileFile';
import { isSecretKey } from '../core/display/secretMasking';

/**
 * With `awsProfiles.maskSecrets` on, secret values in the AWS files are blurred on screen (a screen share or
 * a shoulder surfer sees nothing useful); the text itself is untouched, and the cursor line shows it plainly.
 */
export class SecretMaskDecorations implements vscode.Disposable {
	private readonly decoration = vscode.window.createTextEditorDecorationType({
		textDecoration: 'none; filter: blur(4px);',
		opacity: '0.6',
	});
	private readonly subscriptions: vscode.Disposable[];

	constructor(private readonly isAwsFile: (document: vscode.TextDocument) => boolean) {
		this.subscriptions = [
			vscode.window.onDidChangeVisibleTextEditors(() => this.update()),
			vscode.window.onDidChangeTextEditorSelection((event) => this.updateEditor(event.textEditor)),
			vscode.workspace.onDidChangeTextDocument(() => this.update()),
			vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('awsProfiles.maskSecrets') && this.update()),
		];
		this.update();
	}

	update(): void {
		vscode.window.visibleTextEditors.forEach((editor) => this.updateEditor(editor));
	}

	/** The ranges masked in an editor, for the tests. */
	secretRanges(document: vscode.TextDocument): vscode.Range[] {
		const ranges: vscode.Range[] = [];
		for (const line of parseRawProfileFile(document.getText()).lines) {
			if ((line.kind === 'property' || line.kind === 'sub-property') && line.assignment && line.assignment.value.length > 0) {
				const key = document.getText(new vscode.Range(document.positionAt(line.key.offset), document.positionAt(line.key.offset + line.key.length)));
				if (isSecretKey(key)) {
					const { value } = line.assignment;
					ranges.push(new vscode.Range(document.positionAt(value.offset), document.positionAt(value.offset + value.length)));
				}
			}
		}
		return ranges;
	}

	private updateEditor(editor: vscode.TextEditor): void {
		const enabled = vscode.workspace.getConfiguration('awsProfiles').get<boolean>('maskSecrets', true);
		if (!enabled || !this.isAwsFile(editor.document)) {
			editor.setDecorations(this.decoration, []);
			return;
		}
		const cursorLines = new Set(editor.selections.map((selection) => selection.active.line));
		editor.setDecorations(this.decoration, this.secretRanges(editor.document).filter((range) => !cursorLines.has(range.start.line)));
	}

	dispose(): void {
		this.subscriptions.forEach((subscription) => subscription.dispose());
		this.decoration.dispose();
	}
}
