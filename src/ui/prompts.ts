/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import type { FormatCheck } from '../core/editing/credentialFormats';
import { maskSecretsIn } from '../core/display/secretMasking';
import { typedChoice } from '../core/guidance/typedChoice';

/** What a step of a multi-step input answers when the user presses its Back button. */
// Symbol.for, so the integration tests (which load their own copy of this module) answer with the same symbol.
export const back: unique symbol = Symbol.for('awsProfiles.back');
export type Back = typeof back;

export interface StepInfo {
	readonly title: string;
	readonly step: number;
	/** Left out while it is not known yet (the first step of a wizard): VS Code then shows the step alone. */
	readonly totalSteps: number | undefined;
}

export interface InputStepOptions extends StepInfo {
	readonly prompt: string;
	readonly value?: string;
	readonly placeholder?: string;
	readonly password?: boolean;
	/** Checked as the user types: an error blocks the step, a warning only shows. */
	readonly validate?: (value: string) => FormatCheck;
	/** Told the text typed so far when the user presses Back, so the step can show it again. */
	readonly onBack?: (typed: string) => void;
}

export interface PickStepOptions<T extends vscode.QuickPickItem> extends StepInfo {
	readonly items: readonly T[];
	readonly placeholder?: string;
	/** When set, typed text that matches no item can be taken as an item of its own. */
	readonly freeText?: (text: string) => T;
	/** Whether typed text is a value by itself: Enter then takes it, whichever item is active (typedChoice.ts). */
	readonly isValue?: (text: string) => boolean;
}

/**
 * The questions commands ask the user. The real ones are VS Code's; the integration tests put in their own
 * answers through the extension's test API, since a modal dialog cannot be clicked from the extension host.
 */
export interface Prompts {
	/** A modal confirmation: true only when the user picks `action`. */
	confirm(message: string, detail: string, action: string): Promise<boolean>;
	input(options: vscode.InputBoxOptions): Promise<string | undefined>;
	pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
	/** A multi-select pick: the items chosen (an empty list when none is), undefined on Escape. */
	pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined>;
	inputStep(options: InputStepOptions): Promise<string | Back | undefined>;
	pickStep<T extends vscode.QuickPickItem>(options: PickStepOptions<T>): Promise<T | Back | undefined>;
	/** A notification with buttons; the button chosen, if any. */
	notify(message: string, actions: readonly string[], severity?: 'info' | 'warning' | 'error'): Promise<string | undefined>;
}

export const windowPrompts: Prompts = {
	async confirm(message, detail, action) {
		return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
	},
	input: (options) => Promise.resolve(vscode.window.showInputBox(options)),
	pick: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, options)),
	pickMany: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, { ...options, canPickMany: true })),
	inputStep,
	pickStep,
	notify: (message, actions, severity = 'info') => {
		const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
		return Promise.resolve(show(message, ...actions));
	},
};

/**
 * The same prompts, with every message and detail they show masked (secretMasking.ts's rule): a notification
 * or a confirmation quotes names and reasons, and none of them may carry a secret. Inputs and picks show
 * what the user types or chooses among, and are left as they are.
 */
export function maskedPrompts(prompts: Prompts): Prompts {
	return {
		...prompts,
		confirm: (message, detail, action) => prompts.confirm(maskSecretsIn(message), maskSecretsIn(detail), action),
		notify: (message, actions, severity) => prompts.notify(maskSecretsIn(message), actions, severity),
	};
}

function validationMessage(check: FormatCheck): vscode.InputBoxValidationMessage | undefined {
	if (check.level === 'ok') {
		return undefined;
	}
	const severity = check.level === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning;
	return { message: check.message, severity };
}

/**
 * Shows a step and resolves with its first answer: the value accepted, Back, or undefined when it is hidden
 * (Escape). The step's own events decide what an answer is; this settles once and cleans up.
 */
function answerOf<T>(
	input: vscode.QuickInput,
	wire: (finish: (answer: T | Back | undefined) => void) => vscode.Disposable[],
): Promise<T | Back | undefined> {
	return new Promise((resolve) => {
		let done = false;
		const finish = (answer: T | Back | undefined) => {
			if (!done) {
				done = true;
				disposables.forEach((d) => d.dispose());
				input.dispose();
				resolve(answer);
			}
		};
		const disposables = [...wire(finish), input.onDidHide(() => finish(undefined))];
		input.show();
	});
}

function inputStep(options: InputStepOptions): Promise<string | Back | undefined> {
	const box = vscode.window.createInputBox();
	Object.assign(box, {
		title: options.title, step: options.step, totalSteps: options.totalSteps, prompt: options.prompt,
		value: options.value ?? '', placeholder: options.placeholder, password: options.password ?? false,
		ignoreFocusOut: true, buttons: options.step > 1 ? [vscode.QuickInputButtons.Back] : [],
	});
	const check = (value: string) => options.validate?.(value) ?? { level: 'ok' as const };
	box.validationMessage = options.value ? validationMessage(check(options.value)) : undefined;
	return answerOf<string>(box, (finish) => [
		box.onDidChangeValue((value) => {
			box.validationMessage = validationMessage(check(value));
		}),
		box.onDidAccept(() => {
			if (check(box.value).level !== 'error') {
				finish(box.value);
			}
		}),
		box.onDidTriggerButton(() => {
			options.onBack?.(box.value);
			finish(back);
		}),
	]);
}

function pickStep<T extends vscode.QuickPickItem>(options: PickStepOptions<T>): Promise<T | Back | undefined> {
	const pick = vscode.window.createQuickPick<T>();
	Object.assign(pick, {
		title: options.title, step: options.step, totalSteps: options.totalSteps, placeholder: options.placeholder,
		items: options.items, ignoreFocusOut: true, matchOnDescription: true,
		buttons: options.step > 1 ? [vscode.QuickInputButtons.Back] : [],
	});
	const freeText = options.freeText;
	if (!freeText) {
		return answerOf<T>(pick, (finish) => [
			pick.onDidAccept(() => finish(pick.selectedItems[0])),
			pick.onDidTriggerButton(() => finish(back)),
		]);
	}
	const typedItems = new WeakSet<T>();
	const typedItem = (text: string) => {
		const item = freeText(text);
		typedItems.add(item);
		return item;
	};
	let shown: T | undefined;
	return answerOf<T>(pick, (finish) => [
		pick.onDidChangeValue((text) => {
			const wanted = text !== '' && !options.items.some((item) => item.label === text);
			if (!wanted && shown === undefined) {
				return; // the list is as it should be: replacing it would only reset the active item
			}
			// Last, so every other item keeps its place: VS Code names the item accepted by its place in the list
			// it showed, which may be the list before this one.
			shown = wanted ? typedItem(text) : undefined;
			pick.items = shown ? [...options.items, shown] : options.items;
		}),
		pick.onDidAccept(() => {
			const choice = typedChoice(pick.value, options.items, pick.selectedItems[0], {
				isTypedItem: (item) => typedItems.has(item),
				isValue: (text) => options.isValue?.(text) ?? false,
			});
			finish(typeof choice === 'string' ? typedItem(choice) : choice);
		}),
		pick.onDidTriggerButton(() => finish(back)),
	]);
}
