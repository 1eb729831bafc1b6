/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What a failure may tell the user, in the extension and the CLI alike. Only our own errors' messages are
// shown, and masked (secretMasking.ts): an error we did not make (Node's, the SDK's, a library's) can quote
// a file's content, a command line or a request, so it is named by its kind and system code alone.

import { ProfileEditError } from './profileFileWriter';
import { SafeWriteError } from './safeWrite';
import { maskSecretsIn } from './secretMasking';

/** The classes of error whose messages we wrote ourselves; the extension adds its own command error. */
const ownErrors = [SafeWriteError, ProfileEditError];

type ErrorClass = abstract new (...args: never[]) => Error;

/** Whether we wrote the error's message ourselves. */
export function isOwnError(error: unknown, alsoOwn: readonly ErrorClass[] = []): boolean {
	return [...ownErrors, ...alsoOwn].some((kind) => error instanceof kind);
}

export function shownFailure(error: unknown, alsoOwn: readonly ErrorClass[] = []): string {
	if (isOwnError(error, alsoOwn)) {
		return maskSecretsIn((error as Error).message);
	}
	const code = (error as { code?: unknown } | undefined)?.code;
	const name = error instanceof Error ? error.name : typeof error;
	const kind = [name, typeof code === 'string' ? code : undefined]
		.filter((part): part is string => part !== undefined && /^[A-Za-z][\w.]{0,40}$/.test(part));
	return `an unexpected error${kind.length > 0 ? ` (${kind.join(' ')})` : ''}`;
}
