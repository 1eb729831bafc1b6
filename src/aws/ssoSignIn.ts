/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Sign-in to IAM Identity Center through the SDK's own SSO OIDC client, as `aws sso login` does, and the token
// cached where and as the AWS CLI caches it (ssoTokenCache.ts), so every tool on the machine uses it at once:
// - the device-authorization flow: register a client, show the page and the code (onDeviceCode), then poll
//   CreateToken every `interval` seconds (5 more after each slow_down) until the user approves, denies, the
//   code expires or the caller cancels;
// - the authorization-code flow with PKCE (S256) on a loopback redirect, where a browser can reach this machine;
// - renewal with the refresh token, while the client registration lives;
// - sign-out: the portal's Logout (best effort) and the cache file removed.
// The clock and the sleep between polls are dependencies, so tests run the whole flow without waiting. No
// token, secret or code ever reaches a message: failures are built from the SDK error's name.

import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import { maskSecretsIn } from '../core/display/secretMasking';
import { readTokenFile, removeTokenFile, writeTokenFile } from '../core/io/ssoTokenFile';
import { codeChallengeS256, createCodeVerifier, createState } from '../core/sessions/pkce';
import type { SsoLoginTarget } from '../core/sessions/ssoLoginTarget';
import { CachedSsoToken, cacheTimestamp, refreshAbility, tokenExpiresAt } from '../core/sessions/ssoTokenCache';
import { requestHandlerOptions } from './httpOptions';
import { callbackPath, startLoopbackRedirect } from './loopbackRedirect';

export type SsoFlow = 'device-code' | 'authorization-code';

/** What the user is shown in the device flow: the page to open and the code to check there. */
export interface DevicePrompt {
	readonly verificationUri: string;
	/** The page with the code filled in: what to open. */
	readonly verificationUriComplete?: string;
	readonly userCode: string;
	/** When the code stops working (ms since the epoch). */
	readonly expiresAt: number;
}

/** How the engine reaches AWS and passes time: all optional, the real ones by default. */
export interface SsoDependencies {
	/** Endpoint overrides (AWS_ENDPOINT_URL_SSO_OIDC / _SSO, or AWS_ENDPOINT_URL; the profile's services). */
	readonly endpoints?: { readonly oidc?: string; readonly portal?: string };
	readonly clock?: () => number;
	/** Waits between polls; rejects with an AbortError when the signal aborts. */
	readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
	readonly signal?: AbortSignal;
	/** Each request's deadline (10 s by default) and the CA bundle, as Verify uses them. */
	readonly timeoutMs?: number;
	readonly caBundle?: string;
}

export interface SsoSignInRequest extends SsoDependencies {
	readonly target: SsoLoginTarget;
	/** `~/.aws/sso/cache` (FileLocations.ssoCacheFolder). */
	readonly cacheFolder: string;
	readonly flow: SsoFlow;
	/** Device flow: called once with the page and the code, before polling starts. */
	readonly onDeviceCode?: (prompt: DevicePrompt) => void;
	/** Authorization-code flow: opens the page in the user's browser; false when none could be opened. */
	readonly openBrowser?: (url: string) => Promise<boolean>;
	/** How long the authorization-code flow waits for the browser to come back: 10 minutes by default. */
	readonly browserTimeoutMs?: number;
}

export type SsoFailureCode =
	/** The caller aborted. */
	| 'cancelled'
	/** The user denied the request on the page. */
	| 'denied'
	/** The device code or the browser's wait ran out before approval. */
	| 'expired'
	/** The client registration was refused or has expired. */
	| 'invalid-client'
	/** The service refused the request otherwise (an unknown start URL, a bad grant...). */
	| 'refused'
	| 'no-browser'
	/** The refresh grant cannot be used: no refresh token, or the registration expired; sign in again. */
	| 'not-refreshable'
	| 'no-token'
	| 'network'
	| 'cache-write';

