/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS CLI model (src/core/readings/awsCliReader.ts) against the real AWS CLI v2. Every parser case of the three
// shared suites and a set of seeded random files are written into a temporary HOME, and what the model
// predicts is compared with what `aws configure list-profiles`, `aws configure get` and
// `aws configure export-credentials` print. Each call starts Python (~0.6 s, measured in `before`), so the
// calls are chosen: one list-profiles per input (it also shows whether the CLI refuses a file), a few `get`s
// for the model's most telling values (continuations, comments, sub-properties, keys merged across files),
// one `get` of a key the model says is absent (where that can be wrong), and export-credentials where the model
// predicts static keys. Identical inputs (the suites overlap) are run once, and a pool of workers (two on a
// 2-core machine) runs a few inputs ahead of the test that needs them. About 400 calls for 191 distinct inputs:
// on an idle 2-core machine a call costs ~0.31 s two at a time (so ~2 min 10 s, estimated); when the machine was
// shared with other work (load 6), one call took 1.5 s and the file 4 min 50 s. AWS_CLI_DIFF_GENERATED,
// AWS_CLI_DIFF_SEED and AWS_CLI_DIFF_WORKERS tune it.
//
// What building this taught, kept here so it is not learned twice:
// - the model was first checked against botocore's own loader functions on thousands of generated files
//   (CPython's configparser + configloader.py, as installed with the CLI), which settled the rules listed at
//   the top of awsCliReader.ts before the slow CLI runs; the first full run here then agreed on every input;
// - the guesses that reading the sources overturned: `[DEFAULT]` is inherited by every section, section
//   names go through shlex (so `[profile "a b"]` is `a b` and `[profilex y]` is `y`), a BOM refuses the file,
//   sub-properties are parsed in the credentials file too, and a value that is empty on the key's line but
//   continued on the next is a block of sub-properties (refused unless every line has `=`);
// - the CLI reports a refused credentials file with the same "Unable to parse config file: <path>" message;
//   only the path tells which file it was;
// - `aws configure get a.b` is not always the sub-property `b` of `a`: not when `a` is `profile`, `default`, a
//   profile's name, or a substring of `plugins` (the CLI tests `in 'plugins'` on a string, not a tuple);
// - sso-session values cannot be read back with `configure get`, so only their names' effect on profiles is
//   checked here; their parsing is the profiles' parsing.
//
// The binary is /usr/bin/aws (the Debian package; `aws` on PATH may be a CLI v1 shim) or AWS_CLI_PATH. When it
// is missing the whole file is skipped, except on CI (CI=true) where that is a failure.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readAwsCli } from '../../src/core/readings/awsCliReader';
import type { FileRole } from '../../src/core/readings/fileLocations';
import type { FileTexts, Reading, ReadingSection, ReadingValue } from '../../src/core/readings/reading';
import { loadSuite } from '../unit/suites';

const awsBinary = process.env.AWS_CLI_PATH ?? '/usr/bin/aws';
// Two at a time is what a 2-core machine gains from; more cores, more workers (up to 4).
const workers = Number(process.env.AWS_CLI_DIFF_WORKERS ?? Math.min(4, Math.max(2, os.availableParallelism())));
const generatedCount = Number(process.env.AWS_CLI_DIFF_GENERATED ?? 60);
const generatorSeed = Number(process.env.AWS_CLI_DIFF_SEED ?? 20260101);

// ---- the inputs ------------------------------------------------------------------------------------------

interface ParserCase {
	name: string;
	input: { configFile?: string; credentialsFile?: string };
}

const parserSuites = [
	'smithy-rs_profile-parser-tests.json',
	'aws-sdk-kotlin_profile-parser-tests.json',
	'aws-sdk-ruby-v4_config-file-parser-tests.json',
];

/** A small seeded generator (mulberry32), so a failing generated file can be rebuilt from its seed. */
class Random {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(n: number): number {
		return Math.floor(this.next() * n);
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)];
	}
}

const plainNames = ['dev', 'prod', 'Dev', 'test-1', 'team_a', 'a.b', 'x#y', 'ünï', '123', '__proto__', 'constructor', 'o\'neil', 'q"x', 'sso', 'profile'];
const spacedNames = ['team a', 'my  profile', ' lead', 'tab\there'];
const keys = ['region', 'Region', 'REGION', 'output_format', 's3', 'custom', 'my key', 'x#y', 'ünï_key', '%(x)s', 'sso', 'key.dot'];
const values = ['us-east-1', 'us-west-2 # main', 'eu-west-1 ; note', '', 'a=b', 'a:b', 'with  spaces', 'ünï', '"quoted"', '%(region)s', '#not-a-comment', 'x # y ; z'];

