/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';

export const cli = path.join(projectRoot, 'dist', 'cli.js');

/** The caller's environment without its AWS_* variables, so that no test reads the machine's own setup. */
export function cleanEnvironment(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
}

/** Runs the bundled CLI as a user would, in a sandbox HOME with none of the caller's AWS_* variables. */
export function runCli(args: string[], env: NodeJS.ProcessEnv) {
	const result = spawnSync(process.execPath, [cli, ...args], { env: { ...cleanEnvironment(), ...env }, encoding: 'utf8' });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface CliRun {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs the bundled CLI without waiting on it; `onStderr` sees standard error as it comes (a code to approve). */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv, onStderr?: (text: string) => void): Promise<CliRun> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [cli, ...args], { env: { ...cleanEnvironment(), ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => stdout += chunk.toString('utf8'));
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
			onStderr?.(stderr);
		});
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}
