/** Shared zod pieces for JSON data that must round-trip untouched (no key is dropped or re-created). */
import { z } from 'zod';

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A JSON object kept as it is: zod's `record` rebuilds objects and silently drops a
 * `__proto__` key, which would change a sender's payload.
 */
export const JsonObjectSchema = z
  .custom<JsonObject>(isJsonObject, {
    error: (issue) => `must be a JSON object, got ${describeType(issue.input)}`,
  })
  .meta({ type: 'object' });
