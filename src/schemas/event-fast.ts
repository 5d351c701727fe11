/**
 * The event schema's hot path, by hand: accepts exactly what `Event` accepts, builds the same output
 * (key order, normalised timestamp and ids, same objects inside), or says "ask zod", whose issues
 * make the error message. Zod's generic parse was a tenth of a webhook request's JavaScript work.
 * test/schemas/event-fast.test.ts holds the two to the same answers.
 */
import { isUuid } from '../lib/ids';
import { formatTimestamp, parseTimestamp } from '../lib/time';
import { type Event, type Labels, MAX_EVENT_NAME_CHARS, MAX_LABELS, MAX_RELATED, RESOURCE_ID, RESOURCE_ROLE } from './event';
import { isJsonObject, nestsDeeperThan } from './json';

/** The fields of an event as a mapping gave them, defaults already applied. */
export interface EventFields {
  occurred: unknown;
  event: unknown;
  resource: unknown;
  related: unknown;
  payload: unknown;
  id: unknown;
  follows: unknown;
}

function validLabels(labels: unknown, role: boolean): labels is Labels {
  if (!isJsonObject(labels)) return false;
  const keys = Object.keys(labels);
  if (keys.length > MAX_LABELS) return false;
  for (let i = 0; i < keys.length; i++) if (typeof labels[keys[i] as string] !== 'string') return false;
  const id = labels[RESOURCE_ID];
  if (typeof id !== 'string' || id === '') return false;
  if (!role) return true;
  const roleValue = labels[RESOURCE_ROLE];
  return typeof roleValue === 'string' && roleValue !== '';
}

function canonicalTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const micros = parseTimestamp(value);
  return micros === undefined ? undefined : formatTimestamp(micros);
}

/** The event `Event.parse` would return for these fields, or undefined when zod must decide (and explain). */
export function checkEvent(fields: EventFields): Event | undefined {
  const occurred = canonicalTimestamp(fields.occurred);
  if (occurred === undefined) return undefined;
  const { event, resource, related, payload, id, follows } = fields;
  if (typeof event !== 'string' || event.length < 1 || event.length > MAX_EVENT_NAME_CHARS) return undefined;
  if (!validLabels(resource, false)) return undefined;
  if (!Array.isArray(related) || related.length > MAX_RELATED) return undefined;
  for (let i = 0; i < related.length; i++) if (!validLabels(related[i], true)) return undefined;
  if (!isJsonObject(payload) || nestsDeeperThan(payload)) return undefined;
  if (typeof id !== 'string' || !isUuid(id)) return undefined;
  if (follows !== undefined && follows !== null && (typeof follows !== 'string' || !isUuid(follows))) return undefined;
  return {
    occurred,
    event,
    resource,
    related: related.slice() as Labels[],
    payload,
    id: id.toLowerCase(),
    follows: typeof follows === 'string' ? follows.toLowerCase() : null,
  };
}
