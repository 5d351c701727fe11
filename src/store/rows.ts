/**
 * Events and webhooks as table rows, shared by both drivers: what is written, and how rows
 * read back are parsed again (rows are a boundary too).
 */

import { formatTimestamp, timestampMicros } from '../core/time';
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

function collectValues(value: unknown, out: string[], withKeys: boolean): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const item of value) collectValues(item, out, withKeys);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (withKeys) out.push(key);
      collectValues(item, out, withKeys);
    }
  }
}

/**
 * The lower-cased text a `text` filter searches: the event name, label values (not label keys, so
 * "prefect.resource.id" finds nothing) and the payload's keys and values (Prefect searches the
 * payload as text, keys included). One item per line, so a term never spans two items.
 */
export function searchText(event: Event): string {
  const values: string[] = [event.event];
  collectValues(event.resource, values, false);
  for (const related of event.related) collectValues(related, values, false);
  collectValues(event.payload, values, true);
  return values.join('\n').toLowerCase();
}

export function toEventRow(event: Event, receivedMicros: number): EventRow {
  const received = formatTimestamp(receivedMicros);
  const stored: StoredEvent = { ...event, received };
  return {
    id: event.id,
    occurred: timestampMicros(event.occurred),
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
