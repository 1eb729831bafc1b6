/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import type { FileRole } from '../core/readings/fileLocations';
import { textsOf } from '../core/io/profileFilesReader';
import { createLineIndex, LineIndex } from '../core/text/lineIndex';
import { isTemporaryKeys, kindLabel, lacksSessionToken } from '../core/display/profileDisplay';
import type { ProfileEntry } from '../core/model/profileModel';
import type { ProfileKind } from '../core/model/profileKind';
import type { Problem } from '../core/readings/profileSet';
import type { ProfileSnapshot } from '../core/io/profileSnapshot';
import { describeChainError } from '../core/model/roleChain';
import { profileSummary, sourceSteps, VerificationSummary } from '../core/display/profileSummary';
import { expiryStatus } from '../core/model/expiry';
import { SsoSessionRow, ssoSessionRows } from '../core/sessions/ssoSessionList';
import { timeLeftLabel, timeLeftSentence } from '../core/display/timeLeft';
import { hasSkippedSectionHeaders } from '../core/lint/problemRules';
import { loadChecks } from './lazyBundles';
import { displayName, displayValue, maskSecretsIn } from '../core/display/secretMasking';
import type { GroupBy } from './settings';
import { shownPath } from '../core/display/displayPath';

/** What a tree node needs besides the snapshot: which profile is active, what verification found. */
export interface TreeContext {
	readonly snapshot: ProfileSnapshot;
	readonly active: string | undefined;
	readonly groupBy: GroupBy;
	readonly filter: string;
	readonly verification: (name: string) => VerificationSummary | undefined;
	readonly now: number;
}

const kindIcons: Record<ProfileKind['kind'], string> = {
	'static-keys': 'key',
	'assume-role': 'link',
	'web-identity': 'globe',
	'credential-process': 'terminal',
	'sso': 'organization',
	'login-session': 'account',
	'none': 'settings-gear',
};

export class ProfileNode extends vscode.TreeItem {
	/** `group`: the group the node is listed under; a profile in both files is listed in two groups, and VS Code refuses two nodes with one id. */
	constructor(readonly entry: ProfileEntry, private readonly context: TreeContext, group?: string) {
		super(displayName(entry.name), entry.chain ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
		const active = context.active === entry.name;
		const verification = context.verification(entry.name);
		this.id = group === undefined ? `profile:${entry.name}` : `group:${group}/profile:${entry.name}`;
		// `.sso` and `.login` carry the Sign In (and, for SSO, Sign Out) actions of the menus.
		this.contextValue = `${active ? 'profile.active' : 'profile'}${signInSuffix(entry.kind)}`;
		const region = entry.region === undefined ? undefined : displayValue('region', entry.region);
		this.description = [active ? 'active' : undefined, region, verification?.account, timeLeftLabel(entry.expiry, context.now)].filter(Boolean).join(' · ');
		this.iconPath = iconFor(entry, context, verification);
		// No tooltip yet: it is made on hover (resolveTreeItem). Made here, for every profile, it was most of the
		// time a change of the files took to show (VS Code sends each node's tooltip with the node).
		this.accessibilityInformation = { label: `${displayName(entry.name)}, ${kindLabel(entry.kind)}${active ? ', active' : ''}` };
	}

	/** The profile's Markdown summary, made once, when the node is hovered. */
	resolveTooltip(): void {
		const { entry, context } = this;
		this.tooltip ??= new vscode.MarkdownString(profileSummary(entry, {
			now: context.now, active: context.active === entry.name, verification: context.verification(entry.name),
		}));
	}
}

function signInSuffix(kind: ProfileKind): string {
	return kind.kind === 'sso' ? '.sso' : kind.kind === 'login-session' ? '.login' : '';
}

function iconFor(entry: ProfileEntry, context: TreeContext, verification: VerificationSummary | undefined): vscode.ThemeIcon {
	if (entry.chain && !entry.chain.ok) {
		return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
	}
	// AWS refused the profile: that outweighs what the files alone suggest (an expiry date passed).
	if (verification && !verification.ok) {
		return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
	}
	if (entry.expiry && expiryStatus(entry.expiry, context.now) === 'expired') {
		return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
	}
	if (verification && (verification.warnings ?? 0) > 0) {
		return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
	}
	if (verification?.ok) {
		return new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'));
	}
	if (lacksSessionToken(entry.kind)) {
		return new vscode.ThemeIcon('history', new vscode.ThemeColor('list.warningForeground'));
	}
	const color = context.active === entry.name ? new vscode.ThemeColor('charts.green') : undefined;
	return new vscode.ThemeIcon(isTemporaryKeys(entry.kind) ? 'history' : kindIcons[entry.kind.kind], color);
}

/** One step of a role's source chain, under the role profile. */
export class ChainStepNode extends vscode.TreeItem {
	constructor(profile: string, description: string) {
		super(displayName(profile), vscode.TreeItemCollapsibleState.None);
		this.description = description;
		this.iconPath = new vscode.ThemeIcon('arrow-small-right');
		this.contextValue = 'chainStep';
	}
}

/** A broken chain, a broken file: what is wrong and, when it has a place, a click that opens it. */
export class ErrorNode extends vscode.TreeItem {
	constructor(label: string, tooltip: string, location?: { file: string; line: number }) {
		super(maskSecretsIn(label), vscode.TreeItemCollapsibleState.None);
		this.tooltip = maskSecretsIn(tooltip);
		this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
		this.contextValue = 'error';
		if (location) {
			const uri = vscode.Uri.file(location.file);
			const selection = new vscode.Range(location.line, 0, location.line, 0);
			this.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection }] };
		}
	}
}

