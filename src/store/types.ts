/**
 * The store: one small async interface for events and webhooks. Drivers (better-sqlite3 on
 * Node, D1 on Workers) implement it and pass one contract suite (test/store/contract.ts).
 */
import type { Event, StoredEvent } from '../schemas/event';
import type { CountQuery, EventCount, EventFilter } from '../schemas/filter';
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

export interface Store extends EventStore, WebhookStore {
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
