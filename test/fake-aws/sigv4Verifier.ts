/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Signature Version 4 as a service checks it: read the Authorization header, rebuild the request the client
// signed (method, path, query, the headers it says it signed, the body) and sign it again with the secret we
// hold, using @smithy/signature-v4, the signer the SDK itself uses. Nothing here decides which AWS error to
// answer; that is authentication.ts.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SigV4Authorization {
	readonly accessKeyId: string;
	/** The credential scope's date, `YYYYMMDD`. */
	readonly scopeDate: string;
	readonly region: string;
	readonly service: string;
	readonly signedHeaders: readonly string[];
	readonly signature: string;
}

export type AuthorizationParse =
	| { readonly ok: true; readonly authorization: SigV4Authorization }
	| { readonly ok: false; readonly problem: string };

/** The request as it arrived; header names in lower case (as Node gives them). */
export interface ReceivedRequest {
	readonly method: string;
	readonly path: string;
	readonly query: Readonly<Record<string, string | string[]>>;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: Buffer;
}

const algorithm = 'AWS4-HMAC-SHA256';

/** `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/sts/aws4_request, SignedHeaders=a;b, Signature=hex`. */
export function parseAuthorization(header: string): AuthorizationParse {
	const space = header.indexOf(' ');
	const scheme = space < 0 ? header : header.slice(0, space);
	if (scheme !== algorithm) {
		return { ok: false, problem: `Unsupported AWS 'algorithm': '${scheme}'` };
	}
	const fields = new Map<string, string>();
	for (const part of header.slice(space + 1).split(',')) {
		const equals = part.indexOf('=');
		if (equals > 0) {
			fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
		}
	}
	const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !fields.get(name));
	if (missing.length > 0) {
		return { ok: false, problem: missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' ') };
	}
	const scope = fields.get('Credential')!.split('/');
	if (scope.length !== 5 || scope[4] !== 'aws4_request' || scope.some((part) => part === '')) {
		return { ok: false, problem: 'Credential should be scoped to a valid region, not the one sent.' };
	}
	const [accessKeyId, scopeDate, region, service] = scope;
	return {
		ok: true,
		authorization: {
			accessKeyId, scopeDate, region, service,
			signedHeaders: fields.get('SignedHeaders')!.split(';'),
			signature: fields.get('Signature')!,
		},
	};
}

/** `20250101T120000Z` → a Date; `undefined` when the text is not in that form. */
export function parseAmzDate(text: string | undefined): Date | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
	if (!match) {
		return undefined;
	}
	const [, year, month, day, hour, minute, second] = match.map(Number);
	const parsed = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

export function formatAmzDate(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): Buffer | string {
	if (typeof data === 'string') {
		return data;
	}
	return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

/** SHA-256 (or its HMAC when given a key) from Node's crypto, in the shape the signer takes. */
class NodeSha256 {
	private readonly hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;

	constructor(secret?: SourceData) {
		this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
	}

	update(data: SourceData): void {
		this.hash.update(bytes(data));
	}

	async digest(): Promise<Uint8Array> {
		return new Uint8Array(this.hash.digest());
	}
}

export function sha256Hex(body: Buffer): string {
	return createHash('sha256').update(body).digest('hex');
}

/** Whether `signature` is what signing `request` with `secret` at `signingDate` gives, for the scope in `authorization`. */
export async function signatureMatches(
	request: ReceivedRequest, authorization: SigV4Authorization, secret: string, signingDate: Date,
): Promise<boolean> {
	const signed = new Set(authorization.signedHeaders);
	const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => signed.has(name)));
	const signer = new SignatureV4({
		service: authorization.service,
		region: authorization.region,
		// Without the session token: when the client signed it, it is among `headers` already; when it did not,
		// the signer must not add it.
		credentials: { accessKeyId: authorization.accessKeyId, secretAccessKey: secret },
		sha256: NodeSha256,
		applyChecksum: false,
	});
	const resigned = await signer.sign({
		method: request.method, protocol: 'http:', hostname: headers.host ?? '', path: request.path,
		query: { ...request.query }, headers, body: request.body,
	}, { signingDate, signableHeaders: signed, signingRegion: authorization.region, signingService: authorization.service });
	const expected = /Signature=([0-9a-f]+)/.exec(resigned.headers.authorization ?? '')?.[1] ?? '';
	const sameHeaders = /SignedHeaders=([^,]+)/.exec(resigned.headers.authorization ?? '')?.[1] === authorization.signedHeaders.join(';');
	return sameHeaders && expected.length === authorization.signature.length
		&& timingSafeEqual(Buffer.from(expected), Buffer.from(authorization.signature));
}
