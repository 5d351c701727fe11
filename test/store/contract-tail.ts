/**
 * The store contract, part 2: following new events in arrival order (`readEventsAfter`), whatever
 * their `occurred`, from a cursor the store hands out.
 */
import { describe, expect, it } from 'vitest';
import { EventFilter } from '../../src/schemas/filter';
import type { Store } from '../../src/store/types';
import { sampleEvent } from './samples';

const EVERYTHING = EventFilter.parse({});
const ids = (page: { events: { id: string }[] }) => page.events.map((event) => event.id);

export function describeTailContract(current: () => Store): void {
  describe('following new events by arrival', () => {
    it('starts from now: no events and a cursor; then what arrives after it, in arrival order', async () => {
      const store = current();
      await store.writeEvents([sampleEvent()]);
      const start = await store.readEventsAfter(EVERYTHING, undefined, 10);
      expect(start.events).toEqual([]);
      expect(typeof start.cursor).toBe('string');

      // Providers' own timestamps: the second arrival happened long before the first.
      const first = sampleEvent({ occurred: '2030-01-01T00:00:00Z' });
      const second = sampleEvent({ occurred: '2001-01-01T00:00:00Z' });
      await store.writeEvents([first]);
      await store.writeEvents([second]);
      const next = await store.readEventsAfter(EVERYTHING, start.cursor, 10);
      expect(ids(next)).toEqual([first.id, second.id]);
      expect(next.events[1]).toMatchObject(second);

      await expect(store.readEventsAfter(EVERYTHING, next.cursor, 10)).resolves.toEqual({ events: [], cursor: next.cursor });
    });

    it('starts from an empty store too', async () => {
      const store = current();
      const start = await store.readEventsAfter(EVERYTHING, undefined, 10);
      const event = sampleEvent();
      await store.writeEvents([event]);
      expect(ids(await store.readEventsAfter(EVERYTHING, start.cursor, 10))).toEqual([event.id]);
    });

    it('returns at most `limit` events and a cursor that continues after the last one', async () => {
      const store = current();
      const { cursor } = await store.readEventsAfter(EVERYTHING, undefined, 10);
      const events = Array.from({ length: 5 }, () => sampleEvent());
      await store.writeEvents(events);
      const first = await store.readEventsAfter(EVERYTHING, cursor, 2);
      const second = await store.readEventsAfter(EVERYTHING, first.cursor, 2);
      const third = await store.readEventsAfter(EVERYTHING, second.cursor, 2);
      expect([ids(first), ids(second), ids(third)]).toEqual([
        [events[0]?.id, events[1]?.id],
        [events[2]?.id, events[3]?.id],
        [events[4]?.id],
      ]);
    });

    it('applies the filter, its occurred window exactly as given, and moves past what does not match', async () => {
      const store = current();
      const { cursor } = await store.readEventsAfter(EVERYTHING, undefined, 10);
      const wanted = sampleEvent({ event: 'tail.wanted', occurred: '2026-03-01T10:00:00Z' });
      const otherName = sampleEvent({ event: 'tail.other', occurred: '2026-03-01T10:00:00Z' });
      const tooEarly = sampleEvent({ event: 'tail.wanted', occurred: '2026-02-01T10:00:00Z' });
      const related = sampleEvent({
        event: 'tail.wanted',
        occurred: '2026-03-02T10:00:00Z',
        related: [{ 'prefect.resource.id': 'tail.owner', 'prefect.resource.role': 'owner' }],
      });
      await store.writeEvents([wanted, otherName, tooEarly, related]);
      const byName = EventFilter.parse({ event: { prefix: ['tail.w'] }, occurred: { since: '2026-03-01T00:00:00Z' } });
      const page = await store.readEventsAfter(byName, cursor, 10);
      expect(ids(page)).toEqual([wanted.id, related.id]);
      const byRelated = EventFilter.parse({ related: { id: ['tail.owner'] } });
      expect(ids(await store.readEventsAfter(byRelated, cursor, 10))).toEqual([related.id]);
      // Nothing else arrived: the cursor of a page that found less than its limit is the end.
      await expect(store.readEventsAfter(byName, page.cursor, 10)).resolves.toEqual({ events: [], cursor: page.cursor });
      const noMatch = await store.readEventsAfter(EventFilter.parse({ event: { name: ['tail.none'] } }), cursor, 10);
      expect(noMatch).toEqual({ events: [], cursor: page.cursor });
    });

    it('does not report a re-posted id as a new arrival', async () => {
      const store = current();
      const event = sampleEvent();
      await store.writeEvents([event]);
      const { cursor } = await store.readEventsAfter(EVERYTHING, undefined, 10);
      await store.writeEvents([event]);
      await expect(store.readEventsAfter(EVERYTHING, cursor, 10)).resolves.toEqual({ events: [], cursor });
    });

    it('rejects a cursor it did not hand out with 422', async () => {
      const store = current();
      for (const cursor of ['', 'abc', '-1', '1.5', '99999999999999999999']) {
        await expect(store.readEventsAfter(EVERYTHING, cursor, 10), cursor).rejects.toMatchObject({
          status: 422,
          code: 'invalid-cursor',
        });
      }
    });
  });
}
