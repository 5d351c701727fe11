/**
 * The failure limiter on Workers (issue 14): wrong admin tokens from one address (Cloudflare's
 * `CF-Connecting-IP`) get 401 for a burst, then 429 with Retry-After; another address is unaffected.
 */
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { AUTH_FAILURE_BURST } from '../../src/core/auth-failures';

function apiFrom(address: string, token: string): Promise<Response> {
  return exports.default.fetch(
    new Request('https://hookgate.test/api/presets', {
      headers: { authorization: `Bearer ${token}`, 'cf-connecting-ip': address },
    }),
  );
}

describe('wrong admin tokens on workerd', () => {
  it('are limited per client address: 401 for a burst, then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_FAILURE_BURST + 1; i++) {
      const response = await apiFrom('203.0.113.7', `wrong-token-${i}`);
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      await response.body?.cancel();
    }
    expect(statuses.slice(0, AUTH_FAILURE_BURST).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await apiFrom('203.0.113.8', env.HOOKGATE_ADMIN_TOKEN);
    expect(other.status).toBe(200);
    await other.body?.cancel();
  });
});
