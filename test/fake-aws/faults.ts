/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Ways the fake endpoint can misbehave, for tests of what our code does when the network or AWS does:
// a connection dropped without an answer, an answer that comes late or never, an AWS error of any code, or
// a body that is not AWS's at all (a proxy's HTML page). A fault applies to every request (options.fault,
// setFault) or to the requests a test's hook picks (options.onRequest).

export type Fault =
	/** The socket is destroyed before any answer: the SDK sees ECONNRESET ("socket hang up"). */
	| { readonly kind: 'reset' }
	/** No answer at all until the client gives up or the server closes: for timeout tests. */
	| { readonly kind: 'hang' }
	/** The normal answer, `ms` milliseconds late. */
	| { readonly kind: 'delay'; readonly ms: number }
	/** An AWS error in the service's own XML (Throttling 400, ServiceUnavailable 503...). */
	| { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string }
	/** Any status and body. */
	| { readonly kind: 'raw'; readonly status: number; readonly body: string; readonly contentType?: string };

/** What the per-request hook sees of a request, before it is authenticated. */
export interface IncomingCall {
	/** 0 for the first request the server received. */
	readonly index: number;
	readonly service: 'sts' | 'iam' | 'sso-oidc' | 'sso' | undefined;
	readonly action: string | undefined;
	readonly accessKeyId: string | undefined;
	readonly params: Readonly<Record<string, string>>;
}

/** Picks the fault for one request; `undefined` answers it normally. */
export type FaultHook = (call: IncomingCall) => Fault | undefined;

/** A fault by its short spelling, as `options.fault` and `--fault` take it (see parseFault). */
export type FaultSpec = 'close-connection' | 'reset' | 'hang' | `delay-ms:${number}` | `error:${string}`;

/**
 * A fault from its short spelling: `close-connection` (or `reset`), `hang`, `delay-ms:N`,
 * `error:Code[:status]` (status 400 by default); `undefined` for anything else.
 */
export function parseFault(text: string): Fault | undefined {
	if (text === 'close-connection' || text === 'reset') {
		return { kind: 'reset' };
	}
	if (text === 'hang') {
		return { kind: 'hang' };
	}
	const delay = /^delay-ms:(\d+)$/.exec(text);
	if (delay) {
		return { kind: 'delay', ms: Number(delay[1]) };
	}
	const error = /^error:(\w+)(?::(\d{3}))?$/.exec(text);
	if (error) {
		return { kind: 'error', code: error[1], status: Number(error[2] ?? 400), message: `Injected ${error[1]}` };
	}
	return undefined;
}

/** A fault given either way; throws on a spelling parseFault does not know (a test's own mistake). */
export function toFault(fault: Fault | FaultSpec): Fault {
	if (typeof fault !== 'string') {
		return fault;
	}
	const parsed = parseFault(fault);
	if (!parsed) {
		throw new Error(`Unknown fault spec: ${fault}`);
	}
	return parsed;
}
