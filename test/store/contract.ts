/**
 * The store contract: what every `Store` driver must do, run against each driver
 * (better-sqlite3 here, D1 inside workerd). Behaviour only, through the interface.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types';
import { describeDayCountContract } from './contract-day-counts';
import { describeDeliveryContract } from './contract-deliveries';
import { describeListContract } from './contract-lists';
import { describeOpsContract } from './contract-ops';
import { describeSinkContract } from './contract-sinks';
import { describeTailContract } from './contract-tail';
import { sampleEvent, sampleWebhook } from './samples';

export { sampleEvent, sampleWebhook } from './samples';

export interface StoreHarness {
  store: Store;
  cleanup(): Promise<void>;
}

/** What a driver's database cannot do, where the contract then expects its own answer. */
export interface ContractOptions {
  /**
   * SQLite's JSON depth limit applies (SQLite, D1: a payload nested over 1000 deep is not searched).
   * PostgreSQL searches it. The API refuses such payloads, so only rows written otherwise differ.
   */
  sqliteLimits?: boolean;
}

export function describeStoreContract(driver: string, open: () => Promise<StoreHarness>, options: ContractOptions = {}): void {
  describe(`store contract: ${driver}`, () => {
    let harness: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(async () => harness.cleanup());

    describe('events', () => {
      it('stores an event and reads it back unchanged, with `received` set', async () => {
        const event = sampleEvent();
        await expect(store.writeEvents([event])).resolves.toEqual({ written: 1, duplicates: 0 });
        const stored = await store.readEvent(event.id);
        expect(stored).toMatchObject(event);
        expect(stored?.received).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$/);
        expect(stored?.occurred).toBe('2026-03-01T10:00:00.123456Z');
      });

      it('reads ids case-insensitively and answers undefined for unknown ids', async () => {
        const event = sampleEvent();
        await store.writeEvents([event]);
        expect((await store.readEvent(event.id.toUpperCase()))?.id).toBe(event.id);
        expect(await store.readEvent('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      });

      it('keeps the first write of an id (first write wins) and counts the rest as duplicates', async () => {
        const first = sampleEvent();
        await store.writeEvents([first]);
        const again = { ...first, event: 'changed.name', payload: { changed: true } };
        await expect(store.writeEvents([again])).resolves.toEqual({ written: 0, duplicates: 1 });
        expect((await store.readEvent(first.id))?.event).toBe(first.event);
      });

      it('dedupes inside one batch too', async () => {
        const event = sampleEvent();
        const other = sampleEvent();
        await expect(store.writeEvents([event, other, event])).resolves.toEqual({ written: 2, duplicates: 1 });
      });

      it('accepts an empty batch', async () => {
        await expect(store.writeEvents([])).resolves.toEqual({ written: 0, duplicates: 0 });
      });

      it('round-trips hostile payload keys and values exactly', async () => {
        const payload = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c", "s": "quote \\" \\\\ \\n \\u0000 </script> 😀"}');
        const event = sampleEvent({ payload });
        await store.writeEvents([event]);
        const stored = await store.readEvent(event.id);
        expect(JSON.stringify(stored?.payload)).toBe(JSON.stringify(payload));
        expect(({} as Record<string, unknown>).x).toBeUndefined();
      });

      it('finds events by resource id and by related resource id', async () => {
        const a = sampleEvent({ resource: { 'prefect.resource.id': 'contract.res.a' } });
        const b = sampleEvent({ related: [{ 'prefect.resource.id': 'contract.rel.b', 'prefect.resource.role': 'r' }] });
        await store.writeEvents([a, b]);
        const window = { since: '2026-02-01T00:00:00Z', until: '2026-04-01T00:00:00Z' };
        const byResource = await store.queryEvents({ occurred: window, resource: { id: ['contract.res.a'] } } as never, {
          limit: 10,
          offset: 0,
        });
        expect(byResource.events.map((e) => e.id)).toEqual([a.id]);
        const byRelated = await store.queryEvents({ occurred: window, related: { id: ['contract.rel.b'] } } as never, {
          limit: 10,
          offset: 0,
        });
        expect(byRelated.events.map((e) => e.id)).toEqual([b.id]);
        expect(byRelated.total).toBe(1);
      });
    });

    describeDayCountContract(() => store);
    describeTailContract(() => store);
    describeOpsContract(() => store);
    describeListContract(() => store, options.sqliteLimits ?? true);
    describeDeliveryContract(() => store);
    describeSinkContract(() => store);

    it('answers a ping while it can read', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('webhooks', () => {
      it('creates, reads by id and by slug, lists, updates and deletes', async () => {
        const one = sampleWebhook();
        const two = sampleWebhook({ created: '2026-03-02T00:00:00Z' });
        await store.createWebhook(one);
        await store.createWebhook(two);
        expect(await store.getWebhook(one.id)).toEqual(one);
        expect(await store.getWebhookBySlug(two.slug)).toEqual(two);
        expect((await store.listWebhooks()).map((w) => w.id)).toEqual([one.id, two.id]);

        const renamed = { ...one, name: 'renamed', slug: 'rotated-slug-0123456789', enabled: false };
        await expect(store.updateWebhook(renamed)).resolves.toBe(true);
        expect(await store.getWebhook(one.id)).toEqual(renamed);
        expect(await store.getWebhookBySlug(one.slug)).toBeUndefined();

        await expect(store.deleteWebhook(one.id)).resolves.toBe(true);
        await expect(store.deleteWebhook(one.id)).resolves.toBe(false);
        expect(await store.getWebhook(one.id)).toBeUndefined();
      });

      it('answers false when updating a webhook that does not exist', async () => {
        await expect(store.updateWebhook(sampleWebhook())).resolves.toBe(false);
      });

      it('keeps every field of a template webhook with verification and limits', async () => {
        const webhook = sampleWebhook({
          mapping: { kind: 'template', template: '{"event": "{{body.x}}"}' },
          verify: { scheme: 'bearer', secrets: ['s3cret-one', 's3cret-two'] },
          idFrom: 'header:x-delivery',
          rateLimit: { requests: 5, perSeconds: 60 },
        });
        await store.createWebhook(webhook);
        expect(await store.getWebhook(webhook.id)).toEqual(webhook);
      });
    });
  });
}
