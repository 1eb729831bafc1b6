/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the rules found under one header, kept from one lint to the next: an edit changes a few sections, and the
// thousands of others are the same lines, maybe moved. What is kept depends only on a section's lines, its file
// and the kind of section the standard reads it as (the key of the memo); it is moved with the lines when the
// edit added or removed text above them. Only the last lint's values are kept, so the memo never grows.

import type { FileRole } from '../profileFilesReader';
import type { TextRange } from '../profileSet';
import type { Edit } from '../textEdits';
import type { LintedFile, LintedSection } from './lintContext';
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

const sectionKinds = ['', 'profile', 'sso-session', 'services'] as const;

export class SectionMemo {
	/** By file (config first) and kind of section (none first), the slots by the section's lines. */
	private readonly slots: Map<string, Slot>[] = Array.from({ length: 2 * sectionKinds.length }, () => new Map());
	/** The slot of each section of this lint, by file and index, found once. */
	private readonly byFile = new Map<LintedFile, Slot[]>();

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
		let slots = this.byFile.get(file);
		if (!slots) {
			slots = new Array<Slot>(file.sections.length);
			this.byFile.set(file, slots);
		}
		return slots[index] ??= this.findSlot(file, file.sections[index]);
	}

	private findSlot(file: LintedFile, section: LintedSection): Slot {
		const group = (file.role === 'config' ? 0 : sectionKinds.length) + sectionKinds.indexOf(section.target?.kind ?? '');
		const { offset, line } = section.raw.header.span;
		const lines = file.text.slice(offset, section.end);
		const own = this.slots[group];
		const found = own.get(lines) ?? this.previous?.slots[group].get(lines);
		let slot: Slot;
		if (found && found.offset === offset && found.line === line) {
			slot = found;
		} else {
			// The lines were elsewhere: a new slot, whose values come from the old one when asked for.
			// (Never a slot that has moved values of its own: older lints' values are not kept.)
			slot = { offset, line, values: new Map(), ...(found ? { moved: { offset: found.offset, line: found.line, values: found.values } } : {}) };
		}
		own.set(lines, slot);
		return slot;
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
