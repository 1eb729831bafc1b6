/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';

export type CommandTable = Readonly<Record<string, (...args: never[]) => unknown>>;

/**
 * Registers every command of the table through one wrapper, so that every command reports a failure the
 * same way: in the log and as one notification. Messages come from our own errors, which never hold a
 * secret (see the core's error types).
 */
export function registerCommands(
	context: vscode.ExtensionContext,
	log: vscode.LogOutputChannel,
	table: CommandTable,
): void {
	for (const [id, handler] of Object.entries(table)) {
		const run = async (...args: never[]) => {
			try {
				return await handler(...args);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				log.error(`${id}: ${message}`);
				void vscode.window.showErrorMessage(message);
				return undefined;
			}
		};
		context.subscriptions.push(vscode.commands.registerCommand(id, run));
	}
}
