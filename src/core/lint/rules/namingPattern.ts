/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A team's naming convention for profiles (`namingPattern`, e.g. `^(dev|staging|prod)-[a-z0-9-]+$`): the
// pattern must match the whole name. A setting that is not a regular expression gives one finding instead
// of none, so that a typo in the setting does not pass for a clean file. The pattern comes from a setting (a
// workspace's, or `--naming-pattern`), so it runs in linear time (linearPattern.ts), never by `RegExp`.

import { compileLinearPattern } from '../linearPattern';
import type { LintContext } from '../lintContext';
import type { LintRule, RuleFinding } from '../rule';
import { nameLabel } from '../toolNames';

export const namingPatternRule: LintRule = {
	id: 'aws-files/naming-pattern',
	doc: 'A profile name that does not match the `awsProfiles.naming.pattern` setting (a regular expression matched against the whole name); nothing is checked without it.',
	severity: 'info',
	files: ['config', 'credentials'],
	*check(context) {
		const source = context.options.namingPattern;
		if (source === undefined || source === '') {
			return;
		}
		const compiled = compileLinearPattern(source);
		if (!compiled.ok) {
			yield settingFinding(context, compiled.reason);
			return;
		}
		for (const [name, section] of context.standard.profiles) {
			if (compiled.pattern.matchesWhole(name)) {
				continue;
			}
			const label = nameLabel(name, '');
			const subject = label === '' ? 'This profile name' : `The profile name ${label}`;
			for (const header of section.headers) {
				yield { file: header.file, range: header.range, message: `${subject} does not follow the naming pattern of your settings (${source}).` };
			}
		}
	},
};

/** On the first line of the first file there is: a setting has no place in the files. */
function settingFinding(context: LintContext, reason: string): RuleFinding {
	const file = context.files[0];
	const range = file?.raw.lines[0]?.range ?? { offset: 0, length: 0, line: 0, column: 0 };
	return {
		file: file?.role ?? 'config',
		range,
		severity: 'warning',
		message: `The namingPattern setting is not a valid regular expression, so no profile name was checked: ${reason}`,
	};
}
