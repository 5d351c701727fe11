/**
 * Two drains on one PostgreSQL database, as two gateway processes (a pool each): claiming one
 * sink's outbox at the same time, they never get the same row, and between them deliver every
 * event once, to a real local Prefect-like server too. Claims lock with SKIP LOCKED
 * (src/store/sql/sinks.ts), so neither waits for the other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeSinkSend } from '../../src/adapter/node/sink-send';
import { drainSinks } from '../../src/core/forward/forwarder';
import { readPostgresMigrations } from '../../src/store/migrations-fs';
import { createPostgresStore } from '../../src/store/postgres';
import type { Store } from '../../src/store/types';
import { recentEvents } from '../forward/harness';
import { startFakePrefect } from '../helpers/fake-prefect';
import { createTestPostgresStore, postgresUrl, type TestPostgresStore } from '../helpers/postgres';
import { sampleEvent, sampleSink } from '../store/samples';

const EVENTS = 300;
const CLAIM_LIMIT = 7;
/** Claims each drain runs side by side (each pool holds 4 connections). */
const PARALLEL_CLAIMS = 6;
const MAX_ROUNDS = 200;

let harness: TestPostgresStore;
let other: Store;
beforeEach(() => {
  harness = createTestPostgresStore();
  other = createPostgresStore({ url: postgresUrl(), schema: harness.schema, migrations: readPostgresMigrations(), max: 4 });
});
afterEach(async () => {
  await other.close();
  await harness.cleanup();
});

describe('claiming one outbox from two processes', () => {
  it('never hands the same row to two claims, and drains every event', async () => {
    const sink = sampleSink();
    await harness.store.createSink(sink);
    const events = Array.from({ length: EVENTS }, () => sampleEvent());
    for (let i = 0; i < EVENTS; i += 50) await harness.store.writeEvents(events.slice(i, i + 50));

    const claimed: string[] = [];
    let tokens = 0;
    /** One drain: rounds of parallel claims; every claimed row is settled as delivered. Stops when a round gets nothing. */
    const drain = async (store: Store, name: string) => {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const nowMicros = Date.now() * 1000;
        const claims = await Promise.all(
          Array.from({ length: PARALLEL_CLAIMS }, async () => {
            const token = `${name}-${++tokens}`;
            const claim = await store.claimOutbox(sink, {
              token,
              nowMicros,
              leaseUntilMicros: nowMicros + 600e6,
              limit: CLAIM_LIMIT,
            });
            return claim;
          }),
        );
        const ids = claims.flatMap((claim) => claim.events.map((e) => e.event.id));
        if (ids.length === 0) return;
        claimed.push(...ids);
        for (const claim of claims) {
          const delivered = claim.events.map((e) => e.event.id);
          await store.settleOutbox(sink.id, claim.token, {
            delivered,
            retry: [],
            retryAtMicros: 0,
            dead: [],
            state: 'ok',
            failed: false,
            lastStatus: 204,
            lastError: null,
            nowMicros,
            nextAttemptMicros: 0,
          });
        }
      }
    };
    await Promise.all([drain(harness.store, 'a'), drain(other, 'b')]);

    expect(claimed).toHaveLength(EVENTS);
    expect(new Set(claimed).size).toBe(EVENTS);
    expect(new Set(claimed)).toEqual(new Set(events.map((e) => e.id)));
    expect((await harness.store.sinkCounters(sink.id))?.pending).toBe(0);
    expect((await harness.store.sinkCounters(sink.id))?.delivered).toBe(EVENTS);
  });

  it('two forwarding loops deliver every event to the sink exactly once between them', async () => {
    const prefect = await startFakePrefect();
    const send = createNodeSinkSend({ allowPrivate: true, timeoutMs: 2000 });
    try {
      const sink = sampleSink({ target: { kind: 'prefect', url: prefect.url }, batchSize: 10 });
      await harness.store.createSink(sink);
      const events = recentEvents(300);
      for (let i = 0; i < events.length; i += 30) await harness.store.writeEvents(events.slice(i, i + 30));
      const drainer = async (store: Store, claimant: string) => {
        const deps = { store, send, claimant, now: Date.now, leaseMs: 60_000, requestTimeoutMs: 2000, random: () => 0.5 };
        for (let round = 0; round < MAX_ROUNDS; round++) {
          const report = await drainSinks(deps);
          if (report.sent === 0 && !report.more) return;
        }
      };
      await Promise.all([drainer(harness.store, 'a'), drainer(other, 'b')]);
      expect(prefect.received).toHaveLength(300);
      expect(new Set(prefect.received).size).toBe(300);
      expect((await harness.store.sinkCounters(sink.id))?.pending).toBe(0);
    } finally {
      send.close();
      await prefect.close();
    }
  });
});
