/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The literal layer of the standard reader (like smithy-rs `env_config/parse.rs`): one file's text becomes its
// sections and their properties exactly as written, in order, with every syntax problem the standard would stop
// at. Nothing is validated, renamed, merged or dropped here: `[profile in valid]`, `[foo]` in the config file
// and a duplicate key are all kept as written; what they mean is standardReader.ts's business.
//
// Unlike the reference, this layer never stops at the first problem: it records it with its range and goes on,
// so an editor can show all of them. The recovery keeps one mistake from causing others: the lines after a
// malformed property (or a property before any section) are taken as its continuation, and an unterminated
// header still opens a section (marked `closed: false`) to hold the lines under it.
//
// Every section and property carries the span of the lines it occupies, terminators included, so that edits can
// insert or remove whole lines without re-parsing.
//
// As jsonc-parser's `visit` and `parseTree` do, the parse tells what it finds to a visitor as it goes
// (`LiteralVisitor`), and the plain objects of `RawProfileFile` are what one visitor builds. The standard reading
// (standardReader.ts) is another visitor, which makes objects only for what it keeps: both read the one parse.

import {
	absent,
	Assignment,
	ContinuationLine,
	HeaderLine,
	LineEnding,
	createLineScanner,
	LineScanner,
	PropertyLine,
	ScannedLine,
	scannedLine,
	SubPropertyLine,
} from './iniScanner';
import type { TextRange } from '../text/textRange';

/** The syntax problems of the standard: each makes the SDKs that follow it refuse the whole file. */
export type SyntaxProblemCode =
	| 'syntax/unterminated-header'
	| 'syntax/property-outside-section'
	| 'syntax/continuation-outside-section'
	| 'syntax/continuation-without-property'
	| 'syntax/missing-equals'
	| 'syntax/empty-key'
	| 'syntax/sub-property-missing-equals'
	| 'syntax/sub-property-empty-key';

/** A syntax problem: always an error for the standard. The message quotes nothing from the file. */
export interface SyntaxProblem {
	readonly code: SyntaxProblemCode;
	readonly message: string;
	readonly range: TextRange;
}

/** A property line with its `=`: the only kind of property line that makes a property. */
export type AssignedPropertyLine = PropertyLine & { readonly assignment: Assignment };

/** One `key = value` as written, with the lines that continue it. */
export interface RawProperty {
	readonly line: AssignedPropertyLine;
	/** The key as written (the standard lower-cases it). */
	readonly key: string;
	/**
	 * The value as the standard builds it: the first line's value, then `\n` and each following line trimmed.
	 * For sub-properties that gives smithy-rs's raw form, `"\nname = value"`.
	 */
	readonly value: string;
	/** The indented lines that continue a value; empty when there are none or they are sub-properties. */
	readonly continuations: readonly ContinuationLine[];
	/**
	 * The indented `key = value` lines under a property whose own value is empty (`s3 =`), in order; empty
	 * otherwise. A line without `=` or without a key is kept here too (it is also a syntax problem).
	 */
	readonly subProperties: readonly SubPropertyLine[];
	/** From the value's first character to its last, continuation and sub-property lines included; zero-length
	 * just after the `=` when there is no value at all. */
	readonly valueRange: TextRange;
	/**
	 * From the start of the property's line to the end of its last line, terminator included (none when that is
	 * the file's last line and it has none: an insertion after it must then start with the file's `eol`).
	 */
	readonly span: TextRange;
}

/** One section header and the properties under it, as written. */
export interface RawSection {
	readonly header: HeaderLine;
	/** The first word inside the brackets when a name follows it: `profile`, `sso-session`, `services`... */
	readonly prefix?: string;
	/** The name, trimmed: `foo` in `[profile foo]`, `default` in `[default]`; possibly empty or invalid. */
	readonly name: string;
	/**
	 * The well-formed properties, in order (duplicates included). A malformed property line (no `=`, no key) is
	 * no property, but it is among the file's `lines` and inside the section's span.
	 */
	readonly properties: readonly RawProperty[];
	/**
	 * From the start of the header's line to the end of the section's last non-blank, non-comment line,
	 * terminator included (none at the end of a file without a final one). Comment and blank lines between
	 * properties are inside; those after the last property belong to no section (they usually introduce the
	 * next one).
	 */
	readonly span: TextRange;
}

