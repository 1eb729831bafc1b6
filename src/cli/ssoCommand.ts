/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles sso import --session NAME`: a profile for every account and role the session's sign-in gives access
// to (ListAccounts, ListAccountRoles, every page, with the token `aws-profiles login` or `aws sso login` cached),
// named from a template, written in one safe edit. Run again, it adds the new pairs, lists the gone ones (removed
// with --remove-gone only) and leaves alone a profile edited by hand. The preview names profiles, account ids and
// roles; the token is never printed.

import { loadAwsLayer } from '../aws/lazy';
import { buildProfileModel, checkProfileNameTemplate, defaultProfileNameTemplate, displayName, ImportedProfile, importOperation, maskSecretsIn, planSsoImport } from '../core';
import type { Command } from './command';
import { ExitStatus, UsageError } from './output';
import { applyEdit, describeWrite, readFilesForEdit, shown, writtenFiles } from './profileFileEdit';
import { ssoCommandTarget } from './ssoCommandTarget';

export const ssoCommand: Command = {
	name: 'sso',
	summary: 'sso import: add a profile for every account and role an IAM Identity Center sign-in gives access to.',
	usage: 'aws-profiles sso import --session NAME [--template T] [--region R] [--dry-run] [--remove-gone]\n\n'
		+ 'Uses the token cached for the [sso-session NAME]: sign in first with aws-profiles login --sso-session NAME.\n'
		+ `Profiles are named from the template (default ${defaultProfileNameTemplate}; also {account_id}, {session}),\n`
		+ 'lower-cased and made valid profile names; a name taken gets -2, -3... (nothing is overwritten). Each is a\n'
		+ '[profile x] with sso_session, sso_account_id, sso_role_name and region (the session\'s sso_region unless --region).\n'
		+ 'Run again, it adds what is new and lists the profiles whose account or role is gone; --remove-gone removes\n'
		+ 'those, except ones edited by hand. --dry-run prints the preview and writes nothing. The previous config\n'
		+ 'file is kept as config.bak. Honours AWS_ENDPOINT_URL(_SSO).',
	options: {
		session: { type: 'string' },
		'sso-session': { type: 'string' },
		template: { type: 'string' },
		region: { type: 'string' },
		'dry-run': { type: 'boolean' },
		'remove-gone': { type: 'boolean' },
	},
	positionals: true,
	async run(values, out, positionals) {
		if (positionals.length !== 1 || positionals[0] !== 'import') {
			throw new UsageError('the sso command has one subcommand: aws-profiles sso import --session NAME; see aws-profiles sso --help');
		}
		const session = (values.session ?? values['sso-session']) as string | undefined;
		if (session === undefined) {
			throw new UsageError('give the sso-session to import from: --session NAME');
		}
		const templateProblem = values.template === undefined ? undefined : checkProfileNameTemplate(values.template as string);
		if (templateProblem) {
			// Before any network call: a typo in the template is the user's to fix first.
			throw new UsageError(templateProblem);
		}
		const { target, cacheFolder, endpoints } = await ssoCommandTarget({ 'sso-session': session });
		const access = await loadAwsLayer().listSsoAccess({ target, cacheFolder, endpoints });
		if (!access.ok) {
			const signIn = access.failure.code === 'no-token' ? ` Sign in first: aws-profiles login --sso-session ${displayName(session)}` : '';
			out.error(`aws-profiles sso import: ${maskSecretsIn(access.failure.message)}${signIn}`);
			return ExitStatus.Findings;
		}
		const files = await readFilesForEdit();
		const planned = planSsoImport(buildProfileModel(files.reading), {
			session, accounts: access.accounts,
			...(values.template === undefined ? {} : { template: values.template as string }),
			...(values.region === undefined ? {} : { region: values.region as string }),
		});
		if (!planned.ok) {
			throw new UsageError(planned.reason);
		}
		const { plan } = planned;
		const removeGone = values['remove-gone'] === true;
		const accountCount = access.accounts.length;
		out.line(`sso-session ${displayName(session)} gives access to ${accountCount} account${accountCount === 1 ? '' : 's'}; `
			+ `${plan.present.length} of their roles already have a profile.`);
		section(out, plan.add.length === 0 ? 'Nothing new to add.' : `To add (${plan.add.length}, region ${plan.region}):`, plan.add);
		section(out, plan.gone.length === 0 ? undefined
			: `Gone from the portal (${plan.gone.length}): ${removeGone ? 'to remove' : 'kept; --remove-gone removes them'}:`, plan.gone);
		section(out, plan.goneEdited.length === 0 ? undefined
			: `Gone from the portal but edited by hand (${plan.goneEdited.length}): left alone:`, plan.goneEdited);
		const remove = removeGone ? plan.gone : [];
		if (values['dry-run']) {
			out.line('Dry run: nothing was written.');
			return ExitStatus.Ok;
		}
		if (plan.add.length + remove.length === 0) {
			return ExitStatus.Ok;
		}
		const result = await applyEdit(files, importOperation(plan, plan.add, remove));
		for (const written of writtenFiles(result)) {
			out.line(`Added ${plan.add.length} profile${plan.add.length === 1 ? '' : 's'}${remove.length ? `, removed ${remove.length}` : ''}: ${describeWrite(written)}.`);
		}
		return ExitStatus.Ok;
	},
};

function section(out: { line(text: string): void }, title: string | undefined, profiles: readonly ImportedProfile[]): void {
	if (title === undefined) {
		return;
	}
	out.line(title);
	const width = Math.min(40, Math.max(0, ...profiles.map((profile) => shown(profile.name).length)));
	for (const profile of profiles) {
		const account = profile.accountName ? `${profile.accountId} (${profile.accountName})` : profile.accountId;
		out.line(maskSecretsIn(`  ${shown(profile.name).padEnd(width)}  ${account}  ${profile.roleName}`));
	}
}
