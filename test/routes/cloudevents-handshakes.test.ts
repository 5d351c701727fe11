/**
 * The handshakes CloudEvents senders make before delivering: the CloudEvents Web Hooks spec's abuse
 * protection (`OPTIONS` + `WebHook-Request-Origin`) and Azure Event Grid's subscription validation, in
 * the Event Grid schema and as a CloudEvent. They answer as their specs require and store nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { storedEvents } from '../helpers/hooks';

const STATIC = { kind: 'static', event: { event: 'ping', resource: { 'prefect.resource.id': 'ping' } } };
const TEMPLATE = { kind: 'template', template: '{"event": "x", "resource": {"prefect.resource.id": "x"}}' };
const CLOUDEVENTS = { kind: 'cloudevents' };
const CODE = '512d38b6-c7b8-40c8-89fe-f46f9e9622b6';
const VALIDATION_URL = 'https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/sub/validate?id=0000&token=abc';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function webhook(body: Record<string, unknown>): Promise<{ slug: string }> {
  const response = await t.api('/api/webhooks', { method: 'POST', json: { name: 'hook', ...body } });
  expect(response.status).toBe(201);
  return (await response.json()) as { slug: string };
}

const hook = (slug: string, init: RequestInit) => Promise.resolve(t.app.request(`/hooks/${slug}`, init));

describe('CloudEvents Web Hooks abuse protection', () => {
  const validation = (headers: Record<string, string> = {}): RequestInit => ({
    method: 'OPTIONS',
    headers: { 'WebHook-Request-Origin': 'eventemitter.example.com', ...headers },
  });

  it.each([
    ['static', STATIC],
    ['template', TEMPLATE],
    ['cloudevents', CLOUDEVENTS],
  ])(
    'a %s webhook grants the origin, with the rate (unlimited: *) and Allow: POST; nothing is stored',
    async (_kind, mapping) => {
      const { slug } = await webhook({ mapping });
      const response = await hook(slug, validation());
      expect(response.status).toBe(200);
      expect(response.headers.get('webhook-allowed-origin')).toBe('eventemitter.example.com');
      expect(response.headers.get('webhook-allowed-rate')).toBe('*');
      expect(response.headers.get('allow')?.split(/,\s*/)).toContain('POST');
      expect(await response.text()).toBe('');
      expect(storedEvents(t.dbFile)).toEqual([]);
    },
  );

  it.each([
    [{ requests: 120, perSeconds: 60 }, '120'],
    [{ requests: 5, perSeconds: 1 }, '300'],
    [{ requests: 100, perSeconds: 3600 }, '1'],
    [{ requests: 90, perSeconds: 60 * 60 * 24 }, '1'],
  ])('a rate limit of %o is granted as %s requests per minute', async (rateLimit, rate) => {
    const { slug } = await webhook({ mapping: CLOUDEVENTS, rateLimit });
    const response = await hook(slug, validation({ 'WebHook-Request-Rate': '1000' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('webhook-allowed-rate')).toBe(rate);
  });

  it('answers the sender before verification: the handshake carries no credentials', async () => {
    const { slug } = await webhook({
      mapping: CLOUDEVENTS,
      verify: { scheme: 'bearer', secrets: ['s3cr3t-token-of-the-sender'] },
    });
    const response = await hook(slug, validation({ 'WebHook-Request-Callback': 'https://example.com/confirm?id=1' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('webhook-allowed-origin')).toBe('eventemitter.example.com');
  });

  it('an OPTIONS request without WebHook-Request-Origin is not a handshake', async () => {
    const { slug } = await webhook({ mapping: CLOUDEVENTS });
    const response = await hook(slug, { method: 'OPTIONS' });
    expect(response.status).toBe(400);
    expect(response.headers.get('webhook-allowed-origin')).toBeNull();
  });

  it('an unknown URL answers 404, handshake or not', async () => {
    const response = await hook('no-such-slug-0123456789', validation());
    expect(response.status).toBe(404);
    expect(response.headers.get('webhook-allowed-origin')).toBeNull();
  });
});

describe('Azure Event Grid subscription validation', () => {
  const eventGridSchema = JSON.stringify([
    {
      id: '2d1781af-3a4c-4d7c-bd0c-e34b19da4e66',
      topic: '/subscriptions/00000000-0000-0000-0000-000000000000',
      subject: '',
      data: { validationCode: CODE, validationUrl: VALIDATION_URL },
      eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
      eventTime: '2026-03-27T11:59:59.1981776Z',
      metadataVersion: '1',
      dataVersion: '1',
    },
  ]);
  const cloudEvent = {
    specversion: '1.0',
    type: 'Microsoft.EventGrid.SubscriptionValidationEvent',
    source: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.EventGrid/topics/t',
    id: '2d1781af-3a4c-4d7c-bd0c-e34b19da4e66',
    time: '2026-03-27T11:59:59Z',
    data: { validationCode: CODE, validationUrl: VALIDATION_URL },
  };

  async function expectValidated(response: Response): Promise<void> {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ validationResponse: CODE });
    expect(storedEvents(t.dbFile)).toEqual([]);
  }

  it.each([
    ['template', TEMPLATE],
    ['static', STATIC],
  ])('in the Event Grid schema, to a %s webhook: 200 {"validationResponse": code}, nothing stored', async (_kind, mapping) => {
    const { slug } = await webhook({ mapping });
    await expectValidated(
      await hook(slug, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'aeg-event-type': 'SubscriptionValidation' },
        body: eventGridSchema,
      }),
    );
  });

  it.each([
    ['structured', { 'content-type': 'application/cloudevents+json' }, JSON.stringify(cloudEvent)],
    ['batch', { 'content-type': 'application/cloudevents-batch+json' }, JSON.stringify([cloudEvent])],
    [
      'binary',
      {
        'content-type': 'application/json',
        'ce-specversion': '1.0',
        'ce-type': cloudEvent.type,
        'ce-source': cloudEvent.source,
        'ce-id': cloudEvent.id,
      },
      JSON.stringify(cloudEvent.data),
    ],
  ])('as a CloudEvent in %s mode: 200 {"validationResponse": code}, nothing stored', async (_mode, headers, body) => {
    const { slug } = await webhook({ mapping: CLOUDEVENTS });
    await expectValidated(await hook(slug, { method: 'POST', headers, body }));
  });

  it('is answered only once the sender is verified, as every delivery', async () => {
    const { slug } = await webhook({ mapping: TEMPLATE, verify: { scheme: 'bearer', secrets: ['s3cr3t-token-of-the-sender'] } });
    const request = { method: 'POST', headers: { 'content-type': 'application/json' }, body: eventGridSchema };
    expect((await hook(slug, request)).status).toBe(401);
    await expectValidated(
      await hook(slug, { ...request, headers: { ...request.headers, authorization: 'Bearer s3cr3t-token-of-the-sender' } }),
    );
  });

  it('a request that carries a validation event among real events is a delivery: its events are stored', async () => {
    const { slug } = await webhook({ mapping: STATIC });
    const validation = JSON.parse(eventGridSchema)[0];
    const body = JSON.stringify([
      validation,
      { id: '1', eventType: 'Microsoft.Storage.BlobCreated', subject: '/blob', data: {} },
    ]);
    const response = await hook(slug, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(204);
    expect(storedEvents(t.dbFile)).toHaveLength(1);
  });

  it('other Event Grid events are delivered as usual', async () => {
    const { slug } = await webhook({ mapping: TEMPLATE });
    const body = JSON.stringify([{ id: '1', eventType: 'Microsoft.Storage.BlobCreated', subject: '/blob', data: {} }]);
    const response = await hook(slug, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(204);
    expect(storedEvents(t.dbFile)).toHaveLength(1);
  });
});
