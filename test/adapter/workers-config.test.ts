/** Workers settings: the admin token must be configured; without it the API is refused, hooks are not. */
import { describe, expect, it } from 'vitest';
import { adminToken, maxBodyBytes } from '../../src/adapter/workers/config';
import { refuseWithoutAdminToken } from '../../src/adapter/workers/guard';

const request = (path: string) => new Request(`https://hookgate.test${path}`);

describe('Workers settings', () => {
  it.each(['/api/webhooks', '/ui', '/ui/events'])(
    'refuses %s with 503 admin-token-missing when no token is configured',
    async (path) => {
      const response = refuseWithoutAdminToken(request(path), undefined);
      expect(response?.status).toBe(503);
      expect(response?.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response?.json()) as { code: string; detail: string };
      expect(problem.code).toBe('admin-token-missing');
      expect(problem.detail).toContain('wrangler secret put HOOKGATE_ADMIN_TOKEN');
    },
  );

  it('lets webhooks and health through without a token, and everything through with one', () => {
    expect(refuseWithoutAdminToken(request('/hooks/abc'), undefined)).toBeUndefined();
    expect(refuseWithoutAdminToken(request('/healthz'), undefined)).toBeUndefined();
    expect(refuseWithoutAdminToken(request('/api/webhooks'), 'a-configured-token-123')).toBeUndefined();
  });

  it('takes a token of at least 16 characters only, and a positive body limit', () => {
    expect(adminToken({ DB: {} as never, HOOKGATE_ADMIN_TOKEN: ' short ' })).toBeUndefined();
    expect(adminToken({ DB: {} as never, HOOKGATE_ADMIN_TOKEN: 'long-enough-token-123' })).toBe('long-enough-token-123');
    expect(maxBodyBytes({ DB: {} as never, HOOKGATE_MAX_BODY_BYTES: '2048' })).toBe(2048);
    expect(maxBodyBytes({ DB: {} as never, HOOKGATE_MAX_BODY_BYTES: 'lots' })).toBe(1024 * 1024);
  });
});
