/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { ProfileEditError } from '../core/profileFileWriter';
import { SafeWriteError } from '../core/safeWrite';
import { maskSecretsIn } from '../core/secretMasking';

export type CommandTable = Readonly<Record<string, (...args: never[]) => unknown>>;

/** A failure the extension explains itself, in words of its own: its message is shown to the user. */
export class CommandError extends Error {
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

/**
 * What a failure may tell the user. Only our own errors' messages are shown, masked: an error the extension
 * did not make (Node's, the SDK's, a library's) can quote a file's content, a command line or a request, so
 * it is named by its kind and system code alone.
 */
export function failureMessage(error: unknown): string {
	if (error instanceof CommandError || error instanceof SafeWriteError || error instanceof ProfileEditError) {
		return maskSecretsIn(error.message);
	}
	const code = (error as { code?: unknown } | undefined)?.code;
	const name = error instanceof Error ? error.name : typeof error;
	const kind = [name, typeof code === 'string' ? code : undefined].filter((part) => part !== undefined && /^[A-Za-z][\w.]{0,40}$/.test(part));
	return `The command failed with an unexpected error${kind.length > 0 ? ` (${kind.join(' ')})` : ''}.`;
}
