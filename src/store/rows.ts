/**
 * Events and webhooks as table rows, shared by both drivers: what is written, and how rows
 * read back are parsed again (rows are a boundary too).
 */

import { formatTimestamp, timestampMicros } from '../lib/time';
import { type Event, RESOURCE_ID, RESOURCE_ROLE, StoredEvent } from '../schemas/event';
import { eventJson } from '../schemas/event-json';
import { Webhook } from '../schemas/webhook';

export interface EventRow {
  id: string;
  occurred: number;
  received: number;
  event: string;
  resource_id: string;
  search: string;
  body: string;
}

export interface ResourceRow {
  resource_id: string;
  role: string;
  labels: string;
}

/**
 * The lower-cased text a `text` filter searches besides the payload: the event name and label
 * values (not label keys, so "prefect.resource.id" finds nothing). One item per line, so a term
 * never spans two items. The payload is searched as JSON text at query time (src/store/sql/filter.ts).
 */
export function searchText(event: Event): string {
  const values: string[] = [event.event];
  for (const value of Object.values(event.resource)) values.push(value);
  for (const related of event.related) for (const value of Object.values(related)) values.push(value);
  return values.join('\n').toLowerCase();
}

export function toEventRow(event: Event, receivedMicros: number): EventRow {
  // The event's JSON (made once, see core/event-json) with `received` as its last key.
  const json = eventJson(event);
  return {
    id: event.id,
    occurred: timestampMicros(event.occurred),
    received: receivedMicros,
    event: event.event,
    resource_id: event.resource[RESOURCE_ID] ?? '',
    search: searchText(event),
    body: `${json.slice(0, -1)},"received":"${formatTimestamp(receivedMicros)}"}`,
  };
}

/** The primary resource (role '') and every related resource of an event. */
export function toResourceRows(event: Event): ResourceRow[] {
  const rows: ResourceRow[] = [
    { resource_id: event.resource[RESOURCE_ID] ?? '', role: '', labels: JSON.stringify(event.resource) },
  ];
  for (const related of event.related) {
    rows.push({ resource_id: related[RESOURCE_ID] ?? '', role: related[RESOURCE_ROLE] ?? '', labels: JSON.stringify(related) });
  }
  return rows;
}

export function fromEventBody(body: string): StoredEvent {
  return StoredEvent.parse(JSON.parse(body));
}

export interface WebhookRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  enabled: number;
  config: string;
  created: number;
  updated: number;
}

export function toWebhookRow(webhook: Webhook): WebhookRow {
  const { id, slug, name, description, enabled, mapping, verify, idFrom, rateLimit, created, updated } = webhook;
  // Preset fields only when the webhook has them, so every webhook reads back exactly as written.
  const { preset, handshakes, response } = webhook;
  return {
    id,
    slug,
    name,
    description,
    enabled: enabled ? 1 : 0,
    config: JSON.stringify({ mapping, verify, idFrom, rateLimit, preset, handshakes, response }),
    created: timestampMicros(created),
    updated: timestampMicros(updated),
  };
}

export function fromWebhookRow(row: WebhookRow): Webhook {
  const config = JSON.parse(row.config) as {
    mapping: unknown;
    verify: unknown;
    idFrom?: string | null;
    rateLimit?: unknown;
    preset?: string | null;
    handshakes?: unknown;
    response?: unknown;
  };
  return Webhook.parse({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    enabled: row.enabled === 1,
    mapping: config.mapping,
    verify: config.verify,
    idFrom: config.idFrom ?? null,
    rateLimit: config.rateLimit ?? null,
    ...('preset' in config && { preset: config.preset }),
    ...('handshakes' in config && { handshakes: config.handshakes }),
    ...('response' in config && { response: config.response }),
    created: formatTimestamp(row.created),
    updated: formatTimestamp(row.updated),
  });
}
