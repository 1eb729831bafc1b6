/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What a service the fake endpoint serves is made of: its signing name, API version, XML namespace, the
// checks every call to it passes after authentication, and one handler per action.

import type { Caller } from './authentication';
import type { Directory } from './directory';
import type { QueryParams } from './queryParams';
import type { XmlNode } from './queryXml';

export type ServiceName = 'sts' | 'iam';

export interface ActionContext {
	readonly directory: Directory;
	readonly caller: Caller;
	readonly params: QueryParams;
	/** The server's clock (which a test may skew). */
	readonly now: Date;
}

/** The children of `<ActionResult>`, or `undefined` for actions that answer with their request ID alone. */
export type ActionHandler = (context: ActionContext) => readonly XmlNode[] | undefined;

export interface ServiceDefinition {
	readonly name: ServiceName;
	readonly version: string;
	readonly namespace: string;
	/** Throws the AWS error for a caller the service refuses whatever the action. */
	readonly admit: (caller: Caller, directory: Directory) => void;
	readonly actions: Readonly<Record<string, ActionHandler>>;
}