/** One file, parsed literally. */
export interface RawProfileFile {
	/** 1 when the text starts with a byte order mark; offsets count it, parsing skips it. */
	readonly bomLength: 0 | 1;
	/** The line terminator to write in new lines: the file's first one, `\n` when it has none. */
	readonly eol: LineEnding;
	/** Every line, classified (comments and blank lines included). */
	readonly lines: readonly ScannedLine[];
	/** Every header in order, unterminated ones included (`header.closed` is false then). */
	readonly sections: readonly RawSection[];
	/** Every syntax problem, in order. The standard accepts the file only when there is none. */
	readonly problems: readonly SyntaxProblem[];
}

/**
 * What the literal parse tells a reader as it goes, each while the scanner is at the line in question: the scanner's
 * fields describe that line until the callback returns.
 */
export interface LiteralVisitor {
	/** Every line, before what it means is told. */
	onLine?(scanner: LineScanner): void;
	/** A header line: a section starts (an unterminated header starts one too). */
	onSection?(scanner: LineScanner): void;
	/** A property line with its `=` and a key: a property starts. */
	onProperty?(scanner: LineScanner): void;
	/** An indented line of that property: a continuation, or a sub-property line when its own value was empty. */
	onIndentedLine?(scanner: LineScanner): void;
	/**
	 * That property is complete. `value`: as the standard builds it (see RawProperty); `valueRange`: from its first
	 * character to its last; `end`: where its last line ends, terminator included.
	 */
	onPropertyEnd?(value: string, valueRange: TextRange, end: number): void;
	/** The section is complete; `end`: where its last line ends, terminator included. */
	onSectionEnd?(end: number): void;
	onProblem?(problem: SyntaxProblem): void;
}

/**
 * Parses one file's text literally. Never throws. `alongside`: a reader that reads the same parse as it goes (the
 * standard reading does, for the lint, which needs both).
 */
export function parseRawProfileFile(text: string, alongside?: LiteralVisitor): RawProfileFile {
	return parseKeeping(text, undefined, alongside);
}

/**
 * The literal parse of the sections named in `names` only (lower case; a name matches in any case, so that whoever
 * looks for a name among them finds every spelling of it): what an edit of a few sections needs of a large file,
 * which keeps no object for the lines of the other sections. `lines` holds the lines from each kept header to the
 * next header, and the file's last line; `sections` and `problems`, those of the kept sections.
 */
export function parseRawProfileSections(text: string, names: ReadonlySet<string>): RawProfileFile {
	return parseKeeping(text, (name) => names.has(name.toLowerCase()));
}

/** The literal parse kept as objects (see rawFileBuilder for `keeps`), with `alongside` reading it too. */
function parseKeeping(text: string, keeps?: (name: string) => boolean, alongside?: LiteralVisitor): RawProfileFile {
	const { visitor, result } = rawFileBuilder(text, keeps);
	const { bomLength, eol } = visitLiteral(text, alongside ? inTurn(visitor, alongside) : visitor);
	return { bomLength, eol, ...result };
}

/** How many syntax problems `text` has (those parseRawProfileFile lists). */
export function countSyntaxProblems(text: string): number {
	let count = 0;
	visitLiteral(text, { onProblem: () => count++ });
	return count;
}

/**
 * Parses `text` literally, telling `visitor` what it finds: the standard's line state machine, with the recovery
 * described above. Returns what the scanner tells of the whole text.
 */
