/**
 * The store contract, day counts: a filter's total over whole days is summed from the per-day
 * counts, which the writers keep once per batch (issue 16). After mixed batches — duplicates
 * across and within batches, calls committed together, days before 1970, audited changes that
 * applied or not — every day's total must equal a recount of the events themselves.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/schemas/event';
import { EventFilter, ResolvedEventFilter } from '../../src/schemas/filter';
import type { Store } from '../../src/store/types';
import { sampleEvent, sampleWebhook } from './samples';

const DAYS = ['1969-12-31', '2026-03-01', '2026-03-02', '2026-03-03'];

const on = (day: string, event: string, time = '12:00:00.000001'): Event => sampleEvent({ occurred: `${day}T${time}Z`, event });

/** A names-only filter over whole days: its total comes from the day counts. */
async function dayTotal(store: Store, first: string, last: string, names?: string[]): Promise<number> {
  const filter = EventFilter.parse({
    occurred: { since: `${first}T00:00:00Z`, until: `${last}T23:59:59.999999Z` },
    ...(names && { event: { name: names } }),
  });
  return (await store.queryEvents(filter, { limit: 0, offset: 0 })).total;
}

/** The same, counted event by event: count-by event groups the event rows themselves. */
async function recount(store: Store, day: string): Promise<Map<string, number>> {
  const filter = ResolvedEventFilter.parse({ occurred: { since: `${day}T00:00:00Z`, until: `${day}T23:59:59.999999Z` } });
  const counts = await store.countEvents({
    countable: 'event',
    filter,
    time_unit: 'day',
    time_interval: 1,
    nowMicros: Date.now() * 1000,
  });
  return new Map(counts.map((count) => [count.value, count.count]));
}

export function describeDayCountContract(current: () => Store): void {
  describe('day counts', () => {
    it('equal a recount after mixed batches with duplicates', async () => {
      const store = current();
      const a = on('2026-03-01', 'day.x');
      const b = on('2026-03-01', 'day.x', '00:00:00');
      const c = on('2026-03-02', 'day.y', '23:59:59.999999');
      const early = on('1969-12-31', 'day.x', '23:59:59.999999');
      await store.writeEvents([a, b, c, early]);
      const d = on('2026-03-01', 'day.y');
      const e = on('2026-03-03', 'day.x');
      // A duplicate of a stored event (even under another day and name), and one repeated in the batch.
      await expect(store.writeEvents([{ ...a, occurred: '2026-03-03T01:00:00Z', event: 'day.z' }, d, d, e])).resolves.toEqual({
        written: 2,
        duplicates: 2,
      });
      // Calls that commit together, sharing events.
      const f = on('2026-03-02', 'day.x');
      const g = on('2026-03-02', 'day.x');
      const results = await Promise.all([store.writeEvents([f]), store.writeEvents([f, g]), store.writeEvents([c])]);
      expect(results.reduce((sum, r) => sum + r.written, 0)).toBe(2);
      // An audited change that applied counts its event; one that changed nothing writes no event.
      const webhook = sampleWebhook();
      await store.applyChange({ kind: 'webhook.create', webhook }, on('2026-03-03', 'day.audit'));
      await store.applyChange({ kind: 'webhook.delete', id: 'no-such-webhook' }, on('2026-03-03', 'day.audit'));

      const expected: Record<string, Record<string, number>> = {
        '1969-12-31': { 'day.x': 1 },
        '2026-03-01': { 'day.x': 2, 'day.y': 1 },
        '2026-03-02': { 'day.x': 2, 'day.y': 1 },
        '2026-03-03': { 'day.x': 1, 'day.audit': 1 },
      };
      for (const day of DAYS) {
        const counted = Object.fromEntries(await recount(store, day));
        expect(counted).toEqual(expected[day]);
        expect(await dayTotal(store, day, day)).toBe(Object.values(counted).reduce((sum, n) => sum + n, 0));
        for (const [name, n] of Object.entries(counted)) expect(await dayTotal(store, day, day, [name])).toBe(n);
      }
      expect(await dayTotal(store, '1969-12-31', '2026-03-03')).toBe(9);
      expect(await dayTotal(store, '2026-03-01', '2026-03-03', ['day.x', 'day.z'])).toBe(5);
    });
  });
}
