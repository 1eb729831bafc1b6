/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What may be written into the two files: the checks every edit runs on its input before any text is
// produced. A name or key that the readers would drop, trim or split must never reach the disk, because the
// user would then see one thing in our UI and get another from the SDKs.
//
// The identifier rule is the SDKs' shared suites' (aws-config-suites, README there): a profile name, an
// sso-session name, a property key and a sub-property key are one or more of A-Z a-z 0-9 and `_ - / . % @ : +`.
// The Ruby v4 suite lists all of these ("All valid identifier characters are supported"), smithy-rs drops
// `foo!bar`, and every suite drops `in valid`. Upper-case keys are valid: the standard lower-cases them when
// it reads (the JavaScript SDK does not, which is a lint finding, not a reason to refuse the write).
//
// Messages never quote a value, whatever its key, and quote at most one character of a name or key: the
// input may be a pasted secret in the wrong field. Which keys are secret is secretMasking.ts's one rule.

import { isSecretKey } from '../display/secretMasking';

/** The outcome of one check: fine, or why not, with a stable code for tests and callers. */
export type Validation =
	| { readonly ok: true }
	| { readonly ok: false; readonly code: ValidationCode; readonly message: string };

export type ValidationCode =
	| 'name/empty'
	| 'name/line-break'
	| 'name/bracket'
	| 'name/surrounding-whitespace'
	| 'name/invalid-character'
	| 'value/line-break'
	| 'value/control-character'
	| 'value/surrounding-whitespace'
	| 'value/comment-start'
	| 'value/empty'
	| 'name/read-differently';

/** The kinds of identifier the files hold; each is checked by the same rule, named differently in messages. */
export type IdentifierKind = 'profile name' | 'sso-session name' | 'property key' | 'sub-property key';

const valid: Validation = { ok: true };

