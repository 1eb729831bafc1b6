/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The errors whose messages we wrote ourselves, which may be shown (masked) where any other error is named by
// its kind alone (shownFailure.ts). They are known by a mark rather than by class: the extension is several
// bundles, each with its own copy of a class, and an error made in one (a refused edit, in dist/edits.js) is
// shown by another (dist/extension.js). `Symbol.for` gives every bundle the same mark.

const ownMark = Symbol.for('aws-profiles.own-error');

export abstract class OwnError extends Error {
	readonly [ownMark] = true;
}

export function isOwnError(error: unknown): error is OwnError {
	return typeof error === 'object' && error !== null && (error as { [ownMark]?: unknown })[ownMark] === true;
}
