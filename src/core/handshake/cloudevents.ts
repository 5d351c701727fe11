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

/** The code of an Event Grid schema validation event: `[{eventType, data: {validationCode}}]`. */
function eventGridSchemaCode(body: unknown): string | undefined {
  for (const event of Array.isArray(body) ? body : [body]) {
    if (isJsonObject(event) && event.eventType === EVENT_GRID_VALIDATION) return validationCode(event.data);
  }
  return undefined;
}

/**
 * @see https://learn.microsoft.com/azure/event-grid/webhook-event-delivery
 * @see https://learn.microsoft.com/azure/event-grid/end-point-validation-cloud-events-schema
 */
export const eventGridValidation: Handshake = {
  name: 'azure-event-grid-validation',
  answer(_webhook, _request, context) {
    const cloudEvent = context.cloudevents?.find((event) => event.type === EVENT_GRID_VALIDATION);
    const code = cloudEvent ? validationCode(cloudEvent.data) : eventGridSchemaCode(context.body);
    return code === undefined ? undefined : Response.json({ validationResponse: code }, { status: 200 });
  },
};

export const CLOUDEVENTS_HANDSHAKES: readonly Handshake[] = [abuseProtection, eventGridValidation];
