/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Attack: edit fidelity (issue 18, sections 1 and 6). Thousands of generated operations (nastyFiles.ts) are
// planned with planProfileEdit and applied with applyEdits; every byte outside the edits must be unchanged,
// each edit must lie in the text its operation concerns, and the result is read back by the AWS CLI's own
// loader (in-process Python, awsCliInProcess.ts) and by the JS SDK's loader (src/core/readings/jsSdkReader.ts): each
// must see what the operation meant (the value set, the key gone, the profile renamed...) and nothing else
// changed. A refused operation writes nothing, which needs no reading back; the named cases of section 1
// must be refused, or (a comment, an inline comment) kept.
//
// EDIT_FIDELITY_CASES and EDIT_FIDELITY_SEED tune the run; a failure names its seed. Without /usr/bin/aws or its
// Python modules the suite is skipped, except on CI (CI=true) where that is a failure.

import * as assert from 'node:assert/strict';
import { readJsSdk } from '../../src/core/readings/jsSdkReader';
import type { FileRole } from '../../src/core/readings/fileLocations';
import { FilePair, newProfileProperties, planProfileEdit, ProfileOperation } from '../../src/core/editing/profileEdits';
import { applyEdits, Edit } from '../../src/core/text/textEdits';
import { Gen, random } from '../unit/seededRandom';
import { awsCliAvailable, AwsCliInProcess, CliReading } from './awsCliInProcess';
import { nastyPair, operation } from './nastyFiles';
import { allowedRegions } from '../unit/editRegions';

const cases = Number(process.env.EDIT_FIDELITY_CASES ?? 2000);
const firstSeed = Number(process.env.EDIT_FIDELITY_SEED ?? 1);

type Profiles = Record<string, Record<string, unknown>>;

