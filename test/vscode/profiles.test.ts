/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProfileSnapshot } from '../../src/core/io/profileSnapshot';
import type { TestingApi } from '../../src/ui/extension';
import type { ProfileNode } from '../../src/ui/profileTree';
import { span } from '../../src/core/display/timeLeft';
import { activateExtension, logText, sandboxRoot, scripted, testingApi, waitFor, waitForWorkbenchText } from './helpers';

/** Every secret of the fixture files: none may appear in anything the extension shows. */
function fixtureSecrets(api: TestingApi): string[] {
	const text = readFileSync(api.files.credentialsFile, 'utf8') + readFileSync(api.files.configFile, 'utf8');
	const secrets = [...text.matchAll(/^\s*(aws_secret_access_key|aws_session_token|aws_access_key_id)\s*=\s*(\S+)/gm)].map((m) => m[2]);
	return [...secrets, 'fixturePassword0001'];
}

/** Everything a person can read in the view and the status bar. */
function visibleTexts(api: TestingApi): string[] {
	const texts: string[] = [];
	const text = (value: string | vscode.MarkdownString | vscode.TreeItemLabel | undefined) =>
		value === undefined ? '' : typeof value === 'string' ? value : 'value' in value ? value.value : value.label;
	for (const node of api.tree.allNodes()) {
		texts.push(text(node.label), String(node.description ?? ''), text(node.tooltip), node.accessibilityInformation?.label ?? '');
	}
	texts.push(api.statusBar.text, text(api.statusBar.tooltip));
	return texts;
}

/** The profile nodes (by their context value: the bundle's classes are not the ones this file imports). */
function profileNodes(api: TestingApi): ProfileNode[] {
	return api.tree.allNodes().filter((node): node is ProfileNode => /^profile/.test(node.contextValue ?? ''));
}

