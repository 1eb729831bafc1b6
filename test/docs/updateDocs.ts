/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm run docs`: writes the generated parts of README.md and package.json (see generatedDocs.ts).

import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ruleCatalog } from '../../src/core/lint/ruleCatalog';
import { PackageJson, replaceGeneratedSection, rulesTable, settingsTable, withRuleSettings } from './generatedDocs';

const root = path.resolve(__dirname, '..', '..', '..');
const packagePath = path.join(root, 'package.json');
const readmePath = path.join(root, 'README.md');

const packageJson = withRuleSettings(JSON.parse(readFileSync(packagePath, 'utf8')) as PackageJson, ruleCatalog);
writeFileSync(packagePath, `${JSON.stringify(packageJson, undefined, 2)}\n`);

let readme = readFileSync(readmePath, 'utf8');
readme = replaceGeneratedSection(readme, 'settings', settingsTable(packageJson));
readme = replaceGeneratedSection(readme, 'rules', rulesTable(ruleCatalog));
writeFileSync(readmePath, readme);
console.log('Wrote the generated parts of README.md and package.json.');
