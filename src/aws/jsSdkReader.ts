/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the AWS SDK for JavaScript v3 sees in the two files, by calling its own loader: the functions of
// `@smithy/shared-ini-file-loader` (a re-export of `@smithy/core/config`, the module the SDK's credential
// providers import), never a copy of its parser. Serverless v4, CDK and SST read the files this way.
//
// The loader reads paths only, so the texts to judge are written to a private scratch folder and passed
// through its public `filepath`/`configFilepath` options with `ignoreCache`. The other way in, the
// `externalDataInterceptor` hook, is marked @internal ("for testing only") in the installed typings, and
// it is a process-wide table that overrides the reads of every caller of the module, including the SDK
// calls our own AWS layer makes: not a hook to build on.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSharedConfigFiles, loadSsoSessionData, parseKnownFiles } from '@smithy/shared-ini-file-loader';
import type { FileLocations } from '../core/fileLocations';
import type { FileTexts, Reading, ReadingSection } from '../core/reading';

/**
 * The JS SDK's reading. Sub-properties are what the SDK makes of them: flat keys (`s3.max_concurrent_requests`)
 * with string values, never nested maps. `services` holds the `[services x]` sections, which the SDK keeps
 * in the config file's map as `services.x` and reads for endpoint URLs.
 */
export interface JsSdkReading extends Reading {
	readonly services: Readonly<Record<string, ReadingSection>>;
}

/** Always `ok`: the loader never refuses; a file it cannot read or parse, it silently takes as empty. */
export interface JsSdkReadingResult {
	readonly ok: true;
	readonly reading: JsSdkReading;
}

export interface PackageVersion {
	readonly name: string;
	readonly version: string;
}

type ParsedIniData = Awaited<ReturnType<typeof parseKnownFiles>>;

/** Sections of the config file the loader keeps under a `<type>.` prefix, beside the profiles. */
const nonProfilePrefixes = ['sso-session.', 'services.'];

/**
 * What the JS SDK sees in these texts. An absent text is an absent file (the loader takes it as empty, as it
 * does an empty one). Rejects only if the scratch files cannot be written, never because of their content.
 */
export function readJsSdk(texts: FileTexts): Promise<JsSdkReadingResult> {
	return scratch.use(async (folder) => {
		const configFile = path.join(folder, 'config');
		const credentialsFile = path.join(folder, 'credentials');
		await Promise.all([writePrivate(configFile, texts.config), writePrivate(credentialsFile, texts.credentials)]);
		return { ok: true, reading: await readWithLoader({ configFile, credentialsFile }) };
	});
}

/**
 * What the JS SDK sees in the files where they are. This refreshes the loader's process-wide cache for these
 * two paths, so later SDK calls in this process (fromIni...) see the files as they are now.
 */
export async function readJsSdkFromDisk(paths: Pick<FileLocations, 'configFile' | 'credentialsFile'>): Promise<JsSdkReadingResult> {
	return { ok: true, reading: await readWithLoader(paths) };
}

/** The installed packages the reading comes from, for the README and `aws-profiles --version`. */
export function jsSdkVersions(): readonly PackageVersion[] {
	// Literal requires, so the bundler inlines each manifest into dist/jsSdkReader.js.
	/* eslint-disable @typescript-eslint/no-require-imports -- see above */
	const manifests = [
		require('@aws-sdk/credential-providers/package.json'),
		require('@aws-sdk/credential-provider-ini/package.json'),
		require('@smithy/shared-ini-file-loader/package.json'),
		require('@smithy/core/package.json'),
	] as { name: string; version: string }[];
	/* eslint-enable @typescript-eslint/no-require-imports */
	return manifests.map(({ name, version }) => ({ name, version }));
}

/**
 * Three calls, each the one a part of the SDK makes: the merged profiles are `parseKnownFiles` (fromIni,
 * fromSSO, fromProcess: credentials file wins key by key), the sso-sessions are `loadSsoSessionData`
 * (config file only), and the two files apart are `loadSharedConfigFiles`, which tells which merged keys
 * are config-file sections that are not profiles.
 */
async function readWithLoader(paths: Pick<FileLocations, 'configFile' | 'credentialsFile'>): Promise<JsSdkReading> {
	const init = { configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true };
	const files = await loadSharedConfigFiles(init);
	const merged = await parseKnownFiles(init);
	// No ignoreCache option here: it reads the cache entry the two calls above have just refreshed.
	const ssoSessions = await loadSsoSessionData({ configFilepath: paths.configFile });
	const isConfigOnlySection = (key: string) =>
		nonProfilePrefixes.some((prefix) => key.startsWith(prefix)) && key in files.configFile && !(key in files.credentialsFile);
	return {
		profiles: sections(merged, (key) => isConfigOnlySection(key) ? undefined : key),
		ssoSessions: sections(ssoSessions, (key) => key),
		services: sections(files.configFile, (key) => key.startsWith('services.') ? key.slice('services.'.length) : undefined),
	};
}

/** Copies the loader's sections into plain data, renamed (or left out when `rename` says undefined). */
function sections(data: ParsedIniData, rename: (key: string) => string | undefined): Record<string, ReadingSection> {
	const entries: [string, ReadingSection][] = [];
	for (const [key, section] of Object.entries(data)) {
		const name = rename(key);
		if (name !== undefined) {
			entries.push([name, plainSection(section)]);
		}
	}
	// fromEntries defines own properties, so even a name like `constructor` stays plain data.
	return Object.fromEntries(entries);
}

function plainSection(section: ParsedIniData[string]): ReadingSection {
	return Object.fromEntries(
		Object.entries(section).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
	);
}

/** Writes a text readable by this user only; an absent text is no file at all. */
async function writePrivate(file: string, text: string | undefined): Promise<void> {
	if (text !== undefined) {
		await fs.writeFile(file, text, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
	}
}

/**
 * A private folder (0700, under the OS temp folder, never ~/.aws) that exists only while one reading runs.
 * Readings run one at a time and reuse the same folder name, because the loader caches every path it reads
 * for the life of the process: fresh names would grow that cache by two entries (and two copies of the
 * texts) per reading. If someone else takes the name between two readings, a new one is made.
 */
class ScratchFolder {
	private name: string | undefined;
	private queue: Promise<unknown> = Promise.resolve();

	use<T>(body: (folder: string) => Promise<T>): Promise<T> {
		const run = this.queue.then(() => this.runAlone(body));
		this.queue = run.catch(() => undefined);
		return run;
	}

	private async runAlone<T>(body: (folder: string) => Promise<T>): Promise<T> {
		const folder = await this.create();
		try {
			return await body(folder);
		} finally {
			await fs.rm(folder, { recursive: true, force: true });
		}
	}

	private async create(): Promise<string> {
		// The OS temp folder is read each time (TMPDIR may change, as in the tests).
		if (this.name !== undefined && path.dirname(this.name) === os.tmpdir()) {
			try {
				// mkdir fails if the name exists, so a folder it makes is ours alone.
				await fs.mkdir(this.name, { mode: 0o700 });
				return this.name;
			} catch {
				// Taken in the meantime: fall through to a new name.
			}
		}
		this.name = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-profiles-js-sdk-'));
		return this.name;
	}
}

const scratch = new ScratchFolder();
