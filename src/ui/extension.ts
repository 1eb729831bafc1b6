/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Keep this import first: it starts the clock of the extension's own activation time.
import { markBundleLoaded, startActivation } from './activationClock';
import * as vscode from 'vscode';
import type { DeployTool } from '../core/verify/deployTools';
import type { FileLocations } from '../core/readings/fileLocations';
import type { VerificationSummary } from '../core/display/profileSummary';
import { maskSecretsIn } from '../core/display/secretMasking';
import { chmod } from 'node:fs/promises';
import { ActiveProfile } from './activeProfile';
import { AwsFileDiagnostics } from './awsFileDiagnostics';
import { AwsFileLanguageFeatures } from './awsFileLanguageFeatures';
import { registerCommands } from './commands';
import { CopyEnvironmentCommand } from './copyEnvironmentCommand';
import { registerDebugInjection } from './debugInjection';
import { keepBackupsOfEditorSaves } from './editorSaveBackups';
import { openProfileFile } from './fileCommands';
import { createLog } from './log';
import { ProfileArgument, ProfileCommands, profileName } from './profileCommands';
import { ProfileStore } from './profileStore';
import { ProjectReferences } from './projectReferences';
import { ProfileTreeProvider, TreeContext } from './profileTree';
import { maskedPrompts, Prompts, windowPrompts } from './prompts';
import { affectsDiagnostics, affectsLocations, affectsTerminal, affectsTree, effectiveLocations, readSettings } from './settings';
import { SecretMaskDecorations } from './secretMaskDecorations';
import { ServerlessProjects } from './serverlessProjects';
import { WorkspaceProjectFiles } from './workspaceProjectFiles';
import { ProfileStatusBar } from './statusBar';
import { VerifyCommand } from './verifyCommand';
import { SessionAlerts } from './sessionAlerts';
import { SessionRefresh } from './sessionRefresh';
import type { SignInArgument, SignInCommand } from './signInCommand';
import { loadSignIn } from './lazyBundles';
import { SsoImportArgument, SsoImportCommand } from './ssoImportCommand';
import { Walkthrough } from './walkthrough';

markBundleLoaded();

/** What `activate` returns to other extensions. */
export interface AwsProfilesApi {
	/** The profile new terminals and tasks of this workspace get as AWS_PROFILE; undefined for none. */
	getActiveProfile(): string | undefined;
	readonly onDidChangeActiveProfile: vscode.Event<string | undefined>;
	/** Internals for the integration tests; present only when VS Code runs the extension's tests. */
	readonly testing?: TestingApi;
}

export interface TestingApi {
	readonly files: FileLocations;
	/** Milliseconds the extension itself spent activating: evaluating its bundle plus running `activate`. */
	readonly activationMs: number;
	readonly store: ProfileStore;
	readonly tree: ProfileTreeProvider;
	readonly treeView: vscode.TreeView<unknown>;
	readonly statusBar: vscode.StatusBarItem;
	readonly terminalEnvironment: vscode.EnvironmentVariableCollection;
	readonly commands: ProfileCommands;
	readonly verifications: ReadonlyMap<string, VerificationSummary>;
	/** Forgets every verification result, as a new window has none. */
	resetVerifications(): void;
	readonly diagnostics: AwsFileDiagnostics;
	readonly masks: SecretMaskDecorations;
	readonly references: ProjectReferences;
	readonly walkthrough: Walkthrough;
	readonly serverlessProjects: ServerlessProjects;
	/** The workspace's project files checked in the background. */
	readonly projectFiles: WorkspaceProjectFiles;
	/** Sign In and Sign Out: its flowOverride and openExternal let a test choose the flow and see the pages opened. */
	readonly signIn: SignInCommand;
	/** The timer of the active profile's session: when it fires next. */
	readonly sessionAlerts: SessionAlerts;
	/** The timer that renews the active profile's SSO token before it expires: when it fires next. */
	readonly sessionRefresh: SessionRefresh;
	/** Replaces the dialogs and inputs with the test's own answers; `undefined` restores VS Code's. */
	setPrompts(prompts: Prompts | undefined): void;
}

