/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import { loadJsSdkReader } from '../aws/lazy';
import { platformOf } from '../core/readings/fileLocations';
import type { Finding, SeveritySetting } from '../core/lint/rule';
import type { LintSession } from '../core/lint/lintSession';
import { CheckedFiles, codeActionsOf, toDiagnostic } from './findingDiagnostics';
import { loadChecks } from './lazyBundles';
import type { FileRole } from '../core/readings/fileLocations';
import type { FileTexts } from '../core/readings/reading';
import type { LegacySdkUse } from '../core/references/legacySdkUses';
import type { ProfileStore } from './profileStore';
import { shownPath } from '../core/display/displayPath';

export const awsLanguages: Readonly<Record<FileRole, string>> = { config: 'aws-config', credentials: 'aws-credentials' };
const diagnosticSource = 'AWS Profiles';
/** Typing pauses this long before the files are linted again. */
const debounceMs = 150;

/** What was linted at one moment: the texts (for turning offsets into positions) and the findings. */
interface LintRun {
	readonly texts: Readonly<Record<FileRole, string>>;
	readonly uris: Readonly<Record<FileRole, vscode.Uri>>;
	readonly findings: readonly Finding[];
}

/** The document and version a run linted. */
export interface LintedVersion {
	readonly uri: vscode.Uri;
	readonly version: number;
}

/** The run whose findings a document shows, and when it started (see `started`). */
interface ShownRun {
	readonly started: number;
	readonly run: LintRun;
}

/**
 * Lints the config and credentials files as they are typed (the editor's text, not the file on disk) and
 * keeps one diagnostic collection for both; a document's quick fixes come from the run its diagnostics came
 * from, so they match the text the diagnostics were made from.
 */
