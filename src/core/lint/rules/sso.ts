/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// IAM Identity Center (SSO) profiles that cannot log in or get credentials: an `sso_session` naming no
// `[sso-session]` section, a legacy profile (start URL and region in the profile) missing one of its four keys,
// account and role not given together, an sso-session without its start URL or region, and a profile that
// repeats its session's start URL or region with another value (the AWS CLI refuses that).

import { Keys } from '../../model/profileKeys';
import type { PropertyDefinition, Section, SourceLocation } from '../../readings/profileSet';
import { displayValue } from '../../display/secretMasking';
import { isValidIdentifier } from '../../ini/identifiers';
import { didYouMean } from '../didYouMean';
import { appendLines, fileFix, fix, removeProperties, replace } from '../fixEdits';
import { definitionsOf, LintContext } from '../lintContext';
import type { LintRule, QuickFix, RuleFinding } from '../rule';
import { nameLabel, quoted } from '../toolNames';

export const ssoSessionMissingRule: LintRule = {
	id: 'aws-files/sso-session-missing',
	doc: '`sso_session` names an `[sso-session]` section the config file does not have: login and credentials fail.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		const sessions = [...context.standard.ssoSessions.keys()];
		for (const section of context.standard.profiles.values()) {
			const session = section.properties.get(Keys.ssoSession);
			if (session && !context.standard.ssoSessions.has(session.value)) {
				yield missingSessionFinding(context, section, session, sessions);
			}
		}
	},
};

function missingSessionFinding(context: LintContext, profile: Section, session: PropertyDefinition, sessions: readonly string[]): RuleFinding {
	const name = session.value;
	const suggestions = name === '' ? [] : didYouMean(name, sessions);
	const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((other) => `'${other}'`).join(' or ')}?` : '';
	const fixes: QuickFix[] = suggestions.map((other) =>
		fileFix(`Change to '${other}'`, session.file, [replace(session.valueRange, other)], suggestions.length === 1));
	if (name !== '' && nameLabel(name, '') !== '') {
		fixes.push(createSessionFix(context, profile, name));
	}
	return {
		file: session.file,
		range: name === '' ? session.key : session.valueRange,
		message: name === ''
			? 'sso_session is empty: it must name an [sso-session] section of the config file.'
			: `sso_session names ${quoted(displayValue(Keys.ssoSession, name))}, but the config file has no [sso-session ${nameLabel(name, '...')}] section.${hint}`,
		...(fixes.length > 0 ? { fixes } : {}),
	};
}

/**
 * Appends `[sso-session name]` to the config file, with the start URL and region the profile has (a profile
 * that moves to sso-session usually still has them), or empty ones to fill in.
 */
function createSessionFix(context: LintContext, profile: Section, name: string): QuickFix {
	const startUrl = profile.properties.get(Keys.ssoStartUrl)?.value ?? '';
	const region = profile.properties.get(Keys.ssoRegion)?.value ?? '';
	const line = (key: string, value: string) => value === '' ? `${key} =` : `${key} = ${value}`;
	return fix(`Create [sso-session ${name}] in the config file`, [appendLines(context, 'config', [
		`[sso-session ${name}]`,
		line(Keys.ssoStartUrl, startUrl),
		line(Keys.ssoRegion, region),
		'sso_registration_scopes = sso:account:access',
	])]);
}

/**
 * Appends `[services name]` to the config file, with a commented example of what goes in it (a section with
 * no settings is read as none by the JavaScript SDK). Only for a name a section can have.
 */
function createServicesFix(context: LintContext, name: string): QuickFix[] {
	if (!isValidIdentifier(name)) {
		return [];
	}
	return [fix(`Create [services ${name}] in the config file`, [appendLines(context, 'config', [
		`[services ${name}]`,
		'# s3 =',
		'#   endpoint_url = http://localhost:4566',
	])])];
}

export const servicesMissingRule: LintRule = {
	id: 'aws-files/services-missing',
	doc: '`services` names a `[services]` section the config file does not have: its endpoint settings are not applied.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		const names = [...context.standard.services.keys()];
		for (const section of context.standard.profiles.values()) {
			const services = section.properties.get('services');
			if (!services || context.standard.services.has(services.value)) {
				continue;
			}
			const suggestions = services.value === '' ? [] : didYouMean(services.value, names);
			const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((other) => `'${other}'`).join(' or ')}?` : '';
			yield {
				file: services.file,
				range: services.value === '' ? services.key : services.valueRange,
				message: `services names ${quoted(displayValue('services', services.value))}, but the config file has no such [services] section.${hint}`,
				...(services.value === '' ? {} : {
					fixes: [
						...suggestions.map((other) => fileFix(`Change to '${other}'`, services.file, [replace(services.valueRange, other)], suggestions.length === 1)),
						...createServicesFix(context, services.value),
					],
				}),
			};
		}
	},
};