export interface SsoFailure {
	readonly code: SsoFailureCode;
	/** For the user; never holds a token, secret or code. */
	readonly message: string;
}

export type SsoSignInResult =
	| { readonly ok: true; readonly file: string; readonly expiresAt: number; readonly refreshable: boolean }
	| { readonly ok: false; readonly failure: SsoFailure };

export type SsoSignOutResult = { readonly ok: true; readonly removed: boolean; readonly file: string } | { readonly ok: false; readonly failure: SsoFailure };

const deviceCodeGrant = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628: 5 s when the service gives no interval, and 5 s more after each slow_down. */
const defaultIntervalMs = 5000;
const slowDownMs = 5000;

interface Registration {
	readonly clientId: string;
	readonly clientSecret: string;
	readonly expiresAt: number;
}

interface Grant {
	readonly accessToken: string;
	readonly expiresIn: number;
	readonly refreshToken?: string;
}

class FlowFailure extends Error {
	constructor(readonly code: SsoFailureCode, message: string) {
		super(message);
	}
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(abortError());
			return;
		}
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(abortError());
		};
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

function abortError(): Error {
	return Object.assign(new Error('The sign-in was cancelled.'), { name: 'AbortError' });
}

/** The options of both clients: the session's region, an endpoint override, and Verify's deadline and CA bundle. */
function clientOptions(target: SsoLoginTarget, deps: SsoDependencies, endpoint: string | undefined, maxAttempts: number) {
	return {
		region: target.region,
		maxAttempts,
		...(endpoint ? { endpoint } : {}),
		requestHandler: requestHandlerOptions({ timeoutMs: deps.timeoutMs ?? 10_000, caBundle: deps.caBundle, host: hostOf(endpoint) }),
	};
}

function oidcClient(target: SsoLoginTarget, deps: SsoDependencies): SSOOIDCClient {
	return new SSOOIDCClient(clientOptions(target, deps, deps.endpoints?.oidc, 2));
}

/** The SSO portal's client; sign-out tries once, listing what a token gives (ssoAccess.ts) twice. */
export function portalClient(target: SsoLoginTarget, deps: SsoDependencies, maxAttempts = 1): SSOClient {
	return new SSOClient(clientOptions(target, deps, deps.endpoints?.portal, maxAttempts));
}

function hostOf(endpoint: string | undefined): string | undefined {
	try {
		return endpoint ? new URL(endpoint).hostname : undefined;
	} catch {
		return undefined;
	}
}

