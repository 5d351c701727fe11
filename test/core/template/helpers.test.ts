/**
 * Every helper of DESIGN §3: normal inputs, missing inputs (a missing path is undefined), and bad
 * inputs, which fail with a `TemplateRenderError` that names the helper.
 */
import { describe, expect, it } from 'vitest';
import { TemplateRenderError } from '../../../src/core/template/errors';
import { render, renderError } from '../../helpers/template';

const context = {
  headers: { 'x-github-event': 'push', 'content-type': 'application/json', 'x-quoted': 'say "hi"' },
  body: {
    s: 'Hello, World',
    emoji: '🚀ab🚀',
    n: 42,
    zero: 0,
    yes: true,
    no: false,
    nil: null,
    empty: '',
    list: ['a', 'b', 'c'],
    mixed: [1, 'two', null, { three: 3 }],
    none: [],
    obj: { a: 1, b: 2 },
    csv: 'x,y,,z',
    jsonText: '{"a":[1,2],"b":"c"}',
    b64: 'aMOpbGxvIPCfmoA=',
    seconds: 1700000000,
    millis: 1700000000123,
    runId: '0C3F6B9E-1A2B-4C5D-8E9F-0123456789AB',
  },
};

function cases(helper: string, table: [string, string][]) {
  describe(helper, () => {
    it.each(table)('%s renders %j', (template, expected) => {
      expect(render(template, context)).toBe(expected);
    });
  });
}

function failures(helper: string, table: [string, RegExp][]) {
  describe(`${helper}: bad input`, () => {
    it.each(table)('%s fails with %s', (template, message) => {
      const error = renderError(template, context);
      expect(error).toBeInstanceOf(TemplateRenderError);
      expect((error as TemplateRenderError).code).toBe('template-render-failed');
      expect(error.message).toMatch(message);
    });
  });
}

cases('json', [
  ['{{json body.s}}', '"Hello, World"'],
  ['{{json body.n}}', '42'],
  ['{{json body.obj}}', '{"a":1,"b":2}'],
  ['{{json body.list}}', '["a","b","c"]'],
  ['{{json body.nil}}', 'null'],
  ['{{json body.missing}}', 'null'],
  ['{{json}}', 'null'],
]);

cases('default', [
  ['{{default body.missing "fallback"}}', 'fallback'],
  ['{{default body.nil "fallback"}}', 'fallback'],
  ['{{default body.empty "fallback"}}', 'fallback'],
  ['{{default body.missing body.nil body.s}}', 'Hello, World'],
  ['{{default body.zero "fallback"}}', '0'],
  ['{{default body.no "fallback"}}', 'false'],
  ['{{default body.s "fallback"}}', 'Hello, World'],
  ['{{default body.missing body.nil}}', ''],
  ['{{json (default body.missing body.obj)}}', '{"a":1,"b":2}'],
]);

cases('eq / ne', [
  ['{{eq body.s "Hello, World"}}', 'true'],
  ['{{eq body.n 42}}', 'true'],
  ['{{eq body.n "42"}}', 'false'],
  ['{{eq body.missing body.alsoMissing}}', 'true'],
  ['{{eq body.nil body.missing}}', 'false'],
  ['{{ne body.s "x"}}', 'true'],
  ['{{ne body.n 42}}', 'false'],
  ['{{#if (eq (header "X-GitHub-Event") "push")}}push{{else}}other{{/if}}', 'push'],
]);

cases('and / or / not', [
  ['{{and body.yes body.s body.n}}', 'true'],
  ['{{and body.yes body.zero}}', 'false'],
  ['{{and body.yes body.none}}', 'false'],
  ['{{and body.yes body.obj}}', 'true'],
  ['{{and body.yes body.missing}}', 'false'],
  ['{{or body.no body.empty body.n}}', 'true'],
  ['{{or body.no body.missing body.nil}}', 'false'],
  ['{{not body.yes}}', 'false'],
  ['{{not body.missing}}', 'true'],
  ['{{not body.zero}}', 'true'],
  ['{{not "0"}}', 'false'],
  ['{{#if (or (eq body.n 1) (and body.yes (not body.no)))}}ok{{/if}}', 'ok'],
]);

cases('lower / upper', [
  ['{{lower body.s}}', 'hello, world'],
  ['{{upper body.s}}', 'HELLO, WORLD'],
  ['{{upper "straße"}}', 'STRASSE'],
  ['{{lower body.n}}', '42'],
  ['{{lower body.missing}}', ''],
  ['{{upper body.obj}}', '{\\"A\\":1,\\"B\\":2}'],
]);

