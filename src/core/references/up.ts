/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Apex Up: `up.json`'s top-level `"profile"`.

import { basename } from 'node:path';
import { childOf } from './configTree';
import { parseJsonTree } from './jsonTree';
import { literalReference } from './literalReference';
import type { ProfileReference } from './profileReference';
import { createLineIndex } from '../lineIndex';

export function isUpFile(fileName: string): boolean {
	return basename(fileName) === 'up.json';
}

export function findUpReferences(text: string): ProfileReference[] {
	const node = childOf(parseJsonTree(text), 'profile');
	const reference = node && literalReference('up', 'profile', node, createLineIndex(text));
	return reference ? [reference] : [];
}
