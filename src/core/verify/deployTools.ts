/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The IAM actions each deploy tool needs, kept as data files (deployPermissions/*.json) so that the verify
// command's simulation and the walkthrough's example policies share one list.

import serverless from './deployPermissions/serverless.json';
import up from './deployPermissions/up.json';
import zappa from './deployPermissions/zappa.json';

export type DeployTool = 'serverless' | 'up' | 'zappa';

interface DeployPermissions {
	readonly tool: string;
	readonly title: string;
	readonly source: string;
	readonly actions: readonly string[];
}

const permissions: Readonly<Record<DeployTool, DeployPermissions>> = { serverless, up, zappa };

export const deployTools: readonly DeployTool[] = ['serverless', 'up', 'zappa'];

export function deployToolActions(tool: DeployTool): readonly string[] {
	return permissions[tool].actions;
}

export function deployToolTitle(tool: DeployTool): string {
	return permissions[tool].title;
}

/** An IAM policy document that grants the tool's actions: the example the walkthrough offers to copy. */
export function examplePolicy(tool: DeployTool): string {
	return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: permissions[tool].actions, Resource: '*' }] }, undefined, 2);
}
