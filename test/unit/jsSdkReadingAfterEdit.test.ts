/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The JS SDK's reading after an edit is made from the one before, by reading again only the sections the edit
// touched (jsSdkReadingAfterEdit.ts). After each of many random edits of either file (characters typed or
// deleted anywhere, headers added, removed, renamed to merge with another section, broken, and spans cut across
// sections) it must be exactly what the loader reads in the same files on disk.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { externalDataInterceptor } from '@smithy/shared-ini-file-loader';
import { readJsSdk, readJsSdkFromDisk } from '../../src/core/readings/jsSdkReader';
import type { FileRole } from '../../src/core/readings/fileLocations';
import { generateProfiles } from '../bench/generateProfiles';
import { Gen, random } from './seededRandom';

type Texts = Readonly<Record<FileRole, string>>;

/** The constructs the loader reads in its own way: names with dots and quotes, indented and commented headers. */
const variedPair: Texts = {
	config: [
		'# before any header',
		'x = 1',
		'[default]',
		'region = us-east-1',
		'[profile default]',
		'output = json',
		'[profile dev]',
		'region = eu-west-1 # main',
		's3 =',
		'  max_concurrent_requests = 10',
		'[profile dev]',
		'Region = eu-west-2',
		'[profile a.b]',
		'x = 2',
		'[profile "quoted"]',
		'x = 3',
		'  [profile indented]',
		'x = 4',
		'[profile commented] # note',
		'x = 5',
		'[profile.dotted]',
		'x = 6',
		'[sso-session corp]',
		'sso_region = us-east-1',
		'[services local]',
		's3 =',
		'  endpoint_url = http://localhost:4566',
		'[services shared]',
		'x = 7',
		'[profile  spaced ]',
		'output = text',
		'[unknown kind]',
		'x = 8',
		'[profile empty]',
		'',
	].join('\n'),
	credentials: [
		'[base]',
		'aws_access_key_id = AKIDEXAMPLE',
		'[dev]',
		'aws_access_key_id = ASIAEXAMPLE',
		'[profile wrong]',
		'x = 1',
		'[services.shared]',
		'y = 1',
		'[sso-session.corp]',
		'z = 1',
		'[base]',
		'aws_session_token = token',
		'[a.b]',
		'k = v',
	].join('\n'),
};

/**
 * The varied pair after generated profiles: an edit of a few lines is then a small part of the files, which the
 * reading after an edit reads apart (it reads texts that differ in more than half of their length whole).
 */
const generated = generateProfiles(20) as Texts;
const longVariedPair: Texts = { config: `${generated.config}\n${variedPair.config}`, credentials: `${variedPair.credentials}\n${generated.credentials}` };

const pairs: readonly (readonly [string, Texts])[] = [
	['a generated pair', generateProfiles(40) as Texts],
	['a varied pair', longVariedPair],
	['a varied pair with CRLF', { config: longVariedPair.config.replace(/\n/g, '\r\n'), credentials: longVariedPair.credentials.replace(/\n/g, '\r\n') }],
];

const characters = ['[', ']', '=', '#', ';', '\n', '\r', ' ', '\t', 'a', '.', '"', '\''];
const names = ['dev', 'base', 'default', 'a.b', 'corp', 'shared', 'local', 'new', 'profile-1', '__proto__'];

function lineStartAt(text: string, at: number): number {
	return text.lastIndexOf('\n', at - 1) + 1;
}

