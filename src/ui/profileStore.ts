/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileLocations } from '../core/readings/fileLocations';
import { loadProfileSnapshot, ProfileSnapshot } from '../core/io/profileSnapshot';
import { shownPath } from '../core/display/displayPath';

/** Changes to the files come in bursts (an editor's save, an atomic rename): read once they settle. */
const settleMs = 30;

/**
 * The user's AWS setup as the extension sees it: the last snapshot of the two files and the model built
 * from them. It watches both files, the SSO token cache and the `aws login` cache, so an edit made anywhere
 * (another editor, the AWS CLI, `aws sso login`, `aws login`) shows up by itself once `start()` is called. `reload()` is the one way
 * to refresh: the watchers, the refresh command and a change of settings all go through it.
 */
export class ProfileStore implements vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<ProfileSnapshot>();
	readonly onDidChange = this.changed.event;
	private locationsNow: FileLocations | undefined;
	private latest: ProfileSnapshot | undefined;
	private reading: Promise<ProfileSnapshot> | undefined;
	private watchers: vscode.Disposable[] = [];
	private settleTimer: NodeJS.Timeout | undefined;

	/** `locate` works the files' locations out from the settings, the first time they are needed (not at activation). */
	constructor(private readonly locate: () => FileLocations, private readonly log: vscode.LogOutputChannel) { }

	/** Starts watching the files, then reads them; until then the store has no snapshot. */
	start(): Promise<ProfileSnapshot> {
		this.disposeWatchers(); // setLocations() may have come first
		this.watch();
		return this.reload();
	}

	get locations(): FileLocations {
		this.locationsNow ??= this.locate();
		return this.locationsNow;
	}

	/** The last snapshot read, if any. */
	get current(): ProfileSnapshot | undefined {
		return this.latest;
	}

	/**
	 * The newest snapshot: the one being read when a read is under way (a watcher's, after a write), so that a
	 * command never acts on the files as they were before; the first call reads the files.
	 */
	snapshot(): Promise<ProfileSnapshot> {
		return this.reading ?? this.reload();
	}

	/** Reads the files again; resolves to the newest snapshot, which a read started meanwhile may give. */
	reload(): Promise<ProfileSnapshot> {
		const reading: Promise<ProfileSnapshot> = loadProfileSnapshot(this.locations).then((snapshot) => {
			// A slower, older read must not replace a newer one.
			if (this.reading !== reading) {
				return this.reading!;
			}
			this.latest = snapshot;
			this.report(snapshot);
			this.changed.fire(snapshot);
			return snapshot;
		});
		this.reading = reading;
		return reading;
	}

	setLocations(locations: FileLocations): void {
		this.locationsNow = locations;
		this.disposeWatchers();
		this.watch();
		void this.reload();
	}

	private report(snapshot: ProfileSnapshot): void {
		for (const file of snapshot.files) {
			if (file.kind === 'unreadable') {
				this.log.warn(`Cannot read ${shownPath(file.path)}: ${file.reason}.`);
			}
		}
		const errors = snapshot.model.problems.filter((problem) => problem.severity === 'error').length;
		this.log.info(`Read ${snapshot.model.profiles.size} profiles from ${shownPath(this.locations.configFile)} and ${shownPath(this.locations.credentialsFile)}`
			+ (errors > 0 ? ` (${errors} syntax errors).` : '.'));
	}

	/** Watches the folders (not the files): editors and our own writes replace a file by renaming over it. */
	private watch(): void {
		const { configFile, credentialsFile, ssoCacheFolder, loginCacheFolder } = this.locations;
		const byFolder = new Map<string, Set<string>>();
		for (const file of [configFile, credentialsFile]) {
			const names = byFolder.get(path.dirname(file)) ?? new Set<string>();
			names.add(path.basename(file));
			byFolder.set(path.dirname(file), names);
		}
		for (const [folder, names] of byFolder) {
			this.watchFolder(folder, (name) => name === null || names.has(name));
		}
		this.watchFolder(ssoCacheFolder, () => true);
		this.watchFolder(loginCacheFolder, () => true);
	}

	private watchFolder(folder: string, matters: (name: string | null) => boolean): void {
		try {
			const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
				if (matters(name === null ? null : String(name))) {
					this.scheduleReload();
				}
				// The folder itself went (`rm -rf ~/.aws/sso`): its watcher sees nothing more, even when a folder
				// of that name comes back. Watch again, which polls until it does.
				if (!fs.existsSync(folder)) {
					this.rewatch();
				}
			});
			watcher.on('error', () => this.rewatch());
			this.watchers.push({ dispose: () => watcher.close() });
		} catch {
			// The folder does not exist yet (no ~/.aws on a new machine): poll for it, slowly, then watch it.
			const listener = (current: fs.Stats) => {
				// Node also calls this with an all-zero stat while the folder is still missing.
				if (current.ino === 0) {
					return;
				}
				this.rewatch();
			};
			fs.watchFile(folder, { persistent: false, interval: 2000 }, listener);
			this.watchers.push({ dispose: () => fs.unwatchFile(folder, listener) });
		}
	}

	private rewatch(): void {
		this.disposeWatchers();
		this.watch();
		this.scheduleReload();
	}

	private scheduleReload(): void {
		clearTimeout(this.settleTimer);
		this.settleTimer = setTimeout(() => void this.reload(), settleMs);
	}

	private disposeWatchers(): void {
		this.watchers.forEach((watcher) => watcher.dispose());
		this.watchers = [];
	}

	dispose(): void {
		clearTimeout(this.settleTimer);
		this.disposeWatchers();
		this.changed.dispose();
	}
}
