/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `npm start`: the freshly built extension in a real VS Code (code-server) on http://127.0.0.1:8080, with a
// sandbox HOME seeded with sample profiles (fake keys only) and a sample Serverless project. The machine's
// own ~/.aws is never used. Ctrl-C stops it and removes the sandbox.

import { readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot, startCodeServer } from './codeServer';
import { createSandbox } from './sandbox';

async function main(): Promise<void> {
	const port = Number(process.env.PORT ?? 8080);
	const sample = path.join(projectRoot, 'test', 'sample');
	const sandbox = createSandbox({ home: path.join(sample, 'home'), workspace: path.join(sample, 'workspace') }, 'aws-profiles-start-');
	// An extension folder in --extensions-dir is loaded like an installed one; a link keeps it the live build.
	const { publisher, name, version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Record<string, string>;
	symlinkSync(projectRoot, path.join(sandbox.extensionsDir, `${publisher}.${name}-${version}`));

	const server = await startCodeServer(sandbox, port);
	console.log(`AWS Profiles is running in VS Code at ${server.url}/`);
	console.log(`Sandbox HOME: ${sandbox.home} (sample profiles, fake keys). Ctrl-C to stop.`);
	const stop = () => {
		void server.stop().then(() => {
			sandbox.dispose();
			process.exit(0);
		});
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
