/**
 * Failures are events (DESIGN §4.3): a request that fails mapping or validation is stored as a
 * `hookgate.webhook.failed` event holding the error, the request and what the template rendered,
 * so it can be inspected and replayed once the mapping is fixed.
 */
import { type Event, MAX_EVENT_BYTES, RESOURCE_ID, RESOURCE_NAME } from '../schemas/event';
import type { Webhook } from '../schemas/webhook';
import type { RequestContext } from './context';
import type { MappingError } from './errors';
import { uuidv5, uuidv7 } from './ids';
import { formatTimestamp } from './time';
import { webhookResource } from './validate';

export const FAILED_EVENT = 'hookgate.webhook.failed';
/** Room for the body and the rendered text together, leaving space for the rest of the event. */
const MAX_FAILURE_TEXT_CHARS = Math.floor((MAX_EVENT_BYTES - 100_000) / 2 / 3);

function clip(text: string | undefined): { text: string | null; truncated: boolean } {
  if (text === undefined) return { text: null, truncated: false };
  return text.length > MAX_FAILURE_TEXT_CHARS
    ? { text: text.slice(0, MAX_FAILURE_TEXT_CHARS), truncated: true }
    : { text, truncated: false };
}

export interface FailureInput {
  webhook: Webhook;
  context: RequestContext;
  error: MappingError;
  receivedAt: number;
  deliveryId?: string;
}

export function failureEvent({ webhook, context, error, receivedAt, deliveryId }: FailureInput): Event {
  const body = clip(context.rawBody);
  const rendered = clip(error.rendered);
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
