/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The entry point of the references core: which files hold profile references (by base name) and what they
// are. Pure: the caller reads the file (and, for Serverless, the `.env` files beside it) and passes texts.
// A file that does not parse gives no references; nothing here throws on a file's content. A file over a limit
// of parseLimits.ts (too large, too deeply nested) gives one not-checked reference that says so, never silence.

import { findDotenvReferences } from './dotenv';
import { findPackageJsonReferences } from './packageJson';
import { checkSize, ParseLimit, ParseLimitError } from './parseLimits';
import type { FindOptions, NotCheckedReference, ProfileReference, ReferenceFileKind } from './profileReference';
import { findPulumiReferences } from './pulumi';
import { referenceFileKind } from './referenceFiles';
import { findSamReferences } from './sam';
import { findServerlessReferences } from './serverless';
import { findTerraformReferences } from './terraform';
import { findTopLevelProfile } from './topLevelProfile';
import { findZappaReferences } from './zappa';

/**
 * What each kind of file is read for: a resolver's finder, given the files it claims (referenceFiles.ts). A
 * finder may throw a ParseLimitError, and nothing else.
 */
export type Finder = (fileName: string, text: string, options: FindOptions) => ProfileReference[];

export const finders: Readonly<Record<ReferenceFileKind, Finder>> = {
	'serverless': findServerlessReferences,
	'up': (_, text) => findTopLevelProfile('up', text),
	'zappa': findZappaReferences,
	'sam': findSamReferences,
	'cdk': (_, text) => findTopLevelProfile('cdk', text),
	'terraform': (file, text, options) => findTerraformReferences(text, {
		file, ...(options.moduleFiles ? { moduleFiles: options.moduleFiles } : {}), ...(options.env ? { env: options.env } : {}),
	}),
	'pulumi': findPulumiReferences,
	'dotenv': findDotenvReferences,
	'package-json': (_, text) => findPackageJsonReferences(text),
};

/**
 * Every profile reference in a file, with exact positions. With `options.stage`, only what that stage uses
 * (references for other stages are left out; those that are the same for every stage stay).
 */
export function findProfileReferences(fileName: string, text: string, options: FindOptions = {}): ProfileReference[] {
	const kind = referenceFileKind(fileName);
	if (!kind) {
		return [];
	}
	let references: ProfileReference[];
	try {
		checkSize(text);
		references = finders[kind](fileName, text, options);
	} catch (error) {
		if (error instanceof ParseLimitError) {
			return [fileLimitReference(kind, error.exceeded)];
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
