/**
 * Failures are events (DESIGN §4.3): a request that fails mapping or validation is stored as a
 * `hookgate.webhook.failed` event holding the error, the request and what the template rendered,
 * so it can be inspected and replayed once the mapping is fixed.
 */

import type { MappingError } from '../lib/errors';
import { uuidv5, uuidv7 } from '../lib/ids';
import { formatTimestamp } from '../lib/time';
import { type Event, MAX_EVENT_BYTES, RESOURCE_ID, RESOURCE_NAME } from '../schemas/event';
import { eventBytes } from '../schemas/event-json';
import type { Webhook } from '../schemas/webhook';
import type { RequestContext } from './context';
import { webhookResource } from './validate';

export const FAILED_EVENT = 'hookgate.webhook.failed';

interface Clipped {
  text: string | null;
  truncated: boolean;
}

function clip(text: string | undefined, chars: number): Clipped {
  if (text === undefined) return { text: null, truncated: false };
  // Whole characters: never cut a surrogate pair in two.
  const cut = text.length > chars ? (/[\uD800-\uDBFF]/.test(text[chars - 1] ?? '') ? chars - 1 : chars) : text.length;
  return cut < text.length ? { text: text.slice(0, cut), truncated: true } : { text, truncated: false };
}

export interface FailureInput {
  webhook: Webhook;
  context: RequestContext;
  error: MappingError;
  receivedAt: number;
  deliveryId?: string;
}

/**
 * The failure event, within the event size limit: the body and the rendered text are cut
 * (and flagged) until the event's JSON fits — measured as JSON, since escaping can make a
 * character six bytes.
 */
export function failureEvent(input: FailureInput): Event {
  let chars = Math.max(input.context.rawBody.length, input.error.rendered?.length ?? 0);
  for (;;) {
    const event = buildFailure(input, clip(input.context.rawBody, chars), clip(input.error.rendered, chars));
    if (eventBytes(event) <= MAX_EVENT_BYTES || chars === 0) return event;
    chars = Math.floor(chars / 2);
  }
}

function buildFailure(
  { webhook, context, error, receivedAt, deliveryId }: FailureInput,
  body: Clipped,
  rendered: Clipped,
): Event {
  return {
    // A retried delivery that fails again is the same failure, stored once.
    id: deliveryId ? uuidv5(webhook.id, `failed:${deliveryId}`) : uuidv7(receivedAt),
    occurred: formatTimestamp(receivedAt * 1000),
    event: FAILED_EVENT,
    resource: { [RESOURCE_ID]: `hookgate.webhook.${webhook.id}`, [RESOURCE_NAME]: webhook.name },
    related: [webhookResource(webhook)],
    payload: {
      error: { code: error.code, title: error.title, detail: error.detail, ...error.extras },
      request: {
        method: context.method,
        headers: context.headers,
        query: context.query,
        body: body.text,
        bodyTruncated: body.truncated,
      },
      rendered: rendered.text,
      renderedTruncated: rendered.truncated,
    },
    follows: null,
  };
}
