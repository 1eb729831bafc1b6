/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The profile operations the extension and the CLI offer (add, set, remove a property, rename, delete),
// planned as edits of the two files' text. Pure: reading and writing the files is profileFileWriter.ts's job.
// As `aws configure` does, secrets go to the credentials file and everything else to the config file.

import { validateProfileName, validateProperty, validatePropertyKey, validateSsoSessionName, Validation } from './names';
import type { FileRole } from './profileFilesReader';
import { Keys } from './profileKeys';
import { parseRawProfileFile, RawProfileFile } from './rawProfileFile';
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
import { readStandard } from './standardReader';
import type { Edit } from './textEdits';
import { displayName } from './secretMasking';

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
	| { readonly op: 'set'; readonly profile: string; readonly key: string; readonly value: string }
	| { readonly op: 'remove'; readonly profile: string; readonly key: string }
	| { readonly op: 'rename'; readonly from: string; readonly to: string }
	| { readonly op: 'delete'; readonly profile: string };

/** The text of both files; a missing file is the empty string. */
export interface FilePair {
	readonly config: string;
	readonly credentials: string;
}

export type FileEdits = Readonly<Record<FileRole, readonly Edit[]>>;

/** The edits, or why the operation cannot be done. The message never quotes a value. */
export type EditPlan =
	| { readonly ok: true; readonly edits: FileEdits }
	| { readonly ok: false; readonly message: string };

/** The keys whose values `aws configure` writes to the credentials file. */
const credentialsFileKeys: ReadonlySet<string> = new Set([Keys.accessKeyId, Keys.secretAccessKey, Keys.sessionToken, 'aws_security_token']);

export function planProfileEdit(files: FilePair, operation: ProfileOperation): EditPlan {
	const plan = new Planner(files);
	switch (operation.op) {
		case 'add': return plan.add(operation.profile);
		case 'set': return plan.set(operation.profile, operation.key, operation.value);
		case 'remove': return plan.remove(operation.profile, operation.key);
		case 'rename': return plan.rename(operation.from, operation.to);
		case 'delete': return plan.delete(operation.profile);
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

class Planner {
	private readonly raw: Record<FileRole, RawProfileFile>;
	private readonly edits: Record<FileRole, Edit[]> = { config: [], credentials: [] };
	/** New sections go to the end of a file in one edit, so they are spaced as one block. */
	private readonly appended: Record<FileRole, NewSection[]> = { config: [], credentials: [] };
	private profileNames: ReadonlySet<string> | undefined;

	constructor(private readonly files: FilePair) {
		this.raw = { config: parseRawProfileFile(files.config), credentials: parseRawProfileFile(files.credentials) };
	}

	add(profile: NewProfile): EditPlan {
		const properties = newProfileProperties(profile);
		const invalid = firstFailure([
			validateProfileName(profile.name),
			...[...properties.config, ...properties.credentials].map(([key, value]) => validateProperty(key, value)),
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
		return this.done();
	}

	set(profile: string, key: string, value: string): EditPlan {
		const invalid = firstFailure([validateProfileName(profile), validateProperty(key, value)]);
		if (invalid) {
			return invalid;
		}
		if (!this.profileExists(profile)) {
			return refuse(`There is no profile named ${quotedName(profile)}.`);
		}
		const ref: SectionRef = { kind: 'profile', name: profile };
		const file = this.fileDefining(ref, key) ?? (credentialsFileKeys.has(key.toLowerCase()) ? 'credentials' : 'config');
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
		const invalid = firstFailure([validateProfileName(from), validateProfileName(to)]);
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
		for (const file of ['config', 'credentials'] as const) {
			const raw = this.raw[file];
			this.edits[file].push(...renameSections(findSections(raw, file, { kind: 'profile', name: from }), to));
			const profiles = raw.sections.filter((section) => section.header.closed);
			this.edits[file].push(...replaceValues(profiles, Keys.sourceProfile, from, to));
		}
		return this.done();
	}

	delete(profile: string): EditPlan {
		const invalid = validateProfileName(profile);
		if (!invalid.ok) {
			return refuse(invalid.message);
		}
		const ref: SectionRef = { kind: 'profile', name: profile };
		for (const file of ['config', 'credentials'] as const) {
			this.edits[file].push(...deleteSections(this.raw[file], findSections(this.raw[file], file, ref)));
		}
		if (this.edits.config.length + this.edits.credentials.length === 0) {
			return refuse(`There is no profile named ${quotedName(profile)}.`);
		}
		return this.done();
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
		const invalidProperty = firstFailure(properties.map(([key, value]) => validateProperty(key, value)));
		if (invalidProperty) {
			return invalidProperty;
		}
		this.appended.config.push({ header: headerFor('config', ref), properties });
		return undefined;
	}

	private profileExists(name: string): boolean {
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