export function visitLiteral(text: string, visitor: LiteralVisitor): Pick<RawProfileFile, 'bomLength' | 'eol'> {
	const scanner = createLineScanner(text);
	// Each callback taken once, as jsonc-parser's `visit` does: the loop below calls plain functions.
	const {
		onLine = ignore, onSection = ignore, onProperty = ignore, onIndentedLine = ignore, onPropertyEnd = ignore, onSectionEnd = ignore,
		onProblem = ignore,
	} = visitor;
	/**
	 * What indented lines continue: nothing yet (an error), a line that was already reported (then the indented
	 * lines are quietly part of that mistake), or a property.
	 */
	let open: 'nothing' | 'mistake' | 'property' = 'nothing';
	/** Whether a section is open, and where its last line so far ends. */
	let inSection = false;
	let sectionEnd = 0;
	// The property being read (when `open` is 'property'): its value and value range so far, and where its last line
	// ends.
	let value = '';
	let valueRange: TextRange | undefined;
	let propertyEnd = 0;

	const report = (code: SyntaxProblemCode, message: string, start: number, end: number) =>
		onProblem({ code, message, range: scanner.rangeOf(start, end) });

	/** A property is complete when the next header or property line, or the end of the file, comes. */
	const closeProperty = () => {
		if (open === 'property') {
			onPropertyEnd(value, valueRange!, propertyEnd);
		}
		open = 'nothing';
	};
	const closeSection = () => {
		if (inSection) {
			inSection = false;
			onSectionEnd(sectionEnd);
		}
	};
	const acceptHeader = () => {
		closeProperty();
		closeSection();
		inSection = true;
		sectionEnd = scanner.next;
		onSection(scanner);
		if (!scanner.closed) {
			report('syntax/unterminated-header', "Section definition must end with ']' (only a comment may follow it)", scanner.start, scanner.headerEnd);
		}
	};
	const acceptProperty = () => {
		closeProperty();
		open = 'mistake';
		if (!inSection) {
			report('syntax/property-outside-section', 'Expected a section definition, such as [profile name], before this property',
				scanner.keyStart, scanner.keyEnd);
			return;
		}
		sectionEnd = scanner.next; // a section runs to its last property or indented line, malformed ones included
		if (scanner.equals === absent) {
			report('syntax/missing-equals', "Expected an '=' sign defining a property", scanner.keyStart, scanner.keyEnd);
		} else if (scanner.keyStart === scanner.keyEnd) {
			report('syntax/empty-key', 'Property did not have a name', scanner.equals, scanner.equals + 1);
		} else {
			open = 'property';
			value = scanner.slice(scanner.valueStart, scanner.valueEnd);
			valueRange = scanner.valueRange();
			propertyEnd = scanner.next;
			onProperty(scanner);
		}
	};
	const acceptIndented = () => {
		if (inSection) {
			sectionEnd = scanner.next;
		}
		if (open === 'mistake') {
			return;
		}
		if (open === 'nothing') {
			if (inSection) {
				report('syntax/continuation-without-property', 'Expected a property definition, found continuation', scanner.textStart, scanner.textEnd);
			} else {
				report('syntax/continuation-outside-section', 'Expected a section definition, found continuation', scanner.textStart, scanner.textEnd);
			}
			open = 'mistake';
			return;
		}
		// The standard's value: the first line's, then `\n` and each indented line, trimmed. After an empty first
		// value, the value as written starts on the first indented line (whose text is never empty).
		value += '\n' + scanner.slice(scanner.textStart, scanner.textEnd);
		const from = valueRange!.length > 0 ? valueRange! : scanner.rangeOf(scanner.textStart, scanner.textEnd);
		valueRange = { ...from, length: scanner.textEnd - from.offset };
		propertyEnd = scanner.next;
		onIndentedLine(scanner);
		if (scanner.kind === 'continuation') {
			return;
		}
		if (scanner.equals === absent) {
			report('syntax/sub-property-missing-equals', "Expected an '=' sign defining a sub-property", scanner.keyStart, scanner.keyEnd);
		} else if (scanner.keyStart === scanner.keyEnd) {
			report('syntax/sub-property-empty-key', 'Sub-property did not have a name', scanner.equals, scanner.equals + 1);
		}
	};

	while (scanner.scan()) {
		onLine(scanner);
		switch (scanner.kind) {
			case 'header':
				acceptHeader();
				break;
			case 'property':
				acceptProperty();
				break;
			case 'continuation':
			case 'sub-property':
				acceptIndented();
				break;
		}
	}
	closeProperty();
	closeSection();
	return { bomLength: scanner.bomLength, eol: scanner.eol };
}

type IndentedLine = ContinuationLine | SubPropertyLine;

/**
 * The visitor that builds a RawProfileFile from the parse, and what it built. With `keeps`, only the lines,
 * sections and problems from each header whose name it keeps to the next header are kept (and the file's last
 * line); without it, all of them.
 */
