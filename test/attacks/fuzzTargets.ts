/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the fuzz runs on each mutated input, and what must hold: the readers, the lint (and the lint session,
// which must find what a fresh lint finds) and the reference finders never throw; an edit that is planned
// applies without overlap and adds no syntax error to either file.

import type { FileTexts } from '../../src/core/readings/reading';
import { readAwsCli } from '../../src/core/readings/awsCliReader';
import { lintProfileFiles } from '../../src/core/lint/lintFiles';
import { LintSession } from '../../src/core/lint/lintSession';
import type { LintInput } from '../../src/core/lint/lintContext';
import { lintRules } from '../../src/core/lint/ruleCatalog';
import { FilePair, NewProfile, planProfileEdit, ProfileOperation } from '../../src/core/editing/profileEdits';
import { buildProfileModel } from '../../src/core/model/profileModel';
import { parseRawProfileFile } from '../../src/core/ini/rawProfileFile';
import { checkReferences } from '../../src/core/references/checkReferences';
import { Finder, finders, findProfileReferences } from '../../src/core/references/findReferences';
import { isDotenvFile, referenceFileKind } from '../../src/core/references/referenceFiles';
import { ParseLimitError } from '../../src/core/references/parseLimits';
import { legacySdkUsesOf } from '../../src/core/references/legacySdkUses';
import { planProfilePin } from '../../src/core/references/pinProfile';
import type { FindOptions, ProfileReference, ReferenceFileKind } from '../../src/core/references/profileReference';
import { readStandard, readStandardAndLiteral } from '../../src/core/readings/standardReader';
import { applyEdits } from '../../src/core/text/textEdits';
import type { Gen } from '../unit/seededRandom';
import { mutate, profileCorpus, ProjectFile, projectCorpus } from './fuzzInputs';

/** One input, made and described; `run` does the work and throws when something that must hold does not. */
export interface Prepared {
	readonly steps: string[];
	readonly size: number;
	/** The input itself, to look at when replaying a seed. */
	readonly input: unknown;
	run(): void;
}

export type Target = (g: Gen) => Prepared;

let profiles: string[] | undefined;
let projects: ProjectFile[] | undefined;
const profileTexts = () => (profiles ??= profileCorpus());
const projectFiles = () => (projects ??= projectCorpus());

/** A pair of mutated profile files; sometimes one is absent. */
function profilePair(g: Gen, steps: string[]): { config?: string; credentials?: string } {
	const others = [...profileTexts(), ...projectFiles().map((file) => file.text)];
	const one = (role: string) => {
		if (g.chance(0.15)) {
			steps.push(`${role}: absent`);
			return undefined;
		}
		const source = g.int(profileTexts().length);
		const mutated = mutate(g, profileTexts()[source], others, 1 + g.int(5));
		steps.push(`${role}: corpus #${source}, ${mutated.steps.join('; ') || 'unchanged'}`);
		return mutated.text;
	};
	return { config: one('config'), credentials: one('credentials') };
}

const sizeOf = (texts: { config?: string; credentials?: string }) => (texts.config?.length ?? 0) + (texts.credentials?.length ?? 0);

function readers(g: Gen): Prepared {
	const steps: string[] = [];
	const texts: FileTexts = profilePair(g, steps);
	return {
		steps,
		size: sizeOf(texts),
		input: texts,
		run() {
			parseRawProfileFile(texts.config ?? '');
			parseRawProfileFile(texts.credentials ?? '');
			readStandard(texts);
			readStandardAndLiteral(texts);
			readAwsCli(texts);
		},
	};
}

/** Every rule on, the opt-in ones too. */
const allRules = Object.fromEntries(lintRules.map((rule) => [rule.id, 'warning' as const]));

function lintInput(texts: FileTexts): LintInput {
	return {
		texts,
		fileModes: { config: 0o644, credentials: 0o644 },
		platform: 'linux',
		now: () => Date.UTC(2026, 0, 1),
		options: { rules: allRules, namingPattern: '[a-z0-9-]+' },
	};
}

function lint(g: Gen): Prepared {
	const steps: string[] = [];
	const first: FileTexts = profilePair(g, steps);
	// The session then sees the files edited again, as an editor would.
	const role = g.pick(['config', 'credentials'] as const);
	const edited = mutate(g, first[role] ?? '', profileTexts(), 1 + g.int(3));
	const second: FileTexts = { ...first, [role]: edited.text };
	steps.push(`then ${role}: ${edited.steps.join('; ')}`);
	return {
		steps,
		size: sizeOf(first) + sizeOf(second),
		input: [first, second],
		run() {
			const session = new LintSession();
			for (const texts of [first, second]) {
				const fresh = JSON.stringify(lintProfileFiles(lintInput(texts)));
				const again = JSON.stringify(session.lint(lintInput(texts)));
				if (fresh !== again) {
					throw new Error(`the lint session found other findings than a fresh lint:\n  fresh   ${fresh.slice(0, 2000)}\n  session ${again.slice(0, 2000)}`);
				}
			}
		},
	};
}

const keys = ['region', 'output', 'role_arn', 'source_profile', 'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token',
	'credential_process', 'sso_session', 'Region', 'x_custom', 's3', 'a:b', 'a=b', '', ' ', 'k\n', '[x]', '#k', 'é'];
const values = ['us-east-1', 'json', 'arn:aws:iam::123456789012:role/r', 'x', '', ' ', 'a # b', 'a ; b', 'v\nw', '\r', '"q"', 'é', 'a=b', '[x]', '  lead'];
const freshNames = ['new', 'default', 'DEFAULT', 'a b', 'x]', '#x', 'profile x', '', ' ', 'é', 'sso-session', 'dup'];

function operation(g: Gen, names: readonly string[]): ProfileOperation {
	const name = () => (names.length > 0 && g.chance(0.7) ? g.pick(names) : g.pick(freshNames));
	switch (g.int(5)) {
		case 0: return { op: 'set', profile: name(), key: g.pick(keys), value: g.pick(values) };
		case 1: return { op: 'remove', profile: name(), key: g.pick(keys) };
		case 2: return { op: 'rename', from: name(), to: name() };
		case 3: return { op: 'delete', profile: name() };
		default: {
			const common = { name: name(), region: g.chance(0.5) ? g.pick(values) : undefined };
			const profiles: NewProfile[] = [
				{ ...common, kind: 'static', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: g.pick(values) },
				{ ...common, kind: 'assume-role', roleArn: g.pick(values), source: { sourceProfile: name() } },
				{ ...common, kind: 'sso', session: g.chance(0.5) ? { name: name() } : { name: name(), startUrl: 'https://x.awsapps.com/start', region: 'us-east-1' }, accountId: '123456789012', roleName: g.pick(values) },
				{ ...common, kind: 'credential-process', command: g.pick(values) },
			];
			return { op: 'add', profile: g.pick(profiles) };
		}
	}
}

/** How many syntax problems of each kind a file has. */
function syntaxCounts(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const problem of parseRawProfileFile(text).problems) {
		counts.set(problem.code, (counts.get(problem.code) ?? 0) + 1);
	}
	return counts;
}

