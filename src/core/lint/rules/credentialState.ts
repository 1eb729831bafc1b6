/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What is known about credentials beyond their shape: temporary keys past the expiry their tool wrote beside
// them, and keys that verification found to be the account root user's.

import { propertyExpiry } from '../../model/expiry';
import { Keys } from '../../model/profileKeys';
import { keyLocation } from '../../readings/profileSet';
import type { LintRule } from '../rule';

export const expiredCredentialsRule: LintRule = {
	id: 'aws-files/expired-credentials',
	doc: 'Temporary credentials whose `aws_expiration` or `x_security_token_expires` has passed: AWS rejects them.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		// Tools write one expiry for many profiles: each message is written once.
		const messages = new Map<number, string>();
		for (const section of context.standard.profiles.values()) {
			if (!section.properties.has(Keys.sessionToken)) {
				continue; // only temporary keys expire; a stale expiry beside long-term keys means nothing
			}
			const expiry = propertyExpiry(section);
			if (expiry?.state !== 'known' || expiry.expiresAt > context.now || expiry.source.kind !== 'property') {
				continue;
			}
			const definition = section.properties.get(expiry.source.property);
			if (definition) {
				const { file, valueRange: range } = definition;
				let message = messages.get(expiry.expiresAt);
				if (message === undefined) {
					message = `These temporary credentials expired at ${new Date(expiry.expiresAt).toISOString()}: AWS rejects them. `
						+ 'Get new ones from the tool that wrote them (saml2aws login, aws-vault, gimme-aws-creds...).';
					messages.set(expiry.expiresAt, message);
				}
				yield { file, range, message };
			}
		}
	},
};

export const rootUserKeysRule: LintRule = {
	id: 'aws-files/root-user-keys',
	doc: 'Access keys that verification found to belong to the account root user: AWS advises against having any.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		for (const [name, identity] of context.verification) {
			const section = context.standard.profiles.get(name);
			if (!identity.rootUser || !section) {
				continue;
			}
			const keyId = section.properties.get(Keys.accessKeyId);
			const location = keyId ? keyLocation(keyId) : section.headers[0];
			if (!location) {
				continue;
			}
			yield {
				file: location.file,
				range: location.range,
				message: 'These are the access keys of the AWS account\'s root user, which can do anything in the account and cannot be '
					+ 'limited by IAM policies. AWS advises not to have root access keys: use an IAM user or role (or IAM Identity Center) '
					+ 'instead, then delete these keys in the console (account menu > Security credentials).',
			};
		}
	},
};
