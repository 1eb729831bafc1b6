/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import {
	checkAccessKeyId, checkAccountId, checkDurationSeconds, checkMfaSerial, checkRegionName, checkRegistrationScopes, checkRoleArn,
	checkRoleSessionName, checkSecretAccessKey, checkSessionToken, checkStartUrl, FormatCheck,
} from '../core/editing/credentialFormats';
import { kindLabel } from '../core/display/profileDisplay';
import { givesCredentials } from '../core/model/profileKind';
import { knownRegions } from '../core/model/regions';
import { validateProperty, validateSsoSessionName, validateWrittenProfileName } from '../core/editing/names';
import type { CredentialSource, NewProfile } from '../core/editing/profileEdits';
import type { ProfileSnapshot } from '../core/io/profileSnapshot';
import { back, Prompts } from './prompts';

type Answers = Record<string, string>;
type Kind = NewProfile['kind'];

interface Item extends vscode.QuickPickItem {
	readonly value: string;
}

interface InputStep {
	readonly kind: 'input';
	readonly key: string;
	readonly prompt: string;
	readonly placeholder?: string;
	readonly password?: boolean;
	readonly validate: (value: string, answers: Answers) => FormatCheck;
	readonly when?: (answers: Answers) => boolean;
}

interface PickStep {
	readonly kind: 'pick';
	readonly key: string;
	readonly placeholder: string;
	readonly items: (answers: Answers) => Item[];
	/** Typed text that matches no item is taken as it is, with this check's warning shown on it. */
	readonly freeText?: (value: string) => FormatCheck;
	readonly when?: (answers: Answers) => boolean;
}

type Step = InputStep | PickStep;

const ok: FormatCheck = { level: 'ok' };
const fromValidation = (validation: { ok: true } | { ok: false; message: string }): FormatCheck =>
	validation.ok ? ok : { level: 'error', message: validation.message };
const plainValue = (key: string) => (value: string) => fromValidation(validateProperty(key, value));
/** The first error of the checks, else their first warning. */
const both = (...checks: ((value: string) => FormatCheck)[]) => (value: string): FormatCheck => {
	const results = checks.map((check) => check(value));
	return results.find((result) => result.level === 'error') ?? results.find((result) => result.level === 'warning') ?? ok;
};

const credentialSources: readonly CredentialSource[] = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];
const newSession = '$new';

/**
 * "Add AWS Profile": asks the kind first, then what that kind needs, with Back on every step and live
 * validation, and returns the profile to write (or undefined when the user gives up). Writing is the
 * caller's job, through the engine's safe edit.
 */
export class AddProfileWizard {
	constructor(private readonly prompts: Prompts, private readonly snapshot: ProfileSnapshot) { }

	async run(initialName?: string): Promise<NewProfile | undefined> {
		const kind = await this.prompts.pickStep<Item>({
			// The total depends on the kind, not known yet: VS Code then shows the step alone, not "1/1".
			title: 'Add AWS Profile', step: 1, totalSteps: undefined, placeholder: 'How does this profile get credentials?',
			// QuickPick details are plain text: no Markdown, so no backticks.
			items: [
				{ label: '$(key) Access keys', detail: 'An IAM user\'s access key ID and secret, as aws configure writes them.', value: 'static' },
				{ label: '$(link) Assume a role', detail: 'A role assumed with another profile\'s credentials or the environment\'s.', value: 'assume-role' },
				{ label: '$(organization) IAM Identity Center (SSO)', detail: 'Sign in through your organization\'s AWS access portal.', value: 'sso' },
				{ label: '$(terminal) credential_process', detail: 'A program that prints credentials (aws-vault, granted, 1Password...).', value: 'credential-process' },
			],
		});
		if (kind === undefined || kind === back) {
			return undefined;
		}
		const answers = await this.ask(kind.value as Kind, this.stepsFor(kind.value as Kind), initialName);
		return answers && toProfile(kind.value as Kind, answers);
	}

	private async ask(kind: Kind, steps: readonly Step[], initialName?: string): Promise<Answers | undefined> {
		const answers: Answers = { ...(initialName ? { name: initialName } : {}), ...(kind === 'sso' ? { scopes: 'sso:account:access' } : {}) };
		// What each input shows when asked again: the answer, or the text typed before Back (a secret too).
		const shown: Answers = { ...answers };
		let index = 0;
		while (index < steps.length) {
			const step = steps[index];
			if (step.when && !step.when(answers)) {
				index++;
				continue;
			}
			// Numbered among all the kind's steps, so the total never changes; a step that does not apply is skipped over.
			const info = { title: `Add AWS Profile: ${kindTitles[kind]}`, step: index + 2, totalSteps: steps.length + 1 };
			const answer = step.kind === 'input'
				? await this.prompts.inputStep({
					...info, prompt: step.prompt, placeholder: step.placeholder, password: step.password, value: shown[step.key],
					validate: (value) => step.validate(value, answers), onBack: (typed) => { shown[step.key] = typed; },
				})
				: await this.askPick(step, info, answers);
			if (answer === undefined) {
				return undefined;
			}
			if (answer === back) {
				index = previousIndex(steps, index, answers);
				if (index < 0) {
					return undefined;
				}
				continue;
			}
			answers[step.key] = answer;
			shown[step.key] = answer;
			index++;
		}
		return answers;
	}