function configHeader(r: Random): string {
	const name = r.pick(plainNames);
	return r.pick([
		'[default]', '[default]', `[profile ${name}]`, `[profile ${name}]`, `[profile ${name}]`,
		`[profile "${r.pick(spacedNames)}"]`, `[profile '${r.pick(spacedNames)}']`, `[profile  ${name}]`,
		`[profile\t${name}]`, `[profile ${name}] # note`, `[profile ${name}]; note`, `[profile ${name}]junk`,
		'[profile default]', `[${name}]`, `[ profile ${name}]`, '[profile a b]', `[profile${name}]`, '[profile]',
		`[sso-session ${name}]`, `[services ${name}]`, `  [profile ${name}]`, '[profile a\\ b]', '[Default]',
		'[profile "unclosed]', '[profile x]]', r.chance(0.3) ? '[DEFAULT]' : '[default]',
	]);
}

function credentialsHeader(r: Random): string {
	const name = r.pick(plainNames);
	return r.pick([
		'[default]', `[${name}]`, `[${name}]`, `[${name}]`, `[profile ${name}]`, `[ ${name} ]`,
		`[${name}] # note`, `[${r.pick(spacedNames)}]`, `[sso-session ${name}]`, r.chance(0.3) ? '[DEFAULT]' : '[default]',
	]);
}

function fakeKeyId(r: Random): string {
	return `AKIDEXAMPLE${String(r.int(100000)).padStart(5, '0')}`;
}

function sectionBody(r: Random, lines: string[], role: FileRole): void {
	const used = new Set<string>();
	const addKey = (key: string, value: string): void => {
		const delimiter = r.pick([' = ', '=', ' =', '= ', ': ', ':', '  =   ', '\t=\t']);
		lines.push(`${r.chance(0.08) ? '  ' : ''}${key}${delimiter}${value}`);
		used.add(key.toLowerCase());
	};
	if (r.chance(role === 'credentials' ? 0.5 : 0.2)) {
		addKey('aws_access_key_id', fakeKeyId(r));
		if (!r.chance(0.1)) {
			addKey('aws_secret_access_key', `fakeSecret${r.int(1000)}`);
		}
		if (r.chance(0.3)) {
			addKey(r.pick(['aws_session_token', 'aws_security_token']), `fakeToken${r.int(1000)}`);
		}
	}
	const count = r.int(5);
	for (let i = 0; i < count; i++) {
		const roll = r.next();
		if (roll < 0.55) {
			let key = r.pick(keys);
			if (used.has(key.toLowerCase()) && !r.chance(0.08)) {
				key = `${key}_${i}`;
			}
			const value = r.pick(values);
			addKey(key, value);
			// An empty value followed by a continuation is a sub-property block: keep that rare too.
			if (r.chance(value === '' ? 0.03 : 0.2)) {
				continuation(r, lines);
			}
		} else if (roll < 0.65) {
			const key = used.has('s3') ? `nested_${i}` : 's3';
			addKey(key, '');
			subProperties(r, lines);
		} else if (roll < 0.78) {
			lines.push(r.pick(['# comment', '; comment', '  # indented comment', '#region = commented', ';', '   ; x = y']));
		} else if (roll < 0.94) {
			lines.push(r.pick(['', '   ', '\t']));
		} else if (roll < 0.95) {
			lines.push(r.pick(['justtext', '= novalue', ': x', '[]', '[unterminated']));
		} else {
			// Option-like lines a header-looking text can turn into.
			lines.push(r.pick(['[profile x:y', '[a=b', 'https://example.com = url']));
		}
	}
}

function continuation(r: Random, lines: string[]): void {
	if (r.chance(0.3)) {
		lines.push(r.pick(['', '# between', '   ']));
	}
	const count = 1 + r.int(2);
	for (let i = 0; i < count; i++) {
		lines.push(r.pick(['  more text', '\tnext = x', '    [profile nested]', '   # not a comment? it is', '  -continued # c']));
	}
}

