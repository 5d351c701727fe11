/**
 * A delivery-log record from a request and what became of it. Header names are kept; values only
 * for a safe list (content type, user agent, providers' event and delivery ids). A header whose
 * name speaks of a signature, token, key, secret, session or cookie is never kept by value, even
 * when a pattern would allow it.
 */
import { formatTimestamp, microsFromMillis } from '../../lib/time';
import {
  type Delivery,
  type DeliveryOutcome,
  MAX_DELIVERY_EVENT_IDS,
  MAX_DELIVERY_HEADER_VALUE,
  MAX_DELIVERY_HEADERS,
} from '../../schemas/delivery';

const SAFE_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'user-agent',
  'x-request-id',
  'x-forwarded-proto',
  'webhook-id',
  'webhook-timestamp',
  'svix-id',
  'svix-timestamp',
]);

/** Providers' event, topic and delivery headers: `x-github-event`, `x-shopify-topic`, `x-gitlab-event-uuid`, `ce-type`… */
const SAFE_PATTERN =
  /^(?:x-[a-z0-9-]*-(?:event|event-type|event-uuid|delivery|delivery-id|topic|hook-id|webhook-id|request-id|retry-num|retry-reason|trigger)|ce-(?:id|type|source|specversion|subject|time|datacontenttype))$/;

const NEVER_BY_VALUE = /sign|token|secret|auth|cookie|key|pass|session|credential|hmac|digest/;

/** Whether a header's value may be kept. Senders repeat the same few names: decided once per name (a bounded memo). */
const safeByName = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 512;

function keepsValue(name: string): boolean {
  let safe = safeByName.get(name);
  if (safe === undefined) {
    safe = !NEVER_BY_VALUE.test(name) && (SAFE_HEADERS.has(name) || SAFE_PATTERN.test(name));
    if (safeByName.size < MAX_REMEMBERED_NAMES) safeByName.set(name, safe);
  }
  return safe;
}

/** Header names (lower case) with their value where it is safe to keep, null otherwise. */
export function recordedHeaders(headers: Headers): { headers: Record<string, string | null>; omitted: number } {
  const out: Record<string, string | null> = {};
  let count = 0;
  let omitted = 0;
  headers.forEach((value, name) => {
    if (count >= MAX_DELIVERY_HEADERS) {
      omitted++;
      return;
    }
    count++;
    out[name] = keepsValue(name) ? value.slice(0, MAX_DELIVERY_HEADER_VALUE) : null;
  });
  return { headers: out, omitted };
}

export interface DeliveryFacts {
  webhookId: string;
  request: Request;
  /** Milliseconds since the epoch, when the request arrived and when it was answered. */
  receivedAt: number;
  answeredAt: number;
  outcome: DeliveryOutcome;
  status: number;
  code?: string;
  detail?: string;
  eventIds?: readonly string[];
  failureEvent?: string;
  source?: string;
}

function declaredBytes(request: Request): number {
  const length = Number(request.headers.get('content-length') ?? 0);
  return Number.isSafeInteger(length) && length > 0 ? length : 0;
}

export function deliveryRecord(facts: DeliveryFacts): Delivery {
  const { headers, omitted } = recordedHeaders(facts.request.headers);
  const eventIds = facts.eventIds ?? [];
  return {
    id: crypto.randomUUID(),
    webhookId: facts.webhookId,
    received: formatTimestamp(microsFromMillis(facts.receivedAt)),
    outcome: facts.outcome,
    status: facts.status,
    code: facts.code ?? null,
    detail: facts.detail?.slice(0, 1000) ?? null,
    events: eventIds.length,
    eventIds: eventIds.slice(0, MAX_DELIVERY_EVENT_IDS),
    failureEvent: facts.failureEvent ?? null,
    method: facts.request.method.slice(0, 16),
    durationMs: Math.max(0, Math.round((facts.answeredAt - facts.receivedAt) * 100) / 100),
    bodyBytes: declaredBytes(facts.request),
    source: facts.source?.slice(0, 64) ?? null,
    headers,
    headersOmitted: omitted,
  };
}
