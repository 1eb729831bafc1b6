/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The Serverless Framework v3 projects of the workspace and the profiles they name (core
// references/legacySdkUses.ts), for the lint rule that tells a config-only profile is invisible to them. The
// files are found when an AWS file is first linted, read (never run), and followed by a watcher from then on;
// nothing is read when VS Code's own environment sets AWS_SDK_LOAD_CONFIG, under which the JavaScript SDK v2 reads
// the config file too. A file opened or saved in the editor is read again, and a file deleted through VS Code
// forgotten. Only files inside their workspace folder (by real path) and within the size of a project file are
// read (workspaceFiles.ts).

import * as vscode from 'vscode';
import { isServerlessFile } from '../core/references/referenceFiles';
import type { LegacySdkUse } from '../core/references/legacySdkUses';
import { loadChecks } from './lazyBundles';
import { readWorkspaceFile } from './workspaceFiles';

const serverlessFiles = '**/serverless.{yml,yaml,json,js,cjs,mjs,ts}';

export class ServerlessProjects implements vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<void>();
	/** Fires when the profiles that v3 projects name may have changed. */
	readonly onDidChange = this.changed.event;
	private readonly byFile = new Map<string, readonly LegacySdkUse[]>();
	private readonly subscriptions: vscode.Disposable[];
	/** Made by the first search, not at activation: a workspace without AWS files linted is never watched. */
	private watcher: vscode.FileSystemWatcher | undefined;
	/** Set by the first `uses()`: until then no event reads anything, since the search will read it all. */
	private scanned: Promise<void> | undefined;
	/** Whether the SDK v2 reads the config file too, in VS Code's environment: then no v3 project needs telling. */
	private readonly legacySdkReadsConfig = Boolean(process.env.AWS_SDK_LOAD_CONFIG);

	constructor() {
		this.subscriptions = [
			this.changed,
			vscode.workspace.onDidChangeWorkspaceFolders(() => {
				if (this.scanned) {
					void this.scan();
				}
			}),
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
		if (this.legacySdkReadsConfig) {
			return [];
		}
		if (!this.scanned) {
			void this.scan();
		}
		return [...this.byFile.values()].flat();
	}

	/** Finds and reads every Serverless file of the workspace (node_modules left out); events read files from then on. */
	scan(): Promise<void> {
		this.scanned = this.legacySdkReadsConfig ? Promise.resolve() : this.search();
		return this.scanned;
	}

	private async search(): Promise<void> {
		this.watch();
		const files = await vscode.workspace.findFiles(serverlessFiles, '**/node_modules/**', 500);
		await Promise.all(files.map((uri) => this.read(uri, false)));
		this.changed.fire();
	}

	private watch(): void {
		if (this.watcher) {
			return;
		}
		this.watcher = vscode.workspace.createFileSystemWatcher(serverlessFiles);
		this.subscriptions.push(
			this.watcher,
			this.watcher.onDidCreate((uri) => this.read(uri)),
			this.watcher.onDidChange((uri) => this.read(uri)),
			this.watcher.onDidDelete((uri) => this.forget(uri)),
		);
	}

	/** Before the first search, nothing: the search reads every file. */
	private readIfServerless(uri: vscode.Uri): void {
		if (this.scanned && uri.scheme === 'file' && isServerlessFile(uri.fsPath)) {
			void this.read(uri);
		}
	}

	/** Reads one file; tells of it only when what it names for the v2 SDK changed (a save also fires the watcher). */
	private async read(uri: vscode.Uri, notify = true): Promise<void> {
		const text = await readWorkspaceFile(uri);
		if (text === undefined) {
			this.forget(uri, notify);
			return;
		}
		const { findProfileReferences, legacySdkUsesOf } = loadChecks();
		const uses = legacySdkUsesOf(uri.fsPath, text, () => findProfileReferences(uri.fsPath, text), vscode.workspace.asRelativePath(uri));
		const key = uri.toString();
		const before = this.byFile.get(key);
		this.byFile.set(key, uses);
		if (notify && !sameUses(before, uses)) {
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

function sameUses(before: readonly LegacySdkUse[] | undefined, after: readonly LegacySdkUse[]): boolean {
	return before !== undefined && before.length === after.length
		&& before.every((use, i) => use.profile === after[i].profile && use.file === after[i].file);
}