cases('truncate', [
  ['{{truncate body.s 5}}', 'Hello'],
  ['{{truncate body.s 100}}', 'Hello, World'],
  ['{{truncate body.s 0}}', ''],
  ['{{truncate body.emoji 2}}', '🚀a'],
  ['{{truncate body.missing 3}}', ''],
  ['{{truncate body.n 1}}', '4'],
]);
failures('truncate', [
  ['{{truncate body.s}}', /^truncate: .*whole number/],
  ['{{truncate body.s "x"}}', /^truncate: .*whole number/],
  ['{{truncate body.s -1}}', /^truncate: .*whole number/],
  ['{{truncate body.s 1.5}}', /^truncate: .*whole number/],
]);

cases('replace', [
  ['{{replace body.s "o" "0"}}', 'Hell0, W0rld'],
  ['{{replace body.s "World" "there"}}', 'Hello, there'],
  ['{{replace body.s "." "!"}}', 'Hello, World'],
  ['{{replace body.s ", " body.missing}}', 'HelloWorld'],
  ['{{replace body.missing "a" "b"}}', ''],
  ['{{replace "a.b.c" "." "/"}}', 'a/b/c'],
]);
failures('replace', [
  ['{{replace body.s "" "x"}}', /^replace: .*must not be empty/],
  ['{{replace body.s body.missing "x"}}', /^replace: .*must not be empty/],
]);

cases('concat', [
  ['{{concat "a" "b" "c"}}', 'abc'],
  ['{{concat "github." body.s}}', 'github.Hello, World'],
  ['{{concat body.n "-" body.yes "-" body.missing "-" body.nil}}', '42-true--'],
  ['{{concat}}', ''],
]);

cases('join', [
  ['{{join body.list}}', 'a,b,c'],
  ['{{join body.list " | "}}', 'a | b | c'],
  ['{{join body.mixed "/"}}', '1/two//{\\"three\\":3}'],
  ['{{join body.none}}', ''],
  ['{{join body.missing}}', ''],
]);
failures('join', [
  ['{{join body.s}}', /^join: the value is not an array/],
  ['{{join body.obj}}', /^join: the value is not an array/],
]);

cases('split', [
  ['{{json (split body.csv)}}', '["x","y","","z"]'],
  ['{{json (split body.s ", ")}}', '["Hello","World"]'],
  ['{{json (split body.missing)}}', '[]'],
  ['{{#each (split "a b" " ")}}[{{this}}]{{/each}}', '[a][b]'],
  ['{{join (split body.csv) ";"}}', 'x;y;;z'],
]);

cases('length', [
  ['{{length body.list}}', '3'],
  ['{{length body.s}}', '12'],
  ['{{length body.emoji}}', '4'],
  ['{{length body.obj}}', '2'],
  ['{{length body.none}}', '0'],
  ['{{length body.missing}}', '0'],
  ['{{length body.n}}', '0'],
  ['{{truncate body.emoji (length body.emoji)}}', '🚀ab🚀'],
]);

cases('jsonParse', [
  ['{{json (jsonParse body.jsonText)}}', '{"a":[1,2],"b":"c"}'],
  ['{{lookup (jsonParse body.jsonText) "b"}}', 'c'],
  ['{{json (jsonParse "12")}}', '12'],
  ['{{json (jsonParse body.missing)}}', 'null'],
  ['{{json (jsonParse body.empty)}}', 'null'],
]);
failures('jsonParse', [
  ['{{jsonParse body.s}}', /^jsonParse: the value is not JSON/],
  ['{{jsonParse "{\\"a\\":"}}', /^jsonParse: the value is not JSON/],
]);

cases('base64 / base64Decode', [
  ['{{base64 "hello"}}', 'aGVsbG8='],
  ['{{base64 "héllo 🚀"}}', 'aMOpbGxvIPCfmoA='],
  ['{{base64 body.missing}}', ''],
  ['{{base64Decode body.b64}}', 'héllo 🚀'],
  ['{{base64Decode "aGVsbG8"}}', 'hello'],
  ['{{base64Decode "aGVs bG8="}}', 'hello'],
  ['{{base64Decode "c3ViamVjdHM/X2Q="}}', 'subjects?_d'],
  ['{{base64Decode "c3ViamVjdHM_X2Q"}}', 'subjects?_d'],
  ['{{base64Decode (base64 body.s)}}', 'Hello, World'],
  ['{{base64Decode body.missing}}', ''],
]);
failures('base64Decode', [
  ['{{base64Decode "%%%"}}', /^base64Decode: the value is not base64/],
  ['{{base64Decode "a"}}', /^base64Decode: the value is not base64/],
  ['{{base64Decode "/w=="}}', /^base64Decode: the decoded bytes are not UTF-8 text/],
]);

