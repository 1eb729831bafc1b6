/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Rules that judge one written property at a time (an unknown key, a region, the shape of a key): what they find
// depends only on the lines under its header, the file and the kind of section. The engine runs them section by
// section, in one pass over the files for all of them.

import type { LintedFile, LintedSection, ParsedProfileFiles, WrittenProperty } from './lintContext';
import { keyName } from './lintContext';
import type { LintRule, RuleFinding, LintRuleId, RuleInfo } from './rule';

export interface PropertyRule extends RuleInfo {
	/**
	 * The findings about one property. They may look at its section's own lines (`written.section.raw`), the file's
	 * role, text there and line terminator (`raw.eol`), and the kind of section (`written.target.kind`), never at
	 * the merged section, the other file or the settings.
	 */
	checkProperty(written: WrittenProperty): readonly RuleFinding[];
}

export function isPropertyRule(rule: LintRule): rule is PropertyRule {
	return 'checkProperty' in rule;
}

export const noFindings: readonly RuleFinding[] = Object.freeze([]);

type Found = readonly (readonly [LintRuleId, RuleFinding])[];

/** What `rules` find in the files, by rule, each in the files' order (config first, then line by line). */
export function propertyFindings(parsed: ParsedProfileFiles, rules: readonly PropertyRule[]): Map<LintRuleId, RuleFinding[]> {
	const byRule = new Map<LintRuleId, RuleFinding[]>(rules.map((rule) => [rule.id, []]));
	for (const file of parsed.files) {
		for (const section of file.sections) {
			if (section.target && section.raw.properties.length > 0) {
				for (const [id, finding] of sectionFindings(file, section, rules)) {
					byRule.get(id)?.push(finding);
				}
			}
		}
	}
	return byRule;
}

function sectionFindings(file: LintedFile, section: LintedSection, rules: readonly PropertyRule[]): Found {
	const found: [LintRuleId, RuleFinding][] = [];
	const target = section.target!;
	for (const property of section.raw.properties) {
		const written: WrittenProperty = { file, section, target, property, name: keyName(property.key) };
		for (const rule of rules) {
			for (const finding of rule.checkProperty(written)) {
				found.push([rule.id, finding]);
			}
		}
	}
	return found;
}
