/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What may be shown of a value, a name or a message. Secrets (secret access keys, session tokens, passwords)
// are never shown, not even their length; an access key ID is shown by its ends, which is how the AWS console
// and the CLI's `configure list` let a user tell keys apart. This is the one rule: everything meant for
// display goes through displayValue (a property's value), displayName (a profile or section name) or
// maskSecretsIn (any other text quoted from the files: a finding's message, a log line, a notification).
//
// A secret is known by its key, or by its shape wherever it is pasted: under the wrong key, in a profile
// name, inside a command line or a URL. Shapes, in the order they are looked for:
//   - a password in a URL (`https://user:pw@host`): the user part goes, the host stays;
//   - a secret-looking option or assignment on a command line: `--password X`, `--api-key=X`, `-u admin:X`,
//     `PASSWORD=X`, `"token": "X"`, `Authorization: Bearer X`;
//   - an access key id (`AKIA...`, `ASIA...`): shown by its ends;
//   - a random-looking run of the characters keys and tokens are written in (looksRandom below).
// Every expression here is linear in its input (a workspace can put a 1 MB line in a file): each one starts
// only at a boundary its previous match cannot overlap, and names are compared in code, not by alternation.

import { editDistance } from '../lint/didYouMean';

/** Key names whose value is a secret, whatever their case and wherever they sit (`s3.client_secret`...). */
const secretKeyPattern = /secret|passw|passphrase|token$/i;

/** The secret keys of the files: a key a typing mistake or two away from one of them is as secret (`aws_session_tok`). */
const secretKeyNames = ['aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

/**
 * The same names written on a later line of a value: a mis-indented `aws_secret_access_key = ...` line becomes
 * part of the value above it, which is then masked whole.
 */
const secretMentionPattern = /\n.*(?:secret|password|passphrase|token\b)/i;

/** Long-term (AKIA) and temporary (ASIA) access key IDs, and the other IAM unique-ID prefixes that carry keys. */
const accessKeyIdPattern = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,124}\b/g;

/** Words that make an option, a variable or a JSON key name a secret's (`--api-key`, `DB_PASSWORD`, `"token"`). */
const secretWordPattern = /(?:^|[^a-z])pass(?:$|[^a-z])|passw|passphrase|pwd|secret|token|api[-_]?key|apikey|private[-_]?key|access[-_]?key|^auth(?:orization)?$/i;

/** The characters keys and tokens are written in: base64 (`+` `/`, `=` padding), base64url (`-` `_`), hex. */
const tokenRun = /[A-Za-z0-9+/_-]+=*/g;

const mask = '****';

export function isSecretKey(key: string): boolean {
	if (secretKeyPattern.test(key)) {
		return true;
	}
	const name = key.toLowerCase().replace(/^.*\./, '');
	return name.length >= 8 && secretKeyNames.some((secret) => editDistance(name, secret, 3) <= 3);
}

export function isAccessKeyIdKey(key: string): boolean {
	return /(^|\.)aws_access_key_id$/i.test(key);
}

/** A secret's stand-in: always the same, so it says nothing about the secret. */
export function maskSecret(_value: string): string {
	return mask;
}

/**
 * `AKIAIOSFODNN7EXAMPLE` → `AKIA****MPLE` (blanks around it dropped). An id shorter than 16 characters is masked
 * whole: its 8 shown characters would be more than half of it. Real ids have 20.
 */
export function maskAccessKeyId(accessKeyId: string): string {
	const id = accessKeyId.trim();
	return id.length < 16 ? mask : id.slice(0, 4) + mask + id.slice(-4);
}

/** A value as it may be displayed, given the key it belongs to. */
export function displayValue(key: string, value: string): string {
	if (isSecretKey(key) || secretMentionPattern.test(value)) {
		return maskSecret(value);
	}
	if (isAccessKeyIdKey(key)) {
		return maskAccessKeyId(value);
	}
	return maskSecretsIn(value);
}

/** A profile, sso-session or services name as it may be displayed: a name shaped like a secret is masked. */
export function displayName(name: string): string {
	return maskSecretsIn(name);
}

/** Whether a name or value holds something shaped like a secret (so that a message may leave it out). */
export function looksSecret(text: string): boolean {
	return maskSecretsIn(text) !== text;
}

/** Any text with every secret-shaped part masked; the rest as it is. */
export function maskSecretsIn(text: string): string {
	return maskRandomRuns(maskAccessKeyIds(maskAssignments(maskCommandLineSecrets(maskUrlPasswords(text)))));
}

// ---- Shapes ----

