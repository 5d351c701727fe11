/**
 * Sample requests for the mapping editor's preview: the preset's sample, a pasted request, or the
 * last request the webhook received — hookgate keeps a request in a failure event, and in an event
 * whose mapping left `payload` to its default `{method, headers, body}`.
 */
import { z } from 'zod';
import { FAILED_EVENT } from '../core/failure';
import { findPreset } from '../core/presets/catalog';
import { microsFromMillis } from '../lib/time';
import type { StoredEvent } from '../schemas/event';
import { EventFilter, resolveFilter } from '../schemas/filter';
import { describeIssues } from '../schemas/issues';
import { isJsonObject } from '../schemas/json';
import { MAX_SAMPLE_FIELDS, oversizedSampleField, SampleRequest, type Webhook } from '../schemas/webhook';
import type { EventStore } from '../store/types';

export type SampleSource = 'preset' | 'last' | 'pasted';

export interface LastRequest {
  sample: SampleRequest;
  /** The event it was read from. */
  event: StoredEvent;
}

/** How many recent events of a webhook are searched for a request. */
const LAST_REQUEST_LOOKBACK = 25;

const StoredRequest = z.object({
  method: z.string().regex(/^[A-Za-z]{1,16}$/),
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default(() => ({})),
  body: z.unknown(),
});

/** The request an event holds: a failure's `payload.request` (not truncated) or a default payload. */
function requestIn(event: StoredEvent): SampleRequest | undefined {
  const payload = event.payload;
  const candidate = event.event === FAILED_EVENT ? payload.request : payload;
  if (!isJsonObject(candidate) || candidate.bodyTruncated === true) return undefined;
  const parsed = StoredRequest.safeParse(candidate);
  if (!parsed.success) return undefined;
  const { body, ...rest } = parsed.data;
  // Default payloads hold the parsed body; the sample sends it as JSON text, failures hold the text.
  const text = body === null || body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  // A request that cannot be sent again (e.g. stored through `POST /api/events`) is no sample.
  const sample = SampleRequest.safeParse({ ...rest, body: text });
  return sample.success ? sample.data : undefined;
}

export async function lastRequest(store: EventStore, webhook: Webhook, nowMs: number): Promise<LastRequest | undefined> {
  const filter = resolveFilter(
    EventFilter.parse({ related: { id: [`hookgate.webhook.${webhook.id}`] } }),
    microsFromMillis(nowMs),
  );
  const page = await store.queryEvents(filter, { limit: LAST_REQUEST_LOOKBACK, offset: 0, knownTotal: 0 });
  for (const event of page.events) {
    const sample = requestIn(event);
    if (sample) return { sample, event };
  }
  return undefined;
}

export function presetSample(webhook: Pick<Webhook, 'preset'>): SampleRequest | undefined {
  return (webhook.preset && findPreset(webhook.preset)?.sample) || undefined;
}

/** `Name: value` lines → headers; lines without a colon are ignored. */
export function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

export interface PastedRequest {
  method: string;
  headers: string;
  body: string;
}

/**
 * A pasted request (POST when the method is left empty); a body that looks like JSON gets
 * `content-type: application/json` unless one is given. Or what is wrong with it, field by field.
 */
export function pastedSample({ method, headers, body }: PastedRequest): { sample: SampleRequest } | { invalid: string } {
  const parsedHeaders = parseHeaderLines(headers);
  if (!parsedHeaders['content-type'] && /^\s*[[{]/.test(body)) parsedHeaders['content-type'] = 'application/json';
  const candidate = { method: method.trim() || 'POST', headers: parsedHeaders, body: body === '' ? undefined : body };
  // Counted before the schema, which would check every one of a pasted million first.
  if (oversizedSampleField(candidate)) return { invalid: `headers: must hold at most ${MAX_SAMPLE_FIELDS} headers` };
  const parsed = SampleRequest.safeParse(candidate);
  return parsed.success ? { sample: parsed.data } : { invalid: describeIssues(parsed.error.issues) };
}
