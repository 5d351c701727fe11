/**
 * Adversarial values sent over real HTTP to a template webhook never change an event's structure
 * (same keys, one event per request) and round-trip exactly: labels equal the input strings and the
 * payload deep-equals the body, own `__proto__` keys included (DESIGN §3 "Template semantics").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreatedWebhook,
  createWebhook,
  eventsOf,
  type RawEvent,
  type ServedApp,
  serveTestApp,
  webhookResource,
} from '../helpers/hooks';

const TEMPLATE =
  '{"event":"x.{{body.a}}","resource":{"prefect.resource.id":"r.{{body.b}}","label":"{{body.c}}",' +
  '"header":"{{header "X-Evil"}}","query":"{{query.q}}"},"payload":{{json body}}}';

const CONTROL_CHARS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');
/** A header value is a single line of visible text; this one holds what it can of an attack. */
const EVIL_HEADER = '", "event": "evil", "x": "\\ </script> {{body.a}} {{{body.b}}} \\u0000';

const VALUES: [string, string][] = [
  ['quotes', 'he said "hi"'],
  ['a string break-out', '", "event": "evil", "resource": {"prefect.resource.id": "evil"}, "x": "'],
  ['a JSON fan-out attempt', '"}}, {"event": "second", "resource": {"prefect.resource.id": "r"}}, {"x": {"y": "'],
  ['backslashes', '\\ \\\\ \\" \\u0041 \\n'],
  ['newlines', 'line 1\nline 2\r\nline 3\r'],
  ['every control character', `${CONTROL_CHARS}\u007f`],
  ['a script tag', '</script><script>alert(document.cookie)</script>'],
  ['mustaches', '{{body.b}} {{json body}} {{header "x-evil"}} {{#each body}}x{{/each}}'],
  ['triple mustaches and braces', '{{{body.a}}} }}} {{{{raw}}}} {{! comment }}'],
  ['emoji', '🚀👩‍👩‍👧 ✓ café'],
  ['line separators', '\u2028\u2029'],
  ['lone surrogates', '\ud800 \udfff x\ud83d'],
  ['prototype words', '__proto__ constructor prototype'],
  ['the empty string', ''],
];

let served: ServedApp;
let webhook: CreatedWebhook;

beforeAll(async () => {
  served = await serveTestApp();
  webhook = await createWebhook(served.base, { name: 'adversarial', mapping: { kind: 'template', template: TEMPLATE } });
});

afterAll(async () => {
  await served?.stop();
});

/** `v` as it survives a URL query (lone surrogates cannot be percent-encoded; they become U+FFFD). */
function queryValue(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Posts `body` (text) and returns the one event it was stored as. */
async function post(body: string, contentType: string, query: string): Promise<RawEvent> {
  const before = eventsOf(served.dbFile, webhook).length;
  const response = await fetch(`${webhook.url}?q=${encodeURIComponent(query)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-evil': EVIL_HEADER },
    body,
  });
  expect({ status: response.status, body: await response.text() }).toEqual({ status: 204, body: '' });
  const events = eventsOf(served.dbFile, webhook);
  expect(events).toHaveLength(before + 1);
  const event = events[events.length - 1] as RawEvent;
  expect(Object.keys(event).sort()).toEqual(['event', 'follows', 'id', 'occurred', 'payload', 'received', 'related', 'resource']);
  expect(Object.keys(event.resource)).toEqual(['prefect.resource.id', 'label', 'header', 'query']);
  expect(event.related).toEqual([webhookResource(webhook)]);
  expect(event.resource.header).toBe(EVIL_HEADER);
  return event;
}

describe('JSON bodies', () => {
  it.each(VALUES)('%s round-trip exactly', async (_, value) => {
    const body = { a: value, b: value, c: value, nested: { list: [value, { value }] } };
    const event = await post(JSON.stringify(body), 'application/json', queryValue(value));
    expect(event.event).toBe(`x.${value}`);
    expect(event.resource).toEqual({
      'prefect.resource.id': `r.${value}`,
      label: value,
      header: EVIL_HEADER,
      query: queryValue(value),
    });
    expect(event.payload).toEqual(body);
  });

  it('a very long string round-trips', async () => {
    const long = `${'"\\\n</script>{{x}}🚀'.repeat(20_000)}end`;
    const body = { a: 'long', b: 'long', c: long };
    const event = await post(JSON.stringify(body), 'application/json', 'long');
    expect(event.resource.label).toBe(long);
    expect(event.payload).toEqual(body);
  });

  it('own "__proto__" and "constructor" keys are kept as data, and pollute nothing', async () => {
    const text =
      '{"a": "1", "b": "2", "c": "3", "__proto__": {"polluted": "yes", "isAdmin": true}, ' +
      '"constructor": {"prototype": {"polluted": "yes"}}, "nested": {"__proto__": ["x"]}}';
    const event = await post(text, 'application/json', 'q');
    expect(Object.keys(event.payload)).toEqual(['a', 'b', 'c', '__proto__', 'constructor', 'nested']);
    expect(event.payload).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(event.payload)).toBe(Object.prototype);
    expect(JSON.stringify(event.payload)).toBe(JSON.stringify(JSON.parse(text)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('form bodies', () => {
  it.each(VALUES.filter(([name]) => name !== 'lone surrogates'))('%s round-trip exactly', async (_, value) => {
    const form = new URLSearchParams({ a: value, b: value, c: value });
    const event = await post(form.toString(), 'application/x-www-form-urlencoded', value);
    expect(event.event).toBe(`x.${value}`);
    expect(event.resource).toMatchObject({ 'prefect.resource.id': `r.${value}`, label: value, query: value });
    expect(event.payload).toEqual({ a: value, b: value, c: value });
  });

  it('"__proto__" and "constructor" fields are kept as data, repeated fields become arrays', async () => {
    const form = '__proto__=polluted&constructor=x&a=1&b=2&c=3&prototype=p&c2=x&c2=y';
    const event = await post(form, 'application/x-www-form-urlencoded', 'q');
    expect(Object.keys(event.payload)).toEqual(['__proto__', 'constructor', 'a', 'b', 'c', 'prototype', 'c2']);
    expect(event.payload).toEqual(
      JSON.parse(
        '{"__proto__": "polluted", "constructor": "x", "a": "1", "b": "2", "c": "3", "prototype": "p", "c2": ["x", "y"]}',
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
