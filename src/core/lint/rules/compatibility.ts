/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Lines the three readers read differently: the SDKs' shared standard, the AWS CLI and boto3 (botocore, which
// hands the files to Python's configparser), and the JavaScript SDK (its own small parser). A file that
// `aws s3 ls` reads one way and `serverless deploy` another is what users cannot see, so each such line gets a
// warning that names the tools and what each of them sees, and a fix that rewrites the line in the one form all
// three read alike.
//
// Two sources, in this order:
//   1. constructs known to be read differently, found in the literal parse: an inline comment after a value
//      (the AWS CLI keeps it), a comment glued to a header (`[profile dev]# x`: the JS SDK drops the section),
//      spaces inside a header's brackets (the JS SDK drops it), upper-case letters in a key (the JS SDK keeps
//      the case, so `Region` is not `region`), indented continuation lines (the JS SDK ignores them or reads
//      them as keys), a comment after a sub-setting (the JS SDK cuts it, the others keep it), an empty value
//      (the JS SDK does not set the key), a `:` in a key (the AWS CLI ends the key there), `[DEFAULT]`
//      (configparser's defaults for every section);
//   2. whatever else the readings themselves disagree on (readingDifferences.ts), located at the key or
//      header, unless a finding of (1), or another rule's, already explains that line or that section.
// Without the JS SDK's reading, (2) compares the standard and the AWS CLI only; (1) is the same either way.

import type { PropertyLine, ScannedLine, SubPropertyLine } from '../../ini/iniScanner';
import type { FileRole } from '../../readings/fileLocations';
import { Section } from '../../readings/profileSet';
import { textRange } from '../../text/textRange';
import type { RawProperty } from '../../ini/rawProfileFile';
import type { ReaderName } from '../../readings/reading';
import type { PropertyDifference, PropertySight, SectionDifference, SectionSight } from '../../readings/readingDifferences';
import { displayValue } from '../../display/secretMasking';
import { isValidIdentifier } from '../../ini/identifiers';
import type { Edit } from '../../text/textEdits';
import { fileFix, headerText, moveCommentAbove, remove, replace } from '../fixEdits';
import { keyName, LintContext, LintedFile, LintedSection, textOf } from '../lintContext';
import type { LintRule, QuickFix, RuleFinding } from '../rule';
import { capitalize, listOf, nameLabel, quoted, shortToolNames, toolNames } from '../toolNames';

const js = toolNames['js-sdk'];
const cli = toolNames['aws-cli'];

/** A construct found in the text, with the sections whose other differences it explains (by `sectionKey`). */
interface Detected {
	readonly finding: RuleFinding;
	readonly line: number;
	readonly file: FileRole;
	readonly affects: readonly string[];
}

export const compatibilityRule: LintRule = {
	id: 'aws-files/compatibility',
	doc: 'A line the AWS CLI/boto3 (SAM, Zappa), the JavaScript SDK (Serverless v4, CDK, SST) and the other SDKs read differently, such as `region = us-east-1 # main`, `[profile dev]# main`, `[profile  dev]`, `Region =`, indented continuation lines.',
	severity: 'warning',
	files: ['config', 'credentials'],
	*check(context) {
		const twins = new Map(context.files.map((file) => [file, caseTwins(file)]));
		const detected = context.files.flatMap((file) => detect(file, twins.get(file)!));
		for (const item of detected) {
			yield item.finding;
		}
		yield* unexplainedDifferences(context, detected, twins);
	},
};

// ---- 1. Known constructs ----

/** Every known construct in one file. Most lines have none, so each is first tested with no allocation. */
function detect(file: LintedFile, twins: ReadonlySet<PropertyLine>): Detected[] {
	const found: Detected[] = [];
	let previous: LintedSection | undefined;
	for (const section of file.sections) {
		if (mayDifferInHeader(file, section)) {
			found.push(...detectInHeader(file, section, previous));
		}
		if (section.target && section.raw.properties.length > 0) {
			found.push(...detectInProperties(file, section, twins));
		}
		previous = section;
	}
	return found;
}

function detectInProperties(file: LintedFile, section: LintedSection, twins: ReadonlySet<PropertyLine>): Detected[] {
	const found: Detected[] = [];
	for (const property of section.raw.properties) {
		if (mayDiffer(property)) {
			found.push(...detectInProperty(file, section.target!, property, twins.has(property.line)));
		}
	}
	return found;
}

/** Whether a header has anything a detector looks for; false for the great majority. */
function mayDifferInHeader(file: LintedFile, section: LintedSection): boolean {
	const { header } = section.raw;
	return header.closed && (header.comment !== undefined || header.header.length === '[DEFAULT]'.length || !plainHeader(file, section));
}

