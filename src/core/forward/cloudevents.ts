/**
 * Hookgate events as CloudEvents 1.0 over HTTP: `id` = event id, `type` = event name, `time` =
 * occurred, `subject` = the primary resource id, `source` = `hookgate`, the whole event as JSON
 * data. Binary mode (default) puts attributes in `ce-` headers; structured and batch modes use
 * the JSON event format.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md
 */
import { RESOURCE_ID, type StoredEvent } from '../../schemas/event';
import type { SinkTarget } from '../../schemas/sink';
import type { OutgoingRequest } from './requests';

export const CLOUDEVENTS_SOURCE = 'hookgate';

function attributes(event: StoredEvent): Record<string, string> {
  return {
    specversion: '1.0',
    id: event.id,
    type: event.event,
    source: CLOUDEVENTS_SOURCE,
    time: event.occurred,
    subject: event.resource[RESOURCE_ID] ?? '',
  };
}

/** A header value per the HTTP binding §3.1.3.2: printable ASCII except `"` and `%` as is, the rest percent-encoded UTF-8. */
export function encodeHeaderValue(value: string): string {
  return value.replace(/[^\x20-\x21\x23-\x24\x26-\x7e]/gu, (char) =>
    [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

function structured(event: StoredEvent): Record<string, unknown> {
  return { ...attributes(event), datacontenttype: 'application/json', data: event };
}

export function cloudEventRequest(
  target: Extract<SinkTarget, { kind: 'cloudevents' }>,
  events: readonly StoredEvent[],
  base: Record<string, string>,
): OutgoingRequest {
  const first = events[0];
  if (target.mode === 'batch' || !first) {
    const body = JSON.stringify(events.map(structured));
    return { url: target.url, headers: { ...base, 'content-type': 'application/cloudevents-batch+json' }, body };
  }
  if (target.mode === 'structured') {
    const body = JSON.stringify(structured(first));
    return { url: target.url, headers: { ...base, 'content-type': 'application/cloudevents+json' }, body };
  }
  const headers: Record<string, string> = { ...base, 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(attributes(first))) headers[`ce-${name}`] = encodeHeaderValue(value);
  return { url: target.url, headers, body: JSON.stringify(first) };
}
