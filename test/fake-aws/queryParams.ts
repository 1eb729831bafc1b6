/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A Query-protocol request's parameters (`Action=...&Version=...&ActionNames.member.1=...`), read with the
// checks and error wording the services use for a missing or malformed member.

import { constraintViolation } from './awsError';

/** `RoleArn` → `roleArn`, as members are named in validation messages. */
function memberName(name: string): string {
	return name.charAt(0).toLowerCase() + name.slice(1);
}

export class QueryParams {
	constructor(private readonly values: ReadonlyMap<string, string>) {}

	static fromSearchParams(...sources: readonly URLSearchParams[]): QueryParams {
		const values = new Map<string, string>();
		sources.forEach((source) => source.forEach((value, name) => values.set(name, value)));
		return new QueryParams(values);
	}

	get(name: string): string | undefined {
		return this.values.get(name);
	}

	required(name: string): string {
		const value = this.values.get(name);
		if (value === undefined) {
			throw constraintViolation(undefined, memberName(name), 'Member must not be null');
		}
		return value;
	}

	/** `Name.member.1`, `Name.member.2`, ... in order, up to the first gap. */
	list(name: string): string[] {
		const items: string[] = [];
		for (let index = 1; this.values.has(`${name}.member.${index}`); index++) {
			items.push(this.values.get(`${name}.member.${index}`)!);
		}
		return items;
	}

	integer(name: string, min: number, max: number): number | undefined {
		const text = this.values.get(name);
		if (text === undefined) {
			return undefined;
		}
		const value = Number(text);
		if (!Number.isInteger(value)) {
			throw constraintViolation(text, memberName(name), 'Member must be an integer');
		}
		if (value < min) {
			throw constraintViolation(text, memberName(name), `Member must have value greater than or equal to ${min}`);
		}
		if (value > max) {
			throw constraintViolation(text, memberName(name), `Member must have value less than or equal to ${max}`);
		}
		return value;
	}

	/** Every parameter, for the request log. */
	toRecord(): Record<string, string> {
		return Object.fromEntries(this.values);
	}
}
