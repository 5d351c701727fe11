/**
 * `{"kind": "cloudevents"}` webhooks over real HTTP: CloudEvents made and serialised by the
 * `cloudevents` SDK itself (binary and structured mode, 1.0 and 0.3) become the events of DESIGN §3.3;
 * redelivery is idempotent; what is not a valid CloudEvent gets 400 `invalid-cloudevent`.
 */
import { CloudEvent, HTTP } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URL_NAMESPACE, uuidv5 } from '../../src/lib/ids';
import { TEST_TOKEN } from '../helpers/app';
import {
  type CreatedWebhook,
  createWebhook,
  type ServedApp,
  serveTestApp,
  storedEventsOf,
  webhookResource,
} from '../helpers/hooks';

const NOW = '2026-03-27T12:00:00Z';

let served: ServedApp;
beforeAll(async () => {
  served = await serveTestApp({ now: () => Date.parse(NOW) });
});
afterAll(async () => {
  await served?.stop();
});

let webhookCount = 0;
const cloudEventsWebhook = () => createWebhook(served.base, { name: `ce ${++webhookCount}`, mapping: { kind: 'cloudevents' } });

/** Sends what `HTTP.binary` or `HTTP.structured` made, as a producer would. */
async function deliver(webhook: CreatedWebhook, message: { headers: Record<string, unknown>; body: unknown }): Promise<Response> {
  const headers = Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, String(value)]));
  return fetch(webhook.url, { method: 'POST', headers, body: message.body as BodyInit });
}

async function expect204(response: Response): Promise<void> {
  expect({ status: response.status, body: await response.text() }).toEqual({ status: 204, body: '' });
}

function order(id: string, specversion = '1.0') {
  return new CloudEvent({
    specversion,
    id,
    source: 'https://shop.example/orders',
    type: 'com.example.order.created',
    subject: 'orders/1001',
    time: '2026-03-27T11:00:00Z',
    datacontenttype: 'application/json',
    data: { order: 1001, total: 42.5 },
    tenant: 'acme',
  });
}

describe('CloudEvents sent by the cloudevents SDK', () => {
  it.each([
    ['binary', HTTP.binary],
    ['structured', HTTP.structured],
  ] as const)('HTTP.%s of a CloudEvent becomes the mapped event', async (mode, serialize) => {
    const webhook = await cloudEventsWebhook();
    const event = order(`order-1001-${mode}`);
    await expect204(await deliver(webhook, serialize(event)));
    expect(await storedEventsOf(served, webhook)).toEqual([
      {
        id: uuidv5(URL_NAMESPACE, `https://shop.example/orders order-1001-${mode}`),
        occurred: '2026-03-27T11:00:00Z',
        event: 'com.example.order.created',
        resource: { 'prefect.resource.id': 'orders/1001' },
        related: [webhookResource(webhook)],
        payload: {
          data: { order: 1001, total: 42.5 },
          cloudevents: {
            specversion: '1.0',
            id: `order-1001-${mode}`,
            source: 'https://shop.example/orders',
            type: 'com.example.order.created',
            subject: 'orders/1001',
            time: '2026-03-27T11:00:00.000Z', // the SDK writes time with milliseconds
            datacontenttype: 'application/json',
            tenant: 'acme',
          },
        },
        follows: null,
        received: expect.any(String),
      },
    ]);
  });

  it.each([
    ['binary', HTTP.binary],
    ['structured', HTTP.structured],
  ] as const)('HTTP.%s of a spec 0.3 CloudEvent becomes the mapped event', async (mode, serialize) => {
    const webhook = await cloudEventsWebhook();
    await expect204(await deliver(webhook, serialize(order(`order-03-${mode}`, '0.3'))));
    const [stored] = await storedEventsOf(served, webhook);
    expect(stored).toMatchObject({
      id: uuidv5(URL_NAMESPACE, `https://shop.example/orders order-03-${mode}`),
      event: 'com.example.order.created',
      resource: { 'prefect.resource.id': 'orders/1001' },
      payload: { data: { order: 1001, total: 42.5 }, cloudevents: { specversion: '0.3', tenant: 'acme' } },
    });
  });

  it.each([
    ['binary', HTTP.binary],
    ['structured', HTTP.structured],
  ] as const)('binary data sent with HTTP.%s is kept as base64 with its content type', async (mode, serialize) => {
    const webhook = await cloudEventsWebhook();
    const event = new CloudEvent({
      id: `bytes-${mode}`,
      source: '/sensors/7',
      type: 'com.example.reading',
      time: '2026-03-27T11:00:00Z',
      datacontenttype: 'application/octet-stream',
      data: new Uint8Array([1, 2, 3, 250]),
    });
    await expect204(await deliver(webhook, serialize(event)));
    const [stored] = await storedEventsOf(served, webhook);
    expect(stored?.payload).toEqual({
      data_base64: 'AQID+g==',
      cloudevents: expect.objectContaining({ datacontenttype: 'application/octet-stream', id: `bytes-${mode}` }),
    });
  });

  it('a CloudEvent whose id is a UUID keeps it as the event id', async () => {
    const webhook = await cloudEventsWebhook();
    const id = '6E8BC430-9C3A-11D9-9669-0800200C9A66';
    await expect204(await deliver(webhook, HTTP.binary(order(id))));
    expect((await storedEventsOf(served, webhook)).map((event) => event.id)).toEqual([id.toLowerCase()]);
  });
});

