/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// IAM (version 2010-05-08): the user, key, group and policy reads the extension makes, the key changes it
// offers, and SimulatePrincipalPolicy. Every action is authorized against the caller's identity policies as
// IAM does (`iam:<Action>` on the target's ARN; the root user may do anything), so a seed grants its users
// what its tests need them to do.

import * as arns from './arns';
import * as errors from './awsError';
import type { Caller } from './authentication';
import {
	AccessKey, accessKeysPerUser, Directory, Group, KeyOwner, principalAccount, principalArn, sameOwner, User,
} from './directory';
import { paginate, paginationFields } from './pagination';
import { evaluate, PolicySource } from './policyEvaluation';
import { element, leaf, memberList, namespaces, optionalLeaf, XmlNode } from './queryXml';
import type { ActionContext, ServiceDefinition } from './service';

/**
 * Throws IAM's AccessDenied unless the caller's policies allow `action` on `resource`. IAM names a user
 * resource `user <name>` in the message, other resources by ARN.
 */
function authorize({ directory, caller }: ActionContext, action: string, resource: string, resourceWording = resource): void {
	if (caller.principal.kind === 'root') {
		return;
	}
	const { decision } = evaluate(directory.policiesOf(caller.principal), action, resource);
	if (decision !== 'allowed') {
		throw errors.notAuthorized(principalArn(caller.principal), action, resourceWording, decision === 'explicitDeny');
	}
}

function callerAccount(context: ActionContext): string {
	return principalAccount(context.caller.principal);
}

function noSuchUser(name: string): errors.AwsError {
	return errors.noSuchEntity(`The user with name ${name} cannot be found.`);
}

/** A named user of the caller's account, once the caller may do `action` to it. */
function namedUser(context: ActionContext, action: string, name: string): User {
	const user = context.directory.user(callerAccount(context), name);
	authorize(context, action, user?.arn ?? arns.userArn(callerAccount(context), '/', name), `user ${name}`);
	if (!user) {
		throw noSuchUser(name);
	}
	return user;
}

/** The user an action is about: `UserName`, or else the caller itself (a user or the root user). */
function targetOwner(context: ActionContext, action: string): KeyOwner {
	const name = context.params.get('UserName');
	if (name !== undefined) {
		return { kind: 'user', user: namedUser(context, action, name) };
	}
	const { principal } = context.caller;
	if (principal.kind === 'assumed-role') {
		throw errors.validationError('Must specify userName when calling with non-User credentials');
	}
	authorize(context, action, principalArn(principal), principal.kind === 'user' ? `user ${principal.user.name}` : undefined);
	return principal;
}

function ownerName(owner: KeyOwner): string | undefined {
	return owner.kind === 'user' ? owner.user.name : undefined;
}

function getUser(context: ActionContext): XmlNode[] {
	const owner = targetOwner(context, 'iam:GetUser');
	const user = owner.kind === 'root'
		? element('User', [leaf('UserId', owner.account.id), leaf('Arn', arns.rootArn(owner.account.id)), leaf('CreateDate', owner.account.created)])
		: element('User', [
			leaf('Path', owner.user.path), leaf('UserName', owner.user.name), leaf('UserId', owner.user.id), leaf('Arn', owner.user.arn),
			leaf('CreateDate', owner.user.created),
		]);
	return [user];
}

function listAccessKeys(context: ActionContext): XmlNode[] {
	const owner = targetOwner(context, 'iam:ListAccessKeys');
	const page = paginate(context.directory.keysOf(owner), context.params);
	return [
		optionalLeaf('UserName', ownerName(owner)),
		memberList('AccessKeyMetadata', page.items, (key) => [
			optionalLeaf('UserName', ownerName(owner)), leaf('AccessKeyId', key.id), leaf('Status', key.status), leaf('CreateDate', key.created),
		]),
		...paginationFields(page),
	].filter((node): node is XmlNode => node !== undefined);
}

