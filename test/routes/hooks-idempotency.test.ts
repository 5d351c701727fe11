/**
 * Redelivery on `ANY /hooks/:slug`: a delivery id taken by `idFrom` (header, query or body) makes
 * event ids stable, so the same delivery is stored once.
 */
import { describe, expect, it } from 'vitest';
import { ECHO, useHookRoutes } from '../helpers/hook-routes';

describe('ANY /hooks/:slug', () => {
  const hooks = useHookRoutes();
  const { post, webhook } = hooks;

  describe('idempotency: redelivery with the same delivery id stores one event', () => {
    it.each([
      ['header:x-github-delivery', (d: string) => ({ path: '', headers: { 'x-github-delivery': d }, body: {} })],
      ['query:delivery', (d: string) => ({ path: `?delivery=${d}`, headers: {}, body: {} })],
      ['body:meta.id', (d: string) => ({ path: '', headers: {}, body: { meta: { id: d } } })],
    ])('with idFrom %s', async (idFrom, request) => {
      const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, idFrom });
      const send = async (delivery: string) => {
        const r = request(delivery);
        return hooks.t.app.request(`/hooks/${hook.slug}${r.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...r.headers },
          body: JSON.stringify({ kind: 'k', id: 1, ...r.body }),
        });
      };
      expect((await send('d-1')).status).toBe(204);
      expect((await send('d-1')).status).toBe(204);
      expect((await send('d-2')).status).toBe(204);
      const events = await hooks.stored();
      expect(events).toHaveLength(2);
      expect(new Set(events.map((e) => e.id)).size).toBe(2);
    });

    it('does not take two large numeric delivery ids that JSON rounds alike for one delivery', async () => {
      const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, idFrom: 'body:id' });
      expect((await post(hook.slug, '{"kind": "k", "id": 12345678901234567890}')).status).toBe(204);
      expect((await post(hook.slug, '{"kind": "k", "id": 12345678901234567891}')).status).toBe(204);
      expect(await hooks.stored()).toHaveLength(2);
    });

    it('gives the n-th event of a delivery the id UUIDv5(webhook id, "<delivery id>:<n>")', async () => {
      const { uuidv5 } = await import('../../src/lib/ids');
      const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, idFrom: 'header:x-delivery' });
      await post(hook.slug, '{"kind": "k", "id": 1}', { 'content-type': 'application/json', 'x-delivery': 'abc' });
      expect((await hooks.stored())[0]?.id).toBe(uuidv5(hook.id, 'abc:0'));
    });
  });
});