/** A section the SDKs skip for its header (`[dev]` in the config file): why, and a click that opens the header. */
export class HintNode extends vscode.TreeItem {
	constructor(label: string, tooltip: string, location: { file: string; line: number }) {
		super(maskSecretsIn(label), vscode.TreeItemCollapsibleState.None);
		this.tooltip = maskSecretsIn(tooltip);
		this.iconPath = new vscode.ThemeIcon('info');
		this.contextValue = 'hint';
		const uri = vscode.Uri.file(location.file);
		const selection = new vscode.Range(location.line, 0, location.line, 0);
		this.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection }] };
	}
}

/**
 * An [sso-session] of the config file, with its token's time left: Sign In, Sign Out and Add Profiles from IAM
 * Identity Center act on it (its `ssoSession` is the argument those commands take).
 */
export class SsoSessionNode extends vscode.TreeItem {
	readonly ssoSession: string;

	constructor(row: SsoSessionRow, now: number) {
		super(displayName(row.name), vscode.TreeItemCollapsibleState.None);
		this.ssoSession = row.name;
		this.id = `sso-session:${row.name}`;
		this.description = row.description;
		// `.signedIn` (a token is cached, even an expired or unreadable one) adds Sign Out to the menus.
		this.contextValue = row.token === 'signed-in' || row.token === 'unreadable' ? 'ssoSession.signedIn' : 'ssoSession';
		const expired = row.expiry !== undefined && expiryStatus(row.expiry, now) === 'expired';
		this.iconPath = expired || row.token === 'unreadable'
			? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
			: new vscode.ThemeIcon(row.token === 'signed-out' ? 'circle-slash' : 'organization');
		const profiles = row.profiles.length === 0 ? 'No profile uses it.' : `Used by ${row.profiles.map(displayName).join(', ')}.`;
		const state = row.token === 'signed-out' ? 'Not signed in.' : timeLeftSentence(row.expiry, now) ?? '';
		this.tooltip = [
			`sso-session ${displayName(row.name)}`,
			[row.startUrl && displayValue('sso_start_url', row.startUrl), row.region && displayValue('sso_region', row.region)].filter(Boolean).join(' · '),
			state, profiles,
		].filter(Boolean).join('\n');
		this.accessibilityInformation = { label: `sso-session ${displayName(row.name)}, ${row.description}` };
	}
}

