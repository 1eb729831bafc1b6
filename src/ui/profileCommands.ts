/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { CommandError } from './commands';
import { validateWrittenProfileName } from '../core/editing/names';
import { kindLabel } from '../core/display/profileDisplay';
import type { ProfileOperation } from '../core/editing/profileEdits';
import { AddProfileWizard } from './addProfileWizard';
import type { ProfileEntry } from '../core/model/profileModel';
import { hashesOf } from '../core/io/profileSnapshot';
import type { ActiveProfile } from './activeProfile';
import type { ProfileStore } from './profileStore';
import { ProfileNode } from './profileTree';
import type { Prompts } from './prompts';
import type { GroupBy } from './settings';
import { displayName, displayValue } from '../core/display/secretMasking';
import { shownPath } from '../core/display/displayPath';
import { loadEdits } from './lazyBundles';

export interface ProfileCommandDeps {
	readonly store: ProfileStore;
	readonly active: ActiveProfile;
	readonly prompts: () => Prompts;
	readonly log: vscode.LogOutputChannel;
	readonly setFilter: (filter: string) => void;
	readonly accountOf: (name: string) => string | undefined;
	/** The buttons offered once a profile is added. */
	readonly afterAddActions: readonly string[];
}

/** A profile named by a tree node (context menu) or by its name (command palette, other extensions, tests). */
export type ProfileArgument = ProfileNode | string | undefined;

/** The profile a command is about: a tree node (context menu), or a name (palette, other extensions, tests). */
export function profileName(argument: ProfileArgument): string | undefined {
	return argument instanceof ProfileNode ? argument.entry.name : argument;
}

interface ProfilePick extends vscode.QuickPickItem {
	readonly profile?: string;
	readonly none?: true;
	readonly add?: true;
}

/** The commands that act on profiles: switch, open, copy, rename, delete, and the view's grouping and filter. */
export class ProfileCommands {
	constructor(private readonly deps: ProfileCommandDeps) { }

	/** With a name, switches to it; without, asks with a QuickPick (recent first, then all, then none). */
	async switchProfile(name?: string): Promise<void> {
		const snapshot = await this.deps.store.snapshot();
		const chosen = typeof name === 'string' ? { profile: name } : await this.deps.prompts().pick(this.switchItems(), {
			title: 'Switch AWS Profile',
			placeHolder: 'The profile new terminals and tasks deploy with (AWS_PROFILE)',
			matchOnDescription: true,
			matchOnDetail: true,
		});
		if (!chosen) {
			return;
		}
		if ('add' in chosen && chosen.add) {
			return this.addProfile();
		}
		if (chosen.profile !== undefined && !snapshot.model.profiles.has(chosen.profile)) {
			throw new CommandError(`There is no profile named '${chosen.profile}' in your config or credentials file.`);
		}
		await this.deps.active.set(chosen.profile, snapshot);
		this.deps.log.info(`Switched to ${chosen.profile ?? 'no AWS profile'}.`);
	}

	switchItems(): ProfilePick[] {
		const snapshot = this.deps.store.current;
		const profiles = snapshot ? [...snapshot.model.profiles.values()] : [];
		const active = this.deps.active.name(snapshot);
		const recent = this.deps.active.recent(snapshot).filter((name) => snapshot?.model.profiles.has(name));
		const item = (entry: ProfileEntry): ProfilePick => ({
			label: `$(${entry.name === active ? 'check' : 'cloud'}) ${displayName(entry.name)}`,
			description: [entry.region === undefined ? undefined : displayValue('region', entry.region), this.deps.accountOf(entry.name)].filter(Boolean).join(' · '),
			detail: kindLabel(entry.kind),
			profile: entry.name,
		});
		const byName = new Map(profiles.map((entry) => [entry.name, entry]));
		const others = profiles.filter((entry) => !recent.includes(entry.name)).sort((a, b) => a.name.localeCompare(b.name));
		return [
			...(recent.length > 0 ? [{ label: 'recently used', kind: vscode.QuickPickItemKind.Separator } as ProfilePick] : []),
			...recent.map((name) => item(byName.get(name)!)),
			{ label: 'all profiles', kind: vscode.QuickPickItemKind.Separator },
			...others.map(item),
			{ label: '', kind: vscode.QuickPickItemKind.Separator },
			{ label: '$(circle-slash) No AWS profile', description: 'clear AWS_PROFILE in new terminals', none: true },
			{ label: '$(add) Add AWS Profile...', add: true },
		];
	}