describe('Profiles view, status bar and switching', () => {
	let api: TestingApi;
	let snapshot: ProfileSnapshot;

	before(async () => {
		api = await testingApi();
		snapshot = await api.store.reload();
		// Earlier suites verified and switched profiles: start from the state a new window has.
		api.resetVerifications();
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'default');
	});

	after(() => {
		api.setPrompts(undefined);
	});

	it('lists exactly the profiles of the two files, with their kinds and descriptions', () => {
		const nodes = profileNodes(api).filter((node) => !node.id?.includes('/'));
		const rows = nodes.map((node) => [node.label, (node.iconPath as vscode.ThemeIcon).id, node.description]);
		assert.deepEqual(rows, [
			['default', 'key', 'active · eu-west-1'],
			['fixture-admin', 'link', ''],
			['fixture-broken', 'error', ''],
			['fixture-dev', 'key', 'us-east-2'],
			['fixture-mfa', 'link', ''],
			['fixture-process', 'terminal', ''],
			['fixture-settings', 'settings-gear', 'sa-east-1'],
			['fixture-sso', 'organization', 'ap-southeast-2'],
			// aws_expiration = 2020-01-01T00:00:00Z: the description says how long ago (issue 19).
			['fixture-temp', 'warning', `expired ${span(Date.now() - Date.UTC(2020, 0, 1))} ago`],
		]);
		assert.equal(snapshot.model.profiles.size, 9);
	});

	it('shows a role\'s source chain (without the role again), and a broken chain as an error node', () => {
		const admin = profileNodes(api).find((node) => node.label === 'fixture-admin')!;
		assert.deepEqual(api.tree.getChildren(admin).map((node) => node.label), ['fixture-dev']);
		const broken = profileNodes(api).find((node) => node.label === 'fixture-broken')!;
		const [error] = api.tree.getChildren(broken);
		assert.equal(error.label, 'Broken role chain');
		assert.match(String(error.tooltip), /fixture-missing/);
	});

	it('says where each property is defined in the tooltip, with the key id masked', () => {
		const dev = profileNodes(api).find((node) => node.label === 'fixture-dev')!;
		const tooltip = (dev.tooltip as vscode.MarkdownString).value;
		assert.match(tooltip, /Access key: `AKIA\*\*\*\*0001`/);
		assert.match(tooltip, /section: config:5/);
		assert.match(tooltip, /`region = us-east-2` config:6/);
		assert.match(tooltip, /`aws_secret_access_key` credentials:8/);
	});

	// How fast is `npm run bench`'s business (test/bench/append.bench.ts), not a test's.
	it('shows an external edit of the credentials file', async () => {
		const file = api.files.credentialsFile;
		const before = readFileSync(file, 'utf8');
		try {
			writeFileSync(file, `${before}\n[fixture-added]\naws_access_key_id = AKIAFIXTUREADDED0001\naws_secret_access_key = ${'a'.repeat(40)}\n`);
			await waitFor(() => profileNodes(api).some((node) => node.label === 'fixture-added'));
		} finally {
			writeFileSync(file, before);
			await waitFor(() => !api.store.current?.model.profiles.has('fixture-added'));
		}
	});

	it('keeps showing what it could read of a broken file, with an error node pointing at the problem', async () => {
		const file = api.files.configFile;
		const before = readFileSync(file, 'utf8');
		try {
			writeFileSync(file, `${before}\n[profile unterminated\nregion = x\n`);
			await waitFor(() => api.store.current?.model.problems.some((p) => p.severity === 'error') === true);
			const [first] = api.tree.getChildren();
			assert.match(String(first.label), /^config file, line \d+: /);
			assert.equal(first.command?.command, 'vscode.open');
			assert.ok(profileNodes(api).some((node) => node.label === 'fixture-dev'));
		} finally {
			writeFileSync(file, before);
			await waitFor(() => !api.store.current?.model.problems.some((p) => p.severity === 'error'));
		}
	});

	it('opens the line its error node names, even after a lone carriage return (a line break to VS Code, text to the SDKs)', async () => {
		const file = api.files.configFile;
		const before = readFileSync(file, 'utf8');
		try {
			writeFileSync(file, `${before}# pasted from an old Mac\rnote\n[profile unterminated\nregion = x\n`);
			await waitFor(() => api.store.current?.model.problems.some((p) => p.severity === 'error') === true);
			const [node] = api.tree.getChildren();
			const named = Number(/^config file, line (\d+): /.exec(String(node.label))?.[1]);
			const selection = (node.command?.arguments?.[1] as { selection: vscode.Range }).selection;
			assert.equal(selection.start.line, named - 1, 'the label and the cursor agree');
			// VS Code's text model breaks lines at \r\n, \n and a lone \r alike.
			const editorLines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
			assert.equal(editorLines[selection.start.line], '[profile unterminated');
		} finally {
			writeFileSync(file, before);
			await waitFor(() => !api.store.current?.model.problems.some((p) => p.severity === 'error'));
		}
	});

	it('follows the SSO token cache: a login shows as the token\'s expiry', async function () {
		this.timeout(20_000);
		const cache = path.join(path.dirname(api.files.configFile), 'sso', 'cache');
		const file = path.join(cache, `${createHash('sha1').update('fixture-corp').digest('hex')}.json`);
		const expiresAt = new Date(Date.now() + 3 * 3600_000).toISOString();
		mkdirSync(cache, { recursive: true });
		try {
			writeFileSync(file, JSON.stringify({ startUrl: 'https://fixture.awsapps.com/start', region: 'eu-west-1', accessToken: 'fixture-token', expiresAt }));
			await waitFor(() => api.store.current?.model.profiles.get('fixture-sso')?.expiry?.state === 'known', 15_000);
			const node = profileNodes(api).find((n) => n.label === 'fixture-sso')!;
			assert.match((node.tooltip as vscode.MarkdownString).value, /Expires in 3 h/);
		} finally {
			rmSync(path.join(path.dirname(api.files.configFile), 'sso'), { recursive: true, force: true });
			await api.store.reload();
		}
	});

	it('has a welcome view for when there is no profile, with Add AWS Profile, the walkthrough, Open Credentials File and a guide', async () => {
		const manifest = vscode.extensions.getExtension('aws-profiles.aws-profiles')!.packageJSON as { contributes: { viewsWelcome: { view: string; contents: string; when: string }[] } };
		const [welcome] = manifest.contributes.viewsWelcome;
		assert.equal(welcome.view, 'awsProfiles.profiles');
		assert.match(welcome.when, /!awsProfiles\.hasProfiles/);
		assert.match(welcome.contents, /\[Add AWS Profile\]\(command:awsProfiles\.addProfile\)/);
		assert.match(welcome.contents, /\[Open Credentials File\]\(command:awsProfiles\.openCredentialsFile\)/);
		assert.match(welcome.contents, /\(command:awsProfiles\.openWalkthrough\)/, 'a link to the walkthrough');
		assert.match(welcome.contents, /\(https:\/\/docs\.aws\.amazon\.com\/IAM\/[^)]+\)/);
		const original = { config: readFileSync(api.files.configFile, 'utf8'), credentials: readFileSync(api.files.credentialsFile, 'utf8') };
		try {
			writeFileSync(api.files.configFile, '');
			writeFileSync(api.files.credentialsFile, '');
			await api.store.reload();
			// A watcher's reload, started after this one by the writes, supersedes it: wait for the empty files.
			await waitFor(() => api.store.current?.model.profiles.size === 0);
			assert.deepEqual(api.tree.getChildren(), [], 'no node hides the welcome view');
		} finally {
			writeFileSync(api.files.configFile, original.config);
			writeFileSync(api.files.credentialsFile, original.credentials);
			await api.store.reload();
		}
	});

	it('switches with the command: the status bar and AWS_PROFILE of new terminals follow', async () => {
		const { onDidChangeActiveProfile, getActiveProfile } = await activateExtension();
		const changed = new Promise<string | undefined>((resolve) => onDidChangeActiveProfile(resolve));
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		assert.equal(await changed, 'fixture-dev');
		assert.equal(getActiveProfile(), 'fixture-dev');
		assert.equal(api.statusBar.text, '$(cloud) fixture-dev · us-east-2');
		assert.equal(api.terminalEnvironment.get('AWS_PROFILE')?.value, 'fixture-dev');
		// VS Code names the extension before it ("AWS Profiles: AWS_PROFILE=..."): the description must not repeat it.
		assert.equal(api.terminalEnvironment.description, 'AWS_PROFILE=fixture-dev');
	});

	it('gives a terminal opened after the switch AWS_PROFILE', async function () {
		this.timeout(60_000);
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-sso');
		const out = path.join(sandboxRoot(), 'terminal-env.txt');
		const terminal = vscode.window.createTerminal({ name: 'aws-profiles-test', cwd: sandboxRoot() });
		try {
			terminal.sendText(`echo "AWS_PROFILE=$AWS_PROFILE" > '${out}'`);
			await waitFor(() => existsSync(out) && readFileSync(out, 'utf8').includes('\n'), 30_000);
			assert.equal(readFileSync(out, 'utf8').trim(), 'AWS_PROFILE=fixture-sso');
		} finally {
			terminal.dispose();
		}
	});

	it('sets AWS_REGION too when awsProfiles.terminal.setRegion is on', async () => {
		const config = vscode.workspace.getConfiguration('awsProfiles');
		await config.update('terminal.setRegion', true, vscode.ConfigurationTarget.Global);
		try {
			await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-sso');
			assert.equal(api.terminalEnvironment.get('AWS_REGION')?.value, 'ap-southeast-2');
		} finally {
			await config.update('terminal.setRegion', undefined, vscode.ConfigurationTarget.Global);
		}
		assert.equal(api.terminalEnvironment.get('AWS_REGION'), undefined);
	});

	it('leaves terminals alone when awsProfiles.terminal.injectProfile is off', async () => {
		const config = vscode.workspace.getConfiguration('awsProfiles');
		await config.update('terminal.injectProfile', false, vscode.ConfigurationTarget.Global);
		try {
			await waitFor(() => api.terminalEnvironment.get('AWS_PROFILE') === undefined);
			assert.match((api.statusBar.tooltip as vscode.MarkdownString).value, /Terminal injection is off/);
		} finally {
			await config.update('terminal.injectProfile', undefined, vscode.ConfigurationTarget.Global);
		}
		await waitFor(() => api.terminalEnvironment.get('AWS_PROFILE') !== undefined);
	});

	it('names a file under the home folder as ~/... in notifications and the log, any other by its full path', async () => {
		const config = vscode.workspace.getConfiguration('awsProfiles');
		const home = process.env.HOME!;
		const outside = path.join(sandboxRoot(), 'no-such-credentials');
		assert.ok(!outside.startsWith(`${home}${path.sep}`), 'the sandbox root is not under HOME');
		try {
			await config.update('credentialsFile', path.join(home, '.aws', 'no-such-credentials'), vscode.ConfigurationTarget.Global);
			await vscode.commands.executeCommand('awsProfiles.openCredentialsFile');
			await waitForWorkbenchText('There is no AWS credentials file at ~/.aws/no-such-credentials yet.');
			await config.update('credentialsFile', outside, vscode.ConfigurationTarget.Global);
			await vscode.commands.executeCommand('awsProfiles.openCredentialsFile');
			await waitForWorkbenchText(`There is no AWS credentials file at ${outside} yet.`);
		} finally {
			await config.update('credentialsFile', undefined, vscode.ConfigurationTarget.Global);
			await vscode.commands.executeCommand('notifications.clearAll');
		}
		await api.store.reload();
		await waitFor(() => logText().includes('profiles from ~/.aws/config and ~/.aws/credentials'), 10_000);
	});

	it('reads the files the awsProfiles.configFile and credentialsFile settings name instead', async () => {
		const config = vscode.workspace.getConfiguration('awsProfiles');
		const other = path.join(sandboxRoot(), 'other-config');
		writeFileSync(other, '[profile elsewhere]\nregion = eu-north-1\n');
		const original = api.store.locations.configFile;
		// Machine-scoped: an (untrusted) workspace cannot redirect the extension to files of its choosing.
		await assert.rejects(Promise.resolve(config.update('configFile', other, vscode.ConfigurationTarget.Workspace)));
		await config.update('configFile', other, vscode.ConfigurationTarget.Global);
		try {
			await waitFor(() => api.store.locations.configFile === other && api.store.current?.model.profiles.has('elsewhere') === true);
			assert.ok(profileNodes(api).some((node) => node.label === 'elsewhere'));
			assert.ok(!profileNodes(api).some((node) => node.label === 'fixture-sso'), 'the sandbox config file is no longer read');
		} finally {
			await config.update('configFile', undefined, vscode.ConfigurationTarget.Global);
		}
		await waitFor(() => api.store.locations.configFile === original && api.store.current?.model.profiles.has('fixture-sso') === true);
	});

	it('clears AWS_PROFILE for "No AWS profile", and never rewrites [default]', async () => {
		const credentials = readFileSync(api.files.credentialsFile, 'utf8');
		const config = readFileSync(api.files.configFile, 'utf8');
		const picks: string[][] = [];
		api.setPrompts(scripted({ pick: (items) => {
			picks.push(items.map((item) => item.label));
			return items.find((item) => item.label.includes('No AWS profile'));
		} }));
		await vscode.commands.executeCommand('awsProfiles.switchProfile');
		assert.equal(api.statusBar.text, '$(cloud) No AWS profile');
		assert.equal(api.terminalEnvironment.get('AWS_PROFILE')?.value, '');
		assert.equal(readFileSync(api.files.credentialsFile, 'utf8'), credentials);
		assert.equal(readFileSync(api.files.configFile, 'utf8'), config);
		// The switcher lists the recently used profiles first, under their own separator.
		const labels = picks[0];
		assert.equal(labels[0], 'recently used');
		assert.match(labels[1], /fixture-sso$/);
		assert.match(labels[2], /fixture-dev$/);
	});

	it('warns in the status bar when the active profile\'s chain is broken, and errs when its keys expired', async () => {
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-broken');
		assert.deepEqual(api.statusBar.backgroundColor, new vscode.ThemeColor('statusBarItem.warningBackground'));
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-temp');
		assert.deepEqual(api.statusBar.backgroundColor, new vscode.ThemeColor('statusBarItem.errorBackground'));
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		assert.equal(api.statusBar.backgroundColor, undefined);
	});

	it('deletes a profile only after a confirmation naming it, and keeps a backup', async () => {
		const file = api.files.credentialsFile;
		const before = readFileSync(file, 'utf8');
		writeFileSync(file, `${before}\n[fixture-doomed]\naws_access_key_id = AKIAFIXTUREDOOMED001\naws_secret_access_key = ${'d'.repeat(40)}\n`);
		const withDoomed = readFileSync(file, 'utf8');
		await api.store.reload();
		try {
			const asked: string[] = [];
			api.setPrompts(scripted({ confirm: (message) => (asked.push(message), false) }));
			await vscode.commands.executeCommand('awsProfiles.deleteProfile', 'fixture-doomed');
			assert.deepEqual(asked, ["Delete the AWS profile 'fixture-doomed'?"]);
			assert.equal(readFileSync(file, 'utf8'), withDoomed, 'declining must change nothing');

			api.setPrompts(scripted({ confirm: () => true }));
			await vscode.commands.executeCommand('awsProfiles.deleteProfile', 'fixture-doomed');
			assert.equal(readFileSync(file, 'utf8'), `${before}\n`);
			assert.equal(readFileSync(`${file}.bak`, 'utf8'), withDoomed);
			assert.ok(!profileNodes(api).some((node) => node.label === 'fixture-doomed'));
		} finally {
			api.setPrompts(undefined);
			writeFileSync(file, before);
			await api.store.reload();
		}
	});

	it('groups by file and by kind, and filters', async () => {
		const config = vscode.workspace.getConfiguration('awsProfiles');
		try {
			await vscode.commands.executeCommand('awsProfiles.groupByKind');
			await waitFor(() => api.tree.getChildren().some((node) => node.label === 'role'));
			// The config file's sso-sessions follow the profiles' groups, in a group of their own.
			assert.deepEqual(api.tree.getChildren().map((node) => node.label), ['config only', 'keys', 'process', 'role', 'sso', 'temporary keys', 'SSO sessions']);
			await vscode.commands.executeCommand('awsProfiles.groupByFile');
			await waitFor(() => api.tree.getChildren().some((node) => node.label === 'config file'));
			assert.deepEqual(api.tree.getChildren().map((node) => node.label), ['config file', 'credentials file', 'SSO sessions']);
			// A profile in both files is listed under both: VS Code refuses (and shows an empty view) when two nodes share an id.
			const ids = api.tree.allNodes().flatMap((node) => node.id === undefined ? [] : [node.id]);
			assert.ok(ids.includes('group:config file/profile:default') && ids.includes('group:credentials file/profile:default'));
			assert.equal(new Set(ids).size, ids.length, 'every node id is unique');
		} finally {
			await config.update('tree.groupBy', undefined, vscode.ConfigurationTarget.Global);
		}
		api.setPrompts(scripted({ input: () => 'sso' }));
		await vscode.commands.executeCommand('awsProfiles.filter');
		assert.deepEqual(api.tree.getChildren().map((node) => node.label), ['fixture-sso']);
		assert.equal(api.treeView.description, 'filter: sso', 'the view says it is filtered');
		await vscode.commands.executeCommand('awsProfiles.clearFilter');
		assert.equal(profileNodes(api).length, 9);
		assert.equal(api.treeView.description, undefined);
	});

	it('says why a section in the other file\'s form is not a profile, with a click that opens its header', async () => {
		const config = api.files.configFile;
		const credentials = api.files.credentialsFile;
		const before = { config: readFileSync(config, 'utf8'), credentials: readFileSync(credentials, 'utf8') };
		try {
			writeFileSync(config, `${before.config}\n[fixture-plain]\nregion = eu-west-1\n`);
			writeFileSync(credentials, `${before.credentials}\n[profile fixture-prefixed]\naws_access_key_id = AKIAFIXTUREHINT00001\naws_secret_access_key = ${'h'.repeat(40)}\n`);
			await waitFor(() => api.tree.getChildren().filter((node) => node.contextValue === 'hint').length === 2);
			const hints = api.tree.getChildren().filter((node) => node.contextValue === 'hint');
			const configLine = before.config.split('\n').length;
			const credentialsLine = before.credentials.split('\n').length;
			assert.deepEqual(hints.map((node) => node.label), [
				`[fixture-plain] is not a profile (config file, line ${configLine + 1})`,
				`[profile fixture-prefixed] is not a profile (credentials file, line ${credentialsLine + 1})`,
			]);
			assert.match(String(hints[0].tooltip), /Write it \[profile fixture-plain\]/);
			assert.match(String(hints[1].tooltip), /Write it \[fixture-prefixed\]/);
			assert.ok(!profileNodes(api).some((node) => /fixture-(plain|prefixed)/.test(String(node.label))), 'neither is listed as a profile');
			await vscode.commands.executeCommand(hints[1].command!.command, ...hints[1].command!.arguments!);
			assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, credentials);
			// Where the click goes, against the file on disk: an editor document of a file outside the workspace may
			// still hold an earlier, shorter text, and VS Code would move the cursor inside it.
			const selection = (hints[1].command!.arguments![1] as { selection: vscode.Range }).selection;
			assert.equal(readFileSync(credentials, 'utf8').split(/\r\n|\r|\n/)[selection.start.line], '[profile fixture-prefixed]');
			const texts = visibleTexts(api).join('\n');
			assert.ok(!texts.includes('h'.repeat(40)) && !texts.includes('AKIAFIXTUREHINT00001'), 'no key in the view');
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
			writeFileSync(config, before.config);
			writeFileSync(credentials, before.credentials);
			await waitFor(() => !api.tree.getChildren().some((node) => node.contextValue === 'hint'));
		}
	});

	it('names the view once in its header, and no command repeats its category', () => {
		type Manifest = { contributes: {
			viewsContainers: { activitybar: { id: string; title: string }[] };
			views: Record<string, { id: string; name: string }[]>;
			commands: { command: string; title: string; category?: string }[];
		} };
		const { contributes } = vscode.extensions.getExtension('aws-profiles.aws-profiles')!.packageJSON as Manifest;
		// VS Code heads a container holding one view "CONTAINER: VIEW", and only once when the two are the same.
		const [container] = contributes.viewsContainers.activitybar;
		assert.deepEqual(contributes.views[container.id].map((view) => view.name), [container.title]);
		// The palette shows "Category: Title": "AWS Profiles: Add AWS Profile..." said it twice.
		for (const { command, title, category } of contributes.commands) {
			const repeated = category?.replace(/s$/i, '').toLowerCase();
			assert.ok(repeated === undefined || !title.toLowerCase().includes(repeated), `${command}: '${category}: ${title}'`);
		}
		assert.equal(contributes.commands.find((c) => c.command === 'awsProfiles.addProfile')?.title, 'Add Profile...');
	});

	it('opens a profile\'s definition at its section', async () => {
		await vscode.commands.executeCommand('awsProfiles.openDefinition', 'fixture-sso');
		const editor = vscode.window.activeTextEditor;
		assert.equal(editor?.document.uri.fsPath, api.files.configFile);
		assert.equal(editor?.document.lineAt(editor.selection.active.line).text, '[profile fixture-sso]');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('copies a profile\'s name', async () => {
		await vscode.commands.executeCommand('awsProfiles.copyProfileName', 'fixture-settings');
		assert.equal(await vscode.env.clipboard.readText(), 'fixture-settings');
	});

	it('renames a profile in both files and in the source_profile that names it, keeping it active', async () => {
		const before = { config: readFileSync(api.files.configFile, 'utf8'), credentials: readFileSync(api.files.credentialsFile, 'utf8') };
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		try {
			let validation: string | undefined | null | Thenable<string | undefined | null | vscode.InputBoxValidationMessage> | vscode.InputBoxValidationMessage;
			api.setPrompts({
				...scripted({}),
				input: (options: vscode.InputBoxOptions) => {
					validation = options.validateInput?.('fixture-sso');
					return Promise.resolve('fixture-developer');
				},
			});
			await vscode.commands.executeCommand('awsProfiles.renameProfile', 'fixture-dev');
			assert.equal(validation, "A profile named 'fixture-sso' already exists.");
			assert.equal(readFileSync(api.files.configFile, 'utf8'), before.config
				.replace('[profile fixture-dev]', '[profile fixture-developer]')
				.replaceAll('source_profile = fixture-dev\n', 'source_profile = fixture-developer\n'));
			assert.equal(readFileSync(api.files.credentialsFile, 'utf8'), before.credentials.replace('[fixture-dev]', '[fixture-developer]'));
			assert.equal((await activateExtension()).getActiveProfile(), 'fixture-developer');
		} finally {
			api.setPrompts(undefined);
			writeFileSync(api.files.configFile, before.config);
			writeFileSync(api.files.credentialsFile, before.credentials);
			await api.store.reload();
			await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-dev');
		}
	});

	it('adds AWS_PROFILE to Node.js debug sessions when awsProfiles.debug.injectProfile is on', async function () {
		this.timeout(90_000);
		const config = vscode.workspace.getConfiguration('awsProfiles');
		const script = path.join(sandboxRoot(), 'print-profile.js');
		const run = async (name: string, env?: Record<string, string>) => {
			const out = path.join(sandboxRoot(), `${name}.txt`);
			writeFileSync(script, `require('fs').writeFileSync(process.argv[2], String(process.env.AWS_PROFILE));\n`);
			const started = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], {
				type: 'node', request: 'launch', name, program: script, args: [out], ...(env ? { env } : {}),
			});
			assert.ok(started, 'the debug session did not start');
			// The script creates the file, then writes it: wait for the content, not the name.
			await waitFor(() => existsSync(out) && readFileSync(out, 'utf8').length > 0, 60_000);
			return readFileSync(out, 'utf8');
		};
		await vscode.commands.executeCommand('awsProfiles.switchProfile', 'fixture-sso');
		await config.update('debug.injectProfile', true, vscode.ConfigurationTarget.Global);
		try {
			assert.equal(await run('injected'), 'fixture-sso');
			assert.equal(await run('own-env', { AWS_PROFILE: 'set-by-launch-json' }), 'set-by-launch-json');
		} finally {
			await config.update('debug.injectProfile', undefined, vscode.ConfigurationTarget.Global);
		}
	});

	it('never shows a secret of the fixtures in the view, its tooltips or the status bar', async () => {
		const secrets = fixtureSecrets(api);
		assert.ok(secrets.length >= 8);
		for (const name of ['fixture-dev', 'fixture-temp', 'fixture-process', 'default']) {
			await vscode.commands.executeCommand('awsProfiles.switchProfile', name);
			for (const text of visibleTexts(api)) {
				for (const secret of secrets) {
					assert.ok(!text.includes(secret), `a secret shows in: ${text.slice(0, 80)}`);
				}
			}
		}
	});
});
