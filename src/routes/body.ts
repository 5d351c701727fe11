/**
 * Reading JSON bodies of management API requests: one size limit, `invalid-json` (400) for text
 * that is not JSON, `validation-failed` (422) with the zod issues for JSON of the wrong shape.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { InputError } from '../core/errors';
import { describeIssues, summarizeIssues } from '../schemas/issues';

export const MAX_API_BODY_BYTES = 16 * 1024 * 1024;

export async function readJson(c: Context, { optional = false } = {}): Promise<unknown> {
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > MAX_API_BODY_BYTES)
    throw new InputError(400, 'payload-too-large', `the body may be at most ${MAX_API_BODY_BYTES} bytes`);
  const text = await c.req.text();
  if (text.length > MAX_API_BODY_BYTES)
    throw new InputError(400, 'payload-too-large', `the body may be at most ${MAX_API_BODY_BYTES} bytes`);
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

/** Parses `value` with `schema`, or throws 422 `validation-failed` listing every issue. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(422, 'validation-failed', describeIssues(result.error.issues, prefix), {
    issues: summarizeIssues(result.error.issues, prefix),
  });
}

/** Reads and validates a JSON body in one step. */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.output<S>> {
  return parseWith(schema, await readJson(c, options));
}
