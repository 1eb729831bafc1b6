/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// A local stand-in for STS and IAM on 127.0.0.1, for tests that run the real AWS SDK with AWS_ENDPOINT_URL
// (or AWS_ENDPOINT_URL_STS / _IAM, or a client's `endpoint`) pointed at it. It speaks the Query protocol
// (form-encoded POST, or GET with a query string), checks SigV4 signatures against the secrets of its seed,
// and answers in AWS's XML, errors included, with AWS's status codes and a Date header (the SDK corrects
// its clock from it). Both services share one port: the signature's credential scope says which service a
// request is for, and the `Version` parameter when the request is unsigned.
//
// The same port serves IAM Identity Center when the seed has one: SSO OIDC's JSON at /client/register,
// /device_authorization, /token (and the browser's /authorize), and the access portal at /assignment/... and
// /federation/credentials (identityCenter.ts); AWS_ENDPOINT_URL reaches them as it reaches STS.
//
// The server never prints or records a secret: the request log holds parameters (which carry none in the
// actions served), the access key ID and whether a session token came, never the token or a response body.

import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { authenticate, readAuthorization } from './authentication';
import { AwsError, internalFailure, missingAction, invalidAction } from './awsError';
import { Directory } from './directory';
import { Fault, FaultHook, FaultSpec, toFault } from './faults';
import { iam } from './iamActions';
import { IdentityCenter } from './identityCenter';
import { JsonAnswer, jsonErrorAnswer, JsonError } from './jsonAnswer';
import { QueryParams } from './queryParams';
import { errorDocument, successDocument } from './queryXml';
import type { ServiceDefinition, ServiceName } from './service';
import { parseAuthorization, ReceivedRequest } from './sigv4Verifier';
import type { FakeAwsSeed } from './seed';
import { answerOidc, oidcPaths } from './ssoOidcActions';
import { answerPortal, portalPaths } from './ssoPortalActions';
import { sts } from './stsActions';

export type { Fault, FaultHook, FaultSpec, IncomingCall } from './faults';
export { parseFault } from './faults';
export type {
	FakeAwsSeed, PolicyStatement, SeedAccessKey, SeedAccount, SeedGroup, SeedLastUse, SeedMfaDevice, SeedPolicy, SeedRole,
	SeedSession, SeedTrust, SeedUser,
} from './seed';
export type { SeedIdentityCenter, SeedPortalAccount, SeedSsoAssignment, SeedSsoUser } from './seed';
export { parseSeed, readSeedFile } from './seed';
export type { BrowserDecision, IdentityCenter } from './identityCenter';

/** The services of Identity Center, told apart from STS and IAM by their paths. */
export type SsoServiceName = 'sso-oidc' | 'sso';

export interface FakeAwsOptions {
	/** 0 (any free port) by default. */
	readonly port?: number;
	/** A fault for every request, until setFault changes it: `{ kind: 'delay', ms: 500 }` or `'delay-ms:500'`. */
	readonly fault?: Fault | FaultSpec;
	/** Picks a fault per request; when it answers one, it wins over `fault`. */
	readonly onRequest?: FaultHook;
	/** The server's clock: what signatures and sessions are checked against and what the Date header says. */
	readonly now?: () => Date;
	/** One line per request (and per internal error). Never a secret. */
	readonly log?: (line: string) => void;
	/** Serve HTTPS with this certificate (PEM), as AWS does: for the CA-bundle and proxy tests. */
	readonly tls?: { readonly key: string; readonly cert: string };
}

/** What the server saw of one request and how it answered. */
export interface RecordedRequest {
	readonly index: number;
	readonly requestId: string;
	readonly method: string;
	readonly service: ServiceName | SsoServiceName | undefined;
	readonly action: string | undefined;
	readonly accessKeyId: string | undefined;
	/** The credential scope's region. */
	readonly region: string | undefined;
	readonly params: Readonly<Record<string, string>>;
	/** Whether the request carried X-Amz-Security-Token (its value is never kept). */
	readonly sessionToken: boolean;
	/** The status answered; undefined while pending, and for a `reset` or `hang` fault. */
	readonly status: number | undefined;
	readonly errorCode: string | undefined;
	readonly fault: Fault['kind'] | undefined;
}

