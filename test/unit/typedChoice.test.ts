/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { checkRegionName } from '../../src/core/editing/credentialFormats';
import { typedChoice, TypedChoiceRules } from '../../src/core/guidance/typedChoice';

interface Item {
	readonly label: string;
	readonly value: string;
	readonly typed?: boolean;
}

const item = (value: string): Item => ({ label: value, value });
const typedItem = (text: string): Item => ({ label: text, value: text, typed: true });
const regions = ['eu-west-1', 'eu-west-2', 'eu-west-3', 'us-east-1'].map(item);
const noRegion: Item = { label: '(no region)', value: '' };
const items = [...regions, noRegion];
const rules: TypedChoiceRules<Item> = {
	isTypedItem: (candidate) => candidate.typed === true,
	isValue: (text) => checkRegionName(text).level === 'ok',
};

describe('typedChoice: what Enter takes in a list that accepts typed text', () => {
	it('takes the typed value whichever item is active: the item named by a place in an older list loses', () => {
		// Typed eu-west-1; VS Code answered with the place eu-west-1 had while "eu-west-" was first: now eu-west-2.
		assert.equal(typedChoice('eu-west-1', items, regions[1], rules), regions[0]);
		assert.equal(typedChoice('eu-west-1', items, noRegion, rules), regions[0]);
		assert.equal(typedChoice('eu-west-1', items, undefined, rules), regions[0]);
		assert.equal(typedChoice('eu-west-1', items, typedItem('eu-west-'), rules), regions[0], 'a typed item that lags behind');
	});

	it('takes typed text that is a value, or that nothing matches, as typed', () => {
		assert.equal(typedChoice('ap-south-2', items, regions[0], rules), 'ap-south-2', 'a known region not in the list');
		assert.equal(typedChoice('eu-west-4', items, undefined, rules), 'eu-west-4', 'nothing matches: the typed text, with its warning');
		assert.equal(typedChoice('eu-west-4', items, typedItem('eu-west-'), rules), 'eu-west-4', 'not the typed item of an older text');
	});

	it('leaves partial text to the item the user moved to, and an empty text to the active item', () => {
		assert.equal(typedChoice('eu-we', items, regions[2], rules), regions[2]);
		assert.equal(typedChoice('eu-we', items, typedItem('eu-we'), rules), 'eu-we', 'the typed item itself: the text as typed now');
		assert.equal(typedChoice('', items, noRegion, rules), noRegion);
		assert.equal(typedChoice('', items, undefined, rules), undefined);
	});
});
