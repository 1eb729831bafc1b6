/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import type { FilePair, ProfileOperation } from '../../src/core/editing/profileEdits';
import type { FileRole } from '../../src/core/readings/fileLocations';
import { parseRawProfileFile } from '../../src/core/ini/rawProfileFile';
import { findSections } from '../../src/core/editing/sectionEdits';

/**
 * The regions of the original text an operation may touch: its profile's sections (with the blank lines a
 * deleted section takes along), the end of the file, and for a rename the source_profile values naming it.
 * Every other byte must be left as it was.
 */
export function allowedRegions(files: FilePair, role: FileRole, op: ProfileOperation): [number, number][] {
	const raw = parseRawProfileFile(files[role]);
	const end = files[role].length;
	const regions: [number, number][] = [[end, end]];
	const names = op.op === 'add' ? [op.profile.name] : op.op === 'rename' ? [op.from] : op.op === 'import' ? op.remove : [op.profile];
	for (const section of names.flatMap((name) => findSections(raw, role, { kind: 'profile', name }))) {
		let stop = section.span.offset + section.span.length;
		for (const line of raw.lines) {
			if (line.span.offset === stop && line.kind === 'blank') {
				stop += line.span.length;
			}
		}
		regions.push([section.span.offset, stop]);
	}
	if (op.op === 'rename') {
		for (const section of raw.sections) {
			for (const property of section.properties.filter((p) => p.key.toLowerCase() === 'source_profile')) {
				regions.push([property.span.offset, property.span.offset + property.span.length]);
			}
		}
	}
	return regions;
}
