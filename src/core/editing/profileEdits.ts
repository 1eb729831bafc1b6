/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The profile operations the extension and the CLI offer (add, set, remove a property, rename, delete),
// planned as edits of the two files' text. Pure: reading and writing the files is profileFileWriter.ts's job.
// As `aws configure` does, secrets go to the credentials file and everything else to the config file.

import { editDisagreement } from './editAgreement';
import {
	validateProfileName,
	validatePropertyKey,
	validateSsoSessionName,
	validateWrittenProfileName,
	validateWrittenProperty,
	Validation,
} from './names';
import type { FileRole } from '../readings/fileLocations';
import { Keys } from '../model/profileKeys';
import { parseRawProfileFile, parseRawProfileSections, RawProfileFile } from '../ini/rawProfileFile';
import {
	appendSections,
	deleteSections,
	findSections,
	headerFor,
	lastDefinition,
	NewSection,
	removeProperty,
	renameSections,
	replaceValues,
	SectionRef,
	setProperty,
} from './sectionEdits';
import { readStandard } from '../readings/standardReader';
import type { Edit } from '../text/textEdits';
import { displayName } from '../display/secretMasking';

/** The credential sources an assume-role profile may name instead of a source profile. */
export type CredentialSource = 'Environment' | 'Ec2InstanceMetadata' | 'EcsContainer';

interface CommonSettings {
	readonly name: string;
	readonly region?: string;
	readonly output?: string;
}

/** A new profile, by kind: each kind holds exactly the settings it needs. */
export type NewProfile =
	| CommonSettings & {
		readonly kind: 'static';
		readonly accessKeyId: string;
		readonly secretAccessKey: string;
		readonly sessionToken?: string;
	}
	| CommonSettings & {
		readonly kind: 'assume-role';
		readonly roleArn: string;
		readonly source: { readonly sourceProfile: string } | { readonly credentialSource: CredentialSource };
		readonly mfaSerial?: string;
		readonly externalId?: string;
		readonly roleSessionName?: string;
		readonly durationSeconds?: number;
	}
	| CommonSettings & {
		readonly kind: 'sso';
		/** An existing `[sso-session]` by name, or a new one to write with it. */
		readonly session: { readonly name: string } | NewSsoSession;
		readonly accountId: string;
		readonly roleName: string;
	}
	| CommonSettings & {
		readonly kind: 'credential-process';
		readonly command: string;
	};

export interface NewSsoSession {
	readonly name: string;
	readonly startUrl: string;
	readonly region: string;
	readonly scopes?: string;
}

export type ProfileOperation =
	| { readonly op: 'add'; readonly profile: NewProfile }
	/** A new profile with these properties as given (the CLI's `add` and `set`); each goes to the file `aws configure` writes it to. */
	| { readonly op: 'add-properties'; readonly profile: string; readonly properties: readonly (readonly [string, string])[] }
	| { readonly op: 'set'; readonly profile: string; readonly key: string; readonly value: string }
	| { readonly op: 'remove'; readonly profile: string; readonly key: string }
	| { readonly op: 'rename'; readonly from: string; readonly to: string }
	| { readonly op: 'delete'; readonly profile: string }
	/**
	 * Several new profiles at once, and profiles to delete, in one edit (one write, one backup): an import from IAM
	 * Identity Center. Each new profile follows the rules of `add`; a name may not be given twice.
	 */
	| { readonly op: 'import'; readonly add: readonly NewProfile[]; readonly remove: readonly string[] };

/** The text of both files; a missing file is the empty string. */
export interface FilePair {
	readonly config: string;
	readonly credentials: string;
}

/** Edits of both files of the pair at once, each list against its file's original text (unlike a fix's FileEdits, one file each). */
export type PairEdits = Readonly<Record<FileRole, readonly Edit[]>>;

/** The edits, or why the operation cannot be done. The message never quotes a value. */
export type EditPlan =
	| { readonly ok: true; readonly edits: PairEdits }
	| { readonly ok: false; readonly message: string };

/** The keys whose values `aws configure` writes to the credentials file. */
const credentialsFileKeys: ReadonlySet<string> = new Set([Keys.accessKeyId, Keys.secretAccessKey, Keys.sessionToken, 'aws_security_token']);

