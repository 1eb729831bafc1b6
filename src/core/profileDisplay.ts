/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How a profile is named to a person: the words the tree, the status bar and the CLI share.

import type { ProfileKind } from './profileKind';

/** A short label for a profile's kind: `keys`, `temporary keys`, `role`, `sso`... */
export function kindLabel(kind: ProfileKind): string {
	switch (kind.kind) {
		case 'static-keys': return kind.term === 'temporary' ? 'temporary keys' : 'keys';
		case 'assume-role': return 'role';
		case 'web-identity': return 'web identity';
		case 'credential-process': return 'process';
		case 'sso': return 'sso';
		case 'login-session': return 'login';
		case 'none': return 'config only';
	}
}
