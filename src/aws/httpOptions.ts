/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How the SDK's requests leave this machine: a deadline on each request, the CA bundle the AWS CLI would use
// (AWS_CA_BUNDLE, else the profile's ca_bundle), and the HTTPS proxy of the environment (HTTPS_PROXY,
// unless NO_PROXY names the host). A company proxy that inspects TLS needs both.

import { readFileSync } from 'node:fs';
import type { AgentConnectOpts } from 'agent-base';
import type { ClientRequest } from 'node:http';
import { Agent } from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { shownPath } from '../core/display/displayPath';

export interface HttpSettings {
	readonly timeoutMs: number;
	/** The profile's `ca_bundle`, if it has one; AWS_CA_BUNDLE wins, as in the AWS CLI. */
	readonly caBundle?: string;
	/** The host the calls go to, for NO_PROXY. */
	readonly host?: string;
	readonly env?: NodeJS.ProcessEnv;
}

export function requestHandlerOptions(settings: HttpSettings) {
	const env = settings.env ?? process.env;
	const caFile = env.AWS_CA_BUNDLE || settings.caBundle;
	const ca = caFile ? readCaBundle(caFile) : undefined;
	const proxy = env.HTTPS_PROXY || env.https_proxy;
	const httpsAgent = proxy && !bypassesProxy(settings.host, env.NO_PROXY ?? env.no_proxy)
		? new ProxyAgent(proxy, ca)
		: ca ? new Agent({ ca, keepAlive: true }) : undefined;
	return {
		requestTimeout: settings.timeoutMs,
		connectionTimeout: settings.timeoutMs,
		throwOnRequestTimeout: true,
		...(httpsAgent ? { httpsAgent } : {}),
	};
}

/** A CONNECT tunnel through the proxy, whose TLS to AWS trusts the CA bundle too (the base class would not). */
class ProxyAgent extends HttpsProxyAgent<string> {
	constructor(proxy: string, private readonly ca: string | undefined) {
		super(proxy);
	}

	override connect(request: ClientRequest, options: AgentConnectOpts) {
		return super.connect(request, this.ca && options.secureEndpoint ? { ...options, ca: this.ca } : options);
	}
}

/** The certificates of a CA bundle; a file that cannot be read is a plain error naming it, nothing of its content. */
function readCaBundle(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		throw Object.assign(new Error(`The CA bundle ${shownPath(file)} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`), { name: 'CaBundleError' });
	}
}

/** NO_PROXY as curl reads it: `*`, or host names and domain suffixes separated by commas. */
export function bypassesProxy(host: string | undefined, noProxy: string | undefined): boolean {
	if (!host || !noProxy) {
		return false;
	}
	return noProxy.split(',').map((entry) => entry.trim().replace(/^\*?\./, '').replace(/:\d+$/, '')).some((entry) =>
		entry === '*' || host === entry || host.endsWith(`.${entry}`));
}
