/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Project files the extension reads on its own (not ones the user opened): only inside their workspace folder
// by real path, since VS Code's file search follows symbolic links (a link `up -> ..` would reach any file of
// the machine), and never larger than a project file may be (parseLimits.ts), since the workspace may be
// anyone's. A file the user opens is checked by the editor's text, where the limits give a visible finding.

import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { maxProjectFileChars } from '../core/references/parseLimits';
import { isInsideFolder } from '../core/io/projectFolderWalk';

/** Whether the file is inside its workspace folder by real path (a link out of it is not). */
export async function isInsideWorkspace(uri: vscode.Uri): Promise<boolean> {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	if (!folder) {
		return false;
	}
	if (uri.scheme !== 'file') {
		return true; // a virtual or remote file system: no links that Node could follow
	}
	try {
		const [root, real] = await Promise.all([fs.realpath(folder.uri.fsPath), fs.realpath(uri.fsPath)]);
		return isInsideFolder(root, real);
	} catch {
		return false;
	}
}

/** The file's text, or undefined when it is out of its workspace folder, too large, or cannot be read. */
export async function readWorkspaceFile(uri: vscode.Uri): Promise<string | undefined> {
	if (!await isInsideWorkspace(uri)) {
		return undefined;
	}
	try {
		const stat = await vscode.workspace.fs.stat(uri);
		if (stat.type !== vscode.FileType.File || stat.size > maxProjectFileChars) {
			return undefined;
		}
		const bytes = await vscode.workspace.fs.readFile(uri);
		return bytes.length > maxProjectFileChars ? undefined : new TextDecoder().decode(bytes);
	} catch {
		return undefined;
	}
}
