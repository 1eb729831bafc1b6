/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles lint [--format text|json|sarif] [--stage S] [files or folders...]`: the extension's lint rules in
// a terminal or CI. Files are AWS files, told apart by name (`credentials`, `config`), else by content; folders
// are projects whose profile references (serverless.yml, up.json, zappa_settings, samconfig, cdk.json,
// Terraform, Pulumi, .env, package.json) are checked against the profiles. Without arguments: the two files the
// SDKs would read, and the current folder's project files. Exit status 1 when there is an error-level finding.
// Output never holds a secret: the findings' messages are masked at the source, and once more here
// (secretMasking.ts's one rule) since a message can be put together from several quoted parts.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadJsSdkReader } from '../aws/lazy';
import { buildProfileModel, checkReferences, createLineIndex, deployToolReaderOf, describeFileErrorCode, FileRole, legacySdkUsesOf, LineIndex, lintProfileFiles, maskSecretsIn, Platform, platformOf, ProfileModel, readAwsCli, readProfileFileBytes, readStandard, ruleCatalog, ScannedFile, scanProjectFolder, setVariables, sharedFilesLookup, shownPath as withTilde } from '../core';
import type { Clock, FileTexts, Finding, LintFinding, ReadingResult, Severity, ToolReadings } from '../core';
import type { Command, OptionValues } from './command';
import { ExitStatus, Output, UsageError } from './output';
import { readChosenFiles } from './profileSources';

type Format = 'text' | 'json' | 'sarif';

/** What the command takes from its surroundings, so that tests can replace it. */
export interface LintCommandDependencies {
	/** The JavaScript SDK's reading of the texts, or undefined when it cannot be had (then the rules do without it). */
	readonly readJsSdk: (texts: FileTexts) => Promise<ReadingResult | undefined>;
	readonly now: Clock;
	readonly platform: Platform;
	/** The folder scanned for project files when no argument names one. */
	readonly cwd?: string;
}

const defaultDependencies: LintCommandDependencies = {
	readJsSdk: async (texts) => {
		try {
			return await loadJsSdkReader().readJsSdk(texts);
		} catch {
			return undefined; // no AWS bundle next to the CLI (a development build): lint without the JS SDK's reading
		}
	},
	now: Date.now,
	platform: platformOf(process.platform),
};

/** The files linted, each with its role, path and text. */
interface LintedPaths {
	readonly texts: FileTexts;
	readonly paths: Partial<Record<FileRole, string>>;
}

export function createLintCommand(dependencies: LintCommandDependencies = defaultDependencies): Command {
	return {
		name: 'lint',
		positionals: true,
		summary: 'Check the config and credentials files with the extension\'s lint rules.',
		usage: 'aws-profiles lint [--format text|json|sarif] [--naming-pattern REGEX] [--config FILE] [--credentials FILE] [--stage STAGE] [files or folders...]\n\n'
			+ 'Files are AWS config/credentials files; folders are projects whose profile references are checked\n'
			+ '(node_modules, .git, .serverless skipped). Without arguments: the files the SDKs would read and the\n'
			+ 'current folder. Exit status 1 when an error is found.',
		options: {
			format: { type: 'string', default: 'text' },
			stage: { type: 'string' },
			config: { type: 'string' },
			credentials: { type: 'string' },
			'naming-pattern': { type: 'string' },
		},
		async run(values: OptionValues, out: Output, targets: readonly string[] = []) {
			const format = formatOf(values.format);
			const { files, folders } = await splitTargets(targets, dependencies.cwd ?? process.cwd());
			const { texts, paths } = files.length > 0
				? await readGivenFiles(files)
				: await readChosenFiles({ config: values.config as string | undefined, credentials: values.credentials as string | undefined });
			const scanned = await scanFolders(folders, values.stage as string | undefined);
			// The JS SDK's reading (the lint rules' already, so no other load of the SDK) also tells which profiles
			// Serverless v4 and CDK see; the AWS CLI's (pure core), which SAM and Zappa see.
			const jsSdk = await dependencies.readJsSdk(texts);
			const findings = lintProfileFiles({
				texts,
				legacySdkUses: process.env.AWS_SDK_LOAD_CONFIG ? [] : scanned.flatMap((project) =>
					legacySdkUsesOf(project.file, project.text, () => project.references, shownPath(project.file))),
				fileModes: await modesOf(paths, dependencies.platform),
				platform: dependencies.platform,
				jsSdk,
				now: dependencies.now,
				options: typeof values['naming-pattern'] === 'string' ? { namingPattern: values['naming-pattern'] } : {},
			});
			const model = buildProfileModel(readStandard(texts));
			const searched = Object.values(paths).filter((file): file is string => file !== undefined).map(withTilde);
			const reported = [
				...locate(findings, texts, paths),
				...referenceReports(scanned, model, {
					searchedFiles: searched,
					now: dependencies.now(),
					awsFiles: paths,
					readings: toolReadings(texts, jsSdk, scanned),
				}, { texts, shown: { ...(paths.config ? { config: withTilde(paths.config) } : {}), ...(paths.credentials ? { credentials: withTilde(paths.credentials) } : {}) } }),
			];
			out.line(format === 'json' ? JSON.stringify(reported.map(jsonEntry), undefined, 2)
				: format === 'sarif' ? JSON.stringify(sarifLog(reported), undefined, 2)
					: textReport(reported, [...searched, ...folders]));
			return reported.some((report) => report.severity === 'error') ? ExitStatus.Findings : ExitStatus.Ok;
		},
	};
}

export const lintCommand = createLintCommand();

function formatOf(value: OptionValues[string]): Format {
	if (value === undefined || value === 'text' || value === 'json' || value === 'sarif') {
		return value ?? 'text';
	}
	throw new UsageError(`unknown format '${String(value)}': use text, json or sarif`);
}

// ---- Which file is which ----

async function readGivenFiles(files: readonly string[]): Promise<LintedPaths> {
	if (files.length > 2) {
		throw new UsageError('give at most two files: a config file and a credentials file');
	}
	const texts: { config?: string; credentials?: string } = {};
	const paths: Partial<Record<FileRole, string>> = {};
	for (const file of files) {
		const text = await readText(file);
		const role = roleOfFile(file, text);
		if (paths[role] !== undefined) {
			throw new UsageError(`both ${paths[role]} and ${file} look like ${role} files; give one of each`);
		}
		texts[role] = text;
		paths[role] = file;
	}
	return { texts, paths };
}

async function readText(file: string): Promise<string> {
	try {
		return (await readProfileFileBytes(file)).toString('utf8');
	} catch (error) {
		throw new UsageError(`cannot read ${file}: ${describeFileErrorCode((error as NodeJS.ErrnoException).code)}`);
	}
}

/**
 * By name first (`credentials`, `config`, as in `~/.aws/credentials` or `prod.config`), else by content: a
 * `[profile x]`, `[sso-session x]` or `[services x]` header is the config file's, a secret key without them
 * the credentials file's.
 */
export function roleOfFile(file: string, text: string): FileRole {
	const name = path.basename(file).toLowerCase();
	if (name.includes('credentials')) {
		return 'credentials';
	}
	if (name.includes('config')) {
		return 'config';
	}
	if (/^\[\s*(profile|sso-session|services)\s/m.test(text)) {
		return 'config';
	}
	return /^aws_secret_access_key\s*=/im.test(text) ? 'credentials' : 'config';
}

async function modesOf(paths: Partial<Record<FileRole, string>>, platform: Platform): Promise<Partial<Record<FileRole, number>>> {
	if (platform === 'windows') {
		return {};
	}
	const modes: Partial<Record<FileRole, number>> = {};
	for (const role of ['config', 'credentials'] as const) {
		const file = paths[role];
		if (file !== undefined) {
			try {
				modes[role] = (await fs.stat(file)).mode;
			} catch {
				// absent: nothing to check
			}
		}
	}
	return modes;
}

// ---- Files and folders ----

/** Arguments that are folders are projects to scan; the others are AWS files. Without any, the current folder. */
async function splitTargets(targets: readonly string[], cwd: string): Promise<{ files: string[]; folders: string[] }> {
	const files: string[] = [];
	const folders: string[] = [];
	for (const target of targets) {
		const isFolder = await fs.stat(target).then((stat) => stat.isDirectory(), () => false);
		(isFolder ? folders : files).push(target);
	}
	return { files, folders: targets.length === 0 ? [cwd] : folders };
}

async function scanFolders(folders: readonly string[], stage: string | undefined): Promise<ScannedFile[]> {
	const projects: ScannedFile[] = [];
	for (const folder of folders) {
		// `${env:AWS_PROFILE, 'default'}` reads what a deploy started from here would read: this process's environment.
		const env = { env: setVariables(process.env), envSource: 'this terminal\'s environment', home: process.env.HOME || os.homedir() };
		projects.push(...await scanProjectFolder(folder, stage === undefined ? env : { ...env, stage }));
	}
	return projects;
}

/**
 * What the deploy tools' readers see. AWS_SDK_LOAD_CONFIG is read from the CLI's own environment, the one the
 * deploy run from this terminal sees. The AWS CLI's reading is made only when some project is SAM's or Zappa's.
 */
function toolReadings(texts: FileTexts, jsSdk: ReadingResult | undefined, projects: readonly ScannedFile[]): ToolReadings {
	const needsAwsCli = projects.some((project) => project.kind === 'sam' || project.kind === 'zappa');
	return {
		texts,
		...(jsSdk ? { jsSdk } : {}),
		...(needsAwsCli ? { awsCli: readAwsCli(texts) } : {}),
		sdkLoadConfig: Boolean(process.env.AWS_SDK_LOAD_CONFIG),
	};
}

interface ReferenceCheck {
	readonly searchedFiles: readonly string[];
	readonly now: number;
	readonly awsFiles: Partial<Record<FileRole, string>>;
	readonly readings: ToolReadings;
}

function referenceReports(projects: readonly ScannedFile[], model: ProfileModel, check: ReferenceCheck, usual: Parameters<typeof sharedFilesLookup>[1]): Reported[] {
	const reports: Reported[] = [];
	for (const project of projects) {
		const tool = deployToolReaderOf(project.kind, project.file, project.text);
		const sharedFiles = project.sharedFiles ? { sharedFiles: sharedFilesLookup(project.sharedFiles, usual) } : {};
		const findings = checkReferences(project.references, model, { ...check, file: project.file, ...(tool ? { tool } : {}), ...sharedFiles });
		const files: ReportedFiles<string> = {
			pathOf: (file) => file === project.file ? shownPath(file) : file,
			indexOf: (file) => file === project.file ? createLineIndex(project.text) : undefined,
		};
		reports.push(...findings.map((finding) => report(finding, files)));
	}
	return reports;
}

/** A project file as reports name it: relative to the current folder. */
function shownPath(file: string): string {
	return path.relative(process.cwd(), file) || file;
}

// ---- Positions ----

/** One finding as reported: an AWS file's rule or a project file's reference check, with 1-based positions. */
interface Reported {
	readonly rule: string;
	readonly severity: Severity;
	readonly message: string;
	readonly path: string;
	readonly start: Position;
	readonly end: Position;
	readonly related?: readonly Related[];
}

interface Related extends Position {
	readonly path: string;
	readonly message: string;
}

interface Position {
	readonly line: number;
	readonly column: number;
}

function locate(findings: readonly LintFinding[], texts: FileTexts, paths: Partial<Record<FileRole, string>>): Reported[] {
	const indexes = { config: createLineIndex(texts.config ?? ''), credentials: createLineIndex(texts.credentials ?? '') };
	return findings.map((finding) => report(finding, { pathOf: (file) => paths[file] ?? file, indexOf: (file) => indexes[file] }));
}

/** How a report names the files a finding names, and places their offsets (`undefined`: by the range's line). */
interface ReportedFiles<F extends string> {
	pathOf(file: F): string;
	indexOf(file: F): LineIndex | undefined;
}

/** One finding as reported, with every related place. */
function report<F extends string>(finding: Finding<F>, files: ReportedFiles<F>): Reported {
	const related = (finding.related ?? []).map((item) => ({
		path: files.pathOf(item.file), line: item.range.line + 1, column: item.range.column + 1, message: maskSecretsIn(item.message),
	}));
	const index = files.indexOf(finding.file);
	return {
		rule: finding.ruleId,
		severity: finding.severity,
		message: maskSecretsIn(finding.message),
		path: files.pathOf(finding.file),
		start: { line: finding.range.line + 1, column: finding.range.column + 1 },
		end: index ? endOf(index, finding.range.offset + finding.range.length) : { line: finding.range.line + 1, column: finding.range.column + 1 + finding.range.length },
		...(related.length > 0 ? { related } : {}),
	};
}

/** 1-based line and column of an offset; columns count UTF-16 units, as the ranges do. */
function endOf(index: LineIndex, offset: number): Position {
	const { line, column } = index.rangeOf(offset, 0);
	return { line: line + 1, column: column + 1 };
}

// ---- Formats ----

function textReport(reported: readonly Reported[], checkedPaths: readonly string[]): string {
	const checked = checkedPaths.map(withTilde).join(' and ');
	if (reported.length === 0) {
		return `No problems found${checked ? ` in ${checked}` : ''}.`;
	}
	const lines = reported.map(({ rule, severity, message, path: file, start }) =>
		`${withTilde(file)}:${start.line}:${start.column}: ${severity} ${message} [${rule}]`);
	const counts = (['error', 'warning', 'info', 'hint'] as const)
		.map((severity) => [severity, reported.filter((report) => report.severity === severity).length] as const)
		.filter(([, count]) => count > 0)
		.map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : severity === 'info' ? '' : 's'}`);
	return [...lines, '', counts.join(', ')].join('\n');
}

