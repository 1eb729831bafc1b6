/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// SSO OIDC (oidc.<region>.amazonaws.com): RegisterClient (POST /client/register), StartDeviceAuthorization
// (POST /device_authorization), CreateToken (POST /token) with the device-code, authorization-code (PKCE S256)
// and refresh-token grants, and the browser's side of the authorization-code flow (GET /authorize, which
// redirects to the client's loopback address at once with the code and the state, as if the user had
// approved). Unsigned JSON, as the real service; errors as the service model spells them.

import { IdentityCenter, Registration, s256 } from './identityCenter';
import { JsonAnswer, JsonError, jsonSuccess, oidcErrors } from './jsonAnswer';

export const oidcPaths: Readonly<Record<string, string>> = {
	'/client/register': 'RegisterClient',
	'/device_authorization': 'StartDeviceAuthorization',
	'/token': 'CreateToken',
	'/authorize': 'Authorize',
};

export const deviceCodeGrant = 'urn:ietf:params:oauth:grant-type:device_code';

/** What /authorize answers: a redirect to the client, or an error page. */
export type AuthorizeAnswer = { readonly redirect: string } | JsonAnswer;

type Body = Record<string, unknown>;

function text(body: Body, name: string): string | undefined {
	return typeof body[name] === 'string' ? body[name] as string : undefined;
}

function required(body: Body, name: string): string {
	const value = text(body, name);
	if (value === undefined || value === '') {
		throw oidcErrors.invalidRequest(`Missing required parameter: ${name}`);
	}
	return value;
}

