/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Where secrets sit: in the config file, which tools and people share more freely than the credentials file
// (dotfile repositories, support requests, `cat ~/.aws/config`), and in files other users of the machine can read.

import type { FileRole } from '../../readings/fileLocations';
import type { Section } from '../../readings/profileSet';
import { findSections, setProperty } from '../../editing/sectionEdits';
import type { Edit } from '../../text/textEdits';
import { appendLines, fix, remove } from '../fixEdits';
import { definitionsOf, fileOf, keyName, LintContext, LintedFile } from '../lintContext';
import type { FileEdits, LintRule, QuickFix } from '../rule';

/** What moves to the credentials file with the secrets: the key pair and its token. */
const credentialKeys = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'] as const;
const secretKeys: readonly string[] = ['aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

export const secretsInConfigRule: LintRule = {
	id: 'aws-files/secrets-in-config',
	doc: 'A secret access key or session token in the config file: the SDKs read it, but it belongs in the credentials file, which is the one kept private.',
	severity: 'info',
	files: ['config'],
	*check(context) {
		const fixes = new Map<Section, QuickFix | undefined>();
		const config = fileOf(context, 'config');
		for (let index = 0; index < (config?.sections.length ?? 0); index++) {
			const section = config!.sections[index];
			const { target } = section;
			if (target?.kind !== 'profile') {
				continue;
			}
			for (const at of secretsIn(config!, index)) {
				const property = section.raw.properties[at];
				const name = keyName(property.key);
				if (!fixes.has(target)) {
					fixes.set(target, moveToCredentialsFix(context, target));
				}
				const move = fixes.get(target);
				yield {
					file: 'config',
					range: property.line.key,
					message: `${name} is in the config file. The SDKs read it there too, but secrets belong in the credentials file, `
						+ 'which tools keep private and people do not share.',
					...(move ? { fixes: [move] } : {}),
				};
			}
		}
	},
};

/** Which properties under a header set a secret (by index). */
function secretsIn(file: LintedFile, index: number): readonly number[] {
	return file.sections[index].raw.properties.flatMap((property, at) => secretKeys.includes(keyName(property.key)) ? [at] : []);
}

/**
 * Moves the profile's key pair and token, as the standard reads them, to its section of the credentials file
 * (created if needed). Offered only when the credentials file sets none of them for the profile (then the
 * config file's are overridden anyway, which another rule reports) and every value is on one line.
 */
function moveToCredentialsFix(context: LintContext, section: Section): QuickFix | undefined {
	const moved = credentialKeys.flatMap((key) => {
		const definition = section.properties.get(key);
		return definition ? [{ key, definition, written: definitionsOf(context, section, key) }] : [];
	});
	const inCredentials = moved.some(({ written }) => written.some(({ file }) => file.role === 'credentials'));
	const multiline = moved.some(({ written }) => written.some(({ property }) => property.continuations.length + property.subProperties.length > 0));
	if (inCredentials || multiline) {
		return undefined;
	}
	const configEdits: Edit[] = moved.flatMap(({ written }) => written.map(({ property }) => remove(property.span)));
	const values: [string, string][] = moved.map(({ key, definition }) => [key, definition.value]);
	return fix('Move the keys to the credentials file', [
		{ file: 'config', edits: configEdits },
		credentialsEdits(context, section.name, values),
	], true);
}

function credentialsEdits(context: LintContext, name: string, values: readonly [string, string][]): FileEdits {
	const credentials = fileOf(context, 'credentials');
	const sections = credentials ? findSections(credentials.raw, 'credentials', { kind: 'profile', name }, 'visible') : [];
	if (!credentials || sections.length === 0) {
		return appendLines(context, 'credentials', [`[${name}]`, ...values.map(([key, value]) => `${key} = ${value}`)]);
	}
	return { file: 'credentials', edits: values.map(([key, value]) => setProperty(credentials.raw, credentials.text, sections, key, value)) };
}

export const filePermissionsRule: LintRule = {
	id: 'aws-files/file-permissions',
	doc: 'A credentials or config file that other users of the machine can read (mode not 0600); not checked on Windows.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		if (context.platform === 'windows') {
			return;
		}
		for (const file of context.files) {
			const mode = context.fileModes[file.role];
			if (mode === undefined || (mode & 0o077) === 0) {
				continue;
			}
			const first = file.raw.lines[0]?.range ?? { offset: file.raw.bomLength, length: 0, line: 0, column: file.raw.bomLength };
			yield {
				file: file.role,
				range: first,
				message: `The ${file.role} file can be read by ${readers(mode)} of this computer (mode ${octal(mode)}), and it ${holds(file.role)}. `
					+ 'Make it readable by you only (mode 600).',
				fixes: [chmodFix(file.role)],
			};
		}
	},
};

function chmodFix(file: FileRole): QuickFix {
	return { kind: 'action', title: 'Make the file readable by you only (chmod 600)', action: { kind: 'chmod', file, mode: 0o600 }, isPreferred: true };
}

function readers(mode: number): string {
	const group = (mode & 0o070) !== 0;
	const others = (mode & 0o007) !== 0;
	return group && others ? 'your group and all other users' : group ? 'your group' : 'all other users';
}

function holds(role: FileRole): string {
	return role === 'credentials' ? 'holds your secret keys' : 'can hold secrets and tells how to reach your accounts';
}

function octal(mode: number): string {
	return (mode & 0o777).toString(8).padStart(4, '0');
}
