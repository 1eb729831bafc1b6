// ESLint flat config: typescript-eslint's recommended rules on src/ and test/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	// Samples and fixtures stand for users' files, not our code.
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '**/*.d.ts', 'test/sample/**', 'test/fixtures/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.mjs', '**/*.js'],
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
	},
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'no-restricted-imports': 'off',
		},
	},
	{
		// The pure core must never depend on VS Code or on the AWS layer: ui -> core, aws -> core.
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: [{ name: 'vscode', message: 'src/core is pure: no vscode import.' }],
				patterns: [
					{ group: ['**/ui/**', '../ui', '../ui/*'], message: 'core must not import the ui layer.' },
					{ group: ['**/aws/**', '../aws', '../aws/*', '@aws-sdk/*'], message: 'core must not import the AWS layer.' },
				],
			}],
		},
	},
	{
		files: ['src/aws/**/*.ts', 'src/cli/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: [{ name: 'vscode', message: 'only src/ui may import vscode.' }],
				patterns: [{ group: ['**/ui/**', '../ui', '../ui/*'], message: 'only the extension entry may use the ui layer.' }],
			}],
		},
	},
);
