/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the rules found under one header, kept from one lint to the next: an edit changes a few sections, and the
// thousands of others are the same lines, maybe moved. What is kept depends only on a section's lines, its file
// (which one, and the line terminator it writes) and the kind of section the standard reads it as; it is moved
// with the lines when the edit added or removed text above them. The sections before and after the edit are found by position, without comparing texts. Only
// the last lint's values are kept, so the memo never grows.

import type { FileRole } from '../readings/fileLocations';
import type { TextRange } from '../readings/profileSet';
import type { Edit } from '../text/textEdits';
import type { LintedFile } from './lintContext';
import type { FileEdits, QuickFix, RelatedLocation, RuleFinding } from './rule';

/** How far a section's lines moved: `offset` characters and `lines` lines, in one file. */
export interface Move {
	readonly file: FileRole;
	readonly offset: number;
	readonly lines: number;
}

/** Computes one value of a section's lines; `move` gives the value for the same lines moved. */
export interface SectionValue<T> {
	compute(): T;
	move(value: T, by: Move): T;
}

/** The values kept for one section's lines, by purpose, with where the lines were when they were computed. */
interface Slot {
	readonly offset: number;
	readonly line: number;
	readonly values: Map<string, unknown>;
	/** The values of the same lines in the last lint, elsewhere in the file: moved when asked for. */
	readonly moved?: Omit<Slot, 'moved'>;
}

/** One file's sections in this lint, and where the same lines were in the last one. */
interface FileSlots {
	readonly file: LintedFile;
	readonly slots: (Slot | undefined)[];
	/** The file as the last lint saw it, with its slots; undefined when it had no such file. */
	readonly previous?: { readonly file: LintedFile; readonly slots: readonly (Slot | undefined)[] };
}

export class SectionMemo {
	private readonly byFile = new Map<FileRole, FileSlots>();

	/** `previous`: the memo of the last lint, whose values are reused. */
	constructor(private previous?: SectionMemo) { }

	/** The memo for the next lint, which starts from this one's values; this one forgets the older ones. */
	next(): SectionMemo {
		this.previous = undefined;
		return new SectionMemo(this);
	}

	/**
	 * The value `purpose` computes for the lines of `file.sections[index]`, computed again only for lines the last
	 * lint did not see. `purpose` names one computation: the same purpose always computes the same thing.
	 */
	value<T>(purpose: string, file: LintedFile, index: number, computing: SectionValue<T>): T {
		const slot = this.slotOf(file, index);
		if (slot.values.has(purpose)) {
			return slot.values.get(purpose) as T;
		}
		const { moved } = slot;
		const value = moved?.values.has(purpose)
			? computing.move(moved.values.get(purpose) as T, { file: file.role, offset: slot.offset - moved.offset, lines: slot.line - moved.line })
			: computing.compute();
		slot.values.set(purpose, value);
		return value;
	}

	private slotOf(file: LintedFile, index: number): Slot {
		let fileSlots = this.byFile.get(file.role);
		if (fileSlots?.file !== file) {
			fileSlots = this.fileSlots(file);
			this.byFile.set(file.role, fileSlots);
		}
		return fileSlots.slots[index] ??= this.newSlot(file, index, fileSlots);
	}

	private fileSlots(file: LintedFile): FileSlots {
		const slots = new Array<Slot | undefined>(file.sections.length);
		const previous = this.previous?.byFile.get(file.role);
		// Fixes that add lines write the file's line terminator (its first one): a value is the lines' and that.
		if (!previous || previous.file.raw.eol !== file.raw.eol) {
			return { file, slots };
		}
		// `file.change` is from the file of the same role in the parse this one was made after, and that is
		// `previous.file`: a memo goes with one parse (lintContext.ts `parseProfileFiles` makes the next one from
		// it), and the rules ask it only about that parse's files.
		return { file, slots, previous: { file: previous.file, slots: previous.slots } };
	}

	/**
	 * A slot for a section, with the values of the same lines in the last lint when they were there: the lines
	 * before an edit are where they were, those after it moved with the text the edit added or removed.
	 */
	private newSlot(file: LintedFile, index: number, fileSlots: FileSlots): Slot {
		const section = file.sections[index];
		const { offset, line } = section.raw.header.span;
		const fresh = (): Slot => ({ offset, line, values: new Map() });
		const { previous } = fileSlots;
		const { change } = file;
		if (!previous) {
			return fresh();
		}
		let before = index;
		let shift = 0;
		if (change && section.end > change.start) {
			if (offset < change.newEnd) {
				return fresh(); // lines the edit touched
			}
			before = index + previous.file.sections.length - file.sections.length;
			shift = change.newEnd - change.oldEnd;
		}
		const kept = previous.slots[before];
		const then = previous.file.sections[before];
		// Same lines (the text between is the same on both sides of an edit) read as the same kind of section.
		if (!kept || !then || then.raw.header.span.offset !== offset - shift || then.end !== section.end - shift
			|| then.target?.kind !== section.target?.kind) {
			return fresh();
		}
		if (kept.offset === offset && kept.line === line) {
			return kept;
		}
		return { offset, line, values: new Map(), moved: { offset: kept.offset, line: kept.line, values: kept.values } };
	}
}

/** A finding in lines that moved, moved with them (its ranges, related locations and fixes in the same file). */
export function movedFinding(finding: RuleFinding, by: Move): RuleFinding {
	return {
		...finding,
		range: movedRange(finding.range, finding.file, by),
		...(finding.related ? { related: finding.related.map((related) => movedRelated(related, by)) } : {}),
		...(finding.fixes ? { fixes: finding.fixes.map((fix) => movedFix(fix, by)) } : {}),
	};
}

export function movedRange(range: TextRange, file: FileRole, by: Move): TextRange {
	return file === by.file ? { ...range, offset: range.offset + by.offset, line: range.line + by.lines } : range;
}

function movedRelated(related: RelatedLocation, by: Move): RelatedLocation {
	return { ...related, range: movedRange(related.range, related.file, by) };
}

function movedFix(fix: QuickFix, by: Move): QuickFix {
	return fix.kind === 'edits' ? { ...fix, edits: fix.edits.map((edits) => movedEdits(edits, by)) } : fix;
}

function movedEdits(edits: FileEdits, by: Move): FileEdits {
	return edits.file === by.file ? { ...edits, edits: edits.edits.map((edit): Edit => ({ ...edit, offset: edit.offset + by.offset })) } : edits;
}
