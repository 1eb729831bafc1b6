/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Writing another profile name where a reference's name is written (a typo's fix, a rename), in the syntax
// of that place: escaped in a JSON or TOML basic string, doubled quotes in a YAML single-quoted one... A name
// that cannot be written there without changing the quoting around it (a name with a space in a plain YAML
// scalar) gives no edit: the caller then offers no fix rather than a broken file.

import type { Edit } from '../text/textEdits';
import type { NameSyntax, ProfileReference, RenameTarget } from './profileReference';

export interface ReferenceEdit {
	/** The file to edit: the reference's own when absent (see `RenameTarget.file`). */
	readonly file?: string;
	readonly edit: Edit;
}

/** The edit that makes the reference name `newName`, if it has a literal to change and the name can be written there. */
export function renameEdit(reference: ProfileReference, newName: string): ReferenceEdit | undefined {
	if (reference.status !== 'resolved' || !reference.rename) {
		return undefined;
	}
	return targetEdit(reference.rename, newName);
}

export function targetEdit(target: RenameTarget, newName: string): ReferenceEdit | undefined {
	const content = encodeName(target.syntax, newName);
	if (content === undefined) {
		return undefined;
	}
	const edit = { offset: target.range.offset, length: target.range.length, content };
	return target.file === undefined ? { edit } : { file: target.file, edit };
}

/** Letters, digits and `_ - . @ + / :` (what profile names are made of, in practice): safe everywhere. */
const plainName = /^[A-Za-z0-9_][A-Za-z0-9_.@+/:-]*$/;
/** What a plain YAML scalar would read as something else than a string. */
const yamlNonString = /^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|\.inf|\.nan)$/i;

/** `name` as it must be written in a literal of that syntax, or `undefined` when it cannot be. */
export function encodeName(syntax: NameSyntax, name: string): string | undefined {
	// eslint-disable-next-line no-control-regex
	if (name === '' || /[\u0000-\u001f\u007f]/.test(name)) {
		return undefined; // no profile name has a control character or a line break
	}
	switch (syntax) {
		case 'yaml-plain':
			return plainName.test(name) && !yamlNonString.test(name) && !name.endsWith(':') ? name : undefined;
		case 'yaml-single-quoted':
			return name.replace(/'/g, '\'\'');
		case 'yaml-double-quoted':
		case 'json-string':
		case 'toml-basic':
		case 'js-double-quoted':
			return JSON.stringify(name).slice(1, -1);
		case 'hcl-string':
			return JSON.stringify(name).slice(1, -1).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
		case 'js-single-quoted':
			return name.replace(/\\/g, '\\\\').replace(/'/g, '\\\'');
		case 'js-template':
			return name.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, () => '\\${');
		case 'toml-literal':
		case 'dotenv-single-quoted':
			return name.includes('\'') ? undefined : name;
		case 'dotenv-double-quoted':
			return /["\\$]/.test(name) ? undefined : name;
		case 'dotenv-unquoted':
			return /[\s#'"`$\\]/.test(name) ? undefined : name;
		case 'embedded':
			return plainName.test(name) ? name : undefined;
	}
}
