/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Every case of the SDKs' three profile-parser suites, each compared in its own suite's output shape. Where the
// suites disagree, the standard reader follows smithy-rs, and the case below asserts smithy-rs's behaviour
// explicitly (see `disagreements` and `smithyRawValues`, keyed by the test's title: the case's index in its
// suite and its name, since Ruby v4 repeats names for profiles and sso-sessions).

import * as assert from 'node:assert/strict';
import type { ProfileSet, Section } from '../../src/core/readings/profileSet';
import { parseRawProfileFile } from '../../src/core/ini/rawProfileFile';
import { readStandard, toReading } from '../../src/core/readings/standardReader';
import { loadSuite } from './suites';

interface ParserInput {
	readonly configFile?: string;
	readonly credentialsFile?: string;
}

type Flat = Record<string, Record<string, string>>;
type Nested = Record<string, Record<string, string | Record<string, string>>>;

interface ParserCase<Output> {
	readonly name: string;
	readonly input: ParserInput;
	readonly output: Output | { readonly errorContaining: string };
}

type SmithyOutput = { readonly config: { readonly profiles: Flat; readonly sso_sessions?: Flat } };
type KotlinOutput = {
	readonly profiles?: Nested;
	readonly 'sso-sessions'?: Nested;
	readonly services?: Nested;
	readonly unknown?: Nested;
};
type RubyOutput = { readonly profiles?: Nested; readonly ssoSessions?: Nested };

const smithySuite = 'smithy-rs_profile-parser-tests.json';
const kotlinSuite = 'aws-sdk-kotlin_profile-parser-tests.json';
const rubySuite = 'aws-sdk-ruby-v4_config-file-parser-tests.json';

function read(input: ParserInput): ProfileSet {
	return readStandard({ config: input.configFile, credentials: input.credentialsFile });
}

function isError<Output>(output: ParserCase<Output>['output']): output is { readonly errorContaining: string } {
	return (output as { errorContaining?: string }).errorContaining !== undefined;
}

/** An expected error is a refusal of the input; the suites' wordings differ, so only the outcome is compared. */
function assertRefused(set: ProfileSet): void {
	const result = toReading(set);
	assert.equal(result.ok, false, 'the standard must refuse this input');
	assert.ok(set.problems.some(problem => problem.severity === 'error' && problem.code.startsWith('syntax/')));
}

/** smithy-rs's shape: every value is a string, sub-properties included (in their raw form). */
function flat(sections: ReadonlyMap<string, Section>): Flat {
	const result: Flat = {};
	for (const [name, section] of sections) {
		result[name] = Object.fromEntries([...section.properties].map(([key, property]) => [key, property.value]));
	}
	return result;
}

/** Kotlin's shape: a value with sub-properties is their map. */
function nested(sections: ReadonlyMap<string, Section>): Nested {
	const result: Nested = {};
	for (const [name, section] of sections) {
		result[name] = Object.fromEntries([...section.properties].map(([key, property]) =>
			[key, property.subProperties ? Object.fromEntries(property.subProperties) : property.value]));
	}
	return result;
}

/**
 * The cases where a suite disagrees with smithy-rs. Each replaces the suite's expectation with smithy-rs's
 * behaviour, asserted explicitly.
 */
