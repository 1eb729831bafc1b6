/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The references of a project file checked against the profiles as the SDKs read them (the ProfileModel):
//   - a name no profile has: an error, naming the files searched, with the closest names and a fix that
//     writes one of them in the name's literal (wherever the name is written: custom.profiles.prod, a .env);
//   - a profile the tool that deploys cannot see, though the standard does (its reader drops the header
//     `[profile  ckl]`, or reads only the credentials file): a warning that names the tool, says why and links
//     to the header (toolVisibility.ts);
//   - a profile that cannot give credentials as it stands: its role chain is broken, it has no credentials at
//     all, its temporary keys or SSO token have expired: a warning;
//   - a reference whose expression is wrong whatever the profiles are (`${self:...}` to nowhere): an error;
//   - an unquoted fallback (`${opt:stage, dev}`): a warning, fixed by quoting it;
//   - a reference that cannot be checked by reading (`${ssm:...}`): a hint saying why;
//   - a file not read, over a limit (too large, too deeply nested): an info, so that it shows, never silence.
// Pure: the caller gives the model, the clock and the names of the files searched, and shows the findings.

import * as path from 'node:path';

import { expiryStatus } from '../model/expiry';
import type { ProfileEntry, ProfileModel } from '../model/profileModel';
import type { TextRange } from '../text/textRange';
import type { ChainError } from '../model/roleChain';
import { didYouMean } from '../lint/didYouMean';
import { displayName, displayValue, maskSecretsIn } from '../display/secretMasking';
import type { Finding, QuickFix } from '../findings/finding';
import type {
	ErrorReference, NotCheckedReason, NotCheckedReference, ProfileReference, ReferenceError, ReferenceFileKind,
	ReferenceWarning, ResolvedReference,
} from './profileReference';
import type { DeployToolReader } from './deployToolReader';
import { limitText } from './parseLimits';
import { ReferenceEdit, renameEdit } from './referenceEdits';
import { invisibility, ToolReadings } from './toolVisibility';
import type { SharedFilesLookup, SharedFilesModel } from './sharedFiles';
import type { Severity } from '../findings/severity';

export type ReferenceFindingCode =
	| 'missing-profile' | 'invisible-to-tool' | 'broken-profile' | 'invalid-reference' | 'unquoted-fallback' | 'not-checked' | 'file-not-checked';

/** A check of a reference is a rule of its own: `profile-reference/missing-profile`... */
export type ReferenceRuleId = `profile-reference/${ReferenceFindingCode}`;

/** The one finding type, its files named by path (the project file's own is `CheckOptions.file`), with the reference. */
export type ReferenceFinding = Finding<string> & {
	readonly ruleId: ReferenceRuleId;
	readonly reference: ProfileReference;
};

/** A finding as the checks below make it: its other places named as the finders name them (see `located`). */
interface Draft {
	readonly code: ReferenceFindingCode;
	readonly severity: Severity;
	readonly message: string;
	readonly range: TextRange;
	readonly reference: ProfileReference;
	/** `file` absent: the reference's own file. */
	readonly related?: readonly { readonly file?: string; readonly range: TextRange; readonly message: string }[];
	readonly fixes?: readonly DraftFix[];
	readonly notRead?: true;
}

type DraftFix =
	| { readonly kind: 'edits'; readonly title: string; readonly edits: readonly ReferenceEdit[]; readonly isPreferred?: boolean }
	| Extract<QuickFix<string>, { kind: 'action' }>;

export interface CheckOptions {
	/** The project file the references were found in, as its findings name it. */
	readonly file: string;
	/** The files the profiles were read from, as they should be named to the user (`~/.aws/config`). */
	readonly searchedFiles: readonly string[];
	/** For expiry; milliseconds since the epoch. */
	readonly now: number;
	/** A reference to a profile that does not exist: a warning unless the user wants it to fail a build. */
	readonly missingProfileSeverity?: 'warning' | 'error';
	/** The tool that deploys with this file and the reader it uses (deployToolReader.ts); absent: not checked. */
	readonly tool?: DeployToolReader;
	/** What the tools' readers see; absent: only the standard's reading (the model) is checked. */
	readonly readings?: ToolReadings;
	/** The AWS files by role, as related information names them (the header a tool cannot see). */
	readonly awsFiles?: { readonly config?: string; readonly credentials?: string };
	/** Terraform: the profiles of the files a block names (`shared_credentials_files`), read by the caller. */
	readonly sharedFiles?: SharedFilesLookup;
}

