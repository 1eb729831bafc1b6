/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// "Verify Profile": who a profile's credentials belong to (STS GetCallerIdentity), and for an IAM user what
// IAM says about its keys and policies, optionally whether it may deploy with a given tool
// (iam:SimulatePrincipalPolicy). Credentials come from the SDK's own chain (fromIni), so role chaining,
// credential_process, SSO and MFA behave as in the AWS tools; endpoints come from the SDK's own resolution
// (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS / _IAM, the profile's endpoint_url), which is how the tests reach a
// local endpoint. One attempt per call and a deadline: no retry storm.

import {
	GetAccessKeyLastUsedCommand, IAMClient, ListAccessKeysCommand, ListAttachedGroupPoliciesCommand,
	ListAttachedUserPoliciesCommand, ListGroupsForUserCommand, SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { maskAccessKeyId } from '../core/display/secretMasking';
import type { ProfileModel } from '../core/model/profileModel';
import { DeployTool, deployToolActions } from '../core/verify/deployTools';
import { missingProgramProblem, PreflightProblem, verifyPreflight, VerifyPreflight } from '../core/verify/verifyPreflight';
import { programPresence } from './credentialProcessProgram';
import { requestHandlerOptions } from './httpOptions';
import { describeFailure, VerifyFailure, VerifyStep } from './verifyFailure';

export interface VerifyRequest {
	readonly profile: string;
	/** The files to read; the SDK's own locations when absent. */
	readonly files?: { readonly configFile: string; readonly credentialsFile: string };
	/** The region to call in: the profile's, else us-east-1 (STS and IAM answer for the whole account anyway). */
	readonly region?: string;
	readonly timeoutMs: number;
	readonly abortSignal?: AbortSignal;
	/** Asked for a 6-digit code when a role in the chain requires MFA; the code is never stored. */
	readonly mfaCode?: (serial: string) => Promise<string>;
	readonly deployTools?: readonly DeployTool[];
	/** Where STS and IAM are, when configured (see core/serviceEndpoints.ts); the SDK's default otherwise. */
	readonly endpoints?: { readonly sts?: string; readonly iam?: string };
	/** The profile's `ca_bundle` (AWS_CA_BUNDLE wins). */
	readonly caBundle?: string;
	/** For the key-age warning; `Date.now` by default. */
	readonly now?: number;
	/**
	 * The profiles read from the same files: what they say cannot work is said before any call
	 * (core/verifyPreflight.ts), and a key AWS refuses is named with the profile that holds it.
	 */
	readonly model?: ProfileModel;
}

export type Principal =
	| { readonly kind: 'root' }
	| { readonly kind: 'user'; readonly name: string }
	| { readonly kind: 'assumed-role'; readonly role: string; readonly session: string }
	| { readonly kind: 'other' };

export interface Finding {
	readonly severity: 'warning' | 'info';
	readonly code: 'root-user' | 'administrator-access' | 'old-access-key' | 'iam-not-readable' | 'inactive-key';
	readonly message: string;
	readonly link?: string;
}

export interface AccessKeyInfo {
	readonly id: string;
	readonly status: string;
	readonly createdAt?: string;
	readonly ageDays?: number;
	readonly lastUsed?: { readonly date?: string; readonly service?: string; readonly region?: string };
	readonly inUse: boolean;
}

export interface DeployCheck {
	readonly tool: DeployTool;
	/** The actions the simulation denied; empty when the profile may deploy. */
	readonly denied: readonly string[];
	/** The simulation itself was not allowed (the principal lacks iam:SimulatePrincipalPolicy). */
	readonly simulationDenied: boolean;
}

export type VerifyResult =
	| {
		readonly ok: true;
		readonly account: string;
		readonly arn: string;
		readonly userId: string;
		readonly principal: Principal;
		/** The access key the profile signs with, masked (`AKIA****ABCD`). */
		readonly accessKeyId?: string;
		readonly accessKeys?: readonly AccessKeyInfo[];
		readonly policies?: readonly string[];
		readonly groups?: readonly { readonly name: string; readonly policies: readonly string[] }[];
		readonly deploy?: readonly DeployCheck[];
		readonly findings: readonly Finding[];
	}
	| { readonly ok: false; readonly failure: VerifyFailure };

const administratorAccess = 'arn:aws:iam::aws:policy/AdministratorAccess';
const oldKeyDays = 90;

export async function verifyProfile(request: VerifyRequest): Promise<VerifyResult> {
	const deadline = AbortSignal.timeout(request.timeoutMs);
	const signal = request.abortSignal ? AbortSignal.any([request.abortSignal, deadline]) : deadline;
	let sts: STSClient | undefined;
	let iam: IAMClient | undefined;
	const preflight = request.model ? verifyPreflight(request.model, request.profile) : undefined;
	const refused = await preflightRefusal(request.profile, preflight);
	if (refused) {
		return { ok: false, failure: refused };
	}
	let step: VerifyStep = 'credentials';
	try {
		// The SDK caches the files for the life of the process; the user may have edited them since.
		await loadSharedConfigFiles({ ignoreCache: true, ...(request.files ? { filepath: request.files.credentialsFile, configFilepath: request.files.configFile } : {}) });
		const http = handlerOptions(request);
		const provider = fromIni({
			profile: request.profile,
			...(request.files ? { filepath: request.files.credentialsFile, configFilepath: request.files.configFile } : {}),
			ignoreCache: true,
			...(request.mfaCode ? { mfaCodeProvider: request.mfaCode } : {}),
			clientConfig: { region: request.region ?? 'us-east-1', maxAttempts: 1, requestHandler: http, ...endpoint(request.endpoints?.sts) },
		});
		// Resolved once, so a role with MFA asks for one code, and every call signs with the same credentials.
		const signing = await untilAborted(provider(), signal);
		step = 'identity';
		const config = { profile: request.profile, region: request.region ?? 'us-east-1', credentials: signing, maxAttempts: 1, requestHandler: http };
		sts = new STSClient({ ...config, ...endpoint(request.endpoints?.sts) });
		iam = new IAMClient({ ...config, ...endpoint(request.endpoints?.iam) });
		const identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
		const arn = identity.Arn ?? '';
		const principal = principalOf(arn);
		const base = {
			ok: true as const,
			account: identity.Account ?? '',
			arn,
			userId: identity.UserId ?? '',
			principal,
			...(signing.accessKeyId ? { accessKeyId: maskAccessKeyId(signing.accessKeyId) } : {}),
		};
		const findings: Finding[] = [];
		if (principal.kind === 'root') {
			findings.push({
				severity: 'warning', code: 'root-user',
				message: 'These are the root user\'s keys: they can do anything in the account, including closing it. Create an IAM user (or use IAM Identity Center) for deployments and delete the root access keys.',
				link: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-access-key',
			});
		}
		const user = principal.kind === 'user' ? await userDetails(iam, principal.name, signing.accessKeyId, request.now ?? Date.now(), signal, findings) : {};
		step = 'deploy';
		const deploy = request.deployTools?.length && (principal.kind === 'user' || principal.kind === 'assumed-role')
			? await deployChecks(iam, arn, principal, request.deployTools, signal)
			: undefined;
		if (request.deployTools?.length && principal.kind === 'root') {
			findings.push({ severity: 'info', code: 'root-user', message: 'The root user may do anything, so no deploy permissions were simulated.' });
		}
		return { ...base, ...user, ...(deploy ? { deploy } : {}), findings };
	} catch (error) {
		const failure = describeFailure(abortReason(request, deadline) ?? error, request.profile, preflight?.signer);
		return { ok: false, failure: { ...withSuspects(failure, preflight), step } };
	} finally {
		sts?.destroy();
		iam?.destroy();
	}
}

/** What the files say cannot work, with a credential_process program looked for on disk; undefined to go on. */
export async function preflightRefusal(profile: string, preflight: VerifyPreflight | undefined): Promise<VerifyFailure | undefined> {
	if (!preflight) {
		return undefined;
	}
	const blocking: PreflightProblem[] = [...preflight.blocking];
	if (blocking.length === 0 && preflight.program) {
		const presence = await programPresence(preflight.program.program);
		if (presence === 'missing') {
			blocking.push(missingProgramProblem(preflight.program, profile, /[\\/]/.test(preflight.program.program) ? 'file' : 'path'));
		}
	}
	if (blocking.length === 0) {
		return undefined;
	}
	const problems = [...blocking, ...preflight.suspects];
	return { code: 'misconfigured', message: problems.map((problem) => problem.message).join(' '), problems, step: 'files' };
}

/** AWS refused the keys: say what was already to be seen wrong with them (example keys, a malformed id). */
function withSuspects(failure: VerifyFailure, preflight: VerifyPreflight | undefined): VerifyFailure {
	const suspects = preflight?.suspects ?? [];
	if (suspects.length === 0 || (failure.code !== 'invalid-key-id' && failure.code !== 'wrong-secret')) {
		return failure;
	}
	return { ...failure, message: `${failure.message} ${suspects.map((problem) => problem.message).join(' ')}`, problems: suspects };
}

export function endpoint(url: string | undefined): { endpoint?: string } {
	return url ? { endpoint: url } : {};
}

/** When the deadline or the user ended the call, that is the story, whatever error the SDK made of it. */
export function abortReason(request: Pick<VerifyRequest, 'abortSignal'>, deadline: AbortSignal): { name: string } | undefined {
	if (request.abortSignal?.aborted) {
		return { name: 'AbortError' };
	}
	return deadline.aborted ? { name: 'TimeoutError' } : undefined;
}

export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
		if (signal.aborted) {
			return onAbort();
		}
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}