/** The OIDC service's own URL, where the browser is sent for the authorization-code flow. */
export function oidcBaseUrl(region: string, endpoint?: string): string {
	if (endpoint) {
		// Trailing slashes dropped by a loop: `/\/+$/` backtracks on every run of slashes not at the end.
		let end = endpoint.length;
		while (end > 0 && endpoint[end - 1] === '/') {
			end--;
		}
		return endpoint.slice(0, end);
	}
	return `https://oidc.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}

/** The failure an SDK error means, by its name only (its message may quote what the service received). */
function failureOf(error: unknown, signal: AbortSignal | undefined): FlowFailure {
	if (error instanceof FlowFailure) {
		return error;
	}
	const name = (error as { name?: unknown })?.name;
	if (signal?.aborted || name === 'AbortError') {
		return new FlowFailure('cancelled', 'The sign-in was cancelled.');
	}
	switch (name) {
		case 'AccessDeniedException':
			return new FlowFailure('denied', 'The sign-in was denied on the AWS sign-in page.');
		case 'ExpiredTokenException':
			return new FlowFailure('expired', 'The sign-in code expired before it was approved. Sign in again.');
		case 'InvalidClientException':
		case 'UnauthorizedClientException':
			return new FlowFailure('invalid-client', 'IAM Identity Center refused the client registration. Sign in again.');
		case 'InvalidGrantException':
			return new FlowFailure('refused', 'IAM Identity Center refused the sign-in grant (it was used, revoked or does not match).');
		case 'InvalidRequestException':
			return new FlowFailure('refused', 'IAM Identity Center refused the request: check sso_start_url and sso_region.');
	}
	if (typeof name === 'string' && /Exception$/.test(name)) {
		return new FlowFailure('refused', `IAM Identity Center refused the request (${name}).`);
	}
	const code = (error as { code?: unknown })?.code;
	const detail = typeof code === 'string' ? code : typeof name === 'string' ? name : 'error';
	return new FlowFailure('network', `IAM Identity Center could not be reached (${maskSecretsIn(detail)}).`);
}

async function register(client: SSOOIDCClient, target: SsoLoginTarget, deps: SsoDependencies, pkce?: { redirectUri: string }): Promise<Registration> {
	const clock = deps.clock ?? Date.now;
	const output = await client.send(new RegisterClientCommand({
		clientName: `aws-profiles-${target.sessionName ?? Math.floor(clock() / 1000)}`,
		clientType: 'public',
		...(target.scopes.length > 0 ? { scopes: [...target.scopes] } : {}),
		...(pkce ? {
			grantTypes: ['authorization_code', 'refresh_token'],
			// Registered without the port: the loopback port may differ at each sign-in (RFC 8252 §7.3).
			redirectUris: [`http://127.0.0.1${callbackPath}`],
			issuerUrl: target.startUrl,
		} : {}),
	}), { abortSignal: deps.signal });
	if (!output.clientId || !output.clientSecret) {
		throw new FlowFailure('refused', 'IAM Identity Center answered the client registration without a client.');
	}
	return { clientId: output.clientId, clientSecret: output.clientSecret, expiresAt: (output.clientSecretExpiresAt ?? 0) * 1000 };
}

/** Polls until approved; a grant, or the failure that ends the wait. */
async function pollDeviceToken(
	client: SSOOIDCClient, registration: Registration, deviceCode: string, intervalMs: number, expiresAt: number, deps: SsoDependencies,
): Promise<Grant> {
	const clock = deps.clock ?? Date.now;
	const sleep = deps.sleep ?? realSleep;
	let interval = intervalMs;
	for (;;) {
		await sleep(interval, deps.signal);
		if (clock() >= expiresAt) {
			throw new FlowFailure('expired', 'The sign-in code expired before it was approved. Sign in again.');
		}
		try {
			return grantOf(await client.send(new CreateTokenCommand({
				clientId: registration.clientId, clientSecret: registration.clientSecret, grantType: deviceCodeGrant, deviceCode,
			}), { abortSignal: deps.signal }));
		} catch (error) {
			const name = (error as { name?: unknown })?.name;
			if (name === 'SlowDownException') {
				interval += slowDownMs;
			} else if (name !== 'AuthorizationPendingException') {
				throw error;
			}
		}
	}
}

function grantOf(output: { accessToken?: string; expiresIn?: number; refreshToken?: string }): Grant {
	if (!output.accessToken || output.expiresIn === undefined) {
		throw new FlowFailure('refused', 'IAM Identity Center answered without a token.');
	}
	return { accessToken: output.accessToken, expiresIn: output.expiresIn, ...(output.refreshToken ? { refreshToken: output.refreshToken } : {}) };
}

async function deviceFlow(client: SSOOIDCClient, request: SsoSignInRequest): Promise<{ registration: Registration; grant: Grant }> {
	const clock = request.clock ?? Date.now;
	const registration = await register(client, request.target, request);
	const started = await client.send(new StartDeviceAuthorizationCommand({
		clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: request.target.startUrl,
	}), { abortSignal: request.signal });
	if (!started.deviceCode || !started.userCode || !started.verificationUri) {
		throw new FlowFailure('refused', 'IAM Identity Center answered the device authorization without a code.');
	}
	const expiresAt = clock() + (started.expiresIn ?? 600) * 1000;
	request.onDeviceCode?.({
		verificationUri: started.verificationUri,
		...(started.verificationUriComplete ? { verificationUriComplete: started.verificationUriComplete } : {}),
		userCode: started.userCode,
		expiresAt,
	});
	const intervalMs = started.interval ? started.interval * 1000 : defaultIntervalMs;
	const grant = await pollDeviceToken(client, registration, started.deviceCode, intervalMs, expiresAt, request);
	return { registration, grant };
}

