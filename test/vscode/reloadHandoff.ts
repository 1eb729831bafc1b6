/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the main suite leaves for the reload suite (a new window on the same sandbox): the active profile at the
// very end of the main suite, whichever test set it last; and AWS files moved aside, so that the new window
// starts with no profile and sees the first one appear, as someone new does (the reload suite puts them back
// before its tests: restoreAwsFiles).

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { activateExtension, sandboxRoot, testingApi, waitForWorkbenchText } from './helpers';

function handoffFile(): string {
	return path.join(sandboxRoot(), 'active-profile-before-reload.json');
}

/** Where the AWS files wait during the reload. */
function asideFolder(): string {
	return path.join(sandboxRoot(), 'aws-files-during-reload');
}

/** The main suite's last act. */
export async function handOffToReload(): Promise<void> {
	writeFileSync(handoffFile(), JSON.stringify({ active: (await activateExtension()).getActiveProfile() ?? null }));
	const { files } = await testingApi();
	mkdirSync(asideFolder(), { recursive: true });
	for (const file of [files.configFile, files.credentialsFile]) {
		renameSync(file, path.join(asideFolder(), path.basename(file)));
	}
	// The harness reloads the page as soon as the suite ends: give the last change of workspace state time to
	// reach the browser's storage (VS Code writes it there a moment later, not at once).
	await new Promise((resolve) => setTimeout(resolve, 1500));
}

/** The active profile the main suite ended with; `null` for none. */
export function recordedActiveProfile(): string | null {
	return (JSON.parse(readFileSync(handoffFile(), 'utf8')) as { active: string | null }).active;
}

/**
 * The reload suite's first act: the AWS files back, and the new window's store reads them. Only once VS Code
 * has registered the walkthrough (it shows its steps): a step's event that came before is ignored.
 */
export async function restoreAwsFiles(): Promise<void> {
	const api = await testingApi();
	await api.walkthrough.open();
	await waitForWorkbenchText('Add the profile');
	for (const file of [api.files.configFile, api.files.credentialsFile]) {
		const aside = path.join(asideFolder(), path.basename(file));
		if (existsSync(aside)) {
			renameSync(aside, file);
		}
	}
	await api.store.reload();
}
