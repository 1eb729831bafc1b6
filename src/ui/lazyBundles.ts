/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The parts of the extension that activation does not run are bundles of their own (see esbuild.mjs), required
// the first time they are used, as the AWS SDK's layer is (src/aws/lazy.ts): the lint and the project
// references with their parsers (dist/checks.js, src/core/checks.ts), and the edits of the two files
// (dist/edits.js, src/core/edits.ts), and Sign In / Sign Out (dist/signIn.js, src/ui/signInCommand.ts).

export type Checks = typeof import('../core/checks');
export type Edits = typeof import('../core/edits');
export type SignIn = typeof import('./signInCommand');

let checks: Checks | undefined;
let edits: Edits | undefined;
let signIn: SignIn | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- a runtime require of the sibling bundle is the point. */
export function loadChecks(): Checks {
	checks ??= require('./checks.js') as Checks;
	return checks;
}

export function loadEdits(): Edits {
	edits ??= require('./edits.js') as Edits;
	return edits;
}

export function loadSignIn(): SignIn {
	signIn ??= require('./signIn.js') as SignIn;
	return signIn;
}
/* eslint-enable @typescript-eslint/no-require-imports */
