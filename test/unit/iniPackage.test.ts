/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Why the `ini` package (on the design card) is not our parser or writer: the evidence, kept as tests so
// the README's design note stays true for the version we have. It remains the benchmark's baseline.

import * as assert from 'node:assert/strict';
import * as ini from 'ini';

/** ini builds null-prototype objects; compare them as plain data. */
function parse(text: string): unknown {
	return JSON.parse(JSON.stringify(ini.parse(text)));
}

describe('The ini package, as evidence for the design notes', () => {
	it('turns a dotted section name into nested objects', () => {
		assert.deepEqual(parse('[profile a.b]\nregion = us-east-1\n'), { 'profile a': { b: { region: 'us-east-1' } } });
	});

	it('drops comments, the spacing around = and blank-line layout when it writes', () => {
		const text = '# my keys\n[default]\n; old\nregion = eu-west-1\n\n[profile dev]\nregion=x\n';
		const written = ini.stringify(ini.parse(text));
		assert.ok(!written.includes('# my keys'));
		assert.ok(!written.includes('; old'));
		assert.ok(written.includes('region=eu-west-1'));
	});

	it('flattens sub-properties into the section', () => {
		assert.deepEqual(parse('[default]\ns3 =\n  max_concurrent_requests = 10\n'), {
			default: { s3: '', max_concurrent_requests: '10' },
		});
	});

	it('keeps key case apart (the SDKs and the AWS CLI do not)', () => {
		assert.deepEqual(parse('[default]\nRegion = a\nregion = b\n'), { default: { Region: 'a', region: 'b' } });
	});

	it('reads `key[]` as an array', () => {
		assert.deepEqual(parse('[default]\nkey[] = a\n'), { default: { key: ['a'] } });
	});

	it('returns plain objects with no position of anything', () => {
		const parsed = ini.parse('[default]\nregion = x\n') as Record<string, Record<string, unknown>>;
		assert.deepEqual(Object.keys(parsed.default), ['region']);
		assert.equal(typeof parsed.default.region, 'string');
	});
});
