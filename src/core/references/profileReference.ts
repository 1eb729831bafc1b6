/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A place in a project file where a deploy tool is told which AWS profile to use: `provider.profile` in
// serverless.yml, `profile_name` in zappa_settings.json, `AWS_PROFILE=` in .env, `--profile` in an npm script...
// The files are read, never executed; a name that can only be known by running something (SSM, a JS file,
// an environment variable nobody set) is a reference that is `not-checked`, never a guess.
//
// Two ranges, because a name often travels: `provider.profile: ${self:custom.profiles.${sls:stage}}` reads
// the name written under `custom.profiles.prod`. `range` is what to underline (the literal where the name is
// written, when it is written in this file as one literal; otherwise the expression the tool reads), and
// `rename` is the literal to replace when the profile is renamed or a typo fixed, wherever it is.

import type { ParseLimit } from './parseLimits';
import type { TextRange } from '../text/textRange';

/** Which tool's file the reference is in. */
export type ReferenceFileKind =
	| 'serverless' | 'up' | 'zappa' | 'sam' | 'cdk' | 'terraform' | 'pulumi' | 'dotenv' | 'package-json';

/**
 * How the literal that holds the name is written, so a new name can be written in its place with the same
 * quoting (referenceEdits.ts). `embedded`: inside something else's syntax (a quoted fallback of a Serverless
 * variable within a YAML string, a word of a shell command within a JSON string), where only plain names
 * can be written safely.
 */
export type NameSyntax =
	| 'yaml-plain' | 'yaml-single-quoted' | 'yaml-double-quoted'
	| 'json-string'
	| 'toml-basic' | 'toml-literal'
	| 'hcl-string'
	| 'dotenv-unquoted' | 'dotenv-single-quoted' | 'dotenv-double-quoted'
	| 'js-single-quoted' | 'js-double-quoted' | 'js-template'
	| 'embedded';

/** The literal to replace to change the name: exactly the name's characters, inside any quotes. */
export interface RenameTarget {
	/** Set when the literal is in another file than the reference (a `.env` file Serverless loads). */
	readonly file?: string;
	readonly range: TextRange;
	readonly syntax: NameSyntax;
}

/** Why a reference's name cannot be known from the files alone. */
export type NotCheckedReason =
	/** `${ssm:...}`, `${s3:...}`, `${cf:...}`, `${aws:...}`, a v4 resolver: known only to AWS or another service. */
	| { readonly why: 'remote-source'; readonly source: string }
	/** `${file(./x.yml):...}`: another file, which may be code (never run). */
	| { readonly why: 'file-source'; readonly path: string }
	/** `${env:X}` with X not in the environment given (nor a `.env` file Serverless loads), and no fallback. */
	| { readonly why: 'env-unset'; readonly variable: string }
	/** `${opt:x}` with no fallback: given on the command line. */
	| { readonly why: 'cli-option'; readonly option: string }
	/** `${param:x}` not set in the file for the stage (Serverless Dashboard or `--param` may set it). */
	| { readonly why: 'param-not-found'; readonly param: string }
	/** A custom `provider.variableSyntax` (Serverless v1/v2): what is a variable is not ours to guess. */
	| { readonly why: 'custom-variable-syntax' }
	/** Terraform: `var.profile`, `local.x`, `"${...}"`. */
	| { readonly why: 'terraform-expression'; readonly expression: string }
	/** Terraform: `var.x` with no default and no value in the module's `terraform.tfvars` / `*.auto.tfvars`. */
	| { readonly why: 'terraform-variable'; readonly variable: string }
	/** Terraform: a value that is not HCL (`##AWS_PROFILE##`, `{{ profile }}`): a placeholder filled in before Terraform runs. */
	| { readonly why: 'terraform-invalid'; readonly text: string }
	/** A value computed by JavaScript or TypeScript code (serverless.js/.ts), which is never run. */
	| { readonly why: 'code' }
	/** A CloudFormation intrinsic function (`!Ref`, `!Sub`...): resolved by CloudFormation, not by the tool. */
	| { readonly why: 'cloudformation-function'; readonly tag: string }
	/** `$AWS_PROFILE` in a script or a `.env` value: expanded by the shell or dotenv-expand. */
	| { readonly why: 'shell-variable'; readonly expression: string }
	/** A Pulumi `secure:` value. */
	| { readonly why: 'encrypted' }
	/** A variable source or form we do not resolve (`${sls:instanceId}`, `${strToBool(...)}`, a plugin's). */
	| { readonly why: 'unsupported-variable'; readonly expression: string }
	/** The whole file was not read: it is over a limit of parseLimits.ts (too large, too deeply nested). */
	| { readonly why: 'file-limit'; readonly exceeded: ParseLimit };

