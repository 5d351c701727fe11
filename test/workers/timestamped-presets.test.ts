/**
 * Timestamped-signature presets inside workerd: key=value signature headers, RFC 3339 timestamps
 * with nanoseconds, and the Zoom and Twitch handshakes (Zoom's computes an HMAC while answering)
 * on Web Crypto, the way they run on Cloudflare Workers. Signatures are made here with
 * `crypto.subtle` at the current time (the worker's clock is the real one).
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

const ORIGIN = 'https://hookgate.test';
const SECRET = 'a-provider-secret-0123456789';

function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
}

async function createFrom(preset: string): Promise<{ id: string; slug: string }> {
  const response = await call('/api/webhooks', {
    method: 'POST',
    headers: { authorization: `Bearer ${env.HOOKGATE_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: preset, preset, verify: { secrets: [SECRET] } }),
  });
  expect(response.status).toBe(201);
  return response.json();
}

async function hmacHex(data: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(data)));
  return [...mac].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function eventNames(webhookId: string): Promise<string[]> {
  const response = await call('/api/events/filter', {
    method: 'POST',
    headers: { authorization: `Bearer ${env.HOOKGATE_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      filter: { related: { id: [`hookgate.webhook.${webhookId}`] }, occurred: { since: '2000-01-01T00:00:00Z' } },
    }),
  });
  return ((await response.json()) as { events: { event: string }[] }).events.map((event) => event.event);
}

describe('timestamped presets on workerd', () => {
  beforeAll(async () => {
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  });

  it('Paddle: a ts=…;h1=… signature is accepted, a tampered body refused', async () => {
    const hook = await createFrom('paddle');
    const body = JSON.stringify({
      event_id: 'evt_01h7ht60jy5hpdv5x8tfsaxje4',
      event_type: 'subscription.created',
      occurred_at: new Date().toISOString(),
      data: { id: 'sub_01h7ht5z5wdg9pz18jx1fagp8k', customer_id: 'ctm_01h7hswb86rtps5ggbq7ybydcw' },
    });
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'content-type': 'application/json', 'paddle-signature': `ts=${ts};h1=${await hmacHex(`${ts}:${body}`)}` };
    expect((await call(`/hooks/${hook.slug}`, { method: 'POST', headers, body })).status).toBe(204);
    expect((await call(`/hooks/${hook.slug}`, { method: 'POST', headers, body: `${body} ` })).status).toBe(401);
    expect(await eventNames(hook.id)).toEqual(['paddle.subscription.created']);
  });

  it('Zoom: endpoint.url_validation is answered with the HMAC of the plain token', async () => {
    const hook = await createFrom('zoom');
    const body = JSON.stringify({
      payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
      event_ts: Date.now(),
      event: 'endpoint.url_validation',
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const response = await call(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zm-request-timestamp': ts,
        'x-zm-signature': `v0=${await hmacHex(`v0:${ts}:${body}`)}`,
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: await hmacHex('qgg8vlvZRS6UYooatFL8Aw'),
    });
    expect(await eventNames(hook.id)).toEqual([]);
  });

  it('Twitch: a nanosecond timestamp is read, and the challenge answered as text/plain', async () => {
    const hook = await createFrom('twitch');
    const body = JSON.stringify({
      challenge: 'pogchamp-kappa-360noscope-vohiyo',
      subscription: { id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4', type: 'channel.follow', version: '2', condition: {} },
    });
    const id = 'e76c6bd4-55c9-4987-8304-da1588d8988b';
    const timestamp = new Date().toISOString().replace('Z', '123456Z');
    const response = await call(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'twitch-eventsub-message-id': id,
        'twitch-eventsub-message-type': 'webhook_callback_verification',
        'twitch-eventsub-message-timestamp': timestamp,
        'twitch-eventsub-message-signature': `sha256=${await hmacHex(`${id}${timestamp}${body}`)}`,
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('pogchamp-kappa-360noscope-vohiyo');
  });
});
