/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The partial literal parse an edit makes of a large file (parseRawProfileSections) must give, for the sections it
// keeps, exactly what the full parse gives; and the syntax problem count of the edit's safety net, what it lists.

import * as assert from 'node:assert/strict';
import { countSyntaxProblems, parseRawProfileFile, parseRawProfileSections, RawProfileFile } from '../../src/core/ini/rawProfileFile';

const texts: Record<string, string> = {
	'plain': '[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n; note\n\n[profile prod]\noutput = json\n',
	'CRLF, BOM, no final line break': '\ufeff[profile dev]\r\nregion = x\r\n\r\n[profile other]\r\nk = v',
	'duplicates and spellings': '[profile dev]\na = 1\n[profile Dev]\nb = 2\n[profile  dev ]\nc = 3\n[sso-session dev]\nd = 4\n[dev]\ne = 5\n',
	'continuations and sub-properties': '[profile dev]\nnote = x\n  more\n# inside\n  still\ns3 =\n  a = 1\n  b = 2\n[profile z]\nk = v\n  tail\n',
	'syntax problems': 'orphan = 1\n[profile dev\nno equals here\n  continued\n[profile z]\n= empty key\n[profile dev]\nk = v\n',
	'last line in another section': '[profile dev]\nk = v\n\n# after dev\n\n[profile z]\nlast = line',
	'last line blank': '[profile z]\nk = v\n[profile dev]\nk = v\n\n',
};

/** What of a section an edit reads: where it is, its name, its properties as written. */
function sectionsOf(raw: RawProfileFile, names: ReadonlySet<string>) {
	return raw.sections.filter((section) => names.has(section.name.toLowerCase())).map((section) => ({
		span: section.span,
		prefix: section.prefix,
		name: section.name,
		closed: section.header.closed,
		properties: section.properties.map((property) => ({ key: property.key, value: property.value, span: property.span, valueRange: property.valueRange })),
	}));
}

describe('The literal parse of some sections only', () => {
	for (const [label, text] of Object.entries(texts)) {
		it(`keeps exactly what the full parse has of them: ${label}`, () => {
			const full = parseRawProfileFile(text);
			for (const names of [new Set(['dev']), new Set(['z']), new Set(['dev', 'z']), new Set(['missing'])]) {
				const partial = parseRawProfileSections(text, names);
				assert.deepEqual(sectionsOf(partial, names), sectionsOf(full, names));
				assert.equal(partial.sections.length, sectionsOf(full, names).length, 'no other section');
				assert.equal(partial.eol, full.eol);
				assert.equal(partial.bomLength, full.bomLength);
				assert.deepEqual(partial.lines[partial.lines.length - 1]?.span, full.lines[full.lines.length - 1]?.span, 'the last line');
				for (const section of partial.sections) {
					// The lines from the header on, up to the next header: those deleting the section looks at.
					const from = full.lines.findIndex((line) => line.span.offset === section.header.span.offset);
					let to = from + 1;
					while (to < full.lines.length && full.lines[to].kind !== 'header') {
						to++;
					}
					const spans = partial.lines.map((line) => line.span.offset);
					for (const line of full.lines.slice(from, to)) {
						assert.ok(spans.includes(line.span.offset), `line at ${line.span.offset} kept`);
					}
				}
			}
		});
	}

	it('counts the syntax problems the full parse lists', () => {
		for (const text of Object.values(texts)) {
			assert.equal(countSyntaxProblems(text), parseRawProfileFile(text).problems.length);
		}
		assert.ok(countSyntaxProblems(texts['syntax problems']) >= 4);
	});
});
