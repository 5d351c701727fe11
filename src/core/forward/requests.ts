/**
 * The HTTP requests a sink gets for a batch of events, per kind: Prefect's `POST {api}/events`
 * (Bearer or Basic), a plain JSON array with an `Idempotency-Key` and optional Standard Webhooks
 * signature, or CloudEvents (binary, structured or batch). Data only: sending is the runtime's.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md
 */
import { bytesToBase64 } from '../../lib/base64';
import { URL_NAMESPACE, uuidv5 } from '../../lib/ids';
import type { StoredEvent } from '../../schemas/event';
import type { Sink, SinkTarget } from '../../schemas/sink';
import { hmac } from '../verify/crypto';
import { utf8 } from '../verify/encoding';
import { keyBytes, standardSignedContent } from '../verify/standard-webhooks';
import { cloudEventRequest } from './cloudevents';
import { prefectEvent, prefectEventsUrl } from './prefect';

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Largest request body sent (Prefect Cloud refuses over 5 MiB). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const USER_AGENT = 'hookgate-forwarder';

/** Events per request for a kind: one for CloudEvents binary and structured modes, else the sink's batch. */
export function isSingleEventKind(target: SinkTarget): boolean {
  return target.kind === 'cloudevents' && target.mode !== 'batch';
}

/** Splits events into requests of at most `batchSize` events and MAX_REQUEST_BYTES of body. */
export function splitBatches(
  sink: Sink,
  events: readonly StoredEvent[],
  sizeOf: (event: StoredEvent) => number,
): StoredEvent[][] {
  const perRequest = isSingleEventKind(sink.target) ? 1 : sink.batchSize;
  const batches: StoredEvent[][] = [];
  let current: StoredEvent[] = [];
  let bytes = 2;
  for (const event of events) {
    const size = sizeOf(event) + 1;
    if (current.length > 0 && (current.length >= perRequest || bytes + size > MAX_REQUEST_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 2;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The JSON an event travels as for a sink: Prefect's seven fields, or the stored event whole. */
export function wireEvent(target: SinkTarget, event: StoredEvent): unknown {
  return target.kind === 'prefect' ? prefectEvent(event) : event;
}

/** A key the same for the same events: receivers that deduplicate by it see a retry as one delivery. */
export function idempotencyKey(events: readonly StoredEvent[]): string {
  return events.length === 1 ? (events[0]?.id ?? '') : uuidv5(URL_NAMESPACE, `hookgate:${events.map((e) => e.id).join(',')}`);
}

function prefectAuth(target: Extract<SinkTarget, { kind: 'prefect' }>): Record<string, string> {
  if (target.apiKey) return { authorization: `Bearer ${target.apiKey}` };
  if (target.authString) return { authorization: `Basic ${bytesToBase64(utf8(target.authString))}` };
  return {};
}

async function standardSignature(secret: string, id: string, timestamp: string, body: string): Promise<string> {
  const mac = await hmac('sha256', keyBytes(secret, 'whsec_'), standardSignedContent(id, timestamp, utf8(body)));
  return `v1,${bytesToBase64(mac)}`;
}

/** The request for one batch of `sink`'s events, at `nowMs`. */
export async function buildRequest(sink: Sink, events: readonly StoredEvent[], nowMs: number): Promise<OutgoingRequest> {
  const target = sink.target;
  const base = { 'user-agent': USER_AGENT, ...target.headers };
  if (target.kind === 'cloudevents') return cloudEventRequest(target, events, base);
  const body = JSON.stringify(events.map((event) => wireEvent(target, event)));
  const json = { ...base, 'content-type': 'application/json' };
  if (target.kind === 'prefect') return { url: prefectEventsUrl(target.url), headers: { ...json, ...prefectAuth(target) }, body };
  const key = idempotencyKey(events);
  const headers: Record<string, string> = { ...json, 'idempotency-key': key };
  if (target.signingSecret) {
    const timestamp = String(Math.floor(nowMs / 1000));
    headers['webhook-id'] = key;
    headers['webhook-timestamp'] = timestamp;
    headers['webhook-signature'] = await standardSignature(target.signingSecret, key, timestamp, body);
  }
  return { url: target.url, headers, body };
}
