/**
 * Per-webhook rate limits: a token bucket per webhook, holding `requests` tokens and refilled
 * at `requests / perSeconds` per second. In memory, so per process (per isolate on Workers).
 */

import { HookgateError } from '../lib/errors';
import type { RateLimit } from '../schemas/webhook';

export class RateLimitedError extends HookgateError {
  constructor(override readonly retryAfterSeconds: number) {
    super(429, 'rate-limited', 'Too many requests', `this webhook's rate limit is exceeded; retry after ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}

interface Bucket {
  tokens: number;
  at: number;
  limit: RateLimit;
}

export interface RateLimiter {
  /** Takes one token for `key` or throws `RateLimitedError`. */
  take(key: string, limit: RateLimit): void;
}

export function createRateLimiter(now: () => number): RateLimiter {
  const buckets = new Map<string, Bucket>();
  return {
    take(key, limit) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket || bucket.limit.requests !== limit.requests || bucket.limit.perSeconds !== limit.perSeconds) {
        bucket = { tokens: limit.requests, at: t, limit };
        buckets.set(key, bucket);
      }
      const ratePerMs = limit.requests / (limit.perSeconds * 1000);
      bucket.tokens = Math.min(limit.requests, bucket.tokens + (t - bucket.at) * ratePerMs);
      bucket.at = t;
      if (bucket.tokens < 1) throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)));
      bucket.tokens -= 1;
    },
  };
}
