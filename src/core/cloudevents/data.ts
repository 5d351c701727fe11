/**
 * Event data: a binary-mode body or a `data_base64` member becomes a JSON value when its content
 * type is JSON, text when it is textual (binary mode), else stays bytes, kept as base64 text.
 * Web APIs only (`atob`, `btoa`, `TextDecoder`), as on Workers.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md#313-metadata-headers
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md#31-handling-of-data
 */

import { base64ToBytes, bytesToBase64 } from '../../lib/base64';
import { isJsonMediaType, mediaType, type ParsedBody } from '../parse-body';
import type { CloudEvent } from './types';
import { InvalidCloudEventError } from './types';

/** RFC 4648 §4 base64, padded. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type EventData = Pick<CloudEvent, 'data' | 'data_base64'>;

export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
}

/** Text in the declared charset (UTF-8 when none or unknown), or `undefined` when the bytes are not text. */
function decodeText(bytes: Uint8Array, charset: string | undefined): string | undefined {
  for (const label of charset ? [charset, 'utf-8'] : ['utf-8']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // An unknown label (RangeError) or bytes that are not text in it (TypeError): try the next.
    }
  }
  return undefined;
}

/** `text/*`, XML, or any type with a charset: types whose bytes are text. */
function isTextual(type: string, contentType: string | undefined): boolean {
  return type.startsWith('text/') || type === 'application/xml' || type.endsWith('+xml') || charsetOf(contentType) !== undefined;
}

function jsonOf(bytes: Uint8Array): { value: unknown } | undefined {
  const text = decodeText(bytes, 'utf-8');
  if (text === undefined) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * The data of a binary-mode request from its body. A declared JSON body must be JSON; without a
 * content type, JSON is tried, then UTF-8 text.
 * @param parsed the body as the request's JSON parser saw it, reused for a JSON content type
 */
export function dataFromBody(body: Uint8Array, contentType: string | undefined, parsed: ParsedBody): EventData {
  if (body.length === 0) return {};
  const type = mediaType(contentType ?? null);
  if (isJsonMediaType(type)) {
    if (!parsed.ok) throw new InvalidCloudEventError(`data: ${parsed.reason}`, 'data');
    return { data: parsed.value };
  }
  if (type === '') {
    const json = jsonOf(body);
    if (json) return { data: json.value };
  }
  if (type === '' || isTextual(type, contentType)) {
    const text = decodeText(body, charsetOf(contentType));
    if (text !== undefined) return { data: text };
  }
  return { data_base64: bytesToBase64(body) };
}

/** A JSON-format `data_base64`: decoded into `data` when its content type is JSON (or absent) and it parses; else kept. */
export function dataFromBase64(text: string, contentType: string | undefined): EventData {
  const type = mediaType(contentType ?? null);
  if (type === '' || isJsonMediaType(type)) {
    const json = jsonOf(base64ToBytes(text) ?? new Uint8Array(0));
    if (json) return { data: json.value };
  }
  return { data_base64: text };
}
