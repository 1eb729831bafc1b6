/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Rules that judge one written property at a time (an unknown key, a region, the shape of a key): what they find
// depends only on the lines under its header, the file and the kind of section. The engine runs them section by
// section and keeps what they found in a section's lines for the next lint (sectionMemo.ts), so a re-lint after an
// edit runs them on the sections the edit touched only.

import type { LintedFile, LintedSection, ParsedProfileFiles, WrittenProperty } from './lintContext';
import { keyName } from './lintContext';
import type { LintRule, RuleFinding, LintRuleId, RuleInfo } from './rule';
import { movedFinding } from './sectionMemo';

export interface PropertyRule extends RuleInfo {
	/**
	 * The findings about one property. They may look at its section's own lines (`written.section.raw`), the file's
	 * role, text there and line terminator (`raw.eol`), and the kind of section (`written.target.kind`), never at
	 * the merged section, the other file, the settings or a line number elsewhere: they are kept while those lines
	 * stay the same.
	 */
	checkProperty(written: WrittenProperty): readonly RuleFinding[];
}

export function isPropertyRule(rule: LintRule): rule is PropertyRule {
	return 'checkProperty' in rule;
}

export const noFindings: readonly RuleFinding[] = Object.freeze([]);

type Found = readonly (readonly [LintRuleId, RuleFinding])[];

/**
 * What `rules` find in the files, by rule, each in the files' order (config first, then line by line): kept from
 * the last lint for the sections whose lines did not change. `rules` are always the same (the catalog's): what
 * they found is kept under one name.
 */
export function propertyFindings(parsed: ParsedProfileFiles, rules: readonly PropertyRule[]): Map<LintRuleId, RuleFinding[]> {
	const byRule = new Map<LintRuleId, RuleFinding[]>(rules.map((rule) => [rule.id, []]));
	for (const file of parsed.files) {
		file.sections.forEach((section, index) => {
			if (!section.target || section.raw.properties.length === 0) {
				return;
			}
			const found = parsed.memo.value<Found>('property-rules', file, index, {
				compute: () => sectionFindings(file, section, rules),
				move: (kept, by) => kept.length === 0 ? kept : kept.map(([id, finding]) => [id, movedFinding(finding, by)] as const),
			});
			for (const [id, finding] of found) {
				byRule.get(id)?.push(finding);
			}
		});
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