const disagreements: Record<string, Record<string, (set: ProfileSet, input: ParserInput) => void>> = {
	[kotlinSuite]: {
		// Key case: Kotlin (like Java) keeps a property key's case; smithy-rs and Ruby v4 lower-case keys.
		'40: All valid property name characters are supported.': set => {
			const foo = set.profiles.get('foo');
			assert.deepEqual([...foo?.properties.keys() ?? []],
				['abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789-_']);
			assert.equal(toReading(set).ok, true);
		},
		// A config-only section in the credentials file: Kotlin refuses the file; smithy-rs ignores the section
		// with a warning (and Ruby v4 agrees: "sso-sessions in the credentials file are ignored").
		'59: SSO Session in credentials file is invalid': set => {
			assert.equal(toReading(set).ok, true);
			assert.equal(set.ssoSessions.size, 0);
			assert.equal(set.profiles.size, 0);
			assert.deepEqual(set.problems.map(problem => [problem.code, problem.severity, problem.location.file]),
				[['section/config-only-in-credentials', 'warning', 'credentials']]);
		},
		// A section of another kind: Kotlin reports it under `unknown`, smithy-rs keeps it among its "other
		// sections". The ProfileSet holds only profiles, sso-sessions and services: the section stays in the
		// literal layer and the reader notes it (info); everything else matches.
		'65: Unknown section is successfully parsed': (set, input) => {
			assert.deepEqual(nested(set.profiles), { default: { region: 'us-weast-4' } });
			assert.deepEqual(set.problems.map(problem => [problem.code, problem.severity]), [['section/unknown-kind', 'info']]);
			const raw = parseRawProfileFile(input.configFile ?? '');
			const unknown = raw.sections.find(section => section.prefix === 'foobar');
			assert.equal(unknown?.name, 'my-custom-section');
			assert.equal(unknown?.properties[0].key, 'apple');
			assert.equal(unknown?.properties[0].value, '\nbanana = cherry');
		},
	},
};

/**
 * Sub-properties: smithy-rs keeps the raw text (`"\nname = value"`) where Kotlin and Ruby v4 give a map. The
 * reader gives both: `value` is smithy-rs's raw text, `subProperties` the map (invalid keys dropped, as Kotlin
 * and Ruby drop them). For every Kotlin and Ruby case with sub-properties, this is the raw value smithy-rs
 * gives, asserted on top of the suite's map. Entries: [section kind, section name, key, smithy-rs value].
 */
type RawValueExpectation = readonly ['profile' | 'sso-session' | 'services', string, string, string];
const smithyRawValues: Record<string, Record<string, readonly RawValueExpectation[]>> = {
	[kotlinSuite]: {
		'41: Properties can have sub-properties.': [['profile', 'foo', 's3', '\nname = value']],
		'43: Sub-property definitions can have an empty value.': [['profile', 'foo', 's3', '\nname =']],
		'45: Sub-property definitions ignore invalid name.': [['profile', 'foo', 's3', '\nin valid = value\nvalid = value']],
		'46: Sub-properties can have blank lines that are ignored': [['profile', 'foo', 's3', '\nname = value\nname2 = value2']],
		'58: handles different sequences of continuations and sub-properties': [['profile', 'default', 'name3', '\nname3_0 = 1']],
		'64: Services section is successfully parsed':
			[['services', 'my-services', 's3', '\nendpoint_url = https://s3-endpoint-override.aws']],
	},
	[rubySuite]: {
		'41: Properties can have sub-properties.': [['profile', 'foo', 's3', '\nname = value']],
		'43: Sub-property definitions can have an empty value.': [['profile', 'foo', 's3', '\nname =']],
		'44: Sub property definitions have pound comments applied to the value.': [['profile', 'foo', 's3', '\nname = value # Comment']],
		'45: Sub property definitions have semicolon comments applied to the value.': [['profile', 'foo', 's3', '\nname = value ; Comment']],
		'47: Sub-property definitions cannot have an invalid name.': [['profile', 'foo', 's3', '\nin valid = value']],
		'48: Sub-properties can have blank lines that are ignored': [['profile', 'foo', 's3', '\nname = value\nname2 = value2']],
		'101: Properties can have sub-properties.': [['sso-session', 'foo', 's3', '\nname = value']],
		'103: Sub-property definitions can have an empty value.': [['sso-session', 'foo', 's3', '\nname =']],
		'104: Sub property definitions have pound comments applied to the value.': [['sso-session', 'foo', 's3', '\nname = value # Comment']],
		'105: Sub property definitions have semicolon comments applied to the value.': [['sso-session', 'foo', 's3', '\nname = value ; Comment']],
		'107: Sub-property definitions cannot have an invalid name.': [['sso-session', 'foo', 's3', '\nin valid = value']],
		'108: Sub-properties can have blank lines that are ignored': [['sso-session', 'foo', 's3', '\nname = value\nname2 = value2']],
	},
};

