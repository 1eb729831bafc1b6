/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The project files of the workspace (serverless.yml, samconfig.toml, main.tf...) that are checked in the
// background, so that the Problems panel shows their references before anyone opens them. Bounded, since a
// workspace can be anything: at most `maxFiles` files are followed (the first search's, then files created while
// there is room), found by the CLI's own walk (scanFolder.ts: the folders it skips, such as node_modules, .git and
// build outputs, are never entered, its depth and entry limits hold, and a link out of the folder is never
// followed), and nothing is searched at activation: the first search waits `firstScanDelayMs`. This only says which files to
// check and when (found, created, changed on disk, deleted); reading them is workspaceFiles.ts' (inside the
// workspace by real path, within a project file's size), and checking them is projectReferences.ts'.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { isReferenceFile } from '../core/references/referenceFiles';
import { defaultSkippedFolders, listProjectFiles } from '../core/io/projectFolderWalk';

/** Every name a reference finder knows (findReferences.ts), as one glob; found files are checked by name again. */
const projectFileGlob = `**/{${[
	'serverless.yml', 'serverless.yaml', 'serverless.json', 'serverless.js', 'serverless.cjs', 'serverless.mjs', 'serverless.ts',
	'up.json', 'zappa_settings.json', 'zappa_settings.yml', 'zappa_settings.yaml', 'zappa_settings.toml',
	'samconfig.toml', 'samconfig.yml', 'samconfig.yaml', 'cdk.json', '*.tf', 'Pulumi.*.yaml', 'Pulumi.*.yml',
	'.env', '.env.*', 'package.json',
].join(',')}}`;

/** How long a burst of folders created is waited out before the workspace is searched again. */
const rescanDelayMs = 1000;

const skippedGlob = `**/{${defaultSkippedFolders.join(',')}}/**`;

export interface WorkspaceProjectFilesOptions {
	readonly maxFiles: number;
	readonly firstScanDelayMs: number;
}

export const defaultProjectFilesOptions: WorkspaceProjectFilesOptions = { maxFiles: 200, firstScanDelayMs: 1500 };

export class WorkspaceProjectFiles implements vscode.Disposable {
	private readonly changedEmitter = new vscode.EventEmitter<vscode.Uri>();
	/** A file to check again from disk: found by a search, created, or changed on disk. */
	readonly onDidChange = this.changedEmitter.event;
	private readonly deletedEmitter = new vscode.EventEmitter<vscode.Uri>();
	/** A file no longer followed: deleted, or gone from a new search. */
	readonly onDidDelete = this.deletedEmitter.event;
	private files = new Map<string, vscode.Uri>();
	private readonly subscriptions: vscode.Disposable[] = [this.changedEmitter, this.deletedEmitter];
	private watcher: vscode.FileSystemWatcher | undefined;
	private timer: NodeJS.Timeout | undefined;
	private rescanTimer: NodeJS.Timeout | undefined;

	constructor(private readonly options: WorkspaceProjectFilesOptions = defaultProjectFilesOptions) {}

	/** Schedules the first search, and nothing more: activation reads no file of the workspace. */
	start(): void {
		this.timer ??= setTimeout(() => void this.scan(), this.options.firstScanDelayMs);
		this.subscriptions.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()));
	}

	/** Searches the workspace again (at most `maxFiles` files): new files are checked, files no longer found let go. */
	async scan(): Promise<void> {
		clearTimeout(this.timer);
		this.watch();
		const found = await this.search();
		const next = new Map(found.map((uri) => [uri.toString(), uri]));
		const gone = [...this.files].filter(([key]) => !next.has(key)).map(([, uri]) => uri);
		const added = found.filter((uri) => !this.has(uri));
		this.files = next;
		gone.forEach((uri) => this.deletedEmitter.fire(uri));
		added.forEach((uri) => this.changedEmitter.fire(uri));
	}

	/**
	 * The first `maxFiles` project files of the workspace's folders: on disk by the CLI's own bounded walk, which
	 * never follows a link out of the folder (VS Code's search would), elsewhere (a virtual folder) by VS Code's.
	 */
	private async search(): Promise<vscode.Uri[]> {
		const found: vscode.Uri[] = [];
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			const maxFiles = this.options.maxFiles - found.length;
			if (maxFiles <= 0) {
				break;
			}
			found.push(...folder.uri.scheme === 'file'
				? (await listProjectFiles(folder.uri.fsPath, { maxFiles })).map((file) => vscode.Uri.file(file))
				: (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, projectFileGlob), skippedGlob, maxFiles)).filter((uri) => isReferenceFile(uri.path)));
		}
		return found;
	}

	has(uri: vscode.Uri): boolean {
		return this.files.has(uri.toString());
	}

	all(): vscode.Uri[] {
		return [...this.files.values()];
	}

	private watch(): void {
		if (this.watcher) {
			return;
		}
		this.watcher = vscode.workspace.createFileSystemWatcher(projectFileGlob);
		// A folder created or deleted may be one event for the folder, which the files' glob does not match.
		const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
		this.subscriptions.push(
			this.watcher,
			folders,
			this.watcher.onDidCreate((uri) => this.created(uri)),
			this.watcher.onDidChange((uri) => this.has(uri) ? this.changedEmitter.fire(uri) : this.created(uri)),
			folders.onDidCreate((uri) => void this.folderCreated(uri)),
			folders.onDidDelete((uri) => this.deleted(uri)),
		);
	}

	/** A folder created (moved in, unpacked) with project files in it: searched again, once the burst is over. */
	private async folderCreated(uri: vscode.Uri): Promise<void> {
		if (isReferenceFile(uri.path) || inSkippedFolder(uri) || this.files.size >= this.options.maxFiles) {
			return;
		}
		const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
		if (stat?.type === vscode.FileType.Directory) {
			clearTimeout(this.rescanTimer);
			this.rescanTimer = setTimeout(() => void this.scan(), rescanDelayMs);
		}
	}

	/** Lets go of the file deleted, or of every file under the folder deleted. */
	private deleted(uri: vscode.Uri): void {
		const folder = `${uri.toString()}/`;
		for (const [key, file] of [...this.files]) {
			if (key === uri.toString() || key.startsWith(folder)) {
				this.files.delete(key);
				this.deletedEmitter.fire(file);
			}
		}
	}

	/** A new file is followed while there is room, and never in a skipped folder (the watcher's glob cannot skip them). */
	private created(uri: vscode.Uri): void {
		if (this.has(uri) || this.files.size >= this.options.maxFiles || !isReferenceFile(uri.path) || inSkippedFolder(uri)) {
			return;
		}
		this.files.set(uri.toString(), uri);
		this.changedEmitter.fire(uri);
	}

	dispose(): void {
		clearTimeout(this.timer);
		clearTimeout(this.rescanTimer);
		this.subscriptions.forEach((subscription) => subscription.dispose());
	}
}

function inSkippedFolder(uri: vscode.Uri): boolean {
	const relative = vscode.workspace.asRelativePath(uri, false);
	return relative.split(/[\\/]/).slice(0, -1).some((folder) => defaultSkippedFolders.includes(folder)) || path.isAbsolute(relative);
}
