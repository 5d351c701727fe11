/**
 * An online backup of the SQLite store while the gateway keeps serving: `VACUUM INTO` on a read-only
 * connection. It reads the database in ONE read transaction, so the copy is a consistent snapshot
 * (every committed event up to its start, nothing half-written), and in WAL mode the gateway's
 * writes go on meanwhile. The backup API (`db.backup()`) copies page by page and restarts when
 * another connection writes in between, which under steady traffic may never finish; VACUUM INTO
 * has no such restart, and the copy comes out compacted.
 * @see https://www.sqlite.org/lang_vacuum.html#vacuuminto
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface BackupResult {
  bytes: number;
  events: number;
}

/** Copies `source` (a hookgate database file) to `target`, which must not exist yet. */
export function backupSqlite(source: string, target: string): BackupResult {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} exists: choose a new file`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy at ${target} failed its check: ${String(check)}`);
    const { n } = copy.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    const pages = copy.pragma('page_count', { simple: true }) as number;
    const size = copy.pragma('page_size', { simple: true }) as number;
    return { bytes: pages * size, events: n };
  } finally {
    copy.close();
  }
}