	private async askPick(step: PickStep, info: { title: string; step: number; totalSteps: number }, answers: Answers): Promise<string | typeof back | undefined> {
		const check = step.freeText;
		const picked = await this.prompts.pickStep<Item>({
			...info,
			placeholder: step.placeholder,
			items: step.items(answers),
			freeText: check ? (text) => freeTextItem(text, check(text)) : undefined,
			// Usable as typed (a known region, or one that only warns, as a region newer than this list): it wins.
			isValue: check ? (text) => check(text).level !== 'error' : undefined,
		});
		return picked === undefined || picked === back ? picked : picked.value;
	}

	private stepsFor(kind: Kind): Step[] {
		const name: Step = {
			kind: 'input', key: 'name', prompt: 'A name for the profile, e.g. client-1-dev', placeholder: 'profile name',
			validate: (value) => {
				const valid = validateWrittenProfileName(value);
				if (!valid.ok) {
					return { level: 'error', message: valid.message };
				}
				return this.snapshot.model.profiles.has(value) ? { level: 'error', message: `A profile named '${value}' already exists.` } : ok;
			},
		};
		const region: Step = { kind: 'pick', key: 'region', placeholder: 'Default region for this profile (type any region name)', items: () => this.regionItems(), freeText: checkRegionName };
		switch (kind) {
			case 'static': return [
				name,
				{ kind: 'input', key: 'accessKeyId', prompt: 'Access key ID (from IAM > Users > Security credentials)', placeholder: 'AKIA...', validate: checkAccessKeyId },
				{ kind: 'input', key: 'secretAccessKey', prompt: 'Secret access key (shown once, when the key was created)', password: true, validate: checkSecretAccessKey },
				// Asked only for temporary (ASIA) keys: long-term (AKIA) keys have no session token.
				{ kind: 'input', key: 'sessionToken', prompt: 'Session token (temporary ASIA... keys come with one)', password: true, when: (a) => a.accessKeyId?.startsWith('ASIA') ?? false, validate: (value, answers) => both(plainValue('aws_session_token'), (v) => checkSessionToken(answers.accessKeyId ?? '', v))(value) },
				region,
				{ kind: 'pick', key: 'output', placeholder: 'Output format of the AWS CLI (optional)', items: () => ['', 'json', 'yaml', 'text', 'table'].map((value) => ({ label: value || '(none)', value })) },
			];
			case 'assume-role': return [
				name,
				{ kind: 'input', key: 'roleArn', prompt: 'ARN of the role to assume', placeholder: 'arn:aws:iam::123456789012:role/Deploy', validate: checkRoleArn },
				{ kind: 'pick', key: 'source', placeholder: 'Whose credentials assume the role?', items: () => this.sourceItems() },
				{ kind: 'input', key: 'mfaSerial', prompt: 'MFA device ARN, if the role requires MFA (optional)', validate: checkMfaSerial },
				{ kind: 'input', key: 'externalId', prompt: 'External ID, if the role\'s trust policy asks for one (optional)', validate: plainValue('external_id') },
				{ kind: 'input', key: 'roleSessionName', prompt: 'Role session name (optional)', validate: both(plainValue('role_session_name'), checkRoleSessionName) },
				{ kind: 'input', key: 'durationSeconds', prompt: 'Session duration in seconds, 900 to 43200 (optional; default 3600)', validate: checkDurationSeconds },
				region,
			];
			case 'sso': return [
				name,
				{ kind: 'pick', key: 'session', placeholder: 'Which sso-session (your organization\'s AWS access portal)?', items: () => this.sessionItems() },
				{ kind: 'input', key: 'sessionName', prompt: 'A name for the new sso-session, e.g. my-company', when: (a) => a.session === newSession, validate: (value) => this.newSessionName(value) },
				{ kind: 'input', key: 'startUrl', prompt: 'The start URL of your AWS access portal', placeholder: 'https://my-company.awsapps.com/start', when: (a) => a.session === newSession, validate: checkStartUrl },
				{ kind: 'pick', key: 'ssoRegion', placeholder: 'The region of IAM Identity Center', when: (a) => a.session === newSession, items: () => this.regionItems().filter((item) => item.value !== ''), freeText: checkRegionName },
				{ kind: 'input', key: 'scopes', prompt: 'Registration scopes, separated by commas', placeholder: 'sso:account:access', when: (a) => a.session === newSession, validate: both(plainValue('sso_registration_scopes'), checkRegistrationScopes) },
				{ kind: 'input', key: 'accountId', prompt: 'AWS account ID to sign in to', placeholder: '123456789012', validate: checkAccountId },
				{ kind: 'input', key: 'roleName', prompt: 'Permission set (role) name in that account', placeholder: 'ReadOnlyAccess', validate: (value) => value === '' ? { level: 'error', message: 'The role name is required.' } : plainValue('sso_role_name')(value) },
				region,
			];
			case 'credential-process': return [
				name,
				{ kind: 'input', key: 'command', prompt: 'The command that prints credentials as JSON', placeholder: 'aws-vault export --format=json my-profile', validate: (value) => value === '' ? { level: 'error', message: 'The command is required.' } : plainValue('credential_process')(value) },
				region,
			];
		}
	}

