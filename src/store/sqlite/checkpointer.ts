/**
 * Checkpoints off the commit path (issue 16): the writing connections run with
 * `wal_autocheckpoint = 0`, and a small worker thread (./checkpoint-thread.ts) checkpoints on its
 * own connection, on a timer and whenever CHECKPOINT_AFTER_BYTES were written since the last nudge.
 * Durability is unchanged: a commit is durable in the WAL (synchronous NORMAL or FULL as
 * configured); checkpoints only move pages into the database file. A thread that dies is started
 * again on the next nudge; `stop()` ends it, and an unreferenced thread never keeps a process alive.
 */
import { Worker } from 'node:worker_threads';

/** Checkpoint at least this often while the WAL holds anything (a few hundred ms keeps hot pages from being copied over and over). */
export const CHECKPOINT_EVERY_MS = 500;
/** And as soon as about this much was written (≈ SQLite's own default of 1000 pages). */
export const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024;
/** Nudges closer together than this are one turn. */
export const CHECKPOINT_MIN_GAP_MS = 50;
/**
 * A WAL file larger than this is truncated (a TRUNCATE checkpoint) once no reader needs it; below
 * it, the file is kept and written over (growing a file costs more than reusing it).
 */
export const WAL_CAP_BYTES = 16 * 1024 * 1024;

export interface CheckpointSettings {
  filename: string;
  everyMs: number;
  minGapMs: number;
  walCapBytes: number;
}

export type CheckpointRequest = 'nudge' | 'stop';

export interface Checkpointer {
  /** Tells the checkpointer that about `bytes` were committed. */
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

export function startCheckpointer(filename: string, overrides: Partial<Omit<CheckpointSettings, 'filename'>> = {}): Checkpointer {
  const settings: CheckpointSettings = {
    filename,
    everyMs: CHECKPOINT_EVERY_MS,
    minGapMs: CHECKPOINT_MIN_GAP_MS,
    walCapBytes: WAL_CAP_BYTES,
    ...overrides,
  };
  let worker: Worker | undefined;
  let stopped = false;
  let pending = 0;

  function start(): Worker {
    const started = new Worker(THREAD_URL, { workerData: settings, argv: THREAD_ARGV });
    started.unref();
    // A thread that failed is started again on the next nudge; meanwhile the WAL only grows.
    started.on('error', () => {});
    started.on('exit', () => {
      if (worker === started) worker = undefined;
    });
    return started;
  }
  worker = start();

  return {
    wrote(bytes) {
      pending += bytes;
      if (pending < CHECKPOINT_AFTER_BYTES || stopped) return;
      pending = 0;
      worker ??= start();
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
