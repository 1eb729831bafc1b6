/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

import * as assert from 'node:assert/strict';
import {
	isBareWord, isStageVariable, LiteralOperand, Operand, parseTemplate, SourceOperand, TemplatePart, VariablePart,
} from '../../../src/core/references/serverlessVariableSyntax';

/** A part as a short string: `text`, `${source:address|fallback...}`. */
function show(parts: readonly TemplatePart[]): string {
	return parts.map((part) => (part.kind === 'text' ? part.text : `\${${part.operands.map(showOperand).join('|')}}`)).join('');
}

function showOperand(operand: Operand): string {
	switch (operand.kind) {
		case 'nested':
			return show([operand.variable]);
		case 'literal':
			return operand.quote ? `${operand.quote}${operand.value}${operand.quote}` : `word(${operand.value})`;
		case 'source': {
			const argument = operand.argument === undefined ? '' : `(${operand.argument})`;
			return operand.address === undefined ? `${operand.source}${argument}` : `${operand.source}${argument}:${show(operand.address)}`;
		}
	}
}

function only(text: string): VariablePart {
	const { parts, problems } = parseTemplate(text);
	assert.deepEqual(problems, []);
	assert.equal(parts.length, 1);
	assert.equal(parts[0].kind, 'variable');
	return parts[0] as VariablePart;
}

describe('Serverless variable syntax', () => {
	it('reads plain text as one text part, and no part for an empty string', () => {
		assert.equal(show(parseTemplate('my-profile').parts), 'my-profile');
		assert.deepEqual(parseTemplate('').parts, []);
	});

	it('reads a variable with a source and an address', () => {
		assert.equal(show(parseTemplate('${self:custom.profile}').parts), '${self:custom.profile}');
		const variable = only('${sls:stage}');
		assert.deepEqual([variable.start, variable.end], [0, 12]);
	});

	it('reads text around variables, with offsets in the string', () => {
		const { parts } = parseTemplate('acme-${sls:stage}-deploy');
		assert.equal(show(parts), 'acme-${sls:stage}-deploy');
		assert.deepEqual(parts.map((part) => [part.start, part.end]), [[0, 5], [5, 17], [17, 24]]);
	});

	it('reads fallbacks: a source without ${}, quoted strings, a number, a nested variable', () => {
		assert.equal(show(parseTemplate('${opt:stage, self:custom.defaultStage}').parts), '${opt:stage|self:custom.defaultStage}');
		assert.equal(show(parseTemplate(`\${env:P, 'a b', "c"}`).parts), `\${env:P|'a b'|"c"}`);
		assert.equal(show(parseTemplate('${opt:memory, 1024}').parts), '${opt:memory|word(1024)}');
		assert.equal(show(parseTemplate('${env:A, ${env:B}}').parts), '${env:A|${env:B}}');
	});

	it('reads a variable nested in an address', () => {
		assert.equal(show(parseTemplate('${self:custom.profiles.${sls:stage}}').parts), '${self:custom.profiles.${sls:stage}}');
		assert.equal(show(parseTemplate('${self:custom.${opt:stage, self:provider.stage}.profile}').parts),
			'${self:custom.${opt:stage|self:provider.stage}.profile}');
	});

	it('reads file(...) and cf(region) arguments, and v4 resolver addresses', () => {
		assert.equal(show(parseTemplate('${file(./config.${sls:stage}.yml):profile}').parts), '${file(./config.${sls:stage}.yml):profile}');
		assert.equal(show(parseTemplate('${file(./config.js)}').parts), '${file(./config.js)}');
		assert.equal(show(parseTemplate('${cf(us-east-1):stack.Output}').parts), '${cf(us-east-1):stack.Output}');
		assert.equal(show(parseTemplate('${awsAccount1:ssm:/path/to/param}').parts), '${awsAccount1:ssm:/path/to/param}');
	});

	it('keeps a comma or a brace inside quotes in the literal', () => {
		assert.equal(show(parseTemplate(`\${opt:x, 'a,b}c'}`).parts), `\${opt:x|'a,b}c'}`);
	});

	it('knows where a quoted literal\'s characters are', () => {
		const text = `\${env:P, 'my-profile'}`;
		const literal = only(text).operands[1] as LiteralOperand;
		assert.equal(text.slice(literal.valueStart, literal.valueStart! + literal.value.length), 'my-profile');
		assert.equal(isBareWord(literal), false);
	});

	it('flags a bare word as a fallback, but not a number or a boolean', () => {
		const [, word] = only('${opt:stage, dev}').operands as LiteralOperand[];
		assert.equal(word.value, 'dev');
		assert.equal(isBareWord(word), true);
		assert.equal(isBareWord(only('${opt:n, 10}').operands[1] as LiteralOperand), false);
		assert.equal(isBareWord(only('${opt:b, true}').operands[1] as LiteralOperand), false);
	});

	it('knows the variables a stage is read from', () => {
		assert.equal(isStageVariable(only('${sls:stage}')), true);
		assert.equal(isStageVariable(only(`\${opt:stage, 'dev'}`)), true);
		assert.equal(isStageVariable(only('${self:provider.stage}')), true);
		assert.equal(isStageVariable(only('${opt:region}')), false);
		assert.equal(isStageVariable(only('${env:STAGE}')), false);
	});

	it('reports an unterminated variable, and keeps it as text', () => {
		const { parts, problems } = parseTemplate('a-${self:custom.x');
		assert.deepEqual(problems.map((problem) => [problem.code, problem.start]), [['unterminated-variable', 2]]);
		assert.equal(show(parts), 'a-${self:custom.x');
	});

	it('reports an empty variable and an empty operand', () => {
		assert.deepEqual(parseTemplate('${}').problems.map((problem) => problem.code), ['empty-operand', 'empty-operand']);
		assert.deepEqual(parseTemplate('${opt:stage, }').problems.map((problem) => problem.code), ['empty-operand']);
	});

	it('takes ${self:} as the root of the file', () => {
		const source = only('${self:}').operands[0] as SourceOperand;
		assert.deepEqual(source.address, []);
	});
});
