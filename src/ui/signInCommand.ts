/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Sign In and Sign Out in the editor. An SSO profile or sso-session signs in through the SDK's own SSO OIDC
// client (src/aws/ssoSignIn.ts), in a cancellable notification: the authorization-code flow with the browser
// opened by vscode.env.openExternal where the editor runs on this machine, the device-code flow in a remote
// window, WSL or a container, whose loopback address the user's browser cannot reach (the page opens on the
// user's machine; the code is shown and can be copied). The token is cached where the AWS CLI caches it, which
// the store watches, so the view and the status bar follow by themselves. A login_session profile signs in with
// `aws login` in a terminal, when the installed AWS CLI has it. A bundle of its own (dist/signIn.js, see
// lazyBundles.ts), required on first use: activation never parses it.

import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { DevicePrompt, SsoFlow, SsoSignInResult } from '../aws';
import { loadAwsLayer } from '../aws/lazy';
import { awsLoginSince, parseAwsCliVersion, shellWord, supportsAwsLogin } from '../core/sessions/awsCliVersion';
import { shownPath } from '../core/display/displayPath';
import type { ProfileModel } from '../core/model/profileModel';
import { displayName, maskSecretsIn } from '../core/display/secretMasking';
import { signInFlowFor, SsoSignIn, ssoSignInFor } from '../core/sessions/ssoLoginTarget';
import { span } from '../core/display/timeLeft';
import { CommandError } from './commands';
import type { ProfileNode } from './profileTree';
import type { ProfileStore } from './profileStore';
import type { Prompts } from './prompts';

/** What Sign In acts on: a tree node or a profile's name (menus, status bar, Verify), or an sso-session. */
export type SignInArgument = ProfileNode | string | { readonly ssoSession: string } | undefined;

export interface SignInDeps {
	readonly store: ProfileStore;
	readonly prompts: () => Prompts;
	readonly log: vscode.LogOutputChannel;
}

interface Resolved extends SsoSignIn {
	/** `sso-session 'corp'`, `profile 'dev'`. */
	readonly label: string;
}

const installPage = 'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';

export class SignInCommand {
	/** The tests' choice of flow; the window's kind decides otherwise. */
	flowOverride: SsoFlow | undefined;
	/** Opens a page in the user's browser; the tests record the pages instead. */
	openExternal: (url: string) => Promise<boolean> = async (url) => vscode.env.openExternal(vscode.Uri.parse(url));
	private running: AbortController | undefined;

	constructor(private readonly deps: SignInDeps) { }

	/** The flow the window allows: a browser on this machine reaches the loopback redirect only in a local window. */
	flow(): SsoFlow {
		return this.flowOverride ?? signInFlowFor(vscode.env.remoteName);
	}

