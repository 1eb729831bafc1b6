/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Records of a few integers each, side by side in one Int32Array: how a read keeps its properties
// (propertyStore.ts) and its sections (sectionTable.ts), rather than as an object each.
//
// Why `reserve`: growing by doubling allocates and copies about twice what the records finally take, and a large
// Int32Array is fresh memory that the process takes from the system page by page. Reading a 10,000-profile pair
// right after a garbage collection took 19 ms growing its arrays from small, 11 ms with them sized from the length
// of the text at once.

export class Int32Records {
	/** The fields of record `i` are at `i * fieldCount`; replaced when the records grow, so read it afresh. */
	data: Int32Array;
	/** How many records were added. */
	count = 0;

	constructor(private readonly fieldCount: number, capacity = 16) {
		this.data = new Int32Array(fieldCount * capacity);
	}

	/** Makes room for `more` records after those added, in one allocation when there is not enough. */
	reserve(more: number): void {
		const needed = (this.count + more) * this.fieldCount;
		if (needed > this.data.length) {
			this.resize(needed);
		}
	}

	/** Removes every record, keeping the room they took. */
	clear(): void {
		this.count = 0;
	}

	/** Adds a record and returns its index. Its fields are 0, or those of a record removed by `clear`. */
	add(): number {
		const index = this.count++;
		if ((index + 1) * this.fieldCount > this.data.length) {
			this.resize(Math.max(this.data.length * 2, this.fieldCount * 16));
		}
		return index;
	}

	private resize(length: number): void {
		const data = new Int32Array(length);
		data.set(this.data.subarray(0, this.count * this.fieldCount));
		this.data = data;
	}
}