describe('redelivery', () => {
  it('the same CloudEvent (source + id) delivered again, in either mode, is stored once', async () => {
    const webhook = await cloudEventsWebhook();
    const event = order('order-redelivered');
    for (const message of [HTTP.binary(event), HTTP.binary(event), HTTP.structured(event)]) {
      await expect204(await deliver(webhook, message));
    }
    const stored = await storedEventsOf(served, webhook);
    expect(stored.map((e) => e.id)).toEqual([uuidv5(URL_NAMESPACE, 'https://shop.example/orders order-redelivered')]);
  });

  it('the same id from another source is another event', async () => {
    const webhook = await cloudEventsWebhook();
    const event = order('order-shared-id');
    await expect204(await deliver(webhook, HTTP.binary(event)));
    await expect204(await deliver(webhook, HTTP.binary(event.cloneWith({ source: 'https://other.example/orders' }))));
    expect(await storedEventsOf(served, webhook)).toHaveLength(2);
  });

  it('a batch is committed whole before the 204, and redelivering it stores nothing new', async () => {
    const webhook = await cloudEventsWebhook();
    const batch = JSON.stringify([1, 2, 3].map((n) => ({ ...order(`batch-${n}`).toJSON(), subject: `orders/${n}` })));
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents-batch+json' },
        body: batch,
      });
      await expect204(response);
      expect((await storedEventsOf(served, webhook)).map((event) => event.resource['prefect.resource.id'])).toEqual([
        'orders/1',
        'orders/2',
        'orders/3',
      ]);
    }
  });
});

describe('requests that are not valid CloudEvents', () => {
  const binary = { 'ce-specversion': '1.0', 'ce-id': '1', 'ce-source': '/s', 'ce-type': 't' };
  const cases: [string, string, RequestInit][] = [
    ['not a CloudEvent at all', 'specversion', { headers: { 'content-type': 'application/json' }, body: '{"hello": "world"}' }],
    ['a binary-mode event without its id', 'ce-id', { headers: { 'ce-specversion': '1.0', 'ce-source': '/s', 'ce-type': 't' } }],
    ['a binary-mode event with an empty type', 'ce-type', { headers: { ...binary, 'ce-type': '' } }],
    ['a binary-mode event of spec 0.9', 'ce-specversion', { headers: { ...binary, 'ce-specversion': '0.9' } }],
    ['a binary-mode event with a bad time', 'ce-time', { headers: { ...binary, 'ce-time': '2026-03-27T12:00Z' } }],
    [
      'a binary-mode event whose JSON data is not JSON',
      'data',
      { headers: { ...binary, 'content-type': 'application/json' }, body: '{' },
    ],
    [
      'a structured event that is not JSON',
      'the body',
      { headers: { 'content-type': 'application/cloudevents+json' }, body: '{"id":' },
    ],
    [
      'a structured event that is an array',
      'the body',
      { headers: { 'content-type': 'application/cloudevents+json' }, body: '[]' },
    ],
    [
      'a structured event in a format hookgate does not read',
      'Content-Type',
      { headers: { 'content-type': 'application/cloudevents+xml' }, body: '<event/>' },
    ],
    ['a batch that is an object', 'the body', { headers: { 'content-type': 'application/cloudevents-batch+json' }, body: '{}' }],
    ['a batch that is not JSON', 'the body', { headers: { 'content-type': 'application/cloudevents-batch+json' }, body: '[{' }],
  ];

  it.each(cases)('%s: 400 invalid-cloudevent naming %s, stored as a failure event', async (_name, named, init) => {
    const webhook = await cloudEventsWebhook();
    const response = await fetch(webhook.url, { method: 'POST', ...init });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('invalid-cloudevent');
    expect(problem.detail).toContain(named);
    const stored = await storedEventsOf(served, webhook);
    expect(stored.map((event) => event.event)).toEqual(['hookgate.webhook.failed']);
    expect(stored[0]?.payload.error).toMatchObject({ code: 'invalid-cloudevent', detail: problem.detail });
  });

  it('an event of a batch that breaks the event rules is named by its index (invalid-event)', async () => {
    const webhook = await cloudEventsWebhook();
    const long = { specversion: '1.0', id: 'x', source: '/s', type: 't'.repeat(1025) };
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([{ ...long, type: 'ok', id: 'y' }, long]),
    });
    expect(response.status).toBe(400);
    expect((await response.json()) as object).toMatchObject({ code: 'invalid-event', detail: expect.stringContaining('[1]') });
    expect((await storedEventsOf(served, webhook)).map((event) => event.event)).toEqual(['hookgate.webhook.failed']);
  });
});

describe('the webhooks API', () => {
  const api = (path: string, body: unknown) =>
    fetch(`${served.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses options the cloudevents mapping does not have', async () => {
    const response = await api('/api/webhooks', { name: 'ce', mapping: { kind: 'cloudevents', resourceFrom: 'subject' } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toContain('resourceFrom');
  });

  it('names cloudevents among the mapping kinds', async () => {
    const response = await api('/api/webhooks', { name: 'ce', mapping: { kind: 'cloudvents' } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toContain('"cloudevents"');
  });

  it('dry-runs a CloudEvent: the events it becomes, nothing stored', async () => {
    const webhook = await cloudEventsWebhook();
    const response = await api(`/api/webhooks/${webhook.id}/test`, {
      headers: { 'ce-specversion': '1.0', 'ce-id': 'dry-1', 'ce-source': '/dry', 'ce-type': 'com.example.dry' },
      body: { n: 1 },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      events: [{ event: 'com.example.dry', resource: { 'prefect.resource.id': '/dry' }, payload: { data: { n: 1 } } }],
    });
    expect(await storedEventsOf(served, webhook)).toEqual([]);
  });
});