	async signIn(argument?: SignInArgument, flow = this.flow()): Promise<void> {
		const snapshot = await this.deps.store.snapshot();
		const chosen = argument ?? await this.pick(snapshot.model, 'Sign In');
		if (chosen === undefined) {
			return;
		}
		const profile = profileOf(chosen);
		if (profile !== undefined && snapshot.model.profiles.get(profile)?.kind.kind === 'login-session') {
			return this.awsLogin(profile);
		}
		const resolved = this.resolve(snapshot.model, chosen);
		this.running?.abort();
		const controller = new AbortController();
		this.running = controller;
		const result = await vscode.window.withProgress({
			location: vscode.ProgressLocation.Notification,
			title: `Signing in to ${resolved.label}`,
			cancellable: true,
		}, async (progress, token): Promise<SsoSignInResult> => {
			token.onCancellationRequested(() => controller.abort());
			progress.report({ message: flow === 'device-code' ? 'starting...' : 'finish in the browser that opened...' });
			return loadAwsLayer().signInToSso({
				target: resolved.target,
				cacheFolder: this.deps.store.locations.ssoCacheFolder,
				endpoints: resolved.endpoints,
				...(resolved.caBundle ? { caBundle: resolved.caBundle } : {}),
				flow,
				signal: controller.signal,
				onDeviceCode: (prompt) => this.showDeviceCode(resolved.label, prompt, (message) => progress.report({ message })),
				openBrowser: (url) => this.openExternal(url),
			});
		});
		if (this.running === controller) {
			this.running = undefined;
		}
		if (!result.ok) {
			this.deps.log.warn(`Sign in to ${resolved.label}: ${result.failure.code}: ${result.failure.message}`);
			if (result.failure.code === 'cancelled') {
				return;
			}
			const retry = result.failure.code === 'no-browser' ? 'Use a Device Code' : undefined;
			const action = await this.deps.prompts().notify(`Could not sign in to ${resolved.label}: ${result.failure.message}`, retry ? [retry] : [], 'error');
			if (retry && action === retry) {
				await this.signIn(chosen, 'device-code');
			}
			return;
		}
		this.deps.log.info(`Signed in to ${resolved.label}; token cached in ${shownPath(result.file)}.`);
		// The store's watcher sees the file too; reading now shows the time left at once.
		await this.deps.store.reload();
		const left = span(result.expiresAt - Date.now());
		const renewal = result.refreshable ? ', renewed by the SDKs on use' : '';
		void this.deps.prompts().notify(`Signed in to ${resolved.label}: the session lasts ${left}${renewal}.`, [], 'info');
	}

	async signOut(argument?: SignInArgument): Promise<void> {
		const snapshot = await this.deps.store.snapshot();
		const chosen = argument ?? await this.pick(snapshot.model, 'Sign Out', true);
		if (chosen === undefined) {
			return;
		}
		const resolved = this.resolve(snapshot.model, chosen);
		const result = await loadAwsLayer().signOutOfSso({
			target: resolved.target,
			cacheFolder: this.deps.store.locations.ssoCacheFolder,
			endpoints: resolved.endpoints,
			timeoutMs: 5000,
			...(resolved.caBundle ? { caBundle: resolved.caBundle } : {}),
		});
		if (!result.ok) {
			throw new CommandError(`Could not sign out of ${resolved.label}: ${result.failure.message}`);
		}
		await this.deps.store.reload();
		this.deps.log.info(`Signed out of ${resolved.label}${result.removed ? `; removed ${shownPath(result.file)}` : ''}.`);
		void this.deps.prompts().notify(result.removed
			? `Signed out of ${resolved.label}: its cached token is removed.`
			: `Not signed in to ${resolved.label}: there was no cached token.`, [], 'info');
	}

	/**
	 * Renews the profile's (or sso-session's) cached token with its refresh token, quietly: the timer of
	 * sessionRefresh.ts calls it a few minutes before the token expires. The store then reads the new expiry.
	 */
	async renew(argument: Exclude<SignInArgument, undefined>): Promise<{ ok: true } | { ok: false; message: string }> {
		const snapshot = await this.deps.store.snapshot();
		const resolved = this.resolve(snapshot.model, argument);
		const result = await loadAwsLayer().refreshSsoToken({
			target: resolved.target,
			cacheFolder: this.deps.store.locations.ssoCacheFolder,
			endpoints: resolved.endpoints,
			...(resolved.caBundle ? { caBundle: resolved.caBundle } : {}),
		});
		if (!result.ok) {
			return { ok: false, message: result.failure.message };
		}
		this.deps.log.info(`Renewed the session of ${resolved.label} with its refresh token: it lasts ${span(result.expiresAt - Date.now())}.`);
		await this.deps.store.reload();
		return { ok: true };
	}

	/** The device flow's page, opened on the user's machine, and its code, shown with a Copy button. */
	private showDeviceCode(label: string, prompt: DevicePrompt, report: (message: string) => void): void {
		const page = prompt.verificationUriComplete ?? prompt.verificationUri;
		report(`check that the page shows the code ${prompt.userCode}, then approve (Cancel to stop)`);
		void this.openExternal(page);
		void this.deps.prompts().notify(
			`To sign in to ${label}, approve on the page that opened; it shows the code ${prompt.userCode}.`,
			['Copy Code', 'Open Page'], 'info',
		).then((action) => {
			if (action === 'Copy Code') {
				void vscode.env.clipboard.writeText(prompt.userCode);
			} else if (action === 'Open Page') {
				void this.openExternal(page);
			}
		});
	}

