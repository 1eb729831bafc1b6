/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the edit commands read from standard input: a secret value (`set KEY -`), a profile's lines (`add`),
// a yes or no (`delete`). Piped input is read whole, within a limit; on a terminal the user is asked, on
// standard error so that standard output stays the command's own, and a secret is not echoed.

import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './output';

/** Far more than any profile needs; it bounds what a mistaken pipe (`cat big-file |`) can make us hold. */
export const standardInputLimit = 1024 * 1024;

export function isTerminal(): boolean {
	return process.stdin.isTTY === true;
}

/** All of standard input as UTF-8 text, a leading byte order mark dropped (PowerShell pipes add one). */
export async function readAllInput(): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of process.stdin) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer;
		size += bytes.length;
		if (size > standardInputLimit) {
			throw new UsageError(`standard input is larger than ${standardInputLimit / 1024 / 1024} MB; nothing was written`);
		}
		chunks.push(bytes);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
	} catch {
		throw new UsageError('standard input is not UTF-8 text; nothing was written');
	}
	return text;
}

/** Piped input with its one trailing line break removed (`echo`, `printf '%s\n'`, a file's last line). */
export async function readInputValue(): Promise<string> {
	return (await readAllInput()).replace(/\r?\n$/, '');
}

/** One line typed at the terminal after `prompt`; `hidden` echoes nothing, for secrets. */
export async function askLine(prompt: string, hidden: boolean): Promise<string> {
	let muted = false;
	const output = new Writable({
		write(chunk, _encoding, done) {
			if (!muted) {
				process.stderr.write(chunk as Buffer);
			}
			done();
		},
	});
	const reader = createInterface({ input: process.stdin, output, terminal: true });
	try {
		return await new Promise<string>((resolve, reject) => {
			reader.question(prompt, resolve);
			muted = hidden;
			reader.on('close', () => reject(new UsageError('no answer was given; nothing was written')));
		});
	} finally {
		muted = false;
		if (hidden) {
			process.stderr.write('\n');
		}
		reader.close();
	}
}
