/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What may be shown of a property's value. Secrets (secret access keys, session tokens, passwords) are never
// shown, not even their length; an access key ID is shown by its ends, which is how the AWS console and the
// CLI's `configure list` let a user tell keys apart. Everything meant for display goes through displayValue.

/** Key names whose value is a secret, whatever their case and wherever they sit (`s3.client_secret`...). */
const secretKeyPattern = /secret|password|passphrase|token$/i;

/** The same names written inside a value: a mis-indented `aws_secret_access_key = ...` line becomes part of the value above it. */
const secretMentionPattern = /secret|password|passphrase|token\b/i;

/** Long-term (AKIA) and temporary (ASIA) access key IDs, and the other IAM unique-ID prefixes that carry keys. */
const accessKeyIdPattern = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,124}\b/g;

const mask = '****';

export function isSecretKey(key: string): boolean {
	return secretKeyPattern.test(key);
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
	return value.replace(accessKeyIdPattern, maskAccessKeyId);
}