/** Why a reference is wrong whatever the profiles are. */
export type ReferenceError =
	/** `${self:custom.profiles.prod}` when there is no such value (for that stage). */
	| { readonly code: 'self-path-not-found'; readonly path: string }
	/** The value is a map or a list, not a name. */
	| { readonly code: 'not-a-string'; readonly path?: string }
	/** Variables that refer to each other in a loop. */
	| { readonly code: 'variable-cycle'; readonly path: string }
	/** `${` without its `}`, an empty `${}`. */
	| { readonly code: 'invalid-variable'; readonly expression: string };

/** Something that works today but is fragile. */
export interface ReferenceWarning {
	/**
	 * `unquoted-fallback`: `${opt:stage, dev}`: Serverless v1/v2 read the bare word as a string, v3 rejects
	 * it (a string fallback must be quoted: `'dev'`).
	 */
	readonly code: 'unquoted-fallback';
	readonly word: string;
	readonly range: TextRange;
}

interface ReferenceBase {
	readonly kind: ReferenceFileKind;
	/** Where the tool reads it, for messages: `provider.profile`, `prod.profile_name`, `scripts.deploy`. */
	readonly key: string;
	/** What to underline: the literal the name is written in, or the expression the tool reads. */
	readonly range: TextRange;
	/** The expression the tool reads (`provider.profile`'s value), when `range` is elsewhere. */
	readonly expressionRange?: TextRange;
	/** The stages (Zappa stages, SAM environments, Pulumi stacks...) that use it; empty when it is the same for every stage. */
	readonly stages: readonly string[];
	readonly warnings: readonly ReferenceWarning[];
}

export interface ResolvedReference extends ReferenceBase {
	readonly status: 'resolved';
	/** The profile name, as the tool will look it up. */
	readonly name: string;
	/** Absent when the name is not written as one literal (`${self:service}-${sls:stage}`, an environment variable). */
	readonly rename?: RenameTarget;
	/** Terraform: the files the profile is read from instead of the usual ones, as written (terraform.ts). */
	readonly sharedFiles?: SharedFiles;
	/** Set when the name was read from the environment given (`FindOptions.env`), to say so in messages. */
	readonly environment?: EnvironmentUse;
}

/** `shared_credentials_files` / `shared_config_files` as written: absent, the usual file of that role. */
export interface SharedFiles {
	readonly credentials?: readonly string[];
	readonly config?: readonly string[];
}

/** The variables of the environment given that a name was read from, and what that environment is. */
export interface EnvironmentUse {
	readonly variables: readonly { readonly name: string; readonly value: string }[];
	/** `FindOptions.envSource`: "the CLI's environment", "the environment of new terminals". */
	readonly source?: string;
}

export interface NotCheckedReference extends ReferenceBase {
	readonly status: 'not-checked';
	readonly reason: NotCheckedReason;
}

export interface ErrorReference extends ReferenceBase {
	readonly status: 'error';
	readonly error: ReferenceError;
}

export type ProfileReference = ResolvedReference | NotCheckedReference | ErrorReference;

/** What a finder is given besides the text. */
export interface FindOptions {
	/**
	 * The environment `${env:X}` reads: the one the deploy will see (the CLI's own, the editor's new terminals').
	 * Empty by default: the finders never read the machine's environment themselves.
	 */
	readonly env?: Readonly<Record<string, string>>;
	/** What `env` is, for messages: "the CLI's environment". */
	readonly envSource?: string;
	/** `.env` files next to a Serverless file, which Serverless loads (see serverless.ts), by path. */
	readonly dotenvFiles?: readonly DotenvFileText[];
	/** Only this stage (as `--stage`); otherwise every stage the file declares. */
	readonly stage?: string;
	/** Terraform: the module's (the folder's) other `.tf` files and its `terraform.tfvars` / `*.auto.tfvars`, by path. */
	readonly moduleFiles?: readonly DotenvFileText[];
}

export interface DotenvFileText {
	/** The path (or name) of the file; its base name says its stage (`.env.prod`). */
	readonly file: string;
	readonly text: string;
}

/** An environment's set variables only (`process.env` may hold undefined values): what `${env:X}` reads. */
export function setVariables(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
	const variables: Record<string, string> = {};
	for (const [name, value] of Object.entries(env)) {
		if (value !== undefined) {
			variables[name] = value;
		}
	}
	return variables;
}
