/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Static keys that cannot work, found without calling AWS: a key id or secret of the wrong shape (pasted with
// quotes, cut short, swapped, or another IAM id where the key id goes), half a key pair, a temporary key without
// its session token or a session token beside a long-term key, and the AWS documentation's example keys.
// No message shows a secret, nor its length; a key id only as `AKIA****ABCD`.

import { accessKeyIdPattern, secretAccessKeyPattern } from '../../editing/credentialFormats';
import { Keys } from '../../model/profileKeys';
import type { PropertyDefinition, Section } from '../../readings/profileSet';
import { maskAccessKeyId } from '../../display/secretMasking';
import { fileFix, fix, removeProperties, replace } from '../fixEdits';
import { definitionsOf, LintContext, WrittenProperty } from '../lintContext';
import { noFindings, PropertyRule } from '../propertyRule';
import type { LintRule, QuickFix, RuleFinding } from '../rule';


/** IAM's unique-id prefixes other than access keys' (IAM User Guide, "Unique identifier prefixes"). */
const otherIamIds: Readonly<Record<string, string>> = {
	ABIA: 'an STS service bearer token',
	ACCA: 'a context-specific credential',
	AGPA: 'a user group',
	AIDA: 'an IAM user',
	AIPA: 'an EC2 instance profile',
	ANPA: 'a managed policy',
	ANVA: 'a managed policy version',
	APKA: 'a public key',
	AROA: 'an IAM role',
	ASCA: 'a certificate',
};

/** The value without the quotes around it, which every reader keeps as part of the value. */
function unquoted(value: string): { readonly inner: string; readonly quoted: boolean } {
	const match = /^(["'])(.*)\1$/s.exec(value);
	return match ? { inner: match[2], quoted: true } : { inner: value, quoted: false };
}

function looksLikeKeyId(value: string): boolean {
	return accessKeyIdPattern.test(value);
}

function looksLikeSecret(value: string): boolean {
	return secretAccessKeyPattern.test(value);
}

export const accessKeyFormatRule: PropertyRule = {
	id: 'aws-files/access-key-format',
	doc: 'An access key id that is not `AKIA`/`ASIA` and 16 upper-case letters or digits (or is another IAM id, such as `AIDA...`), or a secret that is not 40 characters of letters, digits, `/` and `+`.',
	severity: 'warning',
	files: ['config', 'credentials'],
	checkProperty(written) {
		if (written.target.kind !== 'profile' || written.property.continuations.length > 0 || written.property.subProperties.length > 0) {
			return noFindings;
		}
		const finding = written.name === Keys.accessKeyId ? keyIdFinding(written)
			: written.name === Keys.secretAccessKey ? secretFinding(written)
				: undefined;
		return finding ? [finding] : noFindings;
	},
};

function keyIdFinding(written: WrittenProperty): RuleFinding | undefined {
	const { inner, quoted } = unquoted(written.property.value);
	if (!quoted && looksLikeKeyId(inner)) {
		return undefined;
	}
	const reasons: string[] = [];
	if (quoted) {
		reasons.push('is written in quotes, which the SDKs keep as part of the key id');
	}
	const prefix = inner.slice(0, 4);
	if (looksLikeKeyId(inner)) {
		// only the quotes are wrong
	} else if (otherIamIds[prefix] && /^[A-Z0-9]+$/.test(inner)) {
		reasons.push(`is the id of ${otherIamIds[prefix]} (${maskAccessKeyId(inner)}), not an access key id`);
	} else if (looksLikeSecret(inner)) {
		reasons.push('looks like a secret access key: are the key id and the secret swapped?');
	} else {
		const shown = /^(AKIA|ASIA)/.test(inner) ? ` (${maskAccessKeyId(inner)})` : '';
		reasons.push(`is not an access key id${shown}: one is AKIA or ASIA followed by 16 upper-case letters and digits`);
	}
	return formatFinding(written, 'The aws_access_key_id', reasons, quoted ? unquoteFix(written, inner) : swapFix(written));
}

function secretFinding(written: WrittenProperty): RuleFinding | undefined {
	const { inner, quoted } = unquoted(written.property.value);
	if (!quoted && looksLikeSecret(inner)) {
		return undefined;
	}
	const reasons: string[] = [];
	if (quoted) {
		reasons.push('is written in quotes, which the SDKs keep as part of the secret');
	}
	if (looksLikeSecret(inner)) {
		// only the quotes are wrong
	} else if (looksLikeKeyId(inner)) {
		reasons.push('looks like an access key id: are the key id and the secret swapped?');
	} else {
		reasons.push('is not 40 characters of letters, digits, / and + (was it cut short, or pasted with an extra character?)');
	}
	return formatFinding(written, 'The aws_secret_access_key', reasons, quoted ? unquoteFix(written, inner) : swapFix(written));
}

function formatFinding(written: WrittenProperty, subject: string, reasons: readonly string[], fixes: QuickFix | undefined): RuleFinding {
	return {
		file: written.file.role,
		range: written.property.valueRange,
		message: `${subject} ${reasons.join(', and ')}${reasons[reasons.length - 1].endsWith('?') ? '' : '.'}`,
		...(fixes ? { fixes: [fixes] } : {}),
	};
}

function unquoteFix(written: WrittenProperty, inner: string): QuickFix {
	return fileFix('Remove the quotes', written.file.role, [replace(written.property.line.assignment.value, inner)], true);
}

/** Key id and secret swapped under the same header: exchange the two values. */
function swapFix(written: WrittenProperty): QuickFix | undefined {
	const byName = (name: string) => written.section.raw.properties.filter((property) => property.key.toLowerCase() === name);
	const [keyId] = byName(Keys.accessKeyId);
	const [secret] = byName(Keys.secretAccessKey);
	if (!keyId || !secret || !looksLikeSecret(keyId.value) || !looksLikeKeyId(secret.value)) {
		return undefined;
	}
	return fileFix('Swap the key id and the secret', written.file.role, [
		replace(keyId.line.assignment.value, secret.value),
		replace(secret.line.assignment.value, keyId.value),
	], true);
}

export const incompleteKeysRule: LintRule = {
	id: 'aws-files/incomplete-keys',
	doc: 'An access key id without its secret access key, or the reverse (or a session token alone): no SDK can sign with half a key pair.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		for (const section of context.standard.profiles.values()) {
			const keyId = section.properties.get(Keys.accessKeyId);
			const secret = section.properties.get(Keys.secretAccessKey);
			const token = section.properties.get(Keys.sessionToken);
			if (keyId && !secret) {
				yield halfPair(keyId, 'aws_access_key_id is set without aws_secret_access_key');
			} else if (secret && !keyId) {
				yield halfPair(secret, 'aws_secret_access_key is set without aws_access_key_id');
			} else if (token && !keyId && !secret) {
				yield halfPair(token, 'aws_session_token is set without aws_access_key_id and aws_secret_access_key');
			}
		}
	},
};

function halfPair(definition: PropertyDefinition, what: string): RuleFinding {
	return {
		file: definition.file,
		range: definition.key,
		message: `In this profile ${what} (in either file): no SDK or tool can use these keys, and the profile gets no credentials from them.`,
	};
}

export const sessionTokenMismatchRule: LintRule = {
	id: 'aws-files/session-token-mismatch',
	doc: 'A temporary `ASIA` key id without `aws_session_token`, or a session token beside a long-term `AKIA` key id: AWS rejects the requests.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		for (const section of context.standard.profiles.values()) {
			const keyId = section.properties.get(Keys.accessKeyId);
			const token = section.properties.get(Keys.sessionToken);
			if (!keyId || !section.properties.has(Keys.secretAccessKey)) {
				continue;
			}
			const prefix = unquoted(keyId.value).inner.slice(0, 4);
			if (prefix === 'ASIA' && !token) {
				yield {
					file: keyId.file,
					range: keyId.valueRange,
					message: 'This is a temporary key id (ASIA...), but the profile has no aws_session_token: AWS rejects temporary keys without the session token issued with them.',
				};
			} else if (prefix === 'AKIA' && token) {
				yield tokenWithLongTermKey(context, section, token);
			}
		}
	},
};

