/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The entry point of the references core: which files hold profile references (by base name) and what they
// are. Pure: the caller reads the file (and, for Serverless, the `.env` files beside it) and passes texts.
// A file that does not parse gives no references; nothing here throws on a file's content. A file over a limit
// of parseLimits.ts (too large, too deeply nested) gives one not-checked reference that says so, never silence.

import { findCdkReferences, isCdkFile } from './cdk';
import { findDotenvReferences, isDotenvFile } from './dotenv';
import { findPackageJsonReferences, isPackageJsonFile } from './packageJson';
import { checkSize, ParseLimit, ParseLimitError } from './parseLimits';
import type { FindOptions, NotCheckedReference, ProfileReference, ReferenceFileKind } from './profileReference';
import { findPulumiReferences, isPulumiStackFile } from './pulumi';
import { findSamReferences, isSamFile } from './sam';
import { findServerlessReferences, isServerlessFile } from './serverless';
import { findTerraformReferences, isTerraformFile } from './terraform';
import { findUpReferences, isUpFile } from './up';
import { findZappaReferences, isZappaFile } from './zappa';

/** One kind of reference file: which files it is, and its finder (which may throw ParseLimitError, and nothing else). */
export interface FileKind {
	readonly kind: ReferenceFileKind;
	readonly matches: (fileName: string) => boolean;
	readonly find: (fileName: string, text: string, options: FindOptions) => ProfileReference[];
}

export const fileKinds: readonly FileKind[] = [
	{ kind: 'serverless', matches: isServerlessFile, find: findServerlessReferences },
	{ kind: 'up', matches: isUpFile, find: (_, text) => findUpReferences(text) },
	{ kind: 'zappa', matches: isZappaFile, find: findZappaReferences },
	{ kind: 'sam', matches: isSamFile, find: findSamReferences },
	{ kind: 'cdk', matches: isCdkFile, find: (_, text) => findCdkReferences(text) },
	{ kind: 'terraform', matches: isTerraformFile, find: (file, text, options) => findTerraformReferences(text, {
		file, ...(options.moduleFiles ? { moduleFiles: options.moduleFiles } : {}), ...(options.env ? { env: options.env } : {}),
	}) },
	{ kind: 'pulumi', matches: isPulumiStackFile, find: findPulumiReferences },
	{ kind: 'dotenv', matches: isDotenvFile, find: findDotenvReferences },
	{ kind: 'package-json', matches: isPackageJsonFile, find: (_, text) => findPackageJsonReferences(text) },
];

/** The kind of reference file this is, by its base name (a path is fine), if it is one. */
export function referenceFileKind(fileName: string): ReferenceFileKind | undefined {
	return fileKinds.find((kind) => kind.matches(fileName))?.kind;
}

export function isReferenceFile(fileName: string): boolean {
	return referenceFileKind(fileName) !== undefined;
}

/**
 * Every profile reference in a file, with exact positions. With `options.stage`, only what that stage uses
 * (references for other stages are left out; those that are the same for every stage stay).
 */
export function findProfileReferences(fileName: string, text: string, options: FindOptions = {}): ProfileReference[] {
	const kind = fileKinds.find((candidate) => candidate.matches(fileName));
	if (!kind) {
		return [];
	}
	let references: ProfileReference[];
	try {
		checkSize(text);
		references = kind.find(fileName, text, options);
	} catch (error) {
		if (error instanceof ParseLimitError) {
			return [fileLimitReference(kind.kind, error.exceeded)];
		}
		// Every finder is written not to throw on any text; this only keeps a bug of ours from failing a whole scan.
		return [];
	}
	const stage = options.stage;
	return stage === undefined
		? references
		: references.filter((reference) => reference.stages.length === 0 || reference.stages.includes(stage));
}

/** What stands for the references of a file that was not read whole: one not-checked reference at its start. */
export function fileLimitReference(kind: ReferenceFileKind, exceeded: ParseLimit): NotCheckedReference {
	return {
		kind, key: '', range: { offset: 0, length: 0, line: 0, column: 0 }, stages: [], warnings: [],
		status: 'not-checked', reason: { why: 'file-limit', exceeded },
	};
}