/** One random edit of one file: what an editor does in one change. */
function editPair(g: Gen, texts: Texts): { texts: Texts; what: string } {
	const role: FileRole = g.chance(0.5) ? 'config' : 'credentials';
	const text = texts[role];
	const headers = [...text.matchAll(/^\s*\[/gm)].map((match) => match.index + match[0].length - 1);
	const at = headers.length > 0 && g.chance(0.4) ? Math.min(text.length, g.pick(headers) + g.int(14)) : g.int(text.length + 1);
	const kind = g.pick(['insert', 'delete', 'replace', 'new header', 'header removed', 'header renamed', 'header broken', 'span cut', 'span copied'] as const);
	const header = g.pick(headers.length > 0 ? headers : [0]);
	const headerEnd = text.indexOf('\n', header) === -1 ? text.length : text.indexOf('\n', header);
	let edited: string;
	switch (kind) {
		case 'insert':
			edited = text.slice(0, at) + g.pick(characters) + text.slice(at);
			break;
		case 'delete':
			edited = text.slice(0, at) + text.slice(at + 1);
			break;
		case 'replace':
			edited = text.slice(0, at) + g.pick(characters) + text.slice(at + 1);
			break;
		case 'new header': {
			const name = g.pick(names);
			const written = role === 'config' ? g.pick([`[profile ${name}]`, `[sso-session ${name}]`, `[services ${name}]`, `[${name}]`]) : `[${name}]`;
			edited = text.slice(0, lineStartAt(text, at)) + `${written}\nkey = ${g.int(9)}\n` + text.slice(lineStartAt(text, at));
			break;
		}
		case 'header removed':
			edited = text.slice(0, lineStartAt(text, header)) + text.slice(Math.min(text.length, headerEnd + 1));
			break;
		case 'header renamed': {
			const name = g.pick(names);
			const written = role === 'config' ? `[profile ${name}]` : `[${name}]`;
			edited = text.slice(0, lineStartAt(text, header)) + written + text.slice(headerEnd);
			break;
		}
		case 'header broken': {
			const close = text.lastIndexOf(']', headerEnd);
			edited = close > header ? text.slice(0, close) + text.slice(close + 1) : text.slice(0, header) + text.slice(header + 1);
			break;
		}
		case 'span cut': {
			const end = Math.min(text.length, at + g.int(200));
			edited = text.slice(0, at) + text.slice(end);
			break;
		}
		case 'span copied': {
			const from = g.int(text.length + 1);
			edited = text.slice(0, at) + text.slice(from, from + g.int(120)) + text.slice(at);
			break;
		}
	}
	return { texts: { ...texts, [role]: edited }, what: `${role}: ${kind} at ${at}` };
}

describe('JS SDK reading after an edit', () => {
	let folder = '';
	before(() => {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-js-sdk-edits-'));
	});
	after(() => fs.rmSync(folder, { recursive: true, force: true }));

	/** What the loader reads in the same texts written to files: the reading of the whole files. */
	async function fromDisk(texts: Texts) {
		const paths = { configFile: path.join(folder, 'config'), credentialsFile: path.join(folder, 'credentials') };
		fs.writeFileSync(paths.configFile, texts.config);
		fs.writeFileSync(paths.credentialsFile, texts.credentials);
		return readJsSdkFromDisk(paths);
	}

	for (const [name, original] of pairs) {
		for (const seed of [1, 2]) {
			it(`is the whole files' reading after each of 250 random edits of ${name} (seed ${seed})`, async () => {
				const g = new Gen(random(seed * 104729 + name.length));
				let texts = original;
				const history: string[] = [];
				for (let step = 0; step < 250; step++) {
					// One after the other, as the editor asks: each reading is made from the one before.
					assert.deepEqual(await readJsSdk(texts), await fromDisk(texts), `after ${history.join('; ')}`);
					const edit = g.chance(0.03) ? { texts: original, what: 'back to the original' } : editPair(g, texts);
					texts = edit.texts;
					history.push(edit.what);
				}
			});
		}
	}

	it('hands the loader only the sections an edit touched, and those of the same names', async () => {
		const pair = generateProfiles(1000) as Texts;
		await readJsSdk(pair);
		const at = pair.config.indexOf('region = ', pair.config.length / 2) + 'region = '.length;
		const edited = { ...pair, config: pair.config.slice(0, at) + 'x' + pair.config.slice(at) };
		const reading = await readJsSdk(edited);
		assert.deepEqual(reading, await fromDisk(edited));
		const record = externalDataInterceptor.getFileRecord();
		const ours = Object.keys(record).filter((file) => file.startsWith(path.join(os.tmpdir(), 'aws-profiles-js-sdk-in-memory-')));
		assert.equal(ours.length, 2);
		const handed = await Promise.all(ours.map((file) => record[file]));
		const longest = Math.max(...handed.map((text) => text.length));
		assert.ok(longest < pair.config.length / 100, `the loader read ${longest} of ${pair.config.length} characters`);
	});
});
