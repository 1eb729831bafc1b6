/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { loadAwsLayer } from '../aws/lazy';
import {
	credentialsInFile, credentialVariables, EnvironmentCredentials, environmentExport, ShellForm, shellFormOf, shellFormTitle,
} from '../core/editing/environmentExport';
import type { ProfileEntry } from '../core/model/profileModel';
import type { ProfileSnapshot } from '../core/io/profileSnapshot';
import { displayName } from '../core/display/secretMasking';
import { configuredEndpoint } from '../core/model/serviceEndpoints';
import { span } from '../core/display/timeLeft';
import type { ProfileStore } from './profileStore';
import { askMfaCode, pickProfile } from './profilePrompts';
import type { Prompts } from './prompts';

export interface CopyEnvironmentDeps {
	readonly store: ProfileStore;
	readonly prompts: () => Prompts;
	readonly log: vscode.LogOutputChannel;
}

/**
 * Copy as Environment Variables: the lines that set a profile's credentials in a shell, on the clipboard.
 * Keys written in the profile are copied as they are; a role, SSO or credential_process profile is resolved
 * by the AWS SDK (loaded here, on this explicit command only). What is said and logged names the variables,
 * never their values.
 */
export class CopyEnvironmentCommand {
	constructor(private readonly deps: CopyEnvironmentDeps) { }

	async copy(profile?: string): Promise<void> {
		const name = profile ?? await pickProfile(this.deps.prompts(), await this.deps.store.snapshot(), { title: 'Copy as Environment Variables', placeHolder: 'The profile whose credentials to copy' }, (entry) => entry.kind.kind !== 'none');
		if (name === undefined) {
			return;
		}
		const snapshot = await this.deps.store.snapshot();
		const entry = snapshot.model.profiles.get(name);
		const shown = displayName(name);
		if (!entry) {
			await this.deps.prompts().notify(`There is no AWS profile '${shown}' in your config or credentials file.`, [], 'error');
			return;
		}
		if (entry.kind.kind === 'none') {
			await this.deps.prompts().notify(`'${shown}' has no credentials to copy: it holds settings only.`, [], 'error');
			return;
		}
		const credentials = credentialsInFile(entry) ?? await this.resolve(entry, snapshot);
		if (!credentials) {
			return;
		}
		const shell = this.shell();
		const exported = environmentExport(credentialVariables(credentials), shell);
		if (!exported.ok) {
			this.deps.log.warn(`Copy as environment variables of ${shown}: refused, ${exported.reason}.`);
			await this.deps.prompts().notify(`Nothing was copied: ${exported.reason}.`, [], 'error');
			return;
		}
		await vscode.env.clipboard.writeText(exported.text);
		const expires = credentials.expiration === undefined ? '' : credentials.expiration > Date.now()
			? ` They expire in ${span(credentials.expiration - Date.now())}.`
			: ` They expired ${span(Date.now() - credentials.expiration)} ago.`;
		const message = `Copied ${exported.names.join(', ')} of '${shown}' as ${shellFormTitle(shell)} lines.${expires}`;
		this.deps.log.info(message);
		void this.deps.prompts().notify(message, [], 'info');
	}

	/** The setting `awsProfiles.copyEnvironment.shell`, or by the platform. */
	private shell(): ShellForm {
		return shellFormOf(vscode.workspace.getConfiguration('awsProfiles').get<string>('copyEnvironment.shell'), process.platform);
	}

	/** The credentials the SDK resolves for a role, SSO or credential_process profile; undefined when it cannot (said). */
	private async resolve(entry: ProfileEntry, snapshot: ProfileSnapshot): Promise<EnvironmentCredentials | undefined> {
		const { name } = entry;
		const caBundle = entry.section.properties.get('ca_bundle')?.value;
		const timeoutMs = vscode.workspace.getConfiguration('awsProfiles').get<number>('verify.timeoutSeconds', 10) * 1000;
		const controller = new AbortController();
		const result = await vscode.window.withProgress({
			location: vscode.ProgressLocation.Notification,
			title: `Getting the credentials of AWS profile '${displayName(name)}'...`,
			cancellable: true,
		}, (_progress, token) => {
			token.onCancellationRequested(() => controller.abort());
			return loadAwsLayer().resolveProfileCredentials({
				profile: name,
				files: this.deps.store.locations,
				region: entry.region,
				...(caBundle ? { caBundle } : {}),
				endpoints: { sts: configuredEndpoint(snapshot.model, name, 'sts', process.env) },
				timeoutMs,
				abortSignal: controller.signal,
				mfaCode: (serial) => askMfaCode(this.deps.prompts(), serial),
				model: snapshot.model,
			});
		});
		if (result.ok) {
			return result.credentials;
		}
		this.deps.log.warn(`Copy as environment variables of ${displayName(name)}: ${result.failure.code}: ${result.failure.message}`);
		if (result.failure.code !== 'cancelled') {
			await this.deps.prompts().notify(`Nothing was copied. ${result.failure.message}`, [], 'error');
		}
		return undefined;
	}

}