export class GroupNode extends vscode.TreeItem {
	constructor(label: string, readonly children: readonly vscode.TreeItem[]) {
		super(label, vscode.TreeItemCollapsibleState.Expanded);
		this.id = `group:${label}`;
		this.description = String(children.length);
		this.contextValue = 'group';
	}
}

type Node = ProfileNode | ChainStepNode | ErrorNode | HintNode | GroupNode | SsoSessionNode;

/**
 * The Profiles view: every profile of both files, by the model the store built. Rebuilt lazily: `refresh()`
 * only drops the cached nodes and tells VS Code, which asks again for what is visible.
 */
export class ProfileTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<Node | undefined>();
	readonly onDidChangeTreeData = this.changed.event;
	private roots: Node[] | undefined;

	constructor(private readonly context: () => TreeContext | undefined) { }

	refresh(): void {
		this.roots = undefined;
		this.changed.fire(undefined);
	}

	getTreeItem(node: Node): vscode.TreeItem {
		return node;
	}

	/** The group a node is listed under, which TreeView.reveal needs; undefined for a node at the root. */
	getParent(node: Node): Node | undefined {
		return this.roots?.find((root): root is GroupNode => root instanceof GroupNode && root.children.includes(node));
	}

	/** VS Code asks for a node's tooltip when the pointer rests on it: only then is it made. */
	resolveTreeItem(_item: vscode.TreeItem, node: Node): vscode.TreeItem {
		if (node instanceof ProfileNode) {
			node.resolveTooltip();
		}
		return node;
	}

	getChildren(node?: Node): Node[] {
		const context = this.context();
		if (!context) {
			return [];
		}
		if (!node) {
			this.roots ??= rootNodes(context);
			return this.roots;
		}
		if (node instanceof GroupNode) {
			return node.children as Node[];
		}
		if (node instanceof ProfileNode) {
			return chainNodes(node.entry);
		}
		return [];
	}

	/**
	 * Every node, depth first, each with the tooltip a hover shows: what the view shows when all is expanded
	 * and hovered (used by the tests' secret scan).
	 */
	allNodes(): Node[] {
		const walk = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...walk(this.getChildren(n))]);
		const nodes = walk(this.getChildren());
		nodes.forEach((node) => this.resolveTreeItem(node, node));
		return nodes;
	}

	dispose(): void {
		this.changed.dispose();
	}
}

function rootNodes(context: TreeContext): Node[] {
	const filter = context.filter.toLowerCase();
	const entries = [...context.snapshot.model.profiles.values()]
		.filter((entry) => filter === '' || matchesFilter(entry, filter, context))
		.sort((a, b) => a.name.localeCompare(b.name));
	const profiles = (list: ProfileEntry[], group?: string) => list.map((entry) => new ProfileNode(entry, context, group));
	const lineIndexes = new Map<FileRole, LineIndex>();
	const errors = [...fileErrorNodes(context.snapshot, lineIndexes), ...ignoredSectionNodes(context.snapshot, lineIndexes)];
	const sessions = sessionGroup(context, filter);
	switch (context.groupBy) {
		case 'none':
			return [...errors, ...profiles(entries), ...sessions];
		case 'kind':
			return [...errors, ...groups(entries, (entry) => [kindLabel(entry.kind)], profiles), ...sessions];
		case 'file':
			return [...errors, ...groups(entries, (entry) => [...new Set(entry.section.headers.map((h) => fileLabel(h.file)))], profiles), ...sessions];
	}
}

/** The config file's sso-sessions, after the profiles, in a group of their own; none when there are none. */
function sessionGroup(context: TreeContext, filter: string): GroupNode[] {
	const rows = ssoSessionRows(context.snapshot.model, context.now, filter);
	return rows.length === 0 ? [] : [new GroupNode(ssoSessionsGroup, rows.map((row) => new SsoSessionNode(row, context.now)))];
}

