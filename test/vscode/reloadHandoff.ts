/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the main suite leaves for the reload suite (a new window on the same sandbox) to check: the active
// profile at the very end of the main suite, whichever test set it last.

import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { activateExtension, sandboxRoot } from './helpers';

function handoffFile(): string {
	return path.join(sandboxRoot(), 'active-profile-before-reload.json');
}

export async function recordActiveProfile(): Promise<void> {
	writeFileSync(handoffFile(), JSON.stringify({ active: (await activateExtension()).getActiveProfile() ?? null }));
	// The harness reloads the page as soon as the suite ends: give the last change of workspace state time to
	// reach the browser's storage (VS Code writes it there a moment later, not at once).
	await new Promise((resolve) => setTimeout(resolve, 1500));
}

/** The active profile the main suite ended with; `null` for none. */
export function recordedActiveProfile(): string | null {
	return (JSON.parse(readFileSync(handoffFile(), 'utf8')) as { active: string | null }).active;
}
