/**
 * The delivery log inside workerd over D1: a refused request is written after the response through
 * `waitUntil` (the isolate may stop once it has answered), and is listed by the API with its hint.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, ORIGIN } from './worker-api';

describe('delivery log on workerd with D1', () => {
  beforeAll(async () => {
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  });

  it('records a bad bearer token as rejected, with the sender address and a hint', async () => {
    const created = await api('/api/webhooks', 'POST', {
      name: 'workers-log',
      mapping: { kind: 'static', event: { event: 'cron.tick', resource: { 'prefect.resource.id': 'cron' } } },
      verify: { scheme: 'bearer', secrets: ['right-token'] },
    });
    const webhook = (await created.json()) as { id: string; slug: string };
    const refused = await exports.default.fetch(
      new Request(`${ORIGIN}/hooks/${webhook.slug}`, {
        method: 'POST',
        headers: { authorization: 'Bearer wrong-token', 'cf-connecting-ip': '203.0.113.9' },
      }),
    );
    expect(refused.status).toBe(401);
    let deliveries: Record<string, unknown>[] = [];
    for (let attempt = 0; attempt < 50 && deliveries.length === 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const listed = await api(`/api/webhooks/${webhook.id}/deliveries`);
      expect(listed.status).toBe(200);
      deliveries = ((await listed.json()) as { deliveries: Record<string, unknown>[] }).deliveries;
    }
    expect(deliveries[0]).toMatchObject({ outcome: 'rejected', status: 401, code: 'signature-mismatch', source: '203.0.113.9' });
    expect(deliveries[0]?.headers).toEqual({ authorization: null, 'cf-connecting-ip': null });
    expect(String(deliveries[0]?.hint)).toMatch(/signature did not match/);
  });
});
