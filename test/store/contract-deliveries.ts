/**
 * The store contract, part 3: the delivery log — written in batches, listed newest first with an
 * outcome filter and pages, followed after a cursor, counted in time buckets, the newest record per
 * webhook, and pruned by age and by count per webhook.
 */
import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../src/lib/time';
import type { Delivery, DeliveryOutcome } from '../../src/schemas/delivery';
import type { Store } from '../../src/store/types';

const HOUR_MICROS = 3_600_000_000;
const BASE_MICROS = Date.UTC(2026, 2, 1, 10) * 1000;

export function sampleDelivery(webhookId: string, outcome: DeliveryOutcome, receivedMicros: number): Delivery {
  return {
    id: crypto.randomUUID(),
    webhookId,
    received: formatTimestamp(receivedMicros),
    outcome,
    status: outcome === 'rejected' ? 401 : 204,
    code: outcome === 'rejected' ? 'signature-mismatch' : null,
    detail: null,
    events: outcome === 'stored' ? 1 : 0,
    eventIds: outcome === 'stored' ? [crypto.randomUUID()] : [],
    failureEvent: null,
    method: 'POST',
    durationMs: 1.5,
    bodyBytes: 10,
    source: '127.0.0.1',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': null },
    headersOmitted: 0,
  };
}

export function describeDeliveryContract(current: () => Store): void {
  describe('delivery log', () => {
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();

    it('lists a webhook’s records newest first, by outcome, in pages, and follows after a cursor', async () => {
      const store = current();
      const outcomes: DeliveryOutcome[] = ['stored', 'rejected', 'stored', 'failed', 'rejected'];
      const records = outcomes.map((outcome, i) => sampleDelivery(a, outcome, BASE_MICROS + i));
      await store.writeDeliveries(records);
      await store.writeDeliveries([sampleDelivery(b, 'stored', BASE_MICROS)]);

      const all = await store.listDeliveries(a, { limit: 10 });
      expect(all.deliveries.map((d) => d.id)).toEqual(records.map((r) => r.id).reverse());
      expect(all.deliveries[0]).toEqual(records[4]);
      expect(all.next).toBeNull();

      const rejected = await store.listDeliveries(a, { limit: 10, outcome: 'rejected' });
      expect(rejected.deliveries.map((d) => d.id)).toEqual([records[4]?.id, records[1]?.id]);

      const first = await store.listDeliveries(a, { limit: 2 });
      expect(first.next).not.toBeNull();
      const second = await store.listDeliveries(a, { limit: 2, before: first.next ?? undefined });
      expect(second.deliveries.map((d) => d.id)).toEqual([records[2]?.id, records[1]?.id]);

      const cursor = all.cursor ?? 0;
      expect((await store.listDeliveries(a, { limit: 10, after: cursor })).deliveries).toEqual([]);
      const later = [sampleDelivery(a, 'handshake', BASE_MICROS + 10), sampleDelivery(a, 'stored', BASE_MICROS + 11)];
      await store.writeDeliveries(later);
      const followed = await store.listDeliveries(a, { limit: 10, after: cursor });
      expect(followed.deliveries.map((d) => d.id)).toEqual(later.map((r) => r.id));
      expect(followed.cursor).toBeGreaterThan(cursor);

      expect((await store.listDeliveries(crypto.randomUUID(), { limit: 10 })).deliveries).toEqual([]);
    });

    it('counts requests per outcome in time buckets, and knows each webhook’s newest record', async () => {
      const store = current();
      await store.writeDeliveries([
        sampleDelivery(a, 'stored', BASE_MICROS),
        sampleDelivery(a, 'stored', BASE_MICROS + 10),
        sampleDelivery(a, 'rejected', BASE_MICROS + HOUR_MICROS + 5),
        sampleDelivery(a, 'stored', BASE_MICROS - HOUR_MICROS), // before the window
      ]);
      const newestOfB = sampleDelivery(b, 'rejected', BASE_MICROS);
      await store.writeDeliveries([sampleDelivery(b, 'stored', BASE_MICROS), newestOfB]);
      const counts = await store.countDeliveries(a, BASE_MICROS, HOUR_MICROS);
      expect(counts).toEqual([
        { bucket: BASE_MICROS, outcome: 'stored', n: 2, events: 2 },
        { bucket: BASE_MICROS + HOUR_MICROS, outcome: 'rejected', n: 1, events: 0 },
      ]);
      const daily = await store.countDeliveries(a, BASE_MICROS - 2 * HOUR_MICROS, 24 * HOUR_MICROS);
      expect(daily).toEqual([
        { bucket: BASE_MICROS - 2 * HOUR_MICROS, outcome: 'rejected', n: 1, events: 0 },
        { bucket: BASE_MICROS - 2 * HOUR_MICROS, outcome: 'stored', n: 3, events: 3 },
      ]);
      const last = await store.lastDeliveries();
      expect(last.get(b)).toEqual(newestOfB);
      expect(last.get(a)?.outcome).toBe('stored'); // the one written last, whatever its time
    });

    it('prunes records older than a time and all but the newest of each webhook', async () => {
      const store = current();
      const old = sampleDelivery(a, 'stored', BASE_MICROS - 10 * HOUR_MICROS);
      const recent = Array.from({ length: 5 }, (_, i) => sampleDelivery(a, 'stored', BASE_MICROS + i));
      const other = Array.from({ length: 2 }, (_, i) => sampleDelivery(b, 'rejected', BASE_MICROS + i));
      await store.writeDeliveries([old, ...recent, ...other]);
      const deleted = await store.pruneDeliveries(BASE_MICROS - HOUR_MICROS, 3);
      expect(deleted).toBe(3);
      expect((await store.listDeliveries(a, { limit: 10 })).deliveries.map((d) => d.id)).toEqual(
        recent
          .slice(2)
          .map((r) => r.id)
          .reverse(),
      );
      expect((await store.listDeliveries(b, { limit: 10 })).deliveries).toHaveLength(2);
      // Counts outlive the records trimmed by number, not those pruned by age.
      const counts = await store.countDeliveries(a, BASE_MICROS - 20 * HOUR_MICROS, HOUR_MICROS);
      expect(counts).toEqual([{ bucket: BASE_MICROS, outcome: 'stored', n: 5, events: 5 }]);
    });

    it('trims only the webhooks it is given, when given some', async () => {
      const store = current();
      const ofA = Array.from({ length: 4 }, (_, i) => sampleDelivery(a, 'stored', BASE_MICROS + i));
      const ofB = Array.from({ length: 4 }, (_, i) => sampleDelivery(b, 'stored', BASE_MICROS + i));
      await store.writeDeliveries([...ofA, ...ofB]);
      expect(await store.pruneDeliveries(BASE_MICROS - HOUR_MICROS, 1, [a])).toBe(3);
      expect((await store.listDeliveries(a, { limit: 10 })).deliveries.map((d) => d.id)).toEqual([ofA[3]?.id]);
      expect((await store.listDeliveries(b, { limit: 10 })).deliveries).toHaveLength(4);
    });
  });
}
