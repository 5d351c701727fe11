/**
 * Request bodies outside `/hooks`: a size limit applied before anything reads the body (declared
 * `Content-Length` and counted streams alike, 413 `payload-too-large`), and management API JSON:
 * `invalid-json` (400) for text that is not JSON, `validation-failed` (422) with the zod issues for
 * JSON of the wrong shape.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { readLimited } from '../core/receive';
import { InputError, payloadTooLarge } from '../lib/errors';
import { parseWith } from '../schemas/issues';

export const MAX_API_BODY_BYTES = 16 * 1024 * 1024;

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

export async function readJson(c: Context, { optional = false } = {}): Promise<unknown> {
  // Counted as it is read (413 `payload-too-large`), also where no `limitBody` runs before.
  const text = decoder.decode(await readLimited(c.req.raw, MAX_API_BODY_BYTES));
  if (text.trim() === '') {
    if (optional) return undefined;
    throw new InputError(400, 'invalid-json', 'the request needs a JSON body');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(400, 'invalid-json', `the body is not JSON: ${(error as Error).message}`);
  }
}

/** Reads and validates a JSON body in one step. */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.output<S>> {
  return parseWith(schema, await readJson(c, options));
}
