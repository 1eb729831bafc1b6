/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { existsSync } from 'node:fs';
import { displayName, processFileLocations, shownPath } from '../core';
import type { Command } from './command';
import { ExitStatus } from './output';

export const filesCommand: Command = {
	name: 'files',
	summary: 'Show where the config and credentials files are and whether they exist.',
	usage: 'aws-profiles files',
	options: {},
	run(_values, out) {
		const locations = processFileLocations();
		for (const [label, path] of [['config', locations.configFile], ['credentials', locations.credentialsFile]]) {
			out.line(`${label.padEnd(12)} ${shownPath(path)}${existsSync(path) ? '' : ' (missing)'}`);
		}
		out.line(`${'profile'.padEnd(12)} ${displayName(locations.profile)}`);
		return ExitStatus.Ok;
	},
};
