/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS access portal (portal.sso.<region>.amazonaws.com): ListAccounts (GET /assignment/accounts),
// ListAccountRoles (GET /assignment/roles), GetRoleCredentials (GET /federation/credentials) and Logout
// (POST /logout), each authorized by the access token in `x-amz-sso_bearer_token`. Lists page with
// `max_result` and an opaque `next_token`. Role credentials are STS sessions of the assignment's IAM role,
// named for the user, so the fake STS and IAM accept them afterwards.

import type { Directory } from './directory';
import type { IdentityCenter } from './identityCenter';
import { JsonAnswer, jsonSuccess, portalErrors } from './jsonAnswer';

export const portalPaths: Readonly<Record<string, string>> = {
	'/assignment/accounts': 'ListAccounts',
	'/assignment/roles': 'ListAccountRoles',
	'/federation/credentials': 'GetRoleCredentials',
	'/logout': 'Logout',
};

const tokenPrefix = 'fake-sso-page:';

function page<T>(items: readonly T[], query: URLSearchParams, pageSize: number): { items: readonly T[]; nextToken: string | undefined } {
	const maxText = query.get('max_result');
	const max = maxText === null ? 20 : Number(maxText);
	if (!Number.isInteger(max) || max < 1 || max > 100) {
		throw portalErrors.invalidRequest('max_result must be between 1 and 100');
	}
	const token = query.get('next_token');
	let start = 0;
	if (token !== null) {
		const decoded = Buffer.from(token, 'base64').toString('utf8');
		start = Number(decoded.slice(tokenPrefix.length));
		if (!decoded.startsWith(tokenPrefix) || !Number.isInteger(start) || start < 0) {
			throw portalErrors.invalidRequest('Invalid next_token');
		}
	}
	const end = start + Math.min(max, pageSize);
	return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(tokenPrefix + end).toString('base64') : undefined };
}

function withNextToken<T extends object>(value: T, nextToken: string | undefined): T {
	return nextToken === undefined ? value : { ...value, nextToken };
}

export function answerPortal(
	center: IdentityCenter, directory: Directory, action: string, query: URLSearchParams, bearer: string | undefined, now: Date,
): JsonAnswer {
	const user = center.bearer(bearer, now);
	if (!user) {
		throw portalErrors.unauthorized();
	}
	const assignments = center.assignments(user);
	switch (action) {
		case 'ListAccounts': {
			const accounts = [...new Map(assignments.map((assignment) => [assignment.account.id, assignment.account])).values()];
			const { items, nextToken } = page(accounts, query, center.portalPageSize);
			return jsonSuccess(withNextToken({
				accountList: items.map((account) => ({ accountId: account.id, accountName: account.name, emailAddress: account.email ?? `aws+${account.id}@example.com` })),
			}, nextToken));
		}
		case 'ListAccountRoles': {
			const accountId = query.get('account_id');
			if (accountId === null) {
				throw portalErrors.invalidRequest('account_id is required');
			}
			const { items, nextToken } = page(assignments.filter((assignment) => assignment.account.id === accountId), query, center.portalPageSize);
			return jsonSuccess(withNextToken({ roleList: items.map((assignment) => ({ roleName: assignment.roleName, accountId })) }, nextToken));
		}
		case 'GetRoleCredentials': {
			const assignment = assignments.find((candidate) => candidate.account.id === query.get('account_id') && candidate.roleName === query.get('role_name'));
			if (!assignment) {
				throw portalErrors.forbidden();
			}
			const expiration = new Date(Math.floor(now.getTime() / 1000) * 1000 + assignment.role.maxSessionDuration * 1000);
			const session = directory.issueSession({ kind: 'assumed-role', role: assignment.role, sessionName: user.name }, 'assume-role', false, expiration);
			return jsonSuccess({
				roleCredentials: { accessKeyId: session.id, secretAccessKey: session.secret, sessionToken: session.token, expiration: expiration.getTime() },
			});
		}
		default:
			center.signOut(bearer ?? '');
			return { status: 200, body: '' };
	}
}
