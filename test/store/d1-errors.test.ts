/**
 * The D1 driver's write errors: what D1 documents as transient becomes `StoreUnavailableError`
 * (503, the sender retries later); anything deterministic is rethrown as it is (500, logged), so a
 * sender is not told to retry a write that can never succeed.
 * @see https://developers.cloudflare.com/d1/observability/debug-d1/#error-list
 */
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/lib/errors';
import { createD1Store, type D1Like, type D1StatementLike, isTransientD1Error } from '../../src/store/d1';
import { sampleEvent, sampleWebhook } from './samples';

const TRANSIENT = [
  'D1_ERROR: D1 DB reset because its code was updated.',
  'D1_ERROR: Internal error while starting up D1 DB storage caused object to be reset.',
  'D1_ERROR: Network connection lost.',
  'D1_ERROR: Internal error in D1 DB storage caused object to be reset.',
  'D1_ERROR: Cannot resolve D1 DB due to transient issue on remote node.',
  'D1_ERROR: D1 DB storage operation exceeded timeout which caused object to be reset.',
  'D1_ERROR: D1 DB is overloaded. Requests queued for too long.',
  'D1_ERROR: D1 DB is overloaded. Too many requests queued.',
  "D1_ERROR: D1 DB's isolate exceeded its memory limit and was reset.",
  'D1_ERROR: D1 DB exceeded its CPU time limit and was reset.',
  'D1_ERROR: Durable Object reset because its code was updated.',
  'D1_ERROR: database is locked: SQLITE_BUSY',
  'D1_ERROR: database table is locked: SQLITE_LOCKED',
  'D1_ERROR: Exceeded maximum DB size.',
  'D1_ERROR: database or disk is full: SQLITE_FULL',
  'D1_ERROR: disk I/O error: SQLITE_IOERR',
  'D1_ERROR: attempt to write a readonly database: SQLITE_READONLY',
  'fetch failed: connect ETIMEDOUT',
  'read ECONNRESET',
  'The operation timed out.',
];

const DETERMINISTIC = [
  'D1_ERROR: string or blob too big: SQLITE_TOOBIG',
  'D1_ERROR: UNIQUE constraint failed: webhooks.slug: SQLITE_CONSTRAINT',
  'D1_ERROR: NOT NULL constraint failed: events.body: SQLITE_CONSTRAINT',
  'D1_ERROR: malformed JSON: SQLITE_ERROR',
  'D1_ERROR: too many SQL variables at offset 123: SQLITE_ERROR',
  'D1_ERROR: statement too long: SQLITE_TOOBIG',
  "D1_TYPE_ERROR: Type 'undefined' not supported for value 'undefined'",
  'D1_COLUMN_NOTFOUND: Column not found',
  "D1_ERROR: Can't read from request stream because client disconnected.",
  'something nobody documented',
];

/** A D1 binding whose writes fail with `message`. */
function failingD1(message: string): D1Like {
  const statement: D1StatementLike = {
    bind: () => statement,
    all: async () => ({ results: [] }),
    first: async () => null,
    run: async () => {
      throw new Error(message);
    },
  };
  return {
    prepare: () => statement,
    batch: async () => {
      throw new Error(message);
    },
  };
}

describe('D1 write errors', () => {
  it.each(TRANSIENT)('treats "%s" as transient', (message) => {
    expect(isTransientD1Error(new Error(message))).toBe(true);
  });

  it.each(DETERMINISTIC)('treats "%s" as deterministic', (message) => {
    expect(isTransientD1Error(new Error(message))).toBe(false);
  });

  it('looks at the cause too, and at values that are not errors', () => {
    expect(isTransientD1Error(new Error('D1_ERROR', { cause: new Error('Network connection lost.') }))).toBe(true);
    expect(isTransientD1Error('Network connection lost.')).toBe(true);
    expect(isTransientD1Error(undefined)).toBe(false);
  });

  it('turns a transient failure into StoreUnavailableError (503, retry)', async () => {
    const store = createD1Store(failingD1('D1_ERROR: D1 DB is overloaded. Too many requests queued.'));
    await expect(store.writeEvents([sampleEvent()])).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.createWebhook(sampleWebhook())).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('rethrows a deterministic failure unchanged, so it is a logged 500 and not a retry forever', async () => {
    const message = 'D1_ERROR: string or blob too big: SQLITE_TOOBIG';
    const store = createD1Store(failingD1(message));
    const failure = await store.writeEvents([sampleEvent()]).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toBe(message);
    await expect(store.updateWebhook(sampleWebhook())).rejects.toThrow(message);
  });
});
