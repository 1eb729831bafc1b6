/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import { describeFileErrorCode, processFileLocations, readProfileFileBytes } from '../core';
import type { FileTexts } from '../core';
import { UsageError } from './output';

export interface FileChoice {
	readonly config?: string;
	readonly credentials?: string;
}

export interface ReadTexts {
	readonly texts: FileTexts;
	readonly paths: { readonly config?: string; readonly credentials?: string };
}

/**
 * The texts to read: the files named on the command line, else the two the SDK would read. A named file
 * that cannot be read is a usage error (exit 2); a default file that does not exist is simply absent.
 */
export async function readChosenFiles(choice: FileChoice): Promise<ReadTexts> {
	const named = choice.config !== undefined || choice.credentials !== undefined;
	const locations = processFileLocations();
	const paths = named ? choice : { config: locations.configFile, credentials: locations.credentialsFile };
	const [config, credentials] = await Promise.all([readOptional(paths.config, named), readOptional(paths.credentials, named)]);
	return { texts: { config, credentials }, paths };
}

async function readOptional(path: string | undefined, mustExist: boolean): Promise<string | undefined> {
	if (path === undefined) {
		return undefined;
	}
	try {
		return (await readProfileFileBytes(path)).toString('utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' && !mustExist) {
			return undefined;
		}
		throw new UsageError(`cannot read ${path}: ${describeFileErrorCode(code)}`);
	}
}
