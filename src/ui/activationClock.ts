/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The extension's own share of activation: evaluating the bundle, plus running activate(). VS Code does
// work of its own between the two (creating the ExtensionContext), which is not ours to count.
// extension.ts imports this module first, so the line below runs before any other module of the bundle.
const loadStart = performance.now();
let loadMs = 0;

/** Called at the top level of the entry module, after every import has been evaluated. */
export function markBundleLoaded(): void {
	loadMs = performance.now() - loadStart;
}

/** Starts timing activate(); the returned function gives the whole own time in milliseconds. */
export function startActivation(): () => number {
	const activateStart = performance.now();
	return () => loadMs + (performance.now() - activateStart);
}
