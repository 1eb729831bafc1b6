/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `region` and `sso_region` values: one that no partition's pattern allows (`us-east`, `US-EAST-1`,
// `us-east-1a`, the zone instead of the region) is a mistake; one that follows a pattern but is not a region
// this version knows may be a new region, or `eu-west-4`.

import { displayValue } from '../../display/secretMasking';
import { didYouMean } from '../didYouMean';
import { fileFix, replace } from '../fixEdits';
import type { WrittenProperty } from '../lintContext';
import { checkRegion, knownRegions } from '../../model/regions';
import { noFindings, PropertyRule } from '../propertyRule';
import type { QuickFix, RuleFinding } from '../rule';
import { quoted } from '../toolNames';

const regionKeys: readonly string[] = ['region', 'sso_region'];

/** Whether this is a written `region` / `sso_region` with a one-line value: overridden definitions too, since they may come back. */
function isRegionValue({ name, target, property }: WrittenProperty): boolean {
	return target.kind !== 'services' && regionKeys.includes(name) && property.continuations.length === 0 && property.subProperties.length === 0;
}

/** The regions a mistaken name most likely meant: the same in lower case, a zone's region, or a close name. */
function regionSuggestions(value: string): string[] {
	const lower = value.toLowerCase().replace(/^["']|["']$/g, '').trim();
	const head = /^[a-z0-9-]+/.exec(lower)?.[0];
	if (knownRegions.has(lower)) {
		return [lower];
	}
	if (head !== undefined && knownRegions.has(head)) {
		return [head]; // `eu-west-1;x`, `us-east-1 (prod)`
	}
	const zone = /^(.*-\d+)[a-z]$/.exec(lower)?.[1];
	if (zone !== undefined && knownRegions.has(zone)) {
		return [zone];
	}
	return didYouMean(lower, [...knownRegions].filter((region) => !region.endsWith('-global')));
}

function changeFixes(written: WrittenProperty, suggestions: readonly string[], preferOne: boolean): QuickFix[] {
	return suggestions.map((suggestion) => fileFix(`Change to '${suggestion}'`, written.file.role,
		[replace(written.property.line.assignment.value, suggestion)], preferOne && suggestions.length === 1));
}

export const invalidRegionRule: PropertyRule = {
	id: 'aws-files/invalid-region',
	doc: '`region` or `sso_region` that is not a region name in any AWS partition (`us-east`, `US-EAST-1`, the zone `us-east-1a`): every call fails.',
	severity: 'warning',
	files: ['config', 'credentials'],
	checkProperty(written) {
		const value = written.property.value;
		return isRegionValue(written) && checkRegion(value).kind === 'invalid' ? [invalidFinding(written, value)] : noFindings;
	},
};

function invalidFinding(written: WrittenProperty, value: string): RuleFinding {
	const suggestions = value === '' ? [] : regionSuggestions(value);
	const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((region) => `'${region}'`).join(' or ')}?` : '';
	return {
		file: written.file.role,
		range: value === '' ? written.property.line.key : written.property.valueRange,
		message: value === ''
			? `${written.name} is empty.`
			: `${quoted(displayValue(written.name, value))} is not an AWS region name (such as us-east-1 or eu-west-2), so every call through this setting fails.${hint}`,
		...(suggestions.length > 0 ? { fixes: changeFixes(written, suggestions, true) } : {}),
	};
}

export const unknownRegionRule: PropertyRule = {
	id: 'aws-files/unknown-region',
	doc: '`region` or `sso_region` shaped like a region name but not one this version knows: a region newer than the extension, or a typo (`eu-west-4`).',
	severity: 'info',
	files: ['config', 'credentials'],
	checkProperty(written) {
		if (!isRegionValue(written)) {
			return noFindings;
		}
		const value = written.property.value;
		const check = checkRegion(value);
		if (check.kind !== 'unknown') {
			return noFindings;
		}
		const suggestions = regionSuggestions(value);
		return [{
			file: written.file.role,
			range: written.property.valueRange,
			message: `${quoted(displayValue(written.name, value))} looks like a region of the ${check.partition} partition, but it is not one known to this version: `
				+ `a new region, or a typo${suggestions.length > 0 ? ` of ${suggestions.map((region) => `'${region}'`).join(' or ')}` : ''}?`,
			...(suggestions.length > 0 ? { fixes: changeFixes(written, suggestions, false) } : {}),
		}];
	},
};