function subProperties(r: Random, lines: string[]): void {
	const count = 1 + r.int(3);
	for (let i = 0; i < count; i++) {
		lines.push(r.pick(['  max_concurrent_requests = 10', '  Addressing_Style = path', '\tsignature_version=s3v4', '  key = a = b', '  empty =']));
		if (r.chance(0.15)) {
			lines.push(r.pick(['', '  # comment inside', '   ']));
		}
	}
	if (r.chance(0.04)) {
		lines.push('  no-equals-sign');
	}
}

function generateFile(r: Random, role: FileRole): string {
	const lines: string[] = [];
	if (r.chance(0.02)) {
		lines.push(r.pick(['orphan = 1', 'text']));
	} else if (r.chance(0.2)) {
		lines.push(r.pick(['# leading comment', '', '; x']));
	}
	const sections = 1 + r.int(4);
	const headers = new Set<string>();
	for (let i = 0; i < sections; i++) {
		let header = role === 'config' ? configHeader(r) : credentialsHeader(r);
		// The same header twice refuses the file: keep that rare.
		for (let retry = 0; headers.has(header) && retry < 5 && !r.chance(0.05); retry++) {
			header = role === 'config' ? configHeader(r) : credentialsHeader(r);
		}
		headers.add(header);
		lines.push(header);
		sectionBody(r, lines, role);
	}
	const style = r.pick(['\n', '\n', '\n', '\r\n', '\r\n', 'mixed', r.chance(0.2) ? '\r' : '\n']);
	let text = '';
	for (const [i, line] of lines.entries()) {
		const eol = style === 'mixed' ? r.pick(['\n', '\r\n']) : style;
		text += line + (i < lines.length - 1 || r.chance(0.8) ? eol : '');
	}
	return r.chance(0.02) ? '\ufeff' + text : text;
}

/** One random pair of files: headers, comments, continuations, case-variant keys, odd names, CRLF... */
export function generateFiles(seed: number): FileTexts {
	const r = new Random(seed);
	const config = r.chance(0.9) ? generateFile(r, 'config') : undefined;
	const credentials = r.chance(0.75) ? generateFile(r, 'credentials') : undefined;
	return { config, credentials };
}

// ---- what to ask the CLI and what the model predicts ------------------------------------------------------

type Expectation =
	| { readonly kind: 'profiles'; readonly names: readonly string[] }
	| { readonly kind: 'refused'; readonly file: FileRole }
	| { readonly kind: 'value'; readonly value: string }
	| { readonly kind: 'no-value' }
	| { readonly kind: 'credentials'; readonly json: Readonly<Record<string, string | number>> }
	| { readonly kind: 'credentials-error'; readonly contains: string };

interface Call {
	readonly args: readonly string[];
	readonly expect: Expectation;
}

