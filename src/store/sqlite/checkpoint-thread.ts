/**
 * The SQLite checkpoint thread: its own connection copies the WAL back into the database file
 * (PASSIVE: beside readers and writers, never waiting for them) every CHECKPOINT_EVERY_MS and when
 * the main thread says enough was written, so the page copying and its fsyncs never run inside a
 * commit on the event loop. When the WAL file has grown past its cap (a checkpoint could not keep up
 * while readers held old snapshots), a TRUNCATE resets it; with a busy timeout of 0 it gives up at
 * once rather than hold writers back, and is tried again on the next turn.
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
let last = 0;

function checkpoint(mode: 'PASSIVE' | 'TRUNCATE'): void {
  try {
    db.pragma(`wal_checkpoint(${mode})`);
  } catch {
    // Busy or locked: the next turn tries again; nothing is lost meanwhile (the frames stay in the WAL).
  }
}

function walBytes(): number {
  return statSync(`${settings.filename}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}

function turn(): void {
  const now = Date.now();
  if (now - last < settings.minGapMs) return;
  last = now;
  checkpoint('PASSIVE');
  if (walBytes() > settings.walCapBytes) checkpoint('TRUNCATE');
}

const timer = setInterval(turn, settings.everyMs);
parentPort?.on('message', (message: CheckpointRequest) => {
  if (message === 'nudge') return turn();
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
