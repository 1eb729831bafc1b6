/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Canary secrets for the leak scans (canary.test.ts for the CLI, test/vscode/canary.test.ts for the editor):
// a pair of AWS files and a project folder with unique random secrets in every key and in wrong keys, and a
// scan of any text for any 8-character fragment of any of them.
//
// What is "secret-shaped" here, so that the scan is honest: every canary has the shape a real secret has, or
// sits where the context says it is one. Under a key that takes no secret (region, output, role_arn,
// sso_session...) and as a profile name, a canary is an AWS secret access key's shape: 40 random base64
// characters. Session tokens are 356 random base64 characters. Passwords in URLs and on command lines
// (`--password X`, `-u admin:X`, `PASSWORD=X`) are 20 random letters and digits: there the option or the URL
// says it is a secret. Access key ids are AKIA plus 16 random characters: they may be shown by their ends
// (`AKIA****WXYZ`), which holds no 8-character fragment.

import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const alphanumeric = base64.slice(0, 62);
const keyIdCharacters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const fragmentLength = 8;

export interface Canaries {
	/** Every canary, by where it was put. */
	readonly placed: ReadonlyMap<string, string>;
	readonly config: string;
	readonly credentials: string;
	/** Project files by name (serverless.yml, up.json, .env). */
	readonly project: Readonly<Record<string, string>>;
	/** Profile names shaped like secrets: one defined in the files, one only referenced. */
	readonly secretNames: { readonly defined: string; readonly missing: string };
}

/** Draws canaries until every 8-character fragment of every canary is unique (and not in our own text). */
export function makeCanaries(): Canaries {
	const seen = new Set<string>();
	const placed = new Map<string, string>();
	const draw = (alphabet: string, length: number, prefix = ''): string => {
		for (; ;) {
			const text = prefix + Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
			const fragments = fragmentsOf(text.slice(prefix.length));
			const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((pattern) => pattern.test(text)).length;
			if ((alphabet === keyIdCharacters || classes === 3) && fragments.every((fragment) => !seen.has(fragment))) {
				fragments.forEach((fragment) => seen.add(fragment));
				return text;
			}
		}
	};
	const put = (where: string, value: string) => {
		placed.set(where, value);
		return value;
	};
	const secret = (where: string) => put(where, draw(base64, 40));
	const name = (where: string) => put(where, draw(alphanumeric, 40));
	const token = (where: string) => put(where, draw(base64, 356));
	const password = (where: string) => put(where, draw(alphanumeric, 20));
	const keyId = (where: string) => put(where, draw(keyIdCharacters, 16, 'AKIA'));

	const defined = name('profile name');
	const missing = name('referenced profile name');
	const session = name('sso-session name');
	const config = [
		'[default]',
		'region = us-east-1',
		`# a comment with ${secret('comment')}`,
		'',
		'[profile canary-wrong-keys]',
		`region = ${secret('region')}`,
		`output = ${secret('output')}`,
		`role_arn = ${secret('role_arn')}`,
		`source_profile = ${defined}`,
		`mfa_serial = ${secret('mfa_serial')}`,
		`external_id = ${secret('external_id')}`,
		'',
		'[profile canary-sso]',
		`sso_start_url = https://alice:${password('sso_start_url password')}@portal.example.com/start`,
		`sso_region = ${secret('sso_region')}`,
		'sso_account_id = 123456789012',
		`sso_role_name = ${secret('sso_role_name')}`,
		'',
		'[profile canary-session-names]',
		`sso_session = ${secret('sso_session')}`,
		`services = ${secret('services')}`,
		`credential_source = ${secret('credential_source')}`,
		'',
		'[profile canary-process]',
		`credential_process = /opt/canary/fetch-creds --password ${password('--password')} --api-key ${password('--api-key')} --token ${password('--token')}`,
		'',
		'[profile canary-curl]',
		`credential_process = curl -s -u admin:${password('curl -u')} https://vault.example.com/creds`,
		'',
		'[profile canary-env]',
		`credential_process = env PASSWORD=${password('PASSWORD=')} /opt/canary/fetch-creds`,
		'',
		'[profile canary-whole-process]',
		`credential_process = ${secret('credential_process')}`,
		'',
		'[profile canary-misspelt]',
		`aws_session_tok = ${token('aws_session_tok')}`,
		`aws_secret_acess_key = ${password('aws_secret_acess_key')}`,
		'',
		'[profile canary-layout]',
		`output = json # ${secret('inline comment')}`,
		'region = us-east-1',
		`  aws_secret_access_key = ${secret('continuation line')}`,
		`${name('key name')} = x`,
		`aws_secret_access_key = ${secret('secret in config')}`,
		'',
		`[profile ${defined}]`,
		'region = eu-west-1',
		'',
		`[sso-session ${session}]`,
		`sso_start_url = https://portal.example.com/start?token=${password('start url query')}`,
		'sso_region = us-east-1',
		'',
	].join('\n');
	const credentials = [
		'[default]',
		`aws_access_key_id = ${keyId('aws_access_key_id')}`,
		`aws_secret_access_key = ${secret('aws_secret_access_key')}`,
		'',
		`[${defined}]`,
		`aws_access_key_id = ${keyId('aws_access_key_id 2')}`,
		`aws_secret_access_key = ${secret('aws_secret_access_key 2')}`,
		`aws_session_token = ${token('aws_session_token')}`,
		'',
		'[canary-swapped]',
		`aws_access_key_id = ${secret('secret as key id')}`,
		`aws_secret_access_key = ${keyId('key id as secret')}`,
		`region = ${keyId('key id as region')}`,
		'',
	].join('\n');
	const project = {
		'serverless.yml': [
			'service: canary',
			'provider:',
			'  name: aws',
			`  profile: \${opt:profile, '${missing}'}`,
			'custom:',
			`  dbPassword: ${password('serverless custom')}`,
			'',
		].join('\n'),
		'up.json': JSON.stringify({ name: 'canary', profile: defined, environment: { API_TOKEN: password('up.json environment') } }, undefined, 2),
		'.env': `AWS_PROFILE=${put('.env profile', draw(alphanumeric, 40))}\nAWS_SECRET_ACCESS_KEY=${secret('.env secret')}\n`,
	};
	return { placed, config, credentials, project, secretNames: { defined, missing } };
}

