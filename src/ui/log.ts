/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';

/**
 * The extension's one output channel. Messages come from the core and the AWS layer, which never put a
 * secret in a message; the channel is a LogOutputChannel so the user chooses the level.
 */
export function createLog(): vscode.LogOutputChannel {
	return vscode.window.createOutputChannel('AWS Profiles', { log: true });
}
