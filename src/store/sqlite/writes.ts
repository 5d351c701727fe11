/**
 * Writing prepared event rows to SQLite, in one transaction for several calls: what the Node
 * driver runs on its writer thread (or inline), and the one place its "cannot write now" errors
 * are recognised.
 */
import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '../../lib/errors';
import { COUNT_DAY, DayTally } from '../sql/day-counts';
import * as SQL from '../sql/statements';
import type { WriteResult } from '../types';
import { StoreLockedError } from './lock-wait';

const UNAVAILABLE_CODES = /^SQLITE_(READONLY|BUSY|LOCKED|FULL|IOERR|CANTOPEN|PERM|NOMEM)/;
const LOCKED_CODES = /^SQLITE_(BUSY|LOCKED)/;

/** True for errors that mean "cannot write now" (read-only file, disk full, locked, …). */
export function isUnavailable(code: string | undefined): boolean {
  return UNAVAILABLE_CODES.test(code ?? '');
}

/** Runs `write`, turning "cannot write now" into `StoreUnavailableError` (503 + Retry-After). */
export function writing<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (LOCKED_CODES.test(code ?? '')) throw new StoreLockedError(`the event store is locked by another process (${code})`);
    if (isUnavailable(code)) throw new StoreUnavailableError(`the event store cannot write right now (${code})`);
    throw error;
  }
}

/** SQLite's own wait for a lock while the store opens (migrations), before any request is served. */
export const START_BUSY_TIMEOUT_MS = 5000;

/**
 * Connection settings for a writing connection. `busyTimeoutMs` is 0 once requests are served
 * (locks are waited for with timers, `lock-wait.ts`); START_BUSY_TIMEOUT_MS while the store opens.
 */
export function configureWriter(db: Database.Database, synchronous: 'NORMAL' | 'FULL', busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -8192');
}

/**
 * Leaves checkpoints to the checkpoint thread (./checkpointer.ts): none inside a commit. The WAL
 * file is cut back to WAL_CAP_BYTES whenever it restarts from the beginning.
 */
export function checkpointElsewhere(db: Database.Database, walCapBytes: number): void {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${walCapBytes}`);
}

/**
 * A function writing several calls' rows in one transaction: one result per call. Each event
 * inserted gets its resource rows by plain prepared INSERTs (its seq is the insert's rowid; a
 * trigger's inserts do not move it), and the day counts get one upsert per (day, name) at the end.
 */
export function createRowWriter(db: Database.Database): (calls: readonly (readonly SQL.EventWrite[])[]) => WriteResult[] {
  const insertEvent = db.prepare(SQL.INSERT_EVENT);
  const insertResource = db.prepare(SQL.INSERT_RESOURCE);
  const countDay = db.prepare(COUNT_DAY);
  return db.transaction((calls: readonly (readonly SQL.EventWrite[])[]) => {
    const days = new DayTally();
    const results = calls.map((writes) => {
      let written = 0;
      for (const write of writes) {
        const inserted = insertEvent.run(...write.event);
        if (inserted.changes === 0) continue;
        written += 1;
        for (const [resourceId, role, labels] of write.resources) {
          insertResource.run(inserted.lastInsertRowid, write.occurred, resourceId, role, labels);
        }
        days.add(write.day, write.name);
      }
      return { written, duplicates: writes.length - written };
    });
    for (const row of days.rows()) countDay.run(...row);
    return results;
  });
}