cases('isoDate', [
  ['{{isoDate body.seconds}}', '2023-11-14T22:13:20Z'],
  ['{{isoDate "1700000000"}}', '2023-11-14T22:13:20Z'],
  ['{{isoDate 1700000000.5}}', '2023-11-14T22:13:20.500000Z'],
  ['{{isoDate body.millis}}', '2023-11-14T22:13:20.123000Z'],
  ['{{isoDate 1700000000123456}}', '2023-11-14T22:13:20.123456Z'],
  ['{{isoDate 0}}', '1970-01-01T00:00:00Z'],
  ['{{isoDate "2023-11-14T23:13:20+01:00"}}', '2023-11-14T22:13:20Z'],
  ['{{isoDate "2020-02-06T00:17:58.432911368Z"}}', '2020-02-06T00:17:58.432911Z'],
  ['{{isoDate "2019-05-15T15:20:33Z"}}', '2019-05-15T15:20:33Z'],
  ['{{isoDate "Tue, 14 Nov 2023 22:13:20 GMT"}}', '2023-11-14T22:13:20Z'],
  ['{{isoDate body.missing}}', ''],
  ['{{isoDate body.empty}}', ''],
]);
failures('isoDate', [
  ['{{isoDate "not a date"}}', /^isoDate: cannot read "not a date" as a date/],
  ['{{isoDate body.yes}}', /^isoDate: cannot read/],
  ['{{isoDate body.obj}}', /^isoDate: cannot read/],
  ['{{isoDate 100000000000000000000}}', /^isoDate: .*out of the range of dates/],
]);

cases('uuid5', [
  // Python: uuid.uuid5(uuid.NAMESPACE_URL, 'abc')
  ['{{uuid5 "abc"}}', '68661508-f3c4-55b4-945d-ae2b4dfe5db4'],
  ['{{uuid5 "6ba7b811-9dad-11d1-80b4-00c04fd430c8" "abc"}}', '68661508-f3c4-55b4-945d-ae2b4dfe5db4'],
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
  ['{{uuid5 "6ba7b810-9dad-11d1-80b4-00c04fd430c8" "python.org"}}', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
  // Python: uuid.uuid5(uuid.NAMESPACE_URL, 'a:b'): several names are joined with ":"
  ['{{uuid5 "a" "b"}}', 'b45a9d79-db1e-526a-9c11-593809785ca4'],
]);
failures('uuid5', [['{{uuid5}}', /^uuid5: needs a name/]]);

cases('header', [
  ['{{header "x-github-event"}}', 'push'],
  ['{{header "X-GitHub-Event"}}', 'push'],
  ['{{header "CONTENT-TYPE"}}', 'application/json'],
  ['{{header "x-quoted"}}', 'say \\"hi\\"'],
  ['{{header "x-missing"}}', ''],
  ['{{#with body}}{{header "X-GitHub-Event"}}{{/with}}', 'push'],
  ['{{#each body.list}}{{header "x-github-event"}}{{/each}}', 'pushpushpush'],
]);

cases('flowRunId', [
  ['{{flowRunId body.runId}}', 'prefect.flow-run.0c3f6b9e-1a2b-4c5d-8e9f-0123456789ab'],
  ['{{flowRunId (concat "prefect.flow-run." body.runId)}}', 'prefect.flow-run.0c3f6b9e-1a2b-4c5d-8e9f-0123456789ab'],
  ['{{flowRunId "not-a-uuid"}}', ''],
  ['{{flowRunId body.missing}}', ''],
]);

describe('block built-ins: bad input', () => {
  it.each([
    ['{{#if}}x{{/if}}', /#if requires exactly 1 argument/],
    ['{{#if body.yes body.no}}x{{/if}}', /#if requires exactly 1 argument/],
    ['{{#unless}}x{{/unless}}', /#unless requires exactly 1 argument/],
    ['{{#with}}x{{/with}}', /#with requires exactly 1 argument/],
    ['{{#each}}x{{/each}}', /#each needs something to iterate over/],
  ])('%s fails with %s', (template, message) => {
    const error = renderError(template, context);
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error.message).toMatch(message);
  });
});

describe('helpers total over JSON values never fail, whatever they are given', () => {
  const TOTAL = ['json', 'default', 'eq', 'ne', 'and', 'or', 'not', 'lower', 'upper', 'concat', 'length'];
  const MORE_TOTAL = ['split', 'base64', 'uuid5', 'header', 'flowRunId', 'lookup'];
  const VALUES = [
    'body.s',
    'body.n',
    'body.zero',
    'body.yes',
    'body.nil',
    'body.missing',
    'body.obj',
    'body.mixed',
    'body.emoji',
  ];
  const combos = [...TOTAL, ...MORE_TOTAL].flatMap((helper) => VALUES.map((value) => [helper, value] as const));

  it.each(combos)('%s %s', (helper, value) => {
    expect(() => render(`{{json (${helper} ${value} ${value})}}`, context)).not.toThrow();
    expect(() => render(`"{{${helper} ${value}}}"`, context)).not.toThrow();
  });
});
