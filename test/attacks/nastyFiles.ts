/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Generated pairs of files as people's hands and tools leave them, and operations on them, for the edit
// fidelity attack: CRLF and LF mixed in one file, a BOM, tabs, comments everywhere (and inline), continuation
// lines with comments among them, sub-properties, a section written twice, unicode, no final newline,
// sometimes a [DEFAULT] section. Plus, now and then, an input the edits must refuse (issue 18, section 1).
// Seeded (test/unit/seededRandom.ts): a failure names its seed, which rebuilds the same files and operation.

import type { FileRole } from '../../src/core/readings/fileLocations';
import type { FilePair, NewProfile, ProfileOperation } from '../../src/core/editing/profileEdits';
import { Gen } from '../unit/seededRandom';

export const profileNames = ['default', 'dev', 'prod', 'team-a', 'ci', 'x.y@z', 'a:b', 'ünï-not-valid'];
const validNames = profileNames.filter((name) => /^[A-Za-z0-9_\-/.%@:+]+$/.test(name));
const keys = ['region', 'output', 'role_arn', 'source_profile', 'mfa_serial', 'cli_pager', 'x_custom', 'note'];
const values = ['us-east-1', 'json', 'arn:aws:iam::123456789012:role/r', 'dev', 'ünïcødé ✓', 'a#b', 'v=1;2', 'x:y', 'tab\tinside', '%(region)s'];

function value(g: Gen, key: string): string {
	return key === 'source_profile' ? g.pick(validNames) : g.pick(values);
}

function comment(g: Gen): string {
	return g.pick(['# comment', '; comment', '#', '# ünï ✓', ';;', '# [profile fake]', '# region = fake']);
}

function property(g: Gen, key: string): string[] {
	const spacing = g.pick([' = ', '=', '\t=\t', ' =  ', '  = ']);
	const shape = g.int(12);
	if (shape === 0) {
		return [`s3${spacing}`.trimEnd(), '  max_concurrent_requests = 10', ...(g.chance(0.3) ? [comment(g)] : []), '\taddressing_style = path'];
	}
	const line = `${key}${spacing}${value(g, key)}`;
	if (shape === 1) {
		return [line + g.pick([' # main', ' ;note', '\t# tabbed'])];
	}
	if (shape === 2) {
		// A continued value, with a comment and a blank line among its lines.
		return [line, ...(g.chance(0.5) ? [comment(g)] : []), '  more', ...(g.chance(0.3) ? ['', '\tstill more'] : [])];
	}
	return [line];
}

function section(g: Gen, role: FileRole, name: string, keysUsed: Set<string>): string[] {
	const header = role === 'credentials' || (name === 'default' && g.chance(0.6)) ? `[${name}]` : `[profile ${name}]`;
	const lines = [g.chance(0.1) ? `${header}${g.pick(['   ', '\t', ' # note'])}` : header];
	const count = g.int(5);
	for (let p = 0; p < count; p++) {
		if (g.chance(0.25)) {
			lines.push(comment(g));
		}
		const key = g.pick(keys);
		if (keysUsed.has(key)) {
			continue; // the AWS CLI refuses a key twice in a section; such files are no test of the edits
		}
		keysUsed.add(key);
		lines.push(...property(g, key));
	}
	if (g.chance(0.5)) {
		lines.push(g.pick(['', '\t', '  ']));
	}
	return lines;
}

export function nastyFile(g: Gen, role: FileRole): string {
	const lines: string[] = [];
	if (g.chance(0.4)) {
		lines.push(comment(g), '');
	}
	if (g.chance(0.05)) {
		lines.push('[DEFAULT]', 'region = eu-central-1', '');
	}
	const written = new Set<string>();
	const count = 1 + g.int(5);
	for (let s = 0; s < count; s++) {
		const name = g.pick(validNames);
		const again = written.has(name);
		if (again && !g.chance(0.2)) {
			continue;
		}
		written.add(name);
		const body = section(g, role, name, new Set());
		if (again) {
			// The same profile written twice: the standard merges, the AWS CLI refuses an identical header, so another spacing.
			body[0] = role === 'credentials' ? `[ ${name} ]` : `[profile  ${name}]`;
		}
		lines.push(...body);
		if (g.chance(0.3)) {
			lines.push(comment(g));
		}
	}
	let text = '';
	const crlf = g.int(3); // 0: LF, 1: CRLF, 2: mixed
	for (const line of lines) {
		text += line + (crlf === 1 || (crlf === 2 && g.chance(0.5)) ? '\r\n' : '\n');
	}
	if (g.chance(0.2)) {
		text = text.replace(/\r?\n$/, '');
	}
	return g.chance(0.05) ? '\uFEFF' + text : text;
}

export function nastyPair(g: Gen): FilePair {
	return { config: nastyFile(g, 'config'), credentials: nastyFile(g, 'credentials') };
}

/** An operation on one of `existing` (or a fresh name), sometimes with an input the edit must refuse. */
export function operation(g: Gen, existing: readonly string[]): ProfileOperation {
	const target = existing.length > 0 ? g.pick(existing) : 'dev';
	const fresh = g.pick(['fresh', 'new-1', 'n:1', 'ünï', 'Fresh.2']);
	switch (g.int(6)) {
		case 0:
		case 1: {
			const key = g.chance(0.1) ? g.pick(['Region', 'a:b', 'role_arn', 'x_new']) : g.pick([...keys, 'aws_session_token', 'aws_access_key_id', 'x_new']);
			const v = g.chance(0.08) ? '' : key === 'source_profile' ? g.pick(existing.length > 0 ? existing : ['dev']) : g.pick([...values, 'eu-west-1']);
			return { op: 'set', profile: g.chance(0.05) ? 'DEFAULT' : target, key, value: v };
		}
		case 2: return { op: 'remove', profile: target, key: g.pick([...keys, 's3']) };
		case 3: return { op: 'rename', from: target, to: g.chance(0.05) ? 'DEFAULT' : fresh };
		case 4: return { op: 'delete', profile: target };
		default: return { op: 'add', profile: newProfile(g, g.chance(0.05) ? 'DEFAULT' : fresh, existing) };
	}
}

function newProfile(g: Gen, name: string, existing: readonly string[]): NewProfile {
	const region = g.chance(0.5) ? { region: g.chance(0.05) ? '' : 'us-west-2' } : {};
	switch (g.int(4)) {
		case 0: return { kind: 'static', name, accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'k'.repeat(40), ...region };
		case 1: return {
			kind: 'assume-role', name, roleArn: g.chance(0.05) ? '' : 'arn:aws:iam::123456789012:role/x',
			source: existing.length > 0 && g.chance(0.7) ? { sourceProfile: g.pick(existing) } : { credentialSource: 'Environment' }, ...region,
		};
		case 2: return { kind: 'credential-process', name, command: g.chance(0.05) ? '' : '/usr/bin/creds --profile x', ...region };
		default: return {
			kind: 'sso', name, accountId: '123456789012', roleName: 'Admin',
			session: { name: `s-${name}`, startUrl: 'https://example.awsapps.com/start', region: 'us-east-1' }, ...region,
		};
	}
}
