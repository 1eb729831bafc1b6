/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The XML of the AWS Query protocol: `<ActionResponse xmlns=...><ActionResult>...</ActionResult>
// <ResponseMetadata><RequestId>` for answers, `<ErrorResponse><Error><Type/><Code/><Message/></Error>
// <RequestId/>` for errors, lists as `<Name><member>...</member></Name>`, timestamps as ISO 8601 in UTC.

export type XmlNode =
	| { readonly name: string; readonly text: string }
	| { readonly name: string; readonly children: readonly XmlNode[] };

export const namespaces = {
	sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
	iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
} as const;

/** A timestamp as IAM writes it: `2014-10-10T14:37:51Z`. */
export function isoSeconds(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function leaf(name: string, value: string | number | boolean | Date): XmlNode {
	return { name, text: value instanceof Date ? isoSeconds(value) : String(value) };
}

/** An element; `undefined` children (absent optional fields) are left out. */
export function element(name: string, children: readonly (XmlNode | undefined)[]): XmlNode {
	return { name, children: children.filter((child): child is XmlNode => child !== undefined) };
}

export function optionalLeaf(name: string, value: string | number | Date | undefined): XmlNode | undefined {
	return value === undefined ? undefined : leaf(name, value);
}

export function memberList<T>(name: string, items: readonly T[], member: (item: T) => readonly (XmlNode | undefined)[]): XmlNode {
	return element(name, items.map((item) => element('member', member(item))));
}

function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' })[c] ?? c);
}

function render(node: XmlNode, indent: string): string {
	if ('text' in node) {
		return `${indent}<${node.name}>${escapeXml(node.text)}</${node.name}>\n`;
	}
	if (node.children.length === 0) {
		return `${indent}<${node.name}/>\n`;
	}
	const inner = node.children.map((child) => render(child, indent + '  ')).join('');
	return `${indent}<${node.name}>\n${inner}${indent}</${node.name}>\n`;
}

function document(root: string, namespace: string | undefined, children: readonly XmlNode[]): string {
	const xmlns = namespace === undefined ? '' : ` xmlns="${namespace}"`;
	const inner = children.map((child) => render(child, '  ')).join('');
	return `<${root}${xmlns}>\n${inner}</${root}>\n`;
}

/** An answer; `result` undefined for actions that answer nothing but their request ID (UpdateAccessKey...). */
export function successDocument(action: string, namespace: string, result: readonly XmlNode[] | undefined, requestId: string): string {
	const metadata = element('ResponseMetadata', [leaf('RequestId', requestId)]);
	const body = result === undefined ? [metadata] : [element(`${action}Result`, result), metadata];
	return document(`${action}Response`, namespace, body);
}

export interface ErrorFields {
	readonly type: 'Sender' | 'Receiver';
	readonly code: string;
	readonly message: string;
}

export function errorDocument(namespace: string | undefined, error: ErrorFields, requestId: string): string {
	return document('ErrorResponse', namespace, [
		element('Error', [leaf('Type', error.type), leaf('Code', error.code), leaf('Message', error.message)]),
		leaf('RequestId', requestId),
	]);
}
