/**
 * Templates see the request's CloudEvent as `cloudevent` (a batch's events as `cloudevents`), so a
 * user can write their own CloudEvent mapping — here one whose resource comes from an extension.
 */
import { CloudEvent, HTTP } from 'cloudevents';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';

/** Resource from the `tenant` extension, the same id as the cloudevents mapping gives, the data as payload. */
const OWN_MAPPING = `{
  "id": "{{uuid5 (concat cloudevent.source " " cloudevent.id)}}",
  "event": "{{cloudevent.type}}",
  "occurred": "{{cloudevent.time}}",
  "resource": {"prefect.resource.id": "tenant.{{cloudevent.tenant}}", "prefect.resource.name": "{{cloudevent.subject}}"},
  "payload": {"order": {{json cloudevent.data}}, "spec": "{{cloudevent.specversion}}"}
}`;

const EACH = `[{{#each cloudevents}}
  {"event": "{{type}}", "resource": {"prefect.resource.id": "tenant.{{tenant}}"}}{{#unless @last}},{{/unless}}
{{/each}}]`;

const ECHO =
  '{"event": "echo", "resource": {"prefect.resource.id": "echo"}, "payload": {"cloudevent": {{json cloudevent}}, "n": {{json (length cloudevents)}}}}';

const event = new CloudEvent({
  id: 'order-7',
  source: 'https://shop.example/orders',
  type: 'com.example.order.created',
  subject: 'orders/7',
  time: '2026-03-27T11:00:00Z',
  datacontenttype: 'application/json',
  data: { order: 7 },
  tenant: 'acme',
});

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function webhook(mapping: Record<string, unknown>): Promise<{ id: string; slug: string }> {
  const response = await t.api('/api/webhooks', { method: 'POST', json: { name: 'own', mapping } });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; slug: string };
}

async function deliver(slug: string, message: { headers: Record<string, unknown>; body: unknown }): Promise<void> {
  const headers = Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, String(value)]));
  const response = await t.app.request(`/hooks/${slug}`, { method: 'POST', headers, body: message.body as BodyInit });
  expect({ status: response.status, body: await response.text() }).toEqual({ status: 204, body: '' });
}

describe('the cloudevent template variable', () => {
  it.each([
    ['binary', HTTP.binary],
    ['structured', HTTP.structured],
  ] as const)('in %s mode: a template mapping reads attributes, extensions and data', async (_mode, serialize) => {
    const own = await webhook({ kind: 'template', template: OWN_MAPPING });
    await deliver(own.slug, serialize(event));
    const [stored] = eventsOf(t.dbFile, own);
    expect(stored).toMatchObject({
      event: 'com.example.order.created',
      occurred: '2026-03-27T11:00:00Z',
      resource: { 'prefect.resource.id': 'tenant.acme', 'prefect.resource.name': 'orders/7' },
      payload: { order: { order: 7 }, spec: '1.0' },
    });
  });

  it('the documented uuid5 recipe gives the id the cloudevents mapping gives', async () => {
    const own = await webhook({ kind: 'template', template: OWN_MAPPING });
    await deliver(own.slug, HTTP.binary(event));
    const [fromTemplate] = eventsOf(t.dbFile, own);
    // A second app: in one store the second write of that id would be a duplicate.
    const other = createTestApp();
    try {
      const response = await other.api('/api/webhooks', {
        method: 'POST',
        json: { name: 'ce', mapping: { kind: 'cloudevents' } },
      });
      const mapped = (await response.json()) as { id: string; slug: string };
      const message = HTTP.binary(event);
      const headers = Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, String(value)]));
      expect(
        (await other.app.request(`/hooks/${mapped.slug}`, { method: 'POST', headers, body: message.body as string })).status,
      ).toBe(204);
      expect(eventsOf(other.dbFile, mapped)[0]?.id).toBe(fromTemplate?.id);
    } finally {
      await other.close();
    }
  });

  it('is the JSON event format: attributes and extensions as members, the data decoded', async () => {
    const echo = await webhook({ kind: 'template', template: ECHO });
    await deliver(echo.slug, HTTP.structured(event));
    expect(eventsOf(t.dbFile, echo)[0]?.payload).toEqual({
      cloudevent: {
        specversion: '1.0',
        id: 'order-7',
        source: 'https://shop.example/orders',
        type: 'com.example.order.created',
        subject: 'orders/7',
        time: '2026-03-27T11:00:00.000Z',
        datacontenttype: 'application/json',
        tenant: 'acme',
        data: { order: 7 },
      },
      n: 1,
    });
  });

  it('a batch: cloudevents holds every event, cloudevent is absent', async () => {
    const each = await webhook({ kind: 'template', template: EACH });
    const echo = await webhook({ kind: 'template', template: ECHO });
    const batch = JSON.stringify(['acme', 'globex'].map((tenant, n) => ({ ...event.toJSON(), id: `b-${n}`, tenant })));
    for (const slug of [each.slug, echo.slug]) {
      await deliver(slug, { headers: { 'content-type': 'application/cloudevents-batch+json' }, body: batch });
    }
    expect(eventsOf(t.dbFile, each).map((e) => e.resource['prefect.resource.id'])).toEqual(['tenant.acme', 'tenant.globex']);
    expect(eventsOf(t.dbFile, echo)[0]?.payload).toEqual({ cloudevent: null, n: 2 });
  });

  it.each([
    ['a request that is not a CloudEvent', { 'content-type': 'application/json' }, '{"a": 1}'],
    ['an invalid CloudEvent', { 'content-type': 'application/cloudevents+json' }, '{"specversion": "1.0", "id": "x"}'],
  ])('is absent for %s, and the template mapping still works', async (_name, headers, body) => {
    const echo = await webhook({ kind: 'template', template: ECHO });
    await deliver(echo.slug, { headers, body });
    expect(eventsOf(t.dbFile, echo)[0]?.payload).toEqual({ cloudevent: null, n: 0 });
  });
});
