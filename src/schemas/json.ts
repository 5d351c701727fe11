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
 * How deep JSON may nest (objects and arrays). Deeper data breaks recursive code (JSON.stringify
 * overflows its stack around a few thousand levels) and SQLite's JSON functions (1,000 levels), and
 * no real webhook nests anywhere near this.
 */
export const MAX_JSON_DEPTH = 100;

/** True when `value` nests objects/arrays deeper than `limit` (iterative: no recursion to overflow). */
export function nestsDeeperThan(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * A JSON object kept as it is: zod's `record` rebuilds objects and silently drops a
 * `__proto__` key, which would change a sender's payload.
 */
export const StoredJsonObjectSchema = z
  .custom<JsonObject>(isJsonObject, {
    error: (issue) => `must be a JSON object, got ${describeType(issue.input)}`,
  })
  .meta({ type: 'object' });

/** A JSON object as input: also bounded in nesting (MAX_JSON_DEPTH). Rows read back are not re-checked. */
export const JsonObjectSchema = StoredJsonObjectSchema.refine((value) => !nestsDeeperThan(value), {
  error: `must not nest deeper than ${MAX_JSON_DEPTH} levels`,
}).meta({ type: 'object' });
