/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles verify`: the extension's Verify Profile in a terminal or CI. Exit 1 when verification fails
// or finds something to fix (root keys, AdministratorAccess, an old key, denied deploy actions).

import { createInterface } from 'node:readline/promises';
import type { VerifyResult } from '../aws';
import { loadAwsLayer } from '../aws/lazy';
import { buildProfileModel, configuredEndpoint, DeployTool, deployTools as tools, displayName, maskSecretsIn, processFileLocations, readStandard } from '../core';
import type { Command } from './command';
import { ExitStatus, Output, UsageError } from './output';
import { readChosenFiles } from './profileSources';

export const verifyCommand: Command = {
	name: 'verify',
	summary: 'Ask AWS (STS, IAM) whose credentials a profile holds, and whether it may deploy.',
	usage: 'aws-profiles verify [--profile NAME] [--json] [--deploy serverless,up,zappa] [--timeout SECONDS]\n\n'
		+ 'The profile defaults to AWS_PROFILE, else default. Honours AWS_ENDPOINT_URL and the profile\'s endpoint_url.',
	options: {
		profile: { type: 'string' },
		json: { type: 'boolean' },
		deploy: { type: 'string' },
		timeout: { type: 'string', default: '10' },
	},
	async run(values, out) {
		const locations = processFileLocations();
		const profile = (values.profile as string | undefined) ?? locations.profile;
		const deployTools = parseTools(values.deploy as string | undefined);
		const timeoutMs = Number(values.timeout) * 1000;
		if (!(timeoutMs > 0)) {
			throw new UsageError('--timeout takes a number of seconds');
		}
		const { texts } = await readChosenFiles({});
		const model = buildProfileModel(readStandard(texts));
		const entry = model.profiles.get(profile);
		const caBundle = entry?.section.properties.get('ca_bundle')?.value;
		const result = await loadAwsLayer().verifyProfile({
			profile,
			files: locations,
			region: entry?.region,
			...(caBundle ? { caBundle } : {}),
			endpoints: { sts: configuredEndpoint(model, profile, 'sts', process.env), iam: configuredEndpoint(model, profile, 'iam', process.env) },
			timeoutMs,
			mfaCode: askMfaCode,
			model,
			...(deployTools ? { deployTools } : {}),
		});
		const shown = result.ok ? result : { ...result, failure: { ...result.failure, message: maskSecretsIn(result.failure.message) } };
		if (values.json) {
			out.line(JSON.stringify(shown, undefined, 2));
		} else {
			printResult(displayName(profile), shown, out);
		}
		return !result.ok || needsAttention(result) ? ExitStatus.Findings : ExitStatus.Ok;
	},
};

function parseTools(text: string | undefined): DeployTool[] | undefined {
	if (text === undefined) {
		return undefined;
	}
	const names = text.split(',').map((name) => name.trim());
	const unknown = names.filter((name) => !tools.includes(name as DeployTool));
	if (unknown.length > 0) {
		throw new UsageError(`--deploy takes ${tools.join(', ')}`);
	}
	return names as DeployTool[];
}

async function askMfaCode(serial: string): Promise<string> {
	if (!process.stdin.isTTY) {
		throw Object.assign(new Error('An MFA code is needed and there is no terminal to ask it in.'), { name: 'AbortError' });
	}
	const prompt = createInterface({ input: process.stdin, output: process.stderr });
	try {
		return (await prompt.question(`MFA code for ${serial}: `)).trim();
	} finally {
		prompt.close();
	}
}

function needsAttention(result: Extract<VerifyResult, { ok: true }>): boolean {
	return result.findings.some((finding) => finding.severity === 'warning')
		|| (result.deploy ?? []).some((check) => check.denied.length > 0 || check.simulationDenied);
}

function printResult(profile: string, result: VerifyResult, out: Output): void {
	if (!result.ok) {
		out.line(`${profile}: verification failed (${result.failure.code})`);
		out.line(`  ${result.failure.message}`);
		if (result.failure.fix) {
			out.line(`  Run: ${result.failure.fix.terminalCommand}`);
		}
		return;
	}
	out.line(`${profile}: ${result.arn} (account ${result.account})${result.accessKeyId ? `, key ${result.accessKeyId}` : ''}`);
	for (const key of result.accessKeys ?? []) {
		out.line(`  access key ${key.id}: ${key.status}${key.ageDays !== undefined ? `, ${key.ageDays} days old` : ''}${key.lastUsed?.date ? `, last used ${key.lastUsed.date}` : ', never used'}${key.inUse ? ' (this profile)' : ''}`);
	}
	for (const policy of result.policies ?? []) {
		out.line(`  policy ${policy}`);
	}
	for (const group of result.groups ?? []) {
		out.line(`  group ${group.name}: ${group.policies.join(', ') || 'no managed policies'}`);
	}
	for (const check of result.deploy ?? []) {
		out.line(`  ${check.tool}: ${check.simulationDenied ? 'not allowed to simulate IAM policies' : check.denied.length === 0 ? 'may deploy' : `denied ${check.denied.join(', ')}`}`);
	}
	for (const finding of result.findings) {
		out.line(`  ${finding.severity}: ${finding.message}`);
	}
}
