/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The loopback redirect of the authorization-code flow (RFC 8252): a one-shot HTTP server on 127.0.0.1 and a
// port the system picks, waiting for the browser to come back to /oauth/callback with the code and the state.
// A request whose state is not ours is answered 400 and ignored (another page may be probing the port); the
// first with our state ends the wait, with the code or the error the page sent. Nothing received is logged.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export const callbackPath = '/oauth/callback';

export type CallbackResult =
	| { readonly ok: true; readonly code: string }
	| { readonly ok: false; readonly error: string };

export interface LoopbackRedirect {
	/** `http://127.0.0.1:<port>/oauth/callback`. */
	readonly redirectUri: string;
	/** The first callback that carries `state`; rejects with an AbortError when the signal aborts. */
	readonly result: Promise<CallbackResult>;
	close(): Promise<void>;
}

const page = (title: string, text: string) =>
	`<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif"><h1>${title}</h1><p>${text}</p></body>`;

export async function startLoopbackRedirect(state: string, signal?: AbortSignal): Promise<LoopbackRedirect> {
	let settle: (result: CallbackResult) => void = () => undefined;
	let fail: (error: Error) => void = () => undefined;
	const result = new Promise<CallbackResult>((resolve, reject) => {
		settle = resolve;
		fail = reject;
	});
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (url.pathname !== callbackPath || url.searchParams.get('state') !== state) {
			response.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' });
			response.end(page('Not this sign-in', 'This page does not belong to the sign-in in progress.'));
			return;
		}
		const code = url.searchParams.get('code');
		const ok = code !== null && code !== '';
		response.writeHead(ok ? 200 : 400, { 'Content-Type': 'text/html; charset=utf-8', 'Connection': 'close' });
		response.end(ok
			? page('Signed in', 'AWS Profiles has your sign-in. You can close this page.')
			: page('Sign-in refused', 'The sign-in was not approved. You can close this page.'));
		settle(ok ? { ok: true, code } : { ok: false, error: url.searchParams.get('error') ?? 'no_code' });
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const onAbort = () => fail(Object.assign(new Error('The sign-in was cancelled.'), { name: 'AbortError' }));
	if (signal?.aborted) {
		onAbort();
	}
	signal?.addEventListener('abort', onAbort, { once: true });
	const port = (server.address() as AddressInfo).port;
	return {
		redirectUri: `http://127.0.0.1:${port}${callbackPath}`,
		result,
		close: () => new Promise<void>((resolve) => {
			signal?.removeEventListener('abort', onAbort);
			server.close(() => resolve());
			server.closeAllConnections();
		}),
	};
}
