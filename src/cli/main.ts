/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles`: the extension's engine in a terminal or CI. Exit status: 0 fine, 1 findings, 2 usage or
// unreadable input. Honours AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE and HOME.

import { parseArgs } from 'node:util';
import { addCommand } from './addCommand';
import { maskSecretsIn, shownFailure } from '../core';
import type { Command, OptionValues } from './command';
import { deleteCommand } from './deleteCommand';
import { filesCommand } from './filesCommand';
import { lintCommand } from './lintCommand';
import { listCommand } from './listCommand';
import { loginCommand } from './loginCommand';
import { logoutCommand } from './logoutCommand';
import { ExitStatus, Output, UsageError } from './output';
import { parseCommand } from './parseCommand';
import { renameCommand } from './renameCommand';
import { setCommand } from './setCommand';
import { ssoCommand } from './ssoCommand';
import { unsetCommand } from './unsetCommand';
import { verifyCommand } from './verifyCommand';

/** Every command; the attack suite runs each of them with each of its options, so a new one is covered too. */
export const commands: readonly Command[] = [
	listCommand, lintCommand, parseCommand, verifyCommand, filesCommand,
	setCommand, unsetCommand, renameCommand, deleteCommand, addCommand, loginCommand, logoutCommand, ssoCommand,
];

function usage(): string {
	const lines = ['Usage: aws-profiles <command> [options]', '', 'Commands:'];
	for (const command of commands) {
		lines.push(`  ${command.name.padEnd(10)} ${command.summary}`);
	}
	lines.push('', 'Run aws-profiles <command> --help for the options of a command.');
	return lines.join('\n');
}

export async function main(argv: readonly string[], out: Output): Promise<ExitStatus> {
	const [name, ...args] = argv;
	if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
		out.line(usage());
		return name === undefined ? ExitStatus.Usage : ExitStatus.Ok;
	}
	if (name === '--version') {
		out.line(VERSION);
		return ExitStatus.Ok;
	}
	const command = commands.find((candidate) => candidate.name === name);
	if (!command) {
		out.error(`aws-profiles: unknown command '${maskSecretsIn(name)}'.\n\n${usage()}`);
		return ExitStatus.Usage;
	}
	if (args.includes('--help') || args.includes('-h')) {
		out.line(`Usage: ${command.usage}\n\n${command.summary}`);
		return ExitStatus.Ok;
	}
	try {
		const { values, positionals } = parseArgs({ args: [...args], options: command.options, strict: true, allowPositionals: command.positionals ?? false });
		return await command.run(values as OptionValues, out, positionals);
	} catch (error) {
		if (error instanceof UsageError || isParseArgsError(error)) {
			out.error(`aws-profiles ${name}: ${maskSecretsIn((error as Error).message)}`);
			return ExitStatus.Usage;
		}
		throw error;
	}
}

function isParseArgsError(error: unknown): boolean {
	return typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}

declare const VERSION_FROM_BUILD: string | undefined;
const VERSION = typeof VERSION_FROM_BUILD === 'string' ? VERSION_FROM_BUILD : 'development';

/**
 * Ends the process with `status` once standard output and error have handed every byte to the system. A pipe takes
 * 64 KB at a time and Node queues the rest, which `process.exit` alone would drop (`list --json | wc -c` got 65,536
 * bytes of 3 MB); the exit then comes right after, so no socket or timer a command left behind can keep the process
 * alive. A reader that stops reading (`| head`) ends it too, quietly: nobody is left to read the rest.
 */
function exitWhenFlushed(status: number): void {
	process.exitCode = status;
	let open = 2;
	const flushed = () => {
		if (--open === 0) {
			process.exit(status);
		}
	};
	for (const stream of [process.stdout, process.stderr]) {
		stream.on('error', () => process.exit(status));
		stream.write('', flushed);
	}
}

if (require.main === module) {
	main(process.argv.slice(2), Output.console()).then(
		(status) => exitWhenFlushed(status),
		(error: unknown) => {
			process.stderr.write(`aws-profiles: ${shownFailure(error)}\n`);
			exitWhenFlushed(ExitStatus.Usage);
		},
	);
}
