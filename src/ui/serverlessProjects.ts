/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The Serverless Framework v3 projects of the workspace and the profiles they name (core
// references/legacySdkUses.ts), for the lint rule that tells a config-only profile is invisible to them. The
// files are found when an AWS file is first linted, read (never run), and followed by a watcher; nothing is read when VS Code's
// own environment sets AWS_SDK_LOAD_CONFIG, under which the JavaScript SDK v2 reads the config file too. A file
// opened or saved in the editor is read again, and a file deleted through VS Code forgotten.

import * as vscode from 'vscode';
import { findProfileReferences } from '../core/references/findReferences';
import { isServerlessFile } from '../core/references/serverless';
import { LegacySdkUse, legacySdkUsesOf } from '../core/references/legacySdkUses';

const serverlessFiles = '**/serverless.{yml,yaml,json,js,cjs,mjs,ts}';

export class ServerlessProjects implements vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<void>();
	/** Fires when the profiles that v3 projects name may have changed. */
	readonly onDidChange = this.changed.event;
	private readonly byFile = new Map<string, readonly LegacySdkUse[]>();
	private readonly watcher = vscode.workspace.createFileSystemWatcher(serverlessFiles);
	private readonly subscriptions: vscode.Disposable[];
	private scanned: Promise<void> | undefined;

	constructor(private readonly env: NodeJS.ProcessEnv = process.env) {
		this.subscriptions = [
			this.changed,
			this.watcher,
			this.watcher.onDidCreate((uri) => void this.read(uri)),
			this.watcher.onDidChange((uri) => void this.read(uri)),
			this.watcher.onDidDelete((uri) => this.forget(uri)),
			vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
			// The editor's own events too: a watcher may miss what happens before it is ready, or outside it.
			vscode.workspace.onDidOpenTextDocument((document) => this.readIfServerless(document.uri)),
			vscode.workspace.onDidSaveTextDocument((document) => this.readIfServerless(document.uri)),
			vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.forget(uri))),
		];
	}

	/**
	 * The profiles that Serverless v3 projects of the workspace name, each with the file that names it. The first
	 * call starts the search of the workspace (so activation does none): until it is done, the answer is what is
	 * known, and onDidChange tells when there is more.
	 */
	uses(): LegacySdkUse[] {
		this.scanned ??= this.scan();
		return [...this.byFile.values()].flat();
	}

	/** Finds and reads every Serverless file of the workspace (node_modules left out). */
	async scan(): Promise<void> {
		if (this.env.AWS_SDK_LOAD_CONFIG) {
			return;
		}
		const files = await vscode.workspace.findFiles(serverlessFiles, '**/node_modules/**', 500);
		await Promise.all(files.map((uri) => this.read(uri, false)));
		this.changed.fire();
	}

	private readIfServerless(uri: vscode.Uri): void {
		if (uri.scheme === 'file' && isServerlessFile(uri.fsPath)) {
			void this.read(uri);
		}
	}

	private async read(uri: vscode.Uri, notify = true): Promise<void> {
		if (this.env.AWS_SDK_LOAD_CONFIG) {
			return;
		}
		let text: string;
		try {
			text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		} catch {
			this.forget(uri, notify);
			return;
		}
		const references = findProfileReferences(uri.fsPath, text);
		this.byFile.set(uri.toString(), legacySdkUsesOf(uri.fsPath, text, references, vscode.workspace.asRelativePath(uri)));
		if (notify) {
			this.changed.fire();
		}
	}

	private forget(uri: vscode.Uri, notify = true): void {
		if (this.byFile.delete(uri.toString()) && notify) {
			this.changed.fire();
		}
	}

	dispose(): void {
		this.subscriptions.forEach((subscription) => subscription.dispose());
	}
}
