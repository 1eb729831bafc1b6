/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Every lint rule, in the order the README's rules table and the settings list them: the files' syntax and
// structure first, then keys, credentials, roles and SSO, values, and how the tools read the files.

import type { FileRole } from '../readings/fileLocations';
import type { LintRule, LintRuleId, Severity } from './rule';
import { accessKeyFormatRule, exampleKeysRule, incompleteKeysRule, sessionTokenMismatchRule } from './rules/accessKeys';
import { awsCliRefusalRule } from './rules/awsCliRefusal';
import { compatibilityRule } from './rules/compatibility';
import { configOnlyProfileRule } from './rules/configOnlyProfile';
import { expiredCredentialsRule, rootUserKeysRule } from './rules/credentialState';
import { duplicateKeyRule, duplicateSectionRule } from './rules/duplicates';
import { filePermissionsRule, secretsInConfigRule } from './rules/fileSecurity';
import { namingPatternRule } from './rules/namingPattern';
import { invalidRegionRule, unknownRegionRule } from './rules/region';
import {
	conflictingRoleSourcesRule, credentialSourceValueRule, roleArnFormatRule, sourceProfileCycleRule, sourceProfileMissingRule,
} from './rules/roles';
import { defaultTwiceRule, sectionPrefixRule } from './rules/sectionHeaders';
import { servicesMissingRule, ssoIncompleteRule, ssoSessionMissingRule } from './rules/sso';
import { ignoredBySdkRule, overriddenByCredentialsRule, syntaxRule, unknownSectionKindRule } from './rules/standardProblems';
import { unknownKeyRule } from './rules/unknownKey';

export const lintRules: readonly LintRule[] = [
	syntaxRule,
	awsCliRefusalRule,
	ignoredBySdkRule,
	sectionPrefixRule,
	unknownSectionKindRule,
	defaultTwiceRule,
	duplicateSectionRule,
	duplicateKeyRule,
	overriddenByCredentialsRule,
	unknownKeyRule,
	accessKeyFormatRule,
	incompleteKeysRule,
	sessionTokenMismatchRule,
	exampleKeysRule,
	expiredCredentialsRule,
	rootUserKeysRule,
	secretsInConfigRule,
	filePermissionsRule,
	sourceProfileMissingRule,
	sourceProfileCycleRule,
	roleArnFormatRule,
	conflictingRoleSourcesRule,
	credentialSourceValueRule,
	ssoSessionMissingRule,
	ssoIncompleteRule,
	servicesMissingRule,
	invalidRegionRule,
	unknownRegionRule,
	compatibilityRule,
	configOnlyProfileRule,
	namingPatternRule,
];

/** What the README's rules table and the VS Code settings are generated from. */
export interface RuleDescription {
	readonly id: LintRuleId;
	readonly doc: string;
	readonly severity: Severity;
	/** False for opt-in rules, which run only when a setting gives them a severity. */
	readonly enabledByDefault: boolean;
	readonly files: readonly FileRole[];
}

export const ruleCatalog: readonly RuleDescription[] = lintRules.map((rule) => ({
	id: rule.id,
	doc: rule.doc,
	severity: rule.severity,
	enabledByDefault: rule.optIn !== true,
	files: rule.files,
}));

export function findRule(id: string): LintRule | undefined {
	return lintRules.find((rule) => rule.id === id);
}
