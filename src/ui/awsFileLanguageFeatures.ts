/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import { loadChecks } from './lazyBundles';
import { knownRegions } from '../core/model/regions';
import type { FileRole } from '../core/readings/fileLocations';
import { buildProfileModel, ProfileModel } from '../core/model/profileModel';
import { profileSummary, VerificationSummary } from '../core/display/profileSummary';
import { parseRawProfileFile, RawSection } from '../core/ini/rawProfileFile';
import { readStandard } from '../core/readings/standardReader';
import { awsLanguages } from './awsFileDiagnostics';
import { positionAt } from './findingDiagnostics';
import type { ProfileStore } from './profileStore';

/** What the cursor is on, in the literal parse of the document. */
type Spot =
	| { readonly kind: 'header'; readonly section: RawSection }
	| { readonly kind: 'value'; readonly section: RawSection; readonly key: string; readonly value: string; readonly range: vscode.Range }
	| { readonly kind: 'key'; readonly section: RawSection | undefined };

/**
 * Hover, completion and go-to-definition in the config and credentials files, from the document's own text
 * (unsaved edits included) read together with the other file.
 */
export class AwsFileLanguageFeatures implements vscode.HoverProvider, vscode.CompletionItemProvider, vscode.DefinitionProvider {
	constructor(
		private readonly store: ProfileStore,
		private readonly roleOf: (document: vscode.TextDocument) => FileRole | undefined,
		private readonly verification: (name: string) => VerificationSummary | undefined,
	) { }

	register(): vscode.Disposable[] {
		const selector = Object.values(awsLanguages).map((language) => ({ language }));
		return [
			vscode.languages.registerHoverProvider(selector, this),
			vscode.languages.registerCompletionItemProvider(selector, this, '=', ' '),
			vscode.languages.registerDefinitionProvider(selector, this),
		];
	}

	provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const spot = this.spotAt(document, position);
		const name = spot?.kind === 'header' ? this.profileOfHeader(document, spot.section)
			: spot?.kind === 'value' && spot.key === 'source_profile' ? spot.value : undefined;
		const entry = name === undefined ? undefined : this.model(document).profiles.get(name);
		if (!entry) {
			return undefined;
		}
		return new vscode.Hover(new vscode.MarkdownString(profileSummary(entry, { now: Date.now(), active: false, verification: this.verification(entry.name) })));
	}

	provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
		const spot = this.spotAt(document, position);
		if (spot?.kind === 'value' && spot.key === 'source_profile') {
			return [...this.model(document).profiles.keys()].map((name) => item(name, vscode.CompletionItemKind.Reference, spot.range));
		}
		if (spot?.kind === 'value' && (spot.key === 'region' || spot.key === 'sso_region')) {
			return [...knownRegions].filter((region) => !region.includes('global')).map((region) => item(region, vscode.CompletionItemKind.Value, spot.range));
		}
		if (spot?.kind === 'key' && spot.section) {
			const { knownProfileKeys, knownSsoSessionKeys } = loadChecks();
			const keys = spot.section.prefix === 'sso-session' ? knownSsoSessionKeys : knownProfileKeys;
			return [...keys].map((key) => {
				const completion = item(key, vscode.CompletionItemKind.Property);
				completion.insertText = `${key} = `;
				return completion;
			});
		}
		return [];
	}

	provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
		const spot = this.spotAt(document, position);
		if (spot?.kind !== 'value' || spot.key !== 'source_profile') {
			return undefined;
		}
		const header = this.model(document).profiles.get(spot.value)?.section.headers[0];
		if (!header) {
			return undefined;
		}
		const role = this.roleOf(document);
		const path = header.file === 'config' ? this.store.locations.configFile : this.store.locations.credentialsFile;
		const uri = header.file === role ? document.uri : vscode.Uri.file(path);
		const text = header.file === role ? document.getText() : this.otherText(header.file) ?? '';
		return new vscode.Location(uri, positionAt(text, header.range.offset));
	}

	/** The model of the document's text with the other file as it is open or on disk. */
	private model(document: vscode.TextDocument): ProfileModel {
		const role = this.roleOf(document) ?? 'config';
		const other: FileRole = role === 'config' ? 'credentials' : 'config';
		return buildProfileModel(readStandard({ [role]: document.getText(), [other]: this.otherText(other) }));
	}

	private otherText(role: FileRole): string | undefined {
		const path = role === 'config' ? this.store.locations.configFile : this.store.locations.credentialsFile;
		const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
		const onDisk = this.store.current?.files.find((file) => file.role === role);
		return open?.getText() ?? (onDisk?.kind === 'read' ? onDisk.text : undefined);
	}

	private profileOfHeader(document: vscode.TextDocument, section: RawSection): string | undefined {
		const role = this.roleOf(document);
		if (role === 'credentials') {
			return section.prefix === undefined ? section.name : undefined;
		}
		return section.prefix === 'profile' || (section.prefix === undefined && section.name === 'default') ? section.name : undefined;
	}

	private spotAt(document: vscode.TextDocument, position: vscode.Position): Spot | undefined {
		const raw = parseRawProfileFile(document.getText());
		const offset = document.offsetAt(position);
		let current: RawSection | undefined;
		for (const section of raw.sections) {
			if (section.header.range.offset > offset) {
				break;
			}
			current = section;
		}
		if (current && current.header.range.line === position.line) {
			return { kind: 'header', section: current };
		}
		const line = raw.lines.find((candidate) => candidate.range.line === position.line);
		if (line?.kind === 'property' && line.assignment && offset > line.assignment.equals.offset) {
			const { value } = line.assignment;
			const range = new vscode.Range(document.positionAt(value.offset), document.positionAt(value.offset + value.length));
			const key = document.getText(new vscode.Range(document.positionAt(line.key.offset), document.positionAt(line.key.offset + line.key.length))).toLowerCase();
			return { kind: 'value', section: current!, key, value: document.getText(range), range };
		}
		if (!line || line.kind === 'blank' || (line.kind === 'property' && !line.assignment)) {
			return { kind: 'key', section: current };
		}
		return undefined;
	}
}

function item(label: string, kind: vscode.CompletionItemKind, range?: vscode.Range): vscode.CompletionItem {
	const completion = new vscode.CompletionItem(label, kind);
	if (range) {
		completion.range = range;
	}
	return completion;
}
