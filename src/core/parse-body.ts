/**
 * Body parsing rules (DESIGN §3, Prefect's): JSON for `application/json` and `+json` types, an
 * object for form bodies, otherwise JSON if it parses, else the text. Objects built here have no
 * prototype, so a `__proto__` key in a form is data like any other.
 */

import { jsonHeight, MAX_JSON_DEPTH, rememberParsed } from '../schemas/json';

const decoder = new TextDecoder('utf-8');

export type ParsedBody =
  | { ok: true; value: unknown }
  /** The body says it is JSON but is not: unusable for a template. */
  | { ok: false; reason: string };

/** `a=1&a=2` → `{a: ["1", "2"]}`; single keys stay strings. */
export function formToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of params) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

export function bodyText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * JSON text as a value, or why not: not JSON, or nested deeper than MAX_JSON_DEPTH. The one walk
 * over the value is remembered with it (see `rememberParsed`): an event payload holding the body
 * is not walked again, and a template places the body as it is (core/template/placement.ts).
 */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `is not JSON: ${(error as Error).message}` };
  }
  // Containers at depth MAX_JSON_DEPTH are too deep: the root may have that many levels less one below it.
  const height = jsonHeight(value, MAX_JSON_DEPTH - 1);
  if (height === undefined) return { ok: false, reason: `nests deeper than ${MAX_JSON_DEPTH} levels` };
  if (value !== null && typeof value === 'object') rememberParsed(value, height, text.length);
  return { ok: true, value };
}

export function parseBody(text: string, contentType: string | null): ParsedBody {
  const type = mediaType(contentType);
  if (isJsonMediaType(type)) {
    if (text.trim() === '') return { ok: true, value: null };
    const json = parseJson(text);
    return json.ok ? json : { ok: false, reason: `the body is declared as ${type} but ${json.reason}` };
  }
  if (type === 'application/x-www-form-urlencoded') return { ok: true, value: formToObject(new URLSearchParams(text)) };
  // Otherwise: JSON if it parses (within the depth limit), else the text.
  const json = parseJson(text);
  return json.ok ? json : { ok: true, value: text };
}