function edits(g: Gen): Prepared {
	const steps: string[] = [];
	const pair = profilePair(g, steps);
	const files: FilePair = { config: pair.config ?? '', credentials: pair.credentials ?? '' };
	const names = [...readStandard(files).profiles.keys()];
	const op = operation(g, names);
	steps.push(`operation ${JSON.stringify(op)}`);
	return {
		steps,
		size: sizeOf(files),
		input: { files, op },
		run() {
			const plan = planProfileEdit(files, op);
			if (!plan.ok) {
				return;
			}
			for (const role of ['config', 'credentials'] as const) {
				const after = applyEdits(files[role], plan.edits[role]);
				const before = syntaxCounts(files[role]);
				for (const [code, count] of syntaxCounts(after)) {
					if (count > (before.get(code) ?? 0)) {
						throw new Error(`the edit added a syntax error (${code}) to ${role}:\n  before ${JSON.stringify(files[role])}\n  after  ${JSON.stringify(after)}`);
					}
				}
			}
		},
	};
}

/** Each finder itself (finders), without the catch of findProfileReferences, which would hide a throw. */
export function finderOf(name: string): { readonly kind: ReferenceFileKind; readonly find: Finder } | undefined {
	const kind = referenceFileKind(name);
	return kind && { kind, find: finders[kind] };
}

export const finderKinds = Object.keys(finders) as ReferenceFileKind[];
export { referenceFileKind };

const model = buildProfileModel(readStandard({ config: '[profile dev]\nregion = us-east-1\n[default]\n', credentials: '[p]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' }));

function resolvers(g: Gen): Prepared {
	const files = projectFiles().filter((candidate) => finderOf(candidate.name));
	const index = g.int(files.length);
	const file = files[index];
	const others = [...files.map((other) => other.text), ...profileTexts()];
	const mutated = mutate(g, file.text, others, 1 + g.int(6));
	const dotenv = files.filter((other) => isDotenvFile(other.name));
	const options: FindOptions = {
		env: { AWS_PROFILE: 'from-env', STAGE: 'dev' },
		stage: g.chance(0.3) ? g.pick(['dev', 'prod', 'staging', '']) : undefined,
		dotenvFiles: g.chance(0.5) ? dotenv.map((other) => ({ file: other.name, text: mutate(g, other.text, others, g.int(3)).text })) : undefined,
	};
	const steps = [`${file.name} (corpus #${index}), ${mutated.steps.join('; ') || 'unchanged'}`, `options ${JSON.stringify(options).slice(0, 300)}`];
	return {
		steps,
		size: mutated.text.length,
		input: { name: file.name, text: mutated.text, options },
		run() {
			const finder = finderOf(file.name)!;
			const references = withinLimits(() => finder.find(file.name, mutated.text, options));
			checkReferences(references, model, { file: file.name, searchedFiles: ['~/.aws/config'], now: Date.UTC(2026, 0, 1) });
			legacySdkUsesOf(file.name, mutated.text, () => findProfileReferences(file.name, mutated.text));
			const pin = planProfilePin(file.name, mutated.text, 'pinned');
			if (pin.ok) {
				pin.places.forEach((place) => applyEdits(mutated.text, place.edits));
			}
		},
	};
}

/**
 * A finder's references; none for a text past a parse limit. The parsers signal a limit with ParseLimitError,
 * which findProfileReferences turns into a "not checked" finding: the one exception a finder may let out.
 */
function withinLimits(find: () => ProfileReference[]): ProfileReference[] {
	try {
		return find();
	} catch (error) {
		if (error instanceof ParseLimitError) {
			return [];
		}
		throw error;
	}
}

export const targets: Readonly<Record<string, Target>> = { readers, lint, edits, resolvers };

/** The names of the corpus's project files that some finder reads. */
export function projectFileNames(): string[] {
	return projectFiles().filter((file) => finderOf(file.name)).map((file) => file.name);
}
