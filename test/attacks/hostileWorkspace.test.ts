/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Hostile workspaces (issue 18, section 4): files made to hang or exhaust a parser (alias bombs, a billion laughs,
// merge chains, huge flat and deeply nested YAML, JSON, TOML and HCL, a serverless.yml over 1 MB), links out
// of the folder and link loops, code files with side effects, and a naming pattern that backtracks for
// minutes. Each runs through the built CLI (`dist/cli.js lint`, `node esbuild.mjs`) in a child process with a
// small heap and a generous timeout (the budget catches hangs, not speed), and through the core functions;
// what is over a limit must be SAID ("Not checked: ..."), and nothing outside the folder read, nothing run.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProfileReferences } from '../../src/core/references/findReferences';
import { maxNestingDepth, maxProjectFileChars } from '../../src/core/references/parseLimits';
import { scanProjectFolder } from '../../src/core/io/scanFolder';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
/** Generous: a normal lint of this folder takes well under a second. */
const budgetMs = 60_000;
const heapMb = 256;

interface JsonFinding {
	readonly file: string;
	readonly rule: string;
	readonly severity: string;
	readonly message: string;
}

const deep = 20_000;
const hostileFiles: Readonly<Record<string, string>> = {
	// 1.2 MB of flat keys: quadratic in the yaml library's duplicate-key check, 6 s for 1 MB before.
	'flat/serverless.yml': `provider:\n  profile: flat\n${Array.from({ length: 70_000 }, (_, i) => `key${i}: value${i}`).join('\n')}\n`,
	// Just under the size limit, but nested far past the depth limit: 5 s and 400 MB for 480 KB before.
	'deep-yaml/serverless.yml': `provider: ${'['.repeat(240_000)}${']'.repeat(240_000)}\n`,
	'deep-block/serverless.yml': `${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`,
	'deep-dashes/serverless.yml': `${'- '.repeat(100_000)}x\n`,
	'laughs/serverless.yml': [
		'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
		...Array.from({ length: 30 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`),
		'provider:\n  profile: laughs\n',
	].join('\n'),
	'merges/serverless.yml': [
		'm0: &m0 {k0: 0}',
		...Array.from({ length: 5_000 }, (_, i) => `m${i + 1}: &m${i + 1} {<<: *m${i}, k${i + 1}: 0}`),
		'provider:\n  profile: merges\n',
	].join('\n'),
	'aliases/serverless.yml': [
		'a0: &a0 [x]', ...Array.from({ length: 30_000 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`), 'provider:\n  profile: aliases\n',
	].join('\n'),
	'json/up.json': `{"profile": "json", "x": ${'['.repeat(deep)}${']'.repeat(deep)}}`,
	'json-flat/up.json': `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}": ${i}`).join(', ')}, "profile": "flat-json"}`,
	'toml/samconfig.toml': `version = 0.1\nx = ${'['.repeat(deep)}${']'.repeat(deep)}\n`,
	'toml-dotted/samconfig.toml': `${Array(deep).fill('k').join('.')} = 1\n`,
	'toml-flat/samconfig.toml': `version = 0.1\n${Array.from({ length: 50_000 }, (_, i) => `[t${i}]\nk = "v"`).join('\n')}\n`,
	'hcl/main.tf': `${'a {\n'.repeat(deep)}${'}\n'.repeat(deep)}provider "aws" {\n  profile = "hcl"\n}\n`,
	'hcl-template/main.tf': `x = ${'"${'.repeat(deep)}${'}"'.repeat(deep)}\n`,
	'js/serverless.ts': `export default { service: 'a', x: ${'{ a: '.repeat(deep)}1${' }'.repeat(deep)} };\n`,
	'js-template/serverless.js': `const a = ${'`${'.repeat(deep)}${'}`'.repeat(deep)};\n`,
	'env/.env': `AWS_PROFILE=dotenv\n#${'x'.repeat(maxProjectFileChars)}\n`,
};

/** Code that would leave a marker file if it were ever run. */
function sideEffect(marker: string): string {
	return `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { service: 'a', provider: { profile: 'code' } };\n`;
}

