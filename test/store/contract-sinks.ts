/**
 * The sink part of the store contract (issue 13): the outbox is written with the events, claimed
 * with leases, settled in one go; dead letters, retries and replays. Run for every driver.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { EventFilter } from '../../src/schemas/filter';
import type { Settlement, Store } from '../../src/store/types';
import { sampleEvent, sampleSink } from './samples';

const NOW = 1_900_000_000_000_000;
const claimAt = (token: string, nowMicros = NOW, limit = 100) => ({
  token,
  nowMicros,
  leaseUntilMicros: nowMicros + 30e6,
  limit,
});

function settled(overrides: Partial<Settlement>): Settlement {
  return {
    delivered: [],
    retry: [],
    retryAtMicros: 0,
    dead: [],
    state: 'ok',
    failed: false,
    lastStatus: 204,
    lastError: null,
    nowMicros: NOW,
    nextAttemptMicros: 0,
    ...overrides,
  };
}

export function describeSinkContract(getStore: () => Store): void {
  describe('sinks and the outbox', () => {
    let store: Store;
    beforeEach(() => {
      store = getStore();
    });

    it('creates, reads, lists, updates and deletes sinks', async () => {
      const sink = sampleSink({ filter: EventFilter.parse({ event: { prefix: ['github.'] } }) });
      await store.createSink(sink);
      expect(await store.getSink(sink.id)).toEqual(sink);
      expect(await store.getSinkByName(sink.name)).toEqual(sink);
      expect((await store.listSinks()).map((s) => s.id)).toContain(sink.id);
      expect(await store.updateSink({ ...sink, enabled: false })).toBe(true);
      expect((await store.getSink(sink.id))?.enabled).toBe(false);
      expect(await store.deleteSink(sink.id)).toBe(true);
      expect(await store.getSink(sink.id)).toBeUndefined();
      expect(await store.deleteSink(sink.id)).toBe(false);
    });

    it('refuses a second sink of one name, and a rename to a taken name, with 409 sink-name-taken', async () => {
      const first = sampleSink();
      const second = sampleSink();
      await store.createSink(first);
      await store.createSink(second);
      const taken = { status: 409, code: 'sink-name-taken' };
      await expect(store.createSink(sampleSink({ name: first.name }))).rejects.toMatchObject(taken);
      await expect(store.updateSink({ ...second, name: first.name })).rejects.toMatchObject(taken);
      expect((await store.getSink(second.id))?.name).toBe(second.name);
    });

    it('writes a change and its audit event together, and no audit event for a change to nothing', async () => {
      const sink = sampleSink();
      const created = sampleEvent({ event: 'hookgate.sink.created' });
      await store.createSink(sink, created);
      expect((await store.readEvent(created.id))?.event).toBe('hookgate.sink.created');
      const updated = sampleEvent({ event: 'hookgate.sink.updated' });
      expect(await store.updateSink({ ...sink, enabled: false }, updated)).toBe(true);
      expect(await store.readEvent(updated.id)).toBeDefined();
      const deleted = sampleEvent({ event: 'hookgate.sink.deleted' });
      expect(await store.deleteSink(sink.id, deleted)).toBe(true);
      expect(await store.readEvent(deleted.id)).toBeDefined();
      const nothing = [sampleEvent(), sampleEvent()];
      expect(await store.deleteSink(sink.id, nothing[0])).toBe(false);
      expect(await store.updateSink(sink, nothing[1])).toBe(false);
      const refused = sampleEvent();
      await store.createSink(sampleSink({ name: 'taken' }));
      await expect(store.createSink(sampleSink({ name: 'taken' }), refused)).rejects.toMatchObject({ status: 409 });
      for (const event of [...nothing, refused]) expect(await store.readEvent(event.id)).toBeUndefined();
    });

    it('queues every new event for each enabled sink in the write, not duplicates, not for disabled or later sinks', async () => {
      const early = sampleEvent();
      await store.writeEvents([early]);
      const on = sampleSink();
      const off = sampleSink({ enabled: false });
      await store.createSink(on);
      await store.createSink(off);
      const a = sampleEvent();
      const b = sampleEvent();
      await store.writeEvents([a, b, a]);
      await store.writeEvents([{ ...early, event: 'again' }]);
      expect((await store.sinkCounters(on.id))?.pending).toBe(2);
      expect((await store.sinkCounters(off.id))?.pending).toBe(0);
      const claim = await store.claimOutbox(on, claimAt('t1'));
      expect(claim.events.map((e) => e.event.id)).toEqual([a.id, b.id]);
      expect(claim.events[0]?.attempts).toBe(1);
    });

    it('leases claimed rows: not claimed again until the lease expires, then taken over', async () => {
      const sink = sampleSink();
      await store.createSink(sink);
      await store.writeEvents([sampleEvent(), sampleEvent()]);
      expect((await store.claimOutbox(sink, claimAt('first'))).events).toHaveLength(2);
      expect((await store.claimOutbox(sink, claimAt('second', NOW + 1e6))).events).toHaveLength(0);
      expect(await store.dueSinks(NOW + 1e6)).toEqual([]);
      expect((await store.dueSinks(NOW + 31e6)).map((d) => d.sink.id)).toEqual([sink.id]);
      const taken = await store.claimOutbox(sink, claimAt('third', NOW + 31e6));
      expect(taken.events.map((e) => e.attempts)).toEqual([2, 2]);
      // The first claimant's late settlement touches nothing: its lease is gone.
      await store.settleOutbox(sink.id, 'first', settled({ delivered: taken.events.map((e) => e.event.id) }));
      expect((await store.sinkCounters(sink.id))?.pending).toBe(2);
    });

    it('keeps from retention every event a sink has pending, until it is settled', async () => {
      const sink = sampleSink();
      await store.createSink(sink);
      const pending = sampleEvent();
      await store.writeEvents([pending]);
      const future = Date.now() * 1000 + 60e6;
      expect(await store.pruneEvents(future, 10)).toBe(0);
      expect(await store.readEvent(pending.id)).toBeDefined();
      const claim = await store.claimOutbox(sink, claimAt('t'));
      await store.settleOutbox(sink.id, 't', settled({ delivered: claim.events.map((e) => e.event.id) }));
      expect(await store.pruneEvents(future, 10)).toBe(1);
      expect(await store.readEvent(pending.id)).toBeUndefined();
    });

    it('limits a claim and orders it by arrival', async () => {
      const sink = sampleSink();
      await store.createSink(sink);
      const events = [sampleEvent(), sampleEvent(), sampleEvent()];
      for (const event of events) await store.writeEvents([event]);
      const claim = await store.claimOutbox(sink, claimAt('t', NOW, 2));
      expect(claim.events.map((e) => e.event.id)).toEqual([events[0]?.id, events[1]?.id]);
    });

    it("drops claimed rows the sink's filter refuses", async () => {
      const sink = sampleSink({ filter: EventFilter.parse({ event: { prefix: ['github.'] } }) });
      await store.createSink(sink);
      const wanted = sampleEvent({ event: 'github.push' });
      await store.writeEvents([sampleEvent({ event: 'stripe.charge' }), wanted]);
      const claim = await store.claimOutbox(sink, claimAt('t'));
      expect(claim.events.map((e) => e.event.id)).toEqual([wanted.id]);
      expect((await store.sinkCounters(sink.id))?.pending).toBe(1);
    });

    it('settles a claim: delivered rows go, retried rows wait, rejected rows become dead letters', async () => {
      const sink = sampleSink();
      await store.createSink(sink);
      const [ok, later, bad] = [sampleEvent(), sampleEvent(), sampleEvent()];
      await store.writeEvents([ok, later, bad]);
      await store.claimOutbox(sink, claimAt('t'));
      await store.settleOutbox(
        sink.id,
        't',
        settled({
          delivered: [ok.id],
          retry: [later.id],
          retryAtMicros: NOW + 5e6,
          dead: [{ eventId: bad.id, reason: 'rejected', status: 422, excerpt: '{"detail":1}' }],
          state: 'retrying',
          failed: true,
          lastStatus: 422,
          lastError: 'rejected',
          nextAttemptMicros: NOW + 5e6,
        }),
      );
      const counters = await store.sinkCounters(sink.id);
      expect(counters).toMatchObject({
        pending: 1,
        deadLetters: 1,
        delivered: 1,
        retries: 1,
        state: 'retrying',
        lastStatus: 422,
      });
      expect(await store.dueSinks(NOW + 1e6)).toEqual([]);
      expect((await store.dueSinks(NOW + 6e6))[0]?.failures).toBe(1);
      const [letter] = await store.listDeadLetters(sink.id, 10);
      expect(letter).toMatchObject({ eventId: bad.id, reason: 'rejected', status: 422, excerpt: '{"detail":1}' });
      expect(letter?.event?.id).toBe(bad.id);
      expect(await store.retryDeadLetters(sink.id)).toBe(1);
      expect((await store.sinkCounters(sink.id))?.deadLetters).toBe(0);
      expect((await store.sinkCounters(sink.id))?.pending).toBe(2);
    });

    it('replays events received since a time, without duplicating pending rows', async () => {
      const before = sampleEvent();
      await store.writeEvents([before]);
      const sink = sampleSink();
      await store.createSink(sink);
      await store.writeEvents([sampleEvent()]);
      expect(await store.replaySink(sink.id, 0, 1000)).toBe(1);
      expect((await store.sinkCounters(sink.id))?.pending).toBe(2);
      expect(await store.replaySink(sink.id, 0, 1000)).toBe(0);
    });

    it('deleting a sink removes its outbox and dead letters', async () => {
      const sink = sampleSink();
      await store.createSink(sink);
      await store.writeEvents([sampleEvent()]);
      await store.deleteSink(sink.id);
      expect(await store.sinkCounters(sink.id)).toBeUndefined();
      await store.createSink(sink);
      expect((await store.sinkCounters(sink.id))?.pending).toBe(0);
    });
  });
}