// activate() only wires things up: no network, no SDK, no file read, and no waiting on the disk.
export function activate(context: vscode.ExtensionContext): AwsProfilesApi {
	const ownTime = startActivation();
	const log = createLog();
	const store = new ProfileStore(effectiveLocations, log);
	const active = new ActiveProfile(context, process.env.AWS_PROFILE);
	const statusBar = new ProfileStatusBar();
	const verifications = new Map<string, VerificationSummary>();
	let prompts: Prompts = maskedPrompts(windowPrompts);
	let filter = '';

	const treeContext = (): TreeContext | undefined => store.current && {
		snapshot: store.current,
		active: active.name(store.current),
		groupBy: readSettings().groupBy,
		filter,
		verification: (name) => verifications.get(name),
		now: Date.now(),
	};
	const tree = new ProfileTreeProvider(treeContext);
	const treeView = vscode.window.createTreeView('awsProfiles.profiles', { treeDataProvider: tree, showCollapseAll: true });
	const refreshViews = () => {
		const snapshot = store.current;
		const name = active.name(snapshot);
		tree.refresh();
		statusBar.update({ active: name, snapshot, verification: name === undefined ? undefined : verifications.get(name), settings: readSettings(), now: Date.now() });
		void vscode.commands.executeCommand('setContext', 'awsProfiles.loaded', snapshot !== undefined);
		void vscode.commands.executeCommand('setContext', 'awsProfiles.hasProfiles', (snapshot?.model.profiles.size ?? 0) > 0);
		void vscode.commands.executeCommand('setContext', 'awsProfiles.filtered', filter !== '');
		// Beside the view's title: a filtered view is otherwise taken for one that lost profiles.
		treeView.description = filterDescription(filter);
	};
	const commands = new ProfileCommands({
		store,
		active,
		log,
		prompts: () => prompts,
		setFilter: (text) => {
			filter = text;
			refreshViews();
		},
		accountOf: (name) => verifications.get(name)?.account,
		afterAddActions: ['Verify now', 'Switch to it'],
	});
	const serverlessProjects = new ServerlessProjects();
	const diagnostics = new AwsFileDiagnostics(store, () => new Set([...verifications].filter(([, v]) => v.rootUser).map(([name]) => name)), log,
		() => serverlessProjects.uses());
	const isAwsFile = (document: vscode.TextDocument) => diagnostics.roleOf(document) !== undefined;
	const masks = new SecretMaskDecorations(isAwsFile);
	const projectFiles = new WorkspaceProjectFiles();
	const references = new ProjectReferences(store, () => active.name(store.current), (name) => verifications.get(name), projectFiles);
	const walkthrough = new Walkthrough(context, () => prompts, () => active.name(store.current));
	let signInCommand: SignInCommand | undefined;
	const signIn = () => signInCommand ??= new (loadSignIn().SignInCommand)({ store, log, prompts: () => prompts });
	const runSignIn = (profile: string) => vscode.commands.executeCommand('awsProfiles.signIn', profile);
	const activeEntry = () => {
		const name = active.name(store.current);
		return name === undefined ? undefined : store.current?.model.profiles.get(name);
	};
	const sessionAlerts = new SessionAlerts({
		activeEntry,
		prompts: () => prompts,
		redraw: () => refreshViews(),
		signIn: runSignIn,
		log,
	});
	const sessionRefresh = new SessionRefresh({
		activeEntry,
		renew: (profile) => signIn().renew(profile),
		renewalFailed: (entry, message) => sessionAlerts.renewalFailed(entry, message),
		log,
	});
	const armSessions = () => {
		sessionAlerts.arm();
		sessionRefresh.arm();
	};
	const verify = new VerifyCommand({
		store,
		log,
		prompts: () => prompts,
		signIn: runSignIn,
		record: (name, summary) => {
			verifications.set(name, summary);
			if (summary.ok) {
				walkthrough.reached('verifyProfile');
			}
			refreshViews();
			diagnostics.relintOpenFiles();
			references.recheckAll();
		},
	});

	const copyEnvironment = new CopyEnvironmentCommand({ store, log, prompts: () => prompts });
	const ssoImport = new SsoImportCommand({ store, log, prompts: () => prompts });
	// "expires in 42 min" counts down: while a profile has a known expiry, the view and status bar are redrawn each minute.
	const countdown = setInterval(() => {
		if ([...store.current?.model.profiles.values() ?? []].some((entry) => entry.expiry?.state === 'known')) {
			refreshViews();
		}
	}, 60_000);

	context.subscriptions.push(
		{ dispose: () => clearInterval(countdown) },
		log, store, active, statusBar, tree,
		treeView, sessionAlerts, sessionRefresh,
		store.onDidChange((snapshot) => {
			active.applyToTerminals(snapshot);
			refreshViews();
			armSessions();
		}),
		active.onDidChange(refreshViews),
		active.onDidChange(armSessions),
		vscode.workspace.onDidChangeConfiguration((event) => {
			if (affectsLocations(event)) {
				store.setLocations(effectiveLocations());
			}
			if (affectsTerminal(event)) {
				active.applyToTerminals(store.current);
			}
			if (affectsTree(event) || affectsTerminal(event)) {
				refreshViews();
			}
			if (event.affectsConfiguration('awsProfiles.sessions')) {
				armSessions();
			}
			if (affectsDiagnostics(event)) {
				diagnostics.relintOpenFiles();
				references.recheckAll();
			}
		}),
		diagnostics, masks, references, projectFiles, serverlessProjects,
		serverlessProjects.onDidChange(() => diagnostics.relintOpenFiles()),
		active.onDidChange(() => references.recheckAll()),
		active.onDidChange((name) => {
			if (name !== undefined) {
				walkthrough.reached('switchProfile');
			}
		}),
		store.onDidChange((snapshot) => {
			if (snapshot.model.profiles.size > 0) {
				walkthrough.reached('addProfile');
			}
		}),
	);

	registerCommands(context, log, {
		'awsProfiles.refresh': () => store.reload(),
		'awsProfiles.openConfigFile': () => openProfileFile(store, 'config'),
		'awsProfiles.openCredentialsFile': () => openProfileFile(store, 'credentials'),
		'awsProfiles.showLog': () => log.show(),
		'awsProfiles.switchProfile': (name?: string) => commands.switchProfile(name),
		'awsProfiles.addProfile': (name?: string) => commands.addProfile(name),
		'awsProfiles.verifyProfile': (node?: ProfileArgument) => verify.verify(profileName(node)),
		'awsProfiles.checkDeployPermissions': (node?: ProfileArgument) => verify.checkDeploy(profileName(node)),
		'awsProfiles.switchToProfile': (node?: ProfileArgument) => commands.switchProfile(profileName(node)),
		'awsProfiles.openDefinition': (node?: ProfileArgument) => commands.openDefinition(node),
		'awsProfiles.copyProfileName': (node?: ProfileArgument) => commands.copyProfileName(node),
		'awsProfiles.copyAsEnvironmentVariables': (node?: ProfileArgument) => copyEnvironment.copy(profileName(node)),
		'awsProfiles.renameProfile': (node?: ProfileArgument) => commands.renameProfile(node),
		'awsProfiles.deleteProfile': (node?: ProfileArgument) => commands.deleteProfile(node),
		'awsProfiles.groupByFile': () => commands.setGroupBy('file'),
		'awsProfiles.groupByKind': () => commands.setGroupBy('kind'),
		'awsProfiles.sortByName': () => commands.setGroupBy('none'),
		'awsProfiles.filter': () => commands.filter(),
		'awsProfiles.fixFileMode': async (path: string, mode: number) => {
			await chmod(path, mode);
			diagnostics.relintOpenFiles();
		},
		'awsProfiles.openWalkthrough': () => walkthrough.open(),
		'awsProfiles.copyExamplePolicy': (tool?: DeployTool) => walkthrough.copyExamplePolicy(tool),
		'awsProfiles.pinProfileInProject': () => walkthrough.pinActiveProfile(),
		'awsProfiles.signIn': (argument?: SignInArgument) => signIn().signIn(argument),
		'awsProfiles.signOut': (argument?: SignInArgument) => signIn().signOut(argument),
		'awsProfiles.addProfilesFromSso': (argument?: SsoImportArgument) => ssoImport.run(argument),
		'awsProfiles.clearFilter': () => {
			filter = '';
			refreshViews();
		},
	});
	// The rest waits until activate() has returned, which is what VS Code counts as the extension's start: the
	// providers nothing above uses, the first drawing of the views, the watchers and the first read of the files,
	// the first search of the workspace.
	const afterActivation = setImmediate(() => {
		context.subscriptions.push(
			...new AwsFileLanguageFeatures(store, (document) => diagnostics.roleOf(document), (name) => verifications.get(name)).register(),
			...registerDebugInjection(() => active.name(store.current), () => readSettings().injectIntoDebug),
			keepBackupsOfEditorSaves(isAwsFile, log, (message) => void prompts.notify(message, [], 'warning')),
		);
		refreshViews();
		projectFiles.start();
		void store.start().then(async () => {
			const profileCount = store.current?.model.profiles.size ?? 0;
			await walkthrough.offerOnFirstRun(profileCount);
			await walkthrough.catchUp({ profileCount, profileChosen: active.chosen() });
		});
	});
	context.subscriptions.push({ dispose: () => clearImmediate(afterActivation) });

	const activationMs = ownTime();
	log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
	const api: AwsProfilesApi = {
		getActiveProfile: () => active.name(store.current),
		onDidChangeActiveProfile: active.onDidChange,
	};
	if (context.extensionMode !== vscode.ExtensionMode.Test) {
		return api;
	}
	return {
		...api,
		testing: {
			files: store.locations,
			activationMs,
			store,
			tree,
			treeView,
			statusBar: statusBar.item,
			terminalEnvironment: context.environmentVariableCollection,
			commands,
			verifications,
			resetVerifications: () => {
				verifications.clear();
				refreshViews();
			},
			diagnostics,
			masks,
			references,
			walkthrough,
			serverlessProjects,
			projectFiles,
			get signIn() {
				return signIn();
			},
			sessionAlerts,
			sessionRefresh,
			setPrompts: (replacement) => {
				prompts = maskedPrompts(replacement ?? windowPrompts);
			},
		},
	};
}

/** What the view's title says of the filter; what the user typed, with anything shaped like a secret masked. */
function filterDescription(filter: string): string | undefined {
	return filter === '' ? undefined : `filter: ${maskSecretsIn(filter)}`;
}

export function deactivate(): void {
	// Everything is disposed through context.subscriptions.
}