describe('Hostile workspaces', function () {
	this.timeout(5 * budgetMs);
	let sandbox: string;
	let project: string;
	let outside: string;
	let marker: string;

	before(function () {
		if (!fs.existsSync(cli)) {
			throw new Error(`${cli} is missing: run \`node esbuild.mjs\` first (npm run test:attacks does)`);
		}
		sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-hostile-'));
		project = path.join(sandbox, 'project');
		outside = path.join(sandbox, 'outside');
		marker = path.join(sandbox, 'ran.marker');
		for (const [relative, text] of Object.entries(hostileFiles)) {
			fs.mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
			fs.writeFileSync(path.join(project, relative), text);
		}
		fs.mkdirSync(path.join(project, 'code'), { recursive: true });
		fs.writeFileSync(path.join(project, 'code', 'serverless.js'), sideEffect(marker));
		fs.writeFileSync(path.join(project, 'code', 'serverless.ts'), `import 'fs';\n${sideEffect(marker)}`);
		// Outside the project: files the scan must never read.
		fs.mkdirSync(path.join(outside, 'deeper'), { recursive: true });
		fs.writeFileSync(path.join(outside, 'serverless.yml'), 'provider:\n  profile: outside-the-folder\n');
		fs.writeFileSync(path.join(outside, 'deeper', 'up.json'), '{ "profile": "outside-deeper" }');
		try {
			fs.symlinkSync('..', path.join(project, 'up'), 'dir'); // the link of the trial: 3,011 files read out of the folder
			fs.symlinkSync(outside, path.join(project, 'elsewhere'), 'dir');
			fs.symlinkSync(path.join(outside, 'serverless.yml'), path.join(project, 'code', 'serverless.yaml'), 'file');
			fs.symlinkSync(path.join(outside, 'deeper', 'up.json'), path.join(project, 'env', '.env.prod'), 'file');
			fs.mkdirSync(path.join(project, 'loop'));
			fs.symlinkSync('.', path.join(project, 'loop', 'self'), 'dir');
			fs.symlinkSync(path.join(project, 'loop'), path.join(project, 'loop', 'again'), 'dir');
		} catch {
			this.skip(); // no symbolic links for this user
		}
		fs.writeFileSync(path.join(sandbox, 'config'), `[profile ${'team-platform-production-admin-'.repeat(4)}x]\nregion = us-east-1\n[profile flat]\nregion = us-east-1\n`);
		fs.writeFileSync(path.join(sandbox, 'credentials'), '');
	});

	after(() => {
		fs.rmSync(sandbox, { recursive: true, force: true });
	});

	function runCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
		const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, cli, ...args], {
			cwd: sandbox, encoding: 'utf8', timeout: budgetMs, maxBuffer: 64 * 1024 * 1024,
			env: {
				PATH: process.env.PATH ?? '', HOME: sandbox,
				AWS_CONFIG_FILE: path.join(sandbox, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(sandbox, 'credentials'),
			},
		});
		assert.equal(result.error, undefined, `the CLI did not finish within ${budgetMs} ms and ${heapMb} MB: ${String(result.error)}`);
		assert.equal(result.signal, null, `the CLI was killed (${result.signal ?? ''}): ${result.stderr.slice(0, 500)}`);
		return { status: result.status, stdout: result.stdout, stderr: result.stderr };
	}

	describe('through the CLI, in a child process with a small heap and a timeout', () => {
		let findings: JsonFinding[];

		before(() => {
			const result = runCli(['lint', '--format', 'json', '--naming-pattern', '(.*)*x', 'project']);
			assert.equal(result.stderr, '');
			findings = JSON.parse(result.stdout) as JsonFinding[];
		});

		const notChecked = (file: string): JsonFinding | undefined =>
			findings.find((finding) => finding.file === path.join('project', file) && finding.rule === 'profile-reference/file-not-checked');

		for (const [file, reason] of [
			['flat/serverless.yml', /^Not checked: too large/],
			['env/.env', /^Not checked: too large/],
			['deep-yaml/serverless.yml', /^Not checked: too deeply nested/],
			['deep-block/serverless.yml', /^Not checked: too deeply nested/],
			['deep-dashes/serverless.yml', /^Not checked: too deeply nested/],
			['aliases/serverless.yml', /^Not checked: too deeply nested/],
			['merges/serverless.yml', /^Not checked: too many values/],
			['json/up.json', /^Not checked: too deeply nested/],
			['toml/samconfig.toml', /^Not checked: too deeply nested/],
			['toml-dotted/samconfig.toml', /^Not checked: too deeply nested/],
			['hcl/main.tf', /^Not checked: too deeply nested/],
			['hcl-template/main.tf', /^Not checked: too deeply nested/],
			['js/serverless.ts', /^Not checked: too deeply nested/],
			['js-template/serverless.js', /^Not checked: too deeply nested/],
		] as const) {
			it(`says ${file} is not checked, and why`, () => {
				const finding = notChecked(file);
				assert.ok(finding, `no "not checked" finding for ${file}`);
				assert.equal(finding.severity, 'info');
				assert.match(finding.message, reason);
			});
		}

		it('checks what is within the limits, a billion laughs and large flat JSON and TOML included', () => {
			const files = new Set(findings.map((finding) => finding.file));
			for (const file of ['laughs/serverless.yml', 'json-flat/up.json', 'toml-flat/samconfig.toml']) {
				assert.equal(notChecked(file), undefined, file);
			}
			// `laughs` and `flat-json` name no profile of the config file: each is reported as missing, so it was read.
			assert.ok(files.has(path.join('project', 'laughs', 'serverless.yml')));
			assert.ok(files.has(path.join('project', 'json-flat', 'up.json')));
		});

		it('never leaves the folder: no link out of it (`up -> ..`, a folder or a file elsewhere) is followed', () => {
			const text = JSON.stringify(findings);
			assert.doesNotMatch(text, /outside-the-folder|outside-deeper|outside/);
			for (const finding of findings.filter((each) => each.rule.startsWith('profile-reference/'))) {
				assert.ok(finding.file.startsWith(`project${path.sep}`), finding.file);
				assert.doesNotMatch(finding.file, /(^|[\\/])(up|elsewhere)[\\/]/);
			}
		});

		it('reads each file of a link loop once', () => {
			const loopFiles = findings.filter((finding) => finding.file.includes(`${path.sep}loop${path.sep}`));
			assert.deepEqual(loopFiles, []);
		});

		it('never runs serverless.js or serverless.ts', () => {
			assert.equal(fs.existsSync(marker), false);
		});

		it('runs the naming pattern `(.*)*x` in linear time against long names', () => {
			const naming = findings.filter((finding) => finding.rule === 'aws-files/naming-pattern');
			assert.equal(naming.length, 1); // `flat` does not end in x; the long name does
			assert.match(naming[0].message, /does not follow the naming pattern/);
		});
	});

	describe('through the core functions', () => {
		for (const [file, text] of Object.entries(hostileFiles)) {
			it(`${file}: gives references, or one that says why not, and never throws`, () => {
				const references = findProfileReferences(path.basename(file), text);
				const limited = references.filter((reference) => reference.status === 'not-checked' && reference.reason.why === 'file-limit');
				assert.ok(limited.length === 0 || references.length === 1, file);
			});
		}

		it('the folder scan stays in the folder and says what it did not read', async () => {
			const scanned = await scanProjectFolder(project);
			for (const file of scanned) {
				assert.ok(fs.realpathSync(file.file).startsWith(fs.realpathSync(project) + path.sep), file.file);
			}
			assert.equal(scanned.find((file) => file.file.endsWith(path.join('flat', 'serverless.yml')))?.skipped, 'too-large');
			assert.equal(fs.existsSync(marker), false);
		});

		it('a pattern of more depth than the limit is refused even within the size limit', () => {
			const text = `provider: ${'['.repeat(maxNestingDepth + 1)}${']'.repeat(maxNestingDepth + 1)}\n`;
			const [reference] = findProfileReferences('serverless.yml', text);
			assert.ok(reference.status === 'not-checked' && reference.reason.why === 'file-limit');
		});
	});
});
