/**
 * Validate stage: candidate events from a mapping get hookgate's defaults (id, occurred,
 * payload, the webhook as related resource) and are checked against the event schema and limits.
 */

import { InvalidEventError, MappingError } from '../lib/errors';
import { deliveryEventId, uuidv7 } from '../lib/ids';
import { Event, type Labels, MAX_EVENT_BYTES, RESOURCE_ID, RESOURCE_NAME, RESOURCE_ROLE } from '../schemas/event';
import { eventBytes } from '../schemas/event-json';
import { describeIssues } from '../schemas/issues';
import { describeType, isJsonObject, type JsonObject } from '../schemas/json';
import type { Webhook } from '../schemas/webhook';
import type { RequestContext } from './context';
import { traceResources } from './trace';

export const MAX_EVENTS_PER_REQUEST = 100;

/** The related resource every event of a webhook carries. */
export function webhookResource(webhook: Pick<Webhook, 'id' | 'name'>): Labels {
  return { [RESOURCE_ID]: `hookgate.webhook.${webhook.id}`, [RESOURCE_ROLE]: 'webhook', [RESOURCE_NAME]: webhook.name };
}

/** Prefect's default payload: what was received, for debugging. */
export function defaultPayload(context: RequestContext): JsonObject {
  return { method: context.method, headers: context.headers, body: context.body };
}

export interface FinalizeInput {
  webhook: Webhook;
  context: RequestContext;
  receivedAt: number;
  /** The provider's delivery id, when the webhook has `idFrom` and the request carries one. */
  deliveryId?: string;
  fanOut: boolean;
}

function finalizeOne(candidate: unknown, index: number, input: FinalizeInput): Event {
  const where = input.fanOut ? `[${index}]` : '';
  if (!isJsonObject(candidate)) {
    throw new InvalidEventError(`${where || 'the output'}: an event must be a JSON object, got ${describeType(candidate)}`);
  }
  const related = candidate.related === undefined ? [] : candidate.related;
  const withDefaults = {
    ...candidate,
    id:
      candidate.id ?? (input.deliveryId ? deliveryEventId(input.webhook.id, input.deliveryId, index) : uuidv7(input.receivedAt)),
    occurred: candidate.occurred ?? new Date(input.receivedAt).toISOString(),
    payload: candidate.payload ?? defaultPayload(input.context),
    related: Array.isArray(related)
      ? [...related, webhookResource(input.webhook), ...traceResources(input.context.headers)]
      : related,
  };
  const result = Event.safeParse(withDefaults);
  if (!result.success) throw new InvalidEventError(describeIssues(result.error.issues, input.fanOut ? [index] : []));
  const size = eventBytes(result.data);
  if (size > MAX_EVENT_BYTES) {
    throw new InvalidEventError(`${where || 'the event'} is ${size} bytes as JSON; at most ${MAX_EVENT_BYTES} are allowed`);
  }
  return result.data;
}

export function finalizeEvents(candidates: readonly unknown[], input: FinalizeInput): Event[] {
  if (candidates.length > MAX_EVENTS_PER_REQUEST) {
    throw new MappingError(
      'too-many-events',
      'The mapping produced too many events',
      `${candidates.length} events from one request; at most ${MAX_EVENTS_PER_REQUEST} are allowed`,
    );
  }
  return candidates.map((candidate, index) => finalizeOne(candidate, index, input));
}