interface Outcome {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

const MAX_GETS = 2;

/** Keys botocore's credential chain would act on before the static keys (network, processes, SSO). */
function usesOtherProvider(section: ReadingSection): boolean {
	return Object.keys(section).some((key) => key.startsWith('sso_') || key === 'role_arn'
		|| key === 'web_identity_token_file' || key === 'credential_process');
}

export function planCalls(texts: FileTexts): Call[] {
	const result = readAwsCli(texts);
	if (!result.ok) {
		return [{ args: ['configure', 'list-profiles'], expect: { kind: 'refused', file: result.file ?? 'config' } }];
	}
	const reading = result.reading;
	return [
		{ args: ['configure', 'list-profiles'], expect: { kind: 'profiles', names: Object.keys(reading.profiles) } },
		...planGets(texts, reading),
		...planAbsentGet(texts, reading),
		...planExports(texts, reading),
	];
}

/** A name the CLI's argument parser and `configure get` take literally. */
function isQueryable(name: string): boolean {
	return name !== '' && !name.includes('.') && !name.startsWith('-');
}

function planGets(texts: FileTexts, reading: Reading): Call[] {
	const inBoth = profilesInBothFiles(texts);
	const candidates: { score: number; call: Call }[] = [];
	for (const [profile, section] of Object.entries(reading.profiles)) {
		if (profile === '' || profile.startsWith('-')) {
			continue;
		}
		for (const [key, value] of Object.entries(section)) {
			if (!isQueryable(key)) {
				continue;
			}
			const call = getCall(profile, key, value, reading);
			if (call !== undefined) {
				candidates.push({ score: interest(value) + (inBoth.has(profile) ? 3 : 0), call });
			}
		}
	}
	// A stable sort: the most telling values first, then file order.
	candidates.sort((a, b) => b.score - a.score);
	return candidates.slice(0, MAX_GETS).map((candidate) => candidate.call);
}

function getCall(profile: string, key: string, value: ReadingValue, reading: Reading): Call | undefined {
	if (typeof value === 'string') {
		return { args: ['configure', 'get', key, `--profile=${profile}`], expect: { kind: 'value', value } };
	}
	// `configure get a.b` reads a sub-property, unless `a` is `profile`, `default`, a profile's name or (a quirk
	// of the CLI's PREDEFINED_SECTION_NAMES being a string) a substring of `plugins`.
	const dottable = key !== 'profile' && key !== 'default' && !Object.hasOwn(reading.profiles, key) && !'plugins'.includes(key);
	const subKey = Object.keys(value).find(isQueryable);
	if (dottable && subKey !== undefined) {
		return { args: ['configure', 'get', `${key}.${subKey}`, `--profile=${profile}`], expect: { kind: 'value', value: value[subKey] } };
	}
	return { args: ['configure', 'get', key, `--profile=${profile}`], expect: { kind: 'no-value' } };
}

function interest(value: ReadingValue): number {
	if (typeof value !== 'string') {
		return 5;
	}
	let score = 1;
	if (value.includes('\n')) {
		score += 4;
	}
	if (/[#;]/.test(value)) {
		score += 3;
	}
	if (/[^\x20-\x7e]/.test(value)) {
		score += 1;
	}
	return score;
}

function profilesInBothFiles(texts: FileTexts): Set<string> {
	const config = readAwsCli({ config: texts.config });
	const credentials = readAwsCli({ credentials: texts.credentials });
	if (!config.ok || !credentials.ok) {
		return new Set();
	}
	return new Set(Object.keys(config.reading.profiles).filter((name) => Object.hasOwn(credentials.reading.profiles, name)));
}

/**
 * One key that is written somewhere in the files but that the model says a profile does not have; only where
 * that can be wrong (indented lines, [DEFAULT], two files), as each call costs a Python start-up.
 */
function planAbsentGet(texts: FileTexts, reading: Reading): Call[] {
	const both = texts.config !== undefined && texts.credentials !== undefined;
	if (!both && !/^[ \t]+\S|\[DEFAULT\]/m.test(`${texts.config ?? ''}\n${texts.credentials ?? ''}`)) {
		return [];
	}
	const written = new Set<string>();
	for (const text of [texts.config, texts.credentials]) {
		for (const line of (text ?? '').split(/\r\n|\r|\n/)) {
			const at = line.search(/[=:]/);
			const key = at > 0 ? line.slice(0, at).trim().toLowerCase() : '';
			if (isQueryable(key) && !/^[#;[]/.test(key)) {
				written.add(key);
			}
		}
	}
	for (const [profile, section] of Object.entries(reading.profiles)) {
		if (profile === '' || profile.startsWith('-')) {
			continue;
		}
		const absent = [...written].find((key) => !Object.hasOwn(section, key));
		if (absent !== undefined) {
			return [{ args: ['configure', 'get', absent, `--profile=${profile}`], expect: { kind: 'no-value' } }];
		}
	}
	return [];
}

/** export-credentials for the profiles whose static keys the model can predict (at most two per input). */
function planExports(texts: FileTexts, reading: Reading): Call[] {
	const configOnly = readAwsCli({ config: texts.config });
	const credentialsOnly = readAwsCli({ credentials: texts.credentials });
	if (!configOnly.ok || !credentialsOnly.ok) {
		return [];
	}
	const calls: Call[] = [];
	for (const [profile, merged] of Object.entries(reading.profiles)) {
		if (calls.length === 2) {
			break;
		}
		if (profile === '' || profile.startsWith('-') || usesOtherProvider(merged)) {
			continue;
		}
		const fromCredentials = credentialsOnly.reading.profiles[profile];
		const fromConfig = configOnly.reading.profiles[profile];
		const source = [fromCredentials, fromConfig].find((section) => section !== undefined && Object.hasOwn(section, 'aws_access_key_id'));
		if (source === undefined) {
			continue;
		}
		const expect = staticCredentials(source);
		if (expect !== undefined) {
			calls.push({ args: ['configure', 'export-credentials', `--profile=${profile}`, '--format', 'process'], expect });
		}
	}
	return calls;
}

/** What botocore's SharedCredentialProvider / ConfigProvider make of a section with an access key id. */
function staticCredentials(section: ReadingSection): Expectation | undefined {
	const id = section.aws_access_key_id;
	const secret = section.aws_secret_access_key;
	// aws_security_token (the old name) is looked up before aws_session_token.
	const token = Object.hasOwn(section, 'aws_security_token') ? section.aws_security_token : section.aws_session_token;
	if (typeof id !== 'string' || (secret !== undefined && typeof secret !== 'string') || (token !== undefined && typeof token !== 'string')) {
		return undefined;
	}
	if (secret === undefined) {
		return { kind: 'credentials-error', contains: 'aws_secret_access_key' };
	}
	const json: Record<string, string | number> = { Version: 1, AccessKeyId: id, SecretAccessKey: secret };
	if (token !== undefined) {
		json.SessionToken = token;
	}
	return { kind: 'credentials', json };
}

// ---- running the CLI -------------------------------------------------------------------------------------

/** Runs tasks at most `limit` at a time, in the order they were queued. */
class Pool {
	private running = 0;
	private readonly queue: (() => void)[] = [];
	constructor(private readonly limit: number) {}
	run<T>(task: () => Promise<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const start = (): void => {
				this.running++;
				task().then(resolve, reject).finally(() => {
					this.running--;
					this.queue.shift()?.();
				});
			};
			if (this.running < this.limit) {
				start();
			} else {
				this.queue.push(start);
			}
		});
	}
}

interface Home {
	readonly dir: string;
	readonly configPath: string;
	readonly credentialsPath: string;
}

function makeHome(root: string, index: number, texts: FileTexts): Home {
	const dir = path.join(root, `input-${index}`);
	mkdirSync(path.join(dir, '.aws'), { recursive: true });
	const configPath = path.join(dir, '.aws', 'config');
	const credentialsPath = path.join(dir, '.aws', 'credentials');
	if (texts.config !== undefined) {
		writeFileSync(configPath, texts.config, 'utf8');
	}
	if (texts.credentials !== undefined) {
		writeFileSync(credentialsPath, texts.credentials, 'utf8');
	}
	return { dir, configPath, credentialsPath };
}

/** Only what the CLI needs: no AWS_* variable of this machine leaks in, and no network is tried. */
function cliEnvironment(home: Home): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: home.dir,
		LC_ALL: 'C.UTF-8',
		PYTHONUTF8: '1',
		PYTHONIOENCODING: 'utf-8',
		AWS_CONFIG_FILE: home.configPath,
		AWS_SHARED_CREDENTIALS_FILE: home.credentialsPath,
		AWS_EC2_METADATA_DISABLED: 'true',
		AWS_PAGER: '',
	};
}

