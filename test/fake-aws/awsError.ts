/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The errors the fake endpoint answers with, spelled as STS and IAM spell them: the SDK picks its exception
// from `Code` (and falls back to the HTTP status), so code, status and wording all matter. Thrown from the
// action handlers and turned into an `<ErrorResponse>` by the server; messages never quote a secret.

export class AwsError extends Error {
	constructor(
		readonly code: string,
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = code;
	}

	/** `Sender` for the caller's mistakes (4xx), `Receiver` for the service's own (5xx). */
	get type(): 'Sender' | 'Receiver' {
		return this.status >= 500 ? 'Receiver' : 'Sender';
	}
}

export function missingAuthenticationToken(): AwsError {
	return new AwsError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
}

export function incompleteSignature(message: string): AwsError {
	return new AwsError('IncompleteSignature', 400, message);
}

/** Unknown, deleted or inactive access key, or a session token that does not go with its key. */
export function invalidClientTokenId(): AwsError {
	return new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
}

export function expiredToken(): AwsError {
	return new AwsError('ExpiredToken', 403, 'The security token included in the request is expired');
}

export function signatureDoesNotMatch(message?: string): AwsError {
	return new AwsError('SignatureDoesNotMatch', 403, message ?? 'The request signature we calculated does not match the '
		+ 'signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
}

export function optInRequired(): AwsError {
	return new AwsError('OptInRequired', 403, 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.');
}

export function accessDenied(message: string): AwsError {
	return new AwsError('AccessDenied', 403, message);
}

/** The identity-policy wording of IAM's AccessDenied. */
export function notAuthorized(callerArn: string, action: string, resource: string, explicitDeny: boolean): AwsError {
	const because = explicitDeny
		? 'with an explicit deny in an identity-based policy'
		: `because no identity-based policy allows the ${action} action`;
	return accessDenied(`User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} ${because}`);
}

export function validationError(message: string): AwsError {
	return new AwsError('ValidationError', 400, message);
}

/** The Smithy validation wording: `Value null at 'roleArn' failed to satisfy constraint: Member must not be null`. */
export function constraintViolation(value: string | undefined, member: string, constraint: string): AwsError {
	const shown = value === undefined ? 'null' : `'${value}'`;
	return validationError(`1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}

export function noSuchEntity(message: string): AwsError {
	return new AwsError('NoSuchEntity', 404, message);
}

export function invalidInput(message: string): AwsError {
	return new AwsError('InvalidInput', 400, message);
}

export function limitExceeded(message: string): AwsError {
	return new AwsError('LimitExceeded', 409, message);
}

export function invalidAction(action: string, version: string): AwsError {
	return new AwsError('InvalidAction', 400, `Could not find operation ${action} for version ${version}`);
}

export function missingAction(): AwsError {
	return new AwsError('MissingAction', 400, 'Missing Action');
}

export function internalFailure(): AwsError {
	return new AwsError('InternalFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.');
}
