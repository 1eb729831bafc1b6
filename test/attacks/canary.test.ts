/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The canary scan of the CLI: unique random secrets in every key and in wrong keys of a sandboxed file pair
// and a project folder (canaries.ts), then every command of the command table (src/cli/main.ts, so that a
// command added later is run too) with each of its options, through the built dist/cli.js; standard output
// and standard error must not hold any 8-character fragment of any canary. `verify` has no network here (its
// endpoint is a closed port): it fails, and its failure is scanned too. `parse --show-secrets` is the one run
// that must show them: it proves the scan finds what is there.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Command } from '../../src/cli/command';
import { commands } from '../../src/cli/main';
import { Canaries, LeakScanner, makeCanaries, writeCanaryFiles } from './canaries';

const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

/** Options whose purpose is to show secrets: their output must hold the canaries. */
const showingOptions = new Set(['show-secrets']);

interface Run {
	readonly args: readonly string[];
	readonly stdin?: string;
}

describe('Canary scan of the CLI', function () {
	this.timeout(300_000);
	let root: string;
	let home: string;
	let project: string;
	let canaries: Canaries;
	let scanner: LeakScanner;
	let files: { config: string; credentials: string };

	before(() => {
		root = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-canary-'));
		home = path.join(root, 'home');
		project = path.join(root, 'project');
		canaries = makeCanaries();
		scanner = new LeakScanner(canaries);
		files = writeCanaryFiles(canaries, home, project);
	});

	after(() => rmSync(root, { recursive: true, force: true }));

	function run({ args, stdin }: Run): string {
		files = writeCanaryFiles(canaries, home, project); // a command that edits starts from the same files
		const result = spawnSync(process.execPath, [cli, ...args], {
			cwd: project,
			input: stdin ?? '',
			encoding: 'utf8',
			timeout: 60_000,
			env: {
				PATH: process.env.PATH,
				HOME: home,
				USERPROFILE: home,
				AWS_CONFIG_FILE: files.config,
				AWS_SHARED_CREDENTIALS_FILE: files.credentials,
				AWS_PROFILE: canaries.secretNames.defined,
				// No network: AWS calls go to a closed port and fail at once.
				AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
				AWS_EC2_METADATA_DISABLED: 'true',
				NO_COLOR: '1',
			},
		});
		assert.equal(result.error, undefined, `${args.join(' ')}: ${String(result.error)}`);
		return `${result.stdout}\n${result.stderr}`;
	}

	/** The values an option is tried with: those its usage lists, else by its placeholder. */
	function valuesOf(command: Command, option: string): string[] {
		const usage = command.usage;
		const listed = new RegExp(`--${option}[ =]([\\w-]+(?:[|,][\\w-]+)+)`).exec(usage);
		if (listed) {
			return listed[1].includes('|') ? listed[1].split('|') : [listed[1]];
		}
		const placeholder = new RegExp(`--${option}[ =]([A-Z]+)`).exec(usage)?.[1] ?? '';
		switch (placeholder) {
			case 'FILE': return [option === 'credentials' ? files.credentials : files.config];
			case 'NAME': return [canaries.secretNames.defined, canaries.secretNames.missing];
			case 'SECONDS': return ['1'];
			case 'REGEX': return ['^[a-z-]+$'];
			default: return ['dev', canaries.secretNames.missing];
		}
	}

	function runsOf(command: Command): Run[] {
		const runs: Run[] = [{ args: [command.name] }, { args: [command.name, '--help'] }];
		const all: string[] = [];
		for (const [option, spec] of Object.entries(command.options)) {
			if (spec.type === 'boolean') {
				runs.push({ args: [command.name, `--${option}`] });
				if (!showingOptions.has(option)) {
					all.push(`--${option}`);
				}
				continue;
			}
			for (const value of valuesOf(command, option)) {
				runs.push({ args: [command.name, `--${option}`, value] });
			}
			all.push(`--${option}`, valuesOf(command, option)[0]);
		}
		runs.push({ args: [command.name, ...all] });
		if (command.positionals) {
			const { defined, missing } = canaries.secretNames;
			for (const positionals of [[project], [files.config, files.credentials], [defined], [defined, missing], ['region', canaries.placed.get('region')!]]) {
				runs.push({ args: [command.name, ...positionals] }, { args: [command.name, ...all, ...positionals] });
			}
			// A command that reads standard input (an edit's `-` value, `add`'s lines) gets a canary there too.
			runs.push({ args: [command.name, defined, '-'], stdin: `region = ${canaries.placed.get('output')!}\n` });
		}
		return runs;
	}

	it('covers every command of the table', () => {
		assert.ok(commands.length >= 5);
		for (const name of ['list', 'lint', 'parse', 'verify', 'files']) {
			assert.ok(commands.some((command) => command.name === name), name);
		}
	});

	it('prints no fragment of any canary, in any command with any option', () => {
		const leaks: string[] = [];
		let shown = 0;
		const general: Run[] = [
			{ args: [] }, { args: ['--help'] }, { args: ['--version'] },
			{ args: [canaries.secretNames.defined] },
			{ args: ['list', `--password=${canaries.placed.get('--password')!}`] },
		];
		for (const runDescription of [...general, ...commands.flatMap(runsOf)]) {
			const output = run(runDescription);
			const found = scanner.leaks(output);
			if (runDescription.args.some((arg) => showingOptions.has(arg.replace(/^--/, '')))) {
				shown += found.length;
				continue;
			}
			if (found.length > 0) {
				const shownArgs = runDescription.args.map((arg) => scanner.leaks(arg).length > 0 ? '<canary>' : arg);
				leaks.push(`aws-profiles ${shownArgs.join(' ')}: ${found.join(', ')}`);
			}
		}
		assert.ok(shown > 10, 'parse --show-secrets shows the canaries: the scan finds what is there');
		assert.deepEqual(leaks, []);
	});
});
