/**
 * Checkpoints off the commit path (issue 16): the writing connections run with
 * `wal_autocheckpoint = 0`, and a small worker thread (./checkpoint-thread.ts) checkpoints on its
 * own connection, on a timer and whenever CHECKPOINT_AFTER_BYTES were written since the last nudge.
 * Durability is unchanged: a commit is durable in the WAL (synchronous NORMAL or FULL as
 * configured); checkpoints only move pages into the database file. The thread starts with the first
 * write; one that dies is started again by the next; `stop()` ends it, and an unreferenced thread never keeps a process alive.
 */
import { Worker } from 'node:worker_threads';
import type { EventWrite } from '../sql/statements';

/** Checkpoint at least this often while the WAL holds anything (a few hundred ms keeps hot pages from being copied over and over). */
export const CHECKPOINT_EVERY_MS = 500;
/** And as soon as about this much WAL was written (≈ SQLite's own default of 1000 pages). */
export const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024;
/** WAL one transaction of events writes besides their rows: the table and index pages it touches. */
const WAL_BYTES_PER_TRANSACTION = 64 * 1024;
/** And per byte of event bodies: the row, its overflow pages, its resources and index entries. */
const WAL_BYTES_PER_BODY_BYTE = 1.5;
/** How long a RESTART or TRUNCATE waits for the commit in progress (on the checkpoint thread). */
export const CHECKPOINT_RESTART_WAIT_MS = 50;
/** Nudges closer together than this are one turn. */
export const CHECKPOINT_MIN_GAP_MS = 50;
/**
 * A WAL holding more than this is restarted (written again from its start, the file cut back to
 * this size), and a file twice as large truncated, once no reader needs it: below it, the file is
 * kept and written over (growing a file costs more than reusing it).
 */
export const WAL_CAP_BYTES = 16 * 1024 * 1024;

export interface CheckpointSettings {
  filename: string;
  everyMs: number;
  /** WAL bytes between nudges: CHECKPOINT_AFTER_BYTES, or a quarter of a smaller cap. */
  afterBytes: number;
  minGapMs: number;
  restartWaitMs: number;
  walCapBytes: number;
}

export type CheckpointRequest = 'nudge' | 'stop';

/**
 * The WAL a transaction of `calls` writes, estimated (measured with 7 KB events: about 76 KB at one
 * event per transaction, 20 KB per event at 10, 10 KB at 100: whole pages are logged, so small
 * transactions log far more than their bodies).
 */
export function walBytesOf(calls: readonly (readonly EventWrite[])[]): number {
  let bodies = 0;
  for (const call of calls) for (const write of call) bodies += (write.event[6] as string).length;
  return WAL_BYTES_PER_TRANSACTION + bodies * WAL_BYTES_PER_BODY_BYTE;
}

export interface Checkpointer {
  /** Tells the checkpointer that about `bytes` of WAL were committed (0: some write, size unknown). */
  wrote(bytes: number): void;
  /** Ends the thread; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * The thread's entry: built JavaScript beside the bundle (`npm start` runs dist/), or, from
 * TypeScript sources (tests, tsx), the boot file that registers tsx first.
 */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const THREAD_URL = FROM_SOURCES
  ? new URL('./thread-boot.mjs', import.meta.url)
  : new URL('./sqlite-checkpoint-thread.mjs', import.meta.url);
const THREAD_ARGV = FROM_SOURCES ? ['./checkpoint-thread.ts'] : [];
/** From sources the thread also loads the TypeScript loader, which needs more room. */
const THREAD_LIMITS = FROM_SOURCES ? undefined : { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16, codeRangeSizeMb: 4 };

export function startCheckpointer(filename: string, overrides: Partial<Omit<CheckpointSettings, 'filename'>> = {}): Checkpointer {
  const walCapBytes = overrides.walCapBytes ?? WAL_CAP_BYTES;
  const settings: CheckpointSettings = {
    filename,
    everyMs: CHECKPOINT_EVERY_MS,
    afterBytes: Math.min(CHECKPOINT_AFTER_BYTES, walCapBytes / 4),
    minGapMs: CHECKPOINT_MIN_GAP_MS,
    restartWaitMs: CHECKPOINT_RESTART_WAIT_MS,
    walCapBytes,
    ...overrides,
  };
  let worker: Worker | undefined;
  let stopped = false;
  let pending = 0;

  function start(): Worker {
    // A small heap: the thread holds a connection and a timer (its memory counts against the gateway's).
    const started = new Worker(THREAD_URL, { workerData: settings, argv: THREAD_ARGV, resourceLimits: THREAD_LIMITS });
    started.unref();
    // A thread that failed is started again on the next nudge; meanwhile the WAL only grows.
    started.on('error', () => {});
    started.on('exit', () => {
      if (worker === started) worker = undefined;
    });
    return started;
  }

  return {
    wrote(bytes) {
      if (stopped) return;
      // Started by the first write: a store only read (or opened and closed by a test) needs no thread.
      worker ??= start();
      pending += bytes;
      if (pending < settings.afterBytes) return;
      pending = 0;
      worker.postMessage('nudge' satisfies CheckpointRequest);
    },
    async stop() {
      stopped = true;
      const current = worker;
      worker = undefined;
      if (!current) return;
      // Referenced while it winds down, so a caller awaiting this keeps its process alive.
      current.ref();
      await new Promise<void>((resolve) => {
        current.once('exit', () => resolve());
        current.postMessage('stop' satisfies CheckpointRequest);
      });
    },
  };
}
