/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { isOwnError, OwnError } from '../core/display/ownError';
import { shownFailure } from '../core/display/shownFailure';

export type CommandTable = Readonly<Record<string, (...args: never[]) => unknown>>;

/** A failure the extension explains itself, in words of its own: its message is shown to the user. */
export class CommandError extends OwnError {
	override readonly name = 'CommandError';
}

/**
 * Registers every command of the table through one wrapper, so that every command reports a failure the
 * same way: in the log and as one notification.
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
				const message = failureMessage(error);
				log.error(`${id}: ${message}`);
				void vscode.window.showErrorMessage(message);
				return undefined;
			}
		};
		context.subscriptions.push(vscode.commands.registerCommand(id, run));
	}
}

/** What a failure may tell the user (shownFailure.ts): our own messages masked, any other error by its kind. */
export function failureMessage(error: unknown): string {
	return isOwnError(error) ? shownFailure(error) : `The command failed with ${shownFailure(error)}.`;
}
