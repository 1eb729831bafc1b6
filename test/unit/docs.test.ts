/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ruleCatalog } from '../../src/core/lint/ruleCatalog';
import { contributedMediaFiles, ContributingPackage, linkedCommands, localImages } from '../docs/docReferences';
import {
	generatedSection, PackageJson, replaceGeneratedSection, rulesSetting, rulesTable, ruleSettingProperties, settingsTable,
} from '../docs/generatedDocs';

const root = path.resolve(__dirname, '..', '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson & ContributingPackage;

describe('the docs', () => {
	it('the README\'s settings table is the one generated from package.json (npm run docs)', () => {
		assert.equal(generatedSection(readme, 'settings'), settingsTable(packageJson));
	});

	it('the README\'s rules table is the one generated from the rule definitions (npm run docs)', () => {
		assert.equal(generatedSection(readme, 'rules'), rulesTable(ruleCatalog));
		assert.equal(ruleCatalog.length, new Set(ruleCatalog.map((rule) => rule.id)).size, 'rule ids are unique');
	});

	it('the lint.rules setting lists every rule, with its doc, for completion in settings.json', () => {
		assert.deepEqual(packageJson.contributes.configuration.properties[rulesSetting].properties, ruleSettingProperties(ruleCatalog));
	});

	it('a generated section is replaced between its markers only, and a missing one is an error', () => {
		const text = 'intro\n<!-- generated: rules (npm run docs) -->\nold\n<!-- end generated: rules -->\nrest\n';
		assert.equal(replaceGeneratedSection(text, 'rules', '| new |'), 'intro\n<!-- generated: rules (npm run docs) -->\n| new |\n<!-- end generated: rules -->\nrest\n');
		assert.throws(() => replaceGeneratedSection('no markers', 'settings', 'x'), /no '<!-- generated: settings/);
		assert.equal(generatedSection('no markers', 'settings'), undefined);
	});

	it('a table cell keeps to one line and escapes pipes', () => {
		const table = settingsTable({ contributes: { configuration: { properties: { 'a.b': { default: 'x', markdownDescription: 'one\n two | three' } } } } });
		assert.equal(table.split('\n')[2], '| `a.b` | `"x"` | one two \\| three |');
	});

	it('every picture the README and the walkthrough pages show exists', () => {
		const pages = [{ file: 'README.md', text: readme }, ...contributedMediaFiles(packageJson)
			.filter((file) => file.endsWith('.md'))
			.map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }))];
		let images = 0;
		for (const page of pages) {
			for (const image of localImages(page.text)) {
				images++;
				assert.ok(existsSync(path.join(root, path.dirname(page.file), image)), `${page.file} shows ${image}, which does not exist`);
			}
		}
		assert.ok(images >= 7, 'the README and each walkthrough page show a picture');
		for (const file of contributedMediaFiles(packageJson)) {
			assert.ok(existsSync(path.join(root, file)), `package.json names ${file}, which does not exist`);
		}
	});

	it('each walkthrough page shows a picture, and each step has a completion event', () => {
		const steps = packageJson.contributes.walkthroughs?.[0].steps ?? [];
		assert.equal(steps.length, 6);
		for (const step of steps) {
			assert.ok(step.media.markdown, `${step.id} has a Markdown page`);
			assert.equal(localImages(readFileSync(path.join(root, step.media.markdown), 'utf8')).length, 1, `${step.id}'s page shows a picture`);
			assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has a completion event`);
		}
	});

	it('the walkthrough\'s pages and buttons cover what a newcomer needs, step by step', () => {
		const steps = packageJson.contributes.walkthroughs?.[0].steps ?? [];
		const page = (id: string) => readFileSync(path.join(root, steps.find((step) => step.id === id)!.media.markdown!), 'utf8');
		const description = (id: string) => steps.find((step) => step.id === id)!.description;
		for (const words of ['IAM user', 'policy', 'group', 'role', 'root user', 'AdministratorAccess', 'https://console.aws.amazon.com/iam/']) {
			assert.ok(page('createIamUser').includes(words), `step 1 explains ${words}`);
		}
		for (const tool of ['serverless', 'up', 'zappa']) {
			assert.ok(description('createIamUser').includes(`(command:awsProfiles.copyExamplePolicy?%5B%22${tool}%22%5D)`), `a button copies the ${tool} policy`);
		}
		assert.match(description('addProfile'), /\(command:awsProfiles\.addProfile\)/);
		assert.match(description('verifyProfile'), /\(command:awsProfiles\.verifyProfile\)/);
		assert.match(page('switchProfile'), /status bar[\s\S]*AWS_PROFILE/);
		for (const key of ['provider.profile', '"profile"', '"profile_name"', 'samconfig.toml', 'cdk.json', '${sls:stage}']) {
			assert.ok(page('pinProfile').includes(key), `step 5 shows ${key}`);
		}
		assert.match(description('pinProfile'), /\(command:awsProfiles\.pinProfileInProject\)/);
		for (const words of ['client-1-dev', 'awsProfiles.naming.pattern', 'role_arn', 'source_profile']) {
			assert.ok(page('severalAccounts').includes(words), `step 6 shows ${words}`);
		}
	});

	it('every command has a title and a category, and every command link names a declared or a VS Code command', () => {
		const declared = new Set(packageJson.contributes.commands.map((command) => command.command));
		for (const command of packageJson.contributes.commands) {
			assert.ok(command.title, `${command.command} has a title`);
			assert.equal(command.category, 'AWS Profiles', `${command.command} has the category`);
		}
		for (const command of linkedCommands(packageJson)) {
			assert.ok(declared.has(command) || command.startsWith('workbench.'), `a link runs ${command}, which is not declared`);
		}
	});

	it('finds pictures in Markdown and HTML, leaving web addresses out', () => {
		assert.deepEqual(localImages('![a](media/x.png) ![b](https://example.com/y.png) <img src="z.svg" width="3"> ![c](d.gif "title")'),
			['media/x.png', 'd.gif', 'z.svg']);
	});
});
