/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The lint engine: parse the two files once (lintContext.ts), run every enabled rule over the result, and
// return the findings in a stable order. Pure: the caller reads the files, their modes and the JS SDK's
// reading beforehand, and shows the findings (VS Code diagnostics, `aws-profiles lint`).

import type { FileRole } from '../readings/fileLocations';
import type { Writable } from '../model/profileKeys';
import { LintContext, LintInput, LintOptions, parseProfileFiles, ParsedProfileFiles } from './lintContext';
import { isPropertyRule, propertyFindings } from './propertyRule';
import type { Finding, LintRule, RuleFinding, LintRuleId, Severity, SeveritySetting } from './rule';
import { lintRules } from './ruleCatalog';

const propertyRules = lintRules.filter(isPropertyRule);

/** Lints the two files: every finding of every enabled rule, in a stable order. Never throws on their content. */
export function lintProfileFiles(input: LintInput): Finding[] {
	return lintParsedFiles(parseProfileFiles(input), input.options);
}

/**
 * Runs the rules on files parsed before (`parseProfileFiles`), for instance again after a settings change.
 * Findings are ordered by file (config first), position, rule id and message.
 */
export function lintParsedFiles(parsed: ParsedProfileFiles, options: LintOptions = {}): Finding[] {
	const context: LintContext = { ...parsed, options };
	// Run section by section, all in one pass (propertyRule.ts).
	const byProperty = propertyFindings(parsed, propertyRules);
	const findings: Finding[] = [];
	for (const rule of lintRules) {
		const setting = settingOf(rule, options);
		if (setting === 'off') {
			continue;
		}
		const overridden = options.rules?.[rule.id] !== undefined;
		for (const reported of isPropertyRule(rule) ? byProperty.get(rule.id)! : rule.check(context)) {
			const severity = overridden ? setting : reported.severity ?? setting;
			findings.push(findingOf(reported, rule.id, severity));
		}
	}
	return findings.sort(compareFindings);
}

/**
 * The finding with its rule and severity. Written out rather than spread: the rules' findings come in many
 * shapes, and spreading thousands of them was a tenth of a re-lint.
 */
function findingOf(reported: RuleFinding, ruleId: LintRuleId, severity: Severity): Finding {
	const finding: Writable<Finding> = { ruleId, severity, file: reported.file, range: reported.range, message: reported.message };
	if ('related' in reported) {
		finding.related = reported.related;
	}
	if ('fixes' in reported) {
		finding.fixes = reported.fixes;
	}
	return finding;
}

function settingOf(rule: LintRule, options: LintOptions): SeveritySetting {
	return options.rules?.[rule.id] ?? (rule.optIn ? 'off' : rule.severity);
}

const fileOrder: Readonly<Record<FileRole, number>> = { config: 0, credentials: 1 };

function compareFindings(a: Finding, b: Finding): number {
	return fileOrder[a.file] - fileOrder[b.file]
		|| a.range.offset - b.range.offset
		|| a.range.length - b.range.length
		|| compareText(a.ruleId, b.ruleId)
		|| compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
