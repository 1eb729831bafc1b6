/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the lint rule tests share: lint two texts at a fixed time, pick a rule's findings, apply a quick fix and
// check the whole result (every byte outside the fix unchanged, and the files then lint clean).

import * as assert from 'node:assert/strict';
import type { LintInput } from '../../../src/core/lint/lintContext';
import { lintProfileFiles } from '../../../src/core/lint/lintFiles';
import type { Finding, QuickFix } from '../../../src/core/lint/rule';
import type { FileTexts } from '../../../src/core/readings/reading';
import { applyEdits } from '../../../src/core/text/textEdits';

/** The time the tests lint at. */
export const now = Date.parse('2026-06-01T12:00:00Z');

/** A well-formed key pair that is no example key and no real key. */
export const keyId = 'AKIA2Z3Y4X5W6V7U8T9S';
export const secret = 'abcdEFGH1234/+ijklMNOP5678qrstUVWX9012yz';
export const tempKeyId = 'ASIA2Z3Y4X5W6V7U8T9S';

/** A credentials section with that key pair. */
export function keys(name: string): string {
	return `[${name}]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
}

export type Extra = Omit<LintInput, 'texts'>;

export function lint(texts: FileTexts, extra: Extra = {}): Finding[] {
	return lintProfileFiles({ now: () => now, ...extra, texts });
}

export function findingsOf(ruleId: string, texts: FileTexts, extra: Extra = {}): Finding[] {
	return lint(texts, extra).filter((finding) => finding.ruleId === ruleId);
}

/** `file:line rule` for each finding: what a failed assertion shows. */
export function summary(findings: readonly Finding[]): string[] {
	return findings.map((finding) => `${finding.file}:${finding.range.line + 1} ${finding.ruleId}: ${finding.message}`);
}

export function assertClean(texts: FileTexts, extra: Extra = {}): void {
	assert.deepEqual(summary(lint(texts, extra)), []);
}

/** The text a finding's range covers. */
export function textAt(texts: FileTexts, finding: Finding): string {
	const text = texts[finding.file] ?? '';
	return text.slice(finding.range.offset, finding.range.offset + finding.range.length);
}

/** Applies a quick fix's edits; an absent file is the empty text (a fix that writes to it creates it). */
export function applyFix(texts: FileTexts, fix: QuickFix): FileTexts {
	assert.equal(fix.kind, 'edits', 'a text fix');
	if (fix.kind !== 'edits') {
		return texts;
	}
	const result: { config?: string; credentials?: string } = { ...texts };
	for (const { file, edits } of fix.edits) {
		result[file] = applyEdits(texts[file] ?? '', edits);
	}
	return result;
}

export interface FixExpectation {
	/** Which fix of the finding, by title; the preferred one (or the only one) otherwise. */
	readonly title?: string;
	/** Which finding of the rule; the first otherwise. */
	readonly index?: number;
	readonly extra?: Extra;
}

/**
 * Applies a fix of the rule's finding and checks that the result is exactly `expected` (so every other byte is
 * unchanged) and that it lints clean: no finding of any rule.
 */
export function assertFix(ruleId: string, texts: FileTexts, expected: FileTexts, options: FixExpectation = {}): void {
	const extra = options.extra ?? {};
	const findings = findingsOf(ruleId, texts, extra);
	const finding = findings[options.index ?? 0];
	assert.ok(finding, `a finding of ${ruleId}: ${JSON.stringify(summary(lint(texts, extra)))}`);
	const fixes = finding.fixes ?? [];
	const fix = options.title !== undefined
		? fixes.find((candidate) => candidate.title === options.title)
		: fixes.find((candidate) => candidate.isPreferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
	assert.ok(fix, `a fix ${options.title ?? '(preferred)'} among ${JSON.stringify(fixes.map((candidate) => candidate.title))}`);
	const fixed = applyFix(texts, fix);
	assert.deepEqual(fixed, { ...texts, ...expected });
	assert.deepEqual(summary(lint(fixed, extra)), [], 'the fixed files lint clean');
}