function rawFileBuilder(text: string, keeps?: (name: string) => boolean): {
	readonly visitor: LiteralVisitor;
	readonly result: Pick<RawProfileFile, 'lines' | 'sections' | 'problems'>;
} {
	const result = { lines: [] as ScannedLine[], sections: [] as RawSection[], problems: [] as SyntaxProblem[] };
	/** Whether the current line is kept, and its object when it is. */
	let keeping = keeps === undefined;
	let line: ScannedLine | undefined;
	/** The kept section being read, the property being read in it, and that property's indented lines so far. */
	let section: { readonly header: HeaderLine; readonly properties: RawProperty[] } | undefined;
	let property: AssignedPropertyLine | undefined;
	let indented: IndentedLine[] = [];
	const visitor: LiteralVisitor = {
		onLine: (scanner) => {
			if (scanner.kind === 'header' && keeps) {
				keeping = keeps(scanner.slice(scanner.nameStart, scanner.nameEnd));
			}
			line = undefined;
			if (keeping || scanner.next === text.length) {
				line = scannedLine(scanner);
				result.lines.push(line);
			}
		},
		onSection: () => {
			section = keeping ? { header: line as HeaderLine, properties: [] } : undefined;
		},
		onProperty: () => {
			if (section) {
				property = line as AssignedPropertyLine;
				indented = [];
			}
		},
		onIndentedLine: () => {
			if (property) {
				indented.push(line as IndentedLine);
			}
		},
		onPropertyEnd: (value, valueRange, end) => {
			const first = property;
			property = undefined;
			if (first && section) {
				section.properties.push(rawProperty(text, first, indented, value, valueRange, end));
			}
		},
		onSectionEnd: (end) => {
			if (section) {
				const { header, properties } = section;
				result.sections.push({
					header,
					prefix: header.prefix ? sliceOf(text, header.prefix) : undefined,
					name: sliceOf(text, header.name),
					properties,
					span: spanTo(header, end),
				});
			}
			section = undefined;
		},
		onProblem: (problem) => {
			if (keeping) {
				result.problems.push(problem);
			}
		},
	};
	return { visitor, result };
}

function rawProperty(text: string, line: AssignedPropertyLine, indented: readonly IndentedLine[], value: string, valueRange: TextRange, end: number): RawProperty {
	// The scanner decides at the property's line whether the lines under it are sub-properties: all are, or none.
	const subProperties = indented.length > 0 && indented[0].kind === 'sub-property';
	return {
		line,
		key: sliceOf(text, line.key),
		value,
		continuations: subProperties || indented.length === 0 ? noLines : indented as ContinuationLine[],
		subProperties: subProperties ? indented as SubPropertyLine[] : noLines,
		valueRange,
		span: indented.length === 0 ? line.span : spanTo(line, end),
	};
}

/** A visitor that tells `first`, then `second`, everything. */
function inTurn(first: LiteralVisitor, second: LiteralVisitor): LiteralVisitor {
	return {
		onLine: (scanner) => (first.onLine?.(scanner), second.onLine?.(scanner)),
		onSection: (scanner) => (first.onSection?.(scanner), second.onSection?.(scanner)),
		onProperty: (scanner) => (first.onProperty?.(scanner), second.onProperty?.(scanner)),
		onIndentedLine: (scanner) => (first.onIndentedLine?.(scanner), second.onIndentedLine?.(scanner)),
		onPropertyEnd: (value, valueRange, end) => (first.onPropertyEnd?.(value, valueRange, end), second.onPropertyEnd?.(value, valueRange, end)),
		onSectionEnd: (end) => (first.onSectionEnd?.(end), second.onSectionEnd?.(end)),
		onProblem: (problem) => (first.onProblem?.(problem), second.onProblem?.(problem)),
	};
}

const noLines: readonly never[] = Object.freeze([]);

/** A callback a visitor leaves out. */
function ignore(): void {
	// nothing to do
}

function sliceOf(text: string, range: TextRange): string {
	return text.slice(range.offset, range.offset + range.length);
}

/** From the start of `first` to `end`. */
function spanTo(first: ScannedLine, end: number): TextRange {
	const { offset, line, column } = first.span;
	return { offset, length: end - offset, line, column };
}
