/**
 * DESIGN §3 "Template semantics": what `{{x}}`, `{{json x}}` and `{{{x}}}` insert, missing paths,
 * the `}}}` rule for JSON authors, and Handlebars' built-ins as a Handlebars user expects them.
 */
import { describe, expect, it } from 'vitest';
import { render, renderJson } from '../../helpers/template';

const CONTROL_CHARS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');

/** Values that must survive `"{{x}}"` exactly: escaped for a JSON string, never broken out of it. */
const STRING_VALUES: [string, string][] = [
  ['quotes', 'he said "hi" and "bye"'],
  ['a lone quote that would close the string', '"'],
  ['quote then brace, as in an injection attempt', '", "event": "evil", "x": "'],
  ['backslashes', 'C:\\path\\to\\file \\" \\\\'],
  ['a trailing backslash', 'ends with \\'],
  ['newlines and tabs', 'line 1\nline 2\r\n\tindented'],
  ['every control character U+0000–U+001F and DEL', `${CONTROL_CHARS}\u007f`],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['emoji and non-Latin text', '🚀 café 中文 👩‍👩‍👧'],
  ['a lone high surrogate', 'x\ud800y'],
  ['a lone low surrogate', '\udfff'],
  ['HTML', "<script>alert('x')</script> & <b>=</b> `tick`"],
  ['mustaches in data', '{{body.secret}} {{{raw}}} {{json body}}}'],
  ['the empty string', ''],
];

describe('{{x}}: escaped for a JSON string', () => {
  it.each(STRING_VALUES)('%s round-trip exactly', (_, value) => {
    const output = render('{"v": "{{body.v}}"}', { body: { v: value } });
    expect(JSON.parse(output)).toEqual({ v: value });
  });

  it.each([
    ['"', '\\"'],
    ['\\', '\\\\'],
    ['\n', '\\n'],
    ['\r', '\\r'],
    ['\t', '\\t'],
    ['\u0000', '\\u0000'],
    ['\u001f', '\\u001f'],
    ['\ud800', '\\ud800'],
  ])('writes %j as %s', (value, escaped) => {
    expect(render('{{body.v}}', { body: { v: value } })).toBe(escaped);
  });

  it('does not HTML-escape', () => {
    expect(render('{{body.v}}', { body: { v: `<a href='x'>&amp; = \`</a>` } })).toBe(`<a href='x'>&amp; = \`</a>`);
  });

  it('inserts data that looks like a template as text, never as template', () => {
    const body = { v: '{{body.secret}}', secret: 's3cret' };
    expect(render('{{body.v}}', { body })).toBe('{{body.secret}}');
  });

  it.each([
    ['an object', { a: [1, 'x"y'], b: null }],
    ['an array', [1, 'two', { three: 3 }]],
    ['an empty object', {}],
    ['an empty array', []],
  ])('turns %s into its JSON text, escaped', (_, value) => {
    const output = render('{"v": "{{body.v}}"}', { body: { v: value } });
    expect(JSON.parse(output)).toEqual({ v: JSON.stringify(value) });
  });

  it.each([
    [12, '12'],
    [1.5, '1.5'],
    [0, '0'],
    [-3, '-3'],
    [true, 'true'],
    [false, 'false'],
    [null, ''],
  ])('writes the scalar %j as %j', (value, text) => {
    expect(render('{{body.v}}', { body: { v: value } })).toBe(text);
  });
});

describe('{{json x}}: a JSON value', () => {
  it.each([
    ['a string', 'he said "hi"\n'],
    ['a number', 12],
    ['a fraction', -0.25],
    ['true', true],
    ['false', false],
    ['null', null],
    ['an object', { a: { b: [1, 2, { c: 'd' }] }, 'key with "quotes"': '\u2028' }],
    ['an array', ['x', 1, null, [true]]],
    ['emoji and lone surrogates', '🚀\ud800'],
  ])('inserts %s', (_, value) => {
    expect(renderJson('{"v": {{json body.v}} }', { body: { v: value } })).toEqual({ v: value });
  });

  it('inserts null for a missing path', () => {
    expect(render('{{json body.missing}}', { body: {} })).toBe('null');
    expect(render('{{json nothing.at.all}}')).toBe('null');
  });

  it('inserts literals', () => {
    expect(render('[{{json 12}}, {{json "a\\"b"}}, {{json true}}, {{json null}}, {{json undefined}}]')).toBe(
      '[12, "a\\"b", true, null, null]',
    );
  });

  it('keeps an own "__proto__" key of the data', () => {
    const body = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"name": "x"}, "a": 1}');
    const output = render('{{json body}}', { body });
    expect(output).toBe('{"__proto__":{"polluted":"yes"},"constructor":{"name":"x"},"a":1}');
    expect(Object.keys(JSON.parse(output))).toEqual(['__proto__', 'constructor', 'a']);
  });

  it('is not escaped again when passed through another helper', () => {
    expect(render('{{json (json body.v)}}', { body: { v: 'x' } })).toBe('"x"');
    expect(render('{{default (json body.v) "none"}}', { body: { v: { a: 1 } } })).toBe('{"a":1}');
  });
});

