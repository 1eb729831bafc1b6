/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { FileLocations, processFileLocations } from '../core/fileLocations';
import { readProfileFiles, ProfileFilesSnapshot } from '../core/profileFilesReader';

/**
 * The two AWS files as the extension sees them: where they are (by the SDK's rules, from the environment
 * VS Code was started with) and their last read content. `reload()` is the one way to refresh, used by the
 * refresh command and, later, by the file watchers.
 */
export class ProfileFiles implements vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<ProfileFilesSnapshot>();
	readonly onDidChange = this.changed.event;
	readonly locations: FileLocations;
	private current: Promise<ProfileFilesSnapshot> | undefined;

	constructor(private readonly log: vscode.LogOutputChannel) {
		this.locations = processFileLocations();
	}

	/** The last snapshot, reading the files the first time it is asked for. */
	snapshot(): Promise<ProfileFilesSnapshot> {
		return this.current ?? this.reload();
	}

	reload(): Promise<ProfileFilesSnapshot> {
		const reading = readProfileFiles(this.locations);
		this.current = reading;
		void reading.then((snapshot) => {
			for (const file of snapshot.files) {
				if (file.kind === 'unreadable') {
					this.log.warn(`Cannot read ${file.path}: ${file.reason}`);
				}
			}
			this.log.info(`Read ${this.locations.configFile} and ${this.locations.credentialsFile}.`);
			if (this.current === reading) {
				this.changed.fire(snapshot);
			}
		});
		return reading;
	}

	dispose(): void {
		this.changed.dispose();
	}
}
