/**
 * The store: one small async interface for events and webhooks. Drivers (better-sqlite3 on
 * Node, D1 on Workers, PostgreSQL for several processes) implement it and pass one contract suite
 * (test/store/contract.ts).
 */
import type { ApiKeyRecord } from '../schemas/api-key';
import type { Delivery, DeliveryOutcome } from '../schemas/delivery';
import type { Event, StoredEvent } from '../schemas/event';
import type { CountQuery, EventCount, EventFilter } from '../schemas/filter';
import type { Sink } from '../schemas/sink';
import type { Webhook } from '../schemas/webhook';
import type { Dialect } from './sql/dialect';

export interface WriteResult {
  /** Events newly stored. */
  written: number;
  /** Events whose id was already stored (first write wins; still a success). */
  duplicates: number;
}

export interface EventPage {
  events: StoredEvent[];
  /** Every event the filter matches, across all pages. */
  total: number;
}

export interface PageRequest {
  limit: number;
  offset: number;
  /** The total a page token carries: later pages report it again instead of counting again. */
  knownTotal?: number;
}

/** New events in arrival order, and where the next read continues. */
export interface EventTail {
  events: StoredEvent[];
  /** Opaque: pass it as `after` next time. */
  cursor: string;
}

export interface EventStore {
  /** Stores events durably; resolves only once they are committed. Throws `StoreUnavailableError`. */
  writeEvents(events: readonly Event[]): Promise<WriteResult>;
  readEvent(id: string): Promise<StoredEvent | undefined>;
  /**
   * One page of the events a Prefect `EventFilter` matches, in the filter's order. The API resolves
   * Prefect's default window first; here a missing `occurred` bound means no bound.
   */
  queryEvents(filter: EventFilter, page: PageRequest): Promise<EventPage>;
  /** Prefect's `count-by` over the events a filter matches. */
  countEvents(query: CountQuery): Promise<EventCount[]>;
  /**
   * Following new events: those `filter` matches (its occurred window as given, no defaults) that
   * were stored after the cursor `after`, in arrival order, at most `limit`, and the cursor to pass
   * next. Without `after`: no events and the current end, so a follower starts from now. A call
   * looks at a bounded number of stored events, so it may return fewer than `limit` (even none)
   * while more follow: keep calling with the cursor. A cursor the store did not hand out is a 422.
   */
  readEventsAfter(filter: EventFilter, after: string | undefined, limit: number): Promise<EventTail>;
}

export interface WebhookStore {
  createWebhook(webhook: Webhook): Promise<void>;
  getWebhook(id: string): Promise<Webhook | undefined>;
  /** The webhook behind a hook URL; disabled ones too (the caller decides). */
  getWebhookBySlug(slug: string): Promise<Webhook | undefined>;
  listWebhooks(): Promise<Webhook[]>;
  /** Replaces a stored webhook; false when there is none with that id. */
  updateWebhook(webhook: Webhook): Promise<boolean>;
  deleteWebhook(id: string): Promise<boolean>;
}

