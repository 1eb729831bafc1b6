/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The REST-JSON protocol of SSO OIDC and the SSO portal: an answer is a status and a JSON body, an error also
// names its exception in the `x-amzn-ErrorType` header, which both the JS SDK and botocore read first. OIDC
// errors carry OAuth's `error` and `error_description`; the portal's carry `message`. Never a secret in either.

export class JsonError extends Error {
	constructor(
		/** The exception's name: `AuthorizationPendingException`, `UnauthorizedException`... */
		readonly code: string,
		readonly status: number,
		message: string,
		/** OAuth's error code (`authorization_pending`...), for SSO OIDC; the portal has none. */
		readonly oauthError?: string,
	) {
		super(message);
		this.name = code;
	}
}

export interface JsonAnswer {
	readonly status: number;
	readonly body: string;
	readonly errorCode?: string;
	readonly errorMessage?: string;
}

export function jsonSuccess(value: unknown): JsonAnswer {
	return { status: 200, body: JSON.stringify(value) };
}

export function jsonErrorAnswer(error: JsonError): JsonAnswer {
	const body = error.oauthError === undefined
		? { message: error.message }
		: { error: error.oauthError, error_description: error.message };
	return { status: error.status, body: JSON.stringify(body), errorCode: error.code, errorMessage: error.message };
}

/** SSO OIDC's errors, by OAuth code: each exception's name and status as the service model has them. */
export const oidcErrors = {
	authorizationPending: () => new JsonError('AuthorizationPendingException', 400, 'Authorization is still pending', 'authorization_pending'),
	slowDown: () => new JsonError('SlowDownException', 400, 'Client is polling too quickly', 'slow_down'),
	expiredToken: (what: string) => new JsonError('ExpiredTokenException', 400, `${what} has expired`, 'expired_token'),
	accessDenied: () => new JsonError('AccessDeniedException', 400, 'The user denied the authorization request', 'access_denied'),
	invalidGrant: (why: string) => new JsonError('InvalidGrantException', 400, why, 'invalid_grant'),
	invalidClient: (why: string) => new JsonError('InvalidClientException', 401, why, 'invalid_client'),
	invalidRequest: (why: string) => new JsonError('InvalidRequestException', 400, why, 'invalid_request'),
	invalidScope: (why: string) => new JsonError('InvalidScopeException', 400, why, 'invalid_scope'),
	invalidClientMetadata: (why: string) => new JsonError('InvalidClientMetadataException', 400, why, 'invalid_client_metadata'),
	invalidRedirectUri: (why: string) => new JsonError('InvalidRedirectUriException', 400, why, 'invalid_redirect_uri'),
	unauthorizedClient: (why: string) => new JsonError('UnauthorizedClientException', 400, why, 'unauthorized_client'),
	unsupportedGrantType: (grant: string) => new JsonError('UnsupportedGrantTypeException', 400, `Unsupported grant type: ${grant}`, 'unsupported_grant_type'),
};

/** The portal's errors. */
export const portalErrors = {
	unauthorized: () => new JsonError('UnauthorizedException', 401, 'Session token not found or invalid'),
	invalidRequest: (why: string) => new JsonError('InvalidRequestException', 400, why),
	forbidden: () => new JsonError('ForbiddenException', 403, 'No access'),
	notFound: (why: string) => new JsonError('ResourceNotFoundException', 404, why),
};
