/**
 * The timestamped-signature presets end to end: a webhook created from the preset with a secret,
 * a provider payload signed here as the provider signs it (node:crypto, independent of the Web
 * Crypto verifier), sent to the live endpoint. Signed → stored once (and once again on a retry);
 * tampered body, wrong secret or stale timestamp → 401, nothing stored.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';
import { createdWebhook } from '../helpers/webhooks-api';

const NOW_MS = Date.parse('2026-03-27T12:00:00Z');
const PUBLIC_URL = 'https://hooks.example.com';
const SECRET = 'a-provider-secret-0123456789';

type Encoding = 'hex' | 'base64' | 'base64url';
const mac = (secret: string, data: string, encoding: Encoding = 'hex') =>
  createHmac('sha256', secret).update(data).digest(encoding);

interface Signing {
  secret: string;
  body: string;
  /** Milliseconds since the epoch the provider signs at. */
  at: number;
  /** The URL the provider called. */
  url: string;
  headers: Record<string, string>;
}

interface Case {
  preset: string;
  /** A file of `test/presets/payloads/<preset>/`. */
  payload: string;
  event: string;
  sign: (s: Signing) => Record<string, string>;
  /** False for providers that sign no timestamp (Square). */
  timestamped?: boolean;
}

const seconds = (ms: number) => String(Math.floor(ms / 1000));

const CASES: Case[] = [
  {
    preset: 'zoom',
    payload: 'meeting.started',
    event: 'zoom.meeting.started',
    sign: ({ secret, body, at }) => ({
      'x-zm-request-timestamp': seconds(at),
      'x-zm-signature': `v0=${mac(secret, `v0:${seconds(at)}:${body}`)}`,
    }),
  },
  {
    preset: 'twitch',
    payload: 'channel.follow.v2',
    event: 'twitch.channel.follow',
    sign: ({ secret, body, at, headers }) => {
      // Twitch writes nanoseconds.
      const timestamp = new Date(at).toISOString().replace('Z', '123456Z');
      const id = headers['twitch-eventsub-message-id'] ?? '';
      return {
        'twitch-eventsub-message-timestamp': timestamp,
        'twitch-eventsub-message-signature': `sha256=${mac(secret, `${id}${timestamp}${body}`)}`,
      };
    },
  },
  {
    preset: 'paddle',
    payload: 'transaction.completed',
    event: 'paddle.transaction.completed',
    sign: ({ secret, body, at }) => ({ 'paddle-signature': `ts=${seconds(at)};h1=${mac(secret, `${seconds(at)}:${body}`)}` }),
  },
  {
    preset: 'calendly',
    payload: 'invitee.created',
    event: 'calendly.invitee.created',
    sign: ({ secret, body, at }) => ({
      'calendly-webhook-signature': `t=${seconds(at)},v1=${mac(secret, `${seconds(at)}.${body}`)}`,
    }),
  },
  {
    preset: 'mux',
    payload: 'video.asset.ready',
    event: 'mux.video.asset.ready',
    sign: ({ secret, body, at }) => ({ 'mux-signature': `t=${seconds(at)},v1=${mac(secret, `${seconds(at)}.${body}`)}` }),
  },
  {
    preset: 'customerio',
    payload: 'email.delivered',
    event: 'customerio.email.delivered',
    sign: ({ secret, body, at }) => ({
      'x-cio-timestamp': seconds(at),
      'x-cio-signature': mac(secret, `v0:${seconds(at)}:${body}`),
    }),
  },
  {
    preset: 'zendesk',
    payload: 'ticket.created',
    event: 'zendesk.ticket.created',
    sign: ({ secret, body, at }) => {
      const timestamp = new Date(at).toISOString().replace('.000Z', 'Z');
      return {
        'x-zendesk-webhook-signature-timestamp': timestamp,
        'x-zendesk-webhook-signature': mac(secret, `${timestamp}${body}`, 'base64'),
      };
    },
  },
  {
    preset: 'webflow',
    payload: 'form_submission',
    event: 'webflow.form_submission.created',
    sign: ({ secret, body, at }) => ({ 'x-webflow-timestamp': String(at), 'x-webflow-signature': mac(secret, `${at}:${body}`) }),
  },
  {
    preset: 'buildkite',
    payload: 'build.finished',
    event: 'buildkite.build.finished',
    sign: ({ secret, body, at }) => ({
      'x-buildkite-signature': `timestamp=${seconds(at)},signature=${mac(secret, `${seconds(at)}.${body}`)}`,
    }),
  },
  {
    preset: 'sanity',
    payload: 'post.create',
    event: 'sanity.post.create',
    sign: ({ secret, body, at }) => ({ 'sanity-webhook-signature': `t=${at},v1=${mac(secret, `${at}.${body}`, 'base64url')}` }),
  },
  {
    preset: 'hubspot',
    payload: 'contact.creation',
    event: 'hubspot.contact.creation',
    sign: ({ secret, body, at, url }) => ({
      'x-hubspot-request-timestamp': String(at),
      'x-hubspot-signature-v3': mac(secret, `POST${url}${body}${at}`, 'base64'),
    }),
  },
  {
    preset: 'square',
    payload: 'payment.updated',
    event: 'square.payment.updated',
    timestamped: false,
    sign: ({ secret, body, url }) => ({ 'x-square-hmacsha256-signature': mac(secret, `${url}${body}`, 'base64') }),
  },
];

