/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the standard (the SDKs' shared suites) accepts as a section name, a key or a sub-property key.

/** Whether a name or key is an identifier of the standard: one or more of A-Z a-z 0-9 and `_ - / . % @ : +`. */
export function isValidIdentifier(name: string): boolean {
	return isValidIdentifierAt(name, 0, name.length);
}

/** isValidIdentifier of the text from `start` to `end`, without making it a string. */
export function isValidIdentifierAt(text: string, start: number, end: number): boolean {
	if (end === start) {
		return false;
	}
	for (let i = start; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x80 || identifierCharacters[code] === 0) {
			return false;
		}
	}
	return true;
}

function isIdentifierCharacter(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) // a-z
		|| (code >= 0x41 && code <= 0x5a) // A-Z
		|| (code >= 0x2d && code <= 0x3a) // - . / 0-9 :
		|| code === 0x5f || code === 0x25 || code === 0x40 || code === 0x2b; // _ % @ +
}

/** isIdentifierCharacter of each ASCII code, as a table: one load per character of every name and key read. */
const identifierCharacters = Uint8Array.from({ length: 0x80 }, (_, code) => isIdentifierCharacter(code) ? 1 : 0);