export class AwsFileDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
	static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
	private readonly collection = vscode.languages.createDiagnosticCollection('aws-profiles');
	private readonly timers = new Map<string, NodeJS.Timeout>();
	/**
	 * By document: the run its diagnostics show. A run lints both files, so one of the real files may show a run
	 * of the other.
	 */
	private readonly shown = new Map<string, ShownRun>();
	/** How many runs have taken their texts: a later run read texts at least as new, whichever ends first. */
	private started = 0;
	/**
	 * By linted document: the session that keeps its pair's last parse, so that a re-lint after an edit parses
	 * only what the edit touched. The findings do not depend on it (a session gives what a lint from nothing
	 * gives), so runs that overlap while the JS SDK reads are still correct.
	 */
	private readonly sessions = new Map<string, LintSession>();
	/**
	 * Documents whose last tab was closed. VS Code keeps a closed document alive (in `textDocuments`, without
	 * onDidCloseTextDocument) for a while: without this, a re-lint would put its problems back in the panel.
	 */
	private readonly closedTabs = new Set<string>();
	private readonly subscriptions: vscode.Disposable[] = [];
	private readonly linted = new vscode.EventEmitter<LintedVersion>();
	/** Fires after each run, with the document and version it linted: the tests wait on it. */
	readonly onDidLint = this.linted.event;

	constructor(
		private readonly store: ProfileStore,
		private readonly rootUsers: () => ReadonlySet<string>,
		private readonly log: vscode.LogOutputChannel,
		/** The profiles Serverless v3 projects of the workspace name (ServerlessProjects). */
		private readonly legacySdkUses: () => readonly LegacySdkUse[] = () => [],
	) {
		this.subscriptions.push(
			vscode.workspace.onDidOpenTextDocument((document) => this.documentOpened(document)),
			vscode.workspace.onDidChangeTextDocument((event) => this.documentChanged(event.document)),
			vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
			vscode.window.tabGroups.onDidChangeTabs((event) => this.tabsChanged(event)),
			store.onDidChange(() => this.relintOpenFiles()),
			vscode.languages.registerCodeActionsProvider(Object.values(awsLanguages).map((language) => ({ language })), this, {
				providedCodeActionKinds: AwsFileDiagnostics.providedCodeActionKinds,
			}),
		);
		this.relintOpenFiles();
	}

	/** The role of a document: the file the SDK reads, or a file the user marked with our language. */
	roleOf(document: vscode.TextDocument): FileRole | undefined {
		return this.realFileOf(document.uri)
			?? (Object.keys(awsLanguages) as FileRole[]).find((role) => awsLanguages[role] === document.languageId);
	}

	/** Which of the files the SDK reads `uri` is, if it is one. */
	private realFileOf(uri: vscode.Uri): FileRole | undefined {
		const { configFile, credentialsFile } = this.store.locations;
		if (uri.scheme !== 'file') {
			return undefined;
		}
		return uri.fsPath === configFile ? 'config' : uri.fsPath === credentialsFile ? 'credentials' : undefined;
	}

	relintOpenFiles(): void {
		for (const document of vscode.workspace.textDocuments) {
			this.documentChanged(document);
		}
	}

	private documentOpened(document: vscode.TextDocument): void {
		this.closedTabs.delete(document.uri.toString());
		this.documentChanged(document);
	}

	private documentChanged(document: vscode.TextDocument): void {
		const role = this.roleOf(document);
		if (!role || this.closedTabs.has(document.uri.toString())) {
			return;
		}
		if (document.languageId !== awsLanguages[role] && document.uri.scheme === 'file') {
			// A file at AWS_CONFIG_FILE's path may have any name: give it the language (grammar, comments).
			void vscode.languages.setTextDocumentLanguage(document, awsLanguages[role]);
			return;
		}
		const key = document.uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			void this.lint(document, role).catch((error: unknown) => this.log.error(`Linting ${shownPath(document.uri.fsPath)} failed: ${String((error as Error)?.name)}`));
		}, debounceMs));
	}

	private documentClosed(document: vscode.TextDocument): void {
		if (this.roleOf(document)) {
			this.forget(document.uri);
		}
	}

	/** A document's problems go with its last tab; they come back when it is shown again. */
	private tabsChanged(event: vscode.TabChangeEvent): void {
		for (const tab of event.closed) {
			const uri = tabUri(tab);
			if (uri && !isInTab(uri)) {
				this.forget(uri);
				this.closedTabs.add(uri.toString());
			}
		}
		for (const tab of event.opened) {
			const uri = tabUri(tab);
			const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
			if (document) {
				this.documentOpened(document);
			}
		}
	}

	private forget(uri: vscode.Uri): void {
		const key = uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.delete(key);
		this.collection.delete(uri);
		this.shown.delete(key);
		this.sessions.delete(key);
	}

	/** Lints the document together with the other file: many rules look at both (a source profile, a duplicate). */
	private async lint(document: vscode.TextDocument, role: FileRole): Promise<void> {
		const other: FileRole = role === 'config' ? 'credentials' : 'config';
		const snapshot = await this.store.snapshot();
		const otherPath = other === 'config' ? this.store.locations.configFile : this.store.locations.credentialsFile;
		const otherUri = vscode.Uri.file(otherPath);
		const otherDocument = vscode.workspace.textDocuments.find((d) => d.uri.toString() === otherUri.toString());
		const onDisk = snapshot.files.find((file) => file.role === other);
		const otherText = otherDocument?.getText() ?? (onDisk?.kind === 'read' ? onDisk.text : undefined);
		const texts: FileTexts = { [role]: document.getText(), ...(otherText === undefined ? {} : { [other]: otherText }) };
		const version = document.version;
		const started = ++this.started;
		const jsSdk = await loadJsSdkReader().readJsSdk(texts);
		if (document.version !== version || document.isClosed || this.closedTabs.has(document.uri.toString())) {
			return; // typed again meanwhile (a newer run is on its way), or closed
		}
		const settings = vscode.workspace.getConfiguration('awsProfiles');
		const findings = this.sessionOf(document).lint({
			texts,
			fileModes: this.fileModes({ [role]: document.uri, [other]: otherUri }),
			platform: platformOf(process.platform),
			jsSdk,
			verification: new Map([...this.rootUsers()].map((name) => [name, { rootUser: true }])),
			legacySdkUses: this.legacySdkUses(),
			options: {
				rules: settings.get<Record<string, SeveritySetting>>('lint.rules', {}),
				...(settings.get<string>('naming.pattern') ? { namingPattern: settings.get<string>('naming.pattern') } : {}),
			},
		});
		const run: LintRun = {
			texts: { config: texts.config ?? '', credentials: texts.credentials ?? '', [role]: document.getText() } as Record<FileRole, string>,
			uris: { [role]: document.uri, [other]: otherUri } as Record<FileRole, vscode.Uri>,
			findings,
		};
		this.show(document.uri, role, { started, run });
		// The other file's findings hold only when this document is the real file it pairs with, not a file the
		// user marked with our language.
		if (otherDocument && !this.closedTabs.has(otherUri.toString()) && this.realFileOf(document.uri) === role) {
			this.show(otherUri, other, { started, run });
		}
		this.linted.fire({ uri: document.uri, version });
	}

	/** Shows a run's findings of one file, unless a run that started later shows that file already (runs end in any order). */
	private show(uri: vscode.Uri, role: FileRole, shown: ShownRun): void {
		const key = uri.toString();
		if ((this.shown.get(key)?.started ?? 0) > shown.started) {
			return;
		}
		this.shown.set(key, shown);
		const { run } = shown;
		this.collection.set(uri, run.findings.filter((f) => f.file === role).map((f) => toDiagnostic(f, checkedFiles(run), diagnosticSource)));
	}

	private sessionOf(document: vscode.TextDocument): LintSession {
		const key = document.uri.toString();
		let session = this.sessions.get(key);
		if (!session) {
			session = new (loadChecks().LintSession)();
			this.sessions.set(key, session);
		}
		return session;
	}

	private fileModes(uris: Partial<Record<FileRole, vscode.Uri>>): Partial<Record<FileRole, number>> {
		const modes: Partial<Record<FileRole, number>> = {};
		for (const [role, uri] of Object.entries(uris) as [FileRole, vscode.Uri][]) {
			try {
				modes[role] = uri.scheme === 'file' ? statSync(uri.fsPath).mode : undefined;
			} catch {
				// not on disk yet
			}
		}
		return modes;
	}

	provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
		const run = this.shown.get(document.uri.toString())?.run;
		const role = this.roleOf(document);
		if (!run || !role || run.texts[role] !== document.getText()) {
			return []; // stale: the diagnostics of the current text are on their way
		}
		return codeActionsOf(run.findings, role, context.diagnostics, checkedFiles(run), diagnosticSource);
	}

	dispose(): void {
		this.timers.forEach((timer) => clearTimeout(timer));
		this.sessions.clear();
		this.subscriptions.forEach((subscription) => subscription.dispose());
		this.collection.dispose();
		this.linted.dispose();
	}
}

function checkedFiles(run: LintRun): CheckedFiles<FileRole> {
	return { uriOf: (file) => run.uris[file], textOf: (file) => run.texts[file] };
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
	return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}

function isInTab(uri: vscode.Uri): boolean {
	return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tabUri(tab)?.toString() === uri.toString()));
}
