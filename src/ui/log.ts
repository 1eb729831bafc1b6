/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { maskSecretsIn } from '../core/display/secretMasking';

/** The channel's methods that write a message; each one's text goes through the masking rule. */
const writers = new Set(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

/**
 * The extension's one output channel, a LogOutputChannel so the user chooses the level. Messages come from
 * the core and the AWS layer, which quote values and names only masked; the channel masks every line once
 * more (secretMasking.ts's rule), so that a line put together from a name, a path or a system's reason
 * cannot carry a secret either. An Error passed in is logged by its kind alone: its message is not ours.
 */
export function createLog(): vscode.LogOutputChannel {
	return maskedLog(vscode.window.createOutputChannel('AWS Profiles', { log: true }));
}

export function maskedLog(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
	return new Proxy(channel, {
		get(target, property) {
			const value: unknown = Reflect.get(target, property, target);
			if (typeof property !== 'string' || !writers.has(property) || typeof value !== 'function') {
				return typeof value === 'function' ? value.bind(target) : value;
			}
			return (message: unknown, ...args: unknown[]) => (value as (...all: unknown[]) => void).call(target, shown(message), ...args.map(shown));
		},
	});
}

function shown(part: unknown): unknown {
	if (typeof part === 'string') {
		return maskSecretsIn(part);
	}
	return part instanceof Error ? `(${part.name})` : part;
}
