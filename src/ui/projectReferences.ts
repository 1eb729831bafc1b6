/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadJsSdkReader } from '../aws/lazy';
import type { FileTexts, ReadingResult } from '../core/readings/reading';
import { textsOf } from '../core/io/profileFilesReader';
import type { ProfileSnapshot } from '../core/io/profileSnapshot';
import type { DeployToolReader } from '../core/references/deployToolReader';
import type { ToolReadings } from '../core/references/toolVisibility';
import { isReferenceFile, isTerraformVariablesFile, referenceFileKind } from '../core/references/referenceFiles';
import type { ReferenceFinding } from '../core/references/checkReferences';
import type { SharedFilesText } from '../core/references/sharedFiles';
import { FindOptions, ProfileReference, setVariables } from '../core/references/profileReference';
import { CheckedFiles, codeActionsOf, toDiagnostic } from './findingDiagnostics';
import { loadChecks } from './lazyBundles';
import type { ProfileModel } from '../core/model/profileModel';
import { profileSummary, VerificationSummary } from '../core/display/profileSummary';
import type { TextRange } from '../core/text/textRange';
import type { ProfileStore } from './profileStore';
import { readSettings } from './settings';
import { displayName, maskSecretsIn } from '../core/display/secretMasking';
import { shownPath } from '../core/display/displayPath';
import { readWorkspaceFile } from './workspaceFiles';
import type { WorkspaceProjectFiles } from './workspaceProjectFiles';

const source = 'AWS Profiles';
const debounceMs = 200;
/** How long a hover or quick fix waits for the check of text typed a moment ago. */
const maxCheckWaitMs = 3000;

/** The references of one document as last checked, for the code actions, hovers and lenses of that version. */
interface CheckedDocument {
	/** Undefined for a file checked on disk (not open): nothing of the editor's reads it. */
	readonly version: number | undefined;
	readonly references: readonly ProfileReference[];
	readonly findings: readonly ReferenceFinding[];
	/** What the finders were given besides the text, for completion to read the file as the check did. */
	readonly options: FindOptions;
	/** The files the findings name, with the texts the check read. */
	readonly files: CheckedFiles<string>;
}

/** A project file's text to check: an open document's, or the file's on disk when no editor holds it. */
interface ProjectText {
	readonly uri: vscode.Uri;
	readonly fileName: string;
	readonly text: string;
	/** The document's version; undefined for the text on disk. */
	readonly version: number | undefined;
	/** Whether a newer text has come meanwhile (typed again, opened in an editor, read again): this check is dropped. */
	readonly superseded: () => boolean;
}

/**
 * Profile names pinned in project files (serverless.yml, up.json, zappa_settings, samconfig, cdk.json,
 * Terraform, Pulumi, .env, package.json scripts): underlined when the profile is missing or broken, with
 * quick fixes, hovers, completion, go to definition and a CodeLens that says which profile deploys. The
 * files are only read: nothing of a workspace is ever run.
 */
