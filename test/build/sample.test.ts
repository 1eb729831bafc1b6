/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The sample that `npm start` opens (test/sample) shows what the README's first picture shows: one missing
// profile in serverless.yml, underlined for its prod stage, and nothing else to distract from it (its fake
// keys are shaped like real ones, so no rule about example or malformed keys fires).

import * as assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';
import { runCli } from './runCli';

describe('The npm start sample', () => {
	let home: string;

	before(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-sample-'));
		cpSync(path.join(projectRoot, 'test', 'sample', 'home'), home, { recursive: true });
		// As the start sandbox does (test/harness/sandbox.ts): the files are private, as the SDKs' own are.
		for (const file of readdirSync(path.join(home, '.aws'))) {
			chmodSync(path.join(home, '.aws', file), 0o600);
		}
	});
	after(() => rmSync(home, { recursive: true, force: true }));

	it('lints to exactly one finding: the prod stage\'s missing profile in serverless.yml', () => {
		const workspace = path.join(projectRoot, 'test', 'sample', 'workspace');
		const result = runCli(['lint', '--format', 'json', workspace], { HOME: home });
		assert.equal(result.status, 0, result.stderr);
		const findings = JSON.parse(result.stdout) as { file: string; rule: string; message: string }[];
		assert.deepEqual(findings.map(({ file, rule }) => [path.basename(file), rule]),
			[['serverless.yml', 'profile-reference/missing-profile']]);
		assert.match(findings[0].message, /'client-1-prd' \(stage prod\)/);
	});
});
