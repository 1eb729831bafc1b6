/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A regular expression a user (or a workspace) supplies, such as the naming pattern, run by RE2's rules
// (re2js, a pure-JavaScript port of RE2) rather than by `RegExp`: RE2 matches in time linear in the text
// whatever the pattern, where a backtracking engine can take minutes (`(.*)*x` against a 30-character name
// blocked the extension host for 58 s). The price is RE2's syntax: no backreferences, no lookaround, a
// repeat count of at most 1000; such a pattern is refused with the reason. re2js is loaded on first use, so
// that activation and a lint without a pattern never parse it.

/** A compiled pattern, matched against a whole text. */
export interface LinearPattern {
	matchesWhole(text: string): boolean;
}

export type CompiledPattern =
	| { readonly ok: true; readonly pattern: LinearPattern }
	| { readonly ok: false; readonly reason: string };

interface Re2Module {
	readonly RE2JS: { compile(source: string): { matches(input: string): boolean } };
}

let re2: Re2Module | undefined;

function loadRe2(): Re2Module {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at activation.
	re2 ??= require('re2js') as Re2Module;
	return re2;
}

/** The pattern compiled for whole-text matches, or why RE2 refuses it. */
export function compileLinearPattern(source: string): CompiledPattern {
	let compiled: { matches(input: string): boolean };
	try {
		compiled = loadRe2().RE2JS.compile(`^(?:${source})$`);
	} catch (error) {
		return { ok: false, reason: reasonOf(error) };
	}
	return { ok: true, pattern: { matchesWhole: (text) => compiled.matches(text) } };
}

function reasonOf(error: unknown): string {
	const message = (error instanceof Error ? error.message : String(error)).replace(/^error parsing regexp: /, '');
	return `${message} (patterns are run in linear time, by RE2's rules: no backreferences such as \\1, no lookahead or lookbehind, repeats up to {1000})`;
}