export function handlerOptions(request: Pick<VerifyRequest, 'endpoints' | 'timeoutMs' | 'caBundle'>) {
	const url = request.endpoints?.sts || process.env.AWS_ENDPOINT_URL_STS || process.env.AWS_ENDPOINT_URL;
	return requestHandlerOptions({
		timeoutMs: request.timeoutMs,
		...(request.caBundle ? { caBundle: request.caBundle } : {}),
		host: url ? new URL(url).hostname : 'sts.amazonaws.com',
	});
}

export function principalOf(arn: string): Principal {
	if (/^arn:aws[\w-]*:iam::\d{12}:root$/.test(arn)) {
		return { kind: 'root' };
	}
	const user = /^arn:aws[\w-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
	if (user) {
		return { kind: 'user', name: user[1] };
	}
	const role = /^arn:aws[\w-]*:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/.exec(arn);
	return role ? { kind: 'assumed-role', role: role[1], session: role[2] } : { kind: 'other' };
}

/** What IAM says about the user: its keys and policies. Being denied is a finding, not a failure. */
async function userDetails(iam: IAMClient, userName: string, inUse: string | undefined, now: number, signal: AbortSignal, findings: Finding[]) {
	const options = { abortSignal: signal };
	try {
		const keys = await iam.send(new ListAccessKeysCommand({ UserName: userName }), options);
		const accessKeys: AccessKeyInfo[] = [];
		for (const key of keys.AccessKeyMetadata ?? []) {
			const id = key.AccessKeyId ?? '';
			const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }), options);
			const created = key.CreateDate;
			const ageDays = created ? Math.floor((now - created.getTime()) / 86_400_000) : undefined;
			accessKeys.push({
				id: maskAccessKeyId(id),
				status: key.Status ?? 'Unknown',
				...(created ? { createdAt: created.toISOString() } : {}),
				...(ageDays !== undefined ? { ageDays } : {}),
				...(used.AccessKeyLastUsed?.LastUsedDate ? { lastUsed: {
					date: used.AccessKeyLastUsed.LastUsedDate.toISOString(),
					service: used.AccessKeyLastUsed.ServiceName,
					region: used.AccessKeyLastUsed.Region,
				} } : {}),
				inUse: id === inUse,
			});
			if (id === inUse && ageDays !== undefined && ageDays > oldKeyDays) {
				findings.push({ severity: 'warning', code: 'old-access-key', message: `The access key in use is ${ageDays} days old. Rotate keys at least every ${oldKeyDays} days: create a new key, switch the profile to it, then deactivate the old one.` });
			}
		}
		const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }), options);
		const policies = (attached.AttachedPolicies ?? []).map((policy) => policy.PolicyArn ?? '');
		const groupList = await iam.send(new ListGroupsForUserCommand({ UserName: userName }), options);
		const groups = [];
		for (const group of groupList.Groups ?? []) {
			const groupPolicies = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: group.GroupName }), options);
			groups.push({ name: group.GroupName ?? '', policies: (groupPolicies.AttachedPolicies ?? []).map((policy) => policy.PolicyArn ?? '') });
		}
		if ([...policies, ...groups.flatMap((group) => group.policies)].includes(administratorAccess)) {
			findings.push({
				severity: 'warning', code: 'administrator-access',
				message: 'This user has AdministratorAccess. It is a starting point, not a deploy policy: narrow it to what your deploy tool needs.',
				link: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
			});
		}
		return { accessKeys, policies, groups };
	} catch (error) {
		if (signal.aborted) {
			throw error;
		}
		findings.push({ severity: 'info', code: 'iam-not-readable', message: `IAM did not let this user read its own keys and policies (${describeFailure(error, '').code}); the identity above is verified all the same.` });
		return {};
	}
}

async function deployChecks(iam: IAMClient, arn: string, principal: Principal, tools: readonly DeployTool[], signal: AbortSignal): Promise<DeployCheck[]> {
	// The simulation takes an IAM user or role ARN; a session of an assumed role is simulated as its role.
	const source = principal.kind === 'assumed-role'
		? arn.replace(/:sts::(\d{12}):assumed-role\/([^/]+)\/.*$/, ':iam::$1:role/$2')
		: arn;
	const checks: DeployCheck[] = [];
	for (const tool of tools) {
		try {
			const result = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: source, ActionNames: [...deployToolActions(tool)] }), { abortSignal: signal });
			const denied = (result.EvaluationResults ?? []).filter((r) => r.EvalDecision !== 'allowed').map((r) => r.EvalActionName ?? '');
			checks.push({ tool, denied, simulationDenied: false });
		} catch (error) {
			if (signal.aborted || describeFailure(error, '').code !== 'access-denied') {
				throw error;
			}
			checks.push({ tool, denied: [], simulationDenied: true });
		}
	}
	return checks;
}
