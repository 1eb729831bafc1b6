/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/ui/extension';
import { InputStepOptions, PickStepOptions, Prompts, windowPrompts } from '../../src/ui/prompts';
import { activateExtension, scripted, ScriptedAnswers, StepAnswer, testingApi, typeInWorkbench, waitForWorkbenchText } from './helpers';

const back = Symbol.for('awsProfiles.back') as StepAnswer;
const secret = 'fixtureNewSecret000000000000000000000001';

describe('Add AWS Profile', () => {
	let api: TestingApi;
	let original: { config: string; credentials: string };

	before(async () => {
		api = await testingApi();
	});

	beforeEach(async () => {
		original = { config: readFileSync(api.files.configFile, 'utf8'), credentials: readFileSync(api.files.credentialsFile, 'utf8') };
		await api.store.reload();
	});

	afterEach(async () => {
		api.setPrompts(undefined);
		writeFileSync(api.files.configFile, original.config);
		writeFileSync(api.files.credentialsFile, original.credentials);
		await api.store.reload();
	});

	async function add(answers: ScriptedAnswers): Promise<void> {
		api.setPrompts(scripted(answers));
		await vscode.commands.executeCommand('awsProfiles.addProfile');
		assert.deepEqual(answers.steps, [], 'every scripted step was asked');
	}

	it('adds access keys: the secret to the credentials file, the rest to the config file, byte for byte', async () => {
		const notified: string[] = [];
		await add({
			steps: ['static', 'fixture-new', 'AKIAFIXTURENEW000001', secret, 'eu-central-1', 'json'],
			notify: (message, actions) => (notified.push(message, ...actions), 'Switch to it'),
		});
		assert.equal(readFileSync(api.files.credentialsFile, 'utf8'),
			`${original.credentials}\n[fixture-new]\naws_access_key_id = AKIAFIXTURENEW000001\naws_secret_access_key = ${secret}\n`);
		assert.equal(readFileSync(api.files.configFile, 'utf8'), `${original.config}\n[profile fixture-new]\nregion = eu-central-1\noutput = json\n`);
		assert.equal(statSync(api.files.credentialsFile).mode & 0o777, 0o600, 'the file keeps its mode');
		assert.equal(readFileSync(`${api.files.credentialsFile}.bak`, 'utf8'), original.credentials);
		assert.deepEqual(notified, ['Added the AWS profile \'fixture-new\'.', 'Verify now', 'Switch to it']);
		assert.equal((await activateExtension()).getActiveProfile(), 'fixture-new');
	});

	it('validates as the user types: taken or invalid names, the documentation\'s keys, secrets, session tokens', async () => {
		const asked: ScriptedAnswers['asked'] = [];
		await add({ steps: ['static', 'fixture-checks', 'ASIAFIXTURECHECK0001', secret, 'token', '', ''], asked });
		const [, name, keyId, secretStep, token] = asked as InputStepOptions[];
		assert.equal(name.validate?.('fixture-dev').level, 'error');
		assert.equal(name.validate?.('a]b').level, 'error');
		assert.equal(name.validate?.('two words').level, 'error');
		// configparser (the AWS CLI, boto3) would lend a [DEFAULT] section's keys to every other profile.
		const defaultName = name.validate?.('DEFAULT');
		assert.ok(defaultName?.level === 'error' && /DEFAULT/.test(defaultName.message));
		assert.equal(keyId.validate?.('AKIAIOSFODNN7EXAMPLE').level, 'error');
		assert.equal(keyId.validate?.('AIDAFIXTURE000000001').level, 'error');
		assert.equal(secretStep.validate?.('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY').level, 'error');
		assert.equal(secretStep.validate?.('short').level, 'warning', 'an odd secret warns but does not block');
		assert.equal(token.validate?.('').level, 'error', 'ASIA keys need their session token');
		assert.match(readFileSync(api.files.credentialsFile, 'utf8'), /\[fixture-checks\]\naws_access_key_id = ASIAFIXTURECHECK0001\naws_secret_access_key = \S+\naws_session_token = token\n$/);
	});

	it('goes back a step with Back, and writes nothing when the user escapes', async () => {
		await add({ steps: ['static', 'fixture-first', back, 'fixture-second', 'AKIAFIXTURESECOND001', secret, '', ''] });
		const credentials = readFileSync(api.files.credentialsFile, 'utf8');
		assert.match(credentials, /\[fixture-second\]/);
		assert.doesNotMatch(credentials, /fixture-first/);

		const written = { config: readFileSync(api.files.configFile, 'utf8'), credentials };
		await add({ steps: ['static', 'fixture-escaped', 'AKIAFIXTUREESCAPED01', undefined] });
		assert.equal(readFileSync(api.files.credentialsFile, 'utf8'), written.credentials);
		assert.equal(readFileSync(api.files.configFile, 'utf8'), written.config);
	});

	it('adds a role with a source profile and an MFA device, to the config file only', async () => {
		await add({ steps: ['assume-role', 'fixture-role', 'arn:aws:iam::111122223333:role/Deploy', 'fixture-dev', 'arn:aws:iam::111122223333:mfa/me', '', '', '3600', 'us-west-2'] });
		assert.equal(readFileSync(api.files.configFile, 'utf8'), `${original.config}\n[profile fixture-role]\nrole_arn = arn:aws:iam::111122223333:role/Deploy\nsource_profile = fixture-dev\nmfa_serial = arn:aws:iam::111122223333:mfa/me\nduration_seconds = 3600\nregion = us-west-2\n`);
		assert.equal(readFileSync(api.files.credentialsFile, 'utf8'), original.credentials);
	});

	it('adds an SSO profile with a new sso-session', async () => {
		await add({ steps: ['sso', 'fixture-sso2', '$new', 'fixture-portal', 'https://portal.awsapps.com/start', 'eu-north-1', 'sso:account:access', '111122223333', 'ReadOnly', ''] });
		assert.equal(readFileSync(api.files.configFile, 'utf8'), `${original.config}\n[sso-session fixture-portal]\nsso_start_url = https://portal.awsapps.com/start\nsso_region = eu-north-1\nsso_registration_scopes = sso:account:access\n\n[profile fixture-sso2]\nsso_session = fixture-portal\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n`);
	});

	it('adds a credential_process profile, with the name the caller proposes filled in', async () => {
		const asked: ScriptedAnswers['asked'] = [];
		api.setPrompts(scripted({ steps: ['credential-process', 'fixture-from-quick-fix', 'aws-vault export --format=json fixture', ''], asked }));
		await vscode.commands.executeCommand('awsProfiles.addProfile', 'fixture-from-quick-fix');
		assert.equal((asked[1] as InputStepOptions).value, 'fixture-from-quick-fix');
		assert.equal(readFileSync(api.files.configFile, 'utf8'), `${original.config}\n[profile fixture-from-quick-fix]\ncredential_process = aws-vault export --format=json fixture\n`);
	});

	type Asked = NonNullable<ScriptedAnswers['asked']>;
	type Pick = PickStepOptions<vscode.QuickPickItem & { value?: string }>;
	const inputNamed = (asked: Asked, prompt: RegExp) => asked.find((o): o is InputStepOptions => 'prompt' in o && prompt.test(o.prompt))!;
	const pickNamed = (asked: Asked, placeholder: RegExp) => asked.find((o) => !('prompt' in o) && placeholder.test(o.placeholder ?? '')) as Pick;

	it('numbers the steps against a total known from the kind, the same whichever way the answers go', async () => {
		const runs: Record<string, ScriptedAnswers['steps']> = {
			'static AKIA': ['static', 'fixture-count1', 'AKIAFIXTURECOUNT0001', secret, '', ''],
			'static ASIA': ['static', 'fixture-count2', 'ASIAFIXTURECOUNT0002', secret, 'token', '', ''],
			'sso existing': ['sso', 'fixture-count3', 'fixture-corp', '111122223333', 'ReadOnly', ''],
			'sso new': ['sso', 'fixture-count4', '$new', 'fixture-count-portal', 'https://portal.awsapps.com/start', 'eu-north-1', 'sso:account:access', '111122223333', 'ReadOnly', ''],
		};
		const totals: Record<string, number[]> = {};
		for (const [run, steps] of Object.entries(runs)) {
			const asked: Asked = [];
			await add({ steps, asked });
			assert.equal(asked[0].step, 1);
			assert.equal(asked[0].totalSteps, undefined, `${run}: the first step does not claim to be the only one`);
			const later = asked.slice(1);
			assert.ok(later.every((o, i) => i === 0 ? o.step === 2 : o.step > later[i - 1].step), `${run}: steps go up: ${later.map((o) => o.step)}`);
			assert.equal(later.at(-1)!.step, later[0].totalSteps, `${run}: the last step is the total`);
			totals[run] = later.map((o) => o.totalSteps!);
		}
		assert.deepEqual(totals['static AKIA'], [7, 7, 7, 7, 7]);
		assert.deepEqual(totals['static ASIA'], [7, 7, 7, 7, 7, 7]);
		assert.deepEqual(totals['sso existing'], [10, 10, 10, 10, 10]);
		assert.deepEqual(totals['sso new'], Array(9).fill(10));
	});

	it('shows plain text in the kind picker, without Markdown backticks', async () => {
		const asked: Asked = [];
		await add({ steps: ['credential-process', 'fixture-plain', 'fixture-creds', ''], asked });
		for (const item of (asked[0] as Pick).items) {
			assert.doesNotMatch(`${item.label} ${item.description ?? ''} ${item.detail ?? ''}`, /`/);
		}
	});

	it('asks the session token only for ASIA keys', async () => {
		const asked: Asked = [];
		await add({ steps: ['static', 'fixture-akia', 'AKIAFIXTUREAKIA00001', secret, '', ''], asked });
		assert.equal(inputNamed(asked, /session token/i), undefined, 'no session token step for AKIA keys');
		assert.match(readFileSync(api.files.credentialsFile, 'utf8'), /\[fixture-akia\]\naws_access_key_id = AKIAFIXTUREAKIA00001\naws_secret_access_key = \S+\n$/);
	});

	it('keeps a typed secret when the user goes Back and comes again', async () => {
		const asked: Asked = [];
		const steps: ScriptedAnswers['steps'] = ['static', 'fixture-kept', 'AKIAFIXTUREKEPT00001', back, 'AKIAFIXTUREKEPT00001', secret, '', ''];
		const base = scripted({ steps, asked });
		let typedOnce = false;
		const prompts: Prompts = {
			...base,
			inputStep: (options) => {
				if (/secret access key/i.test(options.prompt) && !typedOnce) {
					typedOnce = true;
					options.onBack?.(secret); // typed, not accepted, then Back
				}
				return base.inputStep(options);
			},
		};
		api.setPrompts(prompts);
		await vscode.commands.executeCommand('awsProfiles.addProfile');
		assert.deepEqual(steps, []);
		const secretSteps = asked.filter((o): o is InputStepOptions => 'prompt' in o && /secret access key/i.test(o.prompt));
		assert.equal(secretSteps.length, 2);
		assert.equal(secretSteps[0].value, undefined);
		assert.equal(secretSteps[1].value, secret, 'the secret typed before Back is there again');
	});

	it('offers as source profiles only those that can give credentials', async () => {
		const asked: Asked = [];
		await add({ steps: ['assume-role', 'fixture-role2', 'arn:aws:iam::111122223333:role/Deploy', 'fixture-dev', '', '', '', '', ''], asked });
		const offered = pickNamed(asked, /Whose credentials/).items.map((item) => item.value);
		for (const profile of ['default', 'fixture-dev', 'fixture-temp', 'fixture-admin', 'fixture-sso', 'fixture-process']) {
			assert.ok(offered.includes(profile), profile);
		}
		assert.ok(!offered.includes('fixture-settings'), 'a config-only profile gives no credentials');
	});

	it('checks role session names, registration scopes and typed regions; suggests a least-privilege permission set', async () => {
		const role: Asked = [];
		await add({ steps: ['assume-role', 'fixture-role3', 'arn:aws:iam::111122223333:role/Deploy', 'fixture-dev', '', '', 'ci-deploy', '', 'eu-west-1'], asked: role });
		const sessionName = inputNamed(role, /Role session name/);
		assert.equal(sessionName.validate?.('bad session name!').level, 'error');
		assert.equal(sessionName.validate?.('').level, 'ok');
		const region = pickNamed(role, /Default region/);
		assert.match(region.freeText?.('eu-west-4').detail ?? '', /new region, or a typo/);
		assert.equal(region.freeText?.('eu-west-1').detail, undefined);

		const sso: Asked = [];
		await add({ steps: ['sso', 'fixture-sso3', '$new', 'fixture-portal3', 'https://portal.awsapps.com/start', 'eu-north-1', 'sso:account:access', '111122223333', 'ReadOnly', ''], asked: sso });
		const scopes = inputNamed(sso, /Registration scopes/);
		assert.equal(scopes.validate?.('111122223333').level, 'error');
		assert.equal(scopes.validate?.('sso:account:access,codewhisperer:completions').level, 'ok');
		assert.match(pickNamed(sso, /region of IAM Identity Center/).freeText?.('eu-west-4').detail ?? '', /new region, or a typo/);
		const roleName = inputNamed(sso, /Permission set/);
		assert.equal(roleName.placeholder, 'ReadOnlyAccess', 'the walkthrough warns against AdministratorAccess');
	});

	/**
	 * Runs the wizard with scripted answers except at the pick step whose placeholder matches `real`: VS Code's
	 * own QuickPick, shown in the workbench (its title is `title`), where `drive` types as a user does.
	 */
	async function addTypingAt(steps: ScriptedAnswers['steps'], real: RegExp, title: string, drive: () => Promise<void>): Promise<void> {
		const base = scripted({ steps });
		api.setPrompts({
			...base,
			pickStep: (options) => real.test(options.placeholder ?? '') ? windowPrompts.pickStep(options) : base.pickStep(options),
		});
		const added = vscode.commands.executeCommand('awsProfiles.addProfile');
		await waitForWorkbenchText(title);
		await drive();
		await added;
		assert.deepEqual(steps, [], 'every scripted step was asked');
	}

	it('takes the region typed when Enter comes while the list is being replaced (the real QuickPick)', async () => {
		for (const [typed, last] of [['eu-west-', '1'], ['ap-southeast-', '2'], ['us-west-', '1']]) {
			const name = `fixture-race-${last}-${typed.split('-')[0]}`;
			await addTypingAt(
				['sso', name, '$new', `${name}-portal`, 'https://portal.awsapps.com/start', 'sso:account:access', '111122223333', 'ReadOnly', ''],
				/region of IAM Identity Center/, 'Add AWS Profile: IAM Identity Center',
				async () => {
					await typeInWorkbench(typed);
					await waitForWorkbenchText('use this value'); // the list now has the typed item
					// The last key and Enter at once: VS Code accepts before the extension has replaced the list.
					await typeInWorkbench(last, 'Enter');
				},
			);
			assert.match(readFileSync(api.files.configFile, 'utf8'), new RegExp(`\\[sso-session ${name}-portal\\]\\nsso_start_url = \\S+\\nsso_region = ${typed}${last}\\n`));
		}
	});

	it('takes typed text that no item matches, accepted by VS Code\'s accept command as soon as it is typed', async () => {
		await addTypingAt(['credential-process', 'fixture-typed-region', 'fixture-creds'], /Default region/, 'Add AWS Profile: credential_process', async () => {
			await typeInWorkbench('eu-west-4');
			await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
		});
		assert.equal(readFileSync(api.files.configFile, 'utf8'), `${original.config}\n[profile fixture-typed-region]\ncredential_process = fixture-creds\nregion = eu-west-4\n`);
	});
});
