/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import type { FileRole } from '../../src/core/readings/fileLocations';
import type { Problem, ProfileSet, PropertyDefinition, Section, SectionKind, SourceLocation } from '../../src/core/readings/profileSet';
import type { FileTexts, Reading, ReadingResult } from '../../src/core/readings/reading';
import { describeDifference, ReadingDifference, readingDifferences } from '../../src/core/readings/readingDifferences';
import { displayValue, isAccessKeyIdKey, isSecretKey, maskAccessKeyId, maskSecret } from '../../src/core/display/secretMasking';

// ---- A ProfileSet by hand, located in the texts by searching them ----

/** The location of the `nth` occurrence of `needle` in one of the texts. */
function at(texts: FileTexts, file: FileRole, needle: string, nth = 0): SourceLocation {
	const text = texts[file] ?? '';
	let offset = -1;
	for (let i = 0; i <= nth; i++) {
		offset = text.indexOf(needle, offset + 1);
	}
	assert.ok(offset >= 0, `${needle} not in the ${file} text`);
	const before = text.slice(0, offset);
	const line = before.split('\n').length - 1;
	return { file, range: { offset, length: needle.length, line, column: offset - (before.lastIndexOf('\n') + 1) } };
}

function property(name: string, value: string, key: SourceLocation, subProperties?: Record<string, string>): PropertyDefinition {
	return { name, value, file: key.file, key: key.range, valueRange: key.range, ...(subProperties ? { subProperties: new Map(Object.entries(subProperties)) } : {}) };
}

function section(kind: SectionKind, name: string, headers: SourceLocation[], properties: PropertyDefinition[] = []): Section {
	return { kind, name, headers, properties: new Map(properties.map((p) => [p.name, p])) };
}

function profileSet(sections: Section[], problems: Problem[] = []): ProfileSet {
	const of = (kind: SectionKind) => new Map(sections.filter((s) => s.kind === kind).map((s) => [s.name, s]));
	return { profiles: of('profile'), ssoSessions: of('sso-session'), services: of('services'), problems };
}

function ok(profiles: Reading['profiles'], ssoSessions: Reading['ssoSessions'] = {}): ReadingResult {
	return { ok: true, reading: { profiles, ssoSessions } };
}

const refused = (file?: FileRole): ReadingResult => ({ ok: false, error: 'parse error', ...(file ? { file } : {}) });

function summary(differences: readonly ReadingDifference[]): string[] {
	return differences.map((d) => d.kind === 'refusal' ? `refusal ${d.reader}` : d.kind === 'section'
		? `${d.section.kind} ${d.section.name}` : `${d.section.kind} ${d.section.name} ${d.property}`);
}

