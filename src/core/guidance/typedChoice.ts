/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What Enter takes in a list that also accepts typed text (the wizard's region steps). The item active when
// Enter is pressed is not to be trusted while the list follows the typing: VS Code filters in the window
// while the extension, told of each keystroke later, replaces the items, and an answer given before the
// replacement arrives names an item by its place in the old list. The typed text is what the user meant
// whenever it is itself a value, or when nothing matches it; only a partial text leaves the choice to the
// item the user moved to.

export interface TypedChoiceRules<T> {
	/** Whether an item stands for the typed text (the "use this value" item), which may lag behind the text. */
	readonly isTypedItem: (item: T) => boolean;
	/** Whether the text is a value by itself (a region name, known or well-formed). */
	readonly isValue: (text: string) => boolean;
}

/**
 * The item Enter takes, or the text when the typed text wins (to be taken as typed), or undefined when
 * there is neither.
 */
export function typedChoice<T extends { readonly label: string; readonly value?: string }>(
	typed: string,
	items: readonly T[],
	active: T | undefined,
	rules: TypedChoiceRules<T>,
): T | string | undefined {
	if (typed === '') {
		return active;
	}
	const same = items.find((item) => !rules.isTypedItem(item) && (item.value === typed || item.label === typed));
	if (same) {
		return same;
	}
	if (rules.isValue(typed) || active === undefined || rules.isTypedItem(active)) {
		return typed;
	}
	return active;
}
