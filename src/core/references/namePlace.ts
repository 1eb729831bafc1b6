/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Where a profile name may be completed: wherever the finders, the same that underline and hover, would read a
// name written at the cursor as the profile a tool uses. A marker word is written at the cursor and the file is
// searched again: the cursor is in a name's place when a reference's literal (the one to rename, in this file)
// holds the marker. So completion follows every place a finder knows (`custom.profiles.<stage>` read through
// `${self:...}`, `provider.profile`, a Terraform variable's default, a fallback of `${env:...}`, a script's
// `--profile`), works on the text as it is being typed (a place that holds no name yet, or half of one), and
// cannot be offered where hover and warnings could not be.

import type { Span } from '../text/lineIndex';
import { findProfileReferences } from './findReferences';
import type { FindOptions } from './profileReference';

/** Written at the cursor: a word that is a valid plain name in every syntax, and that no file holds. */
const marker = 'awsProfilesNamePlace';

/**
 * The name literal the cursor is in (or at the edge of), as a span of `text` to replace with a completed name;
 * undefined when a name written at `offset` would not be read as a profile. A fallback that the environment
 * given overrides (`${env:AWS_PROFILE, 'dev'}` with AWS_PROFILE set) is still a name's place: the environment
 * of a deploy elsewhere may not set it.
 */
export function profileNamePlace(fileName: string, text: string, offset: number, options: FindOptions = {}): Span | undefined {
	if (offset < 0 || offset > text.length) {
		return undefined;
	}
	const marked = text.slice(0, offset) + marker + text.slice(offset);
	return markedLiteral(fileName, marked, offset, options)
		?? (options.env && Object.keys(options.env).length > 0 ? markedLiteral(fileName, marked, offset, { ...options, env: {} }) : undefined);
}

function markedLiteral(fileName: string, marked: string, offset: number, options: FindOptions): Span | undefined {
	for (const reference of findProfileReferences(fileName, marked, options)) {
		const literal = reference.status === 'resolved' && reference.rename?.file === undefined ? reference.rename?.range : undefined;
		if (literal && literal.offset <= offset && offset + marker.length <= literal.offset + literal.length) {
			return { offset: literal.offset, length: literal.length - marker.length };
		}
	}
	return undefined;
}