describe('{{{x}}}: raw text', () => {
  it.each([
    ['{{{body.n}}}', '12'],
    ['{{{body.s}}}', 'a"b\\c\n<tag>'],
    ['{{& body.s}}', 'a"b\\c\n<tag>'],
    ['{{{body.o}}}', '{"a":[1,"x"]}'],
    ['{{{body.missing}}}', ''],
    ['{{{json body.s}}}', '"a\\"b\\\\c\\n<tag>"'],
    ['{{{upper body.s}}}', 'A"B\\C\n<TAG>'],
  ])('%s renders %j', (template, expected) => {
    expect(render(template, { body: { n: 12, s: 'a"b\\c\n<tag>', o: { a: [1, 'x'] } } })).toBe(expected);
  });
});

describe('missing paths render empty', () => {
  const context = { body: { s: 'text', n: 0, items: [1], nested: { a: null } } };
  it.each([
    '{{nope}}',
    '{{body.nope}}',
    '{{body.nope.deeper.still}}',
    '{{body.s.nope}}',
    '{{body.n.nope}}',
    '{{body.items.[9]}}',
    '{{body.nested.a.b}}',
    '{{@nope}}',
    '{{@root.nope}}',
    '{{../nope}}',
    '{{lookup body "nope"}}',
    '{{lookup body.nope "x"}}',
    '{{lookup body.items 9}}',
    '{{#with body.nope}}x{{/with}}',
    '{{#each body.nope}}x{{/each}}',
    '{{upper body.nope}}',
    '{{header "x-nope"}}',
  ])('%s', (template) => {
    expect(render(template, context)).toBe('');
  });
});

describe('the `}}}` rule: an expression followed by `}` reads as a JSON author means it', () => {
  const body = { n: 12, s: 'text', items: [1, 2, 3], user: { name: 'Ada' } };
  it.each([
    ['{"payload": {{json body}}}', { payload: body }],
    ['{"a": {"b": {{json body.n}}}}', { a: { b: 12 } }],
    ['{"a": {"x": {{json body.n}}}, "b": {"c": {{json body.s}}}}', { a: { x: 12 }, b: { c: 'text' } }],
    ['{"a": {"b": {"c": {{json body.user}}}}}', { a: { b: { c: { name: 'Ada' } } } }],
    ['{"s": "{{body.s}}}"}', { s: 'text}' }],
    ['{"s": "{{{body.s}}}}"}', { s: 'text}' }],
    ['{"s": "{{body.s}}}}}"}', { s: 'text}}}' }],
    ['{"payload": {{{json body}}}}', { payload: body }],
    ['{"payload": {{~json body~}}}', { payload: body }],
    ['{"payload": {{json body ~}}}', { payload: body }],
    ['{"payload":\n  {{~json body}}}', { payload: body }],
    ['{"first": {"n": {{#each body.items}}{{#if @first}}{{this}}{{/if}}{{/each}}}}', { first: { n: 1 } }],
    ['{"last": {{#each body.items}}{{#if @last}}{{this}}{{/if}}{{/each}}}', { last: 3 }],
    ['{"o": {{#with body.user}}{"who": "{{name}}"}{{/with}}}', { o: { who: 'Ada' } }],
    ['{"o": {{#if body.n}}{"n": {{body.n}}}{{else}}{}{{/if}}}', { o: { n: 12 } }],
    ['[{{#each body.items}}{"i": {{this}}}{{#unless @last}},{{/unless}}{{/each}}]', [{ i: 1 }, { i: 2 }, { i: 3 }]],
    ['{"a": {{json (default body.nope "}}")}}}', { a: '}}' }],
    ['{"a": 1{{! a comment }}}', { a: 1 }],
    ['{"a": 1{{!-- a comment with }} inside --}}}', { a: 1 }],
  ])('%s', (template, expected) => {
    expect(renderJson(template, { body })).toEqual(expected);
  });

  it('renders the same as the template written with a space before the brace', () => {
    const context = { body };
    const tight = '{"p": {"b": {{json body}}}, "q": [{{#each body.items}}{"i": {{this}}}{{#unless @last}},{{/unless}}{{/each}}]}';
    const spaced =
      '{"p": {"b": {{json body}} }, "q": [{{#each body.items}}{"i": {{this}} }{{#unless @last}},{{/unless}}{{/each}}]}';
    expect(renderJson(tight, context)).toEqual(renderJson(spaced, context));
  });

  it('leaves an escaped mustache as text', () => {
    expect(render('\\{{json body}}}', { body })).toBe('{{json body}}}');
  });

  it('works across lines with standalone block tags', () => {
    const template = [
      '{',
      '  "items": [',
      '{{#each body.items}}',
      '    {"i": {{this}}}{{#unless @last}},{{/unless}}',
      '{{/each}}',
      '  ]}',
    ];
    expect(renderJson(template.join('\n'), { body })).toEqual({ items: [{ i: 1 }, { i: 2 }, { i: 3 }] });
  });
});

