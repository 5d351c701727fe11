/**
 * Request bodies outside `/hooks`: a size limit applied before anything reads the body (declared
 * `Content-Length` and counted streams alike, 413 `payload-too-large`), and management API JSON:
 * a shape budget checked before parsing (nesting, values, items: 422 `json-too-complex` or
 * `too-many-items`), `invalid-json` (400) for text that is not JSON, `validation-failed` (422) with
 * the first zod issues (and their count) for JSON of the wrong shape.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { readLimited } from '../core/receive';
import { InputError, payloadTooLarge } from '../lib/errors';
import { exceedsJsonShape, type JsonShapeExcess, type JsonShapeLimits } from '../lib/json-shape';
import { parseWith } from '../schemas/issues';
import { MAX_JSON_DEPTH } from '../schemas/json';

/** Largest management API body (a webhook with a 1.5 MB static event fits). `POST /api/events` has its own. */
export const MAX_API_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The budget of any API body, checked before parsing: 200,000 values, and nesting far past what
 * stored JSON may have (MAX_JSON_DEPTH), so validation still names the field for moderate excess.
 */
export const API_JSON_SHAPE: JsonShapeLimits = { maxDepth: 100 * MAX_JSON_DEPTH, maxValues: 200_000 };

export interface JsonBodyLimits {
  maxBytes: number;
  shape: JsonShapeLimits;
}

export const API_BODY_LIMITS: JsonBodyLimits = { maxBytes: MAX_API_BODY_BYTES, shape: API_JSON_SHAPE };

/**
 * Refuses a body over `maxBytes` before any handler reads it: a larger declared `Content-Length`
 * at once, a chunked body as soon as the count passes the limit (Hono's `bodyLimit`, on Node and
 * Workers alike). Throws `payload-too-large`, so the app's (or the pages') error handler answers.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw payloadTooLarge(maxBytes);
    },
  });
}

const decoder = new TextDecoder();

function shapeError({ limit, max }: JsonShapeExcess): InputError {
  if (limit === 'items') {
    return new InputError(422, 'too-many-items', `the array may hold at most ${max} items`, { maxItems: max });
  }
  const rule = limit === 'depth' ? `nest at most ${max} levels deep` : `hold at most ${max} values (keys included)`;
  return new InputError(422, 'json-too-complex', `the body may ${rule}`, { limit, max });
}

export interface ReadJsonOptions {
  optional?: boolean;
  limits?: JsonBodyLimits;
}

export async function readJson(
  c: Context,
  { optional = false, limits = API_BODY_LIMITS }: ReadJsonOptions = {},
): Promise<unknown> {
  // Counted as it is read (413 `payload-too-large`), also where no `limitBody` runs before.
  const text = decoder.decode(await readLimited(c.req.raw, limits.maxBytes));
  if (text.trim() === '') {
    if (optional) return undefined;
    throw new InputError(400, 'invalid-json', 'the request needs a JSON body');
  }
  const excess = exceedsJsonShape(text, limits.shape);
  if (excess) throw shapeError(excess);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(400, 'invalid-json', `the body is not JSON: ${(error as Error).message}`);
  }
}

/** Reads and validates a JSON body in one step. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S, options: ReadJsonOptions = {}): Promise<z.output<S>> {
  return parseWith(schema, await readJson(c, options));
}
