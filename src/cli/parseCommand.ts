/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles parse`: what a reader sees in the files, in the Ruby suite's shape
// `{"profiles": {...}, "ssoSessions": {...}}`, or `{"error": "..."}` (exit 1) when the reader refuses them.
// Three readers: the SDKs' standard, the AWS CLI's (botocore), and the JavaScript SDK's own loader.

import { loadJsSdkReader } from '../aws/lazy';
import { displayName, displayValue, maskSecretsIn, readAwsCli, readStandard, toReading } from '../core';
import type { FileTexts, ReaderName, Reading, ReadingResult, ReadingSection } from '../core';
import type { Command } from './command';
import { ExitStatus, UsageError } from './output';
import { readChosenFiles } from './profileSources';

const readers: Record<ReaderName, (texts: FileTexts) => Promise<ReadingResult>> = {
	'standard': async (texts) => toReading(readStandard(texts)),
	'aws-cli': async (texts) => readAwsCli(texts),
	// The JavaScript SDK's loader lives in the lazily loaded AWS bundle.
	'js-sdk': async (texts) => {
		const { reading } = await loadJsSdkReader().readJsSdk(texts);
		return { ok: true, reading: { profiles: reading.profiles, ssoSessions: reading.ssoSessions } };
	},
};

export const parseCommand: Command = {
	name: 'parse',
	summary: 'Print what a reader (standard, aws-cli, js-sdk) sees in the files, as JSON.',
	usage: 'aws-profiles parse [--config FILE] [--credentials FILE] [--reader standard|aws-cli|js-sdk] [--show-secrets] --json\n\n'
		+ 'Without --config/--credentials it reads the files the SDK would read. Secret values are masked\n'
		+ 'unless --show-secrets is given.',
	options: {
		json: { type: 'boolean' },
		config: { type: 'string' },
		credentials: { type: 'string' },
		reader: { type: 'string', default: 'standard' },
		'show-secrets': { type: 'boolean' },
	},
	async run(values, out) {
		const reader = values.reader as string;
		if (!(reader in readers)) {
			throw new UsageError(`unknown reader '${reader}': use standard, aws-cli or js-sdk`);
		}
		const { texts } = await readChosenFiles({ config: values.config as string | undefined, credentials: values.credentials as string | undefined });
		const result = await readers[reader as ReaderName](texts);
		if (!result.ok) {
			// A reader's refusal can quote the line it stopped at.
			out.line(JSON.stringify({ error: values['show-secrets'] ? result.error : maskSecretsIn(result.error) }, undefined, 2));
			return ExitStatus.Findings;
		}
		const reading = values['show-secrets'] ? result.reading : masked(result.reading);
		out.line(JSON.stringify(reading, undefined, 2));
		return ExitStatus.Ok;
	},
};

function masked(reading: Reading): Reading {
	const maskSection = (section: ReadingSection): ReadingSection => shownEntries(Object.entries(section).map(([key, text]) => [
		key,
		typeof text === 'string' ? displayValue(key, text) : shownEntries(Object.entries(text).map(([k, v]) => [k, displayValue(k, v)])),
	]));
	const maskAll = (sections: Reading['profiles']) => shownEntries(Object.entries(sections).map(([name, section]) => [name, maskSection(section)]));
	return { profiles: maskAll(reading.profiles), ssoSessions: maskAll(reading.ssoSessions) };
}

/**
 * An object of the entries with their names as they may be shown: a name or key shaped like a secret (a
 * pasted key as a section name, the line `wJalr...KEY = x`) is masked, and told apart by a number, not its text.
 */
function shownEntries<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
	let masked = 0;
	return Object.fromEntries(entries.map(([name, item]) => {
		const shown = displayName(name);
		return [shown === name ? name : `${shown} (${++masked})`, item];
	}));
}