describe('Handlebars built-ins', () => {
  const context = {
    body: {
      name: 'root',
      flag: true,
      zero: 0,
      empty: '',
      none: [],
      obj: {},
      items: ['a', 'b', 'c'],
      map: { x: 1, y: 2 },
      keys: ['y', 'x'],
      users: [
        { name: 'Ada', tags: ['math'] },
        { name: 'Alan', tags: [] },
      ],
      'dotted.key': 'dotted',
      'spaced key': 'spaced',
    },
  };

  it.each([
    ['{{#if body.flag}}yes{{else}}no{{/if}}', 'yes'],
    ['{{#if body.zero}}yes{{else}}no{{/if}}', 'no'],
    ['{{#if body.zero includeZero=true}}yes{{else}}no{{/if}}', 'yes'],
    ['{{#if body.empty}}yes{{else}}no{{/if}}', 'no'],
    ['{{#if body.none}}yes{{else}}no{{/if}}', 'no'],
    ['{{#if body.obj}}yes{{else}}no{{/if}}', 'yes'],
    ['{{#if body.missing}}yes{{else}}no{{/if}}', 'no'],
    ['{{#unless body.flag}}yes{{else}}no{{/unless}}', 'no'],
    ['{{#unless body.missing}}yes{{/unless}}', 'yes'],
    ['{{#if body.missing}}A{{else if body.zero}}B{{else if body.flag}}C{{else}}D{{/if}}', 'C'],
    ['{{^if body.flag}}yes{{else}}no{{/if}}', 'no'],
    [
      '{{#each body.items}}{{@index}}:{{this}}{{#if @first}}(first){{/if}}{{#if @last}}(last){{/if}} {{/each}}',
      '0:a(first) 1:b 2:c(last) ',
    ],
    ['{{#each body.map}}{{@key}}={{this}}{{#unless @last}}&{{/unless}}{{/each}}', 'x=1&y=2'],
    ['{{#each body.map}}{{@index}}{{@first}}{{@last}} {{/each}}', '0truefalse 1falsetrue '],
    ['{{#each body.none}}x{{else}}empty{{/each}}', 'empty'],
    ['{{#each body.items}}{{../body.name}}/{{this}} {{/each}}', 'root/a root/b root/c '],
    ['{{#each body.users}}{{name}}:{{#each tags}}{{../name}}>{{this}}{{/each}};{{/each}}', 'Ada:Ada>math;Alan:;'],
    ['{{#each body.users}}{{#each tags}}{{../../body.name}}{{/each}}{{/each}}', 'root'],
    ['{{#each body.items}}{{@root.body.name}}{{/each}}', 'rootrootroot'],
    ['{{#each body.items as |item i|}}{{i}}={{item}} {{/each}}', '0=a 1=b 2=c '],
    ['{{#each body.map as |value key|}}{{key}}={{value}} {{/each}}', 'x=1 y=2 '],
    ['{{#each body.users as |user|}}{{#each user.tags as |tag|}}{{user.name}}:{{tag}}{{/each}}{{/each}}', 'Ada:math'],
    ['{{#with body.users.[0]}}{{name}}{{/with}}', 'Ada'],
    ['{{#with body.missing}}x{{else}}none{{/with}}', 'none'],
    ['{{#with body.users.[1] as |u|}}{{u.name}}{{/with}}', 'Alan'],
    ['{{#with body.map}}{{x}}{{../body.name}}{{/with}}', '1root'],
    ['{{lookup body.items 1}}', 'b'],
    ['{{lookup body.map "y"}}', '2'],
    ['{{#each body.keys}}{{lookup ../body.map this}}{{/each}}', '21'],
    ['{{lookup (lookup body.users 0) "name"}}', 'Ada'],
    ['{{body.[dotted.key]}} {{body.[spaced key]}} {{lookup body "dotted.key"}}', 'dotted spaced dotted'],
    ['{{body.items.[1]}} {{body.users.1.name}}', 'b Alan'],
    ['{{upper (concat (lower "A") (lookup body.items 2))}}', 'AC'],
    ['{{#if (and (eq body.name "root") (not body.missing))}}ok{{/if}}', 'ok'],
    ['{{#each body.items}}{{this}}{{/each}}', 'abc'],
    ['{{#body.items}}{{this}}{{/body.items}}', 'abc'],
    ['{{#body.flag}}on{{/body.flag}}', 'on'],
    ['[ {{~#each body.items~}} {{this}} {{~/each~}} ]', '[abc]'],
    ['a  {{~body.name~}}  b', 'arootb'],
    ['{{!-- a comment --}}x{{! another }}', 'x'],
  ])('%s renders %j', (template, expected) => {
    expect(render(template, context)).toBe(expected);
  });

  it('removes standalone block lines as Handlebars does', () => {
    const template = '[\n{{#each body.items}}\n  "{{this}}"{{#unless @last}},{{/unless}}\n{{/each}}\n]';
    expect(render(template, context)).toBe('[\n  "a",\n  "b",\n  "c"\n]');
  });

  it('escapes output inside blocks too', () => {
    expect(render('{{#each body.v}}"{{this}}" {{/each}}', { body: { v: ['a"b', 'c\\d'] } })).toBe('"a\\"b" "c\\\\d" ');
  });
});
