/**
 * The gateway end to end inside workerd, over a real local D1: the same black-box behaviour as on
 * Node — webhooks created at runtime through the API, templates rendered without code generation.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';
import alertmanagerPayload from '../../../shared/fixtures/alertmanager/firing.two-alerts.json?raw';
import githubPush from '../../../shared/fixtures/github/push/default.json?raw';
import alertmanagerTemplate from '../fixtures/templates/alertmanager.hbs?raw';
import githubTemplate from '../fixtures/templates/github.hbs?raw';
import { api, call, ORIGIN } from './worker-api';

interface StoredEvent {
  id: string;
  event: string;
  resource: Record<string, string>;
  related: Record<string, string>[];
  payload: Record<string, unknown>;
}

async function createWebhook(input: Record<string, unknown>): Promise<{ id: string; slug: string; url: string }> {
  const response = await api('/api/webhooks', 'POST', { name: 'workers', ...input });
  expect(response.status).toBe(201);
  return response.json();
}

async function eventsOf(webhookId: string): Promise<StoredEvent[]> {
  const response = await api('/api/events/filter', 'POST', {
    filter: { related: { id: [`hookgate.webhook.${webhookId}`] }, order: 'ASC', occurred: { since: '2000-01-01T00:00:00Z' } },
    limit: 200,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: StoredEvent[] }).events;
}

const json = { 'content-type': 'application/json' };

describe('hookgate on workerd with D1', () => {
  beforeAll(async () => {
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  });

  it('runs where Handlebars.compile cannot (no code generation)', () => {
    expect(() => Handlebars.compile('{{x}}')({ x: 1 })).toThrow(EvalError);
  });

  it('answers /healthz', async () => {
    const response = await call('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('stores a static event for a body-less GET, and returns the URL on the request origin', async () => {
    const hook = await createWebhook({
      mapping: { kind: 'static', event: { event: 'cron.ran', resource: { 'prefect.resource.id': 'cron.nightly' } } },
    });
    expect(hook.url).toBe(`${ORIGIN}/hooks/${hook.slug}`);
    expect((await call(`/hooks/${hook.slug}`)).status).toBe(204);
    const [event] = await eventsOf(hook.id);
    expect(event).toMatchObject({
      event: 'cron.ran',
      resource: { 'prefect.resource.id': 'cron.nightly' },
      payload: { method: 'GET' },
    });
  });

  it('renders a template created at runtime over a real GitHub push, and stores a redelivery once', async () => {
    const hook = await createWebhook({
      mapping: { kind: 'template', template: githubTemplate },
      idFrom: 'header:x-github-delivery',
    });
    const deliver = () =>
      call(`/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { ...json, 'x-github-event': 'push', 'x-github-delivery': 'delivery-1' },
        body: githubPush,
      });
    expect((await deliver()).status).toBe(204);
    expect((await deliver()).status).toBe(204);
    const events = await eventsOf(hook.id);
    expect(events).toHaveLength(1);
    const push = JSON.parse(githubPush) as { repository: { full_name: string } };
    expect(events[0]?.event).toBe('github.push');
    expect(events[0]?.resource['prefect.resource.id']).toBe(`github.repository.${push.repository.full_name}`);
  });

  it('fans out one event per Alertmanager alert', async () => {
    const hook = await createWebhook({ mapping: { kind: 'template', template: alertmanagerTemplate } });
    const response = await call(`/hooks/${hook.slug}`, { method: 'POST', headers: json, body: alertmanagerPayload });
    expect(response.status).toBe(204);
    const events = await eventsOf(hook.id);
    expect(events.map((e) => e.event)).toEqual(['alertmanager.alert.firing', 'alertmanager.alert.firing']);
  });

  it('stores a failure event and answers 400 when the template output is not JSON', async () => {
    const hook = await createWebhook({ mapping: { kind: 'template', template: '{"event": {{body.kind}}}' } });
    const response = await call(`/hooks/${hook.slug}`, { method: 'POST', headers: json, body: '{"kind": "x"}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('template-output-not-json');
    const [failed] = await eventsOf(hook.id);
    expect(failed?.event).toBe('hookgate.webhook.failed');
    expect((failed?.payload as { rendered: string } | undefined)?.rendered).toBe('{"event": x}');
  });

  it('answers 404 for an unknown slug, 413 over the body limit, 401 without the bearer secret', async () => {
    expect((await call('/hooks/AAAAAAAAAAAAAAAAAAAAAA', { method: 'POST', body: '{}' })).status).toBe(404);
    const hook = await createWebhook({
      mapping: { kind: 'template', template: '{"event": "e", "resource": {"prefect.resource.id": "r"}}' },
      verify: { scheme: 'bearer', secrets: ['workers-bearer-secret'] },
    });
    const big = await call(`/hooks/${hook.slug}`, { method: 'POST', headers: json, body: 'x'.repeat(65_537) });
    expect(big.status).toBe(413);
    const unsigned = await call(`/hooks/${hook.slug}`, { method: 'POST', headers: json, body: '{}' });
    expect(unsigned.status).toBe(401);
    const signed = await call(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer workers-bearer-secret' },
      body: '{}',
    });
    expect(signed.status).toBe(204);
    expect(await eventsOf(hook.id)).toHaveLength(1);
  });

  it('maps a binary-mode CloudEvent, and stores its redelivery once', async () => {
    const hook = await createWebhook({ mapping: { kind: 'cloudevents' } });
    const send = () =>
      call(`/hooks/${hook.slug}`, {
        method: 'POST',
        headers: {
          ...json,
          'ce-specversion': '1.0',
          'ce-type': 'com.example.order.created',
          'ce-source': '/orders',
          'ce-id': 'order-42',
          'ce-subject': 'orders.42',
          'ce-time': '2026-03-01T10:00:00Z',
        },
        body: '{"total": 12}',
      });
    expect((await send()).status).toBe(204);
    expect((await send()).status).toBe(204);
    const events = await eventsOf(hook.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event: 'com.example.order.created',
      resource: { 'prefect.resource.id': 'orders.42' },
      payload: { data: { total: 12 } },
    });
  });

  it('verifies a GitHub signature with Web Crypto through the github preset', async () => {
    const secret = 'workers-github-secret';
    const hook = await createWebhook({ preset: 'github', verify: { secrets: [secret] } });
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(githubPush)));
    const signature = `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    const headers = { ...json, 'x-github-event': 'push', 'x-github-delivery': 'workers-signed-1' };
    const tampered = await call(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: { ...headers, 'x-hub-signature-256': signature },
      body: `${githubPush} `,
    });
    expect(tampered.status).toBe(401);
    const signed = await call(`/hooks/${hook.slug}`, {
      method: 'POST',
      headers: { ...headers, 'x-hub-signature-256': signature },
      body: githubPush,
    });
    expect(signed.status).toBe(204);
    expect((await eventsOf(hook.id)).map((e) => e.event)).toEqual(['github.push']);
  });

  it('serves the events API: filter, paging and a single event', async () => {
    const events = Array.from({ length: 5 }, (_, i) => ({
      id: `0190c000-0000-7000-8000-00000000000${i}`,
      occurred: `2026-03-0${i + 1}T12:00:00Z`,
      event: `workers.paged.${i}`,
      resource: { 'prefect.resource.id': 'workers.paged' },
    }));
    expect((await api('/api/events', 'POST', events)).status).toBe(204);
    const first = await api('/api/events/filter', 'POST', {
      filter: { resource: { id: ['workers.paged'] }, occurred: { since: '2026-01-01T00:00:00Z', until: '2026-04-01T00:00:00Z' } },
      limit: 2,
    });
    const page = (await first.json()) as { events: StoredEvent[]; total: number; next_page: string };
    expect(page.total).toBe(5);
    expect(page.events.map((e) => e.event)).toEqual(['workers.paged.4', 'workers.paged.3']);
    const next = await api(new URL(page.next_page).pathname + new URL(page.next_page).search);
    expect(((await next.json()) as { events: StoredEvent[] }).events.map((e) => e.event)).toEqual([
      'workers.paged.2',
      'workers.paged.1',
    ]);
    const one = await api(`/api/events/${events[0]?.id}`);
    expect(((await one.json()) as StoredEvent).event).toBe('workers.paged.0');
  });
});
