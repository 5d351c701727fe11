/**
 * The generic `hmac` scheme's options for timestamped providers: key=value signature headers
 * (`headerFields`), timestamp formats, and `{timestamp}`, `{method}`, `{url}` in the signed content —
 * checked on providers' published vectors where they exist, else signed here from a secret.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReceivedRequest } from '../../../src/core/receive';
import { verify } from '../../../src/core/verify';
import { readHeaderFields } from '../../../src/core/verify/header-fields';
import { signedContent } from '../../../src/core/verify/hmac';
import { checkTimestamp, timestampSeconds } from '../../../src/core/verify/timestamp';
import { Verify } from '../../../src/schemas/verify';

const bytes = (text: string) => new TextEncoder().encode(text);

function request(init: {
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  body: string;
  at: number;
}): ReceivedRequest {
  return {
    method: init.method ?? 'POST',
    url: new URL(init.url ?? 'http://127.0.0.1:8787/hooks/abc'),
    headers: new Headers(init.headers),
    body: bytes(init.body),
    receivedAt: init.at,
  };
}

describe('readHeaderFields', () => {
  it.each([
    [
      'Stripe-style',
      't=1,v1=aa,v1=bb,v0=cc',
      { separator: ',', assign: '=', signature: 'v1', timestamp: 't' },
      '1',
      ['aa', 'bb'],
    ],
    [
      'Paddle-style',
      'ts=1671552777;h1=ab;h2=zz',
      { separator: ';', assign: '=', signature: 'h1', timestamp: 'ts' },
      '1671552777',
      ['ab'],
    ],
    ['spaces and no timestamp key', ' v1 = x , t=2', { separator: ',', assign: '=', signature: 'v1' }, undefined, ['x']],
    ['the first timestamp wins', 't=1,t=2,v1=x', { separator: ',', assign: '=', signature: 'v1', timestamp: 't' }, '1', ['x']],
    [
      'fields without assign are ignored',
      'garbage,v1=x',
      { separator: ',', assign: '=', signature: 'v1', timestamp: 't' },
      undefined,
      ['x'],
    ],
  ])('%s', (_name, header, fields, timestamp, signatures) => {
    expect(readHeaderFields(header, fields)).toEqual({ timestamp, signatures });
  });
});

describe('timestamp formats', () => {
  const now = Date.parse('2026-03-27T12:00:00Z');
  it.each([
    ['unix', '1774612800', 1_774_612_800],
    ['unix-ms', '1774612800123', 1_774_612_800.123],
    ['rfc3339', '2026-03-27T12:00:00Z', 1_774_612_800],
    ['rfc3339', '2026-03-27T12:00:00.123456789Z', 1_774_612_800.123456],
    ['rfc3339', '2026-03-27T14:00:00+02:00', 1_774_612_800],
  ] as const)('%s %s', (format, text, seconds) => {
    expect(timestampSeconds(text, format)).toBeCloseTo(seconds, 6);
    expect(() => checkTimestamp(text, 'the timestamp', now, 300, format)).not.toThrow();
  });

  it.each([
    ['unix', '1774612800123', 's in the future'],
    ['unix-ms', '1774612800', 'in the past'],
    ['unix-ms', '1774612800.5', 'is not a Unix time in whole milliseconds'],
    ['rfc3339', '1774612800', 'is not an RFC 3339 timestamp'],
    ['rfc3339', '2026-03-27T11:54:59Z', '301 s in the past'],
  ] as const)('refuses %s %s', (format, text, detail) => {
    expect(() => checkTimestamp(text, 'the timestamp', now, 300, format)).toThrow(
      expect.objectContaining({ code: 'timestamp-out-of-tolerance', detail: expect.stringContaining(detail) }),
    );
  });
});

describe('signedContent placeholders', () => {
  it('puts the timestamp, method and URL it is given where the recipe says', () => {
    const content = signedContent(
      '{method} {url} {timestamp}:{body}',
      { headers: new Headers(), body: bytes('{}') },
      {
        timestamp: '12',
        method: 'POST',
        url: 'https://hooks.example.com/hooks/abc?x=1',
      },
    );
    expect(new TextDecoder().decode(content)).toBe('POST https://hooks.example.com/hooks/abc?x=1 12:{}');
  });

  it('is signature-missing when there is no signed timestamp', () => {
    expect(() => signedContent('{timestamp}.{body}', { headers: new Headers(), body: bytes('') })).toThrow(
      expect.objectContaining({ code: 'signature-missing' }),
    );
  });
});

interface Vector {
  name: string;
  verify: Record<string, unknown>;
  secret: string;
  headers: Record<string, string>;
  body: string;
  at: number;
  url?: string;
  publicUrl?: string;
}

/** Published vectors: each provider's own example, verified with its preset's settings. */
const VECTORS: Vector[] = [
  {
    name: 'Paddle (paddle-node-sdk webhooks-validator test)',
    verify: {
      header: 'paddle-signature',
      headerFields: { separator: ';', signature: 'h1', timestamp: 'ts' },
      signedContent: '{timestamp}:{body}',
    },
    secret: 'VALID_SECRET',
    headers: { 'paddle-signature': 'ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9' },
    body: '{"data": ["1", "2"]}',
    at: 1_698_796_801_000,
  },
  {
    name: 'Sanity (webhook-toolkit signature test)',
    verify: {
      header: 'sanity-webhook-signature',
      encoding: 'base64url',
      headerFields: { signature: 'v1', timestamp: 't' },
      signedContent: '{timestamp}.{body}',
      timestampFormat: 'unix-ms',
    },
    secret: 'test',
    headers: { 'sanity-webhook-signature': 't=1633519811129,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0' },
    body: '{"_id":"resume"}',
    at: 1_633_519_811_129,
  },
  {
    name: 'Square (square-nodejs-sdk webhooks test), its notification URL as HOOKGATE_PUBLIC_URL + path',
    verify: { header: 'x-square-hmacsha256-signature', encoding: 'base64', signedContent: '{url}{body}' },
    secret: 'Ibxx_5AKakO-3qeNVR61Dw',
    headers: { 'x-square-hmacsha256-signature': 'GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=' },
    body: '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}',
    url: 'http://10.0.0.5:8787/679a4f3a-dcfa-49ee-bac5-9d0edad886b9',
    publicUrl: 'https://webhook.site',
    at: 1_657_744_259_000,
  },
  {
    name: 'Twitch (twitch_api verify_request test: 7-digit fraction)',
    verify: {
      header: 'twitch-eventsub-message-signature',
      prefix: 'sha256=',
      signedContent: '{header:twitch-eventsub-message-id}{header:twitch-eventsub-message-timestamp}{body}',
      timestampHeader: 'twitch-eventsub-message-timestamp',
      timestampFormat: 'rfc3339',
    },
    secret: 'secretabcd',
    headers: {
      'twitch-eventsub-message-id': 'ae2ff348-e102-16be-a3eb-6830c1bf38d2',
      'twitch-eventsub-message-timestamp': '2021-02-19T23:47:00.8091512Z',
      'twitch-eventsub-message-signature': 'sha256=d10f5bd9474b7ac7bd7105eb79c2d52768b4d0cd2a135982c3bf5a1d59a78823',
    },
    body: '{"subscription":{"id":"ae2ff348-e102-16be-a3eb-6830c1bf38d2","status":"enabled","type":"channel.follow","version":"1","condition":{"broadcaster_user_id":"44429626"},"transport":{"method":"webhook","callback":"null"},"created_at":"2021-02-19T23:47:00.7621315Z"},"event":{"user_id":"28408015","user_login":"testFromUser","user_name":"testFromUser","broadcaster_user_id":"44429626","broadcaster_user_login":"44429626","broadcaster_user_name":"testBroadcaster"}}',
    at: Date.parse('2021-02-19T23:47:01Z'),
  },
];

