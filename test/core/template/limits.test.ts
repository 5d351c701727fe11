/**
 * Rendering is bounded (DESIGN §3): output size, work (text read and built) and `#each` iterations
 * have caps; a template that reaches one stops with a clear `TemplateRenderError` instead of hanging.
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../../src/adapter/node/template-compiler';
import type { RenderLimits } from '../../../src/core/template/budget';
import { TemplateRenderError } from '../../../src/core/template/errors';
import { render, renderError } from '../../helpers/template';

const LIMITS: RenderLimits = { maxOutputChars: 100, maxWorkChars: 1_000, maxIterations: 50 };
const OUTPUT = /^the template produces too much text \(limit 100 characters of output\)/;
const WORK = /^the template does too much work \(limit 1000 characters of text read and built\)/;
const LOOPS = /^the template loops too often \(limit 50 iterations of #each\)/;

const context = {
  body: {
    ten: '0123456789',
    hundred: 'x'.repeat(100),
    big: 'y'.repeat(5_000),
    items: Array.from({ length: 40 }, (_, i) => i),
    many: Array.from({ length: 1_000 }, (_, i) => i),
    obj: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i])),
  },
};

function expectLimit(template: string, message: RegExp, limits: RenderLimits = LIMITS) {
  const error = renderError(template, context, limits);
  expect(error).toBeInstanceOf(TemplateRenderError);
  expect((error as TemplateRenderError).code).toBe('template-render-failed');
  expect(error.message).toMatch(message);
}

describe('output cap', () => {
  it('allows output up to the cap', () => {
    expect(render('{{body.hundred}}', context, LIMITS)).toHaveLength(100);
    expect(render('x'.repeat(100), context, LIMITS)).toHaveLength(100);
  });

  it.each([
    ['one value over the cap', '{{body.hundred}}!'],
    ['static text over the cap', 'z'.repeat(101)],
    ['many small values adding up', '{{body.ten}}'.repeat(11)],
    ['text and values adding up', `${'z'.repeat(95)}{{body.ten}}`],
    ['a JSON value over the cap', '{{json body.obj}}'],
    ['a raw value over the cap', '{{{body.big}}}'],
    ['a loop adding up', '{{#each body.items}}{{this}},{{/each}}'],
  ])('stops %s', (_, template) => expectLimit(template, OUTPUT));
});

describe('work cap', () => {
  it.each([
    ['helpers reading a long text again and again', '{{#each body.items}}{{#if (eq (lower ../body.big) "x")}}{{/if}}{{/each}}'],
    ['hashing a long text again and again', '{{#each body.items}}{{#if (eq (uuid5 ../body.big) "x")}}{{/if}}{{/each}}'],
    ['splitting a long text again and again', '{{#each body.items}}{{#with (split ../body.big "")}}{{/with}}{{/each}}'],
    [
      'a loop whose text is built and thrown away',
      '{{#each body.items}}{{#with (concat ../body.ten ../body.ten)}}{{/with}}{{/each}}',
    ],
  ])('stops %s', (_, template) => expectLimit(template, WORK));

  it.each([
    ['replace that multiplies its input', `{{length (replace body.hundred "x" "${'z'.repeat(50)}")}}`],
    ['join with a long separator', `{{length (join (split body.hundred "") "${'z'.repeat(50)}")}}`],
  ])('refuses %s before building it', (_, template) => expectLimit(template, OUTPUT));

  it('refuses a blow-up with the default limits quickly, not by running out of memory', () => {
    const big = { body: { big: 'a'.repeat(500_000) } };
    const error = renderError(`{{length (replace body.big "a" "${'b'.repeat(20_000)}")}}`, big);
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error.message).toMatch(/^the template produces too much text/);
  });
});

describe('iteration cap', () => {
  it('allows loops up to the cap', () => {
    expect(
      render('{{#each body.items}}{{/each}}{{#each body.items}}{{#if @first}}ok{{/if}}{{/each}}', context, {
        ...LIMITS,
        maxIterations: 80,
      }),
    ).toBe('ok');
  });

  it.each([
    ['a long loop', '{{#each body.many}}{{/each}}'],
    ['nested loops', '{{#each body.items}}{{#each ../body.items}}{{/each}}{{/each}}'],
    ['a loop over object keys', '{{#each body.obj}}{{/each}}'],
    ['a mustache section over an array', '{{#body.many}}{{/body.many}}'],
    ['a loop over a split text', '{{#each (split body.hundred "")}}{{/each}}'],
  ])('stops %s', (_, template) => expectLimit(template, LOOPS));

  it('ends a quadratic template over a large list with the default limits', () => {
    const large = { body: { list: Array.from({ length: 5_000 }, (_, i) => i) } };
    const error = renderError('{{#each body.list}}{{#each ../body.list}}{{/each}}{{/each}}', large);
    expect(error.message).toMatch(/^the template loops too often \(limit 200000 iterations of #each\)/);
  });
});

describe('budgets belong to one render', () => {
  it('starts every render with a fresh budget', () => {
    const renderFn = compileTemplate('{{#each body.items}}{{/each}}{{body.hundred}}');
    for (let i = 0; i < 3; i++) expect(renderFn(context, LIMITS)).toHaveLength(100);
  });

  it('a failed render leaves no budget behind', () => {
    expectLimit('{{#each body.many}}{{/each}}', LOOPS);
    expect(render('{{#each body.many}}{{/each}}done', context)).toBe('done');
  });
});
