/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The attack: `aws-profiles list --json | wc -c` gave exactly 65,536 bytes of 3 MB, and `lint | wc -l` 509 lines
// of 5,004, because the CLI called process.exit while Node still held what the pipe had not yet taken. Here the
// bundled CLI (dist/cli.js) runs with its standard output to a pipe on a generated pair of several MB (10,000
// profiles, thousands of findings), and every output must arrive whole: the JSON parses and holds every profile
// and finding, and the text holds a line per finding and its summary.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';
import { generateProfiles } from '../bench/generateProfiles';

const cli = path.join(projectRoot, 'dist', 'cli.js');
const profileCount = 10_000;

/** The CLI in a sandbox HOME with none of the caller's AWS_* variables; its stdout a pipe read as it comes. */
function runThroughPipe(args: readonly string[], home: string): Promise<{ status: number | null; stdout: Buffer; stderr: string }> {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], { env: { ...clean, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') }));
	});
}

describe('Attack: the CLI\'s output through a pipe', function () {
	this.timeout(240_000);
	let home: string;

	before(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-pipe-'));
		const pair = generateProfiles(profileCount);
		mkdirSync(path.join(home, '.aws'), { mode: 0o700 });
		writeFileSync(path.join(home, '.aws', 'config'), pair.config, { mode: 0o600 });
		writeFileSync(path.join(home, '.aws', 'credentials'), pair.credentials, { mode: 0o600 });
	});
	after(() => rmSync(home, { recursive: true, force: true }));

	it('list --json arrives whole: every profile', async () => {
		const result = await runThroughPipe(['list', '--json'], home);
		assert.equal(result.status, 0, result.stderr);
		assert.ok(result.stdout.length > 2_000_000, `only ${result.stdout.length} bytes`);
		const profiles = JSON.parse(result.stdout.toString('utf8')) as unknown[];
		assert.equal(profiles.length, profileCount);
	});

	it('parse --json arrives whole: every profile', async () => {
		const result = await runThroughPipe(['parse', '--json'], home);
		assert.equal(result.status, 0, result.stderr);
		assert.ok(result.stdout.length > 1_000_000, `only ${result.stdout.length} bytes`);
		const parsed = JSON.parse(result.stdout.toString('utf8')) as { profiles: Record<string, unknown> };
		assert.equal(Object.keys(parsed.profiles).length, profileCount);
	});

	it('lint and lint --format json arrive whole: a line per finding, and the summary', async () => {
		const json = await runThroughPipe(['lint', '--format', 'json'], home);
		const text = await runThroughPipe(['lint'], home);
		assert.equal(json.status, text.status, json.stderr);
		const findings = JSON.parse(json.stdout.toString('utf8')) as { rule: string }[];
		// One in six generated profiles has an inline comment (a compatibility warning), one in six expired keys.
		assert.ok(findings.length > profileCount / 6, `only ${findings.length} findings`);
		const lines = text.stdout.toString('utf8').split('\n');
		assert.equal(lines.pop(), '', 'the text ends with a line break');
		const counted = (lines[lines.length - 1].match(/\d+/g) ?? []).reduce((sum, count) => sum + Number(count), 0);
		assert.equal(counted, findings.length, `the summary counts every finding: ${lines[lines.length - 1]}`);
		assert.equal(lines.length, findings.length + 2, 'a line per finding, a blank line and the summary');
	});
});
