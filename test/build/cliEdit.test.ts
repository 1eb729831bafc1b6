/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The CLI's edit commands (set, unset, rename, delete, add), run from the bundle as a user runs them, in a
// sandbox HOME. Each success checks the bytes of both files (what it meant to change, and nothing else), the
// backup and the mode; each refusal checks exit 2, one clear line, and that no file was written or created.
// The real AWS CLI (`aws configure get`) reads some results back. Every run's output is searched for every
// secret the test used, and any 8 characters of one.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../harness/codeServer';

const cli = path.join(projectRoot, 'dist', 'cli.js');
const awsCli = '/usr/bin/aws';

const secret = 'q7Vb2Xk9Lm4Np8Rs1Tw5Yz3Cd6Fg0Hj2Kl7Mn9P';
const oldSecret = 'Zx4Cv8Bn1Mq5Wr9Ty3Ui7Op2As6Df0Gh4Jk8Lz1X';
const token = 'IQoJb3JpZ2luX2VjEXAMPLEcliEditTokenw9Rt4Yu8Io2Pa6Sd0Fg';
const keyId = 'AKIACLIEDITKEY000042';
const password = 'hunter2CliEditPassw0rd';
const secrets = [secret, oldSecret, token, password];

interface Run {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** What the test's files look like: every file of the sandbox's .aws folder, its bytes and mode. */
type FolderState = Record<string, { readonly text: string; readonly mode: number }>;

describe('The aws-profiles edit commands', function () {
	this.timeout(60_000);
	let home: string;
	let aws: string;
	let config: string;
	let credentials: string;

	beforeEach(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-cliedit-'));
		aws = path.join(home, '.aws');
		config = path.join(aws, 'config');
		credentials = path.join(aws, 'credentials');
	});
	afterEach(() => rmSync(home, { recursive: true, force: true }));

	/** How the CLI names a file under HOME: `~/.aws/config`. */
	const tilde = (file: string) => `~${file.slice(home.length)}`;

	/** Runs the bundle with no AWS_* of the caller's, checking that its output holds no secret or part of one. */
	function run(args: string[], input = '', env: NodeJS.ProcessEnv = {}): Run {
		const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
		const result = spawnSync(process.execPath, [cli, ...args], { env: { ...clean, HOME: home, ...env }, input, encoding: 'utf8' });
		assertNoSecret(result.stdout + result.stderr, args.join(' '));
		return { status: result.status, stdout: result.stdout, stderr: result.stderr };
	}

	/** The AWS CLI's reading of a key, the oracle for what was written. */
	function awsGet(key: string, profile: string): string {
		const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
		const result = spawnSync(awsCli, ['configure', 'get', key, '--profile', profile], { env: { ...clean, HOME: home }, encoding: 'utf8' });
		return result.stdout.replace(/\n$/, '');
	}

	function write(file: string, text: string): void {
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text, { mode: 0o600 });
	}

	function folderState(): FolderState {
		if (!existsSync(aws)) {
			return {};
		}
		return Object.fromEntries(readdirSync(aws).map((name) => {
			const file = path.join(aws, name);
			const stats = statSync(file);
			return [name, { text: stats.isFile() ? readFileSync(file, 'latin1') : '(folder)', mode: stats.mode & 0o777 }];
		}));
	}

	/** Exit 2, one line on standard error naming the command, nothing on standard output, and no file touched. */
	function assertRefused(args: string[], input: string, reason: RegExp, env: NodeJS.ProcessEnv = {}): void {
		const before = folderState();
		const result = run(args, input, env);
		const label = `${args.join(' ')} <<< ${JSON.stringify(input.slice(0, 20))}`;
		assert.equal(result.status, 2, `${label}: ${result.stderr}`);
		assert.equal(result.stdout, '', label);
		assert.match(result.stderr, new RegExp(`^aws-profiles ${args[0]}: [^\\n]+\\n$`), label);
		assert.match(result.stderr, reason, label);
		assert.deepEqual(folderState(), before, `${label}: a file was written`);
	}

	function assertBackup(file: string, previous: string): void {
		assert.equal(readFileSync(`${file}.bak`, 'utf8'), previous);
		assert.equal(statSync(`${file}.bak`).mode & 0o777, 0o600);
	}

