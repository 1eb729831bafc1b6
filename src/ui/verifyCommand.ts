/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as vscode from 'vscode';
import type { VerifyResult } from '../aws';
import { loadAwsLayer } from '../aws/lazy';
import { DeployTool, deployToolTitle, deployTools } from '../core/verify/deployTools';
import type { VerificationSummary } from '../core/display/profileSummary';
import { configuredEndpoint } from '../core/model/serviceEndpoints';
import type { ProfileStore } from './profileStore';
import { askMfaCode, pickProfile } from './profilePrompts';
import type { Prompts } from './prompts';
import { displayName } from '../core/display/secretMasking';

export interface VerifyDeps {
	readonly store: ProfileStore;
	readonly prompts: () => Prompts;
	readonly log: vscode.LogOutputChannel;
	/** Where the result goes: the tree's description and tooltip, the status bar. */
	readonly record: (profile: string, summary: VerificationSummary) => void;
	/** Signs the profile in to IAM Identity Center (Sign In), offered when its SSO session is missing or expired. */
	readonly signIn?: (profile: string) => Thenable<unknown>;
}

/** The button that runs the failure's fix in a terminal when Sign In is offered beside it. */
const awsCliSignIn = 'Use the AWS CLI';

const deployItems: readonly (vscode.QuickPickItem & { tool: DeployTool })[] = deployTools.map((tool) => ({ label: deployToolTitle(tool), tool }));

/**
 * Verify Profile: resolves the profile's credentials with the SDK's own chain and asks STS and IAM who they
 * are, in a cancellable notification with a deadline. The AWS SDK loads here, on first use, not at activation.
 */
export class VerifyCommand {
	/** The verification under way: a new one ends it, so one notification shows at a time, not a pile. */
	private running: AbortController | undefined;

	constructor(private readonly deps: VerifyDeps) { }

	async verify(profile?: string, deployTools?: readonly DeployTool[]): Promise<VerifyResult | undefined> {
		const name = profile ?? await this.askProfile();
		if (name === undefined) {
			return undefined;
		}
		const snapshot = await this.deps.store.snapshot();
		const entry = snapshot.model.profiles.get(name);
		const caBundle = entry?.section.properties.get('ca_bundle')?.value;
		const timeoutMs = vscode.workspace.getConfiguration('awsProfiles').get<number>('verify.timeoutSeconds', 10) * 1000;
		this.running?.abort();
		const controller = new AbortController();
		this.running = controller;
		const result = await vscode.window.withProgress({
			location: vscode.ProgressLocation.Notification,
			title: `Verifying AWS profile '${name}'...`,
			cancellable: true,
		}, async (_progress, token) => {
			token.onCancellationRequested(() => controller.abort());
			return loadAwsLayer().verifyProfile({
				profile: name,
				files: this.deps.store.locations,
				region: entry?.region,
				...(caBundle ? { caBundle } : {}),
				endpoints: { sts: configuredEndpoint(snapshot.model, name, 'sts', process.env), iam: configuredEndpoint(snapshot.model, name, 'iam', process.env) },
				timeoutMs,
				abortSignal: controller.signal,
				mfaCode: (serial) => askMfaCode(this.deps.prompts(), serial),
				model: snapshot.model,
				...(deployTools ? { deployTools } : {}),
			});
		});
		const replaced = this.running !== controller;
		if (!replaced) {
			this.running = undefined;
		}
		// Ended by the user or by a newer verification: nothing to tell, and no toast beside the newer one's.
		if (replaced || (!result.ok && result.failure.code === 'cancelled')) {
			this.deps.log.info(`Verify ${name}: ${replaced ? 'replaced by a newer verification' : 'cancelled'}.`);
			return result;
		}
		this.report(name, result);
		return result;
	}

	/** "Can this profile deploy with ...?": the same verification, with the tool's actions simulated. */
	async checkDeploy(profile?: string): Promise<VerifyResult | undefined> {
		const name = profile ?? await this.askProfile();
		if (name === undefined) {
			return undefined;
		}
		const tool = await this.deps.prompts().pick(deployItems, { title: `Can '${displayName(name)}' deploy with...?`, placeHolder: 'The deploy tool whose IAM actions to simulate' });
		return tool && this.verify(name, [tool.tool]);
	}