function noSuchKey(id: string): errors.AwsError {
	return errors.noSuchEntity(`The Access Key with id ${id} cannot be found.`);
}

function getAccessKeyLastUsed(context: ActionContext): XmlNode[] {
	const id = context.params.required('AccessKeyId');
	const key = context.directory.credentials(id);
	if (key?.kind !== 'long-term' || principalAccount(key.owner) !== callerAccount(context)) {
		throw noSuchKey(id);
	}
	authorize(context, 'iam:GetAccessKeyLastUsed', principalArn(key.owner));
	const lastUsed = key.lastUsed
		? [leaf('LastUsedDate', key.lastUsed.date), leaf('ServiceName', key.lastUsed.service), leaf('Region', key.lastUsed.region)]
		: [leaf('ServiceName', 'N/A'), leaf('Region', 'N/A')];
	return [optionalLeaf('UserName', ownerName(key.owner)), element('AccessKeyLastUsed', lastUsed)]
		.filter((node): node is XmlNode => node !== undefined);
}

function attachedPolicies(context: ActionContext, policyArns: readonly string[]): XmlNode[] {
	const policies = policyArns.flatMap((arn) => context.directory.policy(arn) ?? []);
	const page = paginate(policies, context.params);
	return [
		memberList('AttachedPolicies', page.items, (policy) => [leaf('PolicyName', policy.name), leaf('PolicyArn', policy.arn)]),
		...paginationFields(page),
	];
}

function listAttachedUserPolicies(context: ActionContext): XmlNode[] {
	const user = namedUser(context, 'iam:ListAttachedUserPolicies', context.params.required('UserName'));
	return attachedPolicies(context, user.attachedPolicies);
}

function groupElements(group: Group): XmlNode[] {
	return [leaf('Path', group.path), leaf('GroupName', group.name), leaf('GroupId', group.id), leaf('Arn', group.arn), leaf('CreateDate', group.created)];
}

function listGroupsForUser(context: ActionContext): XmlNode[] {
	const user = namedUser(context, 'iam:ListGroupsForUser', context.params.required('UserName'));
	const groups = user.groups.flatMap((name) => context.directory.group(user.account, name) ?? []);
	const page = paginate(groups, context.params);
	return [memberList('Groups', page.items, groupElements), ...paginationFields(page)];
}

function listAttachedGroupPolicies(context: ActionContext): XmlNode[] {
	const name = context.params.required('GroupName');
	const group = context.directory.group(callerAccount(context), name);
	authorize(context, 'iam:ListAttachedGroupPolicies', group?.arn ?? arns.groupArn(callerAccount(context), '/', name));
	if (!group) {
		throw errors.noSuchEntity(`The group with name ${name} cannot be found.`);
	}
	return attachedPolicies(context, group.attachedPolicies);
}

/** The policies of the user, group or role SimulatePrincipalPolicy is asked about. */
function simulatedPolicies(directory: Directory, account: string, arn: string): PolicySource[] {
	const parsed = arns.parseArn(arn);
	if (!parsed || (parsed.type !== 'user' && parsed.type !== 'group' && parsed.type !== 'role') || parsed.account !== account) {
		throw errors.invalidInput(`Invalid ARN: ${arn}. Only IAM users, groups and roles of this account can be simulated.`);
	}
	switch (parsed.type) {
		case 'user': {
			const user = directory.user(account, parsed.name);
			if (user?.arn === arn) {
				return directory.userPolicies(user);
			}
			break;
		}
		case 'group': {
			const group = directory.group(account, parsed.name);
			if (group?.arn === arn) {
				return directory.attached(group.attachedPolicies);
			}
			break;
		}
		case 'role': {
			const role = directory.role(arn);
			if (role) {
				return directory.attached(role.attachedPolicies);
			}
			break;
		}
	}
	throw errors.noSuchEntity(`The ${parsed.type} with name ${parsed.name} cannot be found.`);
}

