/**
 * The Node driver: better-sqlite3 on one file, WAL journal. Writes run in one transaction per
 * call and resolve after the commit; any error that means "cannot write now" (read-only file,
 * disk full, locked) becomes `StoreUnavailableError`, so the sender is told to retry.
 */
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../core/errors';
import type { Event } from '../schemas/event';
import { MIGRATIONS_TABLE_SQL, type Migration, pendingMigrations } from './migrate';
import { fromEventBody, fromWebhookRow, toWebhookRow, type WebhookRow } from './rows';
import { countEvents, queryEvents } from './sql/events';
import * as SQL from './sql/statements';
import type { SqlReader, Store, WriteResult } from './types';

export interface SqliteStoreOptions {
  /** Database file, or ':memory:'. */
  filename: string;
  migrations: readonly Migration[];
  /** `PRAGMA synchronous`: NORMAL survives a process crash; FULL also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL';
  /** Open an existing, migrated database without write access (writes then fail as unavailable). */
  readonly?: boolean;
  /** Clock for `received`, in microseconds since the epoch. */
  nowMicros?: () => number;
}

const UNAVAILABLE_CODES = /^SQLITE_(READONLY|BUSY|LOCKED|FULL|IOERR|CANTOPEN|PERM|NOMEM)/;

function unavailable(error: unknown): never {
  const code = (error as { code?: string }).code ?? '';
  if (UNAVAILABLE_CODES.test(code)) throw new StoreUnavailableError(`the event store cannot write right now (${code})`);
  throw error;
}

export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = new Database(options.filename, { readonly: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    applyMigrations(db, options.migrations);
  }
  const nowMicros = options.nowMicros ?? (() => Date.now() * 1000);

  const insertEvent = db.prepare(SQL.INSERT_EVENT);
  const insertResources = db.prepare(SQL.INSERT_RESOURCES);
  const writeAll = db.transaction((events: readonly Event[], received: number): WriteResult => {
    let written = 0;
    for (const event of events) {
      const write = SQL.eventWrite(event, received);
      if (insertEvent.run(...write.event).changes === 0) continue;
      written += 1;
      insertResources.run(...write.resources);
    }
    return { written, duplicates: events.length - written };
  });

  const reader: SqlReader = {
    async all<Row>(sql: string, params: readonly unknown[]) {
      return db.prepare(sql).all(...params) as Row[];
    },
  };
  const selectEvent = db.prepare(SQL.SELECT_EVENT_BODY);
  const selectWebhook = db.prepare(SQL.SELECT_WEBHOOK);
  const selectWebhookBySlug = db.prepare(SQL.SELECT_WEBHOOK_BY_SLUG);
  const selectWebhooks = db.prepare(SQL.SELECT_WEBHOOKS);
  const insertWebhook = db.prepare(SQL.INSERT_WEBHOOK);
  const updateWebhook = db.prepare(SQL.UPDATE_WEBHOOK);
  const deleteWebhook = db.prepare(SQL.DELETE_WEBHOOK);

  function write<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      return unavailable(error);
    }
  }

  return {
    async writeEvents(events) {
      if (events.length === 0) return { written: 0, duplicates: 0 };
      return write(() => writeAll(events, nowMicros()));
    },
    async readEvent(id) {
      const row = selectEvent.get(id.toLowerCase()) as { body: string } | undefined;
      return row ? fromEventBody(row.body) : undefined;
    },
    queryEvents: (filter, page) => queryEvents(reader, filter, page),
    countEvents: (request) => countEvents(reader, request),
    async createWebhook(webhook) {
      write(() => insertWebhook.run(...SQL.insertWebhookParams(toWebhookRow(webhook))));
    },
    async getWebhook(id) {
      const row = selectWebhook.get(id) as WebhookRow | undefined;
      return row ? fromWebhookRow(row) : undefined;
    },
    async getWebhookBySlug(slug) {
      const row = selectWebhookBySlug.get(slug) as WebhookRow | undefined;
      return row ? fromWebhookRow(row) : undefined;
    },
    async listWebhooks() {
      return (selectWebhooks.all() as WebhookRow[]).map(fromWebhookRow);
    },
    async updateWebhook(webhook) {
      return write(() => updateWebhook.run(...SQL.updateWebhookParams(toWebhookRow(webhook))).changes > 0);
    },
    async deleteWebhook(id) {
      return write(() => deleteWebhook.run(id).changes > 0);
    },
    async close() {
      db.close();
    },
  };
}

function applyMigrations(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec(MIGRATIONS_TABLE_SQL);
  const applied = new Set((db.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name));
  const record = db.prepare('INSERT INTO d1_migrations (name) VALUES (?)');
  for (const migration of pendingMigrations(migrations, applied)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.name);
    })();
  }
}