async function authorizationCodeFlow(client: SSOOIDCClient, request: SsoSignInRequest): Promise<{ registration: Registration; grant: Grant }> {
	if (!request.openBrowser) {
		throw new FlowFailure('no-browser', 'No browser can be opened here: use the device code flow.');
	}
	const state = createState();
	const verifier = createCodeVerifier();
	const loopback = await startLoopbackRedirect(state, request.signal);
	try {
		const registration = await register(client, request.target, request, { redirectUri: loopback.redirectUri });
		const url = new URL(`${oidcBaseUrl(request.target.region, request.endpoints?.oidc)}/authorize`);
		const query: Record<string, string> = {
			response_type: 'code', client_id: registration.clientId, redirect_uri: loopback.redirectUri, state,
			code_challenge_method: 'S256', scopes: request.target.scopes.join(' '), code_challenge: codeChallengeS256(verifier),
		};
		Object.entries(query).forEach(([name, value]) => url.searchParams.set(name, value));
		if (!await request.openBrowser(url.toString())) {
			throw new FlowFailure('no-browser', 'The sign-in page could not be opened in a browser: use the device code flow.');
		}
		const callback = await withDeadline(loopback.result, request.browserTimeoutMs ?? 10 * 60_000, request);
		if (!callback.ok) {
			throw callback.error === 'access_denied'
				? new FlowFailure('denied', 'The sign-in was denied on the AWS sign-in page.')
				: new FlowFailure('refused', 'The sign-in page did not send a code back.');
		}
		const grant = grantOf(await client.send(new CreateTokenCommand({
			clientId: registration.clientId, clientSecret: registration.clientSecret, grantType: 'authorization_code',
			code: callback.code, redirectUri: loopback.redirectUri, codeVerifier: verifier,
		}), { abortSignal: request.signal }));
		return { registration, grant };
	} finally {
		await loopback.close();
	}
}

/** The promise, or 'expired' once the sleep has passed the deadline. */
async function withDeadline<T>(promise: Promise<T>, ms: number, deps: SsoDependencies): Promise<T> {
	// A browser that came back while it was being opened needs no deadline: a virtual sleep (tests) would
	// otherwise move the clock past the code's life before the code is exchanged.
	const early = await Promise.race([promise.then((value) => ({ value })), new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)))]);
	if (early) {
		return early.value;
	}
	const sleep = deps.sleep ?? realSleep;
	const local = new AbortController();
	const onAbort = () => local.abort();
	deps.signal?.addEventListener('abort', onAbort, { once: true });
	const deadline = sleep(ms, local.signal).then(
		() => Promise.reject(new FlowFailure('expired', 'The browser did not come back with the sign-in in time. Sign in again.')),
		() => new Promise<never>(() => undefined),
	);
	try {
		return await Promise.race([promise, deadline]);
	} finally {
		deps.signal?.removeEventListener('abort', onAbort);
		local.abort();
	}
}

function cachedToken(target: SsoLoginTarget, registration: Registration, grant: Grant, now: number, previousRefreshToken?: string): CachedSsoToken {
	const refreshToken = grant.refreshToken ?? previousRefreshToken;
	return {
		startUrl: target.startUrl,
		region: target.region,
		accessToken: grant.accessToken,
		expiresAt: cacheTimestamp(now + grant.expiresIn * 1000),
		clientId: registration.clientId,
		clientSecret: registration.clientSecret,
		registrationExpiresAt: cacheTimestamp(registration.expiresAt),
		...(refreshToken ? { refreshToken } : {}),
	};
}

