/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ruleCatalog } from '../../src/core/lint/ruleCatalog';
import { contributedMediaFiles, ContributingPackage, linkedCommands, localImages } from '../docs/docReferences';
import { generatedSection, PackageJson, rulesTable, settingsTable } from '../docs/generatedDocs';
import { activateExtension, extensionId } from './helpers';

// What VS Code loaded from package.json, checked against what the extension registers and what the docs say.
describe('Contributions and docs', () => {
	let extension: vscode.Extension<unknown>;
	let packageJson: PackageJson & ContributingPackage;

	before(async () => {
		await activateExtension();
		extension = vscode.extensions.getExtension(extensionId)!;
		packageJson = extension.packageJSON as PackageJson & ContributingPackage;
	});

	it('every contributed command has a title, a category and an implementation', async () => {
		const registered = new Set(await vscode.commands.getCommands(true));
		for (const command of packageJson.contributes.commands) {
			assert.ok(command.title, `${command.command} has a title`);
			assert.equal(command.category, 'AWS Profiles', `${command.command} has a category`);
			assert.ok(registered.has(command.command), `${command.command} is contributed but not registered`);
		}
	});

	it('every command of a walkthrough button or a welcome-view link is registered', async () => {
		const registered = new Set(await vscode.commands.getCommands(true));
		const linked = linkedCommands(packageJson);
		assert.ok(linked.includes('awsProfiles.pinProfileInProject'));
		for (const command of linked) {
			assert.ok(registered.has(command), `a link runs ${command}, which VS Code does not know`);
		}
	});

	it('the README\'s settings and rules tables match package.json and the rule definitions', () => {
		const readme = readFileSync(path.join(extension.extensionPath, 'README.md'), 'utf8');
		assert.equal(generatedSection(readme, 'settings'), settingsTable(packageJson), 'run npm run docs');
		assert.equal(generatedSection(readme, 'rules'), rulesTable(ruleCatalog), 'run npm run docs');
		const configuration = vscode.workspace.getConfiguration();
		for (const key of Object.keys(packageJson.contributes.configuration.properties)) {
			assert.notEqual(configuration.inspect(key), undefined, `VS Code knows the setting ${key}`);
		}
	});

	it('every picture the README and the walkthrough reference exists', () => {
		const root = extension.extensionPath;
		const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
		const pages = contributedMediaFiles(packageJson).filter((file) => file.endsWith('.md'));
		const pictures = [
			...localImages(readme),
			...pages.flatMap((page) => localImages(readFileSync(path.join(root, page), 'utf8')).map((image) => path.join(path.dirname(page), image))),
			...contributedMediaFiles(packageJson),
		];
		assert.ok(pictures.length >= 13);
		for (const picture of pictures) {
			assert.ok(existsSync(path.join(root, picture)), `${picture} does not exist`);
		}
	});
});
