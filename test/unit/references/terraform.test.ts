/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Terraform references a first trial could not see: `data "terraform_remote_state"`, `var.x` resolved in its
// module, a value that is not HCL, and `shared_credentials_files` / `shared_config_files`. The references found
// (input files, expected references) are cases of test/fixtures/references/cases.json, run by
// fixtureTable.test.ts; here, table-driven, the findings they give, then the same through a real folder scan
// (tfvars and named files read).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildProfileModel } from '../../../src/core/model/profileModel';
import { checkReferences } from '../../../src/core/references/checkReferences';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { scanProjectFolder } from '../../../src/core/io/scanFolder';
import { sharedFilesLookup } from '../../../src/core/references/sharedFiles';
import { readStandard } from '../../../src/core/readings/standardReader';

const now = Date.parse('2026-06-01T12:00:00Z');
const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
const usual = { config: '[profile work]\nregion = eu-west-1\n', credentials: `[work]\n${keys}` };
const usualModel = buildProfileModel(readStandard(usual));

describe('Terraform references', () => {
	describe('found in the module', () => {
		it('says why a placeholder or an unset variable is not checked', () => {
			const text = 'provider "aws" {\n  profile = ##AWS_PROFILE##\n}\nprovider "aws" {\n  alias = "b"\n  profile = var.p\n}\n';
			const messages = checkReferences(findProfileReferences('main.tf', text), usualModel, { file: 'main.tf', searchedFiles: [], now }).map((finding) => `${finding.severity}: ${finding.message}`);
			assert.deepEqual(messages, [
				'hint: The profile is not checked: the value is not valid HCL (##AWS_PROFILE##): a placeholder filled in before Terraform runs?.',
				'hint: The profile is not checked: var.p has no default and no value in this module\'s terraform.tfvars or *.auto.tfvars (it is given with -var, TF_VAR_p or at the prompt).',
			]);
		});

		it('a missing profile written in a tfvars file is fixed there', () => {
			const text = 'provider "aws" {\n  profile = var.p\n}\n';
			const references = findProfileReferences('/m/main.tf', text, { moduleFiles: [{ file: '/m/terraform.tfvars', text: 'p = "wrok"\n' }] });
			const [finding] = checkReferences(references, usualModel, { file: '/m/main.tf', searchedFiles: [], now });
			assert.equal(finding.ruleId, 'profile-reference/missing-profile');
			const [, fix] = finding.fixes ?? [];
			assert.equal(fix.title, 'Change to \'work\'');
			assert.equal(fix.kind === 'edits' && fix.edits[0].file, '/m/terraform.tfvars');
			assert.deepEqual(finding.related?.map((related) => related.file), ['/m/terraform.tfvars']);
		});
	});

	describe('shared_credentials_files and shared_config_files', () => {
		const block = (files: string) => `provider "aws" {\n  profile = "tf"\n${files}}\n`;
		const read = (role: 'credentials' | 'config', shown: string, text?: string) =>
			({ role, shown, state: text === undefined ? 'missing' as const : 'read' as const, ...(text === undefined ? {} : { text }) });
		const cases: { name: string; text: string; files: ReturnType<typeof read>[]; expected: string[] }[] = [
			{
				name: 'the profile is in the named credentials file: no finding',
				text: block('  shared_credentials_files = ["~/.aws/tf-credentials"]\n'),
				files: [read('credentials', '~/.aws/tf-credentials', `[tf]\n${keys}`)],
				expected: [],
			},
			{
				name: 'the older shared_credentials_file, the profile in the usual file only: missing, naming the file searched',
				text: block('  shared_credentials_file = "creds"\n'),
				files: [read('credentials', '/m/creds', `[other]\n${keys}`)],
				expected: ['profile-reference/missing-profile: Profile \'tf\' is not defined in ~/.aws/config or /m/creds.'],
			},
			{
				name: 'the named file does not exist: says so',
				text: block('  shared_config_files      = ["./aws/config"]\n  shared_credentials_files = ["./aws/credentials"]\n'),
				files: [read('credentials', '/m/aws/credentials'), read('config', '/m/aws/config', '[profile tf]\nregion = eu-west-1\n')],
				expected: ['profile-reference/broken-profile: Profile \'tf\' cannot give credentials as it stands: it has no credentials (no keys, role, SSO, web identity or credential process). Named by the block: /m/aws/credentials does not exist.'],
			},
			{
				name: 'both named files missing',
				text: block('  shared_config_files      = ["./aws/config"]\n  shared_credentials_files = ["./aws/credentials"]\n'),
				files: [read('credentials', '/m/aws/credentials'), read('config', '/m/aws/config')],
				expected: ['profile-reference/missing-profile: Profile \'tf\' is not defined in /m/aws/config or /m/aws/credentials. Named by the block: /m/aws/credentials does not exist; /m/aws/config does not exist.'],
			},
			{
				name: 'a named config file with the profile, credentials from the usual file',
				text: block('  shared_config_files = ["cfg"]\n'),
				files: [read('config', '/m/cfg', '[profile tf]\nsource_profile = work\nrole_arn = arn:aws:iam::123456789012:role/R\n')],
				expected: [],
			},
		];
		for (const { name, text, files, expected } of cases) {
			it(name, () => {
				const references = findProfileReferences('/m/main.tf', text);
				const written = references[0].status === 'resolved' ? references[0].sharedFiles : undefined;
				assert.ok(written, 'the reference keeps the files as written');
				const sharedFiles = sharedFilesLookup([{ written, files }], { texts: usual, shown: { config: '~/.aws/config', credentials: '~/.aws/credentials' } });
				const findings = checkReferences(references, usualModel, { file: '/m/main.tf', searchedFiles: ['~/.aws/config', '~/.aws/credentials'], now, sharedFiles });
				assert.deepEqual(findings.map((finding) => `${finding.ruleId}: ${finding.message}`), expected);
			});
		}
	});

	describe('through a folder scan', () => {
		let folder: string;
		let home: string;
		const write = (file: string, text: string): void => {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, text);
		};
		beforeEach(() => {
			folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-tf-'));
			home = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-tf-home-'));
		});
		afterEach(() => {
			fs.rmSync(folder, { recursive: true, force: true });
			fs.rmSync(home, { recursive: true, force: true });
		});

		it('reads the module\'s tfvars and the named files (~ is the home folder, a relative path is from the module)', async () => {
			write(path.join(folder, 'infra', 'main.tf'), 'provider "aws" {\n  profile = var.p\n  shared_credentials_files = ["~/.aws/tf", "local-creds", "gone"]\n}\n');
			write(path.join(folder, 'infra', 'variables.tf'), 'variable "p" {\n  default = "d"\n}\n');
			write(path.join(folder, 'infra', 'prod.auto.tfvars'), 'p = "tf-prod"\n');
			write(path.join(home, '.aws', 'tf'), `[tf-prod]\n${keys}`);
			write(path.join(folder, 'infra', 'local-creds'), '[tf-local]\n');
			const scanned = await scanProjectFolder(folder, { home });
			const main = scanned.find((file) => path.basename(file.file) === 'main.tf');
			const [reference] = main?.references ?? [];
			assert.ok(reference?.status === 'resolved');
			assert.equal(reference.name, 'tf-prod');
			assert.deepEqual(main?.sharedFiles?.[0].files.map((file) => [file.shown, file.state]), [
				['~/.aws/tf', 'read'], [path.join(folder, 'infra', 'local-creds'), 'read'], [path.join(folder, 'infra', 'gone'), 'missing'],
			]);
			const sharedFiles = sharedFilesLookup(main?.sharedFiles ?? [], { texts: usual, shown: {} });
			assert.deepEqual(checkReferences(main?.references ?? [], usualModel, { file: main?.file ?? '', searchedFiles: [], now, sharedFiles }), []);
		});

		it('never reads a named file out of the project and home folders', async () => {
			const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-tf-out-'));
			try {
				write(path.join(outside, 'creds'), `[tf]\n${keys}`);
				write(path.join(folder, 'main.tf'), `provider "aws" {\n  profile = "tf"\n  shared_credentials_files = [${JSON.stringify(path.join(outside, 'creds'))}]\n}\n`);
				const [main] = await scanProjectFolder(folder, { home });
				assert.deepEqual(main.sharedFiles?.[0].files.map((file) => [file.state, file.text]), [['not-read', undefined]]);
			} finally {
				fs.rmSync(outside, { recursive: true, force: true });
			}
		});

		it('never reads a named file or a tfvars file over the size limit', async () => {
			write(path.join(folder, 'main.tf'), 'provider "aws" {\n  profile = var.p\n  shared_credentials_files = ["big"]\n}\n');
			write(path.join(folder, 'terraform.tfvars'), `p = "tf"\n${'#'.repeat(400)}\n`);
			write(path.join(folder, 'big'), `[tf]\n${keys}${'#'.repeat(400)}\n`);
			const [main] = await scanProjectFolder(folder, { home, maxFileBytes: 300 });
			assert.deepEqual(main.references.map((reference) => reference.status === 'not-checked' && reference.reason.why), ['terraform-variable']);
			write(path.join(folder, 'terraform.tfvars'), 'p = "tf"\n');
			const [again] = await scanProjectFolder(folder, { home, maxFileBytes: 300 });
			assert.deepEqual(again.sharedFiles?.[0].files.map((file) => file.state), ['not-read']);
		});
	});
});