export interface FakeAws {
	/** `http://127.0.0.1:<port>`, for AWS_ENDPOINT_URL. */
	readonly url: string;
	readonly port: number;
	/** Every request so far, oldest first. */
	readonly requests: readonly RecordedRequest[];
	/** IAM Identity Center, when the seed has one: what a test does as the user (approve a device code...). */
	readonly identityCenter: IdentityCenter | undefined;
	setFault(fault: Fault | FaultSpec | undefined): void;
	/** Stops listening and drops every open connection, pending answers included. */
	close(): Promise<void>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Answer {
	readonly status: number;
	readonly body: string;
	readonly contentType: string;
	readonly errorCode?: string;
	readonly errorMessage?: string;
}

const services: Readonly<Record<ServiceName, ServiceDefinition>> = { sts, iam };
const maxBodyBytes = 1024 * 1024;

/** The service a request is for: its credential scope's, else (unsigned) its Version's. */
function serviceFor(scopeService: string | undefined, version: string | undefined): ServiceDefinition | undefined {
	if (scopeService !== undefined) {
		return scopeService === 'sts' || scopeService === 'iam' ? services[scopeService] : undefined;
	}
	return Object.values(services).find((service) => service.version === version);
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
	return Object.fromEntries(Object.entries(headers)
		.filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
		.map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : value]));
}

