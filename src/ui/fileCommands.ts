/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { FileRole } from '../core/profileFilesReader';
import { ProfileFiles } from './profileFiles';

/** Opens the config or credentials file the SDK would read; says so plainly when it does not exist yet. */
export async function openProfileFile(files: ProfileFiles, role: FileRole): Promise<void> {
	const path = role === 'config' ? files.locations.configFile : files.locations.credentialsFile;
	const uri = vscode.Uri.file(path);
	try {
		await vscode.workspace.fs.stat(uri);
	} catch {
		void vscode.window.showInformationMessage(`There is no AWS ${role} file at ${path} yet.`);
		return;
	}
	await vscode.window.showTextDocument(uri, { preview: false });
}