/** `[name]` or `[prefix name]` (one space or tab between), nothing else inside the brackets; by offsets alone. */
function plainHeader(file: LintedFile, section: LintedSection): boolean {
	const { header, prefix, name } = section.raw.header;
	const start = header.offset + 1;
	const end = header.offset + header.length - 1;
	if (name.offset + name.length !== end) {
		return false;
	}
	if (prefix === undefined) {
		return name.offset === start;
	}
	const separator = file.text.charCodeAt(prefix.offset + prefix.length);
	return prefix.offset === start && name.offset === prefix.offset + prefix.length + 1 && (separator === 0x20 || separator === 0x09);
}

/** Whether a property has anything a detector looks for; false for the great majority. */
function mayDiffer(property: RawProperty): boolean {
	return property.line.comment !== undefined || property.continuations.length > 0 || property.subProperties.length > 0
		|| property.value === '' || /[A-Z:]/.test(property.key);
}

function detectInHeader(file: LintedFile, section: LintedSection, previous: LintedSection | undefined): Detected[] {
	const { header } = section.raw;
	const found: Detected[] = [];
	const at = (finding: Omit<RuleFinding, 'file'>, affects: readonly Section[]): Detected =>
		({ finding: { file: file.role, ...finding }, line: header.range.line, file: file.role, affects: affects.map(sectionKey) });
	const own = section.target ? [section.target] : [];
	if (textOf(file, header.header) === '[DEFAULT]') {
		const all = file.sections.flatMap((other) => other.target ? [other.target] : []);
		found.push(at({
			range: header.header,
			message: `${capitalize(cli)} do not read [DEFAULT] as a profile: configparser gives its keys to every section of the ${file.role} file. `
				+ `${capitalize(toolNames.standard)} and ${js} read it as a profile named DEFAULT.`,
			fixes: [fileFix('Rename to [default]', file.role, [replace(header.header, '[default]')], true)],
		}, all));
	}
	if (header.comment) {
		const glued = !/\s/.test(file.text.charAt(header.comment.offset - 1));
		const bracketInComment = textOf(file, header.comment).includes(']');
		if (glued || bracketInComment) {
			const readers = [glued ? `${js} does not see this section (it needs a space before the comment) and reads the lines below as part of the section above` : '',
				bracketInComment ? `${cli} read the header up to the last ']' of the line, comment included` : ''].filter((part) => part !== '');
			found.push(at({
				range: header.comment,
				message: `${capitalize(listOf(readers))}. Put the comment on its own line.`,
				fixes: [fileFix('Move the comment to its own line above', file.role, moveCommentAbove(file, header, header.comment.offset), true)],
			}, glued && previous?.target ? [...own, previous.target] : own));
		}
	}
	const canonical = canonicalHeader(file, section);
	if (canonical !== undefined) {
		found.push(at({
			range: header.header,
			message: `${capitalize(js)} does not see this section: it accepts no space inside the brackets except one between the prefix and `
				+ `the name. ${capitalize(toolNames.standard)} and ${cli} read it as ${canonical}.`,
			fixes: [fileFix(`Change to ${canonical}`, file.role, [replace(header.header, canonical)], true)],
		}, own));
	}
	return found;
}

/** The header as the JS SDK needs it, when it is written otherwise (a tab between prefix and name is fine). */
function canonicalHeader(file: LintedFile, section: LintedSection): string | undefined {
	const { header, prefix, name } = section.raw;
	if (!section.target || !isValidIdentifier(name)) {
		return undefined;
	}
	const inner = textOf(file, header.header).slice(1, -1);
	const fine = prefix === undefined ? inner === name : inner === `${prefix} ${name}` || inner === `${prefix}\t${name}`;
	return fine ? undefined : headerText(prefix, name);
}

