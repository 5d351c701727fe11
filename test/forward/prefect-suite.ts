/**
 * What a `prefect` sink must do against any Prefect events API: run against the fake one in
 * test/helpers, and against a real Prefect server when PREFECT_SINK_URL is set (prefect-real.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SinkTarget } from '../../src/schemas/sink';
import { openRig, type Rig, recentEvents } from './harness';

export interface PrefectTarget {
  target: SinkTarget;
  /** The ids the server holds among `ids` (polling as a real Prefect stores asynchronously). */
  stored(ids: string[]): Promise<Set<string>>;
  /** The stored event for an id, to compare fields. */
  read(id: string): Promise<Record<string, unknown> | undefined>;
}

export function describePrefectSuite(name: string, open: () => Promise<PrefectTarget>): void {
  describe(`prefect sink: ${name}`, () => {
    let rig: Rig | undefined;
    afterEach(async () => {
      await rig?.close();
      rig = undefined;
    });

    it('forwards every stored event and leaves nothing pending', async () => {
      const prefect = await open();
      rig = await openRig(prefect.target);
      const events = recentEvents(25);
      await rig.store.writeEvents(events);
      expect((await rig.store.sinkCounters(rig.sink.id))?.pending).toBe(25);
      expect(await rig.drain()).toBe(25);
      const ids = events.map((e) => e.id);
      expect(await prefect.stored(ids)).toEqual(new Set(ids));
      expect(await rig.store.sinkCounters(rig.sink.id)).toMatchObject({ pending: 0, delivered: 25, state: 'ok', deadLetters: 0 });
      const first = await prefect.read(ids[0] as string);
      expect(first?.event).toBe(events[0]?.event);
    });

    it('sends a replayed event again and the server keeps the first write', async () => {
      const prefect = await open();
      rig = await openRig(prefect.target);
      const [event] = recentEvents(1);
      await rig.store.writeEvents([event as never]);
      await rig.drain();
      expect(await rig.store.replaySink(rig.sink.id, 0, 100)).toBe(1);
      expect(await rig.drain()).toBe(1);
      expect(await prefect.stored([event?.id as string])).toEqual(new Set([event?.id]));
    });
  });
}