/** The file a new property goes to: the credentials file for keys and tokens, the config file for the rest. */
export function fileForNewProperty(key: string): FileRole {
	return credentialsFileKeys.has(key.toLowerCase()) ? 'credentials' : 'config';
}

export function planProfileEdit(files: FilePair, operation: ProfileOperation): EditPlan {
	const planner = new Planner(files, sectionNamesOf(operation));
	const plan = planOperation(planner, operation);
	return plan.ok ? planner.checkAgreement(plan, namesOf(operation), operation.op !== 'rename') : plan;
}

function planOperation(plan: Planner, operation: ProfileOperation): EditPlan {
	switch (operation.op) {
		case 'add': return plan.add(operation.profile);
		case 'add-properties': return plan.addProperties(operation.profile, operation.properties);
		case 'set': return plan.set(operation.profile, operation.key, operation.value);
		case 'remove': return plan.remove(operation.profile, operation.key);
		case 'rename': return plan.rename(operation.from, operation.to);
		case 'delete': return plan.delete(operation.profile);
		case 'import': return plan.importProfiles(operation.add, operation.remove);
	}
}

/** The profile and sso-session names an operation writes or reads. */
function namesOf(operation: ProfileOperation): string[] {
	switch (operation.op) {
		case 'add': return operation.profile.kind === 'sso' ? [operation.profile.name, operation.profile.session.name] : [operation.profile.name];
		case 'rename': return [operation.from, operation.to];
		case 'import': return [...new Set([...operation.add.flatMap((profile) => namesOf({ op: 'add', profile })), ...operation.remove])];
		default: return [operation.profile];
	}
}

/** The properties of a new profile, split by the file they go to, in the order `aws configure` writes them. */
export function newProfileProperties(profile: NewProfile): Record<FileRole, [string, string][]> {
	const config: [string, string][] = [];
	const credentials: [string, string][] = [];
	const put = (key: string, value: string | number | undefined) => {
		if (value !== undefined) {
			(credentialsFileKeys.has(key) ? credentials : config).push([key, String(value)]);
		}
	};
	switch (profile.kind) {
		case 'static':
			put(Keys.accessKeyId, profile.accessKeyId);
			put(Keys.secretAccessKey, profile.secretAccessKey);
			put(Keys.sessionToken, profile.sessionToken);
			break;
		case 'assume-role':
			put(Keys.roleArn, profile.roleArn);
			if ('sourceProfile' in profile.source) {
				put(Keys.sourceProfile, profile.source.sourceProfile);
			} else {
				put(Keys.credentialSource, profile.source.credentialSource);
			}
			put(Keys.mfaSerial, profile.mfaSerial);
			put(Keys.externalId, profile.externalId);
			put(Keys.roleSessionName, profile.roleSessionName);
			put(Keys.durationSeconds, profile.durationSeconds);
			break;
		case 'sso':
			put(Keys.ssoSession, profile.session.name);
			put(Keys.ssoAccountId, profile.accountId);
			put(Keys.ssoRoleName, profile.roleName);
			break;
		case 'credential-process':
			put(Keys.credentialProcess, profile.command);
			break;
	}
	put(Keys.region, profile.region);
	put('output', profile.output);
	return { config, credentials };
}

/**
 * The names of the sections an operation looks at, so that only those are parsed literally: the literal parse of a
 * whole large file is most of an edit's time (a 16 MB pair: seconds). Undefined for all: a rename looks at every
 * section's `source_profile`.
 */
function sectionNamesOf(operation: ProfileOperation): ReadonlySet<string> | undefined {
	const names = (...list: (string | undefined)[]) => new Set(list.filter((name) => name !== undefined).map((name) => name.toLowerCase()));
	switch (operation.op) {
		case 'add': {
			const { profile } = operation;
			const source = profile.kind === 'assume-role' && 'sourceProfile' in profile.source ? profile.source.sourceProfile : undefined;
			return names(profile.name, profile.kind === 'sso' ? profile.session.name : undefined, source);
		}
		case 'add-properties': {
			const valueOf = (key: string) => operation.properties.find(([k]) => k.toLowerCase() === key)?.[1];
			return names(operation.profile, valueOf(Keys.sourceProfile), valueOf(Keys.ssoSession));
		}
		case 'set':
		case 'remove':
		case 'delete': return names(operation.profile);
		case 'rename': return undefined;
		case 'import': {
			const all = [...operation.add.flatMap((profile) => [...(sectionNamesOf({ op: 'add', profile }) ?? [])]), ...operation.remove];
			return names(...all);
		}
	}
}

