/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm run docs`: writes the generated parts of README.md and package.json (see generatedDocs.ts), and copies
// the README's pictures that the last integration run took (test/vscode/readmePictures.test.ts writes them to
// out/screenshots/) into media/screenshots/.

import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ruleCatalog } from '../../src/core/lint/ruleCatalog';
import { localImages } from './docReferences';
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

for (const picture of localImages(readme).filter((image) => image.startsWith('media/screenshots/'))) {
	const taken = path.join(root, 'out', 'screenshots', path.basename(picture));
	if (existsSync(taken)) {
		mkdirSync(path.dirname(path.join(root, picture)), { recursive: true });
		copyFileSync(taken, path.join(root, picture));
		console.log(`Copied ${picture} from the last integration run.`);
	} else {
		console.log(`Kept ${picture}: run npm test (or npm run test:vscode) to take it again.`);
	}
}
