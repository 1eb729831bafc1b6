/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What Verify Profile can tell before it calls AWS: it walks the chain of the profile as the JavaScript SDK
// walks it (`resolveProfileData` of @aws-sdk/credential-provider-ini, the SDK Verify runs; the kinds are the
// model's, profileKind.ts) and names the profile that holds each thing that cannot work. The SDK itself says
// only "could not resolve credentials", or throws a TypeError, for a source profile or an sso-session that is
// not there; AWS says "invalid key" about the profile that was verified, when the keys are its source's.
//
// Two kinds of finding: `blocking` ones stop the SDK before any call (a missing profile or sso-session, a loop,
// a role ARN of the wrong shape), so Verify says them instead of calling; `suspects` are keys that AWS will
// refuse (the documentation's example keys, a key id of the wrong shape), which local AWS emulators accept:
// Verify calls, and says them when AWS refuses the keys. Messages quote names, never a secret; a value only
// through displayValue.

import { accessKeyIdPattern, checkRoleArn } from '../editing/credentialFormats';
import { Keys, valueOf } from '../model/profileKeys';
import type { IgnoredSource, ProfileKind } from '../model/profileKind';
import type { ProfileEntry, ProfileModel } from '../model/profileModel';
import { displayValue } from '../display/secretMasking';

export type PreflightCode =
	| 'source-profile-missing'
	| 'source-profile-cycle'
	| 'role-arn-format'
	| 'credential-source-value'
	| 'no-credentials'
	| 'sso-session-missing'
	| 'sso-incomplete'
	| 'credential-process-missing'
	| 'example-key'
	| 'key-id-format';

export interface PreflightProblem {
	readonly code: PreflightCode;
	/** The profile that holds it: for a missing source profile, the profile whose source_profile names it. */
	readonly profile: string;
	readonly message: string;
}

export interface VerifyPreflight {
	/** What stops the SDK before it calls AWS, in chain order from the verified profile. */
	readonly blocking: readonly PreflightProblem[];
	/** What AWS will refuse, but a local emulator may accept: said when AWS refuses the keys. */
	readonly suspects: readonly PreflightProblem[];
	/** The profile whose credentials sign the first call (the chain's first step), when the chain gets there. */
	readonly signer?: string;
	/** The `credential_process` program the chain runs, for the caller to look for (this module does no I/O). */
	readonly program?: { readonly profile: string; readonly program: string };
}

/** The `credential_source` names the SDKs know, exactly so written. */
const credentialSources: readonly string[] = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];

/** Nothing to say: the profile is unknown to the model (the SDK says so itself) or its chain looks whole. */
const nothing: VerifyPreflight = Object.freeze({ blocking: [], suspects: [] });

export function verifyPreflight(model: ProfileModel, profile: string): VerifyPreflight {
	const blocking: PreflightProblem[] = [];
	const visited: string[] = [];
	let name = profile;
	for (;;) {
		const entry = model.profiles.get(name);
		if (!entry) {
			if (visited.length === 0) {
				return nothing;
			}
			const from = visited[visited.length - 1];
			const through = from === profile ? '' : ` ('${profile}' gets its credentials through '${from}')`;
			blocking.push(problem('source-profile-missing', from, `The source_profile of '${from}'${through} names '${displayValue(Keys.sourceProfile, name)}', which is not defined in either file. Add that profile, or fix the name.`));
			return { blocking, suspects: [] };
		}
		// After the first profile, keys of its own win over everything else in a source (the SDK's rule).
		if (visited.length > 0 && hasKeyPair(entry)) {
			return baseResult(model, entry, profile, blocking);
		}
		if (visited.includes(name)) {
			const loop = [...visited.slice(visited.indexOf(name)), name].map((n) => `'${n}'`).join(' -> ');
			blocking.push(problem('source-profile-cycle', name, `The source_profile settings go round in a loop (${loop}): the SDK cannot find where the first credentials come from. One profile of the loop needs credentials of its own.`));
			return { blocking, suspects: [] };
		}
		visited.push(name);
		const kind = entry.kind;
		if (visited.length > 1 && kind.kind === 'none' && valueOf(entry.section, Keys.credentialSource) !== undefined && valueOf(entry.section, Keys.roleArn) === undefined) {
			// A source profile with only credential_source: the SDK takes credentials from that source.
			credentialSourceProblem(entry, valueOf(entry.section, Keys.credentialSource)!, blocking);
			return { blocking, suspects: [], signer: name };
		}
		if (kind.kind !== 'assume-role') {
			return baseResult(model, entry, profile, blocking);
		}
		if (checkRoleArn(kind.roleArn).level !== 'ok') {
			const shown = displayValue(Keys.roleArn, kind.roleArn);
			blocking.push(problem('role-arn-format', name, `The role_arn of '${name}'${shown === '' ? ' is empty' : ` (${JSON.stringify(shown)}) is not a role ARN`}: one reads arn:aws:iam::123456789012:role/RoleName.`));
		}
		if (kind.source.kind === 'credential-source') {
			credentialSourceProblem(entry, kind.source.name, blocking);
			return { blocking, suspects: [], signer: name };
		}
		name = kind.source.profile;
	}
}

function problem(code: PreflightCode, profile: string, message: string): PreflightProblem {
	return { code, profile, message };
}

function hasKeyPair(entry: ProfileEntry): boolean {
	return valueOf(entry.section, Keys.accessKeyId) !== undefined && valueOf(entry.section, Keys.secretAccessKey) !== undefined;
}