class Planner {
	private readonly raw: Record<FileRole, RawProfileFile>;
	private readonly edits: Record<FileRole, Edit[]> = { config: [], credentials: [] };
	/** New sections go to the end of a file in one edit, so they are spaced as one block. */
	private readonly appended: Record<FileRole, NewSection[]> = { config: [], credentials: [] };
	private profileNames: ReadonlySet<string> | undefined;
	private keptProfileNames: ReadonlySet<string> | undefined;

	constructor(private readonly files: FilePair, private readonly sectionNames?: ReadonlySet<string>) {
		const parse = (text: string) => sectionNames ? parseRawProfileSections(text, sectionNames) : parseRawProfileFile(text);
		this.raw = { config: parse(files.config), credentials: parse(files.credentials) };
	}

	add(profile: NewProfile): EditPlan {
		return this.queueNew(profile) ?? this.done();
	}

	/** New profiles and deletions as one plan: refused as a whole if any part is. */
	importProfiles(add: readonly NewProfile[], remove: readonly string[]): EditPlan {
		if (add.length + remove.length === 0) {
			return refuse('There is nothing to add or remove.');
		}
		const seen = new Set<string>();
		for (const profile of add) {
			if (seen.has(profile.name.toLowerCase()) || remove.some((name) => name.toLowerCase() === profile.name.toLowerCase())) {
				return refuse(`The profile name ${quotedName(profile.name)} is given twice.`);
			}
			seen.add(profile.name.toLowerCase());
			const refused = this.queueNew(profile);
			if (refused) {
				return refused;
			}
		}
		for (const name of remove) {
			const refused = this.queueDelete(name);
			if (refused) {
				return refused;
			}
		}
		return this.done();
	}

	/** Checks a new profile and queues its sections; answers the refusal, or undefined when queued. */
	private queueNew(profile: NewProfile): EditPlan | undefined {
		const properties = newProfileProperties(profile);
		const invalid = firstFailure([
			validateWrittenProfileName(profile.name),
			...[...properties.config, ...properties.credentials].map(([key, value]) => validateWrittenProperty(key, value)),
		]);
		if (invalid) {
			return invalid;
		}
		if (this.profileExists(profile.name)) {
			return refuse(`A profile named ${quotedName(profile.name)} already exists.`);
		}
		if (profile.kind === 'assume-role' && 'sourceProfile' in profile.source && !this.profileExists(profile.source.sourceProfile)) {
			return refuse(`The source profile ${quotedName(profile.source.sourceProfile)} does not exist.`);
		}
		if (profile.kind === 'sso') {
			const session = this.planSsoSession(profile.session);
			if (session) {
				return session;
			}
		}
		const ref: SectionRef = { kind: 'profile', name: profile.name };
		for (const file of ['config', 'credentials'] as const) {
			if (properties[file].length > 0) {
				this.appended[file].push({ header: headerFor(file, ref), properties: properties[file] });
			}
		}
		return undefined;
	}

	/** The rules of `add`, for any properties: valid, each key once, a named source profile or sso-session that exists. */
	addProperties(name: string, properties: readonly (readonly [string, string])[]): EditPlan {
		const invalid = firstFailure([validateWrittenProfileName(name), ...properties.map(([key, value]) => validateWrittenProperty(key, value))]);
		if (invalid) {
			return invalid;
		}
		if (properties.length === 0) {
			return refuse('A new profile needs at least one property.');
		}
		const keys = properties.map(([key]) => key.toLowerCase());
		if (new Set(keys).size < keys.length) {
			// The AWS CLI and boto3 refuse a whole file with a key twice in a section (in any case).
			return refuse('A property is given twice (keys do not depend on case); the AWS CLI would refuse the file.');
		}
		if (this.profileExists(name)) {
			return refuse(`A profile named '${name}' already exists.`);
		}
		const sourceProfile = properties.find(([key]) => key.toLowerCase() === Keys.sourceProfile)?.[1];
		if (sourceProfile !== undefined && !this.profileExists(sourceProfile)) {
			return refuse(`The source profile '${sourceProfile}' does not exist.`);
		}
		const ssoSession = properties.find(([key]) => key.toLowerCase() === Keys.ssoSession)?.[1];
		if (ssoSession !== undefined && findSections(this.raw.config, 'config', { kind: 'sso-session', name: ssoSession }).length === 0) {
			return refuse(`There is no sso-session named '${ssoSession}'.`);
		}
		const ref: SectionRef = { kind: 'profile', name };
		for (const file of ['config', 'credentials'] as const) {
			const own = properties.filter(([key]) => fileForNewProperty(key) === file);
			if (own.length > 0) {
				this.appended[file].push({ header: headerFor(file, ref), properties: own });
			}
		}
		return this.done();
	}

