/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { FileLocations, processFileLocations } from '../core/readings/fileLocations';

export type GroupBy = 'none' | 'file' | 'kind';

/** The extension's settings, read in one place (`contributes.configuration` in package.json). */
export interface Settings {
	readonly injectProfile: boolean;
	readonly setRegion: boolean;
	readonly injectIntoDebug: boolean;
	readonly groupBy: GroupBy;
}

const section = 'awsProfiles';

export function readSettings(): Settings {
	const config = vscode.workspace.getConfiguration(section);
	const groupBy = config.get<string>('tree.groupBy');
	return {
		injectProfile: config.get<boolean>('terminal.injectProfile', true),
		setRegion: config.get<boolean>('terminal.setRegion', false),
		injectIntoDebug: config.get<boolean>('debug.injectProfile', false),
		groupBy: groupBy === 'file' || groupBy === 'kind' ? groupBy : 'none',
	};
}

/**
 * The files to read: the SDK's own rules, unless the user set paths. Those settings are machine-scoped, so
 * only the user's own settings count, never a workspace's (an untrusted folder must not redirect them).
 */
export function effectiveLocations(): FileLocations {
	const config = vscode.workspace.getConfiguration(section);
	const fromSdk = processFileLocations();
	const configFile = config.inspect<string>('configFile')?.globalValue;
	const credentialsFile = config.inspect<string>('credentialsFile')?.globalValue;
	return {
		...fromSdk,
		configFile: configFile || fromSdk.configFile,
		credentialsFile: credentialsFile || fromSdk.credentialsFile,
	};
}

export function affectsLocations(event: vscode.ConfigurationChangeEvent): boolean {
	return event.affectsConfiguration(`${section}.configFile`) || event.affectsConfiguration(`${section}.credentialsFile`);
}

export function affectsTerminal(event: vscode.ConfigurationChangeEvent): boolean {
	return event.affectsConfiguration(`${section}.terminal`);
}

export function affectsTree(event: vscode.ConfigurationChangeEvent): boolean {
	return event.affectsConfiguration(`${section}.tree`);
}

/** The settings the diagnostics of the AWS files and of the project files depend on. */
export function affectsDiagnostics(event: vscode.ConfigurationChangeEvent): boolean {
	return ['lint', 'naming', 'references'].some((part) => event.affectsConfiguration(`${section}.${part}`));
}