	private regionItems(): Item[] {
		const current = this.snapshot.model.profiles.get('default')?.region ?? process.env.AWS_REGION;
		const regions = [...knownRegions].filter((region) => !region.includes('global')).sort();
		const first = current && regions.includes(current) ? [current] : [];
		return [
			...first.map((value) => ({ label: value, description: 'current default', value })),
			...regions.filter((value) => value !== current).map((value) => ({ label: value, value })),
			{ label: '(no region)', description: 'decide per command', value: '' },
		];
	}

	private sourceItems(): Item[] {
		// Only profiles that can give credentials: a config-only one would fail the role at its first call.
		const profiles = [...this.snapshot.model.profiles].filter(([, entry]) => givesCredentials(entry.kind)).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
		return [
			...profiles.map(([value, entry]) => ({ label: `$(cloud) ${value}`, description: `source profile (${kindLabel(entry.kind)})`, value })),
			...credentialSources.map((value) => ({ label: `$(server) ${value}`, description: 'credential source', value: `$source:${value}` })),
		];
	}

	private sessionItems(): Item[] {
		return [
			...[...this.snapshot.model.ssoSessions.keys()].sort().map((value) => ({ label: `$(organization) ${value}`, value })),
			{ label: '$(add) New sso-session...', value: newSession },
		];
	}

	private newSessionName(value: string): FormatCheck {
		const valid = validateSsoSessionName(value);
		if (!valid.ok) {
			return { level: 'error', message: valid.message };
		}
		return this.snapshot.model.ssoSessions.has(value) ? { level: 'error', message: `An sso-session named '${value}' already exists.` } : ok;
	}
}

const kindTitles: Record<Kind, string> = {
	'static': 'access keys',
	'assume-role': 'assume a role',
	'sso': 'IAM Identity Center',
	'credential-process': 'credential_process',
};

/** A typed value offered as an item, with the check's warning under it. */
function freeTextItem(text: string, check: FormatCheck): Item {
	return { label: text, description: 'use this value', ...(check.level === 'ok' ? {} : { detail: `$(warning) ${check.message}` }), value: text };
}

/** The step before `index` that applies to these answers (skipped steps are skipped going back too). */
function previousIndex(steps: readonly Step[], index: number, answers: Answers): number {
	let previous = index - 1;
	while (previous >= 0 && steps[previous].when && !steps[previous].when!(answers)) {
		previous--;
	}
	return previous;
}

function toProfile(kind: Kind, a: Answers): NewProfile {
	const common = { name: a.name, ...(a.region ? { region: a.region } : {}), ...(a.output ? { output: a.output } : {}) };
	switch (kind) {
		case 'static':
			return { ...common, kind, accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey, ...(a.sessionToken ? { sessionToken: a.sessionToken } : {}) };
		case 'assume-role':
			return {
				...common, kind, roleArn: a.roleArn,
				source: a.source.startsWith('$source:') ? { credentialSource: a.source.slice('$source:'.length) as CredentialSource } : { sourceProfile: a.source },
				...(a.mfaSerial ? { mfaSerial: a.mfaSerial } : {}),
				...(a.externalId ? { externalId: a.externalId } : {}),
				...(a.roleSessionName ? { roleSessionName: a.roleSessionName } : {}),
				...(a.durationSeconds ? { durationSeconds: Number(a.durationSeconds) } : {}),
			};
		case 'sso':
			return {
				...common, kind, accountId: a.accountId, roleName: a.roleName,
				session: a.session === newSession
					? { name: a.sessionName, startUrl: a.startUrl, region: a.ssoRegion, ...(a.scopes ? { scopes: a.scopes } : {}) }
					: { name: a.session },
			};
		case 'credential-process':
			return { ...common, kind, command: a.command };
	}
}
