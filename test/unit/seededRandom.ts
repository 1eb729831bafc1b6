/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Seeded randomness for the property tests, so that a failure can be replayed from its seed.

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Choices drawn from a generator. */
export class Gen {
	constructor(private readonly next: () => number) { }
	int(n: number): number { return Math.floor(this.next() * n); }
	pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
	chance(p: number): boolean { return this.next() < p; }
}
