/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A credentials + config pair with many profiles of mixed kinds, for the benchmark. Fake keys only.

import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface GeneratedPair {
	readonly config: string;
	readonly credentials: string;
}

const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];

function fakeKeyId(i: number, prefix: 'AKIA' | 'ASIA'): string {
	return prefix + i.toString(36).toUpperCase().padStart(16, '0');
}

function fakeSecret(i: number): string {
	return ('fakeSecret' + i.toString(36)).padEnd(40, 'x');
}

/** `count` profiles: static keys, temporary keys, roles chained to them, SSO, credential_process, config-only. */
export function generateProfiles(count: number): GeneratedPair {
	const config: string[] = ['# generated config\n'];
	const credentials: string[] = ['# generated credentials\n'];
	config.push('[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n\n');
	for (let i = 0; i < count; i++) {
		const name = `client-${i}-${['dev', 'prod', 's3'][i % 3]}`;
		const region = regions[i % regions.length];
		switch (i % 6) {
			case 0:
				credentials.push(`[${name}]\naws_access_key_id = ${fakeKeyId(i, 'AKIA')}\naws_secret_access_key = ${fakeSecret(i)}\n\n`);
				config.push(`[profile ${name}]\nregion = ${region}\noutput = json\n\n`);
				break;
			case 1:
				credentials.push(`[${name}]\naws_access_key_id = ${fakeKeyId(i, 'ASIA')}\naws_secret_access_key = ${fakeSecret(i)}\naws_session_token = FwoGZXIvYXdzEXAMPLE${i}\naws_expiration = 2026-01-01T00:00:00Z\n\n`);
				break;
			case 2:
				config.push(`[profile ${name}]\nrole_arn = arn:aws:iam::${String(100000000000 + i)}:role/Deploy\nsource_profile = client-${i - 2}-${['dev', 'prod', 's3'][(i - 2) % 3]}\nregion = ${region}\n; a comment\n\n`);
				break;
			case 3:
				config.push(`[profile ${name}]\nsso_session = corp\nsso_account_id = ${String(100000000000 + i)}\nsso_role_name = ReadOnly\nregion = ${region}\n\n`);
				break;
			case 4:
				config.push(`[profile ${name}]\ncredential_process = /usr/local/bin/get-creds --profile ${name}\nregion = ${region}\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\n\n`);
				break;
			default:
				config.push(`[profile ${name}]\nregion = ${region} # inline comment\n\n`);
		}
	}
	return { config: config.join(''), credentials: credentials.join('') };
}

/** A generated pair, written into a folder. */
export interface GeneratedFiles {
	readonly configFile: string;
	readonly credentialsFile: string;
	readonly bytes: number;
}

/** Writes `generateProfiles(count)` into `folder`, as `config-<count>` and `credentials-<count>`. */
export function writeGeneratedFiles(folder: string, count: number): GeneratedFiles {
	const pair = generateProfiles(count);
	const configFile = path.join(folder, `config-${count}`);
	const credentialsFile = path.join(folder, `credentials-${count}`);
	writeFileSync(configFile, pair.config);
	writeFileSync(credentialsFile, pair.credentials);
	return { configFile, credentialsFile, bytes: Buffer.byteLength(pair.config) + Buffer.byteLength(pair.credentials) };
}
