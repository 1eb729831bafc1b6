/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Which steps of the "Set up AWS credentials" walkthrough are done: those whose milestone was reached in an
// earlier window (recorded, since VS Code forgets its context keys with the window), and those the user's
// setup shows done already, however it was done (profiles written by `aws configure`, an AWS_PROFILE the
// editor was started with, a profile named in a project file by hand).

/** The walkthrough's steps that something the user does completes (package.json `contributes.walkthroughs`). */
export type SetupStep = 'addProfile' | 'verifyProfile' | 'switchProfile' | 'pinProfile';

export const setupSteps: readonly SetupStep[] = ['addProfile', 'verifyProfile', 'switchProfile', 'pinProfile'];

/** What can be seen of the user's setup now; a fact left out is not known (yet). */
export interface SetupFacts {
	/** Profiles defined in the AWS files. */
	readonly profileCount?: number;
	/** An active profile was chosen (or inherited from AWS_PROFILE), not "No AWS profile" nor the implicit default. */
	readonly profileChosen?: boolean;
	/** A project file of the workspace names a profile for its deploy tool. */
	readonly pinnedInProject?: boolean;
}

/** The steps done, in the walkthrough's order; `recorded` is what was stored, so anything may be in it. */
export function setupStepsDone(recorded: unknown, facts: SetupFacts): SetupStep[] {
	const done = new Set<unknown>(Array.isArray(recorded) ? recorded : []);
	if ((facts.profileCount ?? 0) > 0) {
		done.add('addProfile');
	}
	if (facts.profileChosen) {
		done.add('switchProfile');
	}
	if (facts.pinnedInProject) {
		done.add('pinProfile');
	}
	return setupSteps.filter((step) => done.has(step));
}
