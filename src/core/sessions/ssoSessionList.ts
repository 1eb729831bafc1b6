/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The config file's [sso-session] sections as the Profiles view lists them: each with the state of its cached
// token (signed out, the time left, expired) and the profiles that sign in through it, so a session can be
// signed in or out where it is seen, not only from the command palette. Pure: the tokens were read beforehand
// (ProfileModel.ssoSessionTokens) and the caller gives the time.

import type { Expiry } from '../model/expiry';
import { profilesUsingSsoSession, ProfileModel } from '../model/profileModel';
import { timeLeftLabel } from '../display/timeLeft';

export type SsoSessionTokenState = 'signed-in' | 'signed-out' | 'unreadable' | 'unknown';

export interface SsoSessionRow {
	readonly name: string;
	readonly startUrl?: string;
	readonly region?: string;
	readonly expiry?: Expiry;
	/** `signed-in` while a token is cached (even an expired one: it can be signed out of, or renewed). */
	readonly token: SsoSessionTokenState;
	/** `expires in 42 min · 2 profiles`, `signed out · 1 profile`. */
	readonly description: string;
	/** The profiles with `sso_session` naming it, in the model's order. */
	readonly profiles: readonly string[];
}

/** The sso-sessions, by name, whose name contains `filter` (lower case; empty: all). */
export function ssoSessionRows(model: ProfileModel, now: number, filter = ''): SsoSessionRow[] {
	return [...model.ssoSessions.keys()]
		.filter((name) => filter === '' || name.toLowerCase().includes(filter))
		.sort((a, b) => a.localeCompare(b))
		.map((name) => sessionRow(model, name, now));
}

function sessionRow(model: ProfileModel, name: string, now: number): SsoSessionRow {
	const section = model.ssoSessions.get(name);
	const startUrl = section?.properties.get('sso_start_url')?.value;
	const region = section?.properties.get('sso_region')?.value;
	const expiry = model.ssoSessionTokens.get(name);
	const token = tokenState(expiry);
	const profiles = profilesUsingSsoSession(model, name).map((entry) => entry.name);
	const time = token === 'signed-out' ? 'signed out' : token === 'unreadable' ? 'token unreadable' : timeLeftLabel(expiry, now);
	const count = `${profiles.length} ${profiles.length === 1 ? 'profile' : 'profiles'}`;
	return {
		name,
		...(startUrl ? { startUrl } : {}),
		...(region ? { region } : {}),
		...(expiry ? { expiry } : {}),
		token,
		description: [time, count].filter(Boolean).join(' · '),
		profiles,
	};
}

function tokenState(expiry: Expiry | undefined): SsoSessionTokenState {
	switch (expiry?.state) {
		case 'known':
			return 'signed-in';
		case 'no-token':
			return 'signed-out';
		case 'unreadable':
			return 'unreadable';
		default:
			return 'unknown';
	}
}
