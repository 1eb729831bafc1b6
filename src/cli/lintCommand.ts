/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// `aws-profiles lint [--format text|json|sarif] [files...]`: the extension's lint rules in a terminal or CI.
// Without files it lints the two files the SDKs would read (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, HOME);
// given files are told apart by name (`credentials`, `config`), else by content. Exit status 1 when there is
// an error-level finding. Output never holds a secret: the findings' messages are masked at the source.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAwsLayer } from '../aws/lazy';
import type { Clock } from '../core/expiry';
import { Platform, platformOf } from '../core/fileLocations';
import { lintProfileFiles } from '../core/lint/lintFiles';
import type { Finding, Severity } from '../core/lint/rule';
import { ruleCatalog } from '../core/lint/ruleCatalog';
import type { FileRole } from '../core/profileFilesReader';
import type { FileTexts, ReadingResult } from '../core/reading';
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
}

const defaultDependencies: LintCommandDependencies = {
	readJsSdk: async (texts) => {
		try {
			return await loadAwsLayer().readJsSdk(texts);
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
		usage: 'aws-profiles lint [--format text|json|sarif] [--naming-pattern REGEX] [--config FILE] [--credentials FILE] [files...]\n\n'
			+ 'Without files it checks the files the SDKs would read. Exit status 1 when an error is found.',
		options: {
			format: { type: 'string', default: 'text' },
			config: { type: 'string' },
			credentials: { type: 'string' },
			'naming-pattern': { type: 'string' },
		},
		async run(values: OptionValues, out: Output, files: readonly string[] = []) {
			const format = formatOf(values.format);
			const { texts, paths } = files.length > 0
				? await readGivenFiles(files)
				: await readChosenFiles({ config: values.config as string | undefined, credentials: values.credentials as string | undefined });
			const findings = lintProfileFiles({
				texts,
				fileModes: await modesOf(paths, dependencies.platform),
				platform: dependencies.platform,
				jsSdk: await dependencies.readJsSdk(texts),
				now: dependencies.now,
				options: typeof values['naming-pattern'] === 'string' ? { namingPattern: values['naming-pattern'] } : {},
			});
			const located = locate(findings, texts, paths);
			out.line(format === 'json' ? JSON.stringify(located.map(jsonEntry), undefined, 2)
				: format === 'sarif' ? JSON.stringify(sarifLog(located), undefined, 2)
					: textReport(located, paths));
			return findings.some((finding) => finding.severity === 'error') ? ExitStatus.Findings : ExitStatus.Ok;
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
		return await fs.readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? 'unknown error'}`);
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

// ---- Positions ----

/** A finding with its file's path and 1-based start and end positions. */
interface LocatedFinding {
	readonly finding: Finding;
	readonly path: string;
	readonly start: Position;
	readonly end: Position;
}

interface Position {
	readonly line: number;
	readonly column: number;
}

function locate(findings: readonly Finding[], texts: FileTexts, paths: Partial<Record<FileRole, string>>): LocatedFinding[] {
	const lineStarts = { config: lineStartsOf(texts.config ?? ''), credentials: lineStartsOf(texts.credentials ?? '') };
	return findings.map((finding) => ({
		finding,
		path: paths[finding.file] ?? finding.file,
		start: { line: finding.range.line + 1, column: finding.range.column + 1 },
		end: positionAt(lineStarts[finding.file], finding.range.offset + finding.range.length),
	}));
}

function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
		starts.push(i + 1);
	}
	return starts;
}

/** 1-based line and column of an offset; columns count UTF-16 units, as the ranges do. */
function positionAt(lineStarts: readonly number[], offset: number): Position {
	let low = 0;
	let high = lineStarts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (lineStarts[middle] <= offset) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}
	return { line: low + 1, column: offset - lineStarts[low] + 1 };
}

// ---- Formats ----

function textReport(located: readonly LocatedFinding[], paths: Partial<Record<FileRole, string>>): string {
	const checked = Object.values(paths).filter((file) => file !== undefined).join(' and ');
	if (located.length === 0) {
		return `No problems found${checked ? ` in ${checked}` : ''}.`;
	}
	const lines = located.map(({ finding, path: file, start }) =>
		`${file}:${start.line}:${start.column}: ${finding.severity} ${finding.message} [${finding.ruleId}]`);
	const counts = (['error', 'warning', 'info', 'hint'] as const)
		.map((severity) => [severity, located.filter(({ finding }) => finding.severity === severity).length] as const)
		.filter(([, count]) => count > 0)
		.map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : severity === 'info' ? '' : 's'}`);
	return [...lines, '', counts.join(', ')].join('\n');
}

function jsonEntry({ finding, path: file, start, end }: LocatedFinding) {
	return {
		file,
		line: start.line,
		column: start.column,
		endLine: end.line,
		endColumn: end.column,
		severity: finding.severity,
		rule: finding.ruleId,
		message: finding.message,
	};
}

const sarifLevels: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A SARIF 2.1.0 log: one run, the catalog as the driver's rules, one result per finding. */
function sarifLog(located: readonly LocatedFinding[]) {
	const ruleIndex = new Map(ruleCatalog.map((rule, index) => [rule.id, index]));
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
			results: located.map(({ finding, path: file, start, end }) => ({
				ruleId: finding.ruleId,
				ruleIndex: ruleIndex.get(finding.ruleId),
				level: sarifLevels[finding.severity],
				message: { text: finding.message },
				locations: [{
					physicalLocation: {
						artifactLocation: { uri: pathToFileURL(path.resolve(file)).href },
						region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
					},
				}],
			})),
		}],
	};
}
