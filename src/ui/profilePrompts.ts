/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The questions that commands on a profile ask alike: which profile (when the command was not given one), and
// the code of an MFA device while the SDK assumes a role.

import type { ProfileEntry } from '../core/model/profileModel';
import type { ProfileSnapshot } from '../core/io/profileSnapshot';
import { displayName, displayValue } from '../core/display/secretMasking';
import type { Prompts } from './prompts';

/** Asks for one of the profiles (those `offered` keeps, all by default); undefined when the user cancels. */
export async function pickProfile(
	prompts: Prompts,
	snapshot: ProfileSnapshot,
	text: { readonly title: string; readonly placeHolder: string },
	offered: (entry: ProfileEntry) => boolean = () => true,
): Promise<string | undefined> {
	const items = [...snapshot.model.profiles.values()].filter(offered).map((entry) => ({
		label: displayName(entry.name),
		description: entry.region === undefined ? undefined : displayValue('region', entry.region),
		profile: entry.name,
	}));
	return (await prompts.pick(items, text))?.profile;
}

/** The 6-digit code of an MFA device; a cancel aborts the SDK's call (an AbortError, which it reports as such). */
export async function askMfaCode(prompts: Prompts, serial: string): Promise<string> {
	const code = await prompts.input({
		title: 'MFA code',
		prompt: `The 6-digit code of ${serial}`,
		ignoreFocusOut: true,
		validateInput: (value) => /^\d{6}$/.test(value) ? undefined : 'The code is 6 digits.',
	});
	if (code === undefined) {
		throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
	}
	return code;
}
