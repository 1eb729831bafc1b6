/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';

/** The debuggers whose launch configurations take an `env` map: Node.js and Python. */
const debugTypes = ['node', 'pwa-node', 'node-terminal', 'python', 'debugpy'];

/**
 * Adds AWS_PROFILE (the active profile) to the `env` of Node.js and Python debug sessions, when the setting
 * `awsProfiles.debug.injectProfile` is on and the configuration does not set it itself.
 */
export function registerDebugInjection(
	activeProfile: () => string | undefined,
	enabled: () => boolean,
): vscode.Disposable[] {
	const provider: vscode.DebugConfigurationProvider = {
		resolveDebugConfiguration(_folder, configuration) {
			const name = activeProfile();
			if (!enabled() || name === undefined) {
				return configuration;
			}
			const env = (configuration.env ?? {}) as Record<string, string | null>;
			if (!('AWS_PROFILE' in env)) {
				configuration.env = { ...env, AWS_PROFILE: name };
			}
			return configuration;
		},
	};
	return debugTypes.map((type) => vscode.debug.registerDebugConfigurationProvider(type, provider));
}
