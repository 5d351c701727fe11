/**
 * The write and webhook SQL both drivers run, with the parameters each statement takes, so the
 * drivers differ only in how they execute (better-sqlite3 transactions, D1 batches). Day counts: ./day-counts.ts.
 */
import type { Event } from '../../schemas/event';
import { type EventRow, toEventRow, toResourceRows, type WebhookRow } from '../rows';
import { dayOf } from './day-counts';

/** First write wins: an id that exists is skipped. */
export const INSERT_EVENT = `INSERT INTO events (id, occurred, received, event, resource_id, search, body)
VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;

/** One resource row of the event just inserted: (event_seq, occurred, resource_id, role, labels). */
export const INSERT_RESOURCE = `INSERT INTO event_resources (event_seq, occurred, resource_id, role, labels)
VALUES (?, ?, ?, ?, ?)`;

/**
 * The same for all of an event's resources at once, from one JSON array of `[resource_id, role,
 * labels]`, where the event's seq is not at hand (a D1 batch, an audit event among a change's
 * statements). `changes() = 1` holds only when the INSERT_EVENT right before it inserted a row, so a
 * duplicate event adds no resources; the seq is looked up by id, not `last_insert_rowid()` (which
 * moves as this statement inserts).
 */
export const INSERT_RESOURCES = `INSERT INTO event_resources (event_seq, occurred, resource_id, role, labels)
SELECT (SELECT seq FROM events WHERE id = ?), ?, json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]')
FROM json_each(?) AS r WHERE changes() = 1`;

/** A resource of an event as INSERT_RESOURCE's last three parameters: resource_id, role, labels. */
export type ResourceParams = [string, string, string];

export interface EventWrite {
  id: string;
  /** INSERT_EVENT's parameters. */
  event: unknown[];
  /** The event's resources, the primary one (role '') first. */
  resources: ResourceParams[];
  /** `occurred` in microseconds; `day` and `name` are its day-count key (./day-counts.ts). */
  occurred: number;
  day: number;
  name: string;
}

/** The parameters of INSERT_EVENT and of its resources for one event. */
export function eventWrite(event: Event, receivedMicros: number): EventWrite {
  const row: EventRow = toEventRow(event, receivedMicros);
  return {
    id: row.id,
    event: [row.id, row.occurred, row.received, row.event, row.resource_id, row.search, row.body],
    resources: toResourceRows(event).map((r): ResourceParams => [r.resource_id, r.role, r.labels]),
    occurred: row.occurred,
    day: dayOf(row.occurred),
    name: row.event,
  };
}

/** INSERT_RESOURCES' parameters for one event. */
export function resourcesJsonParams(write: EventWrite): unknown[] {
  return [write.id, write.occurred, JSON.stringify(write.resources)];
}

export const SELECT_EVENT_BODY = 'SELECT body FROM events WHERE id = ?';

/** The cheapest query that still needs the database to answer: a health check. */
export const PING = 'SELECT 1';

export const WEBHOOK_COLUMNS = 'id, slug, name, description, enabled, config, created, updated';
export const INSERT_WEBHOOK = `INSERT INTO webhooks (${WEBHOOK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
export const UPDATE_WEBHOOK = `UPDATE webhooks SET slug = ?, name = ?, description = ?, enabled = ?, config = ?, updated = ?
WHERE id = ?`;
export const DELETE_WEBHOOK = 'DELETE FROM webhooks WHERE id = ?';
export const SELECT_WEBHOOK = `SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = ?`;
export const SELECT_WEBHOOK_BY_SLUG = `SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE slug = ?`;
export const SELECT_WEBHOOKS = `SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created, id`;

export function insertWebhookParams(row: WebhookRow): unknown[] {
  return [row.id, row.slug, row.name, row.description, row.enabled, row.config, row.created, row.updated];
}

export function updateWebhookParams(row: WebhookRow): unknown[] {
  return [row.slug, row.name, row.description, row.enabled, row.config, row.updated, row.id];
}