/** Keys as the reader names them; the JS SDK flattens sub-properties to `parent.child`. */
function expected(before: Profiles, op: ProfileOperation, reader: 'aws-cli' | 'js-sdk'): Profiles {
	const next = JSON.parse(JSON.stringify(before)) as Profiles;
	const dropKey = (profile: Record<string, unknown>, key: string) => {
		for (const name of Object.keys(profile)) {
			const lower = name.toLowerCase();
			if (lower === key.toLowerCase() || (reader === 'js-sdk' && lower.startsWith(`${key.toLowerCase()}.`))) {
				delete profile[name];
			}
		}
	};
	switch (op.op) {
		case 'set':
			dropKey(next[op.profile] ??= {}, op.key);
			next[op.profile][op.key] = op.value;
			break;
		case 'remove':
			dropKey(next[op.profile], op.key);
			break;
		case 'delete':
			// `[ dev ]` is the profile ' dev ' for the AWS CLI and the JS SDK, and dev for the standard: it goes too.
			for (const name of Object.keys(next).filter((name) => name.trim() === op.profile)) {
				delete next[name];
			}
			break;
		case 'rename':
			if (op.from in next) {
				next[op.to] = next[op.from];
			}
			delete next[op.from];
			for (const profile of Object.values(next)) {
				// The AWS CLI read an inline comment into the value; the edit writes the plain name.
				if (typeof profile.source_profile === 'string' && profile.source_profile.replace(/\s+[#;].*$/s, '') === op.from) {
					profile.source_profile = op.to;
				}
			}
			break;
		case 'add': {
			const { config, credentials } = newProfileProperties(op.profile);
			next[op.profile.name] = Object.fromEntries([...config, ...credentials]);
		}
	}
	return next;
}

/** The JS SDK makes a section when it reads its first key: a profile without keys is not in its map. */
function withoutEmpty(profiles: Profiles): Profiles {
	return Object.fromEntries(Object.entries(profiles).filter(([, keys]) => Object.keys(keys).length > 0));
}


function assertEditsInside(files: FilePair, role: FileRole, op: ProfileOperation, edits: readonly Edit[], context: string): void {
	const regions = allowedRegions(files, role, op);
	for (const edit of edits) {
		assert.ok(regions.some(([start, stop]) => edit.offset >= start && edit.offset + edit.length <= stop),
			`${context}: an edit at ${edit.offset}+${edit.length} is outside the operation's text`);
	}
}

/** Every byte outside the edits is unchanged, in order. */
function assertUnchangedOutside(before: string, after: string, edits: readonly Edit[], context: string): void {
	let cursor = 0;
	let shift = 0;
	for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
		assert.equal(after.slice(cursor + shift, edit.offset + shift), before.slice(cursor, edit.offset), context);
		shift += edit.content.length - edit.length;
		cursor = edit.offset + edit.length;
	}
	assert.equal(after.slice(cursor + shift), before.slice(cursor), context);
}

function apply(files: FilePair, op: ProfileOperation): { after: FilePair; edits: Record<FileRole, readonly Edit[]> } | string {
	const plan = planProfileEdit(files, op);
	if (!plan.ok) {
		return plan.message;
	}
	return {
		after: { config: applyEdits(files.config, plan.edits.config), credentials: applyEdits(files.credentials, plan.edits.credentials) },
		edits: plan.edits,
	};
}

/** The inputs of issue 18 section 1 that must be refused, whatever the files. */
function mustRefuse(op: ProfileOperation): boolean {
	switch (op.op) {
		case 'set': return op.profile === 'DEFAULT' || op.key.includes(':') || op.key !== op.key.toLowerCase() || op.value === '';
		case 'rename': return op.to === 'DEFAULT';
		case 'add': {
			const { config, credentials } = newProfileProperties(op.profile);
			return op.profile.name === 'DEFAULT' || [...config, ...credentials].some(([, value]) => value === '');
		}
		default: return false;
	}
}

describe('Attack: edit fidelity, read back by the AWS CLI and the JS SDK', function () {
	let cli: AwsCliInProcess;

	before(function () {
		if (!awsCliAvailable()) {
			if (process.env.CI === 'true') {
				throw new Error('The AWS CLI (/usr/bin/aws) or its Python modules (awscli.botocore) are missing; CI must have them.');
			}
			this.skip();
		}
		cli = new AwsCliInProcess();
	});

	after(() => cli?.close());

	async function readBoth(files: FilePair): Promise<{ cli: CliReading; js: Profiles; jsSessions: Profiles }> {
		const [cliReading, js] = await Promise.all([cli.read(files), readJsSdk(files)]);
		return { cli: cliReading, js: js.reading.profiles as Profiles, jsSessions: js.reading.ssoSessions as Profiles };
	}

	it(`${cases} generated edits keep every other byte and read back as meant (seeds ${firstSeed}..${firstSeed + cases - 1})`, async function () {
		this.timeout(600000);
		let planned = 0;
		const refusedBy = new Map<string, number>();
		for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
			const g = new Gen(random(seed));
			const files = nastyPair(g);
			const before = await readBoth(files);
			const names = [...new Set([...Object.keys(before.js), ...(before.cli.ok ? Object.keys(before.cli.profiles) : [])])]
				.filter((name) => /^[A-Za-z0-9_\-/.%@:+]+$/.test(name));
			const op = operation(g, names);
			const context = `seed ${seed}: ${JSON.stringify(op)} on ${JSON.stringify(files)}`;
			const result = apply(files, op);
			if (typeof result === 'string') {
				const reason = result.slice(0, 60);
				refusedBy.set(reason, (refusedBy.get(reason) ?? 0) + 1);
				continue;
			}
			assert.ok(!mustRefuse(op), `${context}: accepted an input issue 18 refuses`);
			planned++;
			const { after, edits } = result;
			for (const role of ['config', 'credentials'] as const) {
				assertEditsInside(files, role, op, edits[role], `${context} (${role})`);
				assertUnchangedOutside(files[role], after[role], edits[role], `${context} (${role})`);
				assert.equal(after[role].startsWith('\uFEFF'), files[role].startsWith('\uFEFF'), `${context}: BOM`);
			}
			const read = await readBoth(after);
			assert.deepEqual(withoutEmpty(read.js), withoutEmpty(expected(before.js, op, 'js-sdk')), `${context}: the JS SDK reads ${JSON.stringify(after)}`);
			// Renaming or deleting DEFAULT ends the AWS CLI's lending of its keys to every profile: the named test checks that.
			const touchesDefault = (op.op === 'rename' ? op.from : op.op === 'add' ? op.profile.name : op.op === 'import' ? undefined : op.profile) === 'DEFAULT';
			if (before.cli.ok && !touchesDefault) {
				assert.ok(read.cli.ok, `${context}: the AWS CLI refuses ${JSON.stringify(after)}`);
				assert.deepEqual(read.cli.profiles, expected(before.cli.profiles, op, 'aws-cli'), `${context}: the AWS CLI reads ${JSON.stringify(after)}`);
			}
			if (op.op === 'add' && op.profile.kind === 'sso' && 'startUrl' in op.profile.session) {
				const session = { sso_start_url: op.profile.session.startUrl, sso_region: op.profile.session.region };
				assert.deepEqual(read.jsSessions[op.profile.session.name], session, context);
				if (read.cli.ok) {
					assert.deepEqual(read.cli.ssoSessions[op.profile.session.name], session, context);
				}
			}
		}
		// Most operations must go through: a suite of refusals would test nothing.
		assert.ok(planned > cases * 0.5, `only ${planned} of ${cases} operations planned an edit: ${JSON.stringify([...refusedBy])}`);
	});

	describe('the cases of issue 18, section 1', () => {
		const staticProfile = (name: string) => ({ kind: 'static', name, accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'k'.repeat(40) }) as const;
		const ci = { config: '[profile ci]\nregion = us-east-1\n', credentials: '[ci]\naws_access_key_id = AKIACIEXAMPLE0000000\naws_secret_access_key = ' + 'c'.repeat(40) + '\n' };

		function refused(files: FilePair, op: ProfileOperation, reason: RegExp): void {
			const result = apply(files, op);
			assert.equal(typeof result, 'string', `${JSON.stringify(op)} was accepted`);
			assert.match(result as string, reason);
		}

		it('refuses adding a profile named DEFAULT, which would lend its keys to ci for the AWS CLI', () => {
			refused(ci, { op: 'add', profile: staticProfile('DEFAULT') }, /DEFAULT.*every profile/s);
		});

		it('refuses renaming a profile to DEFAULT, and setting a key on DEFAULT, in either file', () => {
			refused(ci, { op: 'rename', from: 'ci', to: 'DEFAULT' }, /DEFAULT/);
			const withDefault = { config: '[profile DEFAULT]\nregion = x\n', credentials: '[DEFAULT]\nregion = y\n' };
			refused(withDefault, { op: 'set', profile: 'DEFAULT', key: 'aws_access_key_id', value: 'AKIAEXAMPLEEXAMPLE00' }, /DEFAULT/);
			refused(withDefault, { op: 'set', profile: 'DEFAULT', key: 'output', value: 'json' }, /DEFAULT/);
		});

		it('lets a DEFAULT section be renamed away or deleted, and the AWS CLI then lends nothing', async () => {
			const files = { config: ci.config, credentials: ci.credentials + '[DEFAULT]\nregion = eu-west-3\n' };
			for (const op of [{ op: 'rename', from: 'DEFAULT', to: 'was-default' }, { op: 'delete', profile: 'DEFAULT' }] as const) {
				const result = apply(files, op);
				assert.notEqual(typeof result, 'string', JSON.stringify(result));
				const read = await cli.read((result as { after: FilePair }).after);
				assert.ok(read.ok);
				assert.deepEqual(read.profiles.ci, { region: 'us-east-1', aws_access_key_id: 'AKIACIEXAMPLE0000000', aws_secret_access_key: 'c'.repeat(40) });
			}
		});

		it('refuses a key with ":" (the AWS CLI would read a:b = v as a = b = v) and keeps ":" in profile names', async () => {
			refused(ci, { op: 'set', profile: 'ci', key: 'a:b', value: 'v' }, /":"/);
			const result = apply(ci, { op: 'add', profile: { kind: 'credential-process', name: 'team:ops', command: '/bin/creds' } });
			assert.notEqual(typeof result, 'string');
			const read = await cli.read((result as { after: FilePair }).after);
			assert.ok(read.ok);
			assert.deepEqual(read.profiles['team:ops'], { credential_process: '/bin/creds' });
		});

		it('refuses an upper-case key, which the JS SDK would read as another key', () => {
			refused(ci, { op: 'set', profile: 'ci', key: 'Region', value: 'eu-west-1' }, /lower case/);
		});

		it('keeps the comment lines inside a continued value it replaces', async () => {
			const files = { config: '[profile ci]\nnote = x\n# keep me\n  more\nregion = us-east-1\n', credentials: '' };
			const result = apply(files, { op: 'set', profile: 'ci', key: 'note', value: 'y' }) as { after: FilePair };
			assert.equal(result.after.config, '[profile ci]\nnote = y\n# keep me\nregion = us-east-1\n');
			const read = await cli.read(result.after);
			assert.ok(read.ok);
			assert.deepEqual(read.profiles.ci, { note: 'y', region: 'us-east-1' });
		});

		it('moves an inline comment above the value it replaces, so that every reader reads the new value', async () => {
			const files = { config: '[profile ci]\nregion = us-east-1 # main\n', credentials: '' };
			const result = apply(files, { op: 'set', profile: 'ci', key: 'region', value: 'eu-west-1' }) as { after: FilePair };
			assert.equal(result.after.config, '[profile ci]\n# main\nregion = eu-west-1\n');
			const [read, js] = await Promise.all([cli.read(result.after), readJsSdk(result.after)]);
			assert.ok(read.ok);
			assert.equal(read.profiles.ci.region, 'eu-west-1');
			assert.equal(js.reading.profiles.ci.region, 'eu-west-1');
		});

		it('refuses an empty value for a key that needs one, on add and on set', () => {
			refused({ config: '', credentials: '' }, { op: 'add', profile: { kind: 'credential-process', name: 'p', command: '' } }, /credential_process needs a value/);
			refused(ci, { op: 'add', profile: { kind: 'assume-role', name: 'r', roleArn: '', source: { sourceProfile: 'ci' } } }, /role_arn needs a value/);
			refused(ci, { op: 'set', profile: 'ci', key: 'source_profile', value: '' }, /source_profile needs a value/);
			refused(ci, { op: 'set', profile: 'ci', key: 'region', value: '' }, /region needs a value/);
		});
	});
});
