/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How a profile is named to a person: the words the tree, the status bar and the CLI share.

import type { ProfileKind, StaticKeysKind } from '../model/profileKind';

/** Keys with a session token, or an `ASIA` key id (temporary, even when its token is missing). */
export function isTemporaryKeys(kind: ProfileKind): kind is StaticKeysKind {
	return kind.kind === 'static-keys' && (kind.term === 'temporary' || kind.keyIdPrefix === 'ASIA');
}

/** An `ASIA` key id without its session token: AWS rejects every request signed with it. */
export function lacksSessionToken(kind: ProfileKind): boolean {
	return kind.kind === 'static-keys' && kind.term === 'long-term' && kind.keyIdPrefix === 'ASIA';
}

/** A short label for a profile's kind: `keys`, `temporary keys`, `role`, `sso`... */
export function kindLabel(kind: ProfileKind): string {
	switch (kind.kind) {
		case 'static-keys': return isTemporaryKeys(kind) ? 'temporary keys' : 'keys';
		case 'assume-role': return 'role';
		case 'web-identity': return 'web identity';
		case 'credential-process': return 'process';
		case 'sso': return 'sso';
		case 'login-session': return 'login';
		case 'none': return 'config only';
	}
}