	set(profile: string, key: string, value: string): EditPlan {
		const invalid = firstFailure([validateWrittenProfileName(profile), validateWrittenProperty(key, value)]);
		if (invalid) {
			return invalid;
		}
		if (!this.profileExists(profile)) {
			return refuse(`There is no profile named ${quotedName(profile)}.`);
		}
		const ref: SectionRef = { kind: 'profile', name: profile };
		const file = this.fileDefining(ref, key) ?? fileForNewProperty(key);
		const sections = findSections(this.raw[file], file, ref, 'visible');
		if (sections.length > 0) {
			this.edits[file].push(setProperty(this.raw[file], this.files[file], sections, key, value));
		} else {
			this.appended[file].push({ header: headerFor(file, ref), properties: [[key, value]] });
		}
		return this.done();
	}

	remove(profile: string, key: string): EditPlan {
		const invalid = firstFailure([validateProfileName(profile), validatePropertyKey(key)]);
		if (invalid) {
			return invalid;
		}
		const ref: SectionRef = { kind: 'profile', name: profile };
		for (const file of ['config', 'credentials'] as const) {
			this.edits[file].push(...removeProperty(findSections(this.raw[file], file, ref), key));
		}
		if (this.edits.config.length + this.edits.credentials.length === 0) {
			return refuse(`The profile ${quotedName(profile)} does not set ${quotedName(key)}.`);
		}
		return this.done();
	}

	rename(from: string, to: string): EditPlan {
		// Renaming DEFAULT away is allowed: it is how a user gets out of a [DEFAULT] section.
		const invalid = firstFailure([validateProfileName(from), validateWrittenProfileName(to)]);
		if (invalid) {
			return invalid;
		}
		if (from === 'default' || to === 'default') {
			// [default] is written without the prefix in the config file: a rename would have to rewrite the header.
			return refuse('The default profile cannot be renamed, nor another profile renamed to default.');
		}
		if (!this.profileExists(from)) {
			return refuse(`There is no profile named ${quotedName(from)}.`);
		}
		if (this.profileExists(to)) {
			return refuse(`A profile named ${quotedName(to)} already exists.`);
		}
		const continued = (['config', 'credentials'] as const).some((file) => this.raw[file].sections.some((section) => section.properties.some((property) =>
			property.key.toLowerCase() === Keys.sourceProfile && property.continuations.length > 0 && property.line.assignment.value.length > 0
			&& this.files[file].slice(property.line.assignment.value.offset, property.line.assignment.value.offset + property.line.assignment.value.length) === from)));
		if (continued) {
			// The JS SDK reads only the first line of such a value; the others read all its lines. Renaming would leave one of them behind.
			return refuse('A source_profile naming this profile is continued on the next line, which the tools read differently; '
				+ 'nothing was written. Write that source_profile on one line first.');
		}
		for (const file of ['config', 'credentials'] as const) {
			const raw = this.raw[file];
			this.edits[file].push(...renameSections(findSections(raw, file, { kind: 'profile', name: from }), to));
			const profiles = raw.sections.filter((section) => section.header.closed);
			this.edits[file].push(...replaceValues(profiles, Keys.sourceProfile, from, to));
		}
		return this.done();
	}

	delete(profile: string): EditPlan {
		return this.queueDelete(profile) ?? this.done();
	}

