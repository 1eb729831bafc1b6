/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// An untrusted workspace's .vscode/settings.json must not weaken what the extension checks, shows or injects:
// each setting of package.json is either machine-scoped (a workspace cannot set it at all), listed in
// `capabilities.untrustedWorkspaces.restrictedConfigurations` (VS Code ignores the workspace's value until the
// workspace is trusted), or harmless; this table gives the reason for each, so that a new setting must be placed.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Manifest {
	readonly capabilities: { readonly untrustedWorkspaces: { readonly supported: boolean; readonly restrictedConfigurations?: readonly string[] } };
	readonly contributes: { readonly configuration: { readonly properties: Record<string, { readonly scope?: string }> } };
}

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

/** What a hostile workspace could do with each setting, were it not restricted. */
const restricted: Readonly<Record<string, string>> = {
	'awsProfiles.terminal.injectProfile': 'switches AWS_PROFILE injection into every new terminal and task on or off',
	'awsProfiles.terminal.setRegion': 'injects AWS_REGION into new terminals and tasks',
	'awsProfiles.debug.injectProfile': 'injects AWS_PROFILE into debug sessions the workspace defines',
	'awsProfiles.maskSecrets': 'turns off the blurring of secret keys on screen',
	'awsProfiles.naming.pattern': 'runs a regular expression of its choice on every profile name',
	'awsProfiles.lint.rules': 'switches off file-permissions, secrets-in-config or any other rule',
	'awsProfiles.references.missingProfileSeverity': 'changes how a missing profile in a project file is reported',
	'awsProfiles.verify.timeoutSeconds': 'makes Verify Profile give up at once and show a false failure',
	'awsProfiles.copyEnvironment.shell': 'chooses the shell of the copied credential lines: lines for another shell, pasted, run the secrets as commands\' arguments',
};

/** Settings a workspace may set in any case, and why that is harmless. */
const harmless: Readonly<Record<string, string>> = {
	'awsProfiles.tree.groupBy': 'only the order and grouping of the Profiles view',
	'awsProfiles.sessions.warnMinutesBefore': 'only when (or whether) a notification offers to sign in before the active session expires; nothing is hidden or sent',
	'awsProfiles.sessions.refreshAutomatically': 'only whether the editor renews the active SSO token before it expires, at the endpoint the profile names (never one a setting names); off, the SDKs still renew it on use',
};

describe('untrusted workspaces', () => {
	const properties = manifest.contributes.configuration.properties;
	const list = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];

	it('are supported, with every setting a workspace could abuse restricted', () => {
		assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
		assert.deepEqual([...list].sort(), Object.keys(restricted).sort());
	});

	it('leave no setting unplaced: machine-scoped, restricted (with its reason) or harmless', () => {
		for (const name of Object.keys(properties)) {
			const machine = properties[name].scope === 'machine' || properties[name].scope === 'application';
			const places = [machine, name in restricted, name in harmless].filter(Boolean).length;
			assert.equal(places, 1, `${name}: machine-scoped, restricted or harmless, exactly one`);
		}
	});

	it('restrict only settings that exist', () => {
		for (const name of list) {
			assert.ok(name in properties, `${name} is not a setting`);
		}
	});
});
