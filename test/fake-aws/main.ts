/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The fake endpoint on its own, for trying the CLI or the extension by hand:
//   node out/test/fake-aws/main.js --seed test/fake-aws/seed.example.json [--port N] [--fault SPEC] [--quiet]
// The first line printed is the URL (for AWS_ENDPOINT_URL), then one line per request unless --quiet.
// SPEC is close-connection, hang, delay-ms:N or error:Code[:status]. Stops on SIGINT or SIGTERM.

import { Fault, parseFault, readSeedFile, startFakeAws } from './server';

interface Arguments {
	readonly seed: string;
	readonly port: number;
	readonly fault: Fault | undefined;
	readonly quiet: boolean;
}

const usage = 'usage: node out/test/fake-aws/main.js --seed file.json [--port N] [--fault SPEC] [--quiet]';

function parseArguments(args: readonly string[]): Arguments | string {
	let seed: string | undefined;
	let port = 0;
	let fault: Fault | undefined;
	let quiet = false;
	for (let i = 0; i < args.length; i++) {
		const value = args[i + 1];
		switch (args[i]) {
			case '--seed':
				seed = value;
				i++;
				break;
			case '--port':
				port = Number(value);
				if (!Number.isInteger(port) || port < 0 || port > 65535) {
					return `--port: not a port number: ${value}`;
				}
				i++;
				break;
			case '--fault':
				fault = value === undefined ? undefined : parseFault(value);
				if (!fault) {
					return `--fault: expected close-connection, hang, delay-ms:N or error:Code[:status], not ${value}`;
				}
				i++;
				break;
			case '--quiet':
				quiet = true;
				break;
			default:
				return `unknown argument: ${args[i]}`;
		}
	}
	return seed === undefined ? '--seed is required' : { seed, port, fault, quiet };
}

async function main(): Promise<void> {
	const parsed = parseArguments(process.argv.slice(2));
	if (typeof parsed === 'string') {
		console.error(`${parsed}\n${usage}`);
		process.exitCode = 2;
		return;
	}
	const server = await startFakeAws(readSeedFile(parsed.seed), {
		port: parsed.port,
		fault: parsed.fault,
		log: parsed.quiet ? undefined : (line) => console.log(line),
	});
	console.log(server.url);
	const stop = (): void => {
		server.close().then(() => process.exit(0), () => process.exit(1));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
});
