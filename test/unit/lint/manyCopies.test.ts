/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A section written hundreds of times (found by test/attacks/fuzz.test.ts): what the lint reports must grow
// with the number of copies, not with its square. Each finding once listed every later copy and carried the
// merge fix, whose edits touch every copy: a 36 KB file gave 175 MB of findings.

import * as assert from 'node:assert/strict';
import { lintProfileFiles } from '../../../src/core/lint/lintFiles';
import { manyCopies } from '../../../src/core/lint/rules/duplicates';

const copies = 200;
const config = Array.from({ length: copies }, () => '[profile bar]\nregion = us-east-1\n').join('');

function reported(ruleId: string) {
	const findings = lintProfileFiles({ texts: { config } }).filter((finding) => finding.ruleId === ruleId);
	const related = findings.reduce((sum, finding) => sum + (finding.related?.length ?? 0), 0);
	const fixEdits = findings.reduce((sum, finding) => sum + (finding.fixes ?? [])
		.reduce((edits, fix) => edits + (fix.kind === 'edits' ? fix.edits.reduce((n, file) => n + file.edits.length, 0) : 0), 0), 0);
	return { findings: findings.length, related, fixEdits };
}

describe('lint: a section written many times', () => {
	for (const ruleId of ['aws-files/duplicate-section', 'aws-files/aws-cli-refuses-file']) {
		it(`${ruleId}: related locations and fix edits grow linearly with the copies`, () => {
			const { findings, related, fixEdits } = reported(ruleId);
			assert.equal(findings, copies - 1);
			assert.ok(related <= findings * manyCopies, `${related} related locations`);
			// One merge fix (about one edit per copy), plus one small fix per finding at most.
			assert.ok(fixEdits <= copies * 4, `${fixEdits} fix edits`);
		});
	}

	it('still offers the merge on every finding when there are few copies', () => {
		const few = '[profile bar]\nregion = us-east-1\n'.repeat(3);
		const findings = lintProfileFiles({ texts: { config: few } }).filter((finding) => finding.ruleId === 'aws-files/duplicate-section');
		assert.equal(findings.length, 2);
		assert.ok(findings.every((finding) => finding.fixes?.some((fix) => fix.title === 'Merge the sections into the first one')));
		assert.deepEqual(findings[0].related?.map((related) => related.range.line), [2, 4]);
	});
});
