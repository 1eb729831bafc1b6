/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What a person is told about a profile (tree tooltip, status-bar tooltip, hover), as Markdown. Pure, so the
// rule "never a secret" is tested here once: every value and name shown goes through secretMasking.ts
// (displayValue, displayName, maskSecretsIn), since a secret pasted under the wrong key or as a name is
// still a secret.

import { expiryStatus, Expiry } from '../model/expiry';
import { kindLabel, lacksSessionToken } from './profileDisplay';
import type { StaticKeysKind } from '../model/profileKind';
import type { ProfileEntry } from '../model/profileModel';
import type { RoleChain, RoleChainResult } from '../model/roleChain';
import { describeChainError } from '../model/roleChain';
import { displayName, displayValue, maskSecretsIn } from './secretMasking';

/** What verification found, when the user verified the profile (the AWS layer fills it in). */
export interface VerificationSummary {
	readonly ok: boolean;
	/** When the verification ran, ms since the epoch. */
	readonly at: number;
	readonly account?: string;
	readonly arn?: string;
	/** One line: the result, or the plain advice for the failure. */
	readonly message: string;
	/** How many things verification found to fix (root keys, AdministratorAccess, an old key...). */
	readonly warnings?: number;
	/** The credentials are the account root user's. */
	readonly rootUser?: boolean;
	/** What verification could not find out, in a sentence each (IAM refused to show the keys and policies). */
	readonly notes?: readonly string[];
}

export interface SummaryContext {
	readonly now: number;
	readonly active: boolean;
	readonly verification?: VerificationSummary;
}

/** Escapes the characters Markdown would read as formatting: names and values are shown as written. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

export function profileSummary(entry: ProfileEntry, context: SummaryContext): string {
	const lines: string[] = [];
	lines.push(`**${escapeMarkdown(displayName(entry.name))}**${context.active ? ' (active)' : ''} · ${kindLabel(entry.kind)}`);
	lines.push('');
	const facts: string[] = [];
	if (entry.region) {
		facts.push(`Region: ${escapeMarkdown(displayValue('region', entry.region))}`);
	}
	facts.push(...kindFacts(entry));
	if (entry.expiry) {
		facts.push(expiryLine(entry.expiry, context.now));
	}
	if (context.verification) {
		facts.push(verificationLine(context.verification, context.now));
	}
	lines.push(...facts.map((fact) => `- ${fact}`));
	if (entry.chain) {
		lines.push('', chainLine(entry.chain));
	}
	lines.push('', 'Defined in:', ...definitionLines(entry));
	return lines.join('\n');
}

function kindFacts(entry: ProfileEntry): string[] {
	const { kind } = entry;
	switch (kind.kind) {
		case 'static-keys':
			return [`Access key: \`${kind.maskedAccessKeyId}\` (${keysTerm(kind)})`];
		case 'assume-role':
			return [`Role: ${code(displayValue('role_arn', kind.roleArn))}`, kind.source.kind === 'source-profile'
				? `Source profile: ${escapeMarkdown(displayName(kind.source.profile))}`
				: `Credential source: ${escapeMarkdown(displayValue('credential_source', kind.source.name))}`,
			...(kind.mfaSerial ? ['Asks for an MFA code'] : [])];
		case 'web-identity':
			return [`Role: ${code(displayValue('role_arn', kind.roleArn))} with a web identity token`];
		case 'credential-process':
			return [`Runs ${code(displayValue('credential_process', kind.program))} for credentials`];
		case 'sso':
			return [
				kind.token.kind === 'sso-session' ? `SSO session: ${escapeMarkdown(displayName(kind.token.session))}` : 'SSO (legacy settings in the profile)',
				...(kind.accountId ? [`Account: ${escapeMarkdown(displayValue('sso_account_id', kind.accountId))}`] : []),
				...(kind.roleName ? [`Role name: ${escapeMarkdown(displayValue('sso_role_name', kind.roleName))}`] : []),
			];
		case 'login-session':
			return [`Login session: ${escapeMarkdown(displayName(kind.session))}`];
		case 'none':
			return ['No credentials: settings only'];
	}
}

function expiryLine(expiry: Expiry, now: number): string {
	if (expiry.state === 'no-token') {
		return expiry.source.kind === 'login-cache' ? 'Not signed in (no cached `aws login` session)' : 'Not signed in (no cached SSO token)';
	}
	if (expiry.state === 'unreadable') {
		return `Expiry unknown: ${maskSecretsIn(expiry.reason)}`;
	}
	const when = new Date(expiry.expiresAt).toISOString();
	switch (expiryStatus(expiry, now)) {
		case 'expired':
			return `**Expired** ${relative(expiry.expiresAt - now)} (${when})`;
		case 'refreshable':
			return `Token expired ${relative(expiry.expiresAt - now)}; the SDK refreshes it on next use`;
		case 'expiring-soon':
			return `Expires ${relative(expiry.expiresAt - now)} (${when})`;
		default:
			return `Expires ${relative(expiry.expiresAt - now)} (${when})`;
	}
}

function verificationLine(verification: VerificationSummary, now: number): string {
	const when = relative(verification.at - now);
	return verification.ok
		? `Verified ${when}: ${verification.account ? `account ${verification.account}` : ''}${verification.arn ? `, \`${verification.arn}\`` : ''}${verification.warnings ? ` (${verification.warnings} warning${verification.warnings > 1 ? 's' : ''}, see the log)` : ''}${(verification.notes ?? []).map((note, index) => `${index === 0 ? '.' : ''} ${escapeMarkdown(maskSecretsIn(note))}`).join('')}`
		: `Verification failed ${when}: ${escapeMarkdown(maskSecretsIn(verification.message))}`;
}

function chainLine(chain: RoleChainResult): string {
	if (!chain.ok) {
		return `Role chain is broken: ${escapeMarkdown(maskSecretsIn(describeChainError(chain.error)))}`;
	}
	return `Role chain: ${chainSteps(chain.chain).map((step) => escapeMarkdown(displayName(step))).join(' → ')}`;
}

/** The profiles a role's credentials pass through, from where the first credentials come to the role itself. */
export function chainSteps(chain: RoleChain): string[] {
	const steps = [chain.base.profile, ...chain.roles.map((role) => role.profile)];
	return steps.filter((step, i) => i === 0 || step !== steps[i - 1]);
}