function payload(preset: string, name: string): { body: string; contentType: string; headers: Record<string, string> } {
  const file = new URL(`./payloads/${preset}/${name}.json`, import.meta.url);
  const example = JSON.parse(readFileSync(file, 'utf8')) as {
    contentType: string;
    headers: Record<string, string>;
    body: unknown;
  };
  return { body: JSON.stringify(example.body), contentType: example.contentType, headers: example.headers };
}

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ now: () => NOW_MS, publicUrl: PUBLIC_URL });
});
afterAll(() => t.close());

async function createFrom(preset: string, secrets: string[]): Promise<{ id: string; slug: string }> {
  return createdWebhook(t, { name: preset, preset, verify: { secrets } });
}

/** Sends the case's payload, signed by `c.sign` (with `init` changes), to `hook`. */
async function send(c: Case, hook: { slug: string }, init: { secret?: string; at?: number; body?: string } = {}) {
  const sample = payload(c.preset, c.payload);
  const url = `${PUBLIC_URL}/hooks/${hook.slug}`;
  const signed = c.sign({
    secret: init.secret ?? SECRET,
    body: sample.body,
    at: init.at ?? NOW_MS,
    url,
    headers: sample.headers,
  });
  const response = await t.app.request(`/hooks/${hook.slug}`, {
    method: 'POST',
    headers: { 'content-type': sample.contentType, ...sample.headers, ...signed },
    body: init.body ?? sample.body,
  });
  const text = await response.text();
  return { status: response.status, code: response.status === 401 ? (JSON.parse(text) as { code: string }).code : undefined };
}

describe.each(CASES.map((c) => [c.preset, c] as const))('preset %s', (_name, c) => {
  it('stores a signed delivery once, under any of the secrets (rotation), a retry included', async () => {
    const hook = await createFrom(c.preset, ['an-older-secret-9876543210', SECRET]);
    expect(await send(c, hook)).toEqual({ status: 204, code: undefined });
    expect(await send(c, hook)).toEqual({ status: 204, code: undefined });
    expect(eventsOf(t.dbFile, hook).map((event) => event.event)).toEqual([c.event]);
  });

  it.each([
    ['a tampered body', { body: ` ${payload(c.preset, c.payload).body}` }, 'signature-mismatch'],
    ['a wrong secret', { secret: 'not-the-secret-0000000000' }, 'signature-mismatch'],
  ])('refuses %s with 401, storing nothing', async (_what, init, code) => {
    const hook = await createFrom(c.preset, [SECRET]);
    expect(await send(c, hook, init)).toEqual({ status: 401, code });
    expect(eventsOf(t.dbFile, hook)).toHaveLength(0);
  });
});

const TIMESTAMPED = CASES.filter((c) => c.timestamped !== false);

describe.each(TIMESTAMPED.map((c) => [c.preset, c] as const))('preset %s', (_name, c) => {
  it('refuses a delivery signed 10 minutes ago (replay) with 401', async () => {
    const hook = await createFrom(c.preset, [SECRET]);
    expect(await send(c, hook, { at: NOW_MS - 601_000 })).toEqual({ status: 401, code: 'timestamp-out-of-tolerance' });
    expect(eventsOf(t.dbFile, hook)).toHaveLength(0);
  });
});