	private report(name: string, result: VerifyResult): void {
		const { log } = this.deps;
		if (!result.ok) {
			this.deps.record(name, { ok: false, at: Date.now(), message: result.failure.message });
			log.warn(`Verify ${name}: ${result.failure.code}${result.failure.step ? ` (step: ${result.failure.step})` : ''}: ${result.failure.message}`);
			const fix = result.failure.fix;
			// An SSO profile signs in here, natively; `aws sso login` in a terminal stays on offer.
			const signIn = result.failure.code === 'sso-expired' && this.deps.signIn !== undefined
				&& this.deps.store.current?.model.profiles.get(name)?.kind.kind === 'sso';
			const fixLabel = fix && (signIn ? awsCliSignIn : fix.label);
			const actions = [...(signIn ? ['Sign In'] : []), ...(fixLabel ? [fixLabel] : [])];
			void this.deps.prompts().notify(result.failure.message, actions, 'error').then((action) => {
				if (signIn && action === 'Sign In') {
					void this.deps.signIn!(name);
				} else if (fix && action === fixLabel) {
					const terminal = vscode.window.createTerminal({ name: `AWS: ${fix.label}` });
					terminal.show();
					terminal.sendText(fix.terminalCommand);
				}
			});
			return;
		}
		const warningCount = result.findings.filter((finding) => finding.severity === 'warning').length;
		// What verification could not see (IAM refused to show keys and policies) is said, not only logged.
		const notes = result.findings.filter((finding) => finding.severity === 'info').map((finding) => finding.message);
		this.deps.record(name, { ok: true, at: Date.now(), account: result.account, arn: result.arn, message: 'verified', warnings: warningCount, rootUser: result.principal.kind === 'root', ...(notes.length > 0 ? { notes } : {}) });
		log.info(`Verify ${name}: ${result.arn} (account ${result.account})${result.accessKeyId ? `, key ${result.accessKeyId}` : ''}.`);
		for (const key of result.accessKeys ?? []) {
			log.info(`  access key ${key.id}: ${key.status}${key.ageDays !== undefined ? `, ${key.ageDays} days old` : ''}${key.lastUsed?.date ? `, last used ${key.lastUsed.date} (${key.lastUsed.service ?? '?'})` : ', never used'}${key.inUse ? ' (this profile)' : ''}`);
		}
		for (const policy of [...(result.policies ?? []), ...(result.groups ?? []).flatMap((g) => g.policies.map((p) => `${p} (group ${g.name})`))]) {
			log.info(`  policy ${policy}`);
		}
		for (const check of result.deploy ?? []) {
			log.info(`  ${check.tool}: ${check.simulationDenied ? 'the simulation was not allowed' : check.denied.length === 0 ? 'may deploy' : `denied ${check.denied.join(', ')}`}`);
		}
		for (const finding of result.findings) {
			log.warn(`  ${finding.message}`);
		}
		const warnings = result.findings.filter((finding) => finding.severity === 'warning');
		const deploy = (result.deploy ?? []).map((check) => check.simulationDenied
			? ` This profile may not simulate IAM policies, so its ${check.tool} permissions are unknown.`
			: check.denied.length === 0 ? ` It may deploy with ${check.tool}.` : ` ${check.tool} would be denied ${check.denied.length} action(s): ${check.denied.slice(0, 5).join(', ')}${check.denied.length > 5 ? '...' : ''}.`).join('');
		const message = `'${name}' is ${result.arn} in account ${result.account}.${deploy}${[...warnings.map((w) => w.message), ...notes].map((text) => ` ${text}`).join('')}`;
		const link = warnings.find((w) => w.link)?.link;
		void this.deps.prompts().notify(message, link ? ['Learn more'] : [], warnings.length > 0 ? 'warning' : 'info').then((action) => {
			if (link && action === 'Learn more') {
				void vscode.env.openExternal(vscode.Uri.parse(link));
			}
		});
	}

	private async askProfile(): Promise<string | undefined> {
		return pickProfile(this.deps.prompts(), await this.deps.store.snapshot(), { title: 'Verify AWS Profile', placeHolder: 'The profile to verify' });
	}
}