function tokenWithLongTermKey(context: LintContext, section: Section, token: PropertyDefinition): RuleFinding {
	const definitions = definitionsOf(context, section, Keys.sessionToken);
	return {
		file: token.file,
		range: token.key,
		message: 'aws_session_token is set beside a long-term key id (AKIA...): the SDKs send the token with the key and AWS rejects the '
			+ 'requests. Remove the token, or use the temporary (ASIA...) key it was issued with.',
		fixes: [fix('Remove aws_session_token', removeProperties(definitions))],
	};
}

const secretKeys: readonly string[] = [Keys.accessKeyId, Keys.secretAccessKey, Keys.sessionToken];

export const exampleKeysRule: PropertyRule = {
	id: 'aws-files/example-keys',
	doc: 'The example keys of the AWS documentation (`AKIAIOSFODNN7EXAMPLE`, `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`...): they never work.',
	severity: 'warning',
	files: ['config', 'credentials'],
	checkProperty(written) {
		// Every published example key id and secret ends in EXAMPLE or EXAMPLEKEY (AKIAI44QH8DHBEXAMPLE,
		// je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY, ASIAIOSFODNN7EXAMPLE, AKIDEXAMPLE...); a real one, being
		// random, practically never holds the word.
		if (written.target.kind !== 'profile' || !secretKeys.includes(written.name) || !written.property.value.includes('EXAMPLE')) {
			return noFindings;
		}
		return [{
			file: written.file.role,
			range: written.property.valueRange,
			message: `This ${written.name} is an example from the AWS documentation: it does not work. Put the profile's own credentials here.`,
		}];
	},
};
