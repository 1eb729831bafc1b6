/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Runs the extension in a real VS Code 1.100 offline: code-server (from the npm registry) serves the
// workbench, headless Chromium (Debian's) renders it, and Playwright drives Chromium. With an
// `extensionTestsPath` in the URL's payload, the workbench runs our mocha suite in the extension host and
// reports its result through `codeAutomationExit`, as VS Code's own web integration tests do.

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, renameSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { format } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Browser, chromium, Page } from 'playwright-core';
import { Sandbox } from './sandbox';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');
const chromiumPath = process.env.AWS_PROFILES_CHROMIUM ?? '/usr/bin/chromium';
const screenshotMarker = /^\[\[screenshot:(.+)\]\]$/;
const pageMarker = /^\[\[page:(.+)\]\]$/;
// The workbench's own noise: its stack frames, and the extension gallery it cannot reach offline.
const workbenchNoise = /\/static\/out\/vs\/|open-vsx\.org/;

/** Installs code-server into its cache folder if needed (see install-code-server.sh) and returns its entry. */
export function codeServerEntry(): string {
	const script = path.join(projectRoot, 'test', 'harness', 'install-code-server.sh');
	const output = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	const folder = output.trim().split('\n').pop() ?? '';
	const entry = path.join(folder, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
	if (!existsSync(entry)) {
		throw new Error(`code-server is not installed at ${entry}`);
	}
	return entry;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface RunningCodeServer {
	readonly port: number;
	readonly url: string;
	readonly logFile: string;
	stop(): Promise<void>;
}

export async function startCodeServer(sandbox: Sandbox, port: number): Promise<RunningCodeServer> {
	const entry = codeServerEntry();
	const logFile = path.join(sandbox.root, 'code-server.log');
	const log = createWriteStream(logFile);
	const child: ChildProcess = spawn(process.execPath, [
		entry,
		'--auth', 'none',
		'--bind-addr', `127.0.0.1:${port}`,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--user-data-dir', sandbox.userDataDir,
		'--extensions-dir', sandbox.extensionsDir,
		sandbox.workspace,
	], { env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	const url = `http://127.0.0.1:${port}`;
	await waitUntilServing(`${url}/healthz`, child, 60_000);
	return {
		port,
		url,
		logFile,
		stop: () => new Promise((resolve) => {
			if (child.exitCode !== null) {
				return resolve();
			}
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		}),
	};
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`code-server exited with status ${child.exitCode} before serving`);
		}
		try {
			if ((await fetch(url)).ok) {
				return;
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * The workbench URL that opens the workspace with our extension in development mode (and, optionally, tests).
 * The extension is this project's unless `extensionPath` names another build of it (the activation bench's).
 */
export function workbenchUrl(server: RunningCodeServer, workspace: string, extensionTestsPath?: string, extensionPath = projectRoot): string {
	const remote = (file: string) => `vscode-remote://localhost:${server.port}${file}`;
	const payload: [string, string][] = [['extensionDevelopmentPath', remote(extensionPath)]];
	if (extensionTestsPath) {
		payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
	}
	payload.push(['skipWelcome', 'true']);
	return `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
		],
	});
}

export interface TestRunResult {
	readonly exitCode: number;
	readonly passed: number;
	readonly failed: number;
}

/**
 * Opens the workbench with each suite in turn, in ONE browser page (so the second suite sees the browser-side
 * storage the first left, as a reload of the window does), and resolves when the workbench reports the last
 * suite's end. Everything the extension host logs is forwarded to `onLog`; a logged `[[screenshot:<path>]]`
 * makes the harness save a PNG of the page there (the tests use it for the README's pictures), and a logged
 * `[[page:<json PageRequest>]]` reads or clicks the workbench for a test (see PageRequest).
 */
export async function runSuitesInWorkbench(
	server: RunningCodeServer,
	sandbox: Sandbox,
	extensionTestsPaths: readonly string[],
	options: {
		timeoutMs: number;
		onLog: (line: string) => void;
		onSuiteEnd?: (suite: string, result: TestRunResult) => void;
		/** The build of the extension to load, for each suite in turn (this project's when absent). */
		extensionPaths?: readonly string[];
		/** Given the workbench's page once it exists, for a bench that watches what the workbench renders. */
		onPage?: (page: Page) => void;
	},
): Promise<TestRunResult> {
	const browser = await launchBrowser();
	try {
		// The clipboard permissions let the tests read what a command copied.
		const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
		const page = await browserContext.newPage();
		options.onPage?.(page);
		let counts = { passed: 0, failed: 0 };
		let onExit: (code: number) => void = () => undefined;
		await page.exposeFunction('codeAutomationExit', (code: number) => onExit(code));
		await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
			// The host forwards console.log's arguments as they were given, format string first.
			for (const line of format(...args).split('\n')) {
				const shot = screenshotMarker.exec(line.trim());
				if (shot) {
					void takeScreenshot(page, shot[1]);
					continue;
				}
				const request = pageMarker.exec(line.trim());
				if (request) {
					void answerPageRequest(page, JSON.parse(request[1]) as PageRequest);
					continue;
				}
				counts = parseSummary(line) ?? counts;
				if (workbenchNoise.test(line)) {
					continue;
				}
				options.onLog(type === 'error' ? `[error] ${line}` : line);
			}
		});
		let total: TestRunResult = { exitCode: 0, passed: 0, failed: 0 };
		for (const [index, suite] of extensionTestsPaths.entries()) {
			counts = { passed: 0, failed: 0 };
			const exited = new Promise<number>((resolve) => {
				onExit = resolve;
			});
			await page.goto(workbenchUrl(server, sandbox.workspace, suite, options.extensionPaths?.[index]));
			const exitCode = await Promise.race([exited, timeAfter(options.timeoutMs, options.onLog)]);
			const result = { exitCode, ...counts };
			options.onSuiteEnd?.(suite, result);
			total = { exitCode: total.exitCode || exitCode, passed: total.passed + counts.passed, failed: total.failed + counts.failed };
			if (exitCode === 124) {
				break;
			}
		}
		return total;
	} finally {
		await browser.close();
	}
}

function timeAfter(timeoutMs: number, onLog: (line: string) => void): Promise<number> {
	return new Promise<number>((resolve) => setTimeout(() => {
		onLog(`The suite did not finish within ${timeoutMs} ms.`);
		resolve(124);
	}, timeoutMs).unref());
}

async function takeScreenshot(page: Page, file: string): Promise<void> {
	// Written under another name first, so a test waiting for the file never reads half a PNG.
	const partial = `${file}.partial.png`;
	await page.screenshot({ path: partial });
	renameSync(partial, file);
}

/**
 * What the extension host cannot do through the VS Code API, asked of the browser: the text the workbench
 * shows (to see that VS Code rendered a contribution, such as a walkthrough), or a click on a button or link
 * by its accessible name (to press a walkthrough step's button as a user does), or an attribute of the first
 * element a CSS selector finds (a walkthrough step's `aria-checked`: whether VS Code counts it done). The
 * answer is written to `file`: the text, `clicked`, the attribute's value, or `error: <message>`.
 */
export type PageRequest =
	| { readonly action: 'text'; readonly file: string }
	| { readonly action: 'attribute'; readonly selector: string; readonly attribute: string; readonly file: string }
	| { readonly action: 'click'; readonly name: string; readonly exact: boolean; readonly file: string }
	/**
	 * Types into what has the keyboard focus, as fast as keys go, then presses `press` (`Enter`) if given, at once.
	 * Without `press`, answers once the focused input shows the text: the page has then handled every key, so VS Code
	 * has told the extension host each new value before anything the host asks of the workbench next.
	 */
	| { readonly action: 'type'; readonly text: string; readonly press?: string; readonly file: string };

async function answerPageRequest(page: Page, request: PageRequest): Promise<void> {
	let answer: string;
	try {
		if (request.action === 'text') {
			answer = await page.locator('body').innerText();
		} else if (request.action === 'type') {
			await page.keyboard.type(request.text);
			if (request.press) {
				await page.keyboard.press(request.press);
			} else {
				await shownInFocusedInput(page, request.text);
			}
			answer = 'typed';
		} else if (request.action === 'attribute') {
			answer = await page.locator(request.selector).first().getAttribute(request.attribute, { timeout: 10_000 }) ?? '';
		} else {
			const { name, exact } = request;
			const target = page.getByRole('button', { name, exact }).or(page.getByRole('link', { name, exact }))
				.filter({ visible: true })
				.first();
			await target.click({ timeout: 10_000 });
			answer = 'clicked';
		}
	} catch (error) {
		answer = `error: ${error instanceof Error ? error.message : String(error)}`;
	}
	writeFileSync(`${request.file}.partial`, answer);
	renameSync(`${request.file}.partial`, request.file);
}

/** Waits until the focused input's value ends with `text` (a property, which no CSS selector sees). */
async function shownInFocusedInput(page: Page, text: string): Promise<void> {
	const focused = page.locator('input:focus');
	for (const deadline = Date.now() + 10_000; !(await focused.inputValue({ timeout: 10_000 })).endsWith(text);) {
		if (Date.now() > deadline) {
			throw new Error(`the focused input does not show '${text}' after 10 s`);
		}
		await sleep(20);
	}
}

/** The in-host runner ends with `vscode: N passed, N failed`. */
export function parseSummary(line: string): { passed: number; failed: number } | undefined {
	const match = /(\d+) passed, (\d+) failed/.exec(line);
	return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
}
