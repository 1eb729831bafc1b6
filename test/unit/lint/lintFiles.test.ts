/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The engine: settings per rule, the order of findings, the catalog, that no message holds a secret, that
// every quick fix edits only inside the text (the re-lint time is measured by test/bench/lint.bench.ts).

import * as assert from 'node:assert/strict';
import { parseProfileFiles } from '../../../src/core/lint/lintContext';
import { lintParsedFiles, lintProfileFiles } from '../../../src/core/lint/lintFiles';
import { lintRules, ruleCatalog } from '../../../src/core/lint/ruleCatalog';
import { keyId, lint, now, secret, summary } from './lintKit';

/** A pair of files with something for most rules, secrets included. */
const messy = {
	config: '[default]\nregion = us-east-1 # main\naws_secret_access_key = ' + secret + '\n\n'
		+ '[profile dev]# team\nRegion = eu-west-1\nregoin = eu-west-1\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = defualt\n'
		+ '[profile  prod]\nregion = us-east1\nsso_session = corp\nsso_account_id = 123456789012\n'
		+ '[profile dup]\nregion = us-east-1\n[profile dup]\nregion = us-west-2\n[profiel typo]\n[orphan]\nx = 1\n[profile broken\n',
	credentials: `[default]\naws_access_key_id = ${keyId}\n[profile x]\naws_secret_access_key = ${secret}\n`
		+ `[tmp]\naws_access_key_id = ASIA2Z3Y4X5W6V7U8T9S\naws_secret_access_key = ${secret}\naws_session_token = FwoGZXIvYXdzEJrTOKEN\n`
		+ 'aws_expiration = 2020-01-01T00:00:00Z\n[swapped]\naws_access_key_id = ' + secret + '\naws_secret_access_key = ' + keyId + '\n',
};

describe('lint: the engine', () => {
	it('lists every rule once, with a one-line doc, in the catalog', () => {
		const ids = ruleCatalog.map((rule) => rule.id);
		assert.equal(new Set(ids).size, ids.length);
		assert.equal(ruleCatalog.length, lintRules.length);
		for (const rule of ruleCatalog) {
			assert.match(rule.id, /^aws-files\/[a-z-]+$/);
			assert.ok(rule.doc.length > 20 && !rule.doc.includes('\n'), rule.id);
			assert.ok(rule.files.length > 0, rule.id);
		}
		assert.deepEqual(ruleCatalog.filter((rule) => !rule.enabledByDefault).map((rule) => rule.id), [], 'no rule is opt-in today');
	});

	it('orders findings by file, position, rule and message, the same every time', () => {
		const findings = lint(messy);
		assert.ok(findings.length > 20);
		const keysOf = findings.map((finding) => [finding.file === 'config' ? 0 : 1, finding.range.offset] as const);
		for (let i = 1; i < keysOf.length; i++) {
			assert.ok(keysOf[i - 1][0] < keysOf[i][0] || (keysOf[i - 1][0] === keysOf[i][0] && keysOf[i - 1][1] <= keysOf[i][1]), `finding ${i}`);
		}
		assert.deepEqual(summary(lint(messy)), summary(findings));
	});

	it('applies a severity setting, and turns a rule off', () => {
		const severities = (rules: Record<string, 'off' | 'error' | 'hint'>) =>
			lintProfileFiles({ texts: messy, now: () => now, options: { rules } }).filter((finding) => finding.ruleId === 'aws-files/unknown-key').map((finding) => finding.severity);
		assert.deepEqual(severities({}), ['warning']);
		assert.deepEqual(severities({ 'aws-files/unknown-key': 'error' }), ['error']);
		assert.deepEqual(severities({ 'aws-files/unknown-key': 'off' }), []);
	});

	it('re-lints parsed files with other settings without parsing again', () => {
		const parsed = parseProfileFiles({ texts: messy, now: () => now });
		assert.deepEqual(summary(lintParsedFiles(parsed)), summary(lint(messy)));
		assert.equal(lintParsedFiles(parsed, { rules: Object.fromEntries(lintRules.map((rule) => [rule.id, 'off'])) }).length, 0);
	});

	it('never puts a secret in a message, a related message or a fix title', () => {
		for (const finding of lint(messy, { verification: new Map([['default', { rootUser: true }]]), fileModes: { credentials: 0o644 }, platform: 'linux' })) {
			const texts = [finding.message, ...(finding.related ?? []).map((related) => related.message), ...(finding.fixes ?? []).map((fix) => fix.title)];
			for (const text of texts) {
				assert.ok(!text.includes(secret), `${finding.ruleId}: ${text}`);
				assert.ok(!text.includes(keyId), `${finding.ruleId}: ${text}`);
				assert.ok(!text.includes('FwoGZXIvYXdzEJrTOKEN'), `${finding.ruleId}: ${text}`);
			}
		}
	});

	it('gives ranges and edits inside the texts', () => {
		for (const finding of lint(messy)) {
			const text = messy[finding.file];
			assert.ok(finding.range.offset >= 0 && finding.range.offset + finding.range.length <= text.length, finding.ruleId);
			for (const fix of finding.fixes ?? []) {
				for (const { file, edits } of fix.kind === 'edits' ? fix.edits : []) {
					for (const edit of edits) {
						assert.ok(edit.offset >= 0 && edit.offset + edit.length <= (messy[file] ?? '').length, `${finding.ruleId}: ${fix.title}`);
					}
				}
			}
		}
	});

	it('never throws, whatever the texts', () => {
		const inputs = ['', '\ufeff', '[', ']', '=', '[profile]\n', '[ ]\n=\n', '\r\n\r\n', 'a\n  b\n[x\n  c = d\n', '[profile a]\ns3 =\n  = x\n  y\n'];
		for (const config of inputs) {
			for (const credentials of [undefined, ...inputs]) {
				lintProfileFiles({ texts: { config, credentials }, now: () => now, options: { namingPattern: '[' } });
			}
		}
	});
});
