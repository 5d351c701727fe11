/**
 * Prefect's rules for an event, checked before sending: one event that breaks them would make
 * Prefect refuse the whole batch (422), and one over 1,500,000 bytes would vanish behind a 204.
 * Such an event becomes a dead letter at once. Only the seven spec fields are sent.
 * @see https://github.com/PrefectHQ/prefect/blob/main/src/prefect/server/events/schemas/events.py
 * @see ../../../../shared/research/forwarding-facts.md §1.3, §1.6
 */
import { isUuid } from '../../lib/ids';
import type { StoredEvent } from '../../schemas/event';
import { MAX_EVENT_BYTES, MAX_EVENT_NAME_CHARS, MAX_LABELS, MAX_RELATED, RESOURCE_ID, RESOURCE_ROLE } from '../../schemas/event';

/** The event as Prefect's `POST /events` takes it: without hookgate's `received`. */
export function prefectEvent(event: StoredEvent) {
  const { occurred, event: name, resource, related, payload, id, follows } = event;
  return { occurred, event: name, resource, related, payload, id, follows: follows ?? null };
}

const encoder = new TextEncoder();

function labelsProblem(labels: Record<string, unknown>, what: string, required: readonly string[]): string | undefined {
  const entries = Object.entries(labels);
  if (entries.length > MAX_LABELS) return `${what} has more than ${MAX_LABELS} labels`;
  for (const [key, value] of entries) if (typeof value !== 'string') return `${what} label ${key.slice(0, 100)} is not a string`;
  for (const key of required) if (!labels[key]) return `${what} has no ${key}`;
  return undefined;
}

/**
 * Why Prefect would refuse (or silently drop) `event`; undefined when it would take it.
 * `storedBytes`, an upper bound of the event's size, spares measuring the ones clearly small enough.
 */
export function prefectViolation(event: StoredEvent, storedBytes = Number.POSITIVE_INFINITY): string | undefined {
  if (!isUuid(event.id)) return 'the event id is not a UUID';
  if (event.follows && !isUuid(event.follows)) return 'follows is not a UUID';
  if (event.event.length > MAX_EVENT_NAME_CHARS) return `the event name is longer than ${MAX_EVENT_NAME_CHARS} characters`;
  const resource = labelsProblem(event.resource, 'the resource', [RESOURCE_ID]);
  if (resource) return resource;
  if (event.related.length > MAX_RELATED) return `more than ${MAX_RELATED} related resources`;
  for (const [i, related] of event.related.entries()) {
    const problem = labelsProblem(related, `related resource ${i}`, [RESOURCE_ID, RESOURCE_ROLE]);
    if (problem) return problem;
  }
  if (storedBytes <= MAX_EVENT_BYTES) return undefined;
  const bytes = encoder.encode(JSON.stringify(prefectEvent(event))).length;
  if (bytes > MAX_EVENT_BYTES) return `the event is ${bytes} bytes, over Prefect's ${MAX_EVENT_BYTES}`;
  return undefined;
}

/** `{api}/events`, the API URL's trailing slashes removed (Prefect answers `/events/` with a 307). */
export function prefectEventsUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/events`;
}
