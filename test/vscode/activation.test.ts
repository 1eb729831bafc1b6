/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { extensionId, sandboxRoot, testingApi } from './helpers';

/** Modules of the AWS SDK (or our bundle of it) that Node has loaded in this extension host. */
function loadedAwsModules(): string[] {
	return Object.keys(require.cache).filter((file) =>
		/[\\/]node_modules[\\/](@aws-sdk|@smithy)[\\/]/.test(file) || /[\\/]dist[\\/]aws\.js$/.test(file));
}

describe('Activation', () => {
	let api: TestingApi;

	before(async () => {
		api = await testingApi();
	});

	it('runs inside a real VS Code 1.100', () => {
		assert.match(vscode.version, /^1\.100\./);
		assert.ok(vscode.extensions.getExtension(extensionId)?.isActive);
	});

	it('registers every command that package.json contributes', async () => {
		const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON as {
			contributes: { commands: { command: string; title: string; category: string }[] };
		};
		const registered = new Set(await vscode.commands.getCommands(true));
		for (const { command, category } of manifest.contributes.commands) {
			assert.ok(registered.has(command), `${command} is not registered`);
			assert.equal(category, 'AWS Profiles');
		}
	});

	// The 25 ms target is checked by `npm run bench` (activation.bench.ts, the median of several windows):
	// one activation on a busy 2-core machine ranges from 15 to 80 ms, so a test of one would fail at random.
	it('measures its own time to load and activate', () => {
		assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activation time: ${api.activationMs}`);
	});

	it('loads no AWS SDK module when it activates', () => {
		assert.deepEqual(loadedAwsModules(), []);
		const extensionPath = vscode.extensions.getExtension(extensionId)!.extensionPath;
		// The bundle itself holds no SDK code either: it reaches the SDK only through dist/aws.js.
		const meta = JSON.parse(fs.readFileSync(path.join(extensionPath, 'out', 'esbuild-extension.json'), 'utf8')) as {
			inputs: Record<string, unknown>;
		};
		const sdkInputs = Object.keys(meta.inputs).filter((input) => /node_modules[\\/](@aws-sdk|@smithy)/.test(input));
		assert.deepEqual(sdkInputs, []);
		// And the check above does see the SDK once something loads it.
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the bundle is the control experiment.
		require(path.join(extensionPath, 'dist', 'aws.js'));
		assert.ok(loadedAwsModules().length > 0);
	});

	it('uses the sandbox HOME and AWS files, never the machine\'s ~/.aws', async () => {
		const sandbox = sandboxRoot();
		const realHome = os.userInfo().homedir;
		assert.notEqual(os.homedir(), realHome);
		assert.ok(os.homedir().startsWith(sandbox));
		assert.ok(api.files.configFile.startsWith(sandbox));
		assert.ok(api.files.credentialsFile.startsWith(sandbox));

		const touched = await recordFileAccess(() => vscode.commands.executeCommand('awsProfiles.refresh'));
		assert.ok(touched.includes(api.files.configFile), `the config file was not read: ${touched.join(', ')}`);
		assert.ok(touched.includes(api.files.credentialsFile));
		const outside = touched.filter((file) => file.startsWith(path.join(realHome, '.aws')));
		assert.deepEqual(outside, []);
	});
});

/** Every path passed to Node's fs while `action` runs (the extension shares this process's `fs` module). */
async function recordFileAccess(action: () => Thenable<unknown>): Promise<string[]> {
	const touched: string[] = [];
	const restore: (() => void)[] = [];
	const spy = (target: object, name: string) => {
		const descriptor = Object.getOwnPropertyDescriptor(target, name);
		const original = descriptor?.value ?? (descriptor?.get?.call(target) as unknown);
		if (typeof original !== 'function' || !descriptor?.configurable) {
			return; // VS Code's extension host locks some of the sync functions.
		}
		Object.defineProperty(target, name, {
			configurable: true,
			writable: true,
			value: function (this: unknown, file: unknown, ...rest: unknown[]) {
				touched.push(String(file));
				return original.call(this, file, ...rest);
			},
		});
		restore.push(() => Object.defineProperty(target, name, descriptor));
	};
	for (const name of ['readFile', 'open', 'stat', 'lstat', 'access']) {
		spy(fs.promises, name);
	}
	assert.equal(restore.length, 5, 'the fs.promises functions the core reads with must be watched');
	for (const name of ['readFileSync', 'openSync', 'statSync', 'existsSync', 'readFile', 'open', 'stat']) {
		spy(fs, name);
	}
	try {
		await action();
	} finally {
		restore.forEach((undo) => undo());
	}
	return touched;
}
