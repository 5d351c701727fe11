/**
 * Validate stage: candidate events from a mapping get hookgate's defaults (id, occurred,
 * payload, the webhook as related resource) and are checked against the event schema and limits.
 */

import { InvalidEventError, MappingError } from '../lib/errors';
import { deliveryEventId, uuidv7 } from '../lib/ids';
import { Event, type Labels, MAX_EVENT_BYTES, RESOURCE_ID, RESOURCE_NAME, RESOURCE_ROLE } from '../schemas/event';
import { checkEvent } from '../schemas/event-fast';
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

/** What every event of one request gets alike, made once per request. */
interface RequestDefaults {
  /** The time of receipt, as `occurred` when the mapping gives none (made when first needed). */
  occurred: () => string;
  /** hookgate's related resources: the webhook, the trace. */
  related: Labels[];
}

function requestDefaults(input: FinalizeInput): RequestDefaults {
  let occurred: string | undefined;
  return {
    occurred: () => (occurred ??= new Date(input.receivedAt).toISOString()),
    related: [webhookResource(input.webhook), ...traceResources(input.context.headers)],
  };
}

function finalizeOne(candidate: unknown, index: number, input: FinalizeInput, defaults: RequestDefaults): Event {
  const where = input.fanOut ? `[${index}]` : '';
  if (!isJsonObject(candidate)) {
    throw new InvalidEventError(`${where || 'the output'}: an event must be a JSON object, got ${describeType(candidate)}`);
  }
  const given = candidate.related === undefined ? [] : candidate.related;
  const fields = {
    id:
      candidate.id ?? (input.deliveryId ? deliveryEventId(input.webhook.id, input.deliveryId, index) : uuidv7(input.receivedAt)),
    occurred: candidate.occurred ?? defaults.occurred(),
    payload: candidate.payload ?? defaultPayload(input.context),
    related: Array.isArray(given) ? [...given, ...defaults.related] : given,
    event: candidate.event,
    resource: candidate.resource,
    follows: candidate.follows,
  };
  const event =
    checkEvent(fields) ??
    parseEvent(
      { ...candidate, id: fields.id, occurred: fields.occurred, payload: fields.payload, related: fields.related },
      input.fanOut ? [index] : [],
    );
  const size = eventBytes(event);
  if (size > MAX_EVENT_BYTES) {
    throw new InvalidEventError(`${where || 'the event'} is ${size} bytes as JSON; at most ${MAX_EVENT_BYTES} are allowed`);
  }
  return event;
}

/** The schema's verdict, for what the hand-written check leaves to it: the event, or the error naming each issue. */
function parseEvent(withDefaults: object, prefix: readonly PropertyKey[]): Event {
  const result = Event.safeParse(withDefaults);
  if (!result.success) throw new InvalidEventError(describeIssues(result.error.issues, prefix));
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
  const defaults = requestDefaults(input);
  return candidates.map((candidate, index) => finalizeOne(candidate, index, input, defaults));
}
