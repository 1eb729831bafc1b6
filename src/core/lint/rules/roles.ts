/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Assume-role profiles that fail when used: a `source_profile` that names no profile or goes round in a loop,
// a `role_arn` that is not a role's ARN, both `source_profile` and `credential_source`, or a
// `credential_source` the SDKs do not know. Each is an error the SDKs raise only at the moment of the call.

import { Keys } from '../../model/profileKeys';
import { isValidIdentifier } from '../../ini/identifiers';
import type { PropertyDefinition, Section } from '../../readings/profileSet';
import { resolveRoleChain } from '../../model/roleChain';
import { displayValue } from '../../display/secretMasking';
import { didYouMean } from '../didYouMean';
import { fileFix, fix, removeProperties, replace } from '../fixEdits';
import { definitionsOf, LintContext } from '../lintContext';
import type { LintRule, QuickFix, RuleFinding } from '../rule';
import { nameLabel, quoted } from '../toolNames';

/** A fix that replaces a value the standard reads, where it is written. */
function changeValueFix(definition: PropertyDefinition, value: string, isPreferred: boolean): QuickFix {
	return fileFix(`Change to '${value}'`, definition.file, [replace(definition.valueRange, value)], isPreferred);
}

function suggestionFixes(definition: PropertyDefinition, suggestions: readonly string[]): QuickFix[] {
	return suggestions.map((suggestion) => changeValueFix(definition, suggestion, suggestions.length === 1));
}

export const sourceProfileMissingRule: LintRule = {
	id: 'aws-files/source-profile-missing',
	doc: '`source_profile` names a profile that is not defined: assuming the role fails.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		const names = [...context.standard.profiles.keys()];
		for (const section of context.standard.profiles.values()) {
			const source = section.properties.get(Keys.sourceProfile);
			if (!source || context.standard.profiles.has(source.value)) {
				continue;
			}
			const suggestions = source.value === '' ? [] : didYouMean(source.value, names);
			const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((name) => `'${name}'`).join(' or ')}?` : '';
			const fixes = [...suggestionFixes(source, suggestions), ...addProfileFix(source.value)];
			yield {
				file: source.file,
				range: source.value === '' ? source.key : source.valueRange,
				message: source.value === ''
					? 'source_profile is empty: it must name the profile whose credentials assume the role.'
					: `source_profile names the profile ${quoted(displayValue(Keys.sourceProfile, source.value))}, which is not defined in either file.${hint}`,
				...(fixes.length > 0 ? { fixes } : {}),
			};
		}
	},
};

/** "Add AWS Profile 'x'...": creates the missing source, when its name is one a profile can have. */
function addProfileFix(name: string): QuickFix[] {
	return name !== '' && isValidIdentifier(name)
		? [{ kind: 'action', title: `Add AWS Profile '${name}'...`, action: { kind: 'add-profile', name } }]
		: [];
}

export const sourceProfileCycleRule: LintRule = {
	id: 'aws-files/source-profile-cycle',
	doc: 'Profiles whose `source_profile` settings form a loop (`a` -> `b` -> `a`): the SDKs stop with an error.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		for (const [name, section] of context.standard.profiles) {
			if (!section.properties.has(Keys.roleArn) || !section.properties.has(Keys.sourceProfile)) {
				continue;
			}
			const result = resolveRoleChain(context.standard, name);
			if (result.ok || result.error.code !== 'cycle') {
				continue;
			}
			const loop = result.error.profiles.slice(result.error.profiles.indexOf(result.error.next));
			if (loop[0] !== name) {
				continue; // the profile leads into a loop it is not part of; the loop's own profiles are reported
			}
			yield cycleFinding(context, section, loop);
		}
	},
};

function cycleFinding(context: LintContext, section: Section, loop: readonly string[]): RuleFinding {
	const source = section.properties.get(Keys.sourceProfile)!;
	const others = loop.slice(1).flatMap((other) => {
		const definition = context.standard.profiles.get(other)?.properties.get(Keys.sourceProfile);
		return definition ? [{ file: definition.file, range: definition.key, message: `source_profile of ${nameLabel(other, 'the next profile')}` }] : [];
	});
	const path = [...loop, loop[0]].map((name) => nameLabel(name, '(a profile)')).join(' -> ');
	return {
		file: source.file,
		range: source.key,
		message: `The source_profile settings form a loop (${path}): the SDKs cannot find where the first credentials come from. `
			+ 'One profile of the loop needs its own credentials instead of a source_profile.',
		related: others,
	};
}

/** `arn:<partition>:iam::<12-digit account>:role/<path/>name`, in every partition the SDKs know. */
const roleArnPattern = /^arn:aws(-cn|-us-gov|-iso(-[a-z])?|-eusc)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const assumedRolePattern = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/[^/]+$/;

export const roleArnFormatRule: LintRule = {
	id: 'aws-files/role-arn-format',
	doc: '`role_arn` that is not an IAM role ARN (`arn:aws:iam::123456789012:role/Name`): assuming it fails.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		for (const section of context.standard.profiles.values()) {
			const roleArn = section.properties.get(Keys.roleArn);
			if (!roleArn || roleArnPattern.test(roleArn.value)) {
				continue;
			}
			yield roleArnFinding(roleArn);
		}
	},
};

function roleArnFinding(roleArn: PropertyDefinition): RuleFinding {
	const value = roleArn.value;
	const shown = quoted(displayValue(Keys.roleArn, value));
	const quotedInner = /^(["'])(.*)\1$/.exec(value)?.[2];
	const assumed = assumedRolePattern.exec(value);
	let reason: string;
	let fixes: QuickFix[] = [];
	if (value === '') {
		reason = 'role_arn is empty';
	} else if (quotedInner !== undefined && roleArnPattern.test(quotedInner)) {
		reason = 'role_arn is written in quotes, which the SDKs keep as part of the ARN';
		fixes = [fileFix('Remove the quotes', roleArn.file, [replace(roleArn.valueRange, quotedInner)], true)];
	} else if (assumed) {
		const role = `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`;
		reason = `role_arn is the ARN of a role session (sts ... assumed-role), not of the role; the role is probably ${role} (with its path, if it has one)`;
		fixes = [changeValueFix(roleArn, role, false)];
	} else if (/^arn:[^:]*:iam::[^:]*:(user|group|policy|instance-profile)\//.test(value)) {
		reason = `role_arn ${shown} is the ARN of an IAM ${/:(user|group|policy|instance-profile)\//.exec(value)![1]}, not of a role`;
	} else if (/^arn:[^:]*:iam::[^:]*:role\//.test(value)) {
		reason = `role_arn ${shown} is not a valid role ARN (the account id must be 12 digits, the partition aws, aws-cn, aws-us-gov...)`;
	} else {
		reason = `role_arn ${shown} is not a role ARN`;
	}
	return {
		file: roleArn.file,
		range: value === '' ? roleArn.key : roleArn.valueRange,
		message: `${reason}. A role ARN reads arn:aws:iam::123456789012:role/RoleName.`,
		...(fixes.length > 0 ? { fixes } : {}),
	};
}

