/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';

/**
 * The questions commands ask the user. The real ones are VS Code's; the integration tests put in their own
 * answers through the extension's test API, since a modal dialog cannot be clicked from the extension host.
 */
export interface Prompts {
	/** A modal confirmation: true only when the user picks `action`. */
	confirm(message: string, detail: string, action: string): Promise<boolean>;
	input(options: vscode.InputBoxOptions): Promise<string | undefined>;
	pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
}

export const windowPrompts: Prompts = {
	async confirm(message, detail, action) {
		return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
	},
	input: (options) => Promise.resolve(vscode.window.showInputBox(options)),
	pick: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, options)),
};