	const baseConfig = [
		'# team settings',
		'[default]',
		'region = us-east-1',
		'',
		'[profile dev]',
		'# the dev account',
		'region = eu-west-1',
		'output = json',
		'',
		'[profile admin]',
		'role_arn = arn:aws:iam::123456789012:role/Admin',
		'source_profile = dev',
		'',
		'[profile audit]',
		'; comment kept',
		'source_profile = dev',
		'role_arn = arn:aws:iam::123456789012:role/Audit',
		'',
	].join('\n');
	const baseCredentials = [
		'# keys, rotated monthly',
		'[dev]',
		`aws_access_key_id = ${keyId}`,
		`aws_secret_access_key = ${oldSecret}`,
		'',
		'[other]',
		'aws_access_key_id = AKIAOTHEROTHER000001',
		'',
	].join('\n');

	function writeBase(): void {
		write(config, baseConfig);
		write(credentials, baseCredentials);
		chmodSync(config, 0o644);
	}

	describe('set', () => {
		it('changes only the value, in the file that has it, with a backup and the mode kept', () => {
			writeBase();
			const result = run(['set', 'region', 'eu-west-2', '--profile', 'dev']);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(result.stdout, `Set region of profile 'dev' in ${tilde(config)} (backup: ${tilde(config)}.bak).\n`);
			assert.equal(readFileSync(config, 'utf8'), baseConfig.replace('region = eu-west-1', 'region = eu-west-2'));
			assert.equal(statSync(config).mode & 0o777, 0o644);
			assertBackup(config, baseConfig);
			assert.equal(readFileSync(credentials, 'utf8'), baseCredentials);
			assert.ok(!existsSync(`${credentials}.bak`));
			assert.equal(awsGet('region', 'dev'), 'eu-west-2');
		});

		it('reads VALUE - from standard input, its trailing line break removed, and writes a secret to the credentials file', () => {
			writeBase();
			const result = run(['set', 'aws_secret_access_key', '-', '--profile', 'dev'], `${secret}\n`);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(result.stdout, `Set aws_secret_access_key of profile 'dev' in ${tilde(credentials)} (backup: ${tilde(credentials)}.bak).\n`);
			assert.equal(readFileSync(credentials, 'utf8'), baseCredentials.replace(oldSecret, secret));
			assertBackup(credentials, baseCredentials);
			assert.equal(readFileSync(config, 'utf8'), baseConfig);
			assert.equal(awsGet('aws_secret_access_key', 'dev'), secret);

			assert.equal(run(['set', 'aws_session_token', '-', '--profile', 'dev'], `${token}\r\n`).status, 0);
			assert.equal(readFileSync(credentials, 'utf8'), `${baseCredentials.replace(oldSecret, secret).replace(/\n\n\[other\]/, `\naws_session_token = ${token}\n\n[other]`)}`);
		});

		it('creates a profile that does not exist, as aws configure set does, in new files readable by the user only', () => {
			let result = run(['set', 'region', 'ap-south-1', '--profile', 'fresh']);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(result.stdout, `Set region of the new profile 'fresh' in ${tilde(config)} (a new file, readable by you only).\n`);
			assert.equal(readFileSync(config, 'utf8'), '[profile fresh]\nregion = ap-south-1\n');
			assert.equal(statSync(config).mode & 0o777, 0o600);
			assert.equal(statSync(aws).mode & 0o777, 0o700);
			assert.ok(!existsSync(credentials));

			result = run(['set', 'aws_secret_access_key', '-', '--profile', 'fresh'], secret);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(readFileSync(credentials, 'utf8'), `[fresh]\naws_secret_access_key = ${secret}\n`);
			assert.equal(statSync(credentials).mode & 0o777, 0o600);
			assert.equal(awsGet('aws_secret_access_key', 'fresh'), secret);
		});

		it('uses AWS_PROFILE when no --profile is given, else default', () => {
			writeBase();
			assert.equal(run(['set', 'output', 'text'], '', { AWS_PROFILE: 'admin' }).status, 0);
			assert.equal(run(['set', 'output', 'yaml']).status, 0);
			assert.equal(readFileSync(config, 'utf8'), baseConfig
				.replace('region = us-east-1\n', 'region = us-east-1\noutput = yaml\n')
				.replace('source_profile = dev\n\n', 'source_profile = dev\noutput = text\n\n'));
		});

		it('says so and writes nothing when the key already has that value', () => {
			writeBase();
			const result = run(['set', 'region', 'eu-west-1', '--profile', 'dev']);
			assert.equal(result.status, 0);
			assert.equal(result.stdout, `region of profile 'dev' already has that value in ${tilde(config)}; nothing was written.\n`);
			assert.ok(!existsSync(`${config}.bak`));
		});

		it('asks for VALUE - on a terminal without showing what is typed', function () {
			writeBase();
			const result = onTerminal(['set', 'aws_secret_access_key', '-', '--profile', 'dev'], secret, home);
			assert.equal(result.status, 0, result.output);
			assert.match(result.output, /Value of aws_secret_access_key \(not shown\): /);
			assertNoSecret(result.output, 'set on a terminal');
			assert.equal(readFileSync(credentials, 'utf8'), baseCredentials.replace(oldSecret, secret));
		});

		it('refuses, exit 2, writing nothing: bad arguments, keys and values, and files it cannot edit safely', () => {
			writeBase();
			assertRefused(['set', 'region'], '', /takes KEY VALUE/);
			assertRefused(['set', 'region', 'a', 'b'], '', /takes KEY VALUE/);
			assertRefused(['set', 'region', 'x', '--bogus'], '', /Unknown option '--bogus'/);
			assertRefused(['set', 'bad key', 'x', '--profile', 'dev'], '', /A property key may only use/);
			assertRefused(['set', 's3.max_concurrent_requests', '10', '--profile', 'dev'], '', /sub-property/);
			assertRefused(['set', 'region', 'x', '--profile', 'bad[name'], '', /brackets/);
			assertRefused(['set', 'region', 'us-east-1 # main', '--profile', 'dev'], '', /# or ;/);
			assertRefused(['set', 'aws_secret_access_key', '-', '--profile', 'dev'], `${secret}\nsecond line\n`, /line break/);
			assertRefused(['set', 'aws_secret_access_key', '-', '--profile', 'dev'], ` ${secret}`, /whitespace/);
			assertRefused(['set', 'aws_secret_access_key', '-', '--profile', 'dev'], `${password} #x`, /# or ;/);
			assertRefused(['set', 'aws_secret_access_key', '-', '--profile', 'dev'], 'x'.repeat(1024 * 1024 + 1), /larger than 1 MB/);
			writeFileSync(config, Buffer.from([0x5b, 0x64, 0x65, 0x66, 0x61, 0x75, 0x6c, 0x74, 0x5d, 0x0a, 0xff, 0x0a]));
			assertRefused(['set', 'region', 'x', '--profile', 'dev'], '', /is not UTF-8 text/);
			rmSync(config);
			mkdirSync(config);
			assertRefused(['set', 'region', 'x', '--profile', 'dev'], '', /it is a folder/);
		});

		it('refuses, exit 2, a path it cannot write, as the safe write does', () => {
			writeBase();
			const notFolder = path.join(home, 'plain-file');
			writeFileSync(notFolder, 'not a folder');
			assertRefused(['set', 'region', 'b', '--profile', 'x'], '', /a part of the path is not a folder/, { AWS_CONFIG_FILE: path.join(notFolder, 'config') });
			assert.equal(readFileSync(notFolder, 'utf8'), 'not a folder');
		});

		it('explains itself with --help', () => {
			const result = run(['set', '--help']);
			assert.equal(result.status, 0);
			assert.match(result.stdout, /^Usage: aws-profiles set KEY VALUE \[--profile NAME\]/);
			assert.match(result.stdout, /VALUE - reads the value from standard input/);
			assert.match(result.stdout, /A profile that does not exist is created/);
		});
	});

	describe('unset', () => {
		it('removes the key from the file that sets it, with a backup', () => {
			writeBase();
			const result = run(['unset', 'aws_secret_access_key', '--profile', 'dev']);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(result.stdout, `Removed aws_secret_access_key from profile 'dev' in ${tilde(credentials)} (backup: ${tilde(credentials)}.bak).\n`);
			assert.equal(readFileSync(credentials, 'utf8'), baseCredentials.replace(`aws_secret_access_key = ${oldSecret}\n`, ''));
			assertBackup(credentials, baseCredentials);
			assert.equal(readFileSync(config, 'utf8'), baseConfig);
			assert.equal(awsGet('aws_secret_access_key', 'dev'), '');
		});

		it('uses AWS_PROFILE when no --profile is given', () => {
			writeBase();
			assert.equal(run(['unset', 'output'], '', { AWS_PROFILE: 'dev' }).status, 0);
			assert.equal(readFileSync(config, 'utf8'), baseConfig.replace('output = json\n', ''));
		});

		it('refuses, exit 2, writing nothing', () => {
			writeBase();
			assertRefused(['unset', 'output', '--profile', 'admin'], '', /does not set/);
			assertRefused(['unset', 'region', '--profile', 'nobody'], '', /does not set/);
			assertRefused(['unset'], '', /takes one KEY/);
			assertRefused(['unset', 'bad key', '--profile', 'dev'], '', /A property key may only use/);
			const help = run(['unset', '--help']);
			assert.equal(help.status, 0);
			assert.match(help.stdout, /^Usage: aws-profiles unset KEY \[--profile NAME\]/);
		});
	});

	describe('rename', () => {
		it('renames the profile in both files and the source_profile settings that name it', () => {
			writeBase();
			const result = run(['rename', 'dev', 'development']);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(result.stdout, [
				`Renamed profile 'dev' to 'development' in ${tilde(config)} (backup: ${tilde(config)}.bak).`,
				`Renamed profile 'dev' to 'development' in ${tilde(credentials)} (backup: ${tilde(credentials)}.bak).`,
				'The source_profile of \'admin\', \'audit\' now names \'development\'.',
				'',
			].join('\n'));
			assert.equal(readFileSync(config, 'utf8'), baseConfig
				.replace('[profile dev]', '[profile development]')
				.replaceAll('source_profile = dev\n', 'source_profile = development\n'));
			assert.equal(readFileSync(credentials, 'utf8'), baseCredentials.replace('[dev]', '[development]'));
			assertBackup(config, baseConfig);
			assertBackup(credentials, baseCredentials);
			assert.equal(awsGet('source_profile', 'admin'), 'development');
		});

		it('refuses, exit 2, writing nothing', () => {
			writeBase();
			assertRefused(['rename', 'dev', 'other'], '', /A profile named 'other' already exists/);
			assertRefused(['rename', 'nobody', 'somebody'], '', /There is no profile named 'nobody'/);
			assertRefused(['rename', 'default', 'main'], '', /default profile cannot be renamed/);
			assertRefused(['rename', 'dev', 'bad name'], '', /A profile name may only use/);
			assertRefused(['rename', 'dev'], '', /takes OLD NEW/);
			const help = run(['rename', '--help']);
			assert.equal(help.status, 0);
			assert.match(help.stdout, /^Usage: aws-profiles rename OLD NEW/);
		});
	});

	describe('delete', () => {
		it('refuses without a terminal and without --yes, naming the profile, and writes nothing', () => {
			writeBase();
			assertRefused(['delete', 'dev'], '', /not deleting profile 'dev': there is no terminal to confirm in; add --yes/);
			assertRefused(['delete', 'dev'], 'yes\n', /add --yes/);
		});

		it('deletes the profile from both files with --yes, with backups', () => {
			writeBase();
			const result = run(['delete', 'dev', '--yes']);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(result.stdout, [
				`Deleted profile 'dev' from ${tilde(config)} (backup: ${tilde(config)}.bak).`,
				`Deleted profile 'dev' from ${tilde(credentials)} (backup: ${tilde(credentials)}.bak).`,
				'',
			].join('\n'));
			assert.equal(readFileSync(config, 'utf8'), baseConfig.replace('[profile dev]\n# the dev account\nregion = eu-west-1\noutput = json\n\n', ''));
			assert.equal(readFileSync(credentials, 'utf8'), baseCredentials.replace(`[dev]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${oldSecret}\n\n`, ''));
			assertBackup(config, baseConfig);
			assertBackup(credentials, baseCredentials);
		});

		it('asks on a terminal, naming the profile and its files, and deletes only on yes', () => {
			writeBase();
			const before = folderState();
			const declined = onTerminal(['delete', 'dev'], 'n', home);
			assert.equal(declined.status, 2);
			assert.match(declined.output, new RegExp(`Delete the AWS profile 'dev' from ${tilde(config)} and ${tilde(credentials)}\\? .*\\[y/N\\]`));
			assert.match(declined.output, /not confirmed; profile 'dev' was not deleted/);
			assert.deepEqual(folderState(), before);
			const confirmed = onTerminal(['delete', 'dev'], 'y', home);
			assert.equal(confirmed.status, 0, confirmed.output);
			assert.equal(readFileSync(config, 'utf8'), baseConfig.replace('[profile dev]\n# the dev account\nregion = eu-west-1\noutput = json\n\n', ''));
			assert.ok(!readFileSync(credentials, 'utf8').includes('[dev]'));
		});

		it('refuses, exit 2, writing nothing', () => {
			writeBase();
			assertRefused(['delete', 'nobody'], '', /There is no profile named 'nobody'/);
			assertRefused(['delete', 'nobody', '--yes'], '', /There is no profile named 'nobody'/);
			assertRefused(['delete'], '', /takes one NAME/);
			const help = run(['delete', '--help']);
			assert.equal(help.status, 0);
			assert.match(help.stdout, /^Usage: aws-profiles delete NAME \[--yes\]/);
		});
	});

	describe('add', () => {
		const lines = [
			'# the CI user',
			`aws_access_key_id = ${keyId}`,
			'',
			`aws_secret_access_key=${secret}`,
			'; a comment',
			'region = eu-central-1',
			'   ',
			'output = json',
		];

		it('adds a profile from key = value lines, secrets to the credentials file and the rest to the config file', () => {
			writeBase();
			const result = run(['add', 'ci'], lines.join('\r\n') + '\r\n');
			assert.equal(result.status, 0, result.stderr);
			assert.equal(result.stdout, [
				`Added profile 'ci' (region, output) to ${tilde(config)} (backup: ${tilde(config)}.bak).`,
				`Added profile 'ci' (aws_access_key_id, aws_secret_access_key) to ${tilde(credentials)} (backup: ${tilde(credentials)}.bak).`,
				'',
			].join('\n'));
			assert.equal(readFileSync(config, 'utf8'), `${baseConfig}\n[profile ci]\nregion = eu-central-1\noutput = json\n`);
			assert.equal(readFileSync(credentials, 'utf8'), `${baseCredentials}\n[ci]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`);
			assertBackup(config, baseConfig);
			assertBackup(credentials, baseCredentials);
			assert.equal(awsGet('aws_secret_access_key', 'ci'), secret);
		});

		it('creates missing files readable by the user only', () => {
			const result = run(['add', 'default'], `aws_session_token = ${token}\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_source = Environment\n`);
			assert.equal(result.status, 0, result.stderr);
			assert.equal(readFileSync(config, 'utf8'), '[default]\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_source = Environment\n');
			assert.equal(readFileSync(credentials, 'utf8'), `[default]\naws_session_token = ${token}\n`);
			assert.equal(statSync(config).mode & 0o777, 0o600);
			assert.equal(statSync(credentials).mode & 0o777, 0o600);
		});

		it('refuses malformed lines with their line number, never quoting a value, and writes nothing', () => {
			writeBase();
			assertRefused(['add', 'ci'], `region = x\n${secret}\n`, /^aws-profiles add: line 2 of standard input: is not key = value; nothing was written\n$/);
			assertRefused(['add', 'ci'], `region = x\n  aws_secret_access_key = ${secret}\n`, /line 2 .*starts with whitespace/);
			assertRefused(['add', 'ci'], '[profile ci]\nregion = x\n', /line 1 .*section header/);
			assertRefused(['add', 'ci'], `aws_secret_access_key = ${secret}\n# x\nAWS_Secret_Access_Key = ${oldSecret}\n`, /line 3 .*sets the key of line 1 again/);
			assertRefused(['add', 'ci'], 'bad key = x\n', /line 1 .*a property key may only use/);
			assertRefused(['add', 'ci'], `aws_secret_access_key = ${password} #x\n`, /line 1 .*# or ;/);
			assertRefused(['add', 'ci'], `aws_secret_access_key = ${secret}\u0007\n`, /line 1 .*control character/);
			assertRefused(['add', 'ci'], `region = x\rcredential_process = ${password}\n`, /line 1 .*line break/);
			assertRefused(['add', 'ci'], 's3.max_concurrent_requests = 10\n', /line 1 .*sub-property/);
			assertRefused(['add', 'ci'], '# nothing\n\n', /no key = value line/);
			assertRefused(['add', 'ci'], '', /no key = value line/);
		});

		it('never prints a key or name shaped like a secret, pasted where a key or name belongs', () => {
			writeBase();
			// A secret pasted as a key is refused (keys are lower case), and the refusal does not quote it.
			assertRefused(['add', 'ci'], `${secret} = x\nregion = eu-west-1\n`, /lower case/);
			const set = run(['set', 'x', 'y', '--profile', keyId]);
			assert.equal(set.stdout, `Set x of the new profile '(a name shaped like a secret, not shown)' in ${tilde(config)} (backup: ${tilde(config)}.bak).\n`);
			assert.ok(!set.stdout.includes(keyId.slice(4)));
			const named = run(['add', token.slice(0, 30)], 'region = eu-west-1\n');
			assert.equal(named.stdout, `Added profile '(a name shaped like a secret, not shown)' (region) to ${tilde(config)} (backup: ${tilde(config)}.bak).\n`);
			assertRefused(['delete', token.slice(0, 30)], '', /not deleting profile '\(a name shaped like a secret, not shown\)'/);
		});

		it('refuses what the planner refuses: a name taken, a missing source profile, a bad name', () => {
			writeBase();
			assertRefused(['add', 'dev'], `aws_secret_access_key = ${secret}\n`, /A profile named 'dev' already exists/);
			assertRefused(['add', 'other'], 'region = x\n', /A profile named 'other' already exists/);
			assertRefused(['add', 'ci'], 'role_arn = arn:aws:iam::123456789012:role/R\nsource_profile = nobody\n', /source profile 'nobody' does not exist/);
			assertRefused(['add', 'bad name'], 'region = x\n', /A profile name may only use/);
			assertRefused(['add'], 'region = x\n', /takes one NAME/);
			const help = run(['add', '--help']);
			assert.equal(help.status, 0);
			assert.match(help.stdout, /^Usage: aws-profiles add NAME < FILE/);
		});
	});
});

/** No secret of the test, nor any 8 characters in a row of one, in `text`. */
function assertNoSecret(text: string, label: string): void {
	for (const value of secrets) {
		for (let start = 0; start + 8 <= value.length; start++) {
			const fragment = value.slice(start, start + 8);
			assert.ok(!text.includes(fragment), `${label}: the output contains part of a secret (${fragment.slice(0, 2)}...)`);
		}
	}
}

/**
 * Runs the bundle on a pseudo-terminal (Python's pty module: Node has none), types `answer` and Enter at its
 * first prompt, and answers everything the terminal showed.
 */
function onTerminal(args: string[], answer: string, home: string): { status: number | null; output: string } {
	const script = [
		'import os, pty, sys',
		'pid, fd = pty.fork()',
		'if pid == 0:',
		'    os.execv(sys.argv[2], sys.argv[2:])',
		'out, sent = b"", False',
		'while True:',
		'    try:',
		'        data = os.read(fd, 4096)',
		'    except OSError:',
		'        break',
		'    if not data:',
		'        break',
		'    out += data',
		'    if not sent and (b"[y/N]" in out or b"(not shown)" in out):',
		'        os.write(fd, sys.argv[1].encode() + b"\\r")',
		'        sent = True',
		'_, status = os.waitpid(pid, 0)',
		'sys.stdout.write(out.decode("utf8", "replace"))',
		'sys.exit(os.waitstatus_to_exitcode(status))',
	].join('\n');
	const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
	const result = spawnSync('/usr/bin/python3', ['-c', script, answer, process.execPath, cli, ...args], { env: { ...clean, HOME: home }, encoding: 'utf8', timeout: 20_000 });
	return { status: result.status, output: result.stdout };
}
