/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Which files hold profile references, by name alone: the files each resolver claims. Kept apart from the
// resolvers and the parsers they load, so that the editor can tell a project file from any other without
// loading them (they are in the lazily loaded checks bundle; this module is not).

import { basename, extname } from 'node:path';
import type { ReferenceFileKind } from './profileReference';

const serverlessFile = /^serverless\.(ya?ml|json|js|cjs|mjs|ts)$/;
const zappaFile = /^zappa_settings\.(json|ya?ml|toml)$/;
const samFile = /^samconfig\.(toml|ya?ml)$/;
const pulumiStackFile = /^Pulumi\.(.+)\.ya?ml$/;
/** `.env.<suffix>` files that hold examples, not settings. */
const placeholderSuffixes: ReadonlySet<string> = new Set(['example', 'sample', 'template', 'dist', 'schema']);

export function isServerlessFile(fileName: string): boolean {
	return serverlessFile.test(basename(fileName));
}

export function isZappaFile(fileName: string): boolean {
	return zappaFile.test(basename(fileName));
}

export function isSamFile(fileName: string): boolean {
	return samFile.test(basename(fileName));
}

export function isTerraformFile(fileName: string): boolean {
	return extname(fileName) === '.tf';
}

/** The files of a module Terraform reads besides its `.tf` files: variable values. */
export function isTerraformVariablesFile(fileName: string): boolean {
	const name = basename(fileName);
	return name === 'terraform.tfvars' || name.endsWith('.auto.tfvars');
}

/** A Pulumi stack's settings, `Pulumi.<stack>.yaml`; the stack's name, if it is one. */
export function pulumiStackOf(fileName: string): string | undefined {
	return pulumiStackFile.exec(basename(fileName))?.[1];
}

/** `.env`, `.env.prod`, `.env.prod.local`, but not `.env.example` and its kind. */
export function isDotenvFile(fileName: string): boolean {
	const name = basename(fileName);
	if (name === '.env') {
		return true;
	}
	if (!name.startsWith('.env.')) {
		return false;
	}
	const parts = name.slice(5).split('.');
	return parts.every((part) => part !== '') && !parts.some((part) => placeholderSuffixes.has(part));
}

/** What files each kind claims; a name is claimed by one kind at most. */
const claims: readonly (readonly [ReferenceFileKind, (fileName: string) => boolean])[] = [
	['serverless', isServerlessFile],
	['up', (fileName) => basename(fileName) === 'up.json'],
	['zappa', isZappaFile],
	['sam', isSamFile],
	['cdk', (fileName) => basename(fileName) === 'cdk.json'],
	['terraform', isTerraformFile],
	['pulumi', (fileName) => pulumiStackOf(fileName) !== undefined],
	['dotenv', isDotenvFile],
	['package-json', (fileName) => basename(fileName) === 'package.json'],
];

/** The kind of reference file this is, by its base name (a path is fine), if it is one. */
export function referenceFileKind(fileName: string): ReferenceFileKind | undefined {
	return claims.find(([, claimed]) => claimed(fileName))?.[0];
}

export function isReferenceFile(fileName: string): boolean {
	return referenceFileKind(fileName) !== undefined;
}
