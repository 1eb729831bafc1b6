/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { shownPath } from '../core/display/displayPath';
import type { FileRole } from '../core/readings/fileLocations';
import type { ProfileStore } from './profileStore';

/** Opens the config or credentials file the SDK would read; says so plainly when it does not exist yet. */
export async function openProfileFile(store: ProfileStore, role: FileRole): Promise<void> {
	const path = role === 'config' ? store.locations.configFile : store.locations.credentialsFile;
	const uri = vscode.Uri.file(path);
	try {
		await vscode.workspace.fs.stat(uri);
	} catch {
		void vscode.window.showInformationMessage(`There is no AWS ${role} file at ${shownPath(path)} yet.`);
		return;
	}
	await vscode.window.showTextDocument(uri, { preview: false });
}