function queryRecord(url: URL): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	url.searchParams.forEach((value, name) => {
		const previous = query[name];
		query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
	});
	return query;
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > maxBodyBytes) {
			throw new AwsError('RequestEntityTooLarge', 413, 'Request body too large.');
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

function errorAnswer(service: ServiceDefinition | undefined, error: AwsError, requestId: string): Answer {
	return {
		status: error.status, contentType: 'text/xml', errorCode: error.code, errorMessage: error.message,
		body: errorDocument(service?.namespace, { type: error.type, code: error.code, message: error.message }, requestId),
	};
}

function faultAnswer(service: ServiceDefinition | undefined, fault: Extract<Fault, { kind: 'error' | 'raw' }>, requestId: string): Answer {
	return fault.kind === 'error'
		? errorAnswer(service, new AwsError(fault.code, fault.status, fault.message), requestId)
		: { status: fault.status, body: fault.body, contentType: fault.contentType ?? 'text/html' };
}

interface SsoRoute {
	readonly service: SsoServiceName;
	readonly action: string;
}

function ssoRoute(pathname: string): SsoRoute | undefined {
	if (Object.hasOwn(oidcPaths, pathname)) {
		return { service: 'sso-oidc', action: oidcPaths[pathname] };
	}
	return Object.hasOwn(portalPaths, pathname) ? { service: 'sso', action: portalPaths[pathname] } : undefined;
}

export async function startFakeAws(seed: FakeAwsSeed, options: FakeAwsOptions = {}): Promise<FakeAws> {
	const now = options.now ?? (() => new Date());
	const log = options.log ?? (() => undefined);
	const directory = new Directory(seed, now());
	const identityCenter = seed.identityCenter && new IdentityCenter(seed.identityCenter, directory);
	let serverUrl = '';
	const requests: Mutable<RecordedRequest>[] = [];
	let fault = options.fault === undefined ? undefined : toFault(options.fault);
	let closed = false;

	async function answer(service: ServiceDefinition | undefined, request: ReceivedRequest, params: QueryParams, requestId: string): Promise<Answer> {
		try {
			if (!service) {
				throw new AwsError('InvalidAction', 400, 'This endpoint serves only sts and iam; the request names neither.');
			}
			const at = now();
			const caller = await authenticate(directory, request, readAuthorization(request), at);
			service.admit(caller, directory);
			const action = params.get('Action');
			if (action === undefined) {
				throw missingAction();
			}
			const handler = Object.hasOwn(service.actions, action) ? service.actions[action] : undefined;
			if (!handler) {
				throw invalidAction(action, params.get('Version') ?? service.version);
			}
			const result = handler({ directory, caller, params, now: at });
			return { status: 200, contentType: 'text/xml', body: successDocument(action, service.namespace, result, requestId) };
		} catch (error) {
			if (error instanceof AwsError) {
				return errorAnswer(service, error, requestId);
			}
			// Our own bug: the message is ours (never built from a secret); the client gets AWS's generic 500.
			log(`${requestId} internal error: ${error instanceof Error ? error.message : String(error)}`);
			return errorAnswer(service, internalFailure(), requestId);
		}
	}

	function send(response: http.ServerResponse, record: Mutable<RecordedRequest>, answer: Answer): void {
		if (response.destroyed || closed) {
			log(`${record.requestId} ${record.service ?? '-'} ${record.action ?? '-'} not answered: the connection closed first`);
			return;
		}
		record.status = answer.status;
		record.errorCode = answer.errorCode;
		response.writeHead(answer.status, {
			'Content-Type': answer.contentType,
			'Content-Length': Buffer.byteLength(answer.body),
			'x-amzn-RequestId': record.requestId,
			'Date': now().toUTCString(),
		});
		response.end(answer.body);
		const outcome = answer.errorCode ? ` ${answer.errorCode}: ${answer.errorMessage}` : '';
		log(`${record.requestId} ${record.service ?? '-'} ${record.action ?? '-'} ${record.accessKeyId ?? '-'} -> ${answer.status}${outcome}`);
	}

	async function handle(incoming: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		const requestId = randomUUID();
		const body = await readBody(incoming);
		const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
		const form = incoming.method === 'POST' ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams();
		const params = QueryParams.fromSearchParams(url.searchParams, form);
		const headers = flatHeaders(incoming.headers);
		const sso = ssoRoute(url.pathname);
		if (sso) {
			await handleSso(incoming, response, requestId, sso, url, body, headers);
			return;
		}
		const parsed = headers.authorization === undefined ? undefined : parseAuthorization(headers.authorization);
		const scope = parsed?.ok ? parsed.authorization : undefined;
		const service = serviceFor(scope?.service, params.get('Version'));
		const record: Mutable<RecordedRequest> = {
			index: requests.length, requestId, method: incoming.method ?? 'GET', service: service?.name, action: params.get('Action'),
			accessKeyId: scope?.accessKeyId, region: scope?.region, params: params.toRecord(),
			sessionToken: headers['x-amz-security-token'] !== undefined, status: undefined, errorCode: undefined, fault: undefined,
		};
		requests.push(record);
		const chosen = options.onRequest?.({
			index: record.index, service: record.service, action: record.action, accessKeyId: record.accessKeyId, params: record.params,
		}) ?? fault;
		record.fault = chosen?.kind;
		switch (chosen?.kind) {
			case 'reset':
				log(`${requestId} ${record.service ?? '-'} ${record.action ?? '-'} fault: connection reset`);
				incoming.socket.destroy();
				return;
			case 'hang':
				log(`${requestId} ${record.service ?? '-'} ${record.action ?? '-'} fault: no answer`);
				return;
			case 'error':
			case 'raw':
				send(response, record, faultAnswer(service, chosen, requestId));
				return;
			case 'delay':
				await new Promise((resolve) => setTimeout(resolve, chosen.ms).unref());
				break;
		}
		const request: ReceivedRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: queryRecord(url), headers, body };
		send(response, record, await answer(service, request, params, requestId));
	}

	/** Identity Center's JSON services: recorded, faulted and logged like the others, never a token kept. */
	async function handleSso(
		incoming: http.IncomingMessage, response: http.ServerResponse, requestId: string, route: SsoRoute, url: URL, body: Buffer,
		headers: Record<string, string>,
	): Promise<void> {
		const params = Object.fromEntries(['account_id', 'role_name', 'max_result'].flatMap((name) => {
			const value = url.searchParams.get(name);
			return value === null ? [] : [[name, value]];
		}));
		const record: Mutable<RecordedRequest> = {
			index: requests.length, requestId, method: incoming.method ?? 'GET', service: route.service, action: route.action,
			accessKeyId: undefined, region: undefined, params, sessionToken: false, status: undefined, errorCode: undefined, fault: undefined,
		};
		requests.push(record);
		const chosen = options.onRequest?.({ index: record.index, service: route.service, action: route.action, accessKeyId: undefined, params }) ?? fault;
		record.fault = chosen?.kind;
		switch (chosen?.kind) {
			case 'reset':
				incoming.socket.destroy();
				return;
			case 'hang':
				return;
			case 'error':
				sendJson(response, record, jsonErrorAnswer(new JsonError(chosen.code, chosen.status, chosen.message)));
				return;
			case 'raw':
				send(response, record, { status: chosen.status, body: chosen.body, contentType: chosen.contentType ?? 'text/html' });
				return;
			case 'delay':
				await new Promise((resolve) => setTimeout(resolve, chosen.ms).unref());
				break;
		}
		try {
			if (!identityCenter) {
				throw new JsonError('ResourceNotFoundException', 404, 'This fake has no IAM Identity Center (the seed has no identityCenter)');
			}
			const at = now();
			if (route.service === 'sso') {
				sendJson(response, record, answerPortal(identityCenter, directory, route.action, url.searchParams, headers['x-amz-sso_bearer_token'], at));
				return;
			}
			const answer = answerOidc(identityCenter, route.action, body, url.searchParams, at, serverUrl);
			if ('redirect' in answer) {
				record.status = 302;
				response.writeHead(302, { 'Location': answer.redirect, 'Content-Length': 0, 'Date': now().toUTCString() });
				response.end();
				log(`${requestId} sso-oidc Authorize -> 302`);
				return;
			}
			sendJson(response, record, answer);
		} catch (error) {
			if (error instanceof JsonError) {
				sendJson(response, record, jsonErrorAnswer(error));
				return;
			}
			log(`${requestId} internal error: ${error instanceof Error ? error.message : String(error)}`);
			sendJson(response, record, jsonErrorAnswer(new JsonError('InternalServerException', 500, 'Unexpected server error', 'server_error')));
		}
	}

	function sendJson(response: http.ServerResponse, record: Mutable<RecordedRequest>, answer: JsonAnswer): void {
		if (answer.errorCode !== undefined && !response.destroyed && !closed) {
			response.setHeader('x-amzn-ErrorType', answer.errorCode);
		}
		send(response, record, { status: answer.status, body: answer.body, contentType: 'application/json', errorCode: answer.errorCode, errorMessage: answer.errorMessage });
	}

	const listener = (incoming: http.IncomingMessage, response: http.ServerResponse) => {
		handle(incoming, response).catch((error: unknown) => {
			const awsError = error instanceof AwsError ? error : internalFailure();
			log(`request failed: ${awsError.code}`);
			if (!response.headersSent && !response.destroyed) {
				response.writeHead(awsError.status, { 'Content-Type': 'text/xml', 'Date': now().toUTCString() });
				response.end(errorDocument(undefined, awsError, randomUUID()));
			}
		});
	};
	const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	serverUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

	return {
		url: serverUrl,
		port,
		requests,
		identityCenter,
		setFault: (next) => {
			fault = next === undefined ? undefined : toFault(next);
		},
		close: async () => {
			if (closed) {
				return;
			}
			closed = true;
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
