/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A key nobody reads is usually a misspelt one that somebody should: `regoin`, `aws_secret_key`. The keys the
// SDKs, the AWS CLI and the common credential tools read are in knownKeys.ts; anything else in a profile or an
// sso-session is flagged with the closest known keys as fixes. Sub-keys are checked under `s3` only, whose list
// is documented; `[services x]` sections name services, which are too many to list.

import { isValidIdentifier } from '../../ini/identifiers';
import { didYouMean } from '../didYouMean';
import { fileFix, replace } from '../fixEdits';
import { isKnownProfileKey, knownProfileKeys, knownS3Keys, knownSsoSessionKeys } from '../knownKeys';
import { textOf, WrittenProperty } from '../lintContext';
import { noFindings, PropertyRule } from '../propertyRule';
import type { QuickFix, RuleFinding } from '../rule';
import { nameLabel } from '../toolNames';

export const unknownKeyRule: PropertyRule = {
	id: 'aws-files/unknown-key',
	doc: 'A key no SDK, the AWS CLI or a common credential tool reads in that kind of section (a typo such as `regoin` or `aws_secret_key`); fixes suggest the closest known keys.',
	severity: 'warning',
	files: ['config', 'credentials'],
	checkProperty(written) {
		if (written.target.kind === 'services' || !isValidIdentifier(written.name)) {
			return noFindings; // service names are too many to list; an invalid key is the ignored-by-sdk rule's
		}
		const finding = written.target.kind === 'profile' ? unknownProfileKey(written) : unknownSessionKey(written);
		const s3 = written.target.kind === 'profile' && written.name === 's3' ? [...unknownS3Keys(written)] : noFindings;
		return finding ? [finding, ...s3] : s3;
	},
};

function unknownProfileKey(written: WrittenProperty): RuleFinding | undefined {
	if (isKnownProfileKey(written.name)) {
		return undefined;
	}
	return unknownFinding(written, written.property.line.key, written.name, knownProfileKeys, 'a profile');
}

function unknownSessionKey(written: WrittenProperty): RuleFinding | undefined {
	if (knownSsoSessionKeys.has(written.name)) {
		return undefined;
	}
	if (isKnownProfileKey(written.name)) {
		const key = nameLabel(written.name, 'this key');
		return {
			file: written.file.role,
			range: written.property.line.key,
			message: `${key} is a profile setting: in an [sso-session] section the SDKs read only sso_start_url, sso_region and sso_registration_scopes. Move it to the profiles that use this session.`,
		};
	}
	return unknownFinding(written, written.property.line.key, written.name, knownSsoSessionKeys, 'an sso-session');
}

function* unknownS3Keys(written: WrittenProperty): Generator<RuleFinding> {
	for (const line of written.property.subProperties) {
		if (!line.assignment || line.key.length === 0) {
			continue;
		}
		const subKey = textOf(written.file, line.key);
		if (!knownS3Keys.has(subKey.toLowerCase())) {
			yield unknownFinding(written, line.key, subKey, knownS3Keys, 'the s3 settings');
		}
	}
}

function unknownFinding(written: WrittenProperty, range: WrittenProperty['property']['line']['key'], key: string, known: Iterable<string>, where: string): RuleFinding {
	const suggestions = didYouMean(key, known);
	const label = nameLabel(key, 'This key');
	const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((suggestion) => `'${suggestion}'`).join(' or ')}?` : '';
	const fixes: QuickFix[] = suggestions.map((suggestion) =>
		fileFix(`Change to '${suggestion}'`, written.file.role, [replace(range, suggestion)], suggestions.length === 1));
	return {
		file: written.file.role,
		range,
		message: `${label === 'This key' ? label : `'${label}'`} is not a key of ${where} that the SDKs, the AWS CLI or the common credential tools read.${hint}`,
		...(fixes.length > 0 ? { fixes } : {}),
	};
}
