// Builds the three bundles of the extension:
//   dist/extension.js  the VS Code extension (CommonJS, `vscode` external)
//   dist/cli.js        the `aws-profiles` command
//   dist/aws.js        the AWS layer with the AWS SDK's clients inside, loaded on first use by the two above,
//                      so that activating the extension never parses the SDK.
//   dist/checks.js     the lint and the project references with their parsers (src/core/checks.ts), and
//   dist/edits.js      the edits of the two files (src/core/edits.ts), each loaded by the extension
//                      on first use (src/ui/lazyBundles.ts), so activation never parses them.
//   dist/signIn.js     Sign In and Sign Out (src/ui/signInCommand.ts), loaded by the extension on first use.
//   dist/jsSdkReader.js the JS SDK's own config file loader alone (what lint compares with), loaded on first
//                      use: `aws-profiles lint` and the editor's lint need it, not the SDK's clients.
//   dist/re2.js        re2js, the linear-time engine of user-supplied regular expressions (the naming
//                      pattern), loaded on first use by the two above: a third of extension.js otherwise.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The entries reach the AWS layer, the JS SDK reader, the checks and the edits only through runtime requires
 * of the sibling bundles (`require('./aws.js')`...), which must stay so.
 */
const awsLayerIsExternal = {
	name: 'aws-layer-external',
	setup(build) {
		build.onResolve({ filter: /^\.\/(aws|jsSdkReader|checks|edits|signIn)\.js$/ }, (args) => ({ path: args.path, external: true }));
	},
};

/** `require('re2js')` in the entries becomes a runtime require of the sibling bundle dist/re2.js. */
const re2IsExternal = {
	name: 're2-external',
	setup(build) {
		build.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2.js', external: true }));
	},
};

/**
 * The names the `vscode` module exports at run time: its typings' top-level namespaces, classes, enums and
 * constants. Types and interfaces have no value.
 */
function vscodeApiNames() {
	const typings = readFileSync('node_modules/@types/vscode/index.d.ts', 'utf8');
	return [...typings.matchAll(/^\texport (?:namespace|class|enum|const) (\w+)/gm)].map((match) => match[1]);
}

/**
 * `import * as vscode from 'vscode'` in every module reads one shared set of bindings, taken once from the API
 * object. Left to itself esbuild gives each importing module its own copy of the API's properties
 * (`__toESM(require('vscode'))`, a getter made for each of several hundred), which took about half a
 * millisecond a module: a third of evaluating dist/extension.js at activation.
 */
const oneVscodeNamespace = {
	name: 'one-vscode-namespace',
	setup(build) {
		build.onResolve({ filter: /^vscode$/ }, (args) => args.namespace === 'vscode-namespace'
			? { path: 'vscode', external: true }
			: { path: 'vscode', namespace: 'vscode-namespace' });
		const contents = `const api = require('vscode');\nexport const { ${vscodeApiNames().join(', ')} } = api;\n`;
		build.onLoad({ filter: /^vscode$/, namespace: 'vscode-namespace' }, () => ({ contents, loader: 'js' }));
	},
};

const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	sourcemap: production ? false : 'linked',
	minify: production,
	metafile: true,
	logLevel: 'warning',
	// ES module builds first: jsonc-parser's UMD build requires its own files at run time, which a bundle cannot.
	mainFields: ['module', 'main'],
	plugins: [awsLayerIsExternal, re2IsExternal],
};

const builds = [
	{ ...common, entryPoints: { extension: 'src/ui/extension.ts' }, outdir: 'dist', plugins: [...common.plugins, oneVscodeNamespace] },
	{ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' },
		define: { VERSION_FROM_BUILD: JSON.stringify(version) } },
	{ ...common, entryPoints: { aws: 'src/aws/index.ts' }, outdir: 'dist' },
	{ ...common, entryPoints: { jsSdkReader: 'src/core/readings/jsSdkReader.ts' }, outdir: 'dist' },
	{ ...common, entryPoints: { checks: 'src/core/checks.ts' }, outdir: 'dist' },
	{ ...common, entryPoints: { edits: 'src/core/edits.ts' }, outdir: 'dist' },
	{ ...common, entryPoints: { signIn: 'src/ui/signInCommand.ts' }, outdir: 'dist', plugins: [...common.plugins, oneVscodeNamespace] },
	{ ...common, entryPoints: { re2: 'node_modules/re2js/build/index.cjs' }, outdir: 'dist', plugins: [] },
];

/** The metafiles let a test check what went into each bundle (no SDK in dist/extension.js). */
function writeMetafile(name, metafile) {
	mkdirSync('out', { recursive: true });
	writeFileSync(`out/esbuild-${name}.json`, JSON.stringify(metafile));
}

if (watch) {
	for (const options of builds) {
		const context = await esbuild.context(options);
		await context.watch();
	}
	console.log('esbuild: watching src/ ...');
} else {
	const results = await Promise.all(builds.map((options) => esbuild.build(options)));
	results.forEach((result, i) => writeMetafile(Object.keys(builds[i].entryPoints)[0], result.metafile));
}