/** `hasTwin`: the key is set in another case too in this section; see caseTwins. */
function detectInProperty(file: LintedFile, target: Section, property: RawProperty, hasTwin: boolean): Detected[] {
	const found: Detected[] = [];
	const { line } = property;
	const at = (range: RuleFinding['range'], message: string, fixes: readonly QuickFix[], where: ScannedLine = line): Detected => ({
		finding: { file: file.role, range, message, ...(fixes.length > 0 ? { fixes } : {}) },
		line: where.range.line,
		file: file.role,
		affects: [sectionKey(target)],
	});
	const name = keyName(property.key);
	let label: string | undefined;
	const key = () => label ??= nameLabel(name, 'this key');
	if (line.comment) {
		const cliValue = file.text.slice(line.assignment.value.offset, line.comment.offset + line.comment.length).trim();
		found.push(at(line.comment,
			`${capitalize(cli)} read no inline comments: for them ${key()} is ${quoted(displayValue(name, cliValue))}, comment included, while `
			+ `${shortToolNames.standard} and ${shortToolNames['js-sdk']} read ${quoted(displayValue(name, property.value))}.`,
			[fileFix('Move the comment to its own line above', file.role, moveCommentAbove(file, line, line.comment.offset), true)]));
	}
	if (/[A-Z]/.test(property.key) && isValidIdentifier(name) && !hasTwin) {
		found.push(at(line.key, `${capitalize(js)} keeps the case of keys, so it does not read ${nameLabel(property.key, 'this key')} as ${key()}; `
			+ `${shortToolNames.standard} and ${shortToolNames['aws-cli']} do. Write the key in lower case.`,
		[fileFix(`Change to '${name}'`, file.role, [replace(line.key, name)], true)]));
	}
	if (property.continuations.length > 0) {
		found.push(continuationFinding(file, target, property, name));
	}
	const colon = property.key.indexOf(':');
	if (colon > 0) {
		const cliKey = keyName(property.key.slice(0, colon).trim());
		found.push(at(line.key, `${capitalize(cli)} end a key at its first ':' as well as at '=', so they read ${nameLabel(cliKey, 'another key')} `
			+ `instead of ${key()}; ${shortToolNames.standard} and ${shortToolNames['js-sdk']} read ${key()}.`, []));
	}
	if (property.value === '' && property.subProperties.length === 0 && !line.comment) {
		found.push(at(line.key, `${capitalize(js)} does not set a key whose value is empty (it reads \`${key()} =\` as the start of a block `
			+ `of sub-settings), while ${shortToolNames.standard} and ${shortToolNames['aws-cli']} set ${key()} to "". Give it a value or remove it.`,
		[fileFix('Remove this line', file.role, [remove(property.span)])]));
	}
	for (const sub of property.subProperties) {
		const comment = subPropertyComment(file, sub);
		if (comment !== undefined) {
			const { range, text } = sub;
			found.push(at(textRange(comment, text.offset + text.length, range.line, range.offset - range.column),
				`${capitalize(js)} takes the text from ${quoted(file.text.charAt(comment))} on as a comment, while ${shortToolNames.standard} and `
				+ `${shortToolNames['aws-cli']} keep it in the value (sub-settings have no comments). Put the comment on its own line.`,
				[fileFix('Move the comment to its own line above', file.role, moveCommentAbove(file, sub, comment), true)], sub));
		}
	}
	return found;
}