export const conflictingRoleSourcesRule: LintRule = {
	id: 'aws-files/conflicting-role-sources',
	doc: 'Both `source_profile` and `credential_source` in one profile: the SDKs refuse it (the JavaScript SDK ignores the role).',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		for (const section of context.standard.profiles.values()) {
			const sourceProfile = section.properties.get(Keys.sourceProfile);
			const credentialSource = section.properties.get(Keys.credentialSource);
			if (!sourceProfile || !credentialSource) {
				continue;
			}
			yield {
				file: credentialSource.file,
				range: credentialSource.key,
				message: 'This profile sets both source_profile and credential_source: the SDKs and the AWS CLI refuse it, and the JavaScript '
					+ 'SDK ignores its role. Keep one of the two.',
				related: [{ file: sourceProfile.file, range: sourceProfile.key, message: 'The source_profile' }],
				fixes: [
					removeKeyFix(context, section, Keys.credentialSource),
					removeKeyFix(context, section, Keys.sourceProfile),
				],
			};
		}
	},
};

function removeKeyFix(context: LintContext, section: Section, key: string): QuickFix {
	return fix(`Remove ${key}`, removeProperties(definitionsOf(context, section, key)));
}

/** The names every SDK and the AWS CLI accept, exactly (they compare case-sensitively). */
const credentialSources = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];

export const credentialSourceValueRule: LintRule = {
	id: 'aws-files/credential-source-value',
	doc: '`credential_source` other than `Environment`, `Ec2InstanceMetadata` or `EcsContainer` (case matters): the SDKs refuse it.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		for (const section of context.standard.profiles.values()) {
			const source = section.properties.get(Keys.credentialSource);
			if (!source || credentialSources.includes(source.value)) {
				continue;
			}
			const sameLetters = credentialSources.filter((name) => name.toLowerCase() === source.value.toLowerCase());
			const suggestions = sameLetters.length > 0 ? sameLetters : didYouMean(source.value, credentialSources);
			yield {
				file: source.file,
				range: source.value === '' ? source.key : source.valueRange,
				message: `credential_source ${quoted(displayValue(Keys.credentialSource, source.value))} is not one the SDKs support: `
					+ 'use Environment, Ec2InstanceMetadata or EcsContainer (exactly so written).',
				...(suggestions.length > 0 ? { fixes: suggestionFixes(source, suggestions) } : {}),
			};
		}
	},
};
