/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A throw-away HOME for one run of VS Code: the machine's real ~/.aws is never read or written by a test.

import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Sandbox {
	readonly root: string;
	readonly home: string;
	readonly configFile: string;
	readonly credentialsFile: string;
	readonly workspace: string;
	readonly userDataDir: string;
	readonly extensionsDir: string;
	/** The environment for VS Code: the sandbox's HOME and AWS files, none of the caller's AWS_* variables. */
	readonly env: NodeJS.ProcessEnv;
	dispose(): void;
}

export interface SandboxSeed {
	/** A folder whose content becomes HOME (e.g. with `.aws/config` and `.aws/credentials`). */
	readonly home: string;
	/** A folder copied as the workspace that VS Code opens. */
	readonly workspace: string;
	/** More environment for VS Code, e.g. AWS_ENDPOINT_URL of the local AWS endpoint. */
	readonly env?: Readonly<Record<string, string>>;
}

/** A quiet workbench: no welcome page, no update checks, nothing sent anywhere. */
const userSettings = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
};

export function createSandbox(seed: SandboxSeed, prefix = 'aws-profiles-'): Sandbox {
	const root = mkdtempSync(path.join(os.tmpdir(), prefix));
	const home = path.join(root, 'home');
	const workspace = path.join(root, 'workspace');
	cpSync(seed.home, home, { recursive: true });
	cpSync(seed.workspace, workspace, { recursive: true });
	const userDataDir = path.join(root, 'user-data');
	const extensionsDir = path.join(root, 'extensions');
	mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
	writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, undefined, '\t'));
	mkdirSync(extensionsDir);
	const configFile = path.join(home, '.aws', 'config');
	const credentialsFile = path.join(home, '.aws', 'credentials');
	// As `aws configure` leaves them (git checks the fixtures out 0644).
	for (const file of [configFile, credentialsFile]) {
		if (existsSync(file)) {
			chmodSync(file, 0o600);
		}
	}
	return {
		root,
		home,
		configFile,
		credentialsFile,
		workspace,
		userDataDir,
		extensionsDir,
		env: { ...sandboxEnvironment(home, configFile, credentialsFile), ...seed.env },
		dispose: () => rmSync(root, { recursive: true, force: true }),
	};
}

function sandboxEnvironment(home: string, configFile: string, credentialsFile: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		// The caller's AWS settings and XDG folders would point outside the sandbox; our own test settings pass.
		const outside = (name.startsWith('AWS_') && !name.startsWith('AWS_PROFILES_')) || name.startsWith('XDG_') || name.startsWith('VSCODE_');
		if (!outside) {
			env[name] = value;
		}
	}
	return {
		...env,
		HOME: home,
		USERPROFILE: home,
		AWS_CONFIG_FILE: configFile,
		AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
		AWS_PROFILES_TEST_SANDBOX: path.dirname(home),
	};
}
