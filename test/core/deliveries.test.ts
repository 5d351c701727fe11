/**
 * The delivery log's parts: which header values are kept, the hints, and the buffered writer
 * (batches in order, bounded buffer, drops counted when the store refuses, pruning on a cadence)
 * over a real SQLite store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryHint } from '../../src/core/deliveries/hints';
import { createDeliveryLog } from '../../src/core/deliveries/log';
import { deliveryRecord, recordedHeaders } from '../../src/core/deliveries/record';
import { Verify } from '../../src/schemas/verify';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { sampleDelivery } from '../store/contract-deliveries';

const WEBHOOK = '0190b0a0-0000-4000-8000-000000000001';

describe('recorded headers', () => {
  it('keeps values only for safe headers; signatures, tokens, keys and cookies by name only', () => {
    const { headers } = recordedHeaders(
      new Headers({
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/abc',
        'x-github-event': 'push',
        'x-github-delivery': 'd-1',
        'x-shopify-topic': 'orders/create',
        'ce-type': 'com.example.thing',
        'x-hub-signature-256': 'sha256=abc',
        'stripe-signature': 't=1,v1=abc',
        authorization: 'Bearer secret',
        cookie: 'a=b',
        'x-api-key': 'k',
        'x-event-token': 'should-not-show',
        'x-custom': 'private',
      }),
    );
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/abc',
      'x-github-event': 'push',
      'x-github-delivery': 'd-1',
      'x-shopify-topic': 'orders/create',
      'ce-type': 'com.example.thing',
      'x-hub-signature-256': null,
      'stripe-signature': null,
      authorization: null,
      cookie: null,
      'x-api-key': null,
      'x-event-token': null,
      'x-custom': null,
    });
  });

  it('names at most 64 headers and counts the rest', () => {
    const many = new Headers(Array.from({ length: 70 }, (_, i) => [`x-h-${i}`, 'v'] as [string, string]));
    const record = deliveryRecord({
      webhookId: WEBHOOK,
      request: new Request('http://x/', { method: 'POST', headers: many }),
      receivedAt: 1_000,
      answeredAt: 1_002.5,
      outcome: 'rejected',
      status: 401,
    });
    expect(Object.keys(record.headers)).toHaveLength(64);
    expect(record.headersOmitted).toBe(6);
    expect(record.durationMs).toBe(2.5);
  });
});

describe('hints', () => {
  const github = { preset: 'github', verify: Verify.parse({ scheme: 'github', secrets: ['s'] }) };
  it('names the cause, the provider and the header the sender used', () => {
    const record = { ...sampleDelivery(WEBHOOK, 'rejected', 0), headers: { 'x-hub-signature-256': null } };
    expect(deliveryHint(record, github)).toBe(
      'The signature did not match: check that the secret in GitHub equals the one saved here (scheme github); the sender used header x-hub-signature-256.',
    );
    expect(deliveryHint({ ...record, code: 'webhook-disabled' }, github)).toMatch(/disabled/);
    expect(deliveryHint({ ...record, code: 'payload-too-large' }, github)).toMatch(/HOOKGATE_MAX_BODY_BYTES/);
    expect(deliveryHint({ ...record, outcome: 'failed', code: 'invalid-event' }, github)).toMatch(/replay/);
    expect(deliveryHint(sampleDelivery(WEBHOOK, 'stored', 0), github)).toBeNull();
  });
});

describe('buffered delivery log', () => {
  let store: Store;
  beforeEach(() => {
    store = createSqliteStore({ filename: ':memory:', migrations: readMigrations() });
  });
  afterEach(async () => store.close());

  it('writes batches in order after a short delay, and on flush', async () => {
    const log = createDeliveryLog({ store, now: () => 0, flushDelayMs: 20 });
    const records = [0, 1, 2].map((i) => sampleDelivery(WEBHOOK, 'stored', i));
    for (const record of records) log.record(record);
    expect((await store.listDeliveries(WEBHOOK, { limit: 10 })).deliveries).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    log.record(sampleDelivery(WEBHOOK, 'rejected', 3));
    await log.flush();
    const listed = (await store.listDeliveries(WEBHOOK, { limit: 10 })).deliveries.map((d) => d.id);
    expect(listed.slice(1)).toEqual(records.map((r) => r.id).reverse());
  });

  it('bounds the buffer and counts what it drops, also when the store refuses', async () => {
    const drops: [number, string][] = [];
    const log = createDeliveryLog({ store, now: () => 0, maxPending: 2, onDrop: (n, why) => drops.push([n, why]) });
    for (let i = 0; i < 4; i++) log.record(sampleDelivery(WEBHOOK, 'stored', i));
    expect(drops).toEqual([
      [1, 'the delivery log buffer is full'],
      [1, 'the delivery log buffer is full'],
    ]);
    await log.flush();
    await store.close();
    log.record(sampleDelivery(WEBHOOK, 'stored', 9));
    await log.flush(); // never rejects
    expect(drops.at(-1)?.[0]).toBe(1);
    store = createSqliteStore({ filename: ':memory:', migrations: readMigrations() });
  });

  it('prunes by age and count, at most once per interval', async () => {
    let now = 10 * 86_400_000;
    const log = createDeliveryLog({ store, now: () => now, keepPerWebhook: 2, maxAgeMs: 86_400_000, pruneEveryMs: 60_000 });
    const old = sampleDelivery(WEBHOOK, 'stored', 1_000);
    await store.writeDeliveries([old]);
    for (let i = 0; i < 4; i++) log.record(sampleDelivery(WEBHOOK, 'stored', now * 1000 + i));
    await log.flush();
    expect((await store.listDeliveries(WEBHOOK, { limit: 10 })).deliveries).toHaveLength(2);
    for (let i = 0; i < 3; i++) log.record(sampleDelivery(WEBHOOK, 'stored', now * 1000 + 10 + i));
    await log.flush(); // within the interval: no prune
    expect((await store.listDeliveries(WEBHOOK, { limit: 10 })).deliveries).toHaveLength(5);
    now += 61_000;
    await log.flush();
    expect((await store.listDeliveries(WEBHOOK, { limit: 10 })).deliveries).toHaveLength(2);
  });

  it('trims the webhooks a batch wrote to between full prunes, once they have enough new records, at most once per interval', async () => {
    let now = 10 * 86_400_000;
    const settings = { keepPerWebhook: 2, maxAgeMs: 86_400_000, pruneEveryMs: 60_000, trimEveryMs: 100, trimAfterRecords: 3 };
    const log = createDeliveryLog({ store, now: () => now, ...settings });
    const other = '0190d000-0000-7000-8000-0000000000b2';
    const count = async (webhook: string) => (await store.listDeliveries(webhook, { limit: 10 })).deliveries.length;
    await store.writeDeliveries(Array.from({ length: 4 }, (_, i) => sampleDelivery(other, 'stored', now * 1000 + i)));
    log.record(sampleDelivery(WEBHOOK, 'stored', now * 1000));
    await log.flush(); // the first write prunes every webhook
    expect(await count(other)).toBe(2);
    await store.writeDeliveries(Array.from({ length: 3 }, (_, i) => sampleDelivery(other, 'stored', now * 1000 + 10 + i)));
    for (let i = 0; i < 2; i++) log.record(sampleDelivery(WEBHOOK, 'stored', now * 1000 + 20 + i));
    now += 150;
    await log.flush(); // two new records: not yet due
    expect(await count(WEBHOOK)).toBe(3);
    for (let i = 0; i < 2; i++) log.record(sampleDelivery(WEBHOOK, 'stored', now * 1000 + 30 + i));
    await log.flush(); // four new records: trimmed
    expect(await count(WEBHOOK)).toBe(2);
    for (let i = 0; i < 3; i++) log.record(sampleDelivery(WEBHOOK, 'stored', now * 1000 + 40 + i));
    await log.flush(); // three more, but within the interval of that trim
    expect(await count(WEBHOOK)).toBe(5);
    now += 150;
    log.record(sampleDelivery(WEBHOOK, 'stored', now * 1000));
    await log.flush(); // trims the webhook written to, leaves the other one to the next full prune
    expect(await count(WEBHOOK)).toBe(2);
    expect(await count(other)).toBe(5);
  });
});
