/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The bounds every project-file parse stays within, whatever a workspace holds: a size, a nesting depth and a
// number of tree nodes (what YAML aliases and merge keys can multiply). A project file is written by anyone
// who can put a file in a folder the user opens, so a parse must stay linear in the text and small in memory:
// the libraries are not (eemeli/yaml's duplicate-key check is quadratic, its parser takes seconds and hundreds
// of megabytes on 480 KB of `[[[...`; recursive converters overflow the stack). So the depth is checked by a
// linear scan BEFORE a library parses, and a parser that meets a limit throws a ParseLimitError, which
// findReferences.ts turns into a visible "not checked" finding, never silence.

/** The largest project file read, in characters (the folder scan compares bytes on disk to it first). */
export const maxProjectFileChars = 1024 * 1024;

/** The deepest nesting of maps and lists read; real configuration files stay under 20. */
export const maxNestingDepth = 100;

/** The most tree nodes one file may make, counting what YAML aliases and merge keys copy. */
export const maxTreeNodes = 200_000;

export type ParseLimit =
	| { readonly limit: 'size'; readonly size: number; readonly max: number }
	| { readonly limit: 'depth'; readonly max: number }
	| { readonly limit: 'nodes'; readonly max: number };

/** Thrown by a parser at a limit; caught by findProfileReferences (and every other caller of a parser). */
export class ParseLimitError extends Error {
	constructor(readonly exceeded: ParseLimit) {
		super(limitText(exceeded));
		this.name = 'ParseLimitError';
	}
}

/** Throws when the text is larger than a project file may be. */
export function checkSize(text: string, max = maxProjectFileChars): void {
	if (text.length > max) {
		throw new ParseLimitError({ limit: 'size', size: text.length, max });
	}
}

/** Throws when a depth reached while parsing passes the limit. */
export function checkDepth(depth: number, max = maxNestingDepth): void {
	if (depth > max) {
		throw new ParseLimitError({ limit: 'depth', max });
	}
}

/** Counts the nodes a parse makes; throws past the limit. */
export class NodeBudget {
	private left: number;

	constructor(private readonly max = maxTreeNodes) {
		this.left = max;
	}

	spend(count = 1): void {
		this.left -= count;
		if (this.left < 0) {
			throw new ParseLimitError({ limit: 'nodes', max: this.max });
		}
	}
}

export function limitText(exceeded: ParseLimit): string {
	switch (exceeded.limit) {
		case 'size':
			return `too large (${sizeText(exceeded.size)}; the limit is ${sizeText(exceeded.max)})`;
		case 'depth':
			return `too deeply nested (more than ${exceeded.max} levels)`;
		case 'nodes':
			return `too many values once its aliases are expanded (more than ${exceeded.max})`;
	}
}

function sizeText(size: number): string {
	return size >= 1024 * 1024 ? `${(size / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`;
}

/**
 * The deepest `[`/`{` nesting of a JSON text, strings stepped over (linear). Exact for valid JSON; for an
 * invalid text it may count more, never less, than a parser would nest, since a parser stops at the error.
 */
export function jsonNestingDepth(text: string): number {
	let depth = 0;
	let deepest = 0;
	for (let at = 0; at < text.length; at++) {
		const char = text.charCodeAt(at);
		if (char === 0x22 /* " */) {
			at = quotedEnd(text, at, 0x22, true);
		} else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
			deepest = Math.max(deepest, ++depth);
		} else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
			depth = Math.max(0, depth - 1);
		}
	}
	return deepest;
}

/**
 * The deepest nesting a TOML text can make (linear): arrays and inline tables, plus the parts of dotted keys
 * (`a.b.c = 1` and `[a.b.c]` nest three tables). Strings and comments are stepped over. It counts a dot of a
 * number or a date too, so it may count one more than the parser nests, never less.
 */
export function tomlNestingDepth(text: string): number {
	let brackets = 0;
	let dots = 0;
	let deepest = 0;
	for (let at = 0; at < text.length; at++) {
		const char = text[at];
		if (text.startsWith('"""', at) || text.startsWith('\'\'\'', at)) {
			const end = text.indexOf(text.slice(at, at + 3), at + 3);
			at = end < 0 ? text.length : end + 2;
		} else if (char === '"' || char === '\'') {
			at = quotedEnd(text, at, char.charCodeAt(0), char === '"');
		} else if (char === '#') {
			const end = text.indexOf('\n', at);
			at = end < 0 ? text.length : end - 1;
		} else if (char === '[' || char === '{') {
			brackets++;
			dots = 0;
		} else if (char === ']' || char === '}') {
			brackets = Math.max(0, brackets - 1);
			dots = 0;
		} else if (char === '.') {
			dots++;
		} else if (char === '=' || char === ',' || char === '\n') {
			dots = 0;
		}
		deepest = Math.max(deepest, brackets + dots + 1);
	}
	return text.length === 0 ? 0 : deepest;
}

/** The index of a one-line string's closing quote (or of the line's end): a string never spans lines here. */
function quotedEnd(text: string, open: number, quote: number, escapes: boolean): number {
	for (let at = open + 1; at < text.length; at++) {
		const char = text.charCodeAt(at);
		if (char === quote) {
			return at;
		}
		if (char === 0x0a) {
			return at - 1; // the newline is seen again by the caller
		}
		if (escapes && char === 0x5c /* \ */ && text.charCodeAt(at + 1) !== 0x0a) {
			at++; // an escaped character, never an escaped newline: that ends the line here too
		}
	}
	return text.length;
}