function texts(body: Body, name: string): string[] {
	const value = body[name];
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

const knownScope = /^(sso:account:access|codewhisperer:[a-z_]+|[a-z]+:[a-z_:]+)$/;

/** Loopback only (RFC 8252): http://127.0.0.1 or [::1], any path. */
function isLoopbackRedirect(uri: string): boolean {
	try {
		const url = new URL(uri);
		return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');
	} catch {
		return false;
	}
}

/** A redirect URI as registered: the port of a loopback address may differ (RFC 8252 §7.3). */
function redirectRegistered(client: Registration, uri: string): boolean {
	const withoutPort = (value: string) => {
		const url = new URL(value);
		url.port = '';
		return url.toString();
	};
	return isLoopbackRedirect(uri) && client.redirectUris.some((registered) => withoutPort(registered) === withoutPort(uri));
}

function registerClient(center: IdentityCenter, body: Body, now: Date): JsonAnswer {
	const clientName = required(body, 'clientName');
	const clientType = required(body, 'clientType');
	if (clientType !== 'public') {
		throw oidcErrors.invalidClientMetadata(`Invalid client type: ${clientType}`);
	}
	const scopes = texts(body, 'scopes');
	const badScope = scopes.find((scope) => !knownScope.test(scope));
	if (badScope !== undefined) {
		throw oidcErrors.invalidScope(`Invalid scope: ${badScope}`);
	}
	const grantTypes = texts(body, 'grantTypes');
	const redirectUris = texts(body, 'redirectUris');
	if (redirectUris.some((uri) => !isLoopbackRedirect(uri))) {
		throw oidcErrors.invalidRedirectUri('Redirect URIs must be loopback addresses over http');
	}
	if (grantTypes.includes('authorization_code') && (redirectUris.length === 0 || text(body, 'issuerUrl') !== center.startUrl)) {
		throw oidcErrors.invalidRequest('The authorization code grant needs redirect URIs and the issuer URL of the instance');
	}
	const registration = center.register({ clientName, scopes, grantTypes, redirectUris, issuerUrl: text(body, 'issuerUrl') }, now);
	return jsonSuccess({
		clientId: registration.clientId,
		clientSecret: registration.clientSecret,
		clientIdIssuedAt: Math.floor(now.getTime() / 1000),
		clientSecretExpiresAt: Math.floor(registration.expiresAt.getTime() / 1000),
	});
}

function startDeviceAuthorization(center: IdentityCenter, body: Body, now: Date, serverUrl: string): JsonAnswer {
	const client = center.client(text(body, 'clientId'), text(body, 'clientSecret'), now);
	if (required(body, 'startUrl') !== center.startUrl) {
		throw oidcErrors.invalidRequest('The start URL names no IAM Identity Center instance of this region');
	}
	const device = center.startDevice(client.clientId, now);
	return jsonSuccess({
		deviceCode: device.deviceCode,
		userCode: device.userCode,
		verificationUri: `${serverUrl}/device`,
		verificationUriComplete: `${serverUrl}/device?user_code=${device.userCode}`,
		expiresIn: Math.round((device.expiresAt.getTime() - now.getTime()) / 1000),
		interval: device.interval,
	});
}

function tokenAnswer(center: IdentityCenter, tokens: { accessToken: string; refreshToken: string | undefined }): JsonAnswer {
	return jsonSuccess({
		accessToken: tokens.accessToken,
		tokenType: 'Bearer',
		expiresIn: center.accessTokenSeconds,
		...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
	});
}

function deviceCodeToken(center: IdentityCenter, client: Registration, body: Body, now: Date): JsonAnswer {
	const device = center.device(required(body, 'deviceCode'));
	if (!device || device.clientId !== client.clientId) {
		throw oidcErrors.invalidGrant('Invalid device code provided');
	}
	if (device.expiresAt <= now) {
		throw oidcErrors.expiredToken('Device code');
	}
	switch (device.state) {
		case 'denied': throw oidcErrors.accessDenied();
		case 'used': throw oidcErrors.invalidGrant('The device code has already been used');
		case 'pending': center.pollPending(device, now); break;
		case 'approved': break;
	}
	device.state = 'used';
	return tokenAnswer(center, center.issueTokens(device.user ?? { name: '', assignments: [] }, client, now));
}

function authorizationCodeToken(center: IdentityCenter, client: Registration, body: Body, now: Date): JsonAnswer {
	const code = center.authorizationCode(required(body, 'code'));
	const redirectUri = required(body, 'redirectUri');
	const verifier = required(body, 'codeVerifier');
	if (!code || code.clientId !== client.clientId || code.used || code.redirectUri !== redirectUri) {
		throw oidcErrors.invalidGrant('Invalid authorization code provided');
	}
	if (code.expiresAt <= now) {
		throw oidcErrors.expiredToken('Authorization code');
	}
	code.used = true;
	if (s256(verifier) !== code.codeChallenge) {
		throw oidcErrors.invalidGrant('The code verifier does not match the code challenge');
	}
	return tokenAnswer(center, center.issueTokens(code.user, client, now));
}

function refreshTokenGrant(center: IdentityCenter, client: Registration, body: Body, now: Date): JsonAnswer {
	const refresh = center.refreshToken(required(body, 'refreshToken'));
	if (!refresh || refresh.revoked || refresh.clientId !== client.clientId) {
		throw oidcErrors.invalidGrant('Invalid refresh token provided');
	}
	// A new refresh token comes with the new access token, as from AWS; the old one keeps working.
	return tokenAnswer(center, center.issueTokens(refresh.user, client, now));
}

function createToken(center: IdentityCenter, body: Body, now: Date): JsonAnswer {
	const client = center.client(text(body, 'clientId'), text(body, 'clientSecret'), now);
	const grantType = required(body, 'grantType');
	const allowed = (grant: string) => client.grantTypes.length === 0 ? grant === deviceCodeGrant || grant === 'refresh_token' : client.grantTypes.includes(grant);
	if (![deviceCodeGrant, 'authorization_code', 'refresh_token'].includes(grantType)) {
		throw oidcErrors.unsupportedGrantType(grantType);
	}
	if (!allowed(grantType)) {
		throw oidcErrors.unauthorizedClient(`The client is not registered for ${grantType}`);
	}
	switch (grantType) {
		case deviceCodeGrant: return deviceCodeToken(center, client, body, now);
		case 'authorization_code': return authorizationCodeToken(center, client, body, now);
		default: return refreshTokenGrant(center, client, body, now);
	}
}

/** GET /authorize?response_type=code&client_id&redirect_uri&state&code_challenge&code_challenge_method=S256&scopes */
function authorize(center: IdentityCenter, query: URLSearchParams, now: Date): AuthorizeAnswer {
	const get = (name: string) => query.get(name) ?? undefined;
	const clientId = get('client_id');
	const redirectUri = get('redirect_uri');
	const challenge = get('code_challenge');
	// The secret is not sent to the browser's page: only the id is checked.
	const client = clientId === undefined ? undefined : center.clientById(clientId);
	if (!client || client.expiresAt <= now) {
		throw oidcErrors.invalidClient('Unknown client');
	}
	if (redirectUri === undefined || !redirectRegistered(client, redirectUri)) {
		throw oidcErrors.invalidRedirectUri('The redirect URI is not registered for this client');
	}
	if (get('response_type') !== 'code' || get('code_challenge_method') !== 'S256' || challenge === undefined || get('state') === undefined) {
		throw oidcErrors.invalidRequest('response_type=code, state, code_challenge and code_challenge_method=S256 are required');
	}
	const target = new URL(redirectUri);
	const code = center.authorize(client, redirectUri, challenge, now);
	if (code) {
		target.searchParams.set('code', code.code);
	} else {
		target.searchParams.set('error', 'access_denied');
	}
	target.searchParams.set('state', get('state') ?? '');
	return { redirect: target.toString() };
}

export function answerOidc(
	center: IdentityCenter, action: string, body: Buffer, query: URLSearchParams, now: Date, serverUrl: string,
): AuthorizeAnswer {
	if (action === 'Authorize') {
		return authorize(center, query, now);
	}
	let parsed: unknown;
	try {
		parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
	} catch {
		throw oidcErrors.invalidRequest('The body is not JSON');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw oidcErrors.invalidRequest('The body is not a JSON object');
	}
	switch (action) {
		case 'RegisterClient': return registerClient(center, parsed as Body, now);
		case 'StartDeviceAuthorization': return startDeviceAuthorization(center, parsed as Body, now, serverUrl);
		default: return createToken(center, parsed as Body, now);
	}
}

export function isJsonError(error: unknown): error is JsonError {
	return error instanceof JsonError;
}
