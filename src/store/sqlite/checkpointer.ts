/**
 * Checkpoints off the commit path (issue 16): the writing connections run with
 * `wal_autocheckpoint = 0`, and a small worker thread (./checkpoint-thread.ts) checkpoints on its
 * own connection, on a timer and whenever CHECKPOINT_AFTER_BYTES were written since the last nudge.
 * Durability is unchanged: a commit is durable in the WAL (synchronous NORMAL or FULL as
 * configured); checkpoints only move pages into the database file. The thread starts with the first
 * write; one that dies is started again by a later one, after a pause that doubles with each
 * failure; after MAX_THREAD_FAILURES in a row the thread is given up (and said so), and `fallback`
 * checkpoints on this thread on the timer instead, so the WAL stays bounded whatever happens.
 * `stop()` ends it, and an unreferenced thread never keeps a process alive.
 */
import { Worker } from 'node:worker_threads';
import type { EventWrite } from '../sql/statements';
import { FROM_SOURCES, threadEntry } from './thread-entry';

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

/** Failures in a row after which the thread is given up for checkpoints on the store's own thread. */
export const MAX_THREAD_FAILURES = 3;
/** The pause before starting a thread again after its first failure (doubled after each next one). */
const RESTART_PAUSE_MS = 1000;

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

const THREAD = threadEntry('sqlite-checkpoint-thread.mjs', 'checkpoint-thread.ts');
/** From sources the thread also loads the TypeScript loader, which needs more room. */
const THREAD_LIMITS = FROM_SOURCES ? undefined : { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16, codeRangeSizeMb: 4 };

export interface CheckpointFallback {
  /** A PASSIVE checkpoint on the store's own connection: what runs once the thread is given up. */
  checkpoint(): void;
  /** Told once, when the thread is given up. */
  gaveUp(error: Error): void;
}

export function startCheckpointer(
  filename: string,
  overrides: Partial<Omit<CheckpointSettings, 'filename'>> = {},
  fallback?: CheckpointFallback,
): Checkpointer {
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
  let failures = 0;
  let startAfter = 0;
  let fallbackTimer: ReturnType<typeof setInterval> | undefined;

  /** A thread that ran this long before it failed counts as a first failure again. */
  const HEALTHY_RUN_MS = 60_000;
  let startedAt = 0;

  function failed(error: Error): void {
    failures = Date.now() - startedAt > HEALTHY_RUN_MS ? 1 : failures + 1;
    startAfter = Date.now() + RESTART_PAUSE_MS * 2 ** (failures - 1);
    if (failures < MAX_THREAD_FAILURES || fallbackTimer || stopped) return;
    fallback?.gaveUp(error);
    fallbackTimer = setInterval(() => {
      try {
        fallback?.checkpoint();
      } catch {
        // Busy or locked: the next tick tries again.
      }
    }, settings.everyMs);
    fallbackTimer.unref();
  }

  function start(): Worker | undefined {
    if (fallbackTimer || Date.now() < startAfter) return undefined;
    startedAt = Date.now();
    // A small heap: the thread holds a connection and a timer (its memory counts against the gateway's).
    let started: Worker;
    try {
      started = new Worker(THREAD.url, { workerData: settings, argv: THREAD.argv, resourceLimits: THREAD_LIMITS });
    } catch (error) {
      failed(error as Error);
      return undefined;
    }
    started.unref();
    started.on('error', (error) => failed(error));
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
      if (pending < settings.afterBytes || !worker) return;
      pending = 0;
      worker.postMessage('nudge' satisfies CheckpointRequest);
    },
    async stop() {
      stopped = true;
      if (fallbackTimer) clearInterval(fallbackTimer);
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
