/**
 * Handshakes CloudEvents senders make before they deliver, answered for every webhook whatever its
 * mapping (a template mapping may read CloudEvents too, via `cloudevent`). Neither stores an event.
 *
 * - Abuse protection (CloudEvents Web Hooks spec §4): `OPTIONS` with `WebHook-Request-Origin` is a
 *   sender asking for consent; it is unauthenticated by design, so it is answered before verification.
 * - Azure Event Grid subscription validation: a `Microsoft.EventGrid.SubscriptionValidationEvent`
 *   (Event Grid schema, or as a CloudEvent) is answered with its code, after verification like any
 *   delivery, since it arrives as one.
 */

import { isJsonObject } from '../../schemas/json';
import type { RateLimit } from '../../schemas/webhook';
import type { Handshake } from './types';

export const EVENT_GRID_VALIDATION = 'Microsoft.EventGrid.SubscriptionValidationEvent';

/**
 * The rate a webhook grants in requests per minute: its rate limit rounded down (at least 1), or
 * `*` (no limit). Always sent: the spec makes it required whenever consent is given.
 */
export function allowedRate(rateLimit: RateLimit | null): string {
  if (!rateLimit) return '*';
  return String(Math.max(1, Math.floor((rateLimit.requests * 60) / rateLimit.perSeconds)));
}

/** @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/http-webhook.md#4-abuse-protection */
export const abuseProtection: Handshake = {
  name: 'cloudevents-abuse-protection',
  preflight(webhook, request) {
    const origin = request.headers.get('webhook-request-origin');
    if (request.method.toUpperCase() !== 'OPTIONS' || !origin) return undefined;
    return new Response(null, {
      status: 200,
      headers: {
        'WebHook-Allowed-Origin': origin,
        'WebHook-Allowed-Rate': allowedRate(webhook.rateLimit),
        Allow: 'POST, OPTIONS',
      },
    });
  },
};

function validationCode(data: unknown): string | undefined {
  const code = isJsonObject(data) ? data.validationCode : undefined;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/** The one item of a body that is exactly one event (alone, or the only item of an array). */
function only<T>(items: T | readonly T[] | undefined): T | undefined {
  if (!Array.isArray(items)) return items as T | undefined;
  return items.length === 1 ? (items[0] as T) : undefined;
}

/** The code of an Event Grid schema validation event: `[{eventType, data: {validationCode}}]`. */
function eventGridSchemaCode(body: unknown): string | undefined {
  const event = only(body);
  return isJsonObject(event) && event.eventType === EVENT_GRID_VALIDATION ? validationCode(event.data) : undefined;
}

/**
 * @see https://learn.microsoft.com/azure/event-grid/webhook-event-delivery
 * @see https://learn.microsoft.com/azure/event-grid/end-point-validation-cloud-events-schema
 */
export const eventGridValidation: Handshake = {
  name: 'azure-event-grid-validation',
  answer(_webhook, _request, context) {
    // Only a request that is nothing but the validation event: one that also carries real events
    // is a delivery, and its events must be stored.
    const cloudEvent = only(context.cloudevents);
    const code = cloudEvent?.type === EVENT_GRID_VALIDATION ? validationCode(cloudEvent.data) : eventGridSchemaCode(context.body);
    return code === undefined ? undefined : Response.json({ validationResponse: code }, { status: 200 });
  },
};

export const CLOUDEVENTS_HANDSHAKES: readonly Handshake[] = [abuseProtection, eventGridValidation];
