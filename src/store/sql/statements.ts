/**
 * The write and webhook SQL both drivers run, with the parameters each statement takes, so the
 * drivers differ only in how they execute (better-sqlite3 transactions, D1 batches).
 */
import type { Event } from '../../schemas/event';
import { type EventRow, toEventRow, toResourceRows, type WebhookRow } from '../rows';

/** First write wins: an id that exists is skipped. */
export const INSERT_EVENT = `INSERT INTO events (id, occurred, received, event, resource_id, search, body)
VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;

/**
 * The resources of the event just inserted, from one JSON array of `[resource_id, role, labels]`.
 * `changes() = 1` holds only when the INSERT_EVENT right before it inserted a row, so a duplicate
 * event adds no resources; the seq is looked up by id, not `last_insert_rowid()` (which moves as
 * this statement inserts).
 */
export const INSERT_RESOURCES = `INSERT INTO event_resources (event_seq, occurred, resource_id, role, labels)
SELECT (SELECT seq FROM events WHERE id = ?), ?, json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]')
FROM json_each(?) AS r WHERE changes() = 1`;

export interface EventWrite {
  event: unknown[];
  resources: unknown[];
}

/** The parameters of INSERT_EVENT and INSERT_RESOURCES for one event. */
export function eventWrite(event: Event, receivedMicros: number): EventWrite {
  const row: EventRow = toEventRow(event, receivedMicros);
  const resources = toResourceRows(event).map((r) => [r.resource_id, r.role, r.labels]);
  return {
    event: [row.id, row.occurred, row.received, row.event, row.resource_id, row.search, row.body],
    resources: [row.id, row.occurred, JSON.stringify(resources)],
  };
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