let callCount = 0;

function runAws(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
	callCount++;
	return new Promise((resolve) => {
		execFile(awsBinary, [...args], { env, timeout: 60_000, maxBuffer: 1 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
			const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
			resolve({ code, stdout, stderr });
		});
	});
}

interface Mismatch {
	readonly args: readonly string[];
	readonly expected: Expectation;
	readonly actual: Outcome;
}

function check(call: Call, outcome: Outcome, home: Home): Mismatch | undefined {
	const mismatch = { args: call.args, expected: call.expect, actual: outcome };
	const expect = call.expect;
	switch (expect.kind) {
		case 'profiles': {
			const names = outcome.stdout === '' ? [] : outcome.stdout.replace(/\n$/, '').split('\n');
			const same = outcome.code === 0 && JSON.stringify([...names].sort()) === JSON.stringify([...expect.names].sort());
			return same ? undefined : mismatch;
		}
		case 'refused': {
			const file = expect.file === 'config' ? home.configPath : home.credentialsPath;
			return outcome.code !== 0 && outcome.stderr.includes(`Unable to parse config file: ${file}`) ? undefined : mismatch;
		}
		case 'value':
			return outcome.code === 0 && outcome.stdout === `${expect.value}\n` ? undefined : mismatch;
		case 'no-value':
			return outcome.code === 1 && outcome.stdout === '' ? undefined : mismatch;
		case 'credentials': {
			let json: unknown;
			try {
				json = JSON.parse(outcome.stdout);
			} catch {
				return mismatch;
			}
			return outcome.code === 0 && JSON.stringify(json) === JSON.stringify(expect.json) ? undefined : mismatch;
		}
		case 'credentials-error':
			return outcome.code !== 0 && outcome.stderr.includes(expect.contains) ? undefined : mismatch;
	}
}

