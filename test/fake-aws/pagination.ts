/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// IAM's list pagination: `MaxItems` (1 to 1000, 100 by default) and an opaque `Marker`; every list answer
// says `IsTruncated`, and carries the `Marker` to send next when it is true.

import { validationError } from './awsError';
import type { QueryParams } from './queryParams';
import { leaf, optionalLeaf, XmlNode } from './queryXml';

export interface Page<T> {
	readonly items: readonly T[];
	/** The marker of the next page; undefined on the last one. */
	readonly nextMarker: string | undefined;
}

const markerPrefix = 'fake-aws:';

function encodeMarker(offset: number): string {
	return Buffer.from(markerPrefix + offset).toString('base64');
}

function decodeMarker(marker: string): number {
	const text = Buffer.from(marker, 'base64').toString('utf8');
	const offset = Number(text.slice(markerPrefix.length));
	if (!text.startsWith(markerPrefix) || !Number.isInteger(offset) || offset < 0) {
		throw validationError('Invalid Marker.');
	}
	return offset;
}

export function paginate<T>(items: readonly T[], params: QueryParams): Page<T> {
	const maxItems = params.integer('MaxItems', 1, 1000) ?? 100;
	const marker = params.get('Marker');
	const start = marker === undefined ? 0 : decodeMarker(marker);
	const end = start + maxItems;
	return { items: items.slice(start, end), nextMarker: end < items.length ? encodeMarker(end) : undefined };
}

export function paginationFields(page: Page<unknown>): XmlNode[] {
	const marker = optionalLeaf('Marker', page.nextMarker);
	return marker ? [leaf('IsTruncated', page.nextMarker !== undefined), marker] : [leaf('IsTruncated', false)];
}
