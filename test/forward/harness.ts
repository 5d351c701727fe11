/** A forwarding rig for tests: a real SQLite store, a sink at a real local server, Node's sender and a clock the test moves. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeSinkSend } from '../../src/adapter/node/sink-send';
import { drainSinks, type ForwardDeps } from '../../src/core/forward/forwarder';
import type { Event } from '../../src/schemas/event';
import type { Sink, SinkTarget } from '../../src/schemas/sink';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { sampleEvent, sampleSink } from '../store/samples';

export interface Rig {
  store: Store;
  sink: Sink;
  deps: ForwardDeps;
  file: string;
  /** Moves the test's clock on. */
  advance(ms: number): void;
  /** Drains until nothing is due (at most `rounds` drains). */
  drain(rounds?: number): Promise<number>;
  close(): Promise<void>;
}

export const REQUEST_TIMEOUT_MS = 1500;

export async function openRig(target: SinkTarget, sinkOverrides: Partial<Sink> = {}): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-forward-'));
  const file = join(dir, 'hookgate.db');
  const store = createSqliteStore({ filename: file, migrations: readMigrations() });
  const sink = sampleSink({ target, ...sinkOverrides });
  await store.createSink(sink);
  let clock = Date.now();
  const send = createNodeSinkSend({ allowPrivate: true, timeoutMs: REQUEST_TIMEOUT_MS });
  const deps: ForwardDeps = {
    store,
    send,
    now: () => clock,
    claimant: 'test',
    leaseMs: 60_000,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    random: () => 0.5,
  };
  return {
    store,
    sink,
    deps,
    file,
    advance(ms) {
      clock += ms;
    },
    async drain(rounds = 20) {
      let sent = 0;
      for (let i = 0; i < rounds; i++) {
        const report = await drainSinks(deps);
        sent += report.sent;
        if (!report.more) break;
      }
      return sent;
    },
    async close() {
      send.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `n` events stamped now (a real Prefect reads back recent events only). */
export function recentEvents(n: number, overrides: Partial<Event> = {}): Event[] {
  const occurred = new Date().toISOString();
  return Array.from({ length: n }, () => sampleEvent({ occurred, id: crypto.randomUUID(), ...overrides }));
}