function jsonEntry({ rule, severity, message, path: file, start, end, related }: Reported) {
	return {
		file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity, rule, message,
		...(related ? { related: related.map((item) => ({ file: item.path, line: item.line, column: item.column, message: item.message })) } : {}),
	};
}

const sarifLevels: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A SARIF 2.1.0 log: one run, the catalog as the driver's rules, one result per finding. */
function sarifLog(reported: readonly Reported[]) {
	const ruleIndex = new Map<string, number>(ruleCatalog.map((rule, index) => [rule.id, index]));
	return {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [{
			tool: {
				driver: {
					name: 'aws-profiles',
					rules: ruleCatalog.map((rule) => ({
						id: rule.id,
						shortDescription: { text: rule.doc },
						defaultConfiguration: { level: sarifLevels[rule.severity], enabled: rule.enabledByDefault },
					})),
				},
			},
			columnKind: 'utf16CodeUnits',
			results: reported.map(({ rule, severity, message, path: file, start, end, related }) => ({
				ruleId: rule,
				...(ruleIndex.has(rule) ? { ruleIndex: ruleIndex.get(rule) } : {}),
				level: sarifLevels[severity],
				message: { text: message },
				locations: [{
					physicalLocation: {
						artifactLocation: { uri: pathToFileURL(path.resolve(file)).href },
						region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
					},
				}],
				...(related ? {
					relatedLocations: related.map((item) => ({
						physicalLocation: {
							artifactLocation: { uri: pathToFileURL(path.resolve(item.path)).href },
							region: { startLine: item.line, startColumn: item.column },
						},
						message: { text: item.message },
					})),
				} : {}),
			})),
		}],
	};
}
