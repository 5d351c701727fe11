/**
 * The handshakes of the timestamped presets, on the live endpoint: Zoom's `endpoint.url_validation`
 * (answered with the plain token and its HMAC under the secret that signed the request) and Twitch's
 * `webhook_callback_verification` (answered with the raw challenge as text/plain, checked on the
 * published vector). Both store nothing, and both are refused unsigned like any delivery.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';
import { createdWebhook } from '../helpers/webhooks-api';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function app(nowMs: number): TestApp {
  t = createTestApp({ now: () => nowMs });
  return t;
}

async function createFrom(app: TestApp, preset: string, extra: Record<string, unknown>): Promise<{ id: string; slug: string }> {
  return createdWebhook(app, { name: preset, preset, ...extra });
}

const hmacHex = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex');

describe('Zoom endpoint.url_validation', () => {
  const NOW_SECONDS = 1_774_612_800;
  const body = JSON.stringify({
    payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
    event_ts: 1_774_612_799_680,
    event: 'endpoint.url_validation',
  });
  const signed = (secret: string) => ({
    'content-type': 'application/json; charset=utf-8',
    'x-zm-request-timestamp': String(NOW_SECONDS),
    'x-zm-signature': `v0=${hmacHex(secret, `v0:${NOW_SECONDS}:${body}`)}`,
  });

  it('answers with the token’s HMAC under the secret that signed it (the new one while rotating), storing nothing', async () => {
    const gateway = app(NOW_SECONDS * 1000);
    const [oldSecret, newSecret] = ['zoom-secret-token-old-0001', 'zoom-secret-token-new-0002'];
    const hook = await createFrom(gateway, 'zoom', { verify: { secrets: [oldSecret, newSecret] } });
    for (const secret of [newSecret, oldSecret]) {
      const response = await gateway.app.request(`/hooks/${hook.slug}`, { method: 'POST', headers: signed(secret), body });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
        encryptedToken: hmacHex(secret, 'qgg8vlvZRS6UYooatFL8Aw'),
      });
    }
    expect(eventsOf(gateway.dbFile, hook)).toHaveLength(0);
  });

  it('refuses an unsigned or wrongly signed validation with 401', async () => {
    const gateway = app(NOW_SECONDS * 1000);
    const hook = await createFrom(gateway, 'zoom', { verify: { secrets: ['zoom-secret-token-0003'] } });
    for (const headers of [{ 'content-type': 'application/json' }, signed('another-secret-token-0004')]) {
      const response = await gateway.app.request(`/hooks/${hook.slug}`, { method: 'POST', headers, body });
      expect(response.status).toBe(401);
    }
    expect(eventsOf(gateway.dbFile, hook)).toHaveLength(0);
  });

  it('without the handshake, the validation is mapped like any event', async () => {
    const gateway = app(NOW_SECONDS * 1000);
    const secret = 'zoom-secret-token-0005';
    const hook = await createFrom(gateway, 'zoom', { verify: { secrets: [secret] }, handshakes: [] });
    const response = await gateway.app.request(`/hooks/${hook.slug}`, { method: 'POST', headers: signed(secret), body });
    expect(response.status).toBe(204);
    expect(eventsOf(gateway.dbFile, hook).map((event) => event.event)).toEqual(['zoom.endpoint.url_validation']);
  });
});

describe('Twitch EventSub', () => {
  const read = (name: string) =>
    JSON.parse(readFileSync(new URL(`./payloads/twitch/${name}.json`, import.meta.url), 'utf8')) as {
      headers: Record<string, string>;
      body: unknown;
    };

  it('answers webhook_callback_verification with the raw challenge as text/plain (published vector), storing nothing', async () => {
    const challenge = read('webhook_callback_verification');
    // The vector's own time: its timestamp must be within the tolerance.
    const gateway = app(Date.parse('2022-02-06T04:03:30Z'));
    const hook = await createFrom(gateway, 'twitch', { verify: { secrets: ['HELLOabc2321'] } });
    const send = (body: string) =>
      gateway.app.request(`/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...challenge.headers },
        body,
      });
    const response = await send(JSON.stringify(challenge.body));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('11535768-497e-14ec-8197-ba2cb5341a01');
    expect((await send(JSON.stringify(challenge.body).replace('11535768', '11535769'))).status).toBe(401);
    expect(eventsOf(gateway.dbFile, hook)).toHaveLength(0);
  });

  it('stores a signed revocation as twitch.subscription.revoked', async () => {
    const revocation = read('revocation');
    const secret = 'twitch-transport-secret-0006';
    const nowMs = Date.parse('2026-03-27T12:00:00Z');
    const gateway = app(nowMs);
    const hook = await createFrom(gateway, 'twitch', { verify: { secrets: [secret] } });
    const body = JSON.stringify(revocation.body);
    const timestamp = '2026-03-27T11:59:59.999999999Z';
    const id = revocation.headers['twitch-eventsub-message-id'];
    const response = await gateway.app.request(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...revocation.headers,
        'twitch-eventsub-message-timestamp': timestamp,
        'twitch-eventsub-message-signature': `sha256=${hmacHex(secret, `${id}${timestamp}${body}`)}`,
      },
      body,
    });
    expect(response.status).toBe(204);
    const [event] = eventsOf(gateway.dbFile, hook);
    expect(event).toMatchObject({
      event: 'twitch.subscription.revoked',
      resource: {
        'prefect.resource.id': 'twitch.subscription.f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
        'twitch.status': 'authorization_revoked',
      },
    });
  });
});
