/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// "Copy as Environment Variables": a profile's credentials as the lines a shell runs to set them, the
// variables every AWS SDK and the AWS CLI read (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
// AWS_REGION, AWS_CREDENTIAL_EXPIRATION). Pure: the credentials come from the file (static keys) or from
// the AWS layer (roles, SSO, credential_process). Every value is quoted so the shell takes it as written;
// a value a shell cannot quote is refused, naming the variable and never the value.

import { Keys, valueOf } from '../model/profileKeys';
import type { ProfileEntry } from '../model/profileModel';

export type ShellForm = 'posix' | 'powershell' | 'cmd';
export type ShellSetting = 'auto' | ShellForm;

export interface EnvironmentCredentials {
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
	readonly sessionToken?: string;
	readonly region?: string;
	/** When the credentials stop working, ms since the epoch. */
	readonly expiration?: number;
}

export interface EnvironmentVariable {
	readonly name: string;
	readonly value: string;
}

export type EnvironmentExport =
	| { readonly ok: true; readonly text: string; readonly names: readonly string[] }
	| { readonly ok: false; readonly reason: string };

/** The shell the lines are for: the setting, or by the platform (PowerShell on Windows, a POSIX shell elsewhere). */
export function shellFormOf(setting: string | undefined, platform: NodeJS.Platform): ShellForm {
	if (setting === 'posix' || setting === 'powershell' || setting === 'cmd') {
		return setting;
	}
	return platform === 'win32' ? 'powershell' : 'posix';
}

export function shellFormTitle(shell: ShellForm): string {
	return shell === 'posix' ? 'POSIX shell (export)' : shell === 'powershell' ? 'PowerShell ($Env:)' : 'Command Prompt (set)';
}

/**
 * The keys written in the profile itself (a static-keys profile), with its region and the expiry a tool
 * wrote beside temporary keys; undefined when the profile gets its credentials some other way.
 */
export function credentialsInFile(entry: ProfileEntry): EnvironmentCredentials | undefined {
	if (entry.kind.kind !== 'static-keys') {
		return undefined;
	}
	const accessKeyId = valueOf(entry.section, Keys.accessKeyId);
	const secretAccessKey = valueOf(entry.section, Keys.secretAccessKey);
	if (accessKeyId === undefined || secretAccessKey === undefined) {
		return undefined;
	}
	const sessionToken = valueOf(entry.section, Keys.sessionToken);
	return {
		accessKeyId,
		secretAccessKey,
		...(sessionToken ? { sessionToken } : {}),
		...(entry.region ? { region: entry.region } : {}),
		...(entry.expiry?.state === 'known' ? { expiration: entry.expiry.expiresAt } : {}),
	};
}

/** The variables, in the order they are written; the optional ones only when known. */
export function credentialVariables(credentials: EnvironmentCredentials): EnvironmentVariable[] {
	const variables: EnvironmentVariable[] = [
		{ name: 'AWS_ACCESS_KEY_ID', value: credentials.accessKeyId },
		{ name: 'AWS_SECRET_ACCESS_KEY', value: credentials.secretAccessKey },
	];
	if (credentials.sessionToken) {
		variables.push({ name: 'AWS_SESSION_TOKEN', value: credentials.sessionToken });
	}
	if (credentials.region) {
		variables.push({ name: 'AWS_REGION', value: credentials.region });
	}
	if (credentials.expiration !== undefined && Number.isFinite(credentials.expiration)) {
		variables.push({ name: 'AWS_CREDENTIAL_EXPIRATION', value: new Date(credentials.expiration).toISOString() });
	}
	return variables;
}

/** The lines that set the variables in `shell`, one a line, each value quoted for it. */
export function environmentExport(variables: readonly EnvironmentVariable[], shell: ShellForm): EnvironmentExport {
	const lines: string[] = [];
	for (const { name, value } of variables) {
		const line = assignment(name, value, shell);
		if (line === undefined) {
			return { ok: false, reason: `${name} holds a character that ${shellFormTitle(shell)} cannot take in a quoted value` };
		}
		lines.push(line);
	}
	return { ok: true, text: lines.map((line) => `${line}\n`).join(''), names: variables.map((variable) => variable.name) };
}

/** Characters no credential has and a pasted line must not carry: line breaks would run as commands. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for.
const controlCharacters = /[\u0000-\u001f\u007f\u2028\u2029]/;

function assignment(name: string, value: string, shell: ShellForm): string | undefined {
	if (controlCharacters.test(value)) {
		return undefined;
	}
	switch (shell) {
		case 'posix':
			// Nothing is special inside single quotes; a quote itself ends them, is escaped, and they start again.
			return `export ${name}='${value.replace(/'/g, `'\\''`)}'`;
		case 'powershell':
			// Inside single quotes PowerShell expands nothing; a quote is written twice. Its typographic quotes
			// count as quotes too.
			return `$Env:${name} = '${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
		case 'cmd':
			// `set "NAME=value"` keeps & | < > ^ as text; cmd has no quoting for %, ! (delayed expansion) or ".
			return /[%!"]/.test(value) ? undefined : `set "${name}=${value}"`;
	}
}
