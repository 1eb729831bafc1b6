/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';

/** The entries of a zip file, listed by Python's zipfile module (python3 is on every machine here). */
function zipEntries(file: string): string[] {
	const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
	return execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim().split('\n');
}

describe('npm run package', function () {
	this.timeout(180_000);
	let folder: string;
	let entries: string[];

	before(() => {
		folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-vsix-'));
		const vsix = path.join(folder, 'aws-profiles.vsix');
		execFileSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: projectRoot, stdio: 'pipe' });
		entries = zipEntries(vsix);
	});

	after(() => rmSync(folder, { recursive: true, force: true }));

	it('holds only dist/, media/, README, CHANGELOG, LICENSE and package.json', () => {
		// vsce stores the README and CHANGELOG lower-cased and the LICENSE as LICENSE.txt.
		const allowed = /^extension\/(dist\/(extension|cli|aws|jsSdkReader|re2)\.js|media\/.+|readme\.md|changelog\.md|LICENSE(\.txt)?|package\.json)$/i;
		// The rest are the .vsix format's own metadata files.
		const metadata = new Set(['[Content_Types].xml', 'extension.vsixmanifest']);
		const unexpected = entries.filter((entry) => !allowed.test(entry) && !metadata.has(entry));
		assert.deepEqual(unexpected, []);
	});

	it('holds the five bundles and the docs', () => {
		const lowerCased = entries.map((entry) => entry.toLowerCase());
		for (const required of ['dist/extension.js', 'dist/cli.js', 'dist/aws.js', 'dist/jsSdkReader.js', 'dist/re2.js', 'readme.md', 'changelog.md', 'package.json']) {
			assert.ok(lowerCased.includes(`extension/${required}`.toLowerCase()), `${required} is missing from the .vsix`);
		}
		assert.ok(entries.some((entry) => /^extension\/LICENSE/.test(entry)));
	});
});
