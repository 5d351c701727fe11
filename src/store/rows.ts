/**
 * Events and webhooks as table rows, shared by both drivers: what is written, and how rows
 * read back are parsed again (rows are a boundary too).
 */

import { formatTimestamp, parseTimestamp } from '../core/time';
import { type Event, RESOURCE_ID, RESOURCE_ROLE, StoredEvent } from '../schemas/event';
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

function collectValues(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const item of value) collectValues(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectValues(item, out);
}

/** The lower-cased values a `text` filter searches: event name, label values, payload values (not keys). */
export function searchText(event: Event): string {
  const values: string[] = [event.event];
  collectValues(event.resource, values);
  for (const related of event.related) collectValues(related, values);
  collectValues(event.payload, values);
  return values.join('\n').toLowerCase();
}

function micros(timestamp: string): number {
  const value = parseTimestamp(timestamp);
  if (value === undefined) throw new Error(`not a timestamp: ${timestamp}`);
  return value;
}

export function toEventRow(event: Event, receivedMicros: number): EventRow {
  const received = formatTimestamp(receivedMicros);
  const stored: StoredEvent = { ...event, received };
  return {
    id: event.id,
    occurred: micros(event.occurred),
    received: receivedMicros,
    event: event.event,
    resource_id: event.resource[RESOURCE_ID] ?? '',
    search: searchText(event),
    body: JSON.stringify(stored),
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
  return {
    id,
    slug,
    name,
    description,
    enabled: enabled ? 1 : 0,
    config: JSON.stringify({ mapping, verify, idFrom, rateLimit }),
    created: micros(created),
    updated: micros(updated),
  };
}

export function fromWebhookRow(row: WebhookRow): Webhook {
  const config = JSON.parse(row.config) as { mapping: unknown; verify: unknown; idFrom?: string | null; rateLimit?: unknown };
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
    created: formatTimestamp(row.created),
    updated: formatTimestamp(row.updated),
  });
}
