/**
 * A failure limiter per client address for credentials: wrong admin tokens on `/api/*` and wrong
 * tokens at the pages' sign-in. Each address may fail a burst of AUTH_FAILURE_BURST times, then
 * one more per AUTH_FAILURE_REFILL_MS; past that it gets 429 `too-many-failures` with Retry-After,
 * before its token is even compared. In memory, so per process (per isolate on Workers), and
 * bounded: at most AUTH_FAILURE_MAX_ADDRESSES addresses are tracked (the oldest are forgotten).
 * Pure: the runtime says what the client's address is.
 */
import { HookgateError } from '../lib/errors';

export const AUTH_FAILURE_BURST = 10;
export const AUTH_FAILURE_REFILL_MS = 6000;
export const AUTH_FAILURE_MAX_ADDRESSES = 10_000;

export class TooManyFailuresError extends HookgateError {
  constructor(override readonly retryAfterSeconds: number) {
    super(
      429,
      'too-many-failures',
      'Too many failed attempts',
      `too many wrong tokens from this address; retry after ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
}

export interface FailureLimiterOptions {
  burst?: number;
  refillMs?: number;
  maxAddresses?: number;
}

export interface FailureLimiter {
  /** Throws TooManyFailuresError while `address` has no attempt left; an unknown address is never limited. */
  check(address: string | undefined): void;
  /** Counts one failure for `address`. */
  fail(address: string | undefined): void;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createFailureLimiter(now: () => number, options: FailureLimiterOptions = {}): FailureLimiter {
  const burst = options.burst ?? AUTH_FAILURE_BURST;
  const refillMs = options.refillMs ?? AUTH_FAILURE_REFILL_MS;
  const maxAddresses = options.maxAddresses ?? AUTH_FAILURE_MAX_ADDRESSES;
  const buckets = new Map<string, Bucket>();

  /** The address's bucket, refilled to now; undefined when it is full (nothing to remember). */
  const current = (address: string): Bucket | undefined => {
    const bucket = buckets.get(address);
    if (!bucket) return undefined;
    const t = now();
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) / refillMs);
    bucket.at = t;
    if (bucket.tokens < burst) return bucket;
    buckets.delete(address);
    return undefined;
  };

  return {
    check(address) {
      if (address === undefined) return;
      const bucket = current(address);
      if (bucket && bucket.tokens < 1)
        throw new TooManyFailuresError(Math.max(1, Math.ceil(((1 - bucket.tokens) * refillMs) / 1000)));
    },
    fail(address) {
      if (address === undefined) return;
      const bucket = current(address) ?? { tokens: burst, at: now() };
      bucket.tokens = Math.max(0, bucket.tokens - 1);
      buckets.delete(address);
      buckets.set(address, bucket);
      if (buckets.size > maxAddresses) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
    },
  };
}