	/** `aws login --profile P` in a terminal (`--remote` in a remote window), if the installed AWS CLI has it. */
	private async awsLogin(profile: string): Promise<void> {
		const version = await installedAwsCliVersion();
		const parsed = version === undefined ? undefined : parseAwsCliVersion(version);
		if (!parsed || !supportsAwsLogin(parsed)) {
			const installed = parsed ? `the installed one is ${parsed.text}` : 'none was found';
			const action = await this.deps.prompts().notify(
				`Signing in to profile '${displayName(profile)}' runs \`aws login\`, which needs AWS CLI ${awsLoginSince.major}.${awsLoginSince.minor} or later; ${installed}.`,
				['Install the AWS CLI'], 'warning');
			if (action === 'Install the AWS CLI') {
				await this.openExternal(installPage);
			}
			return;
		}
		const terminal = vscode.window.createTerminal({ name: `AWS: Sign in (${displayName(profile)})` });
		terminal.show();
		terminal.sendText(`aws login --profile ${shellWord(profile)}${vscode.env.remoteName ? ' --remote' : ''}`);
	}

	private resolve(model: ProfileModel, chosen: Exclude<SignInArgument, undefined>): Resolved {
		const profile = profileOf(chosen);
		const session = typeof chosen === 'object' && 'ssoSession' in chosen ? chosen.ssoSession : undefined;
		const found = ssoSignInFor(model, profile !== undefined ? { profile } : { session: session ?? '' }, process.env);
		if (!found.ok) {
			throw new CommandError(found.reason);
		}
		const { sessionName } = found.signIn.target;
		return {
			...found.signIn,
			label: sessionName !== undefined ? `sso-session '${displayName(sessionName)}'` : `profile '${displayName(profile ?? '')}'`,
		};
	}

	/** The sso-sessions, the legacy SSO profiles (and, to sign in, the login_session profiles) to choose from. */
	private async pick(model: ProfileModel, title: string, ssoOnly = false): Promise<SignInArgument> {
		const items: (vscode.QuickPickItem & { argument: SignInArgument })[] = [
			...[...model.ssoSessions.keys()].map((session) => ({
				label: `$(organization) ${displayName(session)}`, description: 'sso-session', argument: { ssoSession: session },
			})),
			...[...model.profiles.values()]
				.filter((entry) => (entry.kind.kind === 'sso' && entry.kind.token.kind === 'legacy') || (!ssoOnly && entry.kind.kind === 'login-session'))
				.map((entry) => ({
					label: `$(account) ${displayName(entry.name)}`, description: entry.kind.kind === 'sso' ? 'SSO profile' : 'aws login profile', argument: entry.name,
				})),
		];
		if (items.length === 0) {
			throw new CommandError('No profile signs in through IAM Identity Center or aws login: add an SSO profile first.');
		}
		return (await this.deps.prompts().pick(items, { title, placeHolder: 'The sso-session or profile' }))?.argument;
	}
}

/** By its shape, not its class: the tree's nodes come from dist/extension.js, this file from dist/signIn.js. */
function profileOf(argument: Exclude<SignInArgument, undefined>): string | undefined {
	if (typeof argument === 'object' && 'entry' in argument) {
		return argument.entry.name;
	}
	return typeof argument === 'string' ? argument : undefined;
}

/** `aws --version`'s output (standard output, or standard error for old versions); undefined without an AWS CLI. */
function installedAwsCliVersion(): Promise<string | undefined> {
	return new Promise((resolve) => {
		execFile('aws', ['--version'], { timeout: 10_000, windowsHide: true }, (error, stdout, stderr) => {
			const output = `${stdout}\n${stderr}`;
			resolve(error && !/aws-cli\//.test(output) ? undefined : maskSecretsIn(output));
		});
	});
}