/**
 * The findings for the references of ONE file (their ranges are in it; an unquoted fallback shared by several
 * references is reported once).
 */
export function checkReferences(
	references: readonly ProfileReference[], model: ProfileModel, options: CheckOptions,
): ReferenceFinding[] {
	const findings: Draft[] = [];
	const warned = new Set<number>();
	for (const reference of references) {
		switch (reference.status) {
			case 'resolved':
				findings.push(...checkResolved(reference, model, options));
				break;
			case 'error':
				findings.push(invalidReference(reference));
				break;
			case 'not-checked':
				findings.push(notChecked(reference));
				break;
		}
		for (const warning of reference.warnings) {
			if (!warned.has(warning.range.offset)) {
				warned.add(warning.range.offset);
				findings.push(unquotedFallback(reference, warning));
			}
		}
	}
	return findings.map((finding) => located(finding, options.file));
}

/**
 * The finding in the one finding type, as it may be shown: every place named by its path (another file's
 * relative to the project file's folder), and its texts masked, since they quote names, paths and expressions
 * from the project file, any of which can be a pasted secret (the edits keep the real text).
 */
function located(draft: Draft, file: string): ReferenceFinding {
	const pathOf = (other: string | undefined) => other === undefined ? file : path.isAbsolute(other) ? other : path.join(path.dirname(file), other);
	const { code, related, fixes, ...rest } = draft;
	return {
		...rest,
		ruleId: `profile-reference/${code}`,
		file,
		message: maskSecretsIn(draft.message),
		...(related ? { related: related.map((place) => ({ file: pathOf(place.file), range: place.range, message: maskSecretsIn(place.message) })) } : {}),
		...(fixes ? { fixes: fixes.map((fix): QuickFix<string> => fix.kind === 'action' ? { ...fix, title: maskSecretsIn(fix.title) } : {
			...fix,
			title: maskSecretsIn(fix.title),
			edits: fix.edits.map((edit) => ({ file: pathOf(edit.file), edits: [edit.edit] })),
		}) } : {}),
	};
}

// ---- resolved names ----

function checkResolved(reference: ResolvedReference, usual: ProfileModel, options: CheckOptions): Draft[] {
	const shared = options.sharedFiles?.(reference);
	const model = shared?.model ?? usual;
	const entry = model.profiles.get(reference.name);
	if (!entry) {
		return [withUnread(missingProfile(reference, model, shared ? { ...options, searchedFiles: shared.searchedFiles } : options), shared)];
	}
	const invisible = options.tool && options.readings ? invisibleToTool(reference, entry, options.tool, options.readings, options.awsFiles) : undefined;
	if (invisible) {
		return [invisible];
	}
	const broken = brokenReason(entry, options.now);
	return broken === undefined ? [] : [withUnread({
		code: 'broken-profile', severity: 'warning', range: reference.range, reference, related: relatedOf(reference),
		message: `Profile ${quote(reference.name)}${stagesText(reference)}${environmentText(reference)} cannot give credentials as it stands: ${broken}.`,
	}, shared)];
}

/** A finding on a Terraform profile whose block names files: says which of them do not exist or were not read. */
function withUnread(finding: Draft, shared: SharedFilesModel | undefined): Draft {
	const unread = [
		...(shared?.missing ?? []).map((file) => `${file} does not exist`),
		...(shared?.notRead ?? []).map((file) => `${file} was not read (out of the project and home folders, or not a file)`),
	];
	return unread.length === 0 ? finding : { ...finding, message: `${finding.message} Named by the block: ${unread.join('; ')}.` };
}

