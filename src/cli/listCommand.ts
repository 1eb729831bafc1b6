/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles list [--json]`: every profile of the two files with its kind, region and where it is
// defined. Never a secret: an access key id only as `AKIA****ABCD`, a name or region shaped like a secret
// masked (secretMasking.ts).

import { buildProfileModel, displayName, displayValue, kindLabel, maskSecretsIn, processFileLocations, ProfileEntry, readStandard, shownPath } from '../core';
import { ExitStatus, Output } from './output';
import { readChosenFiles } from './profileSources';
import type { Command } from './command';

interface ListedProfile {
	readonly name: string;
	readonly active: boolean;
	readonly kind: string;
	readonly kindLabel: string;
	readonly region?: string;
	readonly accessKeyId?: string;
	readonly definedIn: readonly { readonly file: string; readonly path?: string; readonly line: number }[];
}

export const listCommand: Command = {
	name: 'list',
	summary: 'List the profiles of the config and credentials files, with kind, region and lines.',
	usage: 'aws-profiles list [--json] [--config FILE] [--credentials FILE]',
	options: { json: { type: 'boolean' }, config: { type: 'string' }, credentials: { type: 'string' } },
	async run(values, out) {
		const { texts, paths } = await readChosenFiles({ config: values.config as string | undefined, credentials: values.credentials as string | undefined });
		const model = buildProfileModel(readStandard(texts));
		const active = processFileLocations().profile;
		const profiles = [...model.profiles.values()].map((entry) => listed(entry, entry.name === active, paths));
		if (values.json) {
			out.line(JSON.stringify(profiles, undefined, 2));
		} else {
			printTable(profiles, out);
		}
		const errors = model.problems.filter((problem) => problem.severity === 'error');
		for (const problem of errors) {
			out.error(`${shownPath(paths[problem.location.file] ?? problem.location.file)}:${problem.location.range.line + 1}: ${maskSecretsIn(problem.message)}`);
		}
		return errors.length > 0 ? ExitStatus.Findings : ExitStatus.Ok;
	},
};

function listed(entry: ProfileEntry, active: boolean, paths: { config?: string; credentials?: string }): ListedProfile {
	return {
		name: displayName(entry.name),
		active,
		kind: entry.kind.kind,
		kindLabel: kindLabel(entry.kind),
		...(entry.region === undefined ? {} : { region: displayValue('region', entry.region) }),
		...(entry.kind.kind === 'static-keys' ? { accessKeyId: entry.kind.maskedAccessKeyId } : {}),
		definedIn: entry.section.headers.map((header) => ({
			file: header.file,
			...(paths[header.file] === undefined ? {} : { path: paths[header.file] }),
			line: header.range.line + 1,
		})),
	};
}

function printTable(profiles: readonly ListedProfile[], out: Output): void {
	if (profiles.length === 0) {
		out.line('No profiles. Add one with `aws configure --profile NAME` or the extension\'s "Add AWS Profile".');
		return;
	}
	const rows = profiles.map((p) => [
		p.active ? '*' : ' ',
		p.name,
		p.kindLabel + (p.accessKeyId ? ` ${p.accessKeyId}` : ''),
		p.region ?? '-',
		p.definedIn.map((d) => `${d.file}:${d.line}`).join(', '),
	]);
	const header = [' ', 'NAME', 'KIND', 'REGION', 'DEFINED IN'];
	const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
	for (const row of [header, ...rows]) {
		out.line(row.map((cell, column) => column === row.length - 1 ? cell : cell.padEnd(widths[column])).join(' ').trimEnd());
	}
}
