/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// STS (version 2011-06-15): GetCallerIdentity, AssumeRole (trust, MFA, role-chaining limits) and
// GetSessionToken. Issued sessions are kept in the directory, so the server accepts their keys afterwards
// until they expire.

import { rootArn } from './arns';
import * as errors from './awsError';
import type { Caller } from './authentication';
import { Directory, MfaDevice, Principal, principalAccount, principalArn, Role, SessionCredentials } from './directory';
import type { QueryParams } from './queryParams';
import { element, leaf, namespaces, XmlNode } from './queryXml';
import type { ActionContext, ServiceDefinition } from './service';

/** Sessions of roles assumed with role credentials last at most an hour, whatever the role allows. */
const roleChainingLimitSeconds = 3600;

function callerUserId(principal: Principal): string {
	switch (principal.kind) {
		case 'root': return principal.account.id;
		case 'user': return principal.user.id;
		case 'assumed-role': return `${principal.role.id}:${principal.sessionName}`;
	}
}

function getCallerIdentity({ caller }: ActionContext): XmlNode[] {
	return [
		leaf('Arn', principalArn(caller.principal)),
		leaf('UserId', callerUserId(caller.principal)),
		leaf('Account', principalAccount(caller.principal)),
	];
}

function credentialsElement(session: SessionCredentials): XmlNode {
	return element('Credentials', [
		leaf('AccessKeyId', session.id),
		leaf('SecretAccessKey', session.secret),
		leaf('SessionToken', session.token),
		leaf('Expiration', session.expiration),
	]);
}

/** The names a trust policy may use for a principal. */
function trustNames(principal: Principal): string[] {
	const account = principalAccount(principal);
	const common = ['*', account, rootArn(account)];
	switch (principal.kind) {
		case 'root': return common;
		case 'user': return [principal.user.arn, ...common];
		case 'assumed-role': return [principal.role.arn, principalArn(principal), ...common];
	}
}

function trusts(role: Role, principal: Principal): boolean {
	const names = trustNames(principal);
	return role.trustedPrincipals.some((trusted) => names.includes(trusted));
}

function mfaDevices(principal: Principal): readonly MfaDevice[] {
	switch (principal.kind) {
		case 'root': return principal.account.rootMfaDevices;
		case 'user': return principal.user.mfaDevices;
		case 'assumed-role': return [];
	}
}

/** Whether the call used MFA: checks SerialNumber and TokenCode when given, against the caller's own devices. */
function checkMfa(principal: Principal, params: QueryParams): boolean {
	const serialNumber = params.get('SerialNumber');
	const tokenCode = params.get('TokenCode');
	if (serialNumber === undefined && tokenCode === undefined) {
		return false;
	}
	if (serialNumber === undefined || tokenCode === undefined) {
		throw errors.accessDenied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
	}
	if (!/^\d{6}$/.test(tokenCode)) {
		throw errors.constraintViolation(tokenCode, 'tokenCode', 'Member must satisfy regular expression pattern: [\\d]*');
	}
	const device = mfaDevices(principal).find((d) => d.serialNumber === serialNumber);
	if (!device || device.code !== tokenCode) {
		throw errors.accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
	}
	return true;
}

function sessionExpiration(now: Date, seconds: number): Date {
	return new Date(Math.floor(now.getTime() / 1000) * 1000 + seconds * 1000);
}

function assumeRole({ directory, caller, params, now }: ActionContext): XmlNode[] {
	const roleArn = params.required('RoleArn');
	const sessionName = params.required('RoleSessionName');
	if (sessionName.length < 2 || sessionName.length > 64) {
		const bound = sessionName.length < 2 ? 'greater than or equal to 2' : 'less than or equal to 64';
		throw errors.constraintViolation(sessionName, 'roleSessionName', `Member must have length ${bound}`);
	}
	if (!/^[\w+=,.@-]*$/.test(sessionName)) {
		throw errors.constraintViolation(sessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
	}
	const requested = params.integer('DurationSeconds', 900, 43200);
	const { principal } = caller;
	if (principal.kind === 'root') {
		throw errors.accessDenied('Roles may not be assumed by root accounts.');
	}
	const role = directory.role(roleArn);
	const denied = errors.accessDenied(`User: ${principalArn(principal)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
	if (!role || !trusts(role, principal)) {
		throw denied;
	}
	const inheritedMfa = caller.credentials.kind === 'session' && caller.credentials.mfaAuthenticated;
	const mfaAuthenticated = checkMfa(principal, params) || inheritedMfa;
	if (role.mfaRequired && !mfaAuthenticated) {
		throw denied;
	}
	const chained = principal.kind === 'assumed-role';
	if (chained && requested !== undefined && requested > roleChainingLimitSeconds) {
		throw errors.validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
	}
	if (requested !== undefined && requested > role.maxSessionDuration) {
		throw errors.validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
	}
	const assumed: Principal = { kind: 'assumed-role', role, sessionName };
	const session = directory.issueSession(assumed, 'assume-role', mfaAuthenticated, sessionExpiration(now, requested ?? 3600));
	return [
		credentialsElement(session),
		element('AssumedRoleUser', [leaf('AssumedRoleId', callerUserId(assumed)), leaf('Arn', principalArn(assumed))]),
	];
}

function getSessionToken({ directory, caller, params, now }: ActionContext): XmlNode[] {
	if (caller.credentials.kind === 'session') {
		throw errors.accessDenied('Cannot call GetSessionToken with session credentials');
	}
	const requested = params.integer('DurationSeconds', 900, 129600) ?? 43200;
	// Root sessions are cut to an hour rather than refused.
	const seconds = caller.principal.kind === 'root' ? Math.min(requested, 3600) : requested;
	const mfaAuthenticated = checkMfa(caller.principal, params);
	const session = directory.issueSession(caller.principal, 'session-token', mfaAuthenticated, sessionExpiration(now, seconds));
	return [credentialsElement(session)];
}

function admit(caller: Caller, directory: Directory): void {
	if (directory.account(principalAccount(caller.principal))?.optInRequired) {
		throw errors.optInRequired();
	}
}

export const sts: ServiceDefinition = {
	name: 'sts',
	version: '2011-06-15',
	namespace: namespaces.sts,
	admit,
	actions: {
		GetCallerIdentity: getCallerIdentity,
		AssumeRole: assumeRole,
		GetSessionToken: getSessionToken,
	},
};
