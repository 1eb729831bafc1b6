/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// "Add Profiles from IAM Identity Center": the accounts and roles an sso-session's sign-in gives access to, in a
// multi-select grouped by account, named from the awsProfiles.sso.profileNameTemplate setting; a preview of the
// profiles to add, then one safe edit. Run again, it offers only what is new, and asks separately before removing a
// profile whose account or role is gone; a profile edited by hand is never removed (core/ssoImport.ts).

import * as vscode from 'vscode';
import { loadAwsLayer } from '../aws/lazy';
import { hashesOf } from '../core/profileSnapshot';
import type { ProfileModel } from '../core/profileModel';
import { displayName } from '../core/secretMasking';
import { configuredEndpoint } from '../core/serviceEndpoints';
import { defaultProfileNameTemplate, ImportedProfile, ImportPlan, importOperation, planSsoImport, PortalAccount } from '../core/ssoImport';
import { ssoLoginTargetForSession } from '../core/ssoLoginTarget';
import { CommandError } from './commands';
import { loadEdits } from './lazyBundles';
import { ProfileNode } from './profileTree';
import type { ProfileStore } from './profileStore';
import type { Prompts } from './prompts';

/** A session's name, `{ ssoSession }`, or an SSO profile's node (its session); none asks. */
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
/** How many profiles a confirmation lists before "and N more": a modal dialog does not scroll well. */
const listedInPreview = 25;

export class SsoImportCommand {
	constructor(private readonly deps: SsoImportDeps) {}

	async run(argument?: SsoImportArgument): Promise<void> {
		const snapshot = await this.deps.store.snapshot();
		const session = await this.sessionOf(argument, snapshot.model);
		if (session === undefined) {
			return;
		}
		const accounts = await this.listAccess(session, snapshot.model);
		if (accounts === undefined) {
			return;
		}
		// The files may have changed while the portal answered: the plan and the write are based on what is there now.
		const current = await this.deps.store.reload();
		const template = vscode.workspace.getConfiguration('awsProfiles').get<string>('sso.profileNameTemplate') || defaultProfileNameTemplate;
		const planned = planSsoImport(current.model, { session, accounts, template });
		if (!planned.ok) {
			throw new CommandError(planned.reason);
		}
		const { plan } = planned;
		const prompts = this.deps.prompts();
		const shownSession = displayName(session);
		if (plan.add.length === 0 && plan.gone.length === 0) {
			await prompts.notify(`Every role sso-session ${shownSession} gives access to already has a profile (${plan.present.length}).`
				+ leftAlone(plan), []);
			return;
		}
		const chosen = plan.add.length === 0 ? [] : await this.chooseRoles(plan, accounts);
		if (chosen === undefined) {
			return;
		}
		if (chosen.length > 0 && !await prompts.confirm(
			`Add ${count(chosen.length, 'profile')} from sso-session ${shownSession}?`,
			`${preview(chosen)}\n\nEach signs in through sso-session ${shownSession}, region ${plan.region}. Names from the template `
			+ `${template} (setting awsProfiles.sso.profileNameTemplate). A backup of the config file is kept.`,
			'Add Profiles',
		)) {
			return;
		}
		const remove = plan.gone.length > 0 && await prompts.confirm(
			`Remove ${count(plan.gone.length, 'profile')} whose account or role sso-session ${shownSession} no longer gives access to?`,
			`${preview(plan.gone)}\n\nThey are kept unless you choose Remove.${leftAlone(plan)}`,
			'Remove',
		) ? plan.gone : [];
		if (chosen.length + remove.length === 0) {
			return;
		}
		await loadEdits().applyProfileOperation(this.deps.store.locations, importOperation(plan, chosen, remove), { basedOn: hashesOf(current) });
		await this.deps.store.reload();
		const parts = [
			...chosen.length > 0 ? [`added ${count(chosen.length, 'profile')}`] : [],
			...remove.length > 0 ? [`removed ${count(remove.length, 'profile')}`] : [],
			...remove.length === 0 && plan.gone.length > 0 ? [`kept ${count(plan.gone.length, 'profile')} whose role is gone`] : [],
		].join('; ');
		const message = `sso-session ${shownSession}: ${parts}.`;
		this.deps.log.info(message);
		await prompts.notify(message, []);
	}

