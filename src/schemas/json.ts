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

/** What is known of a JSON value parsed from text: how deep it nests, how long that text was. */
interface ParsedFacts {
  height: number;
  textChars: number;
}

/**
 * JSON values already measured (a parsed request body): a later check of a value that holds one
 * (an event payload made of the body) adds its height instead of walking it again, and a template
 * may place it as it is (core/template/placement.ts). Only values never changed afterwards are kept.
 */
const parsedValues = new WeakMap<object, ParsedFacts>();

/**
 * How many levels of objects/arrays `value` nests below itself (0 for one without any), or
 * `undefined` once that passes `limit`. Recursion stops at `limit`, so it cannot overflow.
 */
export function jsonHeight(value: unknown, limit: number = MAX_JSON_DEPTH): number | undefined {
  if (value === null || typeof value !== 'object') return 0;
  const height = heightWithin(value, limit);
  return height > limit ? undefined : height;
}

/**
 * Remembers that `value` (plain data from `JSON.parse` of `textChars` characters, never to be
 * changed) nests `height` levels: see `nestsDeeperThan` and `parsedTextChars`.
 */
export function rememberParsed(value: object, height: number, textChars: number): void {
  parsedValues.set(value, { height, textChars });
}

/** How long the text `value` was parsed from, when it was remembered by `rememberParsed`. */
export function parsedTextChars(value: object): number | undefined {
  return parsedValues.get(value)?.textChars;
}

/** Height of a container, or a number past `room` as soon as it is known to pass it. */
function heightWithin(node: object, room: number): number {
  const known = parsedValues.get(node);
  if (known !== undefined) return known.height;
  // No room left below: any container is past it (and recursion stops here).
  if (room < 0) return 0;
  let height = 0;
  // An array is walked as it is; an object's values are listed once.
  const children: readonly unknown[] = Array.isArray(node) ? node : Object.values(node);
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === null || typeof child !== 'object') continue;
    const below = heightWithin(child, room - 1) + 1;
    if (below > room) return below;
    if (below > height) height = below;
  }
  return height;
}

/** True when `value` nests objects/arrays deeper than `limit` (a container at depth `limit` or more). */
export function nestsDeeperThan(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  // A container at depth `limit` means a height of `limit` below the root.
  return heightWithin(value, limit - 1) > limit - 1;
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