const identifierPattern = /^[A-Za-z0-9_\-/.%@:+]+$/;
const identifierCharacter = /[A-Za-z0-9_\-/.%@:+]/;
/** Every line terminator some reader or editor splits on: Python's universal newlines, VS Code, JavaScript. */
const lineBreak = /[\n\r\u0085\u2028\u2029]/;
/** The standard ends a value at whitespace followed by `#` or `;`; the JavaScript SDK does the same on every line. */
const commentStart = /(^|\s)[#;]/;

export function validateProfileName(name: string): Validation {
	return validateIdentifier('profile name', name);
}

export function validateSsoSessionName(name: string): Validation {
	return validateIdentifier('sso-session name', name);
}

export function validatePropertyKey(key: string): Validation {
	return validateIdentifier('property key', key);
}

export function validateSubPropertyKey(key: string): Validation {
	return validateIdentifier('sub-property key', key);
}

/** The one identifier rule, in the order that gives the most useful message first. */
export function validateIdentifier(kind: IdentifierKind, text: string): Validation {
	const label = kind === 'sso-session name' ? 'An sso-session name' : `A ${kind}`;
	if (text.length === 0) {
		return failure('name/empty', `${label} cannot be empty.`);
	}
	const lineBreakAt = search(text, lineBreak);
	if (lineBreakAt !== undefined) {
		return failure('name/line-break', `${label} cannot contain a line break (${describeCharacter(text, lineBreakAt)}).`);
	}
	const bracketAt = search(text, /[[\]]/);
	if (bracketAt !== undefined) {
		return failure('name/bracket',
			`${label} cannot contain ${describeCharacter(text, bracketAt)}: brackets would break the section header.`);
	}
	if (/^\s|\s$/.test(text)) {
		return failure('name/surrounding-whitespace',
			`${label} cannot start or end with whitespace: the readers trim it, so the name would change.`);
	}
	if (!identifierPattern.test(text)) {
		const at = firstIndex(text, (character) => !identifierCharacter.test(character));
		return failure('name/invalid-character',
			`${label} may only use letters, digits and - _ / . % @ : + (the SDKs ignore anything else); `
			+ `it has ${describeCharacter(text, at ?? 0)}.`);
	}
	return valid;
}

/**
 * The profile names the readers agree on only as long as nothing is written under them: `DEFAULT` (exactly:
 * configparser's `default_section`) is no profile for the AWS CLI, boto3, SAM and Zappa but defaults that
 * configparser lends to every other section of the file, and the JS SDK's loader throws on `__proto__` and keeps
 * a credentials section named like another property of a plain object (`constructor`, `toString`...) out of
 * its map. An edit checks the names it writes with this; reading and removing still take them.
 */
export function validateWrittenProfileName(name: string): Validation {
	const identifier = validateProfileName(name);
	if (!identifier.ok) {
		return identifier;
	}
	if (name === 'DEFAULT') {
		return failure('name/read-differently', 'A profile cannot be named DEFAULT: the AWS CLI, boto3, SAM and Zappa '
			+ 'read [DEFAULT] as defaults for every profile (its keys, credentials included, would be lent to each of them), '
			+ 'not as a profile. Choose another name.');
	}
	if (name in Object.prototype) {
		return failure('name/read-differently', 'This profile name is reserved in JavaScript: the JS SDK (Serverless, CDK, SST) '
			+ 'would not read it, or would refuse the files. Choose another name.');
	}
	return valid;
}

/**
 * A key an edit writes: an identifier that every reader reads as the same key. configparser (the AWS CLI,
 * boto3) ends a key at the first `:` (`a:b = v` is the key `a` with the value `b = v`); the JS SDK keeps a
 * key's case where the others lower-case it (`Region` is not `region` for it) and cannot hold `__proto__`.
 */
export function validateWrittenKey(key: string): Validation {
	const identifier = validatePropertyKey(key);
	if (!identifier.ok) {
		return identifier;
	}
	if (key.includes(':')) {
		return failure('name/read-differently', 'A property key cannot contain ":": the AWS CLI and boto3 end the key there '
			+ 'and read the rest as its value.');
	}
	if (key !== key.toLowerCase()) {
		return failure('name/read-differently', 'A property key must be lower case: the AWS CLI and the other SDKs lower-case '
			+ 'keys, the JS SDK does not, so they would read two different keys. Write it in lower case.');
	}
	if (key === '__proto__') {
		return failure('name/read-differently', 'This property key is reserved in JavaScript: the JS SDK would not read it.');
	}
	return valid;
}

/**
 * The keys whose empty value breaks the profile: the SDKs take `role_arn =` as an assume-role profile with no
 * role, `credential_process =` as a command to run, `region =` as a region named "" (the JS SDK even reads an
 * empty value as no key at all). Every key `aws configure` and this extension write for a kind of profile.
 */
const keysNeedingValue: ReadonlySet<string> = new Set([
	'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token',
	'role_arn', 'source_profile', 'credential_source', 'role_session_name', 'external_id', 'mfa_serial', 'duration_seconds',
	'web_identity_token_file', 'credential_process',
	'sso_session', 'sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name', 'sso_registration_scopes',
	'region', 'output', 'ca_bundle', 'endpoint_url', 'aws_account_id', 'login_session',
]);

/** A property an edit writes: its key as `validateWrittenKey`, its value as `validatePropertyValue`, and a value where one is needed. */
export function validateWrittenProperty(key: string, value: string): Validation {
	const keyCheck = validateWrittenKey(key);
	if (!keyCheck.ok) {
		return keyCheck;
	}
	if (value === '') {
		return failure('value/empty', keysNeedingValue.has(key)
			? `${key} needs a value: the SDKs would read the profile as set up with an empty ${key} and fail. To take the setting away, remove the property instead.`
			: `${key} needs a value: the JS SDK reads an empty value as no ${key} at all, the other tools as an empty one. To take the setting away, remove the property instead.`);
	}
	return validatePropertyValue(key, value);
}

/**
 * Checks a value for one line `key = value`: what the readers would cut, trim or split. An empty value is
 * fine (the suites read it as ""). `key` only names the property in the message; the value is never quoted,
 * and for a secret key not even the position of the problem is given.
 */
export function validatePropertyValue(key: string, value: string): Validation {
	const subject = validatePropertyKey(key).ok ? `The value of ${key}` : 'The value';
	const secret = isSecretKey(key);
	const where = (index: number) => secret ? '' : ` (character ${characterNumber(value, index)})`;
	const lineBreakAt = search(value, lineBreak);
	if (lineBreakAt !== undefined) {
		const hint = secret ? ' A pasted secret often carries a trailing line break; remove it.' : '';
		return failure('value/line-break', `${subject} cannot contain a line break${where(lineBreakAt)}.${hint}`);
	}
	const controlAt = firstIndex(value, isControlCharacter);
	if (controlAt !== undefined) {
		return failure('value/control-character', `${subject} cannot contain a control character${where(controlAt)}.`);
	}
	if (/^\s|\s$/.test(value)) {
		return failure('value/surrounding-whitespace',
			`${subject} cannot start or end with whitespace: the readers trim it, so the value would change.`);
	}
	const commentAt = search(value, commentStart);
	if (commentAt !== undefined) {
		const index = /[#;]/.test(value[commentAt]) ? commentAt : commentAt + 1;
		return failure('value/comment-start',
			`${subject} cannot have # or ; at its start or after whitespace${where(index)}: `
			+ 'the readers would cut the value there, taking the rest for a comment.');
	}
	return valid;
}

/** A property and its value, key first: the one check an edit that sets a property runs. */
export function validateProperty(key: string, value: string): Validation {
	const keyCheck = validatePropertyKey(key);
	return keyCheck.ok ? validatePropertyValue(key, value) : keyCheck;
}

function failure(code: ValidationCode, message: string): Validation {
	return { ok: false, code, message };
}

/** Control characters other than tab: invisible, and read differently (or not at all) by the readers. */
function isControlCharacter(character: string): boolean {
	const code = character.codePointAt(0) ?? 0;
	return (code < 0x20 && character !== '\t') || code === 0x7f;
}

function search(text: string, pattern: RegExp): number | undefined {
	const index = text.search(pattern);
	return index < 0 ? undefined : index;
}

function firstIndex(text: string, predicate: (character: string) => boolean): number | undefined {
	let index = 0;
	for (const character of text) {
		if (predicate(character)) {
			return index;
		}
		index += character.length;
	}
	return undefined;
}

/** 1-based, counting code points, as a person would count what they see. */
function characterNumber(text: string, index: number): number {
	return [...text.slice(0, index)].length + 1;
}

/** One character by name, never more of the text than that character. */
function describeCharacter(text: string, index: number): string {
	const character = String.fromCodePoint(text.codePointAt(index) ?? 0);
	return `${characterName(character)} at character ${characterNumber(text, index)}`;
}

function characterName(character: string): string {
	switch (character) {
		case ' ': return 'a space';
		case '\t': return 'a tab';
		case '\n': return 'a line feed (LF)';
		case '\r': return 'a carriage return (CR)';
	}
	const code = character.codePointAt(0) ?? 0;
	if (code > 0x20 && code < 0x7f) {
		return `"${character}"`;
	}
	return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
