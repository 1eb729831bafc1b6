/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Where the shared config and credentials files are, by the rules the SDKs' location suites pin down:
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE win, `~` expands to the home folder, and the home folder is
// HOME, then (on Windows only) USERPROFILE, then HOMEDRIVE + HOMEPATH, then the language's own answer.

import * as os from 'node:os';
import * as path from 'node:path';

export type Platform = 'linux' | 'macos' | 'windows';

export interface Environment {
	readonly [name: string]: string | undefined;
}

export interface FileLocations {
	readonly configFile: string;
	readonly credentialsFile: string;
	/** The profile the SDKs use when none is named: AWS_PROFILE, else `default`. */
	readonly profile: string;
	/** Where the SDKs and the AWS CLI cache SSO tokens: `~/.aws/sso/cache`, whatever AWS_CONFIG_FILE says. */
	readonly ssoCacheFolder: string;
	/** Where `aws login` caches its sessions' tokens: AWS_LOGIN_CACHE_DIRECTORY, else `~/.aws/login/cache`. */
	readonly loginCacheFolder: string;
}

export interface LocationInput {
	readonly env: Environment;
	readonly platform: Platform;
	/** What the runtime says the home folder is (Node's os.homedir()), used when the variables say nothing. */
	readonly languageSpecificHome?: string;
}

/** Which of the two files: `~/.aws/config` or `~/.aws/credentials`. */
export type FileRole = 'config' | 'credentials';

export function platformOf(nodePlatform: NodeJS.Platform): Platform {
	if (nodePlatform === 'win32') {
		return 'windows';
	}
	return nodePlatform === 'darwin' ? 'macos' : 'linux';
}

export function homeDirectory({ env, platform, languageSpecificHome }: LocationInput): string | undefined {
	if (env.HOME) {
		return env.HOME;
	}
	if (platform === 'windows') {
		if (env.USERPROFILE) {
			return env.USERPROFILE;
		}
		if (env.HOMEDRIVE && env.HOMEPATH) {
			return env.HOMEDRIVE + env.HOMEPATH;
		}
	}
	return languageSpecificHome;
}

export function resolveFileLocations(input: LocationInput): FileLocations {
	const paths = input.platform === 'windows' ? path.win32 : path.posix;
	const home = homeDirectory(input) ?? '';
	const expand = (file: string) => expandHome(file, home, paths);
	return {
		configFile: expand(input.env.AWS_CONFIG_FILE || paths.join(home, '.aws', 'config')),
		credentialsFile: expand(input.env.AWS_SHARED_CREDENTIALS_FILE || paths.join(home, '.aws', 'credentials')),
		profile: input.env.AWS_PROFILE || 'default',
		ssoCacheFolder: paths.join(home, '.aws', 'sso', 'cache'),
		// `??`, as the SDK reads it: a variable set to an empty string is taken as set.
		loginCacheFolder: input.env.AWS_LOGIN_CACHE_DIRECTORY ?? paths.join(home, '.aws', 'login', 'cache'),
	};
}

/** The files the SDK would read in this process: its environment, platform and home folder. */
export function processFileLocations(): FileLocations {
	return resolveFileLocations({ env: process.env, platform: platformOf(process.platform), languageSpecificHome: os.homedir() });
}

/** `~` and `~/x` (or `~\x` on Windows) mean the home folder; `~user/x` is left alone, as the SDKs do. */
function expandHome(file: string, home: string, paths: typeof path.posix): string {
	if (file === '~') {
		return home;
	}
	if (file.startsWith('~/') || (paths === path.win32 && file.startsWith('~\\'))) {
		return paths.join(home, file.slice(2));
	}
	return file;
}
