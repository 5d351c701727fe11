/**
 * "Prototype properties are never reachable from a template; there is no way to run code" (DESIGN §3):
 * every path to `__proto__`, `constructor`, `prototype` and friends renders empty, and rendering hostile
 * templates over hostile data leaves `Object.prototype` as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TemplateSyntaxError } from '../../../src/core/template/errors';
import { render, renderError } from '../../helpers/template';

function hostileContext() {
  return {
    headers: JSON.parse('{"x-a": "1", "__proto__": {"polluted": "header"}}'),
    body: JSON.parse(
      '{"s": "text", "items": [{"id": 1}], "nested": {"a": {}}, "__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}}}',
    ),
  };
}

function assertPrototypesClean() {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  expect(Object.hasOwn(Object.prototype, 'isAdmin')).toBe(false);
  expect(Object.hasOwn(Array.prototype, 'polluted')).toBe(false);
  expect(Object.hasOwn(String.prototype, 'polluted')).toBe(false);
}

afterEach(assertPrototypesClean);

describe('paths into the object model render empty', () => {
  it.each([
    '{{__proto__}}',
    '{{constructor}}',
    '{{prototype}}',
    '{{this.constructor}}',
    '{{this.__proto__}}',
    '{{./constructor}}',
    '{{[constructor]}}',
    '{{body.constructor}}',
    '{{body.constructor.name}}',
    '{{body.constructor.prototype}}',
    '{{body.__proto__}}',
    '{{body.__proto__.polluted}}',
    '{{body.[__proto__]}}',
    '{{body.[__proto__].polluted}}',
    '{{body.s.constructor}}',
    '{{body.s.constructor.constructor}}',
    '{{body.items.constructor}}',
    '{{body.toString}}',
    '{{body.valueOf}}',
    '{{body.hasOwnProperty}}',
    '{{body.__defineGetter__}}',
    '{{body.__lookupGetter__}}',
    '{{body.s.toUpperCase}}',
    '{{@root.constructor}}',
    '{{@root.__proto__}}',
    '{{@root.body.constructor}}',
    '{{headers.__proto__}}',
    '{{headers.constructor}}',
    '{{lookup body "__proto__"}}',
    '{{lookup body "constructor"}}',
    '{{lookup this "constructor"}}',
    '{{lookup body.s "constructor"}}',
    '{{lookup (lookup body "constructor") "name"}}',
    '{{lookup body "toString"}}',
    '{{lookup @root "constructor"}}',
    '{{#with body}}{{constructor}}{{__proto__}}{{/with}}',
    '{{#with body as |b|}}{{b.constructor}}{{b.__proto__.polluted}}{{/with}}',
    '{{#with body.constructor}}x{{/with}}',
    '{{#with body.__proto__}}{{polluted}}{{/with}}',
    '{{#each body.items}}{{constructor}}{{this.constructor}}{{../constructor}}{{/each}}',
    '{{#each body.constructor}}x{{/each}}',
    '{{#each body.__proto__}}{{this}}{{/each}}',
    '{{#if body.constructor}}x{{/if}}',
    '{{#if body.__proto__.polluted}}x{{/if}}',
    '{{upper body.constructor}}',
    '{{concat body.__proto__ body.constructor.name}}',
    '{{default body.constructor body.__proto__}}',
    '{{header "__proto__"}}',
    '{{header "constructor"}}',
  ])('%s', (template) => {
    expect(render(template, hostileContext())).toBe('');
  });

  it.each([
    '{{json body.constructor}}',
    '{{json body.__proto__}}',
    '{{json (lookup body "__proto__")}}',
    '{{json (lookup this "constructor")}}',
    '{{json @root.constructor}}',
  ])('%s renders null', (template) => {
    expect(render(template, hostileContext())).toBe('null');
  });

  it('an own "__proto__" key is data: {{json}} and #each show it, as they show any key', () => {
    const context = hostileContext();
    expect(JSON.parse(render('{{json body}}', context))).toEqual(context.body);
    expect(render('{{#each body}}{{@key}};{{/each}}', context)).toBe('s;items;nested;__proto__;constructor;');
  });

  it.each([
    '{{#constructor}}x{{/constructor}}',
    '{{#__proto__}}x{{/__proto__}}',
    '{{#body.constructor}}x{{/body.constructor}}',
    '{{#body.__proto__}}{{polluted}}{{/body.__proto__}}',
  ])('refuses the block %s at parse time', (template) => {
    const error = renderError(template, hostileContext());
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect(error.message).toMatch(/is not allowed in a template/);
  });

  it.each([
    '{{#__out}}x{{/__out}}',
    '{{#__raw}}{{/__raw}}',
    '{{#helperMissing}}x{{/helperMissing}}',
    '{{#blockHelperMissing}}x{{/blockHelperMissing}}',
  ])("refuses %s: the runtime's own helpers are not callable", (template) => {
    const error = renderError(template, hostileContext());
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect(error.message).toMatch(/unknown helper/);
  });

  it.each(['{{__out body.s}}', '{{__raw body.s}}', '{{log "x"}}', '{{helperMissing "x"}}', '{{json (__raw body)}}'])(
    'refuses the call %s as an unknown helper',
    (template) => {
      const error = renderError(template, hostileContext());
      expect(error).toBeInstanceOf(TemplateSyntaxError);
      expect(error.message).toMatch(/unknown helper/);
    },
  );
});

describe('rendering hostile templates over hostile data pollutes nothing', () => {
  const hostile = [
    '{{#each body}}{{#each this}}{{@key}}{{/each}}{{/each}}',
    '{{#with body.__proto__}}{{#with ../body.constructor}}{{prototype}}{{/with}}{{/with}}',
    '{{#each body.items as |item|}}{{#with item}}{{lookup this "__proto__"}}{{/with}}{{/each}}',
    '{{json (jsonParse "{\\"__proto__\\": {\\"polluted\\": \\"yes\\"}}")}}',
    '{{lookup (jsonParse "{\\"__proto__\\": {\\"polluted\\": \\"yes\\"}}") "__proto__"}}',
    '{{#each (jsonParse "{\\"__proto__\\": {\\"polluted\\": \\"yes\\"}}")}}{{@key}}{{this.polluted}}{{/each}}',
    '{{#each (split "__proto__,constructor")}}{{lookup @root.body this}}{{/each}}',
    '{{#each body}}{{lookup ../body @key}}{{/each}}',
    '{{#each body.items}}{{@root.__proto__.polluted}}{{@__proto__}}{{@constructor}}{{/each}}',
  ];

  it.each(hostile)('%s', (template) => {
    expect(() => render(template, hostileContext())).not.toThrow();
    assertPrototypesClean();
  });

  it('leaves the data as it was', () => {
    const context = hostileContext();
    const before = JSON.stringify(context);
    for (const template of hostile) render(template, context);
    expect(JSON.stringify(context)).toBe(before);
    expect(Object.getPrototypeOf(context.body)).toBe(Object.prototype);
  });
});
