/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// "Add Profiles from IAM Identity Center": the accounts and roles an sso-session's sign-in gives access to, in a
// multi-select grouped by account, named from the awsProfiles.sso.profileNameTemplate setting; a preview of the
// profiles to add, then one safe edit. Run again, it offers only what is new, and asks separately before removing a
// profile whose account or role is gone; a profile edited by hand is never removed (core/ssoImport.ts).

import * as vscode from 'vscode';
import { loadAwsLayer } from '../aws/lazy';
import { hashesOf } from '../core/io/profileSnapshot';
import type { ProfileModel } from '../core/model/profileModel';
import { displayName } from '../core/display/secretMasking';
import { configuredEndpoint } from '../core/model/serviceEndpoints';
import type { ImportedProfile, PortalAccount } from '../core/sessions/ssoImport';
import { ssoLoginTargetForSession } from '../core/sessions/ssoLoginTarget';
import { CommandError } from './commands';
import { loadEdits } from './lazyBundles';
import type { ProfileStore } from './profileStore';
import { ProfileNode } from './profileTree';
import type { Prompts } from './prompts';

/** A session's name or `{ ssoSession }`; none asks. */
/** An sso-session's name, or a profile of the view (its sso-session's), or nothing (then asked). */
export type SsoImportArgument = string | { readonly ssoSession: string } | ProfileNode | undefined;

export interface SsoImportDeps {
	readonly store: ProfileStore;
	readonly log: vscode.LogOutputChannel;
	readonly prompts: () => Prompts;
}

interface RolePick extends vscode.QuickPickItem {
	readonly profile?: ImportedProfile;
}

const title = 'Add Profiles from IAM Identity Center';

export class SsoImportCommand {
	constructor(private readonly deps: SsoImportDeps) {}

	async run(argument?: SsoImportArgument): Promise<void> {
		const snapshot = await this.deps.store.snapshot();
		const session = await this.sessionOf(argument, snapshot.model);
		const accounts = session === undefined ? undefined : await this.listAccess(session, snapshot.model);
		if (session === undefined || accounts === undefined) {
			return;
		}
		// The files may have changed while the portal answered: the plan and the write are based on what is there now.
		const current = await this.deps.store.reload();
		const edits = loadEdits();
		const template = vscode.workspace.getConfiguration('awsProfiles').get<string>('sso.profileNameTemplate') || '{account_name}-{role_name}';
		const planned = edits.planSsoImport(current.model, { session, accounts, template });
		if (!planned.ok) {
			throw new CommandError(planned.reason);
		}
		const { plan } = planned;
		const texts = edits.importTexts(plan, template);
		const prompts = this.deps.prompts();
		if (plan.add.length === 0 && plan.gone.length === 0) {
			await prompts.notify(texts.upToDate, []);
			return;
		}
		let chosen: readonly ImportedProfile[] = [];
		if (plan.add.length > 0) {
			const items: RolePick[] = edits.importChoices(plan, accounts).map((choice) => 'account' in choice
				? { label: choice.account, kind: vscode.QuickPickItemKind.Separator }
				: { label: choice.profile.name, description: choice.profile.roleName, picked: true, profile: choice.profile });
			const picked = await prompts.pickMany(items, { title, placeHolder: texts.pickPlaceholder, matchOnDescription: true });
			chosen = picked?.flatMap((item) => item.profile ? [item.profile] : []) ?? [];
			const question = texts.add(chosen);
			if (!picked || (chosen.length > 0 && !await prompts.confirm(question.message, question.detail, 'Add Profiles'))) {
				return;
			}
		}
		const remove = plan.gone.length > 0 && await prompts.confirm(texts.remove.message, texts.remove.detail, 'Remove') ? plan.gone : [];
		if (chosen.length + remove.length === 0) {
			return;
		}
		await edits.applyProfileOperation(this.deps.store.locations, edits.importOperation(plan, chosen, remove), { basedOn: hashesOf(current) });
		await this.deps.store.reload();
		const message = texts.done(chosen.length, remove.length);
		this.deps.log.info(message);
		await prompts.notify(message, []);
	}

	private async sessionOf(argument: SsoImportArgument, model: ProfileModel): Promise<string | undefined> {
		if (typeof argument === 'string') {
			return argument;
		}
		if (argument instanceof ProfileNode) {
			const { kind } = argument.entry;
			if (kind.kind === 'sso' && kind.token.kind === 'sso-session') {
				return kind.token.session;
			}
		} else if (argument !== undefined) {
			return argument.ssoSession;
		}
		const sessions = [...model.ssoSessions.keys()];
		if (sessions.length === 0) {
			throw new CommandError('There is no [sso-session] in the config file: add an SSO profile first (Add Profile).');
		}
		if (sessions.length === 1) {
			return sessions[0];
		}
		const picked = await this.deps.prompts().pick(sessions.map((name) => ({
			label: displayName(name), session: name,
			description: model.ssoSessions.get(name)?.properties.get('sso_start_url')?.value,
		})), { title, placeHolder: 'The sso-session to add profiles from' });
		return picked?.session;
	}

	/** The portal's accounts and roles with the cached token; undefined when it cannot (said), offering Sign In without a token. */
	private async listAccess(session: string, model: ProfileModel): Promise<readonly PortalAccount[] | undefined> {
		const found = ssoLoginTargetForSession(model, session);
		if (!found.ok) {
			throw new CommandError(found.reason);
		}
		const portal = configuredEndpoint(model, '', 'sso', process.env);
		const list = () => vscode.window.withProgress({
			location: vscode.ProgressLocation.Notification,
			title: `Listing the accounts and roles of sso-session ${displayName(session)}...`,
		}, () => loadAwsLayer().listSsoAccess({
			target: found.target, cacheFolder: this.deps.store.locations.ssoCacheFolder, ...(portal ? { endpoints: { portal } } : {}),
		}));
		const result = await list();
		if (!result.ok) {
			this.deps.log.warn(`${title}: ${result.failure.code}: ${result.failure.message}`);
			// Sign In is the other part's command: offered when the extension has it, then the import runs again.
			const signIn = result.failure.code === 'no-token' && (await vscode.commands.getCommands(true)).includes('awsProfiles.signIn') ? ['Sign In'] : [];
			const hint = result.failure.code === 'no-token' ? ` Sign in to sso-session ${displayName(session)} first.` : '';
			if (await this.deps.prompts().notify(`Nothing was added. ${result.failure.message}${hint}`, signIn, 'error') === 'Sign In') {
				await vscode.commands.executeCommand('awsProfiles.signIn', { ssoSession: session });
				await this.run(session);
			}
			return undefined;
		}
		return result.accounts;
	}
}
