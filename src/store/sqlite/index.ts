/**
 * The Node driver: better-sqlite3 on one file, WAL journal. Event writes are group-committed
 * (calls that arrive together share one transaction) on a writer thread or inline, and resolve
 * after the commit; any error that means "cannot write now" (read-only file, disk full, locked)
 * becomes `StoreUnavailableError`, so the sender is told to retry. Reads and webhook changes use
 * this thread's connection (WAL lets them run beside the writer).
 */
import Database from 'better-sqlite3';
import { MIGRATIONS_TABLE_SQL, type Migration, pendingMigrations } from '../migrate';
import { fromEventBody, fromWebhookRow, toWebhookRow, type WebhookRow } from '../rows';
import { countEvents, queryEvents, readEventsAfter } from '../sql/events';
import { createSinkStore } from '../sql/sink-store';
import * as SQL from '../sql/statements';
import type { SqlReader, Store } from '../types';
import { createWebhookCache } from '../webhook-cache';
import { createTransactor } from './transactor';
import { createInlineWriter, createThreadWriter } from './writer';
import { configureWriter, writing } from './writes';

export interface SqliteStoreOptions {
  /** Database file, or ':memory:'. */
  filename: string;
  migrations: readonly Migration[];
  /** `PRAGMA synchronous`: NORMAL survives a process crash; FULL also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Where events are written: `thread` (a writer thread with its own connection, so SQLite's work
   * runs beside the event loop) or `inline` (default; the same thread).
   */
  writer?: 'thread' | 'inline';
  /** Open an existing, migrated database without write access (writes then fail as unavailable). */
  readonly?: boolean;
  /** Clock for `received`, in microseconds since the epoch. */
  nowMicros?: () => number;
}

export function createSqliteStore(options: SqliteStoreOptions): Store {
  const synchronous = options.synchronous ?? 'NORMAL';
  const db = new Database(options.filename, { readonly: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    configureWriter(db, synchronous);
    applyMigrations(db, options.migrations);
  }
  const nowMicros = options.nowMicros ?? (() => Date.now() * 1000);
  // A writer thread needs a file both connections can open; ':memory:' and read-only stay inline.
  const threaded = options.writer === 'thread' && options.filename !== ':memory:' && !options.readonly;
  const events = threaded ? createThreadWriter({ filename: options.filename, synchronous }) : createInlineWriter(db);

  const reader: SqlReader = {
    async all<Row>(sql: string, params: readonly unknown[]) {
      return db.prepare(sql).all(...params) as Row[];
    },
  };
  const selectEvent = db.prepare(SQL.SELECT_EVENT_BODY);
  const selectOne = db.prepare(SQL.PING);
  const selectWebhook = db.prepare(SQL.SELECT_WEBHOOK);
  const selectWebhookBySlug = db.prepare(SQL.SELECT_WEBHOOK_BY_SLUG);
  const selectWebhooks = db.prepare(SQL.SELECT_WEBHOOKS);
  const insertWebhook = db.prepare(SQL.INSERT_WEBHOOK);
  const updateWebhook = db.prepare(SQL.UPDATE_WEBHOOK);
  const deleteWebhook = db.prepare(SQL.DELETE_WEBHOOK);

  const webhooks = createWebhookCache();
  const transactor = createTransactor(db);

  const write = writing;

  return {
    ...createSinkStore(transactor),
    async writeEvents(list) {
      if (list.length === 0) return { written: 0, duplicates: 0 };
      const received = nowMicros();
      return events.write(list.map((event) => SQL.eventWrite(event, received)));
    },
    async readEvent(id) {
      const row = selectEvent.get(id.toLowerCase()) as { body: string } | undefined;
      return row ? fromEventBody(row.body) : undefined;
    },
    queryEvents: (filter, page) => queryEvents(reader, filter, page),
    countEvents: (request) => countEvents(reader, request),
    readEventsAfter: (filter, after, limit) => readEventsAfter(reader, filter, after, limit),
    async ping() {
      selectOne.get();
    },
    async createWebhook(webhook) {
      write(() => insertWebhook.run(...SQL.insertWebhookParams(toWebhookRow(webhook))));
      webhooks.forget(webhook.id);
    },
    async getWebhook(id) {
      const row = selectWebhook.get(id) as WebhookRow | undefined;
      return row ? fromWebhookRow(row) : undefined;
    },
    async getWebhookBySlug(slug) {
      return webhooks.get(slug, () => {
        const row = selectWebhookBySlug.get(slug) as WebhookRow | undefined;
        return row ? fromWebhookRow(row) : undefined;
      });
    },
    async listWebhooks() {
      return (selectWebhooks.all() as WebhookRow[]).map(fromWebhookRow);
    },
    async updateWebhook(webhook) {
      webhooks.forget(webhook.id);
      return write(() => updateWebhook.run(...SQL.updateWebhookParams(toWebhookRow(webhook))).changes > 0);
    },
    async deleteWebhook(id) {
      webhooks.forget(id);
      return write(() => deleteWebhook.run(id).changes > 0);
    },
    async close() {
      await events.close();
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
