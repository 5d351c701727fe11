/**
 * How the Node driver writes events: on a writer thread (SQLite's work runs beside the event loop,
 * on another core) or inline (the same thread). Both group-commit and resolve each call only after
 * its transaction committed; neither blocks the event loop while another process holds a lock. A writer thread that dies fails its pending calls as "unavailable"
 * (503, the sender retries) and is started again on the next write.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '../../lib/errors';
import { createGroupCommit, type Outcome, writeIsolated } from '../group-commit';
import type { EventWrite } from '../sql/statements';
import type { WriteResult } from '../types';
import { LOCK_WAIT_MS, writeRetryingLocked } from './lock-wait';
import { threadEntry } from './thread-entry';
import { createRowWriter, writing } from './writes';

export interface WriterSettings {
  filename: string;
  synchronous: 'NORMAL' | 'FULL';
  /** How long a write waits for another process's lock (LOCK_WAIT_MS). */
  lockWaitMs: number;
  /** The WAL size the checkpoint thread keeps to (./checkpointer.ts). */
  walCapBytes: number;
}

type WireOutcome = { ok: true; result: WriteResult } | { ok: false; unavailable: boolean; message: string };

export type WriterRequest = { type: 'write'; id: number; calls: (readonly EventWrite[])[] } | { type: 'close' };
export type WriterReply = { type: 'done'; id: number; outcomes: WireOutcome[] } | { type: 'closed' };

/** Told of each batch of calls once written (the checkpointer counts the WAL they add). */
export type Committed = (calls: readonly (readonly EventWrite[])[]) => void;

export interface EventWriter {
  write(writes: EventWrite[]): Promise<WriteResult>;
  /** Resolves once every write asked for has committed. */
  close(): Promise<void>;
}

/** Tracks the calls in flight so `close()` can wait for them. */
function tracked(write: (writes: EventWrite[]) => Promise<WriteResult>) {
  const inFlight = new Set<Promise<unknown>>();
  return {
    write(writes: EventWrite[]) {
      const promise = write(writes);
      inFlight.add(promise);
      promise.then(
        () => inFlight.delete(promise),
        () => inFlight.delete(promise),
      );
      return promise;
    },
    drain: () => Promise.allSettled([...inFlight]),
  };
}

/** On the event loop: a locked database is waited for with timers, never inside SQLite (`lock-wait.ts`). */
export function createInlineWriter(
  db: Database.Database,
  checkFile: () => void,
  lockWaitMs = LOCK_WAIT_MS,
  committed: Committed = () => {},
): EventWriter {
  const writeRows = createRowWriter(db);
  const writeBatch = (calls: readonly (readonly EventWrite[])[]) =>
    writeIsolated((c) => {
      checkFile();
      return writing(() => writeRows(c));
    }, calls);
  const commit = createGroupCommit<EventWrite>(async (calls) => {
    const outcomes = await writeRetryingLocked(writeBatch, calls, lockWaitMs);
    committed(calls);
    return outcomes;
  }, setImmediate);
  const { write, drain } = tracked(commit);
  return {
    write,
    async close() {
      await drain();
    },
  };
}

const THREAD = threadEntry('sqlite-writer-thread.mjs', 'writer-thread.ts');

function fromWire(outcome: WireOutcome): Outcome {
  if (outcome.ok) return outcome;
  return { ok: false, error: outcome.unavailable ? new StoreUnavailableError(outcome.message) : new Error(outcome.message) };
}

export function createThreadWriter(settings: WriterSettings, committed: Committed = () => {}): EventWriter {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<
    number,
    { calls: readonly (readonly EventWrite[])[]; resolve(outcomes: Outcome[]): void; reject(error: unknown): void }
  >();

  function failAll(reason: string): void {
    for (const { reject } of waiting.values()) reject(new StoreUnavailableError(`the event store's writer stopped (${reason})`));
    waiting.clear();
    worker = undefined;
  }

  function start(): Worker {
    const started = new Worker(THREAD.url, { workerData: settings, argv: THREAD.argv });
    started.on('message', (reply: WriterReply) => {
      if (reply.type !== 'done') return;
      const batch = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (batch) committed(batch.calls);
      batch?.resolve(reply.outcomes.map(fromWire));
    });
    started.on('error', (error) => failAll(error.message));
    started.on('exit', (code) => {
      if (worker === started) failAll(`exit ${code}`);
    });
    return started;
  }

  const send = (calls: readonly (readonly EventWrite[])[]): Promise<Outcome[]> =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      waiting.set(id, { calls, resolve, reject });
      worker.postMessage({ type: 'write', id, calls: [...calls] } satisfies WriterRequest);
    });
  const { write, drain } = tracked(createGroupCommit<EventWrite>(send, setImmediate));

  return {
    write,
    async close() {
      await drain();
      const current = worker;
      if (!current) return;
      worker = undefined;
      await new Promise<void>((resolve) => {
        current.once('exit', () => resolve());
        current.postMessage({ type: 'close' } satisfies WriterRequest);
      });
    },
  };
}
