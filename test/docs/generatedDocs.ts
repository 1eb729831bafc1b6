/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The parts of the README and of package.json that are generated, so they cannot drift from what they
// describe: the settings table (from package.json's `contributes.configuration`), the lint rules table (from
// the rule definitions), and the per-rule keys of the `awsProfiles.lint.rules` setting (so VS Code completes
// and documents them in settings.json). `npm run docs` writes them (updateDocs.ts); a unit test and an
// integration test fail when the committed files differ from what this module generates.

import type { RuleDescription } from '../../src/core/lint/ruleCatalog';

export interface SettingContribution {
	readonly type?: string | readonly string[];
	readonly default?: unknown;
	readonly description?: string;
	readonly markdownDescription?: string;
	readonly properties?: Record<string, unknown>;
	readonly [other: string]: unknown;
}

export interface PackageJson {
	readonly contributes: { readonly configuration: { readonly properties: Record<string, SettingContribution> } };
	readonly [other: string]: unknown;
}

/** A generated part of a file: the text between `<!-- generated: NAME -->` and `<!-- end generated: NAME -->`. */
export type GeneratedSection = 'settings' | 'rules';

export const rulesSetting = 'awsProfiles.lint.rules';

/** `| setting | default | what it does |`, one row per setting, in package.json's order. */
export function settingsTable(packageJson: PackageJson): string {
	const rows = Object.entries(packageJson.contributes.configuration.properties).map(([key, setting]) =>
		`| \`${key}\` | ${defaultText(setting.default)} | ${oneLine(setting.markdownDescription ?? setting.description ?? '')} |`);
	return ['| setting | default | what it does |', '|---|---|---|', ...rows].join('\n');
}

/** `| rule | default | what it finds |`, one row per rule, in the catalog's order. */
export function rulesTable(rules: readonly RuleDescription[]): string {
	const rows = rules.map((rule) =>
		`| \`${rule.id}\` | ${rule.severity}${rule.enabledByDefault ? '' : ' (opt-in)'} | ${oneLine(rule.doc)} |`);
	return ['| rule | default | what it finds |', '|---|---|---|', ...rows].join('\n');
}

/** The keys of `awsProfiles.lint.rules` that VS Code completes in settings.json: one per rule, its doc as description. */
export function ruleSettingProperties(rules: readonly RuleDescription[]): Record<string, unknown> {
	return Object.fromEntries(rules.map((rule) => [rule.id, {
		type: 'string',
		enum: ['error', 'warning', 'info', 'hint', 'off'],
		description: `${rule.doc} Default: ${rule.enabledByDefault ? rule.severity : 'off (opt-in)'}.`,
	}]));
}

/** package.json with the rules setting's per-rule keys as generated. */
export function withRuleSettings(packageJson: PackageJson, rules: readonly RuleDescription[]): PackageJson {
	const properties = packageJson.contributes.configuration.properties;
	const rulesEntry = { ...properties[rulesSetting], properties: ruleSettingProperties(rules) };
	return {
		...packageJson,
		contributes: {
			...packageJson.contributes,
			configuration: { ...packageJson.contributes.configuration, properties: { ...properties, [rulesSetting]: rulesEntry } },
		},
	};
}

/** The text of a generated section of `markdown`, or undefined when its markers are missing. */
export function generatedSection(markdown: string, name: GeneratedSection): string | undefined {
	const match = sectionPattern(name).exec(markdown);
	return match?.[2];
}

/** `markdown` with a generated section's text replaced; fails when the markers are missing. */
export function replaceGeneratedSection(markdown: string, name: GeneratedSection, content: string): string {
	const pattern = sectionPattern(name);
	if (!pattern.test(markdown)) {
		throw new Error(`The README has no '${startMarker(name)}' ... '${endMarker(name)}' section.`);
	}
	return markdown.replace(pattern, (_, start: string, _old: string, end: string) => `${start}${content}\n${end}`);
}

function sectionPattern(name: GeneratedSection): RegExp {
	return new RegExp(`(${escapeRegExp(startMarker(name))}\\n)([\\s\\S]*?)\\n?(${escapeRegExp(endMarker(name))})`);
}

function startMarker(name: GeneratedSection): string {
	return `<!-- generated: ${name} (npm run docs) -->`;
}

function endMarker(name: GeneratedSection): string {
	return `<!-- end generated: ${name} -->`;
}

function defaultText(value: unknown): string {
	if (value === undefined) {
		return '';
	}
	return `\`${JSON.stringify(value)}\``;
}

/** A table cell: one line, pipes escaped. */
function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
