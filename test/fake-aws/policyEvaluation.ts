/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// IAM's identity-policy logic, reduced to what the tests need: an explicit Deny wins, then any Allow, else the
// implicit deny. Actions match case-insensitively with `*` and `?` wildcards (`s3:*`, `iam:List*`, `*`);
// resources match case-sensitively the same way. Conditions, permission boundaries, SCPs and resource
// policies are not modelled.

import type { PolicyStatement } from './seed';

export type Decision = 'allowed' | 'implicitDeny' | 'explicitDeny';

/** The enum SimulatePrincipalPolicy answers in `SourcePolicyType`. */
export type PolicySourceType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed';

/** One policy as it reaches a principal: a managed policy attached to it, or to one of its groups. */
export interface PolicySource {
	readonly id: string;
	readonly type: PolicySourceType;
	readonly statements: readonly PolicyStatement[];
}

export interface MatchedStatement {
	readonly source: PolicySource;
	readonly index: number;
}

export interface Evaluation {
	readonly decision: Decision;
	/** The statements that decided: the Deny ones for an explicit deny, the Allow ones for allowed. */
	readonly matched: readonly MatchedStatement[];
}

function wildcardPattern(pattern: string, caseInsensitive: boolean): RegExp {
	const body = pattern.split('').map((c) => c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('');
	return new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
}

function list(value: string | readonly string[] | undefined): readonly string[] | undefined {
	return value === undefined ? undefined : typeof value === 'string' ? [value] : value;
}

function anyMatches(patterns: readonly string[], value: string, caseInsensitive: boolean): boolean {
	return patterns.some((pattern) => wildcardPattern(pattern, caseInsensitive).test(value));
}

export function statementApplies(statement: PolicyStatement, action: string, resource: string): boolean {
	const actions = list(statement.Action);
	const notActions = list(statement.NotAction);
	const actionApplies = actions !== undefined ? anyMatches(actions, action, true)
		: notActions !== undefined ? !anyMatches(notActions, action, true)
			: false;
	const resources = list(statement.Resource);
	const notResources = list(statement.NotResource);
	const resourceApplies = resources !== undefined ? anyMatches(resources, resource, false)
		: notResources !== undefined ? !anyMatches(notResources, resource, false)
			: true;
	return actionApplies && resourceApplies;
}

export function evaluate(sources: readonly PolicySource[], action: string, resource: string): Evaluation {
	const applying = sources.flatMap((source) => source.statements
		.map((statement, index) => ({ statement, match: { source, index } }))
		.filter(({ statement }) => statementApplies(statement, action, resource)));
	const denies = applying.filter(({ statement }) => statement.Effect === 'Deny').map(({ match }) => match);
	if (denies.length > 0) {
		return { decision: 'explicitDeny', matched: denies };
	}
	const allows = applying.filter(({ statement }) => statement.Effect === 'Allow').map(({ match }) => match);
	return allows.length > 0 ? { decision: 'allowed', matched: allows } : { decision: 'implicitDeny', matched: [] };
}