function credentialSourceProblem(entry: ProfileEntry, source: string, blocking: PreflightProblem[]): void {
	if (!credentialSources.includes(source)) {
		blocking.push(problem('credential-source-value', entry.name, `The credential_source of '${entry.name}' (${JSON.stringify(displayValue(Keys.credentialSource, source))}) is not one the SDK knows: use Environment, Ec2InstanceMetadata or EcsContainer.`));
	}
}

/** The chain's first step: the profile whose own credentials sign, and what can be seen wrong with them. */
function baseResult(model: ProfileModel, entry: ProfileEntry, verified: string, blocking: PreflightProblem[]): VerifyPreflight {
	const through = entry.name === verified ? '' : ` (whose credentials '${verified}' uses)`;
	const suspects: PreflightProblem[] = [];
	let program: VerifyPreflight['program'];
	if (hasKeyPair(entry)) {
		suspects.push(...keySuspects(entry, through));
	} else {
		const kind: ProfileKind = entry.kind;
		switch (kind.kind) {
			case 'sso':
				blocking.push(...ssoProblems(model, entry, kind, through));
				break;
			case 'credential-process':
				program = { profile: entry.name, program: kind.program };
				break;
			case 'none':
				blocking.push(problem('no-credentials', entry.name, `'${entry.name}'${through} has no credentials: ${whyNone(entry.ignoredSources)}.`));
				break;
			default:
				break;
		}
	}
	return { blocking, suspects, signer: entry.name, ...(program ? { program } : {}) };
}

function keySuspects(entry: ProfileEntry, through: string): PreflightProblem[] {
	const keyId = valueOf(entry.section, Keys.accessKeyId)!.trim();
	const secret = valueOf(entry.section, Keys.secretAccessKey)!;
	// The lint rule's test (example-keys): every published example ends in EXAMPLE or EXAMPLEKEY.
	if (keyId.includes('EXAMPLE') || secret.includes('EXAMPLE')) {
		return [problem('example-key', entry.name, `The keys of '${entry.name}'${through} are the AWS documentation's example keys, which AWS never accepts. Put the profile's own keys there.`)];
	}
	if (!accessKeyIdPattern.test(keyId)) {
		return [problem('key-id-format', entry.name, `The aws_access_key_id of '${entry.name}'${through} (${maskedId(keyId)}) is not an access key id: one is AKIA or ASIA followed by 16 upper-case letters and digits.`)];
	}
	return [];
}

/** A key id as a message may show it: its ends, or nothing when it is too short to show any. */
function maskedId(keyId: string): string {
	return displayValue(Keys.accessKeyId, keyId);
}

function ssoProblems(model: ProfileModel, entry: ProfileEntry, kind: ProfileKind & { kind: 'sso' }, through: string): PreflightProblem[] {
	const problems: PreflightProblem[] = [];
	if (kind.token.kind === 'sso-session') {
		const session = kind.token.session;
		const section = model.ssoSessions.get(session);
		const shown = displayValue(Keys.ssoSession, session);
		if (!section) {
			problems.push(problem('sso-session-missing', entry.name, `'${entry.name}'${through} logs in through the sso-session '${shown}', but the config file has no [sso-session ${shown}] section. Add it (with sso_start_url and sso_region), or fix the sso_session name.`));
		} else {
			const missing = [Keys.ssoStartUrl, Keys.ssoRegion].filter((key) => valueOf(section, key) === undefined);
			if (missing.length > 0) {
				problems.push(problem('sso-incomplete', entry.name, `The [sso-session ${shown}] section that '${entry.name}'${through} logs in through has no ${missing.join(' and no ')}.`));
			}
		}
	}
	const unset = [kind.accountId === undefined ? Keys.ssoAccountId : undefined, kind.roleName === undefined ? Keys.ssoRoleName : undefined].filter(Boolean);
	if (unset.length > 0) {
		problems.push(problem('sso-incomplete', entry.name, `'${entry.name}'${through} has SSO settings without ${unset.join(' and ')}: it can sign in, but not get credentials for an account.`));
	}
	return problems;
}

/** Why a profile without a credential source has none, from what it mentions (profileKind.ts). */
function whyNone(ignored: readonly IgnoredSource[]): string {
	for (const source of ignored) {
		switch (source.why) {
			case 'conflicting-role-sources':
				return 'it sets both source_profile and credential_source, and the SDK then ignores its role. Keep one of the two';
			case 'no-role-source':
				return 'it sets role_arn without source_profile or credential_source, so nothing assumes the role';
			case 'missing-key':
				return source.keys.includes(source.key) ? `its ${source.key} is empty` : `it sets ${source.keys.join(' and ')} without ${source.key}`;
			default:
				break;
		}
	}
	return 'no keys, role, SSO or credential_process';
}

/**
 * The `credential_process` program of `preflight.program` is not there (the caller looked: a path that is no
 * file, or a bare name found on no PATH folder).
 */
export function missingProgramProblem(program: NonNullable<VerifyPreflight['program']>, verified: string, looked: 'file' | 'path'): PreflightProblem {
	const through = program.profile === verified ? '' : ` (whose credentials '${verified}' uses)`;
	const shown = JSON.stringify(displayValue(Keys.credentialProcess, program.program));
	const where = looked === 'file' ? 'which does not exist' : 'which is in no folder of the PATH';
	return problem('credential-process-missing', program.profile, `The credential_process of '${program.profile}'${through} runs ${shown}, ${where}. Install it, or write the program's full path.`);
}
