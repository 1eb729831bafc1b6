/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the AWS SDK for JavaScript v3 sees in the two files, by calling its own loader: the functions of
// `@smithy/shared-ini-file-loader` (a re-export of `@smithy/core/config`, the module the SDK's credential
// providers import), never a copy of its parser. Serverless v4, CDK and SST read the files this way.
//
// The loader reads paths only. The texts the editor judges (unsaved, on every keystroke) are handed to it
// through its `externalDataInterceptor`, under two paths of our own that no file has and no other caller
// reads, so no secret is written to disk and nothing else the SDK reads is affected; in the extension this
// module is a bundle of its own (dist/jsSdkReader.js) with its own copy of the loader, apart from the one the
// SDK's clients use. The hook is marked @internal in the installed typings: test/unit/jsSdkReader.test.ts pins
// it, so an SDK update that changes it fails there first. The last few readings are kept by their texts, as the
// lint and the project references of one edit ask for the same texts.

import * as os from 'node:os';
import * as path from 'node:path';
import { externalDataInterceptor, loadSharedConfigFiles, loadSsoSessionData, parseKnownFiles } from '@smithy/shared-ini-file-loader';
import type { FileLocations } from './fileLocations';
import { LoaderTexts, readingAfterEdit } from './jsSdkReadingAfterEdit';
import type { FileTexts, Reading, ReadingSection } from './reading';

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
 * What the JS SDK sees in these texts. An absent text is an absent file, which the loader takes as empty, as it
 * does an empty one. Nothing is written to disk; the same texts asked for again give the same reading.
 */
export function readJsSdk(texts: FileTexts): Promise<JsSdkReadingResult> {
	const config = texts.config ?? '';
	const credentials = texts.credentials ?? '';
	const known = recentReadings.find((entry) => entry.config === config && entry.credentials === credentials);
	if (known) {
		return known.result;
	}
	// After an edit, from the last reading asked for: only the sections the edit touched are read again.
	const latest = recentReadings[0];
	const read: LoaderTexts = { config, credentials };
	const reading = latest
		? latest.result.then(({ reading }) => readingAfterEdit(latest, reading, read, readInMemory), () => readInMemory(read))
		: readInMemory(read);
	const result = reading.then(okReading);
	recentReadings.unshift({ config, credentials, result });
	recentReadings.length = Math.min(recentReadings.length, keptReadings);
	return result;
}

/** How many readings are kept by their texts: those of one edit (lint, references, hover) and the one before. */
const keptReadings = 4;
const recentReadings: { config: string; credentials: string; result: Promise<JsSdkReadingResult> }[] = [];

/**
 * The two paths the texts are handed to the loader under: a folder that is never made, named for this process,
 * so no file has them and no other reader of the SDK's files asks for them.
 */
function inMemoryPaths(): Pick<FileLocations, 'configFile' | 'credentialsFile'> {
	const folder = path.join(os.tmpdir(), `aws-profiles-js-sdk-in-memory-${process.pid}`);
	return { configFile: path.join(folder, 'config'), credentialsFile: path.join(folder, 'credentials') };
}

function readInMemory(texts: LoaderTexts): Promise<JsSdkReading> {
	const paths = inMemoryPaths();
	externalDataInterceptor.interceptFile(paths.configFile, texts.config);
	externalDataInterceptor.interceptFile(paths.credentialsFile, texts.credentials);
	// The loader looks the paths up as it is called, before it awaits anything: a reading started later
	// replaces the texts only for itself.
	return readWithLoader(paths);
}

function okReading(reading: JsSdkReading): JsSdkReadingResult {
	return { ok: true, reading };
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
	// All three start before the first await, so they read the same texts (see readInMemory). The last one
	// takes no ignoreCache option: from disk, it reads the cache entry the two calls before have just refreshed.
	const [files, merged, ssoSessions] = await Promise.all([
		loadSharedConfigFiles(init),
		parseKnownFiles(init),
		loadSsoSessionData({ configFilepath: paths.configFile }),
	]);
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
