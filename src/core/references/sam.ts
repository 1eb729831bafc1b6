/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// AWS SAM: `samconfig.toml` / `.yaml` / `.yml`: `<env>.<command>.parameters.profile`, the command being
// `deploy`, `sync`, `build`... or `global` (every command). The environment (`--config-env`, `default` when
// not given) is the reference's stage.

import { extname } from 'node:path';
import { mapEntries, nodeAt } from './configTree';
import { literalReference } from './literalReference';
import type { ProfileReference } from './profileReference';
import { createLineIndex } from '../text/lineIndex';
import { parseTomlTree } from './tomlTree';
import { parseYamlTree } from './yamlTree';

export function findSamReferences(fileName: string, text: string): ProfileReference[] {
	const root = extname(fileName) === '.toml' ? parseTomlTree(text) : parseYamlTree(text);
	const lines = createLineIndex(text);
	const references: ProfileReference[] = [];
	for (const [environment, commands] of mapEntries(root)) {
		for (const [command] of mapEntries(commands)) {
			const node = nodeAt(commands, [command, 'parameters', 'profile']);
			const reference = node && literalReference('sam', `${environment}.${command}.parameters.profile`, node, lines, [environment]);
			if (reference) {
				references.push(reference);
			}
		}
	}
	return references;
}
