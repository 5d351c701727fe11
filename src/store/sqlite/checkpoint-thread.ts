/**
 * The SQLite checkpoint thread: its own connection copies the WAL back into the database file
 * (PASSIVE: beside readers and writers, never waiting for them) every CHECKPOINT_EVERY_MS and when
 * the main thread says enough was written, so the page copying and its fsyncs never run inside a
 * commit on the event loop. Under steady writes a passive checkpoint never quite catches up, so the
 * WAL would only grow: past its cap, a RESTART finishes the copy and lets the next commit write the
 * WAL from its start again (the file is reused, cut back to the cap); a file twice the cap (after a
 * burst, or a reader that held an old snapshot) is truncated. Both take the write lock briefly: they
 * wait up to CHECKPOINT_RESTART_WAIT_MS for a commit in progress (writers meeting them wait on timers,
 * never in SQLite on the event loop), else give up until the next turn.
 * @see https://www.sqlite.org/wal.html#ckpt
 * @see https://www.sqlite.org/pragma.html#pragma_wal_checkpoint
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CheckpointRequest, CheckpointSettings } from './checkpointer';

const settings = workerData as CheckpointSettings;
const db = new Database(settings.filename);
db.pragma('busy_timeout = 0');
// Checkpoints copy from the WAL to the file without the page cache: keep it small.
db.pragma('cache_size = -256');
let last = 0;

const pageSize = db.pragma('page_size', { simple: true }) as number;

/** Frames in the WAL after the checkpoint (0 when it could not run). */
function checkpoint(mode: 'PASSIVE' | 'RESTART' | 'TRUNCATE'): number {
  // A restart waits (here, on this thread) for the commit in progress; writers that meet it meanwhile wait on timers.
  db.pragma(`busy_timeout = ${mode === 'PASSIVE' ? 0 : settings.restartWaitMs}`);
  try {
    const [result] = db.pragma(`wal_checkpoint(${mode})`) as { log: number }[];
    return result?.log ?? 0;
  } catch {
    // Busy or locked: the next turn tries again; nothing is lost meanwhile (the frames stay in the WAL).
    return 0;
  }
}

function walBytes(): number {
  return statSync(`${settings.filename}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}

function turn(): void {
  const now = Date.now();
  if (now - last < settings.minGapMs) return;
  last = now;
  const frames = checkpoint('PASSIVE');
  if (walBytes() > 2 * settings.walCapBytes) checkpoint('TRUNCATE');
  else if (frames * pageSize > settings.walCapBytes) checkpoint('RESTART');
}

const timer = setInterval(turn, settings.everyMs);
parentPort?.on('message', (message: CheckpointRequest) => {
  if (message === 'nudge') return turn();
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