/** Writes the files: `.aws/config`, `.aws/credentials` under `home`, the project files in `project`. */
export function writeCanaryFiles(canaries: Canaries, home: string, project: string): { config: string; credentials: string } {
	mkdirSync(path.join(home, '.aws'), { recursive: true, mode: 0o700 });
	mkdirSync(project, { recursive: true });
	const files = { config: path.join(home, '.aws', 'config'), credentials: path.join(home, '.aws', 'credentials') };
	writeFileSync(files.config, canaries.config, { mode: 0o600 });
	writeFileSync(files.credentials, canaries.credentials, { mode: 0o600 });
	for (const [name, text] of Object.entries(canaries.project)) {
		writeFileSync(path.join(project, name), text);
	}
	return files;
}

function fragmentsOf(text: string): string[] {
	return Array.from({ length: Math.max(0, text.length - fragmentLength + 1) }, (_, i) => text.slice(i, i + fragmentLength));
}

/** Finds canary fragments in texts: each leak names the canary's place and the fragment found. */
export class LeakScanner {
	private readonly owners = new Map<string, string>();

	constructor(canaries: Canaries) {
		for (const [where, value] of canaries.placed) {
			const random = value.startsWith('AKIA') ? value.slice(4) : value;
			for (const fragment of fragmentsOf(random)) {
				this.owners.set(fragment, where);
			}
		}
	}

	/** The canaries (by place) of which `text` holds an 8-character fragment. */
	leaks(text: string): string[] {
		const found = new Set<string>();
		for (let i = 0; i + fragmentLength <= text.length; i++) {
			const owner = this.owners.get(text.slice(i, i + fragmentLength));
			if (owner !== undefined) {
				found.add(owner);
			}
		}
		return [...found];
	}
}
