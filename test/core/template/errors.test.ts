/**
 * Template errors name the line and column of the text the author wrote (also after the `}}}`
 * fix-up) and say what was expected in the author's words, not the parser's (DESIGN §3).
 */
import { describe, expect, it } from 'vitest';
import { TemplateSyntaxError } from '../../../src/core/template/errors';
import { MAX_NESTING, parseTemplate } from '../../../src/core/template/parse';
import { PARSER_JARGON } from '../../helpers/template';

function syntaxError(template: string): TemplateSyntaxError {
  try {
    parseTemplate(template);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    return error as TemplateSyntaxError;
  }
  throw new Error(`expected ${JSON.stringify(template)} not to parse`);
}

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in ${text}`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('syntax errors: where, and what was expected', () => {
  it.each([
    // [template, where the error is (text and occurrence), reason]
    ['{"payload": {{json body}', ['{{'], /^"\{\{" is never closed: expected "\}\}"$/],
    ['{"a": "{{body.a"}', ['{{'], /^"\{\{" is never closed: expected "\}\}"$/],
    ['{"a": {{{json body}}', ['{{{'], /^"\{\{\{" is never closed: expected "\}\}\}"$/],
    ['{\n  "a": {{json body}, "b": {{json body}}\n}', ['}, "b"'], /^expected "\}\}", or a value .* but found "\}"$/],
    ['{"a": {{json body}}}, "b": {{json body}', ['{{', 2], /never closed/],
    ['{"a": {{json body}}}, "b": {{json body}, "c": {{x}}}', ['}, "c"'], /^expected "\}\}".* but found "\}"$/],
    ['{"a": "{{x}}}",\n "b": {{json y}}}, "c": {{json z}', ['{{json z'], /never closed/],
    ['[{{#each body.items}}{{this}},\n]', ['{{#each'], /^\{\{#each\}\} is never closed: expected \{\{\/each\}\}$/],
    ['{{#if a}}{{#each b}}x{{/each}}', ['{{#if'], /^\{\{#if\}\} is never closed: expected \{\{\/if\}\}$/],
    ['{{#if a}}x{{/each}}', ['if'], /^\{\{#if\}\} is closed by \{\{\/each\}\}; expected \{\{\/if\}\}$/],
    ['x\n{{/if}}', ['{{/if}}'], /^\{\{\/if\}\} closes a block that is not open$/],
    ['{{else}}', ['{{else}}'], /^\{\{else\}\} belongs inside a block/],
    ['{{#if a}}x{{else}}y{{else}}z{{/if}}', ['{{else}}', 2], /^\{\{else\}\} belongs inside a block/],
    ['{"a": {{json}}, "b": {{}}}', ['}}}'], /^expected a value \(a name or path, .*\) but found "\}\}"$/],
    ['{"a": "{{upper body.a b=}}"}', ['}}"'], /^expected a value .* but found "\}\}"$/],
    ['{"a": {{json (upper body.a}}}', ['}}}'], /^expected a value .*, or "\)" but found "\}\}"$/],
    ['{"a": {{json body.a)}}}', [')'], /^expected "\}\}", or a value .* but found "\)"$/],
    ['{"a": "{{@}}"}', ['}}"'], /^expected a name or path but found "\}\}"$/],
    [
      '{"a": "{{body.items.0}}"}',
      ['0}}'],
      /^expected a name but found the number 0: write an index in brackets, as in items\.\[0\]$/,
    ],
    ['{{#each body.items as |item i}}x{{/each}}', ['}}x'], /^expected a name or path, or "\|" but found "\}\}"$/],
    ['{"a": 1}\n{{!-- a comment that never ends', ['{{!--'], /^the comment "\{\{!--" is never closed: expected "--\}\}"$/],
  ] as [string, [string, number?], RegExp][])('%s', (template, [needle, nth], reason) => {
    const error = syntaxError(template);
    expect({ line: error.line, column: error.column }).toEqual(positionOf(template, needle, nth));
    expect(error.reason).toMatch(reason);
    expect(error.reason).not.toMatch(PARSER_JARGON);
    expect(error.detail).toBe(`line ${error.line}, column ${error.column}: ${error.reason}`);
    expect(error.code).toBe('template-syntax-error');
    expect(error.status).toBe(400);
  });

  it('counts columns in the author text, not in the fixed-up text', () => {
    const template = '{"a": {{json x}}}, "b": {"c": {{json y}}}, "d": {{json z}}}, "e": {{oops x}}}';
    const error = syntaxError(template);
    expect(error.reason).toBe('unknown helper "oops"');
    expect({ line: error.line, column: error.column }).toEqual(positionOf(template, '{{oops'));
  });
});

describe('unknown helpers are refused at parse time, with their position', () => {
  it.each([
    ['{\n  "a": "{{nohelper body.a}}"\n}', '{{nohelper', 'nohelper'],
    ['{\n  "a": {{json (nohelper body.a)}}\n}', '(nohelper', 'nohelper'],
    ['{"a": "{{upper body.a x=(nohelper 1)}}"}', '(nohelper', 'nohelper'],
    ['{\n\n  {{#nohelper body.a}}x{{/nohelper}}', '{{#nohelper', 'nohelper'],
    ['{{#if (nohelper body.a)}}x{{/if}}', '(nohelper', 'nohelper'],
    ['{{#each body.items}}\n  {{log this}}\n{{/each}}', '{{log', 'log'],
    ['{{body.a.b c}}', '{{body', 'body.a.b'],
  ])('%s', (template, needle, name) => {
    const error = syntaxError(template);
    expect(error.reason).toBe(`unknown helper "${name}"`);
    expect({ line: error.line, column: error.column }).toEqual(positionOf(template, needle));
  });
});

describe('partials and decorators are refused at parse time', () => {
  it.each([
    ['{"a": 1}\n{{> footer}}', '{{>', /^partials .* are not supported/],
    ['{{#> layout}}x{{/layout}}', '{{#>', /^partials .* are not supported/],
    ['{{#*inline "footer"}}x{{/inline}}', '{{#*', /^decorators are not supported/],
    ['x\n  {{* decorate}}', '{{*', /^decorators are not supported/],
  ])('%s', (template, needle, reason) => {
    const error = syntaxError(template);
    expect(error.reason).toMatch(reason);
    expect({ line: error.line, column: error.column }).toEqual(positionOf(template, needle));
  });
});

describe('nesting is bounded, so parsing and rendering cannot overflow the stack', () => {
  const blocks = (depth: number) => `${'{{#with a}}'.repeat(depth)}x${'{{/with}}'.repeat(depth)}`;
  const subexpressions = (depth: number) => `{{json ${'(lower '.repeat(depth)}a${')'.repeat(depth)}}}`;

  it('allows the deepest nesting', () => {
    expect(() => parseTemplate(blocks(MAX_NESTING))).not.toThrow();
    expect(() => parseTemplate(subexpressions(MAX_NESTING))).not.toThrow();
  });

  it.each([
    ['blocks', blocks(MAX_NESTING + 1), '{{#with', MAX_NESTING + 1],
    ['blocks, far deeper than the parser could take', blocks(1_800), '{{#with', MAX_NESTING + 1],
    ['sub-expressions', subexpressions(MAX_NESTING + 1), '{{json', 1],
    ['sub-expressions, far deeper than the parser could take', subexpressions(3_000), '{{json', 1],
  ])('refuses %s', (_, template, needle, nth) => {
    const error = syntaxError(template);
    expect(error.reason).toBe(`blocks or (sub-expressions) nest more than ${MAX_NESTING} levels deep here`);
    expect({ line: error.line, column: error.column }).toEqual(positionOf(template, needle, nth));
  });
});