/** Where a comment the JS SDK would cut starts in a sub-property's value (never at the value's first character). */
function subPropertyComment(file: LintedFile, line: SubPropertyLine): number | undefined {
	if (!line.assignment || line.assignment.value.length === 0) {
		return undefined;
	}
	const value = textOf(file, line.assignment.value);
	const match = /\s[#;]/.exec(value);
	return match ? line.assignment.value.offset + match.index + 1 : undefined;
}

/**
 * Indented lines under a value. The JS SDK ignores them, or reads `key = value` ones as keys of their own; the
 * standard joins them to the value with line breaks; the AWS CLI does too, but skips the ones that start with
 * `#` or `;` (comments for configparser, value text for the standard). The fix makes keys of `key = value`
 * lines, comments of comment lines (both by removing the indentation), and joins the rest to the first line.
 */
function continuationFinding(file: LintedFile, target: Section, property: RawProperty, name: string): Detected {
	const { line, continuations } = property;
	const key = nameLabel(name, 'this key');
	const texts = continuations.map((continuation) => textOf(file, continuation.text));
	const isComment = (text: string) => /^[#;]/.test(text);
	const asKeys = texts.every((text) => isComment(text) || /^[A-Za-z0-9_\-/.%@:+]+\s*=/.test(text));
	const joined = texts.filter((text) => !isComment(text));
	const firstValue = textOf(file, line.assignment.value);
	const dedent = (continuation: RawProperty['continuations'][number]) =>
		remove({ offset: continuation.range.offset, length: continuation.text.offset - continuation.range.offset });
	const edits: Edit[] = asKeys
		? continuations.map(dedent)
		: [
			...(joined.length > 0 ? [replace({ offset: line.assignment.value.offset + line.assignment.value.length, length: 0 }, ` ${joined.join(' ')}`)] : []),
			...continuations.map((continuation, index) => isComment(texts[index]) ? dedent(continuation) : remove(continuation.span)),
		];
	const cliValue = [firstValue, ...joined].join('\n');
	const others = cliValue === property.value
		? `${shortToolNames.standard} and ${shortToolNames['aws-cli']} read ${quoted(displayValue(name, property.value))}`
		: `${shortToolNames.standard} reads ${quoted(displayValue(name, property.value))} and ${shortToolNames['aws-cli']} ${quoted(displayValue(name, cliValue))}`;
	const advice = joined.length === 0 ? 'Start the comment at the first column, where every tool reads it as a comment.' : 'Write the value on one line.';
	const message = asKeys && joined.length > 0
		? `${capitalize(js)} reads the indented lines below as keys of their own; ${shortToolNames.standard} and ${shortToolNames['aws-cli']} `
			+ `read them as more lines of ${key}'s value. Remove the indentation if they are keys.`
		: `${capitalize(js)} ignores indented continuation lines: it reads ${key} as ${quoted(displayValue(name, firstValue))}, while ${others}. ${advice}`;
	const fixTitle = asKeys ? 'Remove the indentation' : 'Join the lines into one';
	return {
		finding: { file: file.role, range: property.valueRange, message, fixes: [fileFix(fixTitle, file.role, edits, true)] },
		line: line.range.line,
		file: file.role,
		affects: [sectionKey(target)],
	};
}

/**
 * The lines of keys that are also set in another case in the same section of the file: those are the AWS CLI
 * refusal rule's and the duplicate rule's, and lower-casing one would only make a plain duplicate.
 */
function caseTwins(file: LintedFile): Set<PropertyLine> {
	return new Set(file.repeatedKeys.flatMap((group) => group.map((property) => property.line)));
}

// ---- 2. What the readings show beyond that ----

function unexplainedDifferences(context: LintContext, detected: readonly Detected[], twins: ReadonlyMap<LintedFile, ReadonlySet<PropertyLine>>): RuleFinding[] {
	if (context.differences.length === 0) {
		return [];
	}
	const explainedLines = new Set(detected.map((item) => `${item.file}:${item.line}`));
	const explainedSections = new Set(detected.flatMap((item) => item.affects));
	for (const problem of context.standard.problems) {
		explainedLines.add(`${problem.location.file}:${problem.location.range.line}`);
		if (problem.code === 'section/default-shadowed') {
			explainedSections.add('profile:default');
		}
	}
	for (const file of context.files) {
		for (const section of file.sections) {
			if (!section.target) {
				explainedLines.add(`${file.role}:${section.raw.header.range.line}`);
			}
		}
		// A key set twice in two cases: the AWS CLI refusal and duplicate rules report it.
		twins.get(file)?.forEach((line) => explainedLines.add(`${file.role}:${line.range.line}`));
	}
	return context.differences.flatMap((difference) => {
		if (difference.kind === 'refusal' || !difference.location) {
			return []; // the AWS CLI's refusal is the aws-cli-refuses-file rule's; the standard's, the syntax rule's
		}
		const { file, range } = difference.location;
		if (explainedLines.has(`${file}:${range.line}`) || explainedSections.has(`${difference.section.kind}:${difference.section.name}`)) {
			return [];
		}
		return [{ file, range, message: describe(difference, context.jsSdk !== undefined) }];
	});
}

function sectionKey(section: Section): string {
	return `${section.kind}:${section.name}`;
}

function describe(difference: SectionDifference | PropertyDifference, jsSdkKnown: boolean): string {
	const readers: ReaderName[] = jsSdkKnown ? ['standard', 'aws-cli', 'js-sdk'] : ['standard', 'aws-cli'];
	const what = `${difference.section.kind === 'profile' ? 'profile' : 'sso-session'} ${nameLabel(difference.section.name, '(unnamed)')}`;
	if (difference.kind === 'section') {
		const parts = readers.map((reader) => `${shortToolNames[reader]} ${sectionSight(difference.sights[reader])}`);
		return `The tools disagree about ${what}: ${listOf(parts)}.`;
	}
	const key = nameLabel(difference.property, 'this key');
	const parts = readers.map((reader) => `${shortToolNames[reader]} ${propertySight(difference.property, difference.sights[reader])}`);
	return `The tools read ${key} of ${what} differently: ${listOf(parts)}.`;
}

function sectionSight(sight: SectionSight): string {
	return sight.kind === 'present' ? 'sees it' : sight.kind === 'absent' ? 'does not see it' : 'refuses the file';
}

function propertySight(key: string, sight: PropertySight): string {
	switch (sight.kind) {
		case 'value':
			return `reads ${quoted(displayValue(key, sight.value))}`;
		case 'absent':
			return sight.otherCase === undefined ? 'does not set it' : `sees only ${nameLabel(sight.otherCase, 'another case of it')}`;
		case 'section-absent':
			return 'does not see the section';
		case 'refused':
			return 'refuses the file';
	}
}