async function runInput(pool: Pool, root: string, index: number, texts: FileTexts): Promise<Mismatch[]> {
	const home = makeHome(root, index, texts);
	const env = cliEnvironment(home);
	const calls = planCalls(texts);
	const outcomes = await Promise.all(calls.map((call) => pool.run(() => runAws(call.args, env))));
	rmSync(home.dir, { recursive: true, force: true });
	return calls.flatMap((call, i) => check(call, outcomes[i], home) ?? []);
}

// ---- the tests -------------------------------------------------------------------------------------------

interface NamedInput {
	readonly title: string;
	readonly texts: FileTexts;
}

function allInputs(): { suite: string; inputs: NamedInput[] }[] {
	const groups = parserSuites.map((suite) => ({
		suite,
		inputs: loadSuite<{ tests: ParserCase[] }>(suite).tests.map((test, i) => ({
			title: `${i}: ${test.name}`,
			texts: { config: test.input.configFile, credentials: test.input.credentialsFile },
		})),
	}));
	const generated = Array.from({ length: generatedCount }, (_, i) => ({
		title: `seed ${generatorSeed + i}`,
		texts: generateFiles(generatorSeed + i),
	}));
	return [...groups, { suite: 'generated files', inputs: generated }];
}

/** Runs each distinct input once, starting a few ahead of the test that needs it so the pool never idles. */
class InputRunner {
	private readonly order: string[] = [];
	private readonly texts = new Map<string, FileTexts>();
	private readonly results = new Map<string, Promise<Mismatch[]>>();
	private readonly pool = new Pool(workers);

	constructor(private readonly root: string, groups: readonly { inputs: readonly NamedInput[] }[]) {
		for (const input of groups.flatMap((group) => group.inputs)) {
			const key = inputKey(input.texts);
			if (!this.texts.has(key)) {
				this.texts.set(key, input.texts);
				this.order.push(key);
			}
		}
	}

	get distinctInputs(): number {
		return this.results.size;
	}

	result(texts: FileTexts): Promise<Mismatch[]> {
		const index = this.order.indexOf(inputKey(texts));
		for (const key of this.order.slice(index, index + LOOKAHEAD)) {
			if (!this.results.has(key)) {
				this.results.set(key, runInput(this.pool, this.root, this.order.indexOf(key), this.texts.get(key) ?? {}));
			}
		}
		return this.results.get(this.order[index]) ?? Promise.resolve([]);
	}
}

const LOOKAHEAD = 3;

function inputKey(texts: FileTexts): string {
	return JSON.stringify([texts.config, texts.credentials]);
}

describe('AWS CLI model against the real AWS CLI (differential)', function () {
	this.timeout(120_000);
	const groups = allInputs();
	let runner: InputRunner | undefined;
	let root = '';
	let started = 0;

	before(async function () {
		if (!existsSync(awsBinary)) {
			if (process.env.CI === 'true') {
				throw new Error(`The AWS CLI v2 is required on CI but ${awsBinary} does not exist (set AWS_CLI_PATH).`);
			}
			console.log(`      skipped: ${awsBinary} not found (install the AWS CLI v2, or point AWS_CLI_PATH at it)`);
			this.skip();
		}
		root = mkdtempSync(path.join(os.tmpdir(), 'aws-cli-diff-'));
		const probe = makeHome(root, -1, {});
		const startedProbe = Date.now();
		const version = await runAws(['--version'], cliEnvironment(probe));
		console.log(`      ${version.stdout.trim()}; one call took ${Date.now() - startedProbe} ms; ${workers} at a time`);
		assert.match(version.stdout, /^aws-cli\/2\./, `${awsBinary} must be the AWS CLI v2`);
		started = Date.now();
		callCount = 0;
		runner = new InputRunner(root, groups);
	});

	after(function () {
		if (root !== '') {
			rmSync(root, { recursive: true, force: true });
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			console.log(`      ${runner?.distinctInputs ?? 0} distinct inputs, ${callCount} aws calls in ${seconds} s`);
		}
	});

	for (const group of groups) {
		describe(group.suite, () => {
			for (const input of group.inputs) {
				it(input.title, async () => {
					const mismatches = await runner?.result(input.texts);
					assert.deepEqual(mismatches, [], `the model disagrees with the AWS CLI on ${JSON.stringify(input.texts)}`);
				});
			}
		});
	}
});
