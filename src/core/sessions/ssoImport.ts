/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// An import of an IAM Identity Center organisation, planned: from the accounts and roles a sign-in gives access to
// (aws/ssoAccess.ts), the profiles already in the files and a naming template, which `[profile x]` sections to add
// (sso_session, sso_account_id, sso_role_name, region), and on a re-run what changed: the pairs of account and role
// that are new, those that are gone, and the profiles left alone because the user edited them by hand. Pure: the
// caller lists the access, asks the user, and writes the chosen part through the planner's `import` operation.

import { validateWrittenProfileName } from '../editing/names';
import type { NewProfile, ProfileOperation } from '../editing/profileEdits';
import { Keys } from '../model/profileKeys';
import type { ProfileModel } from '../model/profileModel';
import { displayName } from '../display/secretMasking';

export const defaultProfileNameTemplate = '{account_name}-{role_name}';

/** The placeholders a template may use; anything else in braces is refused (a typo would otherwise end up in every name). */
export const templatePlaceholders = ['account_name', 'account_id', 'role_name', 'session'] as const;

/** An account of the access portal and its roles, as listSsoAccess answers them. */
export interface PortalAccount {
	readonly accountId: string;
	readonly accountName?: string;
	readonly roles: readonly string[];
}

export interface ImportRequest {
	/** The `[sso-session]` the profiles sign in through. */
	readonly session: string;
	readonly accounts: readonly PortalAccount[];
	readonly template?: string;
	/** The profiles' region; the session's sso_region when left out. */
	readonly region?: string;
}

/** One pair of account and role, under the name it has or would have. */
export interface ImportedProfile {
	readonly name: string;
	readonly accountId: string;
	readonly accountName?: string;
	readonly roleName: string;
}

export interface ImportPlan {
	readonly session: string;
	readonly region: string;
	/** Pairs no profile of the session has yet, each with a free, valid name: what the import would add. */
	readonly add: readonly ImportedProfile[];
	/** Pairs a profile of the session already has: nothing to do. */
	readonly present: readonly ImportedProfile[];
	/** Profiles, as the import writes them, whose pair the portal no longer lists: removed only when the user asks. */
	readonly gone: readonly ImportedProfile[];
	/** Profiles of the session the user changed by hand (other keys, another region...) whose pair is gone: left alone. */
	readonly goneEdited: readonly ImportedProfile[];
}

export type ImportPlanResult =
	| { readonly ok: true; readonly plan: ImportPlan }
	| { readonly ok: false; readonly reason: string };

export function checkProfileNameTemplate(template: string): string | undefined {
	if (template.trim() === '') {
		return 'The naming template is empty.';
	}
	for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
		if (!(templatePlaceholders as readonly string[]).includes(match[1])) {
			return `The naming template has an unknown placeholder {${match[1]}}; use ${templatePlaceholders.map((name) => `{${name}}`).join(', ')}.`;
		}
	}
	return /[{}]/.test(template.replace(/\{[a-z_]+\}/g, '')) ? 'The naming template has an unmatched { or }.' : undefined;
}