/** The label of the sso-sessions' group: not a kind's nor a file's (their groups share the root). */
export const ssoSessionsGroup = 'SSO sessions';

function matchesFilter(entry: ProfileEntry, filter: string, context: TreeContext): boolean {
	const words = [entry.name, entry.region ?? '', kindLabel(entry.kind), context.verification(entry.name)?.account ?? ''];
	return words.some((word) => word.toLowerCase().includes(filter));
}

function groups(entries: ProfileEntry[], keysOf: (entry: ProfileEntry) => string[], toNodes: (list: ProfileEntry[], group: string) => Node[]): GroupNode[] {
	const byKey = new Map<string, ProfileEntry[]>();
	for (const entry of entries) {
		for (const key of keysOf(entry)) {
			byKey.set(key, [...(byKey.get(key) ?? []), entry]);
		}
	}
	return [...byKey.keys()].sort().map((key) => new GroupNode(key, toNodes(byKey.get(key)!, key)));
}

function fileLabel(file: FileRole): string {
	return file === 'config' ? 'config file' : 'credentials file';
}

function chainNodes(entry: ProfileEntry): Node[] {
	if (!entry.chain) {
		return [];
	}
	if (!entry.chain.ok) {
		const message = describeChainError(entry.chain.error);
		return [new ErrorNode('Broken role chain', message)];
	}
	const steps = sourceSteps(entry.chain.chain);
	return steps.map((step, i) => new ChainStepNode(step, i === 0 ? 'credentials come from here' : 'assumes a role'));
}

/** The syntax errors of a broken file: the view still shows what could be read, and says where the problem is. */
function fileErrorNodes(snapshot: ProfileSnapshot, lineIndexes: Map<FileRole, LineIndex>): ErrorNode[] {
	const nodes: ErrorNode[] = [];
	for (const file of snapshot.files) {
		if (file.kind === 'unreadable') {
			nodes.push(new ErrorNode(`Cannot read the ${file.role} file`, `${shownPath(file.path)}: ${file.reason}`));
		}
	}
	const errors = snapshot.model.problems.filter((problem: Problem) => problem.severity === 'error');
	for (const problem of errors) {
		const file = snapshot.files.find((f) => f.role === problem.location.file);
		const line = file?.kind === 'read' ? editorLine(file.text, problem.location.range.offset, file.role, lineIndexes) : problem.location.range.line;
		nodes.push(new ErrorNode(`${fileLabel(problem.location.file)}, line ${line + 1}: ${problem.message}`, problem.message,
			file ? { file: file.path, line } : undefined));
	}
	return nodes;
}

/** The sections the SDKs skip for their header's form, each with the lint rule's reason. */
function ignoredSectionNodes(snapshot: ProfileSnapshot, lineIndexes: Map<FileRole, LineIndex>): HintNode[] {
	const { problems } = snapshot.model;
	const sections = hasSkippedSectionHeaders(problems) ? loadChecks().ignoredSections(textsOf(snapshot.files), problems) : [];
	return sections.flatMap((ignored) => {
		const file = snapshot.files.find((f) => f.role === ignored.file);
		if (file?.kind !== 'read') {
			return [];
		}
		const line = editorLine(file.text, ignored.range.offset, file.role, lineIndexes);
		const label = `${ignored.header} is not a profile (${fileLabel(ignored.file)}, line ${line + 1})`;
		return [new HintNode(label, ignored.reason, { file: file.path, line })];
	});
}

/**
 * The line as VS Code counts it, where the node's click lands. The SDKs take a lone `\r` for text, the editor
 * for a line break: after one, the parser's line number would name one line and open another.
 */
function editorLine(text: string, offset: number, role: FileRole, indexes: Map<FileRole, LineIndex>): number {
	let index = indexes.get(role);
	if (!index) {
		index = createLineIndex(text);
		indexes.set(role, index);
	}
	return index.rangeOf(offset, 0).line;
}