/**
 * Where a role's credentials come from, the role itself left out: the role's children in the Profiles view,
 * under the role's own node. Empty when the role is its own base (`credential_source`).
 */
export function sourceSteps(chain: RoleChain): string[] {
	return chainSteps(chain).slice(0, -1);
}

/** Keys whose value is never shown even though it is no credential: a command line can carry a password. */
const unshownKeys = new Set(['credential_process']);

function definitionLines(entry: ProfileEntry): string[] {
	const lines = entry.section.headers.map((header) => `- section: ${header.file}:${header.range.line + 1}`);
	for (const [key, definition] of entry.section.properties) {
		const shown = displayValue(key, definition.value);
		const safe = !unshownKeys.has(key) && shown === definition.value && !shown.includes('\n') && shown.length <= 80;
		const value = safe ? ` = ${shown}` : '';
		lines.push(`- \`${displayName(key)}${value.replace(/`/g, "'")}\` ${definition.file}:${definition.key.line + 1}`);
	}
	return lines;
}

/** Text as inline code; a backtick in it would end the code early, so it becomes a quote. */
function code(text: string): string {
	return `\`${text.replace(/`/g, "'")}\``;
}

/** `in 2 h`, `3 min ago`: coarse, as a tooltip needs. */
export function relative(deltaMs: number): string {
	const minutes = Math.round(Math.abs(deltaMs) / 60_000);
	const text = minutes < 1 ? 'less than a minute'
		: minutes < 120 ? `${minutes} min`
			: minutes < 48 * 60 ? `${Math.round(minutes / 60)} h`
				: `${Math.round(minutes / 1440)} days`;
	return deltaMs >= 0 ? `in ${text}` : `${text} ago`;
}

function keysTerm(kind: StaticKeysKind): string {
	if (kind.term === 'temporary') {
		return 'temporary, with a session token';
	}
	return lacksSessionToken(kind) ? 'temporary, but without its session token: AWS rejects it' : 'long-term';
}