	private async sessionOf(argument: SsoImportArgument, model: ProfileModel): Promise<string | undefined> {
		if (typeof argument === 'string') {
			return argument;
		}
		if (argument instanceof ProfileNode) {
			const session = argument.entry.section.properties.get('sso_session')?.value.trim();
			if (!session) {
				throw new CommandError(`Profile '${displayName(argument.entry.name)}' does not sign in through an sso-session.`);
			}
			return session;
		}
		if (argument !== undefined) {
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

	/** The portal's accounts and roles with the cached token; when there is none, offers to sign in first. */
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
		let result = await list();
		if (!result.ok && result.failure.code === 'no-token' && await this.signIn(session, result.failure.message)) {
			result = await list();
		}
		if (!result.ok) {
			this.deps.log.warn(`${title}: ${result.failure.code}: ${result.failure.message}`);
			const hint = result.failure.code === 'no-token' ? ` Sign in to sso-session ${displayName(session)} first.` : '';
			await this.deps.prompts().notify(`Nothing was added. ${result.failure.message}${hint}`, [], 'error');
			return undefined;
		}
		return result.accounts;
	}

	/** Offers Sign In (when the extension has it) and waits for it; true when the user went through with it. */
	private async signIn(session: string, reason: string): Promise<boolean> {
		const canSignIn = (await vscode.commands.getCommands(true)).includes('awsProfiles.signIn');
		if (!canSignIn) {
			return false;
		}
		const answer = await this.deps.prompts().notify(`${reason} Sign in to sso-session ${displayName(session)} to list its accounts.`, ['Sign In'], 'warning');
		if (answer !== 'Sign In') {
			return false;
		}
		await vscode.commands.executeCommand('awsProfiles.signIn', { ssoSession: session });
		return true;
	}

	/** The new roles, grouped by account (a separator each), all picked at first. */
	private async chooseRoles(plan: ImportPlan, accounts: readonly PortalAccount[]): Promise<readonly ImportedProfile[] | undefined> {
		const items: RolePick[] = [];
		for (const account of accounts) {
			const roles = plan.add.filter((profile) => profile.accountId === account.accountId);
			if (roles.length === 0) {
				continue;
			}
			items.push({ label: account.accountName ? `${account.accountName} (${account.accountId})` : account.accountId, kind: vscode.QuickPickItemKind.Separator });
			items.push(...roles.map((profile) => ({ label: profile.name, description: profile.roleName, picked: true, profile })));
		}
		const present = plan.present.length > 0 ? `; ${plan.present.length} already have a profile` : '';
		const picked = await this.deps.prompts().pickMany(items, {
			title, placeHolder: `${count(plan.add.length, 'new role')} to add as profiles${present}`, matchOnDescription: true,
		});
		return picked?.flatMap((item) => item.profile ? [item.profile] : []);
	}
}

function preview(profiles: readonly ImportedProfile[]): string {
	const lines = profiles.slice(0, listedInPreview).map((profile) =>
		`${displayName(profile.name)}: ${profile.accountName ? `${profile.accountName} (${profile.accountId})` : profile.accountId}, ${profile.roleName}`);
	if (profiles.length > listedInPreview) {
		lines.push(`and ${profiles.length - listedInPreview} more`);
	}
	return lines.join('\n');
}

function leftAlone(plan: ImportPlan): string {
	return plan.goneEdited.length === 0 ? ''
		: ` ${count(plan.goneEdited.length, 'profile')} edited by hand (${plan.goneEdited.map((profile) => displayName(profile.name)).join(', ')}) `
		+ 'sign in to a role that is gone; they are left alone.';
}

function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