const legacyKeys = [Keys.ssoStartUrl, Keys.ssoRegion, Keys.ssoAccountId, Keys.ssoRoleName] as const;

export const ssoIncompleteRule: LintRule = {
	id: 'aws-files/sso-incomplete',
	doc: 'An SSO setup that cannot work: a legacy SSO profile without all of `sso_start_url`, `sso_region`, `sso_account_id`, `sso_role_name`; account without role (or the reverse); an `[sso-session]` without start URL or region; a profile contradicting its session.',
	severity: 'error',
	files: ['config', 'credentials'],
	*check(context) {
		for (const section of context.standard.profiles.values()) {
			const session = section.properties.get(Keys.ssoSession);
			yield* session ? sessionProfileFindings(context, section, session) : legacyProfileFindings(section);
		}
		for (const session of context.standard.ssoSessions.values()) {
			yield* sessionSectionFindings(session);
		}
	},
};

function legacyProfileFindings(section: Section): RuleFinding[] {
	const present = legacyKeys.filter((key) => section.properties.has(key));
	if (present.length === 0 || present.length === legacyKeys.length) {
		return [];
	}
	const missing = legacyKeys.filter((key) => !section.properties.has(key));
	const at = section.properties.get(present[0])!;
	return [{
		file: at.file,
		range: at.key,
		message: `This SSO profile (without sso_session) lacks ${missing.join(' and ')}: a legacy SSO profile needs sso_start_url, `
			+ 'sso_region, sso_account_id and sso_role_name. (Newer setups put the start URL and region in an [sso-session] section.)',
	}];
}

function sessionProfileFindings(context: LintContext, section: Section, session: PropertyDefinition): RuleFinding[] {
	const findings: RuleFinding[] = [];
	const accountId = section.properties.get(Keys.ssoAccountId);
	const roleName = section.properties.get(Keys.ssoRoleName);
	if (accountId && !roleName) {
		findings.push({ file: accountId.file, range: accountId.key, message: 'sso_account_id is set without sso_role_name: the SDKs need both to get role credentials.' });
	} else if (roleName && !accountId) {
		findings.push({ file: roleName.file, range: roleName.key, message: 'sso_role_name is set without sso_account_id: the SDKs need both to get role credentials.' });
	}
	const sessionSection = context.standard.ssoSessions.get(session.value);
	if (!sessionSection) {
		return findings; // the sso-session-missing rule reports it
	}
	for (const key of [Keys.ssoStartUrl, Keys.ssoRegion] as const) {
		const own = section.properties.get(key);
		const shared = sessionSection.properties.get(key);
		if (own && shared && own.value !== shared.value) {
			findings.push({
				file: own.file, range: own.key,
				message: `${key} differs from the one of the sso-session this profile uses: the AWS CLI refuses the profile. `
					+ 'Remove it here; the session\'s value is the one to use.',
				related: [{ file: shared.file, range: shared.key, message: `The sso-session's ${key}` }],
				fixes: [fix(`Remove ${key} from the profile`, removeProperties(definitionsOf(context, section, key)), true)],
			});
		}
	}
	return findings;
}

function sessionSectionFindings(session: Section): RuleFinding[] {
	const missing = [Keys.ssoStartUrl, Keys.ssoRegion].filter((key) => !session.properties.has(key));
	const header = session.headers[0];
	if (missing.length === 0 || !header) {
		return [];
	}
	return [{
		...where(header),
		message: `This sso-session lacks ${missing.join(' and ')}: the profiles that use it cannot log in. Add ${missing.length > 1 ? 'them' : 'it'} `
			+ '(aws configure sso-session writes both).',
	}];
}

function where(location: SourceLocation): Pick<RuleFinding, 'file' | 'range'> {
	return { file: location.file, range: location.range };
}