export function planSsoImport(model: ProfileModel, request: ImportRequest): ImportPlanResult {
	const template = request.template ?? defaultProfileNameTemplate;
	const templateProblem = checkProfileNameTemplate(template);
	if (templateProblem) {
		return { ok: false, reason: templateProblem };
	}
	const session = model.ssoSessions.get(request.session);
	if (!session) {
		return { ok: false, reason: `There is no [sso-session ${displayName(request.session)}] in the config file.` };
	}
	const region = request.region ?? session.properties.get(Keys.ssoRegion)?.value.trim();
	if (!region) {
		return { ok: false, reason: `[sso-session ${displayName(request.session)}] has no sso_region; give a region.` };
	}
	const existing = profilesOfSession(model, request.session);
	const listed = new Set<string>();
	const taken = new Set([...model.profiles.keys()].map((name) => name.toLowerCase()));
	const add: ImportedProfile[] = [];
	const present: ImportedProfile[] = [];
	for (const account of request.accounts) {
		for (const roleName of account.roles) {
			const key = pairKey(account.accountId, roleName);
			if (listed.has(key)) {
				continue;
			}
			listed.add(key);
			const name = existing.get(key)?.name;
			const pair = { accountId: account.accountId, roleName, ...(account.accountName ? { accountName: account.accountName } : {}) };
			if (name !== undefined) {
				present.push({ name, ...pair });
				continue;
			}
			const free = freeName(profileNameFor(template, { ...pair, session: request.session }), taken);
			taken.add(free.toLowerCase());
			add.push({ name: free, ...pair });
		}
	}
	const gone: ImportedProfile[] = [];
	const goneEdited: ImportedProfile[] = [];
	for (const [key, profile] of existing) {
		if (!listed.has(key)) {
			// The account may still be listed (only the role is gone): its name helps tell which one it is.
			const accountName = request.accounts.find((account) => account.accountId === profile.accountId)?.accountName;
			(profile.asImported ? gone : goneEdited).push({
				name: profile.name, accountId: profile.accountId, roleName: profile.roleName, ...(accountName ? { accountName } : {}),
			});
		}
	}
	return { ok: true, plan: { session: request.session, region, add, present, gone, goneEdited } };
}

/** The planner's operation for the chosen part of a plan: one edit, one write, one backup. */
export function importOperation(plan: ImportPlan, chosen: readonly ImportedProfile[], remove: readonly ImportedProfile[] = []): ProfileOperation {
	const add: NewProfile[] = chosen.map((profile) => ({
		kind: 'sso', name: profile.name, session: { name: plan.session }, accountId: profile.accountId, roleName: profile.roleName, region: plan.region,
	}));
	return { op: 'import', add, remove: remove.map((profile) => profile.name) };
}

/** The template filled in, lower-cased and made a valid profile name. */
export function profileNameFor(template: string, values: { readonly accountId: string; readonly accountName?: string; readonly roleName: string; readonly session: string }): string {
	const accountName = nameSafe(values.accountName ?? '') || values.accountId;
	const filled = template.replace(/\{([a-z_]+)\}/g, (_whole, placeholder: string) => {
		switch (placeholder) {
			case 'account_name': return accountName;
			case 'account_id': return values.accountId;
			case 'role_name': return values.roleName;
			default: return values.session;
		}
	});
	return nameSafe(filled) || nameSafe(`${values.accountId}-${values.roleName}`);
}

/**
 * Lower case, accents dropped (`Ünïcödé` is `unicode`), every run of other characters one `-`, none at either end:
 * letters, digits, `-`, `_` and `.` are read alike by every tool and need no quoting in a shell.
 */
function nameSafe(text: string): string {
	return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '');
}

/** `name`, else `name-2`, `name-3`...: never a profile that exists (in any case), nor a name some tool reads differently. */
function freeName(name: string, taken: ReadonlySet<string>): string {
	const usable = (candidate: string) => !taken.has(candidate) && candidate !== 'default' && validateWrittenProfileName(candidate).ok;
	if (usable(name)) {
		return name;
	}
	for (let suffix = 2; ; suffix++) {
		if (usable(`${name}-${suffix}`)) {
			return `${name}-${suffix}`;
		}
	}
}

interface ExistingImport {
	readonly name: string;
	readonly accountId: string;
	readonly roleName: string;
	/** Whether it holds exactly what an import writes: the three SSO keys and a region, in the config file alone. */
	readonly asImported: boolean;
}

const importedKeys = [Keys.ssoSession, Keys.ssoAccountId, Keys.ssoRoleName, Keys.region].sort().join(',');

/** The profiles that sign in through the session, by their pair of account and role (the first of each pair). */
function profilesOfSession(model: ProfileModel, session: string): Map<string, ExistingImport> {
	const found = new Map<string, ExistingImport>();
	for (const entry of model.profiles.values()) {
		const value = (key: string) => entry.section.properties.get(key)?.value.trim();
		const accountId = value(Keys.ssoAccountId);
		const roleName = value(Keys.ssoRoleName);
		if (value(Keys.ssoSession) !== session || !accountId || !roleName || found.has(pairKey(accountId, roleName))) {
			continue;
		}
		const keys = [...entry.section.properties.keys()].sort().join(',');
		const inConfigOnly = entry.section.headers.every((header) => header.file === 'config') && entry.section.headers.length === 1;
		found.set(pairKey(accountId, roleName), { name: entry.name, accountId, roleName, asImported: keys === importedKeys && inConfigOnly });
	}
	return found;
}