function missingProfile(reference: ResolvedReference, model: ProfileModel, options: CheckOptions): Draft {
	const suggestions = didYouMean(reference.name, model.profiles.keys());
	const where = options.searchedFiles.length > 0 ? options.searchedFiles.join(' or ') : 'the AWS config and credentials files';
	const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(quote).join(', ')}?` : '';
	// A profile's keys are the user's to type: Add AWS Profile asks for them.
	const fixes: DraftFix[] = [{ kind: 'action', title: `Add AWS Profile ${quote(displayName(reference.name))}...`, action: { kind: 'add-profile', name: reference.name } }];
	for (const suggestion of suggestions) {
		const edit = renameEdit(reference, suggestion);
		if (edit) {
			fixes.push({ kind: 'edits', title: `Change to ${quote(suggestion)}`, edits: [edit], isPreferred: fixes.length === 1 && suggestions.length === 1 });
		}
	}
	return {
		code: 'missing-profile', severity: options.missingProfileSeverity ?? 'warning', range: reference.range, reference, related: relatedOf(reference),
		message: `Profile ${quote(reference.name)}${stagesText(reference)}${environmentText(reference)} is not defined in ${where}.${hint}`,
		fixes,
	};
}

/** The tool's reader does not see the profile the standard sees: said on the reference, with the header as related. */
function invisibleToTool(
	reference: ResolvedReference, entry: ProfileEntry, tool: DeployToolReader, readings: ToolReadings, awsFiles: CheckOptions['awsFiles'],
): Draft | undefined {
	const found = invisibility(entry, tool.reader, readings);
	if (!found) {
		return undefined;
	}
	const header = { file: awsFiles?.[found.header.file] ?? `~/.aws/${found.header.file}`, range: found.header.range, message: `The header ${tool.tool} does not read as profile ${quote(reference.name)}.` };
	return {
		code: 'invisible-to-tool', severity: 'warning', range: reference.range, reference, related: [...relatedOf(reference) ?? [], header],
		message: `${tool.tool} ${found.why}: profile ${quote(reference.name)}${stagesText(reference)} does not exist for it.`,
	};
}

/** Why a defined profile cannot give credentials, when the files (and the SSO cache read) tell. */
function brokenReason(entry: ProfileEntry, now: number): string | undefined {
	if (entry.kind.kind === 'none') {
		return 'it has no credentials (no keys, role, SSO, web identity or credential process)';
	}
	if (entry.chain && !entry.chain.ok) {
		return `its role chain is broken: ${chainErrorText(entry.chain.error)}`;
	}
	if (!entry.expiry) {
		return undefined;
	}
	const status = expiryStatus(entry.expiry, now);
	if (status === 'expired' && entry.expiry.state === 'known') {
		return entry.kind.kind === 'sso'
			? `its SSO token expired at ${iso(entry.expiry.expiresAt)}: log in again (aws sso login)`
			: `its temporary credentials expired at ${iso(entry.expiry.expiresAt)}`;
	}
	return status === 'no-token' ? 'it has no SSO token: log in first (aws sso login)' : undefined;
}

function chainErrorText(error: ChainError): string {
	switch (error.code) {
		case 'missing-profile':
			return `profile ${quote(error.profile)} does not exist`;
		case 'cycle':
			return `source_profile loops (${[...error.profiles, error.next].map(quote).join(' -> ')})`;
		case 'role-without-source':
			return `${quote(error.profile)} has role_arn but no source_profile or credential_source`;
		case 'conflicting-role-sources':
			return `${quote(error.profile)} has both source_profile and credential_source`;
		case 'no-credentials':
			return `${quote(error.profile)} has no credentials to assume the role with`;
		case 'partial-static-keys':
			return `${quote(error.profile)} lacks ${error.missing}`;
		case 'sso-session-not-found':
			return `sso-session ${quote(error.session)} does not exist`;
		default:
			return `${error.code.replace(/-/g, ' ')}`;
	}
}

// ---- wrong expressions, warnings, not-checked ----

function invalidReference(reference: ErrorReference): Draft {
	return {
		code: 'invalid-reference', severity: 'error', range: reference.range, reference,
		message: `${errorText(reference.error)}${stagesText(reference)}: ${toolName(reference.kind)} will stop there.`,
	};
}

function errorText(error: ReferenceError): string {
	switch (error.code) {
		case 'self-path-not-found':
			return `Nothing is set at ${quote(error.path)}`;
		case 'not-a-string':
			return error.path ? `${quote(error.path)} is a map or a list, not a profile name` : 'This is not a profile name';
		case 'variable-cycle':
			return `These variables refer to each other in a loop (${error.path})`;
		case 'invalid-variable':
			return `This variable is not complete (${error.expression})`;
	}
}

function unquotedFallback(reference: ProfileReference, warning: ReferenceWarning): Draft {
	const quoted = `'${warning.word.replace(/'/g, '\'\'')}'`;
	const finding: Draft = {
		code: 'unquoted-fallback', severity: 'warning', range: warning.range, reference,
		message: `The fallback ${warning.word} is not quoted: Serverless v1 and v2 read it as a string, v3 and later refuse it. Write ${quoted}.`,
	};
	if (warning.range.length !== warning.word.length || warning.word.includes('\'')) {
		return finding;
	}
	return {
		...finding,
		fixes: [{ kind: 'edits', title: `Quote it: ${quoted}`, isPreferred: true, edits: [{ edit: { offset: warning.range.offset, length: warning.range.length, content: quoted } }] }],
	};
}

