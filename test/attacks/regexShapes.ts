/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The worst-shaped long lines for one regular expression, built from the expression itself: each character
// (class) it contains repeated, pairs of them, a near match (its characters in order) cut short and followed
// by a character it refuses, and the generic shapes (spaces, `a`, `=`, `#`, `[`, tabs, alternations...),
// each run ended by a character the expression refuses.
// Catastrophic backtracking needs a long run that the expression can match in many ways and then a failure;
// these are those runs. A shape is a description (prefix, repeated unit, suffix) so that a worker can build
// the 1 MB string itself.

export interface Shape {
	readonly prefix: string;
	readonly unit: string;
	readonly suffix: string;
}

/** The characters the classes of an expression are sampled from. */
const alphabet: readonly string[] = [
	...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
	'\t', '\n', '\r', '\v', '\f', '\0', '\u0085', '\u00a0', '\u00e9', '\u2028', '\u2029', '\ufeff', '\uffff', '\ud800', '\udc00',
];

const generic: readonly string[] = [
	' ', 'a', 'A', '0', '=', '#', ';', '[', ']', '\t', '\n', '\r\n', '\r', '-', '_', '.', '/', ':', '\\', '"', "'", '`', '$',
	'{', '}', '$' + '{', '%{', '\0', '\u00e9', '\u2028', '\ud800', 'a ', ' a', 'a=', '= ', '[ ', ' #', 'a\n', ' \t', 'a-', 'a.', 'aA0',
];

/** Characters that expressions rarely accept: a run ended by one that the expression refuses fails. */
const refusals: readonly string[] = ['\0', '!', '\n', '~', '\u2028', '\uffff'];

interface Atom {
	/** A few characters this part of the expression matches. */
	readonly members: string[];
	readonly accepts: (char: string) => boolean;
}

/** The literal characters and character classes of the expression, in order (groups and quantifiers left out). */
export function atomsOf(source: string, flags: string): Atom[] {
	const atoms: Atom[] = [];
	const sampled = (body: string): Atom => {
		let test: RegExp;
		try {
			test = new RegExp(`^[${body}]$`, flags.replace(/[gy]/g, ''));
		} catch {
			return { members: [], accepts: () => false };
		}
		const members = alphabet.filter((char) => test.test(char));
		// The first and the last are enough to make the runs that matter: the class allows any.
		return {
			members: [...new Set([members[0], members[members.length - 1]].filter((m) => m !== undefined))],
			accepts: (char) => test.test(char),
		};
	};
	const literal = (char: string): Atom => ({ members: [char], accepts: (other) => other === char });
	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (char === '\\') {
			const next = source[i + 1] ?? '';
			let end = i + 2;
			if (next === 'u' && source[i + 2] === '{') {
				end = source.indexOf('}', i) + 1;
			} else if (next === 'u') {
				end = i + 6;
			} else if (next === 'x') {
				end = i + 4;
			} else if (next === 'p' || next === 'P') {
				end = source.indexOf('}', i) + 1;
			}
			if (!/[bB1-9k]/.test(next)) {
				atoms.push(sampled(source.slice(i, end)));
			}
			i = end - 1;
		} else if (char === '[') {
			let end = i + 1;
			while (end < source.length && source[end] !== ']') {
				end += source[end] === '\\' ? 2 : 1;
			}
			atoms.push(sampled(source.slice(i + 1, end)));
			i = end;
		} else if (char === '.') {
			atoms.push({ members: ['a', ' '], accepts: (other) => !'\n\r\u2028\u2029'.includes(other) || flags.includes('s') });
		} else if (char === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
			i = source.indexOf('}', i);
		} else if (char === '(' && source[i + 1] === '?') {
			// (?: (?= (?! (?<= (?<! (?<name>: skip the marker, keep what is inside.
			const marker = /^\(\?(<[A-Za-z_$][\w$]*>|<=|<!|[:=!])/.exec(source.slice(i));
			i += (marker?.[0].length ?? 2) - 1;
		} else if (!'()|^$*+?'.includes(char)) {
			atoms.push(literal(flags.includes('i') ? char.toLowerCase() : char));
		}
	}
	return atoms.filter((atom) => atom.members.length > 0);
}

/** The shapes to try on one expression, without duplicates. */
export function shapesFor(source: string, flags: string): Shape[] {
	const atoms = atomsOf(source, flags);
	const refusal = refusals.find((char) => !atoms.some((atom) => atom.accepts(char))) ?? refusals[0];
	const shapes = new Map<string, Shape>();
	const add = (prefix: string, unit: string) => {
		if (unit !== '') {
			shapes.set(JSON.stringify([prefix, unit]), { prefix, unit, suffix: refusal });
		}
	};
	for (const unit of generic) {
		add('', unit);
	}
	const singles = [...new Set(atoms.flatMap((atom) => atom.members))];
	for (const unit of singles) {
		add('', unit);
	}
	// Pairs of neighbouring parts, and of every two characters when there are few.
	for (let i = 0; i + 1 < atoms.length; i++) {
		for (const a of atoms[i].members) {
			for (const b of atoms[i + 1].members) {
				add('', a + b);
			}
		}
	}
	if (singles.length <= 6) {
		for (const a of singles) {
			for (const b of singles) {
				add('', a + b);
			}
		}
	}
	// The near match: the expression's characters in order, cut before each part, then that part's
	// characters repeated; and the near match up to each part repeated.
	const skeleton = atoms.map((atom) => atom.members[0]);
	for (let cut = 0; cut < atoms.length; cut++) {
		const prefix = skeleton.slice(0, cut).join('');
		for (const member of atoms[cut].members) {
			add(prefix, member);
		}
		add('', skeleton.slice(0, cut + 1).join(''));
	}
	return [...shapes.values()];
}

export function build(shape: Shape, size: number): string {
	const room = Math.max(1, size - shape.prefix.length - shape.suffix.length);
	return shape.prefix + shape.unit.repeat(Math.ceil(room / shape.unit.length)) + shape.suffix;
}

export function describeShape(shape: Shape): string {
	return `${JSON.stringify(shape.prefix)} + ${JSON.stringify(shape.unit)} * n + ${JSON.stringify(shape.suffix)}`;
}