function pairKey(accountId: string, roleName: string): string {
	return `${accountId}\u0000${roleName}`;
}

/** A line of the multi-select: an account's heading, or a role to add under it. */
export type ImportChoice = { readonly account: string } | { readonly profile: ImportedProfile };

/** The roles to add, grouped by account in the portal's order, each group under its account's heading. */
export function importChoices(plan: ImportPlan, accounts: readonly PortalAccount[]): ImportChoice[] {
	const byAccount = new Map<string, ImportedProfile[]>();
	for (const profile of plan.add) {
		byAccount.set(profile.accountId, [...byAccount.get(profile.accountId) ?? [], profile]);
	}
	return accounts.flatMap((account) => {
		const roles = byAccount.get(account.accountId) ?? [];
		byAccount.delete(account.accountId);
		return roles.length === 0 ? [] : [{ account: accountLabel(account) }, ...roles.map((profile) => ({ profile }))];
	});
}

export interface ImportQuestion {
	readonly message: string;
	readonly detail: string;
}

/** What the editor asks and says along an import of `session`; every name shown as secretMasking.ts allows. */
export function importTexts(plan: ImportPlan, template: string) {
	const session = `sso-session ${displayName(plan.session)}`;
	return {
		upToDate: `Every role ${session} gives access to already has a profile (${plan.present.length}).${leftAloneNote(plan)}`,
		pickPlaceholder: `${countOf(plan.add.length, 'new role')} to add as profiles${plan.present.length > 0 ? `; ${plan.present.length} already have a profile` : ''}`,
		add: (chosen: readonly ImportedProfile[]): ImportQuestion => ({
			message: `Add ${countOf(chosen.length, 'profile')} from ${session}?`,
			detail: `${importPreview(chosen)}\n\nEach signs in through ${session}, region ${plan.region}. Names from the template ${template} `
				+ '(setting awsProfiles.sso.profileNameTemplate). A backup of the config file is kept.',
		}),
		remove: {
			message: `Remove ${countOf(plan.gone.length, 'profile')} whose account or role ${session} no longer gives access to?`,
			detail: `${importPreview(plan.gone)}\n\nThey are kept unless you choose Remove.${leftAloneNote(plan)}`,
		},
		done: (added: number, removed: number) => `${session}: ${[
			...added > 0 ? [`added ${countOf(added, 'profile')}`] : [],
			...removed > 0 ? [`removed ${countOf(removed, 'profile')}`] : [],
			...removed === 0 && plan.gone.length > 0 ? [`kept ${countOf(plan.gone.length, 'profile')} whose role is gone`] : [],
		].join('; ')}.`,
	};
}

function accountLabel(account: { readonly accountId: string; readonly accountName?: string }): string {
	return account.accountName ? `${account.accountName} (${account.accountId})` : account.accountId;
}

/** The profiles as a confirmation lists them, one a line (`name: Account (id), Role`), at most `limit` of them. */
function importPreview(profiles: readonly ImportedProfile[], limit = 25): string {
	const lines = profiles.slice(0, limit).map((profile) => `${displayName(profile.name)}: ${accountLabel(profile)}, ${profile.roleName}`);
	if (profiles.length > limit) {
		lines.push(`and ${profiles.length - limit} more`);
	}
	return lines.join('\n');
}

/** What is said of the hand-edited profiles whose role is gone: they stay. Empty when there are none. */
function leftAloneNote(plan: ImportPlan): string {
	return plan.goneEdited.length === 0 ? ''
		: ` ${countOf(plan.goneEdited.length, 'profile')} edited by hand (${plan.goneEdited.map((profile) => displayName(profile.name)).join(', ')}) `
		+ 'sign in to a role that is gone; they are left alone.';
}

function countOf(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
