/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The architecture, as the imports show it: dependencies point one way (ui -> core, aws -> core, cli -> core;
// the editor and the CLI reach AWS through aws/),
// the core never imports `vscode` or an AWS SDK client, and only `src/core/io/` touches the disk, starts
// processes or opens sockets, so everything else in the core is pure and tested without a file.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const src = path.join(root, 'src');

/** Node modules that reach the disk, other processes or the network. */
const ioModules = /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|dgram|worker_threads)$/;
/** The entries of the core's bundles, which gather every folder, I/O included. */
const coreEntries = new Set(['core/index.ts', 'core/checks.ts', 'core/edits.ts']);

interface Import {
	/** The importing file, relative to src/. */
	readonly file: string;
	readonly specifier: string;
	/** For a relative specifier, the imported path relative to src/. */
	readonly target?: string;
}

function sourceFiles(folder: string): string[] {
	return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(folder, entry.name);
		return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
	});
}

function importsOf(file: string): Import[] {
	const text = fs.readFileSync(file, 'utf8');
	const relative = path.relative(src, file).split(path.sep).join('/');
	const found: Import[] = [];
	for (const match of text.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*'([^']+)'/g)) {
		const specifier = match[1];
		const target = specifier.startsWith('.')
			? path.relative(src, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/')
			: undefined;
		found.push({ file: relative, specifier, target });
	}
	return found;
}

const imports = sourceFiles(src).flatMap(importsOf);

function layerOf(file: string): string {
	return file.split('/')[0];
}

function violations(check: (entry: Import) => boolean): string[] {
	return imports.filter(check).map((entry) => `${entry.file} imports ${entry.specifier}`);
}

describe('Layout: the imports keep the architecture', () => {
	it('finds the sources it judges', () => {
		assert.ok(imports.some((entry) => entry.file.startsWith('core/io/') && ioModules.test(entry.specifier)));
		assert.ok(imports.some((entry) => entry.file.startsWith('ui/') && entry.specifier === 'vscode'));
	});

	it('dependencies point one way: ui -> core, aws -> core, cli -> core; the editor and the CLI call AWS through aws', () => {
		const allowed: Record<string, readonly string[]> = {
			core: ['core'],
			aws: ['aws', 'core'],
			cli: ['cli', 'core', 'aws'],
			ui: ['ui', 'core', 'aws'],
		};
		assert.deepEqual(violations((entry) => entry.target !== undefined
			&& !(allowed[layerOf(entry.file)] ?? []).includes(layerOf(entry.target))), []);
	});

	it('the core imports neither vscode nor an AWS SDK client', () => {
		assert.deepEqual(violations((entry) => layerOf(entry.file) === 'core'
			&& (entry.specifier === 'vscode' || entry.specifier.startsWith('@aws-sdk/client-'))), []);
	});

	it('only src/core/io reaches the disk, other processes or the network, and the pure core does not import it', () => {
		const pure = (entry: Import) => layerOf(entry.file) === 'core' && !entry.file.startsWith('core/io/') && !coreEntries.has(entry.file);
		assert.deepEqual(violations((entry) => pure(entry)
			&& (ioModules.test(entry.specifier) || (entry.target?.startsWith('core/io/') ?? false))), []);
	});

	it('text/ (positions, ranges, edits as data) stands on nothing else of the core', () => {
		assert.deepEqual(violations((entry) => entry.file.startsWith('core/text/')
			&& entry.target !== undefined && !entry.target.startsWith('core/text/')), []);
	});
});
