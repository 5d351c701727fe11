/**
 * Writing prepared event rows to SQLite, in one transaction for several calls: what the Node
 * driver runs on its writer thread (or inline), and the one place its "cannot write now" errors
 * are recognised.
 */
import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '../../lib/errors';
import * as SQL from '../sql/statements';
import type { WriteResult } from '../types';

const UNAVAILABLE_CODES = /^SQLITE_(READONLY|BUSY|LOCKED|FULL|IOERR|CANTOPEN|PERM|NOMEM)/;

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
    if (isUnavailable(code)) throw new StoreUnavailableError(`the event store cannot write right now (${code})`);
    throw error;
  }
}

/** Connection settings for a writing connection. */
export function configureWriter(db: Database.Database, synchronous: 'NORMAL' | 'FULL'): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -8192');
}

/** A function writing several calls' rows in one transaction: one result per call. */
export function createRowWriter(db: Database.Database): (calls: readonly (readonly SQL.EventWrite[])[]) => WriteResult[] {
  const insertEvent = db.prepare(SQL.INSERT_EVENT);
  const insertResources = db.prepare(SQL.INSERT_RESOURCES);
  return db.transaction((calls: readonly (readonly SQL.EventWrite[])[]) =>
    calls.map((writes) => {
      let written = 0;
      for (const write of writes) {
        if (insertEvent.run(...write.event).changes === 0) continue;
        written += 1;
        insertResources.run(...write.resources);
      }
      return { written, duplicates: writes.length - written };
    }),
  );
}
