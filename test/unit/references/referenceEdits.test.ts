/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { findProfileReferences } from '../../../src/core/references/findReferences';
import { encodeName, renameEdit } from '../../../src/core/references/referenceEdits';
import { applyEdits } from '../../../src/core/text/textEdits';
import { parse } from 'yaml';

/** The file after renaming its only (or `index`th) reference. */
function renamed(fileName: string, text: string, newName: string, index = 0): string | undefined {
	const reference = findProfileReferences(fileName, text)[index];
	const edit = reference && renameEdit(reference, newName);
	return edit && applyEdits(text, [edit.edit]);
}

describe('Reference edits', () => {
	it('replaces the name in each syntax, keeping the quotes', () => {
		assert.equal(renamed('serverless.yml', 'provider:\n  profile: old # c\n', 'new-one'), 'provider:\n  profile: new-one # c\n');
		assert.equal(renamed('serverless.yml', 'provider:\n  profile: \'old\'\n', 'it\'s'), 'provider:\n  profile: \'it\'\'s\'\n');
		assert.equal(renamed('up.json', '{ "profile": "old" }', 'a"b'), '{ "profile": "a\\"b" }');
		assert.equal(renamed('samconfig.toml', '[default.deploy.parameters]\nprofile = \'old\'\n', 'new'), '[default.deploy.parameters]\nprofile = \'new\'\n');
		assert.equal(renamed('main.tf', 'provider "aws" {\n  profile = "old"\n}\n', 'x${y}'), 'provider "aws" {\n  profile = "x$${y}"\n}\n');
		assert.equal(renamed('.env', 'AWS_PROFILE=old\n', 'new'), 'AWS_PROFILE=new\n');
		assert.equal(renamed('serverless.ts', 'export default { service: \'s\', provider: { profile: \'old\' } };', 'n\'1'),
			'export default { service: \'s\', provider: { profile: \'n\\\'1\' } };');
	});

	it('changes the value a variable led to, not the variable', () => {
		const text = 'custom:\n  profiles:\n    prod: old\nprovider:\n  stage: prod\n  profile: ${self:custom.profiles.${sls:stage}}\n';
		assert.equal(renamed('serverless.yml', text, 'new'), text.replace('prod: old', 'prod: new'));
		const fallback = 'provider:\n  profile: ${env:P, \'old\'}\n';
		assert.equal(renamed('serverless.yml', fallback, 'new'), 'provider:\n  profile: ${env:P, \'new\'}\n');
	});

	it('gives no edit for a name that cannot be written there as is', () => {
		assert.equal(renamed('serverless.yml', 'provider:\n  profile: old\n', 'with space'), undefined);
		assert.equal(renamed('serverless.yml', 'provider:\n  profile: old\n', 'true'), undefined);
		assert.equal(renamed('serverless.yml', 'provider:\n  profile: ${env:P, \'old\'}\n', 'it\'s'), undefined);
		assert.equal(renamed('.env', 'AWS_PROFILE=old\n', 'a b'), undefined);
		assert.equal(renamed('serverless.yml', 'provider:\n  profile: ${self:service}-x\nservice: s\n', 'new'), undefined);
	});

	it('writes what the YAML reader reads back', () => {
		for (const name of ['dev', 'a.b-c_d@e+f/g', 'prod:eu', 'x\'y', 'q"r', 'back\\slash', 'ünïcode']) {
			for (const quoted of ['plain', '\'single\'', '"double"']) {
				const text = `profile: ${quoted}\n`;
				const start = text.indexOf(quoted.replace(/['"]/g, '')) ;
				const syntax = quoted.startsWith('\'') ? 'yaml-single-quoted' : quoted.startsWith('"') ? 'yaml-double-quoted' : 'yaml-plain';
				const content = encodeName(syntax, name);
				if (content === undefined) {
					continue;
				}
				const edited = applyEdits(text, [{ offset: start, length: quoted.replace(/['"]/g, '').length, content }]);
				assert.equal(parse(edited).profile, name, `${name} in ${quoted}`);
			}
		}
	});

	it('writes what JSON.parse reads back', () => {
		for (const name of ['dev', 'q"r', 'back\\slash', 'tab\there'.replace('\t', '')]) {
			const content = encodeName('json-string', name)!;
			assert.equal(JSON.parse(`"${content}"`), name);
		}
	});

	it('refuses control characters everywhere', () => {
		assert.equal(encodeName('json-string', 'a\nb'), undefined);
	});

	it('edits the .env file a Serverless variable read', () => {
		const reference = findProfileReferences('/p/serverless.yml', 'provider:\n  profile: ${env:P}\n', { dotenvFiles: [{ file: '/p/.env', text: 'P="old"\n' }] })[0];
		const edit = renameEdit(reference, 'new');
		assert.equal(edit?.file, '/p/.env');
		assert.equal(applyEdits('P="old"\n', [edit!.edit]), 'P="new"\n');
	});
});
