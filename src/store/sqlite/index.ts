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
import * as KEYS from '../sql/api-keys';
import { auditedChangeStatements, changedWebhookId } from '../sql/changes';
import { SQLITE } from '../sql/dialect';
import { countEvents, queryEvents, readEventsAfter } from '../sql/events';
import * as RETENTION from '../sql/retention';
import { auditedInTransaction } from '../sql/sink-changes';
import { createSinkStore } from '../sql/sink-store';
import * as SQL from '../sql/statements';
import type { SqlReader, Store } from '../types';
import { createWebhookCache } from '../webhook-cache';
import { type Checkpointer, startCheckpointer, WAL_CAP_BYTES, walBytesOf } from './checkpointer';
import { createSqliteDeliveryStore } from './deliveries';
import { createFileGuard } from './file-guard';
import { LOCK_WAIT_MS, retryWhileLocked } from './lock-wait';
import { createTransactor } from './transactor';
import { createInlineWriter, createThreadWriter } from './writer';
import { checkpointElsewhere, configureWriter, START_BUSY_TIMEOUT_MS, writing } from './writes';

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
  /** WAL size at which the checkpoint thread restarts the WAL (WAL_CAP_BYTES). */
  walCapBytes?: number;
}

export function createSqliteStore(options: SqliteStoreOptions): Store {
  const synchronous = options.synchronous ?? 'NORMAL';
  const db = new Database(options.filename, { readonly: options.readonly ?? false });
  // Migrations at start may wait for a lock; afterwards this connection, on the event loop, never
  // sleeps in SQLite: its writes wait for locks with timers (lock-wait.ts), and reads need no lock in WAL.
  db.pragma(`busy_timeout = ${START_BUSY_TIMEOUT_MS}`);
  if (!options.readonly) {
    // Takes effect only on a new file (before its first table): retention then reclaims space in steps.
    db.pragma('auto_vacuum = INCREMENTAL');
    configureWriter(db, synchronous, START_BUSY_TIMEOUT_MS);
    applyMigrations(db, options.migrations);
  }
  db.pragma('busy_timeout = 0');
  // A file written here is checkpointed by a thread of its own, never inside a commit (./checkpointer.ts).
  const walCapBytes = options.walCapBytes ?? WAL_CAP_BYTES;
  const checkpoints: Checkpointer | undefined =
    options.readonly || options.filename === ':memory:'
      ? undefined
      : startCheckpointer(
          options.filename,
          { walCapBytes },
          {
            checkpoint: () => db.pragma('wal_checkpoint(PASSIVE)'),
            gaveUp: (error) =>
              process.emitWarning(
                `hookgate: the SQLite checkpoint thread keeps failing (${error.message}); checkpointing on the main thread instead`,
              ),
          },
        );
  if (checkpoints) checkpointElsewhere(db, walCapBytes);
  const checkFile = createFileGuard(options.filename);
  const nowMicros = options.nowMicros ?? (() => Date.now() * 1000);
  // A writer thread needs a file both connections can open; ':memory:' and read-only stay inline.
  const threaded = options.writer === 'thread' && options.filename !== ':memory:' && !options.readonly;
  const committed = (calls: readonly (readonly SQL.EventWrite[])[]) => checkpoints?.wrote(walBytesOf(calls));
  const events = threaded
    ? createThreadWriter(
        { filename: options.filename, synchronous, lockWaitMs: options.lockWaitMs ?? LOCK_WAIT_MS, walCapBytes },
        committed,
      )
    : createInlineWriter(db, checkFile, options.lockWaitMs, committed);

  const reader: SqlReader = {
    dialect: SQLITE,
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

  const webhooks = createWebhookCache();
  const keyRow = (sql: string, value: string) => {
    const row = db.prepare(sql).get(value) as KEYS.ApiKeyRow | undefined;
    return row ? KEYS.fromApiKeyRow(row) : undefined;
  };
  const pruneResources = db.prepare(RETENTION.PRUNE_EVENT_RESOURCES);
  const pruneEvents = db.prepare(RETENTION.PRUNE_EVENTS);
  const dropEmptyCounts = db.prepare(RETENTION.DROP_EMPTY_DAY_COUNTS);

  /** A webhook change: on this thread, so a lock is waited for with timers, then 503. */
  const write = <T>(change: () => T): Promise<T> =>
    retryWhileLocked(() => {
      checkFile();
      checkpoints?.wrote(0);
      return writing(change);
    }, options.lockWaitMs);
  const transactor = createTransactor(db, write);

  return {
    ...createSinkStore(transactor, auditedInTransaction(transactor, nowMicros)),
    ...createSqliteDeliveryStore(db, reader, write),
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
    getApiKeyByHash: async (hash) => keyRow(KEYS.SELECT_API_KEY_BY_HASH, hash),
    getApiKey: async (id) => keyRow(KEYS.SELECT_API_KEY, id),
    async listApiKeys() {
      return (db.prepare(KEYS.SELECT_API_KEYS).all() as KEYS.ApiKeyRow[]).map(KEYS.fromApiKeyRow);
    },
    async touchApiKey(id, micros) {
      await write(() => db.prepare(KEYS.TOUCH_API_KEY).run(...KEYS.touchApiKeyParams(id, micros)));
    },
    async applyChange(change, audit) {
      const statements = auditedChangeStatements(change, audit, nowMicros());
      const webhookId = changedWebhookId(change);
      if (webhookId) webhooks.forget(webhookId);
      return write(() =>
        db.transaction(() => {
          const [changed] = statements.map(({ sql, params }) => db.prepare(sql).run(...params).changes);
          return (changed ?? 0) > 0;
        })(),
      );
    },
    async pruneEvents(before, limit) {
      const params = RETENTION.pruneParams(before, limit);
      const deleted = await write(() =>
        db.transaction(() => {
          pruneResources.run(...params);
          const n = pruneEvents.run(...params).changes;
          if (n > 0) dropEmptyCounts.run();
          return n;
        })(),
      );
      // Hands the freed pages back to the file system a few at a time (a no-op unless auto_vacuum is INCREMENTAL).
      if (deleted > 0) await write(() => db.pragma(`incremental_vacuum(${RETENTION.VACUUM_PAGES_PER_BATCH})`));
      return deleted;
    },
    async stats() {
      const row = db.prepare(RETENTION.STORE_STATS).get() as RETENTION.StatsRow;
      const pages = db.pragma('page_count', { simple: true }) as number;
      const size = db.pragma('page_size', { simple: true }) as number;
      return {
        events: row.events,
        oldestReceivedMicros: row.oldest,
        bytes: options.filename === ':memory:' ? null : pages * size,
      };
    },
    async probeWrite() {
      // A write that changes nothing still takes the write lock: fails (503) on a read-only file, a lock held too long, an I/O error.
      await write(() => db.prepare(RETENTION.WRITE_PROBE).run());
    },
    async close() {
      await events.close();
      await checkpoints?.stop();
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