	/** The Add AWS Profile wizard; `initialName` comes from a quick fix on a reference to a missing profile. */
	async addProfile(initialName?: string): Promise<void> {
		const snapshot = await this.deps.store.snapshot();
		const profile = await new AddProfileWizard(this.deps.prompts(), snapshot).run(typeof initialName === 'string' ? initialName : undefined);
		if (!profile) {
			return;
		}
		await this.apply({ op: 'add', profile });
		this.deps.log.info(`Added the profile ${profile.name}.`);
		const action = await this.deps.prompts().notify(`Added the AWS profile '${profile.name}'.`, this.deps.afterAddActions);
		if (action === 'Switch to it') {
			await this.switchProfile(profile.name);
		} else if (action === 'Verify now') {
			await vscode.commands.executeCommand('awsProfiles.verifyProfile', profile.name);
		}
	}

	async openDefinition(argument: ProfileArgument): Promise<void> {
		const entry = await this.entryOf(argument);
		const header = entry.section.headers[0];
		const { locations } = this.deps.store;
		const file = header.file === 'config' ? locations.configFile : locations.credentialsFile;
		const position = new vscode.Position(header.range.line, header.range.column);
		await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position), preview: false });
	}

	async copyProfileName(argument: ProfileArgument): Promise<void> {
		const entry = await this.entryOf(argument);
		await vscode.env.clipboard.writeText(entry.name);
	}

	async renameProfile(argument: ProfileArgument): Promise<void> {
		const entry = await this.entryOf(argument);
		const snapshot = await this.deps.store.snapshot();
		const to = await this.deps.prompts().input({
			title: `Rename AWS profile '${displayName(entry.name)}'`,
			value: entry.name,
			prompt: 'The new name. Profiles whose source_profile names it are updated too.',
			validateInput: (value) => {
				const valid = validateWrittenProfileName(value);
				if (!valid.ok) {
					return valid.message;
				}
				return value !== entry.name && snapshot.model.profiles.has(value) ? `A profile named '${value}' already exists.` : undefined;
			},
		});
		if (to === undefined || to === entry.name) {
			return;
		}
		await this.apply({ op: 'rename', from: entry.name, to });
		if (this.deps.active.name(snapshot) === entry.name) {
			await this.deps.active.set(to, await this.deps.store.snapshot());
		}
	}

	async deleteProfile(argument: ProfileArgument): Promise<void> {
		const entry = await this.entryOf(argument);
		const files = [...new Set(entry.section.headers.map((header) => header.file))].join(' and ');
		const confirmed = await this.deps.prompts().confirm(
			`Delete the AWS profile '${entry.name}'?`,
			`Its sections are removed from your ${files} file. A backup of each file is kept next to it (for example credentials.bak).`,
			'Delete',
		);
		if (confirmed) {
			await this.apply({ op: 'delete', profile: entry.name });
		}
	}

	async setGroupBy(groupBy: GroupBy): Promise<void> {
		await vscode.workspace.getConfiguration('awsProfiles').update('tree.groupBy', groupBy, vscode.ConfigurationTarget.Global);
	}

	async filter(): Promise<void> {
		const text = await this.deps.prompts().input({ title: 'Filter AWS profiles', prompt: 'Part of a name, region, kind or account' });
		if (text !== undefined) {
			this.deps.setFilter(text.trim());
		}
	}

	/** Carries out an edit on the files as the view showed them; a file changed since is refused, not overwritten. */
	private async apply(operation: ProfileOperation): Promise<void> {
		const snapshot = await this.deps.store.snapshot();
		const result = await loadEdits().applyProfileOperation(this.deps.store.locations, operation, { basedOn: hashesOf(snapshot) });
		for (const written of Object.values(result)) {
			if (written?.backup) {
				this.deps.log.info(`Kept a backup of ${shownPath(written.file.path)} at ${shownPath(written.backup)}.`);
			}
		}
		await this.deps.store.reload();
	}

	private async entryOf(argument: ProfileArgument): Promise<ProfileEntry> {
		const snapshot = await this.deps.store.snapshot();
		const name = profileName(argument);
		const entry = name === undefined ? undefined : snapshot.model.profiles.get(name);
		if (!entry) {
			throw new CommandError(name === undefined ? 'Pick a profile in the AWS Profiles view.' : `There is no profile named '${name}'.`);
		}
		return entry;
	}
}
