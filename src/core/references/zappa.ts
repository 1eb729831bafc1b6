/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Zappa: `zappa_settings.json` / `.yml` / `.yaml` / `.toml`, whose top-level keys are stages, each with its
// `profile_name`. A stage with `"extends": "dev"` takes dev's settings under its own, so a stage without a
// `profile_name` of its own uses the one of the stage it extends (and so on up the chain). The references are
// the `profile_name` values, each listing the stages that use it.

import { extname } from 'node:path';
import { childOf, ConfigNode, mapEntries, scalarText } from './configTree';
import { parseJsonTree } from './jsonTree';
import { literalReference } from './literalReference';
import type { ProfileReference } from './profileReference';
import { createLineIndex } from '../text/lineIndex';
import { parseTomlTree } from './tomlTree';
import { parseYamlTree } from './yamlTree';

export function findZappaReferences(fileName: string, text: string): ProfileReference[] {
	const extension = extname(fileName);
	const root = extension === '.json' ? parseJsonTree(text) : extension === '.toml' ? parseTomlTree(text) : parseYamlTree(text);
	const lines = createLineIndex(text);
	const used = new Map<ConfigNode, { definedIn: string; stages: string[] }>();
	for (const [stage, settings] of mapEntries(root)) {
		if (settings.kind !== 'map') {
			continue;
		}
		const found = profileNameOf(root, stage);
		if (found) {
			const entry = used.get(found.node) ?? { definedIn: found.definedIn, stages: [] };
			entry.stages.push(stage);
			used.set(found.node, entry);
		}
	}
	return [...used].flatMap(([node, { definedIn, stages }]) =>
		literalReference('zappa', `${definedIn}.profile_name`, node, lines, stages) ?? []);
}

/** The stage's `profile_name`, or the one it inherits through `extends`; a loop or a missing stage ends the search. */
function profileNameOf(root: ConfigNode | undefined, stage: string): { node: ConfigNode; definedIn: string } | undefined {
	const visited = new Set<string>();
	let current: string | undefined = stage;
	while (current !== undefined && !visited.has(current)) {
		visited.add(current);
		const settings = childOf(root, current);
		if (settings?.kind !== 'map') {
			return undefined;
		}
		const node = settings.entries.get('profile_name');
		if (node) {
			return { node, definedIn: current };
		}
		current = scalarText(settings.entries.get('extends'));
	}
	return undefined;
}
