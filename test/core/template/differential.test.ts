/**
 * The two renderers — compiled (Node) and interpreted (Workers, no code generation) — give
 * byte-identical output, or the same error, for every template over every fixture payload.
 * (Every other template test also runs both, through test/helpers/template.ts.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RENDER_LIMITS } from '../../../src/core/template/budget';
import { contextFor, providerPayloads, templateFiles } from '../../helpers/corpus';
import { renderBoth } from '../../helpers/template';

const payloads = providerPayloads();
const templates = templateFiles();

describe('compiled and interpreted renderers agree', () => {
  it('has a corpus to compare', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(60);
    expect(templates.length).toBeGreaterThanOrEqual(4);
  });

  it.each(templates.map((t) => [t.name, t.source] as const))('%s over every fixture payload', (_name, source) => {
    let rendered = 0;
    for (const payload of payloads) {
      const outcome = renderBoth(source, payload.context, DEFAULT_RENDER_LIMITS);
      if (outcome.ok) rendered += 1;
    }
    expect(rendered).toBeGreaterThan(0);
  });

  const context = contextFor(
    JSON.stringify({
      items: [
        { id: 1, tags: ['a', 'b'], meta: { k: 'v' } },
        { id: 2, tags: [], meta: null },
      ],
      map: { first: 1, second: { deep: [true, false] }, third: null },
      zero: 0,
      empty: '',
      text: 'Hello "World"',
    }).replace(/}$/, ',"__proto__":{"polluted":true}}'),
    { 'content-type': 'application/json', 'X-Mixed-Case': 'yes' },
  );

  const EDGE_CASES: [string, string][] = [
    [
      'nested each with @index/@first/@last',
      '{{#each body.items}}{{@index}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}{{#each tags}}[{{@index}}{{this}}{{@../index}}]{{/each}}{{/each}}',
    ],
    ['nested with and ../ paths', '{{#with body.items.[0]}}{{#with meta}}{{k}}{{../id}}{{../../body.text}}{{/with}}{{/with}}'],
    ['../ across each and if', '{{#each body.items}}{{#if tags}}{{../body.zero}}{{id}}{{/if}}{{/each}}'],
    [
      'else blocks',
      '{{#each body.items.[1].tags}}x{{else}}none{{/each}}{{#with body.missing}}x{{else}}no{{/with}}{{#unless body.zero}}z{{else}}nz{{/unless}}',
    ],
    ['else if chains', '{{#if body.empty}}e{{else if body.zero}}z{{else if body.text}}t{{else}}n{{/if}}'],
    ['sub-expressions', '{{upper (concat (lower body.text) (default body.missing "-") (json (lookup body.map "first")))}}'],
    ['hash arguments', '{{#if body.zero includeZero=true}}zero counts{{/if}}'],
    ['whitespace control', '[\n  {{~#each body.items~}}\n    {{id}}\n  {{~/each~}}\n]'],
    ['standalone lines', '{\n  {{#each body.items}}\n  "{{id}}": 1,\n  {{/each}}\n  "end": 2\n}'],
    [
      'block params',
      '{{#each body.map as |value key|}}{{key}}={{json value}};{{/each}}{{#with body.items as |list|}}{{list.length}}{{/with}}',
    ],
    [
      'sections on values',
      '{{#body.items}}<{{id}}>{{/body.items}}{{#body.map}}{{first}}{{/body.map}}{{^body.missing}}absent{{/body.missing}}',
    ],
    ['missing paths', '"{{body.nope}}" {{json body.nope.deeper}} "{{body.map.third.x}}" {{json body.map.third}}'],
    [
      'prototype keys',
      '{{body.__proto__}}|{{body.constructor}}|{{body.toString}}|{{lookup body "__proto__"}}|{{@root.constructor}}|{{json body}}',
    ],
    ['data paths', '{{@root.method}} {{#each body.items}}{{@root.headers.x-mixed-case}}{{@key}}{{/each}}'],
    ['@key over objects', '{{#each body.map}}{{@key}}:{{@index}}:{{@first}}:{{@last}} {{/each}}'],
    [
      'each over null, strings and numbers',
      '{{#each body.items.[1].meta}}x{{else}}n{{/each}}{{#each body.text}}s{{else}}ns{{/each}}{{#each body.zero}}z{{else}}nz{{/each}}',
    ],
    ['helpers inside loops', '{{#each body.items}}{{uuid5 (concat "item-" id)}} {{join tags "+"}} {{length tags}};{{/each}}'],
    ['triple stash and json closers', '{"raw": {{{json body.map}}}, "esc": "{{body.text}}", "j": {{json body.items}}}'],
    ['errors agree: block helper used inline', '{{if body.zero}}'],
    ['errors agree: helper refuses input', '{{jsonParse body.text}}'],
    ['errors agree: required', '{{required body.nothing}}'],
  ];

  it.each(EDGE_CASES)('%s', (_name, source) => {
    renderBoth(source, context, DEFAULT_RENDER_LIMITS);
  });
});