async function save(request: { target: SsoLoginTarget; cacheFolder: string; clock?: () => number }, token: CachedSsoToken): Promise<SsoSignInResult> {
	let file: string;
	try {
		file = await writeTokenFile(request.cacheFolder, request.target.cacheId, token);
	} catch (error) {
		return { ok: false, failure: { code: 'cache-write', message: `The token could not be cached: ${maskSecretsIn((error as Error).message)}` } };
	}
	const now = (request.clock ?? Date.now)();
	return { ok: true, file, expiresAt: tokenExpiresAt(token) ?? now, refreshable: refreshAbility(token, now).refreshable };
}

/** Signs in with the flow asked for and caches the token as the AWS CLI does. Never throws. */
export async function signInToSso(request: SsoSignInRequest): Promise<SsoSignInResult> {
	const client = oidcClient(request.target, request);
	try {
		const { registration, grant } = request.flow === 'device-code'
			? await deviceFlow(client, request)
			: await authorizationCodeFlow(client, request);
		return await save(request, cachedToken(request.target, registration, grant, (request.clock ?? Date.now)()));
	} catch (error) {
		const failure = failureOf(error, request.signal);
		return { ok: false, failure: { code: failure.code, message: failure.message } };
	} finally {
		client.destroy();
	}
}

export interface SsoCacheRequest extends SsoDependencies {
	readonly target: SsoLoginTarget;
	readonly cacheFolder: string;
}

/** Renews the cached token with its refresh token (while the registration lives) and caches the new one. */
export async function refreshSsoToken(request: SsoCacheRequest): Promise<SsoSignInResult> {
	const now = (request.clock ?? Date.now)();
	const read = await readTokenFile(request.cacheFolder, request.target.cacheId);
	if (read.state !== 'found') {
		return { ok: false, failure: { code: 'no-token', message: read.state === 'missing' ? 'Not signed in.' : `The cached token ${read.reason}.` } };
	}
	const { token } = read;
	const ability = refreshAbility(token, now);
	if (!ability.refreshable || !token.clientId || !token.clientSecret || !token.refreshToken) {
		const why = !ability.refreshable && ability.reason === 'registration-expired' ? 'its client registration expired' : 'it has no refresh token';
		return { ok: false, failure: { code: 'not-refreshable', message: `The session cannot be renewed (${why}): sign in again.` } };
	}
	const client = oidcClient(request.target, request);
	try {
		const grant = grantOf(await client.send(new CreateTokenCommand({
			clientId: token.clientId, clientSecret: token.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken,
		}), { abortSignal: request.signal }));
		const registration: Registration = {
			clientId: token.clientId, clientSecret: token.clientSecret,
			expiresAt: token.registrationExpiresAt ? Date.parse(token.registrationExpiresAt) : now,
		};
		const renewed = { ...cachedToken(request.target, registration, grant, now, token.refreshToken), ...(token.registrationExpiresAt ? { registrationExpiresAt: token.registrationExpiresAt } : {}) };
		return await save(request, renewed);
	} catch (error) {
		const failure = failureOf(error, request.signal);
		return { ok: false, failure: { code: failure.code, message: failure.message } };
	} finally {
		client.destroy();
	}
}

/** Signs out: tells the portal (best effort, so an offline sign-out still works) and removes the cache file. */
export async function signOutOfSso(request: SsoCacheRequest): Promise<SsoSignOutResult> {
	const read = await readTokenFile(request.cacheFolder, request.target.cacheId);
	if (read.state === 'found') {
		const client = portalClient(request.target, request);
		try {
			await client.send(new LogoutCommand({ accessToken: read.token.accessToken }), { abortSignal: request.signal });
		} catch {
			// The token may have expired or the network be down: the local sign-out is what matters.
		} finally {
			client.destroy();
		}
	}
	try {
		return { ok: true, removed: await removeTokenFile(request.cacheFolder, request.target.cacheId), file: read.file };
	} catch (error) {
		return { ok: false, failure: { code: 'cache-write', message: maskSecretsIn((error as Error).message) } };
	}
}