describe('Reading differences', () => {
	it('lists nothing when the readers agree', () => {
		const texts = { config: '[profile a]\nregion = us-east-1\n' };
		const standard = profileSet([section('profile', 'a', [at(texts, 'config', '[profile a]')], [property('region', 'us-east-1', at(texts, 'config', 'region'))])]);
		const same = ok({ a: { region: 'us-east-1' } });
		assert.deepEqual(readingDifferences({ texts, standard, others: { 'aws-cli': same, 'js-sdk': same } }), []);
	});

	describe('`[profile foo]# note`, which the JS SDK drops and whose keys it puts in the profile above', () => {
		const texts = { config: '[profile a]\nregion = us-east-1\n[profile foo]# note\nregion = eu-west-1\n' };
		const standard = profileSet([
			section('profile', 'a', [at(texts, 'config', '[profile a]')], [property('region', 'us-east-1', at(texts, 'config', 'region'))]),
			section('profile', 'foo', [at(texts, 'config', '[profile foo]')], [property('region', 'eu-west-1', at(texts, 'config', 'region', 1))]),
		]);
		const differences = readingDifferences({
			texts,
			standard,
			others: {
				'aws-cli': ok({ a: { region: 'us-east-1' }, foo: { region: 'eu-west-1' } }),
				'js-sdk': ok({ a: { region: 'eu-west-1' } }),
			},
		});

		it('lists the key that changed and the profile that is gone', () => {
			assert.deepEqual(differences, [
				{
					kind: 'property',
					section: { kind: 'profile', name: 'a' },
					property: 'region',
					sights: {
						'standard': { kind: 'value', value: 'us-east-1' },
						'aws-cli': { kind: 'value', value: 'us-east-1' },
						'js-sdk': { kind: 'value', value: 'eu-west-1' },
					},
					location: { ...at(texts, 'config', 'region'), target: 'key' },
				},
				{
					kind: 'section',
					section: { kind: 'profile', name: 'foo' },
					sights: { 'standard': { kind: 'present' }, 'aws-cli': { kind: 'present' }, 'js-sdk': { kind: 'absent' } },
					location: { ...at(texts, 'config', '[profile foo]'), target: 'section-header' },
				},
			]);
		});

		it('describes them for a person', () => {
			assert.deepEqual(differences.map(describeDifference), [
				'Profile "a", key region: the SDK standard reads "us-east-1"; the AWS CLI reads "us-east-1"; the JavaScript SDK reads "eu-west-1".',
				'Profile "foo": the SDK standard sees it; the AWS CLI sees it; the JavaScript SDK does not see it.',
			]);
		});
	});

	describe('keys that keep their case in the JS SDK', () => {
		const texts = { credentials: '[dev]\nAWS_ACCESS_KEY_ID = AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' };
		const standard = profileSet([section('profile', 'dev', [at(texts, 'credentials', '[dev]')], [
			property('aws_access_key_id', 'AKIAIOSFODNN7EXAMPLE', at(texts, 'credentials', 'AWS_ACCESS_KEY_ID')),
			property('aws_secret_access_key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', at(texts, 'credentials', 'AWS_SECRET_ACCESS_KEY')),
		])]);
		const lowered = ok({ dev: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
		const kept = ok({ dev: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
		const differences = readingDifferences({ texts, standard, others: { 'aws-cli': lowered, 'js-sdk': kept } });

		it('lists each spelling, located at the key as written, with the other case named', () => {
			assert.deepEqual(summary(differences), [
				'profile dev AWS_ACCESS_KEY_ID', 'profile dev AWS_SECRET_ACCESS_KEY', 'profile dev aws_access_key_id', 'profile dev aws_secret_access_key',
			]);
			const lower = differences[2];
			assert.ok(lower.kind === 'property');
			assert.deepEqual(lower.sights['js-sdk'], { kind: 'absent', otherCase: 'AWS_ACCESS_KEY_ID' });
			assert.deepEqual(lower.location, { ...at(texts, 'credentials', 'AWS_ACCESS_KEY_ID'), target: 'key' });
			assert.deepEqual(differences[0].location, lower.location);
		});

		it('never shows the secret, and shows an access key ID by its ends', () => {
			const text = differences.map(describeDifference).join('\n');
			assert.ok(!text.includes('wJalrXUtnFEMI'), text);
			assert.ok(!text.includes('AKIAIOSFODNN7EXAMPLE'), text);
			assert.match(text, /AKIA\*\*\*\*MPLE/);
			assert.match(describeDifference(differences[3]), /does not set it, only AWS_SECRET_ACCESS_KEY \(the case differs\)/);
		});
	});

	describe('sub-properties', () => {
		const texts = { config: '[profile a]\ns3 =\n  max_concurrent_requests = 10\n' };
		const standard = profileSet([section('profile', 'a', [at(texts, 'config', '[profile a]')], [
			property('s3', '\nmax_concurrent_requests = 10', at(texts, 'config', 's3'), { max_concurrent_requests: '10' }),
		])]);

		it('agree whether nested (standard, AWS CLI) or flat (JS SDK)', () => {
			const differences = readingDifferences({
				texts,
				standard,
				others: { 'aws-cli': ok({ a: { s3: { max_concurrent_requests: '10' } } }), 'js-sdk': ok({ a: { 's3.max_concurrent_requests': '10' } }) },
			});
			assert.deepEqual(differences, []);
		});

		it('differ as `parent.child`, located at the parent key', () => {
			const differences = readingDifferences({
				texts,
				standard,
				others: { 'aws-cli': ok({ a: { s3: { max_concurrent_requests: '10' } } }), 'js-sdk': ok({ a: {} }) },
			});
			assert.equal(differences.length, 1);
			const [difference] = differences;
			assert.ok(difference.kind === 'property');
			assert.equal(difference.property, 's3.max_concurrent_requests');
			assert.deepEqual(difference.sights['js-sdk'], { kind: 'absent' });
			assert.deepEqual(difference.location, { ...at(texts, 'config', 's3'), target: 'key' });
		});

		it('an empty block of sub-properties is the key with an empty value', () => {
			const empty = profileSet([section('profile', 'a', [at(texts, 'config', '[profile a]')], [property('s3', '', at(texts, 'config', 's3'), {})])]);
			const differences = readingDifferences({ texts, standard: empty, others: { 'aws-cli': ok({ a: { s3: {} } }), 'js-sdk': ok({ a: {} }) } });
			assert.deepEqual(summary(differences), ['profile a s3']);
		});
	});

	describe('a key only another reader sees', () => {
		it('is located at the section header', () => {
			const texts = { config: '[default]\nname = value1\n value2 = 12\n' };
			const standard = profileSet([section('profile', 'default', [at(texts, 'config', '[default]')], [
				property('name', 'value1\nvalue2 = 12', at(texts, 'config', 'name')),
			])]);
			const differences = readingDifferences({
				texts,
				standard,
				others: { 'aws-cli': ok({ default: { name: 'value1\nvalue2 = 12' } }), 'js-sdk': ok({ default: { name: 'value1', value2: '12' } }) },
			});
			assert.deepEqual(summary(differences), ['profile default name', 'profile default value2']);
			assert.deepEqual(differences[1].location, { ...at(texts, 'config', '[default]'), target: 'section-header' });
		});

		it('never shows a secret that a mis-indented line put into another value', () => {
			const texts = { credentials: '[a]\nregion = us-east-1\n aws_secret_access_key = TOPSECRETVALUE\n' };
			const standard = profileSet([section('profile', 'a', [at(texts, 'credentials', '[a]')], [
				property('region', 'us-east-1\naws_secret_access_key = TOPSECRETVALUE', at(texts, 'credentials', 'region')),
			])]);
			const differences = readingDifferences({
				texts,
				standard,
				others: {
					'aws-cli': ok({ a: { region: 'us-east-1\naws_secret_access_key = TOPSECRETVALUE' } }),
					'js-sdk': ok({ a: { region: 'us-east-1', aws_secret_access_key: 'TOPSECRETVALUE' } }),
				},
			});
			assert.equal(differences.length, 2);
			for (const difference of differences) {
				assert.ok(!describeDifference(difference).includes('TOPSECRET'), describeDifference(difference));
			}
		});
	});

	describe('a section only other readers see', () => {
		// `[profile foo]` in the credentials file: the standard ignores it, the AWS CLI names it `profile foo`,
		// the JS SDK `profile.foo`. The config file's own `[profile foo]` must not take the location.
		const texts = { config: '[profile foo]\nx = 1\n', credentials: '[default]\ny = 2\n[profile foo]\nz = 3\n' };
		const standard = profileSet([
			section('profile', 'foo', [at(texts, 'config', '[profile foo]')], [property('x', '1', at(texts, 'config', 'x'))]),
			section('profile', 'default', [at(texts, 'credentials', '[default]')], [property('y', '2', at(texts, 'credentials', 'y'))]),
		]);
		const differences = readingDifferences({
			texts,
			standard,
			others: {
				'aws-cli': ok({ 'foo': { x: '1' }, 'default': { y: '2' }, 'profile foo': { z: '3' } }),
				'js-sdk': ok({ 'foo': { x: '1' }, 'default': { y: '2' }, 'profile.foo': { z: '3' } }),
			},
		});

		it('is located at its header in the file it comes from', () => {
			assert.deepEqual(summary(differences), ['profile profile foo', 'profile profile.foo']);
			const header = { ...at(texts, 'credentials', '[profile foo]'), target: 'section-header' };
			assert.deepEqual(differences.map((d) => d.location), [header, header]);
			assert.deepEqual(differences[1].kind === 'section' && differences[1].sights, {
				'standard': { kind: 'absent' }, 'aws-cli': { kind: 'absent' }, 'js-sdk': { kind: 'present' },
			});
		});

		it('finds headers written loosely (quotes, extra spaces, `profile.x`)', () => {
			const loose = { config: '[ profile  "a b" ]\nx = 1\n[profile.c]\ny = 2\n' };
			const found = readingDifferences({
				texts: loose,
				standard: profileSet([]),
				others: { 'aws-cli': ok({ 'a b': { x: '1' } }), 'js-sdk': ok({ c: { y: '2' } }) },
			});
			assert.deepEqual(found.map((d) => d.location?.range.line), [0, 2]);
		});

		it('has no location when no header matches', () => {
			const found = readingDifferences({ texts: {}, standard: profileSet([]), others: { 'aws-cli': ok({ ghost: { a: '1' } }), 'js-sdk': ok({}) } });
			assert.equal(found.length, 1);
			assert.equal(found[0].location, undefined);
		});
	});

	describe('sso-sessions', () => {
		it('are compared like profiles, after them', () => {
			const texts = { config: '[sso-session my]\nsso_region = us-east-1\n[profile z]\na = 1\n' };
			const standard = profileSet([
				section('sso-session', 'my', [at(texts, 'config', '[sso-session my]')], [property('sso_region', 'us-east-1', at(texts, 'config', 'sso_region'))]),
				section('profile', 'z', [at(texts, 'config', '[profile z]')], [property('a', '1', at(texts, 'config', 'a ='))]),
			]);
			const differences = readingDifferences({
				texts,
				standard,
				others: { 'aws-cli': ok({ z: { a: '1' } }, { my: { sso_region: 'us-east-1' } }), 'js-sdk': ok({ z: { a: '2' } }, {}) },
			});
			assert.deepEqual(summary(differences), ['profile z a', 'sso-session my']);
			assert.equal(describeDifference(differences[1]),
				'sso-session "my": the SDK standard sees it; the AWS CLI sees it; the JavaScript SDK does not see it.');
		});
	});

	describe('refusals', () => {
		const texts = { config: '[profile a]\nx = 1\n[profile b]\ny = 2\n', credentials: '[c]\nbroken\n' };
		const standard = profileSet([
			section('profile', 'a', [at(texts, 'config', '[profile a]')], [property('x', '1', at(texts, 'config', 'x'))]),
			section('profile', 'b', [at(texts, 'config', '[profile b]')], [property('y', '2', at(texts, 'config', 'y'))]),
		]);

		it('list the refusing reader once, and no section of its own', () => {
			const differences = readingDifferences({ texts, standard, others: { 'aws-cli': refused('credentials'), 'js-sdk': ok({ a: { x: '1' }, b: { y: '3' } }) } });
			assert.deepEqual(summary(differences), ['refusal aws-cli', 'profile b y']);
			assert.deepEqual(differences[0], { kind: 'refusal', reader: 'aws-cli', file: 'credentials' });
			assert.ok(differences[1].kind === 'property');
			assert.deepEqual(differences[1].sights['aws-cli'], { kind: 'refused', file: 'credentials' });
			assert.equal(describeDifference(differences[0]), 'The AWS CLI refuses the files as a whole (because of the credentials file).');
		});

		it('of the standard (an error problem) are located at the error', () => {
			const error: Problem = {
				code: 'syntax/missing-equals', severity: 'error', message: "Expected an '=' sign defining a property", location: at(texts, 'credentials', 'broken'),
			};
			const warning: Problem = { code: 'section/duplicate', severity: 'warning', message: 'duplicate', location: at(texts, 'config', '[profile b]') };
			const differences = readingDifferences({
				texts,
				standard: profileSet([...standard.profiles.values()], [warning, error]),
				others: { 'aws-cli': refused('credentials'), 'js-sdk': ok({ a: { x: '1' } }) },
			});
			assert.deepEqual(differences, [
				{ kind: 'refusal', reader: 'standard', file: 'credentials', location: { ...at(texts, 'credentials', 'broken'), target: 'problem' } },
				{ kind: 'refusal', reader: 'aws-cli', file: 'credentials' },
			]);
		});

		it('by every reader are no difference', () => {
			const error: Problem = { code: 'syntax/missing-equals', severity: 'error', message: 'x', location: at(texts, 'credentials', 'broken') };
			assert.deepEqual(readingDifferences({ texts, standard: profileSet([], [error]), others: { 'aws-cli': refused(), 'js-sdk': refused() } }), []);
		});
	});

	it('orders the same whatever order the readers list things in', () => {
		const texts = { config: '[profile b]\nk2 = 1\nk1 = 1\n[profile a]\nk = 1\n' };
		const build = (reverse: boolean) => {
			const order = <T>(items: T[]) => reverse ? [...items].reverse() : items;
			const standard = profileSet(order([
				section('profile', 'b', [at(texts, 'config', '[profile b]')], order([property('k2', '1', at(texts, 'config', 'k2')), property('k1', '1', at(texts, 'config', 'k1'))])),
				section('profile', 'a', [at(texts, 'config', '[profile a]')], [property('k', '1', at(texts, 'config', 'k ='))]),
			]));
			const cli = reverse ? ok({ c: {}, a: { k: '1' }, b: { k1: '1', k2: '1' } }) : ok({ b: { k2: '1', k1: '1' }, a: { k: '1' }, c: {} });
			return readingDifferences({ texts, standard, others: { 'aws-cli': cli, 'js-sdk': ok({ b: { k1: '2', k2: '2' } }) } });
		};
		assert.deepEqual(build(false), build(true));
		assert.deepEqual(summary(build(false)), ['profile a', 'profile b k1', 'profile b k2', 'profile c']);
	});
});

describe('Secret masking', () => {
	it('knows the secret keys, whatever their case or parent', () => {
		for (const key of ['aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'aws_session_token', 'aws_security_token', 's3.client_secret', 'token']) {
			assert.equal(isSecretKey(key), true, key);
		}
		for (const key of ['aws_access_key_id', 'region', 'web_identity_token_file', 'role_arn', 'sso_start_url']) {
			assert.equal(isSecretKey(key), false, key);
		}
	});

	it('masks an access key ID by its ends, and a short one whole', () => {
		assert.equal(maskAccessKeyId('AKIAIOSFODNN7EXAMPLE'), 'AKIA****MPLE');
		assert.equal(maskAccessKeyId(' AKIAIOSFODNN7EXAMPLE '), 'AKIA****MPLE', 'blanks around it are not part of it');
		assert.equal(maskAccessKeyId('AKIA1234'), '****');
		assert.equal(maskAccessKeyId('AKIA12345678901'), '****', '15 characters: 8 shown would be more than half');
		assert.equal(maskAccessKeyId('AKIA123456789012'), 'AKIA****9012');
		assert.equal(isAccessKeyIdKey('AWS_ACCESS_KEY_ID'), true);
	});

	it('masks a secret without telling its length', () => {
		assert.equal(maskSecret('a'), maskSecret('a much longer secret value'));
	});

	it('displays values safely', () => {
		assert.equal(displayValue('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG'), '****');
		assert.equal(displayValue('aws_access_key_id', 'AKIAIOSFODNN7EXAMPLE'), 'AKIA****MPLE');
		assert.equal(displayValue('region', 'us-east-1'), 'us-east-1');
		assert.equal(displayValue('note', 'key ASIAIOSFODNN7EXAMPLE here'), 'key ASIA****MPLE here');
		assert.equal(displayValue('region', 'x\naws_session_token = abc'), '****');
	});
});
