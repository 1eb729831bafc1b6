/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { AwsProfilesApi, TestingApi } from '../../src/ui/extension';

export const extensionId = 'aws-profiles.aws-profiles';

export async function activateExtension(): Promise<AwsProfilesApi> {
	const extension = vscode.extensions.getExtension<AwsProfilesApi>(extensionId);
	if (!extension) {
		throw new Error(`${extensionId} is not installed in this VS Code`);
	}
	return extension.activate();
}

/** The extension's test API (present because VS Code runs it in test mode). */
export async function testingApi(): Promise<TestingApi> {
	const { testing } = await activateExtension();
	if (!testing) {
		throw new Error('The extension did not expose its test API: is VS Code running it in test mode?');
	}
	return testing;
}

/** The harness's sandbox folder (HOME is inside it); tests never run outside one. */
export function sandboxRoot(): string {
	const root = process.env.AWS_PROFILES_TEST_SANDBOX;
	if (!root) {
		throw new Error('AWS_PROFILES_TEST_SANDBOX is not set: run the suite through the test harness.');
	}
	return root;
}

/** Asks the harness for a PNG of the workbench at `file` and waits until it is written. */
export async function screenshot(file: string, timeoutMs = 10_000): Promise<void> {
	console.log(`[[screenshot:${file}]]`);
	const deadline = Date.now() + timeoutMs;
	while (!existsSync(file)) {
		if (Date.now() > deadline) {
			throw new Error(`no screenshot at ${file} after ${timeoutMs} ms`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Polls `condition` until it holds; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error(`condition not met within ${timeoutMs} ms`);
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
