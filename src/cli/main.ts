/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles`: the extension's engine in a terminal or CI. Exit status: 0 fine, 1 findings, 2 usage or
// unreadable input.

import * as os from 'node:os';
import { existsSync } from 'node:fs';
import { platformOf, resolveFileLocations } from '../core/fileLocations';
import { ExitStatus, Output } from './output';

interface Command {
	readonly summary: string;
	readonly usage: string;
	run(args: readonly string[], out: Output): Promise<ExitStatus> | ExitStatus;
}

const commands: Readonly<Record<string, Command>> = {
	files: {
		summary: 'Show where the config and credentials files are and whether they exist.',
		usage: 'aws-profiles files',
		run: (_args, out) => {
			const locations = resolveFileLocations({
				env: process.env,
				platform: platformOf(process.platform),
				languageSpecificHome: os.homedir(),
			});
			for (const [label, path] of [['config', locations.configFile], ['credentials', locations.credentialsFile]]) {
				out.line(`${label.padEnd(12)} ${path}${existsSync(path) ? '' : ' (missing)'}`);
			}
			out.line(`${'profile'.padEnd(12)} ${locations.profile}`);
			return ExitStatus.Ok;
		},
	},
};

function usage(): string {
	const lines = ['Usage: aws-profiles <command> [options]', '', 'Commands:'];
	for (const [name, command] of Object.entries(commands)) {
		lines.push(`  ${name.padEnd(10)} ${command.summary}`);
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
	const command = commands[name];
	if (!command) {
		out.error(`aws-profiles: unknown command '${name}'.\n\n${usage()}`);
		return ExitStatus.Usage;
	}
	if (args.includes('--help') || args.includes('-h')) {
		out.line(`Usage: ${command.usage}\n\n${command.summary}`);
		return ExitStatus.Ok;
	}
	return command.run(args, out);
}

declare const VERSION_FROM_BUILD: string | undefined;
const VERSION = typeof VERSION_FROM_BUILD === 'string' ? VERSION_FROM_BUILD : 'development';

if (require.main === module) {
	main(process.argv.slice(2), Output.console()).then(
		(status) => process.exit(status),
		(error: unknown) => {
			process.stderr.write(`aws-profiles: ${error instanceof Error ? error.message : String(error)}\n`);
			process.exit(ExitStatus.Usage);
		},
	);
}