function simulatePrincipalPolicy(context: ActionContext): XmlNode[] {
	const source = context.params.required('PolicySourceArn');
	const actions = context.params.list('ActionNames');
	if (actions.length === 0) {
		throw errors.constraintViolation(undefined, 'actionNames', 'Member must not be null');
	}
	const resources = context.params.list('ResourceArns');
	authorize(context, 'iam:SimulatePrincipalPolicy', source);
	const policies = simulatedPolicies(context.directory, callerAccount(context), source);
	const evaluations = actions.flatMap((action) => (resources.length > 0 ? resources : ['*'])
		.map((resource) => ({ action, resource, evaluation: evaluate(policies, action, resource) })));
	const page = paginate(evaluations, context.params);
	return [
		memberList('EvaluationResults', page.items, ({ action, resource, evaluation }) => [
			leaf('EvalActionName', action),
			leaf('EvalResourceName', resource),
			leaf('EvalDecision', evaluation.decision),
			memberList('MatchedStatements', evaluation.matched, ({ source }) => [
				leaf('SourcePolicyId', source.id), leaf('SourcePolicyType', source.type),
			]),
			element('MissingContextValues', []),
		]),
		...paginationFields(page),
	];
}

function createAccessKey(context: ActionContext): XmlNode[] {
	const owner = targetOwner(context, 'iam:CreateAccessKey');
	if (context.directory.keysOf(owner).length >= accessKeysPerUser) {
		throw errors.limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${accessKeysPerUser}`);
	}
	const key = context.directory.createAccessKey(owner, context.now);
	return [element('AccessKey', [
		optionalLeaf('UserName', ownerName(owner)), leaf('AccessKeyId', key.id), leaf('Status', key.status),
		leaf('SecretAccessKey', key.secret), leaf('CreateDate', key.created),
	])];
}

/** The key `AccessKeyId` names, if it is the target user's. */
function ownedKey(context: ActionContext, owner: KeyOwner): AccessKey {
	const id = context.params.required('AccessKeyId');
	const key = context.directory.credentials(id);
	if (key?.kind !== 'long-term' || !sameOwner(key.owner, owner)) {
		throw noSuchKey(id);
	}
	return key;
}

function updateAccessKey(context: ActionContext): undefined {
	const owner = targetOwner(context, 'iam:UpdateAccessKey');
	const status = context.params.required('Status');
	if (status !== 'Active' && status !== 'Inactive') {
		throw errors.constraintViolation(status, 'status', 'Member must satisfy enum value set: [Active, Inactive, Expired]');
	}
	ownedKey(context, owner).status = status;
	return undefined;
}

function deleteAccessKey(context: ActionContext): undefined {
	const owner = targetOwner(context, 'iam:DeleteAccessKey');
	context.directory.deleteAccessKey(ownedKey(context, owner).id);
	return undefined;
}

/** IAM refuses GetSessionToken credentials that were issued without MFA, with the error of an unknown key. */
function admit(caller: Caller): void {
	const { credentials } = caller;
	if (credentials.kind === 'session' && credentials.origin === 'session-token' && !credentials.mfaAuthenticated) {
		throw errors.invalidClientTokenId();
	}
}

export const iam: ServiceDefinition = {
	name: 'iam',
	version: '2010-05-08',
	namespace: namespaces.iam,
	admit,
	actions: {
		GetUser: getUser,
		ListAccessKeys: listAccessKeys,
		GetAccessKeyLastUsed: getAccessKeyLastUsed,
		ListAttachedUserPolicies: listAttachedUserPolicies,
		ListGroupsForUser: listGroupsForUser,
		ListAttachedGroupPolicies: listAttachedGroupPolicies,
		SimulatePrincipalPolicy: simulatePrincipalPolicy,
		CreateAccessKey: createAccessKey,
		UpdateAccessKey: updateAccessKey,
		DeleteAccessKey: deleteAccessKey,
	},
};
