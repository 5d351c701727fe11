/** The failure limiter for credentials: a burst per address, then 429 with Retry-After, refilled over time. */
import { describe, expect, it } from 'vitest';
import { AUTH_FAILURE_BURST, createFailureLimiter, TooManyFailuresError } from '../../src/core/auth-failures';

function limiter(options = {}) {
  let t = 1_000_000;
  const limit = createFailureLimiter(() => t, { burst: 3, refillMs: 2000, ...options });
  return { limit, advance: (ms: number) => (t += ms) };
}

describe('the failure limiter', () => {
  it('allows a burst of failures per address, then refuses that address only', () => {
    const { limit } = limiter();
    for (let i = 0; i < 3; i++) {
      limit.check('198.51.100.1');
      limit.fail('198.51.100.1');
    }
    expect(() => limit.check('198.51.100.1')).toThrow(TooManyFailuresError);
    expect(() => limit.check('198.51.100.2')).not.toThrow();
  });

  it('says when to retry, and lets the address try again once a failure has refilled', () => {
    const { limit, advance } = limiter();
    for (let i = 0; i < 3; i++) limit.fail('a');
    try {
      limit.check('a');
      expect.unreachable();
    } catch (error) {
      expect((error as TooManyFailuresError).status).toBe(429);
      expect((error as TooManyFailuresError).code).toBe('too-many-failures');
      expect((error as TooManyFailuresError).retryAfterSeconds).toBe(2);
    }
    advance(2000);
    expect(() => limit.check('a')).not.toThrow();
  });

  it('never limits an unknown address', () => {
    const { limit } = limiter();
    for (let i = 0; i < 10; i++) limit.fail(undefined);
    expect(() => limit.check(undefined)).not.toThrow();
  });

  it('tracks a bounded number of addresses, forgetting the oldest', () => {
    const { limit } = limiter({ maxAddresses: 2 });
    for (let i = 0; i < 3; i++) limit.fail('old');
    for (const address of ['b', 'c']) limit.fail(address);
    expect(() => limit.check('old')).not.toThrow();
  });

  it('defaults to a burst of 10', () => {
    expect(AUTH_FAILURE_BURST).toBe(10);
  });
});
