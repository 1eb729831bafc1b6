/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The AWS CLI's own reading of two files, from one long-lived Python process: Debian's awscli package, the
// module `awscli.botocore.session`, whose `Session().full_config` is what every `aws` command loads (the config
// file through configloader.load_config, then the credentials file merged in, key by key). Starting the CLI costs
// about 0.6 s; a reading through this process costs a few milliseconds, so thousands of edits can be read back.
//
// Requests are JSON lines on stdin ({config, credentials}: a text, or null for no file), answered in order on
// stdout. The texts are written byte for byte (no newline translation) into a private temporary folder, which is
// HOME, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE: the real ~/.aws is never read. PYTHONUTF8 makes
// configparser read UTF-8 whatever the machine's locale, as on a desktop.

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

export const pythonBinary = '/usr/bin/python3';
export const awsBinary = process.env.AWS_CLI_PATH ?? '/usr/bin/aws';

/** What the CLI sees: its profiles (sub-properties as maps) and sso-sessions, or that it refuses the files. */
export type CliReading =
	| { readonly ok: true; readonly profiles: Record<string, Record<string, string | Record<string, string>>>; readonly ssoSessions: Record<string, Record<string, string>> }
	| { readonly ok: false; readonly error: string };

const script = String.raw`
import json, os, sys
folder = sys.argv[1]
paths = {'config': os.path.join(folder, 'config'), 'credentials': os.path.join(folder, 'credentials')}
from awscli.botocore.session import Session
for line in sys.stdin:
    request = json.loads(line)
    for role, file in paths.items():
        text = request.get(role)
        if text is None:
            if os.path.exists(file):
                os.remove(file)
        else:
            with open(file, 'w', encoding='utf-8', newline='') as out:
                out.write(text)
    try:
        config = Session().full_config
        answer = {'ok': True, 'profiles': config.get('profiles', {}), 'ssoSessions': config.get('sso_sessions', {})}
    except Exception as error:
        answer = {'ok': False, 'error': type(error).__name__}
    sys.stdout.write(json.dumps(answer) + '\n')
    sys.stdout.flush()
`;

/** Whether the CLI and its Python modules are here (checked once, with one short Python run). */
export function awsCliAvailable(): boolean {
	if (!existsSync(awsBinary) || !existsSync(pythonBinary)) {
		return false;
	}
	return spawnSync(pythonBinary, ['-c', 'import awscli.botocore.session'], { stdio: 'ignore', timeout: 30000 }).status === 0;
}

export class AwsCliInProcess {
	private readonly child: ChildProcess;
	private readonly folder: string;
	private readonly waiting: ((answer: CliReading) => void)[] = [];
	private failure: Error | undefined;

	constructor() {
		this.folder = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-cli-'));
		const env: NodeJS.ProcessEnv = {
			PATH: process.env.PATH, PYTHONUTF8: '1', LANG: 'C.UTF-8', HOME: this.folder,
			AWS_CONFIG_FILE: path.join(this.folder, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(this.folder, 'credentials'),
		};
		this.child = spawn(pythonBinary, ['-c', script, this.folder], { env, stdio: ['pipe', 'pipe', 'pipe'] });
		let stderr = '';
		this.child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
		this.child.on('exit', (code) => {
			this.failure = new Error(`the Python reader stopped (${code}): ${stderr.slice(0, 2000)}`);
		});
		createInterface({ input: this.child.stdout! }).on('line', (line) => {
			this.waiting.shift()?.(JSON.parse(line) as CliReading);
		});
	}

	read(texts: { config?: string; credentials?: string }): Promise<CliReading> {
		if (this.failure) {
			return Promise.reject(this.failure);
		}
		return new Promise((resolve) => {
			this.waiting.push(resolve);
			this.child.stdin!.write(JSON.stringify({ config: texts.config ?? null, credentials: texts.credentials ?? null }) + '\n');
		});
	}

	close(): void {
		this.child.stdin!.end();
		this.child.kill();
		rmSync(this.folder, { recursive: true, force: true });
	}
}
