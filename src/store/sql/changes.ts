/**
 * An audited change as statements the SQLite drivers run in one transaction (a better-sqlite3
 * transaction, a D1 batch): the change first, then its audit event, inserted only when the change
 * touched a row (`changes() > 0` right after it), so a change to nothing leaves no audit trail.
 * PostgreSQL runs the same change statement and decides on the audit event from its row count.
 */
import type { Event } from '../../schemas/event';
import { toWebhookRow } from '../rows';
import type { StoreChange } from '../types';
import { DELETE_API_KEY, INSERT_API_KEY, insertApiKeyParams } from './api-keys';
import { COUNT_DAY_IF_CHANGED } from './day-counts';
import * as SQL from './statements';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** INSERT_EVENT, guarded by the change before it. */
const INSERT_AUDIT_EVENT = `INSERT INTO events (id, occurred, received, event, resource_id, search, body)
SELECT ?, ?, ?, ?, ?, ?, ? WHERE changes() > 0 ON CONFLICT (id) DO NOTHING`;

/** The change alone; its changes say whether it applied (PostgreSQL, which has no `changes()`, writes the audit event after it). */
export function changeStatement(change: StoreChange): Statement {
  switch (change.kind) {
    case 'webhook.create':
      return { sql: SQL.INSERT_WEBHOOK, params: SQL.insertWebhookParams(toWebhookRow(change.webhook)) };
    case 'webhook.update':
      return { sql: SQL.UPDATE_WEBHOOK, params: SQL.updateWebhookParams(toWebhookRow(change.webhook)) };
    case 'webhook.delete':
      return { sql: SQL.DELETE_WEBHOOK, params: [change.id] };
    case 'key.create':
      return { sql: INSERT_API_KEY, params: insertApiKeyParams(change.key) };
    case 'key.revoke':
      return { sql: DELETE_API_KEY, params: [change.id] };
  }
}

/**
 * An event by `insertSql` (INSERT_EVENT or a guarded form), then its resources and its day count,
 * each written only when the statement before it changed rows (so only when the event was inserted).
 */
export function eventStatements(insertSql: string, write: SQL.EventWrite): Statement[] {
  return [
    { sql: insertSql, params: write.event },
    { sql: SQL.INSERT_RESOURCES, params: SQL.resourcesJsonParams(write) },
    { sql: COUNT_DAY_IF_CHANGED, params: [write.day, write.name] },
  ];
}

/** An audit event, its resources and day count, written only when the statement right before them changed a row. */
export function auditEventStatements(audit: Event, receivedMicros: number): Statement[] {
  return eventStatements(INSERT_AUDIT_EVENT, SQL.eventWrite(audit, receivedMicros));
}

/** The change, its audit event and the event's resources; the first statement's changes say whether it applied. */
export function auditedChangeStatements(change: StoreChange, audit: Event, receivedMicros: number): Statement[] {
  return [changeStatement(change), ...auditEventStatements(audit, receivedMicros)];
}

/** The webhook id a change concerns, for the drivers' slug caches. */
export function changedWebhookId(change: StoreChange): string | undefined {
  if (change.kind === 'webhook.delete') return change.id;
  if (change.kind === 'webhook.create' || change.kind === 'webhook.update') return change.webhook.id;
  return undefined;
}
