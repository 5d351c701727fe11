/**
 * Provider delivery ids (DESIGN §4.4): `header:<name>`, `query:<name>` or `body:<dot.path>`
 * selects the id a provider repeats when it retries, so retries map to the same event ids.
 */
import type { RequestContext } from './context';
import { lookupOwn } from './template/values';

/** The delivery id the selector finds in the request, or undefined. */
export function selectDeliveryId(selector: string | null, context: RequestContext): string | undefined {
  if (!selector) return undefined;
  const colon = selector.indexOf(':');
  const source = selector.slice(0, colon);
  const name = selector.slice(colon + 1);
  let value: unknown;
  if (source === 'header') value = context.headers[name.toLowerCase()];
  else if (source === 'query') value = context.query[name];
  else value = name.split('.').reduce<unknown>((node, key) => lookupOwn(node, key), context.body);
  if (Array.isArray(value)) value = value[0];
  // A number beyond 2^53 has lost digits in JSON.parse: two deliveries could look alike, so it is
  // not used (the events get fresh ids rather than being taken for duplicates).
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}
