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
import * as DELIVERIES from '../sql/deliveries';
import { countEvents, queryEvents, readEventsAfter } from '../sql/events';
import * as SQL from '../sql/statements';
import type { SqlReader, Store } from '../types';
import { createWebhookCache } from '../webhook-cache';
import { createFileGuard } from './file-guard';
import { LOCK_WAIT_MS, retryWhileLocked } from './lock-wait';
import { createInlineWriter, createThreadWriter } from './writer';
import { configureWriter, START_BUSY_TIMEOUT_MS, writing } from './writes';

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
  /** How long a write waits for another process's lock before failing as unavailable (LOCK_WAIT_MS). */
  lockWaitMs?: number;
  /** Clock for `received`, in microseconds since the epoch. */
  nowMicros?: () => number;
}

export function createSqliteStore(options: SqliteStoreOptions): Store {
  const synchronous = options.synchronous ?? 'NORMAL';
  const db = new Database(options.filename, { readonly: options.readonly ?? false });
  // Migrations at start may wait for a lock; afterwards this connection, on the event loop, never
  // sleeps in SQLite: its writes wait for locks with timers (lock-wait.ts), and reads need no lock in WAL.
  db.pragma(`busy_timeout = ${START_BUSY_TIMEOUT_MS}`);
  if (!options.readonly) {
    configureWriter(db, synchronous, START_BUSY_TIMEOUT_MS);
    applyMigrations(db, options.migrations);
  }
  db.pragma('busy_timeout = 0');
  const checkFile = createFileGuard(options.filename);
  const nowMicros = options.nowMicros ?? (() => Date.now() * 1000);
  // A writer thread needs a file both connections can open; ':memory:' and read-only stay inline.
  const threaded = options.writer === 'thread' && options.filename !== ':memory:' && !options.readonly;
  const events = threaded
    ? createThreadWriter({ filename: options.filename, synchronous, lockWaitMs: options.lockWaitMs ?? LOCK_WAIT_MS })
    : createInlineWriter(db, checkFile, options.lockWaitMs);

  const reader: SqlReader = {
    async all<Row>(sql: string, params: readonly unknown[]) {
      // Reads take no lock in WAL; should one still meet SQLITE_BUSY, it is a 503, not a 500.
      return writing(() => db.prepare(sql).all(...params) as Row[]);
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

  const insertDelivery = db.prepare(DELIVERIES.INSERT_DELIVERY);
  const countDelivery = db.prepare(DELIVERIES.COUNT_DELIVERY);
  const pruneOldCounts = db.prepare(DELIVERIES.PRUNE_OLD_COUNTS);
  const pruneOldDeliveries = db.prepare(DELIVERIES.PRUNE_OLD_DELIVERIES);
  const pruneWebhookDeliveries = db.prepare(DELIVERIES.PRUNE_WEBHOOK_DELIVERIES);

  const webhooks = createWebhookCache();

  /** A webhook change: on this thread, so a lock is waited for with timers, then 503. */
  const write = <T>(change: () => T): Promise<T> =>
    retryWhileLocked(() => {
      checkFile();
      return writing(change);
    }, options.lockWaitMs);

  return {
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
      checkFile();
      selectOne.get();
    },
    async createWebhook(webhook) {
      await write(() => insertWebhook.run(...SQL.insertWebhookParams(toWebhookRow(webhook))));
      webhooks.forget(webhook.id);
    },
    async getWebhook(id) {
      const row = selectWebhook.get(id) as WebhookRow | undefined;
      return row ? fromWebhookRow(row) : undefined;
    },
    async getWebhookBySlug(slug) {
      return webhooks.get(slug, () => {
        const row = writing(() => selectWebhookBySlug.get(slug)) as WebhookRow | undefined;
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
    async writeDeliveries(records) {
      if (records.length === 0) return;
      write(() =>
        db.transaction(() => {
          for (const record of records) {
            insertDelivery.run(...DELIVERIES.insertDeliveryParams(record));
            countDelivery.run(...DELIVERIES.countDeliveryParams(record));
          }
        })(),
      );
    },
    listDeliveries: (webhookId, listing) => DELIVERIES.listDeliveries(reader, webhookId, listing),
    countDeliveries: (webhookId, since, bucket) => DELIVERIES.countDeliveries(reader, webhookId, since, bucket),
    lastDeliveries: () => DELIVERIES.lastDeliveries(reader),
    async pruneDeliveries(olderThan, keep) {
      const crowded = await DELIVERIES.crowdedWebhooks(reader, keep);
      return write(() =>
        db.transaction(() => {
          pruneOldCounts.run(DELIVERIES.hourOf(olderThan));
          let deleted = pruneOldDeliveries.run(olderThan).changes;
          for (const id of crowded) deleted += pruneWebhookDeliveries.run(id, id, keep).changes;
          return deleted;
        })(),
      );
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
