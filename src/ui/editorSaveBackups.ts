/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The backup of an AWS file that the editor saves. A quick fix is an edit of the editor's document, so it is
// VS Code that writes it to disk (when the user saves, or by auto-save), not the extension's safe write, and
// it would otherwise leave no backup. Before every save of `~/.aws/config` or `~/.aws/credentials` the file on
// disk is kept as the safe write keeps it (`.bak`, `.bak.1`..., 0600).

import * as vscode from 'vscode';
import { shownPath } from '../core/display/displayPath';
import { keepBackupBeforeSave, SafeWriteError } from '../core/io/safeWrite';

export function keepBackupsOfEditorSaves(
	isAwsFile: (document: vscode.TextDocument) => boolean,
	log: vscode.LogOutputChannel,
	warn: (message: string) => void,
): vscode.Disposable {
	return vscode.workspace.onWillSaveTextDocument((event) => {
		const document = event.document;
		if (document.uri.scheme !== 'file' || !isAwsFile(document)) {
			return;
		}
		// VS Code waits for it (within its save participants' time limit) before it writes the file.
		event.waitUntil(keepBackupBeforeSave(document.uri.fsPath, document.getText()).then((backup) => {
			if (backup) {
				log.info(`Kept the previous ${shownPath(document.uri.fsPath)} as ${shownPath(backup)} before the editor saved it.`);
			}
		}, (error: unknown) => {
			// The save goes on (an editor cannot refuse it from here): say that it has no backup, and why.
			const reason = error instanceof SafeWriteError ? `the backup could not be kept (${error.systemCode ?? error.code})` : 'an unexpected error';
			log.warn(`The editor saved ${shownPath(document.uri.fsPath)} without a backup: ${reason}.`);
			warn(`${shownPath(document.uri.fsPath)} was saved without a backup: ${reason}.`);
		}));
	});
}
