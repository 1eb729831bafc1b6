/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsProfilesApi, TestingApi } from '../../src/ui/extension';
import type { LintedVersion } from '../../src/ui/awsFileDiagnostics';
import type { ContributingPackage, WalkthroughStep } from '../docs/docReferences';
import type { Back, InputStepOptions, PickStepOptions, Prompts } from '../../src/ui/prompts';

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
	rmSync(file, { force: true }); // a picture of an earlier run must not pass for this one
	console.log(`[[screenshot:${file}]]`);
	if (!(await poll(() => existsSync(file), Boolean, timeoutMs, 100)).met) {
		throw new Error(`no screenshot at ${file} after ${timeoutMs} ms`);
	}
}

/**
 * Reads until `done` holds of what was read or `timeoutMs` is over, pausing `intervalMs` between reads; the
 * last value read, and whether it was done.
 */
async function poll<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs: number, intervalMs: number): Promise<{ value: T; met: boolean }> {
	const deadline = Date.now() + timeoutMs;
	for (; ;) {
		const value = await read();
		if (done(value)) {
			return { value, met: true };
		}
		if (Date.now() > deadline) {
			return { value, met: false };
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

let pageRequests = 0;

type PageQuestion =
	| { action: 'text' }
	| { action: 'click'; name: string; exact: boolean }
	| { action: 'attribute'; selector: string; attribute: string }
	| { action: 'type'; text: string; press?: string };

/**
 * Asks the harness for what only the browser can do (see `PageRequest` in test/harness/codeServer.ts) and
 * returns its answer; an answer starting with `error:` fails the test.
 */
async function askPage(request: PageQuestion, timeoutMs = 15_000): Promise<string> {
	const folder = path.join(sandboxRoot(), 'page-requests');
	mkdirSync(folder, { recursive: true });
	// Named by the extension host's pid too: the reload suite's host counts from 1 again, in the same folder.
	const file = path.join(folder, `${process.pid}-${++pageRequests}.txt`);
	console.log(`[[page:${JSON.stringify({ ...request, file })}]]`);
	if (!(await poll(() => existsSync(file), Boolean, timeoutMs, 50)).met) {
		throw new Error(`the harness did not answer ${JSON.stringify(request)} within ${timeoutMs} ms`);
	}
	const answer = readFileSync(file, 'utf8');
	if (answer.startsWith('error:')) {
		throw new Error(`the workbench could not do ${JSON.stringify(request)}: ${answer}`);
	}
	return answer;
}

/** The text the workbench shows, as a user reads it. */
export function workbenchText(): Promise<string> {
	return askPage({ action: 'text' });
}

/** An attribute of the first element the CSS selector finds in the workbench ('' when it has none). */
export function workbenchAttribute(selector: string, attribute: string): Promise<string> {
	return askPage({ action: 'attribute', selector, attribute });
}

/**
 * Clicks the first visible button or link with this accessible name, as a user does; `exact: false` matches
 * a name that contains it (a walkthrough step's button is named by its title and its description).
 */
export async function clickInWorkbench(name: string, exact = true): Promise<void> {
	await askPage({ action: 'click', name, exact });
}

/**
 * Types into the workbench where the keyboard focus is, key after key as fast as a browser takes them, then
 * presses `press` (such as `Enter`) at once: the extension host hears of the keys only afterwards.
 */
export async function typeInWorkbench(text: string, press?: string): Promise<void> {
	await askPage({ action: 'type', text, ...(press ? { press } : {}) });
}

/** Polls the workbench's text until it shows `expected`; returns that text. */
export async function waitForWorkbenchText(expected: string, timeoutMs = 15_000): Promise<string> {
	const { value: text, met } = await poll(workbenchText, (shown) => shown.includes(expected), timeoutMs, 250);
	if (!met) {
		throw new Error(`the workbench does not show '${expected}' after ${timeoutMs} ms; it shows:\n${text.slice(0, 1500)}`);
	}
	return text;
}

/** The steps of the extension's walkthrough, as VS Code loaded them from package.json. */
export function walkthroughSteps(): WalkthroughStep[] {
	const packageJson = vscode.extensions.getExtension(extensionId)!.packageJSON as ContributingPackage;
	return [...packageJson.contributes.walkthroughs![0].steps];
}

/**
 * Whether VS Code shows the walkthrough step as done (its `aria-checked`), polling up to `timeoutMs` for
 * `expected`. The walkthrough must be open.
 */
export async function walkthroughStepDone(stepId: string, expected: boolean, timeoutMs = 10_000): Promise<boolean> {
	const done = async () => await workbenchAttribute(`.getting-started-step[data-step-id$="#${stepId}"]`, 'aria-checked') === 'true';
	return (await poll(done, (value) => value === expected, timeoutMs, 250)).value;
}

/** Polls `condition` until it holds; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
	if (!(await poll(condition, Boolean, timeoutMs, 20)).met) {
		throw new Error(`condition not met within ${timeoutMs} ms`);
	}
}

/**
 * Lints the open AWS files again, and ends once a run that `ends` accepts has ended (the first run, without it).
 * A run linted the document's current text when it tells the document's current version.
 */
export function relint(api: TestingApi, ends: (linted: LintedVersion) => boolean = () => true): Promise<void> {
	const linted = new Promise<void>((resolve) => {
		const subscription = api.diagnostics.onDidLint((run) => {
			if (ends(run)) {
				subscription.dispose();
				resolve();
			}
		});
	});
	api.diagnostics.relintOpenFiles();
	return linted;
}

/** One answer of a multi-step input: a typed value or an item's value, Back, or Escape (undefined). */
export type StepAnswer = string | Back | undefined;

export interface ScriptedAnswers {
	confirm?: (message: string, detail: string) => boolean;
	input?: () => string | undefined;
	pick?: (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined;
	pickMany?: (items: readonly vscode.QuickPickItem[]) => readonly vscode.QuickPickItem[] | undefined;
	notify?: (message: string, actions: readonly string[], severity?: string) => string | undefined;
	/** Consumed in order by the steps of a multi-step input. */
	steps?: StepAnswer[];
	/** Every step asked, in order, so a test can look at its title or run its validation. */
	asked?: (InputStepOptions | PickStepOptions<vscode.QuickPickItem>)[];
}

/** Answers for the prompts a test expects; any other prompt fails the test. */
export function scripted(answers: ScriptedAnswers): Prompts {
	const unexpected = (what: string) => Promise.reject(new Error(`unexpected ${what} prompt`));
	const nextStep = (options: InputStepOptions | PickStepOptions<vscode.QuickPickItem>): StepAnswer => {
		answers.asked?.push(options);
		if (!answers.steps || answers.steps.length === 0) {
			throw new Error(`unexpected step: ${options.title} ${options.step}/${options.totalSteps}`);
		}
		return answers.steps.shift();
	};
	return {
		confirm: (message, detail) => answers.confirm ? Promise.resolve(answers.confirm(message, detail)) : unexpected('confirm'),
		input: () => answers.input ? Promise.resolve(answers.input()) : unexpected('input'),
		pick: <T extends vscode.QuickPickItem>(items: readonly T[]) =>
			answers.pick ? Promise.resolve(answers.pick(items) as T | undefined) : unexpected('pick'),
		pickMany: <T extends vscode.QuickPickItem>(items: readonly T[]) =>
			answers.pickMany ? Promise.resolve(answers.pickMany(items) as readonly T[] | undefined) : unexpected('pickMany'),
		notify: (message, actions, severity) => Promise.resolve(answers.notify?.(message, actions, severity)),
		inputStep: async (options) => {
			const answer = nextStep(options);
			if (typeof answer === 'string') {
				const check = options.validate?.(answer);
				if (check?.level === 'error') {
					throw new Error(`the step "${options.prompt}" refuses the answer: ${check.message}`);
				}
			}
			return answer;
		},
		pickStep: async <T extends vscode.QuickPickItem>(options: PickStepOptions<T>) => {
			const answer = nextStep(options as unknown as PickStepOptions<vscode.QuickPickItem>);
			if (typeof answer !== 'string') {
				return answer;
			}
			const item = options.items.find((candidate) => (candidate as { value?: string }).value === answer)
				?? options.freeText?.(answer);
			if (!item) {
				throw new Error(`no item '${answer}' in the step "${options.placeholder}"`);
			}
			return item;
		},
	};
}

/** Every file VS Code wrote for the extension's output channel, under the sandbox's user data. */
export function logText(): string {
	const files: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder)) {
			const file = path.join(folder, entry);
			if (statSync(file).isDirectory()) {
				walk(file);
			} else if (entry.endsWith('AWS Profiles.log')) {
				files.push(file);
			}
		}
	};
	walk(path.join(sandboxRoot(), 'user-data', 'logs'));
	return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}
