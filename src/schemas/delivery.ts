/**
 * The delivery log (issue 18): one record per request to a webhook URL and what became of it.
 * Header values are kept only for a safe list (content type, user agent, providers' event and
 * delivery ids); a signature, token or cookie is recorded by name only, and a refused request's
 * body never.
 */
import { z } from 'zod';
import { Timestamp, Uuid } from './event';

export const DELIVERY_OUTCOMES = ['stored', 'failed', 'rejected', 'handshake'] as const;
export const DeliveryOutcome = z.enum(DELIVERY_OUTCOMES);
export type DeliveryOutcome = z.infer<typeof DeliveryOutcome>;

/** Most event ids a record lists (a fan-out of 100 lists the first ones; `events` has the count). */
export const MAX_DELIVERY_EVENT_IDS = 10;
/** Most headers a record names; more are counted in `headersOmitted`. */
export const MAX_DELIVERY_HEADERS = 64;
/** Longest header value kept (safe-listed headers only). */
export const MAX_DELIVERY_HEADER_VALUE = 200;

export const Delivery = z.object({
  id: Uuid,
  webhookId: Uuid,
  received: Timestamp,
  outcome: DeliveryOutcome,
  /** The HTTP status the sender was answered. */
  status: z.number().int().min(100).max(599),
  /** The problem code of a refused or failed request (`signature-mismatch`, `rate-limited`, …). */
  code: z.string().max(100).nullable(),
  /** The problem's detail: what was wrong, never a secret (see lib/errors). */
  detail: z.string().max(1000).nullable(),
  /** Events stored by this request. */
  events: z.number().int().min(0),
  eventIds: z.array(Uuid).max(MAX_DELIVERY_EVENT_IDS),
  /** The `hookgate.webhook.failed` event that holds a failed request. */
  failureEvent: Uuid.nullable(),
  method: z.string().max(16),
  durationMs: z.number().min(0),
  bodyBytes: z.number().int().min(0),
  /** The sender's address, as the runtime reports it. */
  source: z.string().max(64).nullable(),
  /** Header names in the order sent; the value for safe-listed ones, null for the rest. */
  headers: z.record(z.string(), z.string().nullable()),
  headersOmitted: z.number().int().min(0).default(0),
});
export type Delivery = z.infer<typeof Delivery>;

/** A record with its plain-language hint, as the API and the pages show it. */
export type DeliveryView = Delivery & { hint: string | null };

export const MAX_DELIVERY_PAGE = 200;

/** `GET /api/webhooks/:id/deliveries` query. */
export const DeliveryQuery = z.strictObject({
  outcome: DeliveryOutcome.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_DELIVERY_PAGE).default(50),
  /** Older than this cursor (the `next_page` of the previous answer). */
  page: z
    .string()
    .regex(/^\d{1,18}$/, { error: 'must be a next_page value' })
    .optional(),
  /** Newer than this cursor (the `cursor` of a previous answer), oldest first: for following. */
  after: z
    .string()
    .regex(/^\d{1,18}$/, { error: 'must be a cursor value' })
    .optional(),
});
export type DeliveryQuery = z.infer<typeof DeliveryQuery>;