function assertSmithyRawValues(suite: string, title: string, set: ProfileSet): void {
	const table = smithyRawValues[suite];
	if (!table) {
		return; // smithy-rs's own suite compares the raw values already
	}
	const expectations = table[title] ?? [];
	for (const [kind, sectionName, key, raw] of expectations) {
		const sections = kind === 'profile' ? set.profiles : kind === 'sso-session' ? set.ssoSessions : set.services;
		const property = sections.get(sectionName)?.properties.get(key);
		assert.equal(property?.value, raw, `smithy-rs's raw value of ${kind} ${sectionName} ${key}`);
		assert.ok(property?.subProperties, 'the parsed map is given beside the raw value');
	}
	// Every case of the map-shaped suites that has sub-properties is in the table, so none goes unchecked.
	const withSubProperties = [...set.profiles.values(), ...set.ssoSessions.values(), ...set.services.values()]
		.flatMap(section => [...section.properties.values()].filter(property => property.subProperties));
	assert.equal(withSubProperties.length, expectations.length, 'smithyRawValues lists every sub-property of this case');
}

/**
 * "Unicode characters are supported in property values": the smithy-rs and Kotlin copies of the case carry a
 * mis-decoded value (`ðŸ˜‚`, the UTF-8 bytes of 😂 read as Windows-1252), Ruby v4's the real emoji. The reader
 * takes the text it is given verbatim, so it passes all three; this asserts that nothing is re-decoded.
 */
function assertUnicodeVerbatim(test: ParserCase<unknown>, set: ProfileSet): void {
	if (!test.name.startsWith('Unicode characters')) {
		return;
	}
	const input = test.input.configFile ?? '';
	const written = input.slice(input.indexOf('= ') + 2);
	const section = set.profiles.get('foo') ?? set.ssoSessions.get('foo');
	assert.equal(section?.properties.get('name')?.value, written);
	assert.ok(written === '\u00f0\u0178\u02dc\u201a' || written === '\u{1f602}', 'one of the two known forms');
}

function runSuite<Output>(suite: string, expectedCount: number, compare: (set: ProfileSet, output: Output) => void): void {
	describe(suite, () => {
		const { tests } = loadSuite<{ tests: ParserCase<Output>[] }>(suite);
		it(`has all ${expectedCount} cases`, () => assert.equal(tests.length, expectedCount));
		it('names only its own cases in the exceptions tables', () => {
			const titles = new Set(tests.map((test, i) => `${i}: ${test.name}`));
			for (const title of [...Object.keys(disagreements[suite] ?? {}), ...Object.keys(smithyRawValues[suite] ?? {})]) {
				assert.ok(titles.has(title), title);
			}
		});
		for (const [i, test] of tests.entries()) {
			const title = `${i}: ${test.name}`;
			it(title, () => {
				const set = read(test.input);
				const override = disagreements[suite]?.[title];
				if (override) {
					override(set, test.input);
				} else if (isError(test.output)) {
					assertRefused(set);
				} else {
					assert.equal(toReading(set).ok, true, 'the standard accepts this input');
					compare(set, test.output);
				}
				if (!isError(test.output)) {
					assertSmithyRawValues(suite, title, set);
					assertUnicodeVerbatim(test, set);
				}
			});
		}
	});
}

describe('Standard reader: the SDKs\' parser suites', () => {
	runSuite<SmithyOutput>(smithySuite, 65, (set, output) => {
		assert.deepEqual(flat(set.profiles), output.config.profiles);
		assert.deepEqual(flat(set.ssoSessions), output.config.sso_sessions ?? {});
	});

	runSuite<KotlinOutput>(kotlinSuite, 67, (set, output) => {
		assert.deepEqual(nested(set.profiles), output.profiles ?? {});
		assert.deepEqual(nested(set.ssoSessions), output['sso-sessions'] ?? {});
		assert.deepEqual(nested(set.services), output.services ?? {});
		assert.equal(output.unknown, undefined, 'unknown sections are handled in `disagreements`');
	});

	runSuite<RubyOutput>(rubySuite, 118, (set, output) => {
		const result = toReading(set);
		assert.ok(result.ok);
		if (output.profiles) {
			assert.deepEqual(result.reading.profiles, output.profiles);
		}
		if (output.ssoSessions) {
			assert.deepEqual(result.reading.ssoSessions, output.ssoSessions);
		}
	});
});