/** `scheme://user:pw@host` → `scheme://****@host`: the user can be a token too (`https://TOKEN@github.com`). */
function maskUrlPasswords(text: string): string {
	return text.includes('://') ? text.replace(/:\/\/[^\s/@?#]*@/g, `://${mask}@`) : text;
}

/**
 * `--password X`, `--api-key=X`, `-u admin:X` (curl, and `--user`), `Bearer X`: the value goes, the option
 * stays. An option starts after whitespace or at the start, so each run of the text is looked at once.
 */
function maskCommandLineSecrets(text: string): string {
	return text
		.replace(/(?<!\S)(--?[A-Za-z0-9_-]+)(=|[ \t]+)("[^"]*"|'[^']*'|[^\s"']+)/g, (whole, option: string, separator: string) =>
			secretWordPattern.test(option.replace(/^-+/, '')) ? `${option}${separator}${mask}` : whole)
		.replace(/(?<!\S)(-u|--user)(=|[ \t]+)(["']?)([^\s:"']*):[^\s"']+/g, (_whole, option: string, separator: string, quote: string, user: string) =>
			`${option}${separator}${quote}${user}:${mask}`)
		.replace(/\b(Bearer|Basic)[ \t]+[A-Za-z0-9._~+/=-]+/gi, (_whole, scheme: string) => `${scheme} ${mask}`);
}

/**
 * `PASSWORD=X`, `db_pass = X`, `"token": "X"`, `api_key: X` (a colon only with a blank or a quote after it, so
 * that an ARN such as `...:secret:name` is left alone). A name starts where no name character precedes it.
 */
function maskAssignments(text: string): string {
	return text.replace(/(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)(["']?)([ \t]*=[ \t]*|[ \t]*:[ \t]+|(?<=["'])[ \t]*:[ \t]*)("[^"]*"|'[^']*'|[^\s"',;&})\]]+)/g,
		(whole, name: string, quote: string, separator: string, value: string) => {
			if (!secretWordPattern.test(name) && !isSecretKey(name)) {
				return whole;
			}
			const quoted = /^["']/.test(value) ? value.charAt(0) : '';
			return `${name}${quote}${separator}${quoted}${mask}${quoted}`;
		});
}

function maskAccessKeyIds(text: string): string {
	return text.replace(accessKeyIdPattern, maskAccessKeyId);
}

function maskRandomRuns(text: string): string {
	return text.replace(tokenRun, (run) => looksRandom(run) ? mask : run);
}

/** An AWS secret access key: 40 base64 characters, both cases, and a digit or a `+` `/`. */
const secretAccessKeyShape = /^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9+/])[A-Za-z0-9+/]{40}$/;

/** Hex digits only (separators aside), both letters and digits: a digest, a UUID, an API key. */
const hexShape = /^(?=.*[a-f])(?=.*[0-9])[0-9a-f_-]+$|^(?=.*[A-F])(?=.*[0-9])[0-9A-F_-]+$/;

/** The words of a name: a capitalised or lower-case word, an upper-case acronym, or a number. */
const wordPattern = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g;

/**
 * Whether a run of key characters looks random rather than written by a person. Why this rule: what people
 * write (regions, role and profile names, ARNs' parts, paths, program names, account ids) is made of words
 * and numbers: `OrganizationAccountAccessRole`, `team-a1-prod-eu-west-1`, `/home/me/.aws`, `123456789012`.
 * Generated secrets are not: in random base64 or hex, runs of 3 or more letters of one case or of digits are
 * rare, so most characters stand in pieces of 1 or 2. So a run is random when it has at least 16 letters and
 * digits, mixes two of upper case, lower case and digits (one kind alone is a word, a number or a hex id that
 * a person can read), and fewer than 60% of its characters are in pieces of 3 or more (80% from 32
 * characters on, where chance gives random text fewer such pieces: one random 40-character base64 string in
 * 1,000 passes 0.79). Measured: names people write score above 0.9, `team-a1-prod-eu-west-1` 0.71; random
 * base64 of 20 characters scores under 0.6 more than eight times in ten, of 40 or more almost always under 0.8. The
 * AWS secret access key's own shape (40 characters) is masked whatever its score, since the documentation's
 * example key is made to read like words; so is hex of 32 digits or more (a digest, a UUID), whose 16 symbols
 * fall into pieces of 3 more often.
 */
export function looksRandom(run: string): boolean {
	if (secretAccessKeyShape.test(withoutPadding(run))) {
		return true;
	}
	let letters = 0;
	let upper = false;
	let lower = false;
	let digit = false;
	for (const character of run) {
		if (character >= 'A' && character <= 'Z') {
			upper = true;
		} else if (character >= 'a' && character <= 'z') {
			lower = true;
		} else if (character >= '0' && character <= '9') {
			digit = true;
		} else {
			continue;
		}
		letters++;
	}
	if (letters < 16 || Number(upper) + Number(lower) + Number(digit) < 2) {
		return false;
	}
	if (!(upper && lower) && digit && hasLongMixedSegment(run)) {
		return true;
	}
	if (letters >= 32 && hexShape.test(run)) {
		return true;
	}
	let inWords = 0;
	for (const word of run.match(wordPattern) ?? []) {
		if (word.length >= 3) {
			inWords += word.length;
		}
	}
	return inWords < letters * (letters >= 32 ? 0.8 : 0.6);
}

/** Base64's trailing `=` padding taken off, by a scan from the end (`/=+$/` retries from every `=`: quadratic). */
function withoutPadding(run: string): string {
	let end = run.length;
	while (end > 0 && run.charCodeAt(end - 1) === 0x3d) {
		end--;
	}
	return run.slice(0, end);
}

/** Separators people put between the words of a name or key. */
const separators = new Set(['-', '_', '.', '/', ':', '@', '+', '=']);

/**
 * A stretch of 24 or more letters and digits with no separator, holding both: a secret seen in one case, as a key
 * name is (the readers lower-case keys), where the word measure above fails (a lower-cased random string falls into
 * long runs of letters). People write long names in words apart (`sso_registration_scopes`, `team-a1-prod`);
 * an unbroken 24 characters that also mix in digits are a pasted secret or id.
 */
function hasLongMixedSegment(run: string): boolean {
	let length = 0;
	let letter = false;
	let digit = false;
	for (const character of run) {
		if (separators.has(character)) {
			length = 0;
			letter = false;
			digit = false;
			continue;
		}
		length++;
		letter ||= /[A-Za-z]/.test(character);
		digit ||= character >= '0' && character <= '9';
		if (length >= 24 && letter && digit) {
			return true;
		}
	}
	return false;
}

