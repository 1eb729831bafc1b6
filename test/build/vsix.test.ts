/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';

/** The entries of a zip file and their sizes, listed by Python's zipfile module (python3 is on every machine here). */
function zipEntries(file: string): Map<string, number> {
	const script = 'import sys, zipfile; print("\\n".join(f"{i.filename}\\t{i.file_size}" for i in zipfile.ZipFile(sys.argv[1]).infolist()))';
	const lines = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim().split('\n');
	return new Map(lines.map((line) => line.split('\t')).map(([name, size]) => [name, Number(size)]));
}

/** What the production dist/extension.js may weigh (issue 20): activation loads nothing it does not run. */
const maxExtensionBytes = 150_000;

/** The bundles the extension requires on first use (src/ui/lazyBundles.ts, src/aws/lazy.ts), never at activation. */
const lazyBundles = ['checks', 'edits', 'signIn', 'aws', 'jsSdkReader', 're2'];

/** Modules that activation does not run, each in one of the lazy bundles and never in dist/extension.js. */
const loadedLater = [
	/node_modules[\\/](yaml|jsonc-parser|toml-eslint-parser|re2js|@aws-sdk|@smithy)[\\/]/,
	/src[\\/]core[\\/](checks|edits)\.ts$/,
	/src[\\/]core[\\/]lint[\\/]rules[\\/]/,
	/src[\\/]core[\\/]editing[\\/]profileEdits\.ts$/,
	/src[\\/]core[\\/]references[\\/](findReferences|checkReferences|serverless|configTree)\.ts$/,
	/src[\\/]aws[\\/]index\.ts$/,
	/src[\\/]ui[\\/]signInCommand\.ts$/,
];

/** The source files esbuild put into a bundle of the last build (its metafile, written by esbuild.mjs). */
function bundleInputs(bundle: string): string[] {
	const meta = JSON.parse(readFileSync(path.join(projectRoot, 'out', `esbuild-${bundle}.json`), 'utf8')) as { inputs: Record<string, unknown> };
	return Object.keys(meta.inputs);
}

describe('npm run package', function () {
	this.timeout(180_000);
	let folder: string;
	let entries: string[];
	let sizes: Map<string, number>;

	before(() => {
		folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-vsix-'));
		const vsix = path.join(folder, 'aws-profiles.vsix');
		execFileSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: projectRoot, stdio: 'pipe' });
		sizes = zipEntries(vsix);
		entries = [...sizes.keys()];
	});

	after(() => rmSync(folder, { recursive: true, force: true }));

	it('holds only dist/, media/, README, CHANGELOG, LICENSE and package.json', () => {
		// vsce stores the README and CHANGELOG lower-cased and the LICENSE as LICENSE.txt.
		const allowed = /^extension\/(dist\/(extension|cli|aws|jsSdkReader|checks|edits|signIn|re2)\.js|media\/.+|readme\.md|changelog\.md|LICENSE(\.txt)?|package\.json)$/i;
		// The rest are the .vsix format's own metadata files.
		const metadata = new Set(['[Content_Types].xml', 'extension.vsixmanifest']);
		const unexpected = entries.filter((entry) => !allowed.test(entry) && !metadata.has(entry));
		assert.deepEqual(unexpected, []);
	});

	it('holds the eight bundles and the docs', () => {
		const lowerCased = entries.map((entry) => entry.toLowerCase());
		for (const required of ['dist/extension.js', 'dist/cli.js', 'dist/aws.js', 'dist/jsSdkReader.js', 'dist/checks.js', 'dist/edits.js', 'dist/signIn.js', 'dist/re2.js', 'readme.md', 'changelog.md', 'package.json']) {
			assert.ok(lowerCased.includes(`extension/${required}`.toLowerCase()), `${required} is missing from the .vsix`);
		}
		assert.ok(entries.some((entry) => /^extension\/LICENSE/.test(entry)));
	});

	it(`keeps dist/extension.js at most ${maxExtensionBytes / 1000} KB: the lint, the references, their parsers and the edits load on first use`, () => {
		const size = sizes.get('extension/dist/extension.js') ?? Infinity;
		assert.ok(size <= maxExtensionBytes, `dist/extension.js is ${size} bytes`);
		// Each pattern must name a module of a lazily loaded bundle, so that a moved file cannot blind the check.
		const lazyInputs = lazyBundles.flatMap((bundle) => bundleInputs(bundle));
		for (const pattern of loadedLater) {
			assert.ok(lazyInputs.some((input) => pattern.test(input)), `${pattern} names no module of ${lazyBundles.join(', ')}`);
		}
		assert.deepEqual(bundleInputs('extension').filter((input) => loadedLater.some((pattern) => pattern.test(input))), []);
	});

	it('gives the modules of dist/extension.js one shared vscode namespace, made once at activation', () => {
		// Each require of 'vscode' in the bundle copies the API's several hundred properties into a namespace object.
		const bundle = readFileSync(path.join(projectRoot, 'dist', 'extension.js'), 'utf8');
		assert.equal(bundle.match(/require\(["']vscode["']\)/g)?.length, 1);
	});
});
