/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What a sign-in gives access to: every account of the access portal and every role in each, read through
// the SDK's own paginators (ListAccounts, ListAccountRoles, every page) with the cached token. The engine of
// "Add Profiles from IAM Identity Center" and `aws-profiles sso import`; it reads, writes nothing.

import { paginateListAccountRoles, paginateListAccounts } from '@aws-sdk/client-sso';
import { maskSecretsIn } from '../core/display/secretMasking';
import { readTokenFile } from '../core/io/ssoTokenFile';
import { tokenExpiresAt } from '../core/sessions/ssoTokenCache';
import { portalClient, SsoCacheRequest, SsoFailure } from './ssoSignIn';

export interface SsoAccount {
	readonly accountId: string;
	readonly accountName?: string;
	readonly emailAddress?: string;
	/** Role names, in the portal's order. */
	readonly roles: readonly string[];
}

export type SsoAccessResult =
	| { readonly ok: true; readonly accounts: readonly SsoAccount[] }
	| { readonly ok: false; readonly failure: SsoFailure };

const signInAgain = 'Sign in again: the session has expired or was signed out.';

export async function listSsoAccess(request: SsoCacheRequest): Promise<SsoAccessResult> {
	const read = await readTokenFile(request.cacheFolder, request.target.cacheId);
	const now = (request.clock ?? Date.now)();
	if (read.state !== 'found' || (tokenExpiresAt(read.token) ?? 0) <= now) {
		return { ok: false, failure: { code: 'no-token', message: read.state === 'found' ? signInAgain : 'Not signed in.' } };
	}
	const accessToken = read.token.accessToken;
	const client = portalClient(request.target, request, 2);
	try {
		const accounts: SsoAccount[] = [];
		for await (const page of paginateListAccounts({ client }, { accessToken })) {
			for (const account of page.accountList ?? []) {
				if (!account.accountId) {
					continue;
				}
				const roles: string[] = [];
				for await (const rolePage of paginateListAccountRoles({ client }, { accessToken, accountId: account.accountId })) {
					roles.push(...(rolePage.roleList ?? []).flatMap((role) => role.roleName ? [role.roleName] : []));
				}
				accounts.push({
					accountId: account.accountId, roles,
					...(account.accountName ? { accountName: account.accountName } : {}),
					...(account.emailAddress ? { emailAddress: account.emailAddress } : {}),
				});
			}
		}
		return { ok: true, accounts };
	} catch (error) {
		const name = (error as { name?: unknown })?.name;
		if (name === 'UnauthorizedException') {
			return { ok: false, failure: { code: 'no-token', message: signInAgain } };
		}
		const detail = typeof name === 'string' ? name : 'error';
		const code = typeof name === 'string' && name.endsWith('Exception') ? 'refused' : 'network';
		return { ok: false, failure: { code, message: `The access portal ${code === 'refused' ? 'refused the request' : 'could not be reached'} (${maskSecretsIn(detail)}).` } };
	} finally {
		client.destroy();
	}
}
