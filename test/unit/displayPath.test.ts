/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { displayPath, shownPath } from '../../src/core/display/displayPath';

describe('displayPath: a file as a message names it', () => {
	it('writes the home folder as ~', () => {
		assert.equal(displayPath('/home/ann/.aws/credentials', '/home/ann'), '~/.aws/credentials');
		assert.equal(displayPath('/home/ann/.aws/config', '/home/ann/'), '~/.aws/config', 'a home given with a trailing slash');
		assert.equal(displayPath('/home/ann', '/home/ann'), '~');
	});

	it('leaves a path outside the home folder absolute, and one that only starts with the same letters', () => {
		assert.equal(displayPath('/etc/aws/config', '/home/ann'), '/etc/aws/config');
		assert.equal(displayPath('/home/anna/.aws/config', '/home/ann'), '/home/anna/.aws/config');
		assert.equal(displayPath('/home/ann/.aws/config', undefined), '/home/ann/.aws/config');
		assert.equal(displayPath('/home/ann/.aws/config', ''), '/home/ann/.aws/config');
		assert.equal(displayPath('/.aws/config', '/'), '/.aws/config', 'a home at the root: ~ would say nothing');
		assert.equal(displayPath('relative/config', '/home/ann'), 'relative/config');
	});

	it('on Windows, compares without case and writes backslashes', () => {
		assert.equal(displayPath('C:\\Users\\Ann\\.aws\\credentials', 'c:\\users\\ann', true), '~\\.aws\\credentials');
		assert.equal(displayPath('D:\\aws\\config', 'C:\\Users\\Ann', true), 'D:\\aws\\config');
		assert.equal(displayPath('C:\\config', 'C:\\', true), 'C:\\config');
	});

	it('takes the home folder from HOME, as the SDKs do', () => {
		const saved = process.env.HOME;
		process.env.HOME = '/tmp/sandbox-home';
		try {
			assert.equal(shownPath('/tmp/sandbox-home/.aws/credentials'), '~/.aws/credentials');
			assert.equal(shownPath('/tmp/other/.aws/credentials'), '/tmp/other/.aws/credentials');
		} finally {
			process.env.HOME = saved;
		}
	});
});