	/** Queues the deletion of every section of the profile; answers the refusal, or undefined when queued. */
	private queueDelete(profile: string): EditPlan | undefined {
		const invalid = validateProfileName(profile);
		if (!invalid.ok) {
			return refuse(invalid.message);
		}
		const ref: SectionRef = { kind: 'profile', name: profile };
		const before = this.edits.config.length + this.edits.credentials.length;
		for (const file of ['config', 'credentials'] as const) {
			this.edits[file].push(...deleteSections(this.raw[file], findSections(this.raw[file], file, ref)));
		}
		if (this.edits.config.length + this.edits.credentials.length === before) {
			return refuse(`There is no profile named ${quotedName(profile)}.`);
		}
		return undefined;
	}

	/** Adds a new `[sso-session]` when asked to; refuses a missing existing one or a clash with a new one. */
	private planSsoSession(session: { readonly name: string } | NewSsoSession): EditPlan | undefined {
		const invalid = firstFailure([validateSsoSessionName(session.name)]);
		if (invalid) {
			return invalid;
		}
		const ref: SectionRef = { kind: 'sso-session', name: session.name };
		const exists = findSections(this.raw.config, 'config', ref).length > 0;
		if (!('startUrl' in session)) {
			return exists ? undefined : refuse(`There is no sso-session named ${quotedName(session.name)}.`);
		}
		if (exists) {
			return refuse(`An sso-session named ${quotedName(session.name)} already exists.`);
		}
		const properties: [string, string][] = [[Keys.ssoStartUrl, session.startUrl], [Keys.ssoRegion, session.region]];
		if (session.scopes) {
			properties.push(['sso_registration_scopes', session.scopes]);
		}
		const invalidProperty = firstFailure(properties.map(([key, value]) => validateWrittenProperty(key, value)));
		if (invalidProperty) {
			return invalidProperty;
		}
		this.appended.config.push({ header: headerFor('config', ref), properties });
		return undefined;
	}

	/** Refuses a plan after which the AWS CLI and the standard would read what it touched differently (editAgreement.ts). */
	checkAgreement(plan: EditPlan & { ok: true }, names: readonly string[], changesContent: boolean): EditPlan {
		const disagreement = editDisagreement(this.files, this.raw, plan.edits, names, changesContent);
		return disagreement === undefined ? plan : refuse(disagreement);
	}

	private profileExists(name: string): boolean {
		if (this.sectionNames?.has(name.toLowerCase())) {
			// Whether a profile exists depends on its own sections alone, which are all among those kept.
			this.keptProfileNames ??= new Set(readStandard({ config: keptText(this.raw.config, this.files.config),
				credentials: keptText(this.raw.credentials, this.files.credentials) }).profiles.keys());
			return this.keptProfileNames.has(name);
		}
		this.profileNames ??= new Set(readStandard(this.files).profiles.keys());
		return this.profileNames.has(name);
	}

	/** The file whose sections for `ref` define `key`, credentials first since its values win. */
	private fileDefining(ref: SectionRef, key: string): FileRole | undefined {
		return (['credentials', 'config'] as const).find((file) =>
			lastDefinition(findSections(this.raw[file], file, ref, 'visible'), key) !== undefined);
	}

	private done(): EditPlan {
		for (const file of ['config', 'credentials'] as const) {
			if (this.appended[file].length > 0) {
				this.edits[file].push(appendSections(this.raw[file], this.files[file], this.appended[file]));
			}
		}
		return { ok: true, edits: this.edits };
	}
}

/** The text of a file's parsed sections alone, each on lines of its own: for a reading of those sections only. */
function keptText(raw: RawProfileFile, text: string): string {
	return raw.sections.map(({ span }) => {
		const section = text.slice(span.offset, span.offset + span.length);
		return section.endsWith('\n') ? section : section + '\n';
	}).join('');
}

function refuse(message: string): EditPlan {
	return { ok: false, message };
}

function firstFailure(validations: readonly Validation[]): EditPlan | undefined {
	for (const validation of validations) {
		if (!validation.ok) {
			return refuse(validation.message);
		}
	}
	return undefined;
}

/** A name or key as a refusal quotes it: a name shaped like a secret is masked (names.ts, secretMasking.ts). */
function quotedName(name: string): string {
	return `'${displayName(name)}'`;
}
