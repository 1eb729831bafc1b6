/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listProjectFiles } from '../../../src/core/io/projectFolderWalk';
import { scanProjectFolder } from '../../../src/core/io/scanFolder';

describe('Scanning a project folder', () => {
	let folder: string;

	const write = (relative: string, text: string): void => {
		const file = path.join(folder, relative);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, text);
	};
	const relative = (file: string): string => path.relative(folder, file).split(path.sep).join('/');

	beforeEach(() => {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-scan-'));
	});

	afterEach(() => {
		fs.rmSync(folder, { recursive: true, force: true });
	});

	it('finds every reference file, in path order, with their references', async () => {
		write('serverless.yml', 'provider:\n  profile: root\n');
		write('api/up.json', '{ "profile": "up" }');
		write('infra/main.tf', 'provider "aws" {\n  profile = "tf"\n}\n');
		write('README.md', 'profile: not-a-reference\n');
		const scanned = await scanProjectFolder(folder);
		assert.deepEqual(scanned.map((file) => [relative(file.file), file.kind, file.references.map((reference) => reference.status === 'resolved' && reference.name)]), [
			['api/up.json', 'up', ['up']],
			['infra/main.tf', 'terraform', ['tf']],
			['serverless.yml', 'serverless', ['root']],
		]);
	});

	it('skips node_modules, .git and .serverless (and what it is told to skip)', async () => {
		write('node_modules/pkg/serverless.yml', 'provider:\n  profile: dependency\n');
		write('.git/up.json', '{ "profile": "git" }');
		write('.serverless/serverless.yml', 'provider:\n  profile: build\n');
		write('vendor/cdk.json', '{ "profile": "vendored" }');
		assert.deepEqual((await scanProjectFolder(folder)).map((file) => relative(file.file)), ['vendor/cdk.json']);
		assert.deepEqual(await scanProjectFolder(folder, { skip: ['node_modules', '.git', '.serverless', 'vendor'] }), []);
	});

	it('lists a file over the size limit as skipped, unread, with a reference that says so', async () => {
		write('serverless.yml', `provider:\n  profile: big\n#${'x'.repeat(2000)}\n`);
		const [file] = await scanProjectFolder(folder, { maxFileBytes: 1000 });
		assert.deepEqual([file.skipped, file.text], ['too-large', '']);
		assert.deepEqual(file.references.map((reference) => reference.status === 'not-checked' && reference.reason),
			[{ why: 'file-limit', exceeded: { limit: 'size', size: 2027, max: 1000 } }]);
	});

	it('does not loop on a symbolic link to a parent folder', async function () {
		write('app/serverless.yml', 'provider:\n  profile: linked\n');
		try {
			fs.symlinkSync(folder, path.join(folder, 'app', 'loop'), 'dir');
		} catch {
			this.skip(); // no symbolic links for this user (Windows without the privilege)
		}
		const scanned = await scanProjectFolder(folder);
		assert.deepEqual(scanned.map((file) => relative(file.file)), ['app/serverless.yml']);
	});

	it('gives Serverless the .env files beside it, and reads them as references too', async () => {
		write('serverless.yml', 'frameworkVersion: \'4\'\nprovider:\n  profile: ${env:DEPLOY_PROFILE}\n');
		write('.env', 'DEPLOY_PROFILE=from-dotenv\nAWS_PROFILE=shell-default\n');
		const scanned = await scanProjectFolder(folder);
		assert.deepEqual(scanned.map((file) => [relative(file.file), file.references.map((reference) => reference.status === 'resolved' && reference.name)]), [
			['.env', ['shell-default']],
			['serverless.yml', ['from-dotenv']],
		]);
	});

	it('passes the environment and the stage', async () => {
		write('serverless.yml', 'custom:\n  p:\n    dev: d\n    prod: p\nprovider:\n  profile: ${env:OVERRIDE, self:custom.p.${sls:stage}}\n');
		const names = async (options: Parameters<typeof scanProjectFolder>[1]): Promise<unknown[]> =>
			(await scanProjectFolder(folder, options))[0].references.map((reference) => reference.status === 'resolved' && reference.name);
		assert.deepEqual(await names({}), ['d', 'p']);
		assert.deepEqual(await names({ stage: 'prod' }), ['p']);
		assert.deepEqual(await names({ env: { OVERRIDE: 'o' } }), ['o']);
	});

	it('lists the first files in path order, no more than asked, never through a link out of the folder', async () => {
		for (let i = 0; i < 12; i++) {
			write(`p${String(i).padStart(2, '0')}/up.json`, '{ "profile": "x" }');
		}
		write('node_modules/pkg/package.json', '{}');
		const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-outside-'));
		try {
			fs.writeFileSync(path.join(outside, 'cdk.json'), '{ "profile": "outside" }');
			fs.symlinkSync(outside, path.join(folder, 'a-link-out'));
			fs.symlinkSync(path.join(outside, 'cdk.json'), path.join(folder, 'cdk.json'));
			assert.deepEqual((await listProjectFiles(folder, { maxFiles: 5 })).map(relative), ['p00/up.json', 'p01/up.json', 'p02/up.json', 'p03/up.json', 'p04/up.json']);
			assert.equal((await listProjectFiles(folder, { maxFiles: 100 })).length, 12);
		} finally {
			fs.rmSync(outside, { recursive: true, force: true });
		}
	});

	it('gives nothing for a folder that does not exist', async () => {
		assert.deepEqual(await scanProjectFolder(path.join(folder, 'nope')), []);
	});
});