describe.each(VECTORS.map((vector) => [vector.name, vector] as const))('published vector: %s', (_name, vector) => {
  const settings = Verify.parse({ scheme: 'hmac', secrets: [vector.secret], ...vector.verify });
  const options = { publicUrl: vector.publicUrl };
  const at = (body: string, receivedAt = vector.at) =>
    verify(settings, request({ url: vector.url, headers: vector.headers, body, at: receivedAt }), options);

  it('is accepted', async () => {
    await expect(at(vector.body)).resolves.toBeDefined();
  });

  it('is refused with a tampered body', async () => {
    await expect(at(`${vector.body} `)).rejects.toMatchObject({ code: 'signature-mismatch', status: 401 });
  });

  it('an hour later: refused (replay), unless the provider signs no timestamp (Square)', async () => {
    const later = at(vector.body, vector.at + 3_600_000);
    if (vector.publicUrl) await expect(later).resolves.toBeDefined();
    else await expect(later).rejects.toMatchObject({ code: 'timestamp-out-of-tolerance' });
  });
});

describe('hmac options are checked when the webhook is saved', () => {
  const base = { scheme: 'hmac', secrets: ['s'], header: 'x-sig' };
  it.each([
    ['{timestamp} without a source', { signedContent: '{timestamp}.{body}' }, 'signedContent'],
    ['an unknown timestamp format', { timestampHeader: 'x-ts', timestampFormat: 'iso' }, 'timestampFormat'],
    ['headerFields without a signature key', { headerFields: { timestamp: 't' } }, 'headerFields.signature'],
    ['an unknown headerFields option', { headerFields: { signature: 'v1', version: 'v1' } }, 'headerFields'],
  ])('refuses %s', (_name, extra, path) => {
    const result = Verify.safeParse({ ...base, ...extra });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('fills the header-field separators and keeps other hmac settings as they were', () => {
    expect(
      Verify.parse({ ...base, headerFields: { signature: 'v1', timestamp: 't' }, signedContent: '{timestamp}.{body}' }),
    ).toMatchObject({
      headerFields: { separator: ',', assign: '=', signature: 'v1', timestamp: 't' },
    });
    expect(Verify.parse(base)).not.toHaveProperty('timestampFormat');
    expect(Verify.parse(base)).not.toHaveProperty('headerFields');
  });
});

describe('{method} and {url} (HubSpot v3)', () => {
  const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
  const settings = Verify.parse({
    scheme: 'hmac',
    secrets: [secret],
    header: 'x-hubspot-signature-v3',
    encoding: 'base64',
    signedContent: '{method}{url}{body}{header:x-hubspot-request-timestamp}',
    timestampHeader: 'x-hubspot-request-timestamp',
    timestampFormat: 'unix-ms',
  });
  const at = Date.parse('2026-03-27T12:00:00Z');
  const body = '[{"eventId":1,"portalId":62515}]';
  const sign = (url: string, method = 'POST') =>
    createHmac('sha256', secret).update(`${method}${url}${body}${at}`).digest('base64');
  const headers = (signature: string) => ({ 'x-hubspot-request-timestamp': String(at), 'x-hubspot-signature-v3': signature });

  it('signs the public URL (HOOKGATE_PUBLIC_URL + path + query) behind a proxy', async () => {
    const signature = sign('https://hooks.example.com/hooks/abc?x=1');
    const received = request({ url: 'http://127.0.0.1:8787/hooks/abc?x=1', headers: headers(signature), body, at });
    await expect(verify(settings, received, { publicUrl: 'https://hooks.example.com/' })).resolves.toBeDefined();
    await expect(verify(settings, received, {})).rejects.toMatchObject({ code: 'signature-mismatch' });
  });

  it('signs the request URL without HOOKGATE_PUBLIC_URL, and the method', async () => {
    const url = 'http://127.0.0.1:8787/hooks/abc';
    const received = request({ url, headers: headers(sign(url)), body, at });
    await expect(verify(settings, received)).resolves.toBeDefined();
    const put = request({ url, method: 'PUT', headers: headers(sign(url)), body, at });
    await expect(verify(settings, put)).rejects.toMatchObject({ code: 'signature-mismatch' });
  });
});

describe('where the signed timestamp comes from', () => {
  const at = 1_774_612_800_000;
  const body = '{"a":1}';
  const sig = (data: string) => createHmac('sha256', 'k').update(data).digest('hex');

  it('a header field without its timestamp field is a mismatch that names the field', async () => {
    const settings = Verify.parse({
      scheme: 'hmac',
      secrets: ['k'],
      header: 'x-sig',
      headerFields: { signature: 'v1', timestamp: 't' },
      signedContent: '{timestamp}.{body}',
    });
    const received = request({ headers: { 'x-sig': `v1=${sig(`1774612800.${body}`)}` }, body, at });
    await expect(verify(settings, received)).rejects.toMatchObject({
      code: 'signature-mismatch',
      detail: 'the x-sig header (no t field) does not match',
    });
  });

  it('header fields holding only signatures, with the time in timestampHeader', async () => {
    const settings = Verify.parse({
      scheme: 'hmac',
      secrets: ['k'],
      header: 'x-sig',
      headerFields: { signature: 'v1' },
      signedContent: '{timestamp}.{body}',
      timestampHeader: 'x-ts',
    });
    const headers = { 'x-ts': '1774612800', 'x-sig': `v0=zz,v1=${sig(`1774612800.${body}`)}` };
    await expect(verify(settings, request({ headers, body, at }))).resolves.toBeDefined();
    await expect(verify(settings, request({ headers, body, at: at + 301_000 }))).rejects.toMatchObject({
      code: 'timestamp-out-of-tolerance',
      detail: expect.stringContaining('the x-ts header'),
    });
  });
});
