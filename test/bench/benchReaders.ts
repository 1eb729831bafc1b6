/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The two reads parse.bench.ts compares.

import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { readFileSync } from 'node:fs';
import { buildProfileModel, ProfileModel } from '../../src/core/model/profileModel';
import { readStandard } from '../../src/core/readings/standardReader';

/** Ours, whole: both files read, parsed with every position, and the profile model built. */
export function readOurs(configFile: string, credentialsFile: string): ProfileModel {
	return buildProfileModel(readStandard({
		config: readFileSync(configFile, 'utf8'),
		credentials: readFileSync(credentialsFile, 'utf8'),
	}));
}

/** The JavaScript SDK's loader on the same files, its cache off. */
export function readWithJsSdk(configFile: string, credentialsFile: string): Promise<unknown> {
	return loadSharedConfigFiles({ filepath: credentialsFile, configFilepath: configFile, ignoreCache: true });
}
