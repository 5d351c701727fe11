/**
 * Body parsing rules (DESIGN §3, Prefect's): JSON for `application/json` and `+json` types, an
 * object for form bodies, otherwise JSON if it parses, else the text. Objects built here have no
 * prototype, so a `__proto__` key in a form is data like any other.
 */

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

export function parseBody(text: string, contentType: string | null): ParsedBody {
  const type = mediaType(contentType);
  if (isJsonMediaType(type)) {
    if (text.trim() === '') return { ok: true, value: null };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      return { ok: false, reason: `the body is declared as ${type} but is not JSON: ${(error as Error).message}` };
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { ok: true, value: formToObject(new URLSearchParams(text)) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: true, value: text };
  }
}
