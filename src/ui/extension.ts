/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Keep this import first: it starts the clock of the extension's own activation time.
import { markBundleLoaded, startActivation } from './activationClock';
import * as vscode from 'vscode';
import { FileLocations } from '../core/fileLocations';
import { registerCommands } from './commands';
import { openProfileFile } from './fileCommands';
import { createLog } from './log';
import { ProfileFiles } from './profileFiles';

markBundleLoaded();

/** What `activate` returns to other extensions and to our integration tests. */
export interface AwsProfilesApi {
	/** Where the config and credentials files are, by the SDK's rules. */
	readonly files: FileLocations;
	/** Milliseconds the extension itself spent activating: evaluating its bundle plus running `activate`. */
	readonly activationMs: number;
}

// activate() only wires things up: no network, no SDK, and no waiting on the disk.
export function activate(context: vscode.ExtensionContext): AwsProfilesApi {
	const ownTime = startActivation();
	const log = createLog();
	const files = new ProfileFiles(log);
	context.subscriptions.push(log, files);

	registerCommands(context, log, {
		'awsProfiles.refresh': () => files.reload(),
		'awsProfiles.openConfigFile': () => openProfileFile(files, 'config'),
		'awsProfiles.openCredentialsFile': () => openProfileFile(files, 'credentials'),
		'awsProfiles.showLog': () => log.show(),
	});
	void files.reload();

	const activationMs = ownTime();
	log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
	return { files: files.locations, activationMs };
}

export function deactivate(): void {
	// Everything is disposed through context.subscriptions.
}
