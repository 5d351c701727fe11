/**
 * Provider presets through the API: listing them, creating a ready webhook from one (overriding any
 * field), the handshakes presets declare (Slack url_verification, Discord PING) and the success
 * response a webhook may declare — and the newcomer's path: GitHub in one API call, then `github.push`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ed25519Pair, signDiscord, signGithub, signSlack, signTwilio } from '../../src/cli/signers';
import { findPreset } from '../../src/core/presets/catalog';
import { deliveryEventId, uuidv5 } from '../../src/lib/ids';
import { createTestApp, startServer, TEST_TOKEN, type TestApp } from '../helpers/app';
import { eventsOf, providerFixture } from '../helpers/hooks';

const NOW_SECONDS = 1_774_612_800;

interface Created {
  id: string;
  name: string;
  slug: string;
  url: string;
  preset: string | null;
  idFrom: string | null;
  verify: Record<string, unknown>;
  mapping: { kind: string; template?: string };
  handshakes: string[];
  response: unknown;
}

let t: TestApp;
beforeEach(() => {
  t = createTestApp({ now: () => NOW_SECONDS * 1000 });
});
afterEach(() => t.close());

async function create(body: unknown): Promise<{ status: number; body: Created & Record<string, unknown> }> {
  const response = await t.api('/api/webhooks', { method: 'POST', json: body });
  return { status: response.status, body: (await response.json()) as Created & Record<string, unknown> };
}

describe('GET /api/presets', () => {
  it('lists every preset with its name, description, scheme and delivery-id selector', async () => {
    const response = await t.api('/api/presets');
    expect(response.status).toBe(200);
    const presets = (await response.json()) as { name: string; scheme: string; idFrom: string | null; description: string }[];
    expect(presets.length).toBeGreaterThanOrEqual(15);
    expect(presets.find((preset) => preset.name === 'github')).toMatchObject({
      name: 'github',
      title: 'GitHub',
      scheme: 'github',
      idFrom: 'header:x-github-delivery',
      handshakes: [],
    });
    expect(presets.find((preset) => preset.name === 'stripe')).toMatchObject({ scheme: 'stripe', idFrom: 'body:id' });
    expect(presets.find((preset) => preset.name === 'slack')).toMatchObject({
      scheme: 'slack',
      idFrom: 'body:event_id',
      handshakes: ['slack-url-verification'],
    });
  });

  it('shows one preset with its template, and 404 for an unknown one', async () => {
    const github = (await (await t.api('/api/presets/github')).json()) as { mapping: { template: string } };
    expect(github.mapping.template).toContain('github.');
    expect((await t.api('/api/presets/nope')).status).toBe(404);
  });

  it('needs the admin token', async () => {
    expect((await t.app.request('/api/presets')).status).toBe(401);
  });
});

describe('POST /api/webhooks with a preset', () => {
  it('creates a ready webhook: the preset’s scheme, delivery id and template, the given secrets (as hints)', async () => {
    const secret = 'github-webhook-secret-0123';
    const { status, body } = await create({ name: 'GitHub', preset: 'github', verify: { secrets: [secret] } });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      preset: 'github',
      idFrom: 'header:x-github-delivery',
      verify: { scheme: 'github', secretHints: ['…0123'] },
      mapping: { kind: 'template', template: findPreset('github')?.mapping.template },
      handshakes: [],
      response: null,
    });
    expect(JSON.stringify(body)).not.toContain(secret);
    expect((await (await t.api(`/api/webhooks/${body.id}`)).json()) as Created).toMatchObject({ preset: 'github' });
  });

  it('lets any field be overridden: idFrom, mapping, handshakes, response, and verify options', async () => {
    const mapping = { kind: 'static', event: { event: 'mine', resource: { 'prefect.resource.id': 'mine' } } };
    const { status, body } = await create({
      name: 'Slack, my way',
      preset: 'slack',
      verify: { secrets: ['slack-signing-secret'], toleranceSeconds: 60 },
      idFrom: null,
      mapping,
      handshakes: [],
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      preset: 'slack',
      idFrom: null,
      mapping,
      handshakes: [],
      verify: { scheme: 'slack', toleranceSeconds: 60 },
    });
  });

  it('replaces the preset’s verification when the request names another scheme', async () => {
    const { body } = await create({
      name: 'Alerts',
      preset: 'alertmanager',
      verify: { scheme: 'basic', username: 'am', secrets: ['pw'] },
    });
    expect(body.verify).toEqual({ scheme: 'basic', username: 'am', secretHints: ['(2 characters)'] });
  });

  it('refuses an unknown preset with 422, listing the known ones', async () => {
    const { status, body } = await create({ name: 'x', preset: 'myspace' });
    expect(status).toBe(422);
    expect(body.code).toBe('unknown-preset');
    expect(body.presets).toEqual(expect.arrayContaining(['github', 'stripe', 'slack']));
    expect(body.detail).toContain('github');
  });

  it('refuses a preset webhook without the secrets its scheme needs (fail closed)', async () => {
    const { status, body } = await create({ name: 'x', preset: 'stripe' });
    expect(status).toBe(422);
    expect((body.issues as { path: string }[]).map((issue) => issue.path)).toContain('verify.secrets');
  });

  it('keeps secrets and public keys on a PATCH that leaves them out', async () => {
    const key = ed25519Pair().raw.toString('hex');
    const { body } = await create({ name: 'Discord', preset: 'discord', verify: { publicKeys: [key] } });
    expect(body.verify).toEqual({ scheme: 'discord', publicKeys: [key], toleranceSeconds: 300 });
    const patched = await t.api(`/api/webhooks/${body.id}`, {
      method: 'PATCH',
      json: { verify: { scheme: 'discord', toleranceSeconds: 30 } },
    });
    expect(((await patched.json()) as Created).verify).toEqual({ scheme: 'discord', publicKeys: [key], toleranceSeconds: 30 });
  });
});

describe('a newcomer connects GitHub', () => {
  it('one API call, then a signed push over real HTTP becomes github.push (stored once when GitHub redelivers)', async () => {
    const server = await startServer(t.app);
    try {
      const secret = 'my-github-secret-4242';
      const created = await fetch(`${server.url}/api/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'GitHub', preset: 'github', verify: { secrets: [secret] } }),
      });
      expect(created.status).toBe(201);
      const hook = (await created.json()) as Created;
      const push = providerFixture('github/push/with-new-branch.json');
      const delivery = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
      const send = () =>
        fetch(`${server.url}/hooks/${hook.slug}`, {
          method: 'POST',
          headers: {
            'content-type': push.contentType,
            ...push.headers,
            'x-github-delivery': delivery,
            ...signGithub(secret, push.body),
          },
          body: push.body,
        });
      expect((await send()).status).toBe(204);
      expect((await send()).status).toBe(204);
      const events = eventsOf(t.dbFile, hook);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        id: deliveryEventId(hook.id, delivery, 0),
        event: 'github.push',
        resource: { 'prefect.resource.id': 'github.repository.Codertocat/Hello-World' },
      });
      const unsigned = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        headers: push.headers,
        body: push.body,
      });
      expect(unsigned.status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('GitHub’s ping becomes a github.ping event', async () => {
    const { body: hook } = await create({ name: 'GitHub', preset: 'github', verify: { secrets: ['s3cr3t-value'] } });
    const ping = providerFixture('github/ping/default.json');
    const response = await t.app.request(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: {
        'content-type': ping.contentType,
        ...ping.headers,
        'x-github-delivery': 'd-1',
        ...signGithub('s3cr3t-value', ping.body),
      },
      body: ping.body,
    });
    expect(response.status).toBe(204);
    expect(eventsOf(t.dbFile, hook).map((event) => event.event)).toEqual(['github.ping']);
  });
});

describe('idempotency without a delivery id', () => {
  it('Alertmanager: an alert state notified again is stored once (id from fingerprint, status and start)', async () => {
    const { body: hook } = await create({ name: 'Alerts', preset: 'alertmanager', verify: { secrets: ['alertmanager-token'] } });
    const firing = providerFixture('alertmanager/firing.two-alerts.json');
    const send = () =>
      t.app.request(`/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': firing.contentType, authorization: 'Bearer alertmanager-token' },
        body: firing.body,
      });
    expect((await send()).status).toBe(204);
    expect((await send()).status).toBe(204);
    const events = eventsOf(t.dbFile, hook);
    const alerts = JSON.parse(firing.body).alerts as { fingerprint: string; status: string; startsAt: string }[];
    expect(events.map((event) => event.id)).toEqual(
      alerts.map((a) => uuidv5(hook.id, `${a.fingerprint}:${a.status}:${a.startsAt}`)),
    );
  });
});

describe('handshakes', () => {
  it('Slack url_verification: answered with the challenge after verification, nothing stored', async () => {
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    const { body: hook } = await create({ name: 'Slack', preset: 'slack', verify: { secrets: [secret] } });
    const challenge = providerFixture('slack/url_verification.json');
    const signed = await t.app.request(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signSlack(secret, challenge.body, NOW_SECONDS) },
      body: challenge.body,
    });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ challenge: JSON.parse(challenge.body).challenge });
    const unsigned = await t.app.request(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: challenge.body,
    });
    expect(unsigned.status).toBe(401);
    expect(eventsOf(t.dbFile, hook)).toHaveLength(0);
  });

  it('only for webhooks that declare it: without the handshake, url_verification is mapped like any request', async () => {
    const { body: hook } = await create({ name: 'Slack', preset: 'slack', verify: { scheme: 'none' }, handshakes: [] });
    const challenge = providerFixture('slack/url_verification.json');
    const response = await t.app.request(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: challenge.body,
    });
    expect(response.status).toBe(204);
    expect(eventsOf(t.dbFile, hook).map((event) => event.event)).toEqual(['slack.url_verification']);
  });

  it('Discord PING: 204 for webhook events, {"type": 1} for interactions, after verification; nothing stored', async () => {
    const pair = ed25519Pair();
    const { body: hook } = await create({
      name: 'Discord',
      preset: 'discord',
      verify: { publicKeys: [pair.raw.toString('hex')] },
    });
    const send = (body: string, headers: Record<string, string>) =>
      t.app.request(`/hooks/${hook.slug}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const eventsPing = '{"version":1,"application_id":"123","type":0}';
    expect((await send(eventsPing, signDiscord(pair.privateKey, eventsPing, NOW_SECONDS))).status).toBe(204);
    const interactionPing = '{"id":"1","application_id":"123","type":1,"token":"t","version":1}';
    const pong = await send(interactionPing, signDiscord(pair.privateKey, interactionPing, NOW_SECONDS));
    expect(await pong.json()).toEqual({ type: 1 });
    expect((await send(eventsPing, signDiscord(ed25519Pair().privateKey, eventsPing, NOW_SECONDS))).status).toBe(401);
    expect(eventsOf(t.dbFile, hook)).toHaveLength(0);
  });
});

describe('success response', () => {
  it('Twilio’s preset answers with TwiML once the event is committed', async () => {
    await t.close();
    t = createTestApp({ now: () => NOW_SECONDS * 1000, publicUrl: 'https://hooks.example.com' });
    const { body: hook } = await create({ name: 'Twilio', preset: 'twilio', verify: { secrets: ['twilio-auth-token'] } });
    const sms = providerFixture('twilio/sms-incoming.form.txt');
    const response = await t.app.request(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: {
        'content-type': sms.contentType,
        ...signTwilio('twilio-auth-token', `https://hooks.example.com/hooks/${hook.slug}`, [...new URLSearchParams(sms.body)]),
      },
      body: sms.body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(eventsOf(t.dbFile, hook).map((event) => event.event)).toEqual(['twilio.message.received']);
  });

  it('renders its body template over the request and the stored events', async () => {
    const { status, body: hook } = await create({
      name: 'echo',
      mapping: { kind: 'static', event: { event: 'thing.done', resource: { 'prefect.resource.id': 'thing' } } },
      response: {
        status: 202,
        contentType: 'application/json',
        body: '{"ok": true, "event": "{{events.[0].id}}", "who": "{{body.who}}"}',
      },
    });
    expect(status).toBe(201);
    const response = await t.app.request(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"who": "me \\"quoted\\""}',
    });
    expect(response.status).toBe(202);
    const [event] = eventsOf(t.dbFile, hook);
    expect(await response.json()).toEqual({ ok: true, event: event?.id, who: 'me "quoted"' });
  });

  it('a template that fails to render still answers 204 (the events are committed)', async () => {
    const { body: hook } = await create({
      name: 'strict',
      mapping: { kind: 'static', event: { event: 'thing.done', resource: { 'prefect.resource.id': 'thing' } } },
      response: { body: '{"x": "{{required body.missing}}"}' },
    });
    const response = await t.app.request(`/hooks/${hook.slug}`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(204);
    expect(eventsOf(t.dbFile, hook)).toHaveLength(1);
  });

  it.each([
    ['a template that cannot parse', { body: '{{#if x}}' }, 'invalid-template', 'response.body'],
    ['a body on a 204', { status: 204, body: 'x' }, 'validation-failed', 'response.body'],
    ['a status that is not a success', { status: 302 }, 'validation-failed', 'response.status'],
    ['an unknown handshake', undefined, 'validation-failed', 'handshakes[0]'],
  ])('refuses %s when saved', async (_name, response, code, path) => {
    const { status, body } = await create({
      name: 'x',
      mapping: { kind: 'static', event: { event: 'e', resource: { 'prefect.resource.id': 'r' } } },
      ...(response ? { response } : { handshakes: ['github-ping'] }),
    });
    expect(status).toBe(422);
    expect(body.code).toBe(code);
    expect((body.issues as { path: string }[]).map((issue) => issue.path)).toContain(path);
  });
});
