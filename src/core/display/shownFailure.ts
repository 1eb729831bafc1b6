/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What a failure may tell the user, in the extension and the CLI alike. Only our own errors' messages are
// shown, and masked (secretMasking.ts): an error we did not make (Node's, the SDK's, a library's) can quote
// a file's content, a command line or a request, so it is named by its kind and system code alone.

import { isOwnError } from './ownError';
import { maskSecretsIn } from './secretMasking';

export function shownFailure(error: unknown): string {
	if (isOwnError(error)) {
		return maskSecretsIn(error.message);
	}
	const code = (error as { code?: unknown } | undefined)?.code;
	const name = error instanceof Error ? error.name : typeof error;
	const kind = [name, typeof code === 'string' ? code : undefined]
		.filter((part): part is string => part !== undefined && /^[A-Za-z][\w.]{0,40}$/.test(part));
	return `an unexpected error${kind.length > 0 ? ` (${kind.join(' ')})` : ''}`;
}