/** One page of a webhook's delivery log, newest first (or oldest first when following). */
export interface DeliveryPage {
  deliveries: Delivery[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: number | null;
  /** The newest record's position seen so far: pass as `after` to follow. */
  cursor: number | null;
}

export interface DeliveryListing {
  outcome?: DeliveryOutcome;
  limit: number;
  /** Older than this position. */
  before?: number;
  /** Newer than this position, oldest first. */
  after?: number;
}

export interface DeliveryCount {
  /** Start of the bucket (a whole hour), microseconds since the epoch. */
  bucket: number;
  outcome: DeliveryOutcome;
  /** Requests. */
  n: number;
  /** Events those requests stored. */
  events: number;
}

/** The delivery log: every request to a webhook URL and its outcome, bounded by pruning. */
export interface DeliveryStore {
  writeDeliveries(records: readonly Delivery[]): Promise<void>;
  listDeliveries(webhookId: string, listing: DeliveryListing): Promise<DeliveryPage>;
  /**
   * Requests and events per outcome by time of receipt, in buckets of whole hours (`bucketMicros`
   * rounded to hours) from the hour `sinceMicros` falls in. Counted apart from the records, so not
   * capped by how many records are kept; pruned by age with them.
   */
  countDeliveries(webhookId: string, sinceMicros: number, bucketMicros: number): Promise<DeliveryCount[]>;
  /** The newest record of each webhook that has one. */
  lastDeliveries(): Promise<Map<string, Delivery>>;
  /**
   * Deletes records (and hourly counts) received before `olderThanMicros`, and all but the newest
   * `keepPerWebhook` records of each webhook — of the webhooks in `onlyWebhooks` when given (the
   * ones just written to: no scan for the others). Resolves to the records deleted.
   */
  pruneDeliveries(olderThanMicros: number, keepPerWebhook: number, onlyWebhooks?: readonly string[]): Promise<number>;
}

/** A change to configuration that is written together with its audit event (issue 17). */
export type StoreChange =
  | { kind: 'webhook.create'; webhook: Webhook }
  | { kind: 'webhook.update'; webhook: Webhook }
  | { kind: 'webhook.delete'; id: string }
  | { kind: 'key.create'; key: ApiKeyRecord }
  | { kind: 'key.revoke'; id: string };

/** API keys (hashed) and audited changes. */
export interface ApiKeyStore {
  getApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  getApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Records a key's last use (microseconds); callers do it at most once a minute per key. */
  touchApiKey(id: string, micros: number): Promise<void>;
  /**
   * Applies `change` and writes `audit` in ONE transaction: both or neither. The audit event is
   * written only when the change touched a row. Resolves to whether it did (false: no such row).
   */
  applyChange(change: StoreChange, audit: Event): Promise<boolean>;
}

/** Figures for the operator's gauges, each cheap to read (no table scan). */
export interface StoreStats {
  /** Events stored (from the day counts). */
  events: number;
  /** Time of receipt of the oldest event, microseconds; null when there is none. */
  oldestReceivedMicros: number | null;
  /** The database's size in bytes, where the driver knows it cheaply (SQLite); null otherwise. */
  bytes: number | null;
}

/** Retention and operations (issue 17). */
export interface RetentionStore {
  stats(): Promise<StoreStats>;
  /** Resolves when the store can take a write now (a write lock taken and let go); throws `StoreUnavailableError`. */
  probeWrite(): Promise<void>;
  /**
   * Deletes at most `limit` of the oldest events received before `beforeMicros` (their resources
   * and day counts with them), in one short transaction. Resolves to the events deleted; fewer than
   * `limit` means nothing older is left to prune now.
   */
  pruneEvents(beforeMicros: number, limit: number): Promise<number>;
}

/** A sink whose outbox has rows due, with its consecutive failures (for the backoff). */
export interface DueSink {
  sink: Sink;
  failures: number;
}

/** A claim on outbox rows: the events to send (filter applied), under a token only this claim holds. */
export interface OutboxClaim {
  token: string;
  /** `bytes`: the stored JSON's size in UTF-8, or an upper bound of it (3 bytes a character) for small events. */
  events: { event: StoredEvent; attempts: number; bytes: number }[];
}

export interface DeadLetterInput {
  eventId: string;
  reason: string;
  status: number | null;
  /** A short excerpt of the sink's answer. */
  excerpt: string;
}

/** What became of a claim: every claimed event delivered, released for a retry, or dead-lettered. */
export interface Settlement {
  delivered: readonly string[];
  retry: readonly string[];
  /** When the released rows are due again (µs). */
  retryAtMicros: number;
  dead: readonly DeadLetterInput[];
  /** The sink's status after this attempt. */
  state: 'ok' | 'retrying' | 'failing';
  failed: boolean;
  lastStatus: number | null;
  lastError: string | null;
  nowMicros: number;
  /** No attempt for this sink before this time (µs); 0 for none. */
  nextAttemptMicros: number;
}

/** The stored part of a sink's status (the API adds times as text). */
export interface SinkCounters {
  state: 'ok' | 'retrying' | 'failing';
  delivered: number;
  retries: number;
  pending: number;
  /** `received` of the oldest pending event (µs), if any. */
  oldestPendingMicros: number | null;
  deadLetters: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptMicros: number | null;
  lastSuccessMicros: number | null;
  nextAttemptMicros: number;
}

export interface StoredDeadLetter extends DeadLetterInput {
  createdMicros: number;
  /** The event, when it is still stored. */
  event: StoredEvent | null;
}

/**
 * Sinks and their outbox (issue 13). Every event written gets a pending row per enabled sink in
 * its own transaction; rows are claimed with a lease and settled. See migrations/0002_sinks.sql.
 */
export interface SinkStore {
  /**
   * Throws `ConflictError` 409 `sink-name-taken` when the name is in use. With `audit`, the audit
   * event (issue 17) is written in the same transaction (for create, update and delete alike),
   * and only when the change touched a row.
   */
  createSink(sink: Sink, audit?: Event): Promise<void>;
  getSink(id: string): Promise<Sink | undefined>;
  getSinkByName(name: string): Promise<Sink | undefined>;
  listSinks(): Promise<Sink[]>;
  /** Throws 409 `sink-name-taken` when renamed to a name in use; false when there is no such sink. */
  updateSink(sink: Sink, audit?: Event): Promise<boolean>;
  /** Deletes the sink with its pending rows and dead letters. */
  deleteSink(id: string, audit?: Event): Promise<boolean>;
  sinkCounters(id: string): Promise<SinkCounters | undefined>;
  dueSinks(nowMicros: number): Promise<DueSink[]>;
  /** Claims up to `limit` due rows of a sink until `leaseUntilMicros`; rows its filter refuses are dropped. */
  claimOutbox(
    sink: Sink,
    claim: { token: string; nowMicros: number; leaseUntilMicros: number; limit: number },
  ): Promise<OutboxClaim>;
  /** Settles a claim in one transaction; rows whose lease another process took over are left alone. */
  settleOutbox(sinkId: string, token: string, settlement: Settlement): Promise<void>;
  listDeadLetters(sinkId: string, limit: number): Promise<StoredDeadLetter[]>;
  /** Moves dead letters (all, or those ids) back to the outbox; how many. */
  retryDeadLetters(sinkId: string, ids?: readonly string[]): Promise<number>;
  /** Queues again, for one sink, up to `limit` events received since a time; how many were queued. */
  replaySink(sinkId: string, sinceMicros: number, limit: number): Promise<number>;
}

export interface Store extends EventStore, WebhookStore, DeliveryStore, ApiKeyStore, RetentionStore, SinkStore {
  /** Resolves when the store answers a trivial query (`SELECT 1`): for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Runs read-only SQL (`?` parameters); every driver provides one, so queries are written once (src/store/sql/). */
export interface SqlReader {
  /** Whose SQL the reader runs: SQLite's (Node, D1) or PostgreSQL's. */
  readonly dialect: Dialect;
  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
}

/** One statement's result in a transaction: its rows (for a query) and the rows it changed. */
export interface StatementResult {
  rows: unknown[];
  changes: number;
}

/** Runs statements in one transaction (better-sqlite3 transaction, D1 batch); throws `StoreUnavailableError` when it cannot write. */
export interface SqlTransactor extends SqlReader {
  transaction(statements: readonly { sql: string; params: readonly unknown[] }[]): Promise<StatementResult[]>;
}