export class ProjectReferences implements vscode.Disposable, vscode.CodeActionProvider, vscode.HoverProvider,
	vscode.CompletionItemProvider, vscode.DefinitionProvider, vscode.CodeLensProvider {
	private readonly collection = vscode.languages.createDiagnosticCollection('aws-profiles-references');
	private readonly checked = new Map<string, CheckedDocument>();
	private readonly timers = new Map<string, NodeJS.Timeout>();
	private readonly lensesChanged = new vscode.EventEmitter<void>();
	readonly onDidChangeCodeLenses = this.lensesChanged.event;
	private readonly checkedEmitter = new vscode.EventEmitter<vscode.Uri>();
	/** Fires when a document's references were checked: the tests wait on it. */
	readonly onDidCheck = this.checkedEmitter.event;
	private readonly subscriptions: vscode.Disposable[] = [];
	/** The tools' readings of the snapshot's files, made once a snapshot and only for the readers asked for. */
	private readings: { snapshot: ProfileSnapshot; texts: FileTexts; awsCli?: ReadingResult; jsSdk?: Promise<ReadingResult | undefined> } | undefined;

	/** Per file on disk, the number of its latest read: an older read finishing late is dropped. */
	private readonly diskReads = new Map<string, number>();

	constructor(
		private readonly store: ProfileStore,
		private readonly activeProfile: () => string | undefined,
		private readonly verification: (name: string) => VerificationSummary | undefined,
		/** The workspace's project files checked on disk, never opened (the Problems panel shows them). */
		private readonly projectFiles?: WorkspaceProjectFiles,
	) {
		const selector: vscode.DocumentFilter[] = [{ scheme: 'file' }, { scheme: 'untitled' }];
		this.subscriptions.push(
			vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
			vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
			vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
			// A saved `.env` or Terraform variables file changes what the project files beside it read.
			vscode.workspace.onDidSaveTextDocument((document) => this.scheduleBeside(document.uri)),
			...(projectFiles ? [
				projectFiles.onDidChange((uri) => {
					this.scheduleOnDisk(uri);
					this.scheduleBeside(uri);
				}),
				projectFiles.onDidDelete((uri) => this.deleted(uri)),
			] : []),
			// A profile added or fixed in the AWS files clears the warning without reopening the project file.
			store.onDidChange(() => this.recheckAll()),
			vscode.languages.registerCodeActionsProvider(selector, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
			vscode.languages.registerHoverProvider(selector, this),
			vscode.languages.registerCompletionItemProvider(selector, this, '"', '\'', ' ', ':', '='),
			vscode.languages.registerDefinitionProvider(selector, this),
			vscode.languages.registerCodeLensProvider(selector, this),
		);
		this.recheckAll();
	}

	/** Checks again every open project file and every file of the workspace followed on disk. */
	recheckAll(): void {
		vscode.workspace.textDocuments.forEach((document) => this.schedule(document));
		this.projectFiles?.all().forEach((uri) => this.scheduleOnDisk(uri));
		this.lensesChanged.fire();
	}

	private schedule(document: vscode.TextDocument): void {
		if (!isReferenceFile(path.basename(document.fileName))) {
			return;
		}
		this.debounce(document.uri, () => this.checkDocument(document));
	}

	/** A followed file of the workspace, read from disk when no editor holds it (the editor's text wins). */
	private scheduleOnDisk(uri: vscode.Uri): void {
		if (!this.isOpen(uri)) {
			this.debounce(uri, () => this.checkOnDisk(uri));
		}
	}

	/**
	 * The project files that read a file beside them (Serverless its `.env` files, Terraform its module's other
	 * files), checked again when that file changes on disk.
	 */
	private scheduleBeside(changed: vscode.Uri): void {
		const kind = referenceFileKind(changed.fsPath);
		const readBy = kind === 'dotenv' ? 'serverless' : kind === 'terraform' || isTerraformVariablesFile(changed.fsPath) ? 'terraform' : undefined;
		if (readBy === undefined) {
			return;
		}
		const folder = path.dirname(changed.fsPath);
		const besides = (uri: vscode.Uri) => uri.toString() !== changed.toString() && path.dirname(uri.fsPath) === folder && referenceFileKind(uri.fsPath) === readBy;
		vscode.workspace.textDocuments.filter((document) => besides(document.uri)).forEach((document) => this.schedule(document));
		this.projectFiles?.all().filter(besides).forEach((uri) => this.scheduleOnDisk(uri));
	}

	private debounce(uri: vscode.Uri, check: () => Promise<void>): void {
		const key = uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			void check();
		}, debounceMs));
	}

	private isOpen(uri: vscode.Uri): boolean {
		const key = uri.toString();
		return vscode.workspace.textDocuments.some((document) => !document.isClosed && document.uri.toString() === key);
	}

	/** A closed document: a followed file of the workspace goes on being checked on disk; any other is let go. */
	private forget(document: vscode.TextDocument): void {
		if (this.projectFiles?.has(document.uri)) {
			this.scheduleOnDisk(document.uri);
			return;
		}
		this.checked.delete(document.uri.toString());
		this.collection.delete(document.uri);
	}

	/** A file deleted: its problems go, unless an editor still holds its text (then they are the editor's). */
	private deleted(uri: vscode.Uri): void {
		if (this.isOpen(uri)) {
			return;
		}
		const key = uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.delete(key);
		this.diskReads.set(key, (this.diskReads.get(key) ?? 0) + 1);
		this.checked.delete(key);
		this.collection.delete(uri);
		this.lensesChanged.fire();
	}

	private checkDocument(document: vscode.TextDocument): Promise<void> {
		if (document.isClosed) {
			return Promise.resolve();
		}
		const version = document.version;
		return this.check({
			uri: document.uri, fileName: document.fileName, text: document.getText(), version,
			superseded: () => document.isClosed || document.version !== version,
		});
	}

	private async checkOnDisk(uri: vscode.Uri): Promise<void> {
		const key = uri.toString();
		const read = (this.diskReads.get(key) ?? 0) + 1;
		this.diskReads.set(key, read);
		const text = await readWorkspaceFile(uri);
		const superseded = () => this.diskReads.get(key) !== read || this.isOpen(uri) || !this.projectFiles?.has(uri);
		if (superseded()) {
			return;
		}
		if (text === undefined) {
			// Out of the workspace by real path, over a project file's size, or gone: nothing to show.
			this.checked.delete(key);
			this.collection.delete(uri);
			return;
		}
		await this.check({ uri, fileName: uri.fsPath, text, version: undefined, superseded });
	}

	private async check(file: ProjectText): Promise<void> {
		const snapshot = await this.store.snapshot();
		if (file.superseded()) {
			return;
		}
		const { text } = file;
		const beside = await this.filesBeside(file.uri);
		const options: FindOptions = { ...this.terminalEnvironment(), ...beside.options };
		const references = loadChecks().findProfileReferences(path.basename(file.fileName), text, options);
		const kind = referenceFileKind(file.fileName);
		const tool = kind && loadChecks().deployToolReaderOf(kind, file.fileName, text);
		const readings = tool ? await this.toolReadings(snapshot, tool) : undefined;
		if (file.superseded()) {
			return; // typed again meanwhile: a newer check is on its way
		}
		const { configFile, credentialsFile } = this.store.locations;
		const shared = await beside.sharedFiles(references);
		const sharedFiles = shared.length > 0 ? { sharedFiles: loadChecks().sharedFilesLookup(shared, { texts: textsOf(snapshot.files), shown: { config: shownPath(configFile), credentials: shownPath(credentialsFile) } }) } : {};
		const missingProfileSeverity = vscode.workspace.getConfiguration('awsProfiles').get<'warning' | 'error'>('references.missingProfileSeverity', 'warning');
		const findings = loadChecks().checkReferences(references, snapshot.model, {
			file: file.fileName,
			searchedFiles: [credentialsFile, configFile].map(shownPath), now: Date.now(), missingProfileSeverity,
			awsFiles: { config: configFile, credentials: credentialsFile },
			...(tool ? { tool } : {}),
			...(readings ? { readings } : {}),
			...sharedFiles,
		});
		if (file.superseded()) {
			return;
		}
		const files = checkedFiles(file, options);
		this.checked.set(file.uri.toString(), { version: file.version, references, findings, options, files });
		this.collection.set(file.uri, findings.map((finding) => toDiagnostic(finding, files, source)));
		this.lensesChanged.fire();
		this.checkedEmitter.fire(file.uri);
	}

	/**
	 * What the reader of this tool sees in the files on disk (the snapshot): the JS SDK's by its own loader (the AWS
	 * layer, which the AWS files' lint loads too), the AWS CLI's by the core's reader. AWS_SDK_LOAD_CONFIG is the
	 * extension host's, which new terminals inherit.
	 */
	private async toolReadings(snapshot: ProfileSnapshot, tool: DeployToolReader): Promise<ToolReadings> {
		if (this.readings?.snapshot !== snapshot) {
			this.readings = { snapshot, texts: textsOf(snapshot.files) };
		}
		const cached = this.readings;
		if (tool.reader === 'aws-cli') {
			cached.awsCli ??= loadChecks().readAwsCli(cached.texts);
		}
		if (tool.reader === 'js-sdk') {
			cached.jsSdk ??= loadJsSdkReader().readJsSdk(cached.texts).catch(() => undefined);
		}
		const jsSdk = cached.jsSdk ? await cached.jsSdk : undefined;
		return {
			texts: cached.texts,
			...(cached.awsCli ? { awsCli: cached.awsCli } : {}),
			...(jsSdk ? { jsSdk } : {}),
			sdkLoadConfig: Boolean(process.env.AWS_SDK_LOAD_CONFIG),
		};
	}

	/**
	 * For a project file on disk, what its tool reads beside it, as the CLI's scan does (scanFolder.ts), bounded to
	 * the workspace folder: the `.env` files Serverless may load; a Terraform module's other files (variable
	 * values) and a reader of the files its blocks name for the profile (also in the home folder).
	 */
	private async filesBeside(uri: vscode.Uri): Promise<{
		options: Pick<FindOptions, 'dotenvFiles' | 'moduleFiles'>;
		sharedFiles: (references: readonly ProfileReference[]) => Promise<SharedFilesText[]>;
	}> {
		const none = { options: {}, sharedFiles: async () => [] };
		const kind = uri.scheme === 'file' ? referenceFileKind(uri.fsPath) : undefined;
		if (kind !== 'terraform' && kind !== 'serverless') {
			return none;
		}
		const fileName = uri.fsPath;
		const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(fileName);
		const root = await fs.realpath(folder).catch(() => folder);
		const checks = loadChecks();
		if (kind === 'serverless') {
			const dotenvFiles = await checks.dotenvFilesBeside(fileName, root);
			return { ...none, options: dotenvFiles.length > 0 ? { dotenvFiles } : {} };
		}
		const moduleFiles = await checks.terraformModuleFiles(fileName, root);
		return {
			options: moduleFiles.length > 0 ? { moduleFiles } : {},
			sharedFiles: (references) => checks.readSharedFiles(references, fileName, root, os.homedir()),
		};
	}

	/**
	 * The environment a deploy started from a new terminal sees, which `${env:AWS_PROFILE, 'default'}` reads:
	 * VS Code's own, with AWS_PROFILE set to the active profile when it is put into terminals (activeProfile.ts;
	 * empty for "No AWS profile", which the tools read as unset).
	 */
	private terminalEnvironment(): { env: Record<string, string>; envSource: string } {
		const env = setVariables(process.env);
		if (!readSettings().injectProfile) {
			return { env, envSource: 'VS Code\'s environment' };
		}
		const active = this.activeProfile();
		delete env.AWS_PROFILE;
		return { env: active === undefined ? env : { ...env, AWS_PROFILE: active }, envSource: 'the environment of new terminals (the active profile)' };
	}

	private current(document: vscode.TextDocument): CheckedDocument | undefined {
		const checked = this.checked.get(document.uri.toString());
		return checked && checked.version === document.version ? checked : undefined;
	}

	/**
	 * The check of the document's text as it is now, waiting for it when the text changed a moment ago (every change
	 * schedules a check): a hover or quick fix asked right after typing answers for the new text, not nothing.
	 */
	private async checkedNow(document: vscode.TextDocument): Promise<CheckedDocument | undefined> {
		const now = this.current(document);
		if (now || document.isClosed || !isReferenceFile(path.basename(document.fileName))) {
			return now;
		}
		const key = document.uri.toString();
		if (!this.timers.has(key)) {
			this.schedule(document);
		}
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				listener.dispose();
				resolve(this.current(document));
			};
			const timer = setTimeout(done, maxCheckWaitMs);
			const listener = this.onDidCheck((uri) => {
				if (uri.toString() === key && this.current(document)) {
					done();
				}
			});
		});
	}

	private async referenceAt(document: vscode.TextDocument, position: vscode.Position): Promise<ProfileReference | undefined> {
		return (await this.checkedNow(document))?.references.find((reference) =>
			[reference.range, reference.expressionRange].some((range) => range && toRange(document, range).contains(position)));
	}

	async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
		if (!context.diagnostics.some((d) => d.source === source)) {
			return [];
		}
		const checked = await this.checkedNow(document);
		if (!checked) {
			return [];
		}
		return codeActionsOf(checked.findings, document.fileName, context.diagnostics, checked.files, source);
	}

	async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
		const reference = await this.referenceAt(document, position);
		if (!reference || reference.status !== 'resolved') {
			return undefined;
		}
		const entry = this.store.current?.model.profiles.get(reference.name);
		const stages = reference.stages.length > 0 ? `\n\nStage${reference.stages.length > 1 ? 's' : ''}: ${reference.stages.join(', ')}` : '';
		const text = entry
			? profileSummary(entry, { now: Date.now(), active: this.activeProfile() === entry.name, verification: this.verification(entry.name) })
			: `No profile named '${displayName(reference.name)}'${loadChecks().environmentText(reference)} in your config or credentials file.`;
		const environment = entry && reference.environment ? `\n\nThe name is read${loadChecks().environmentText(reference)}.` : '';
		return new vscode.Hover(new vscode.MarkdownString(text + stages + environment), toRange(document, reference.range));
	}

	/**
	 * The profile names, where a name written at the cursor would be read as a profile: found by the same finders
	 * as the warnings and hovers (namePlace.ts), on the text as it is now, so completion works while typing.
	 */
	provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
		if (!isReferenceFile(path.basename(document.fileName))) {
			return [];
		}
		const options = this.checked.get(document.uri.toString())?.options ?? this.terminalEnvironment();
		const place = loadChecks().profileNamePlace(path.basename(document.fileName), document.getText(), document.offsetAt(position), options);
		if (!place) {
			return [];
		}
		const range = new vscode.Range(document.positionAt(place.offset), document.positionAt(place.offset + place.length));
		const model: ProfileModel | undefined = this.store.current?.model;
		return [...(model?.profiles.values() ?? [])].map((entry) => {
			const item = new vscode.CompletionItem(entry.name, vscode.CompletionItemKind.Reference);
			item.detail = [entry.region, this.verification(entry.name)?.account].filter(Boolean).join(' · ') || undefined;
			if (range.isSingleLine) {
				item.range = range; // the whole name, dashes and all (VS Code wants one line)
			}
			return item;
		});
	}

	async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
		const reference = await this.referenceAt(document, position);
		const header = reference?.status === 'resolved' ? this.store.current?.model.profiles.get(reference.name)?.section.headers[0] : undefined;
		if (!header) {
			return undefined;
		}
		const file = header.file === 'config' ? this.store.locations.configFile : this.store.locations.credentialsFile;
		return new vscode.Location(vscode.Uri.file(file), new vscode.Position(header.range.line, header.range.column));
	}

	async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
		const checked = await this.checkedNow(document);
		const active = this.activeProfile();
		const lenses: vscode.CodeLens[] = [];
		for (const reference of checked?.references ?? []) {
			if (reference.status !== 'resolved') {
				continue;
			}
			const range = toRange(document, reference.expressionRange ?? reference.range);
			const account = this.verification(reference.name)?.account;
			const stages = reference.stages.length > 0 ? ` [${reference.stages.join(', ')}]` : '';
			lenses.push(new vscode.CodeLens(range, {
				title: maskSecretsIn(`Deploys as ${reference.name}${account ? ` (${account})` : ''}${stages}`),
				command: 'awsProfiles.switchProfile',
				arguments: [reference.name],
				tooltip: `Switch new terminals to ${displayName(reference.name)}`,
			}));
			if (active !== reference.name) {
				lenses.push(new vscode.CodeLens(range, {
					title: `Terminal uses ${active === undefined ? 'no AWS profile' : displayName(active)}`,
					command: 'awsProfiles.switchProfile',
					arguments: [reference.name],
					tooltip: `Switch new terminals to ${displayName(reference.name)}`,
				}));
			}
		}
		return lenses;
	}

	dispose(): void {
		this.timers.forEach((timer) => clearTimeout(timer));
		this.subscriptions.forEach((subscription) => subscription.dispose());
		this.collection.dispose();
		this.lensesChanged.dispose();
		this.checkedEmitter.dispose();
	}
}

/**
 * The files a project file's findings name: itself, and the files it was read with (the `.env` files Serverless
 * loads, a Terraform module's files), whose fixes are placed by the text the check read. Any other (an AWS file
 * a related place points to) is named by its path, its ranges by their lines.
 */
function checkedFiles(file: ProjectText, options: FindOptions): CheckedFiles<string> {
	const others = [...options.dotenvFiles ?? [], ...options.moduleFiles ?? []];
	return {
		uriOf: (name) => name === file.fileName ? file.uri : vscode.Uri.file(name),
		textOf: (name) => name === file.fileName ? file.text : others.find((other) => path.resolve(other.file) === path.resolve(name))?.text,
	};
}

function toRange(document: vscode.TextDocument, range: TextRange): vscode.Range {
	return new vscode.Range(document.positionAt(range.offset), document.positionAt(range.offset + range.length));
}