function notChecked(reference: NotCheckedReference): Draft {
	if (reference.reason.why === 'file-limit') {
		return {
			code: 'file-not-checked', severity: 'info', range: reference.range, reference,
			message: `Not checked: ${limitText(reference.reason.exceeded)}. No profile reference in this file was read.`,
		};
	}
	return {
		code: 'not-checked', severity: 'hint', range: reference.range, reference, notRead: true,
		message: `The profile${stagesText(reference)} is not checked: ${reasonText(reference.reason)}.`,
	};
}

function reasonText(reason: NotCheckedReason): string {
	switch (reason.why) {
		case 'remote-source':
			return `it comes from \${${reason.source}:...}, known only when deploying`;
		case 'file-source':
			return `it comes from another file (${reason.path}), which is not read`;
		case 'env-unset':
			return `it comes from the environment variable ${reason.variable}, which is not set here`;
		case 'cli-option':
			return `it comes from the command line (--${reason.option})`;
		case 'param-not-found':
			return `the parameter ${reason.param} is not set in this file (Serverless Dashboard or --param may set it)`;
		case 'custom-variable-syntax':
			return 'this file sets its own provider.variableSyntax';
		case 'terraform-expression':
			return `it is computed by Terraform (${reason.expression})`;
		case 'terraform-variable':
			return `var.${reason.variable} has no default and no value in this module's terraform.tfvars or *.auto.tfvars (it is given with -var, TF_VAR_${reason.variable} or at the prompt)`;
		case 'terraform-invalid':
			return `the value is not valid HCL (${reason.text.length > 60 ? `${reason.text.slice(0, 57)}...` : reason.text}): a placeholder filled in before Terraform runs?`;
		case 'code':
			return 'it is computed by code, which is never run';
		case 'cloudformation-function':
			return `it is a CloudFormation function (${reason.tag})`;
		case 'shell-variable':
			return `it is expanded by the shell (${reason.expression})`;
		case 'encrypted':
			return 'the value is encrypted';
		case 'unsupported-variable':
			return `this variable is not resolved by reading (${reason.expression})`;
		case 'file-limit':
			return `the file is ${limitText(reason.exceeded)}`;
	}
}

// ---- words ----

function relatedOf(reference: ResolvedReference): Draft['related'] {
	const related: NonNullable<Draft['related']>[number][] = [];
	if (reference.expressionRange) {
		related.push({ range: reference.expressionRange, message: `Used by ${reference.key}.` });
	}
	if (reference.rename?.file !== undefined) {
		related.push({ file: reference.rename.file, range: reference.rename.range, message: 'The name is written here.' });
	}
	return related.length > 0 ? related : undefined;
}

/** ` (with AWS_PROFILE=work from the CLI's environment)`: the name was read from the environment given. */
export function environmentText(reference: ProfileReference): string {
	if (reference.status !== 'resolved' || !reference.environment) {
		return '';
	}
	const assignments = reference.environment.variables.map((variable) => `${variable.name}=${displayValue(variable.name, variable.value)}`);
	const source = reference.environment.source === undefined ? '' : ` from ${reference.environment.source}`;
	return ` (with ${assignments.join(', ')}${source})`;
}

const stageWords: Partial<Record<ReferenceFileKind, string>> = { sam: 'environment', pulumi: 'stack' };

function stagesText(reference: ProfileReference): string {
	if (reference.stages.length === 0) {
		return '';
	}
	const word = stageWords[reference.kind] ?? 'stage';
	return ` (${word}${reference.stages.length > 1 ? 's' : ''} ${reference.stages.join(', ')})`;
}

const toolNames: Record<ReferenceFileKind, string> = {
	'serverless': 'Serverless', 'up': 'Up', 'zappa': 'Zappa', 'sam': 'SAM', 'cdk': 'CDK', 'terraform': 'Terraform',
	'pulumi': 'Pulumi', 'dotenv': 'The tool', 'package-json': 'The command',
};

function toolName(kind: ReferenceFileKind): string {
	return toolNames[kind];
}

function quote(name: string): string {
	return `'${name}'`;
}

function iso(epochMs: number): string {
	return new Date(epochMs).toISOString();
}
