/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// One timer set to a moment worked out from a known expiry (the session's warning, its renewal), so that the
// editor never polls. setTimeout cannot wait longer than about 24.8 days: a later moment is reached by firing
// then, when the caller works the moment out again and sets the timer anew.

import type * as vscode from 'vscode';

/** setTimeout's longest delay. */
const longestDelayMs = 2 ** 31 - 1;

export class MomentTimer implements vscode.Disposable {
	private timer: NodeJS.Timeout | undefined;
	/** The moment the timer is set for (ms since the epoch), for the tests; undefined when it is not set. */
	armedFor: number | undefined;

	/** Runs `action` at `moment` (`lateMs` after it, where the state changes at the moment itself). */
	set(moment: number, now: number, action: () => void, lateMs = 0): void {
		this.clear();
		this.armedFor = moment;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			action();
		}, Math.min(moment - now + lateMs, longestDelayMs));
	}

	clear(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.armedFor = undefined;
	}

	dispose(): void {
		this.clear();
	}
}
