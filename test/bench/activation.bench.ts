/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Part of `npm run bench`: the extension's own share of activation (evaluating its bundle, then activate()),
// in a real VS Code 1.100 on the integration tests' profiles and workspace, for the production build users get.
// Target: a median of at most 25 ms. Beside it, the same measure for the production build of a baseline commit
// (the one before the plain-core change; AWS_PROFILES_BENCH_BASELINE names another), the two loaded in
// alternation so that the machine's load falls on both alike.
// Each load of the workbench starts a new extension host, so every run is a first activation. The workbench and
// Chromium work on the same two cores meanwhile, which is what makes one run noisy; the medians are compared.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, projectRoot, runSuitesInWorkbench, startCodeServer } from '../harness/codeServer';
import { createSandbox } from '../harness/sandbox';

const target = 25;
const loadsEach = 9;
/** The last commit before the plain core (issue 20). */
const defaultBaseline = 'dac43d7';
const probe = path.join(projectRoot, 'out', 'test', 'bench', 'activationProbe.js');
const fixtures = path.join(projectRoot, 'test', 'fixtures');
/** What the probe logs. */
const activationLine = /^activation: (\d+(?:\.\d+)?) ms$/;
/** What a build of the extension needs from a source tree; node_modules is shared. */
const buildInputs = ['package.json', 'esbuild.mjs', 'src', 'media'];

interface Build {
	readonly name: string;
	readonly folder: string;
}

/** The production build of a source tree copied into `folder` (the tree as it is, or a commit's). */
function buildExtension(folder: string): void {
	symlinkSync(path.join(projectRoot, 'node_modules'), path.join(folder, 'node_modules'));
	execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: folder, stdio: 'inherit' });
}

function buildWorkingTree(root: string): Build {
	const folder = path.join(root, 'this-tree');
	mkdirSync(folder);
	for (const input of buildInputs) {
		cpSync(path.join(projectRoot, input), path.join(folder, input), { recursive: true });
	}
	buildExtension(folder);
	return { name: 'this tree', folder };
}

function buildCommit(root: string, commit: string): Build {
	const folder = path.join(root, 'baseline');
	mkdirSync(folder);
	const archive = execFileSync('git', ['archive', '--format=tar', commit, ...buildInputs], { cwd: projectRoot, maxBuffer: 256 * 1024 * 1024 });
	execFileSync('tar', ['-x', '-C', folder], { input: archive });
	buildExtension(folder);
	return { name: `baseline ${commit}`, folder };
}

function median(times: readonly number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<number> {
	const root = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-activation-'));
	const sandbox = createSandbox({ home: path.join(fixtures, 'home'), workspace: path.join(fixtures, 'workspace') }, 'aws-profiles-bench-');
	const baseline = process.env.AWS_PROFILES_BENCH_BASELINE ?? defaultBaseline;
	try {
		const builds = [buildWorkingTree(root), buildCommit(root, baseline)];
		// this tree, baseline, this tree, baseline...
		const order = Array.from({ length: loadsEach * builds.length }, (_, i) => builds[i % builds.length]);
		const times = new Map<Build, number[]>(builds.map((build) => [build, []]));
		let load = 0;
		const server = await startCodeServer(sandbox, await freePort());
		try {
			const result = await runSuitesInWorkbench(server, sandbox, order.map(() => probe), {
				timeoutMs: 120_000,
				extensionPaths: order.map((build) => build.folder),
				onLog: (line) => {
					const match = activationLine.exec(line.trim());
					if (match) {
						times.get(order[load++])!.push(Number(match[1]));
					}
				},
			});
			if (result.exitCode !== 0 || load !== order.length) {
				console.log(`The activation probe failed (exit ${result.exitCode}, ${load} of ${order.length} loads reported).`);
				return 1;
			}
		} finally {
			await server.stop();
		}
		console.log(`Activation in VS Code, own time (bundle + activate()), production builds, ${loadsEach} loads each in alternation:`);
		for (const build of builds) {
			const runs = times.get(build)!;
			console.log(`  ${build.name.padEnd(18)} median ${median(runs).toFixed(1).padStart(6)} ms   (each: ${runs.map((ms) => ms.toFixed(1)).join(', ')})`);
		}
		const own = median(times.get(builds[0])!);
		const met = own <= target;
		console.log(met ? `Target met (at most ${target} ms).` : `MISSED: activation takes more than ${target} ms.`);
		return met ? 0 : 1;
	} finally {
		sandbox.dispose();
		rmSync(root, { recursive: true, force: true });
	}
}

main().then((status) => process.exit(status), (error: unknown) => {
	console.error(error);
	process.exit(1);
});
