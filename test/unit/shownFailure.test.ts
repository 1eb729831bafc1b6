/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planProfileEdit } from '../../src/core/editing/profileEdits';
import { ProfileEditError } from '../../src/core/io/profileFileWriter';
import { SafeWriteError } from '../../src/core/io/safeWrite';
import { shownFailure } from '../../src/core/display/shownFailure';

const secretName = 'Ab3xY9Qw7zK2mN5pL8rT1vS4uW6yB0cD3eF5gHjK';

describe('What a failure shows', () => {
	it('names an error we did not make by its kind alone: Node quotes the path, a library may quote content', async () => {
		const error = await fs.chmod(path.join(os.tmpdir(), `no-such-${secretName}`), 0o600).catch((caught: unknown) => caught);
		const shown = shownFailure(error);
		assert.ok(!shown.includes(secretName.slice(0, 8)), shown);
		assert.equal(shown, 'an unexpected error (Error ENOENT)');
		assert.equal(shownFailure(new SyntaxError(`Unexpected token in ${secretName}`)), 'an unexpected error (SyntaxError)');
		assert.equal(shownFailure('a string thrown'), 'an unexpected error (string)');
	});

	it('shows our own errors\' messages, masked', () => {
		assert.equal(shownFailure(new ProfileEditError('The profile \'dev\' cannot be written.')), 'The profile \'dev\' cannot be written.');
		assert.equal(shownFailure(new SafeWriteError('WriteFailed', '/tmp/x', `Cannot write /tmp/${secretName}.`)), 'Cannot write ****.');
	});

	it('knows our own errors by their mark, also when another bundle\'s copy of the class made them', () => {
		const module = require.resolve('../../src/core/display/ownError');
		/* eslint-disable @typescript-eslint/no-require-imports -- two copies of one module, as two bundles have */
		const ours = require(module) as typeof import('../../src/core/display/ownError');
		delete require.cache[module];
		const copy = require(module) as typeof import('../../src/core/display/ownError');
		/* eslint-enable @typescript-eslint/no-require-imports */
		assert.notEqual(copy.OwnError, ours.OwnError);
		class RefusedInAnotherBundle extends copy.OwnError { }
		const error = new RefusedInAnotherBundle('Pick a profile.');
		assert.ok(!(error instanceof ours.OwnError));
		assert.equal(shownFailure(error), 'Pick a profile.');
		assert.equal(shownFailure(Object.assign(new Error(`Cannot read ${secretName}`), { own: true })), 'an unexpected error (Error)');
	});
});

describe('Refusals of an edit', () => {
	it('quote a name shaped like a secret masked, and other names as written', () => {
		const files = { config: '[profile dev]\nregion = us-east-1\n', credentials: '' };
		const missing = planProfileEdit(files, { op: 'delete', profile: secretName });
		assert.equal(missing.ok, false);
		assert.ok(!missing.ok && !missing.message.includes(secretName.slice(0, 8)), !missing.ok ? missing.message : '');
		assert.ok(!missing.ok && missing.message.includes('\'****\''));
		const taken = planProfileEdit({ config: `[profile ${secretName}]\n`, credentials: '' }, { op: 'rename', from: 'dev', to: secretName });
		assert.ok(!taken.ok && !taken.message.includes(secretName.slice(0, 8)));
		const plain = planProfileEdit(files, { op: 'delete', profile: 'prod' });
		assert.ok(!plain.ok && plain.message.includes('\'prod\''));
	});
});
