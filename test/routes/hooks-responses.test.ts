/**
 * What `ANY /hooks/:slug` answers and stores for a request that maps: 204 after commit, events with
 * the webhook as related resource, no credentials in events, fan-out, inert answers, one 404 body.
 */
import { describe, expect, it } from 'vitest';
import { ECHO, useHookRoutes } from '../helpers/hook-routes';

describe('ANY /hooks/:slug', () => {
  const hooks = useHookRoutes();
  const { post, webhook } = hooks;

  it('204 once the event is committed, with the webhook as related resource and the request as default payload', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO } });
    const response = await post(hook.slug, '{"kind": "made", "id": 7}', { 'content-type': 'application/json', 'x-extra': 'yes' });
    expect(response.status).toBe(204);
    const [event] = await hooks.stored();
    expect(event).toMatchObject({
      event: 'thing.made',
      resource: { 'prefect.resource.id': 'thing.7' },
      related: [
        {
          'prefect.resource.id': `hookgate.webhook.${hook.id}`,
          'prefect.resource.role': 'webhook',
          'prefect.resource.name': 'hook',
        },
      ],
      payload: { method: 'POST', body: { kind: 'made', id: 7 }, headers: { 'x-extra': 'yes' } },
    });
    expect(event?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // a new UUIDv7
  });

  it('never shows the authorization or cookie headers to templates or in events', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO } });
    await post(hook.slug, '{"kind": "k", "id": 1}', {
      'content-type': 'application/json',
      cookie: 'session=1',
      authorization: 'Bearer x',
    });
    const [event] = await hooks.stored();
    expect(JSON.stringify(event)).not.toMatch(/session=1|Bearer x/);
  });

  it('a static mapping works for any method, with or without a body (a cron job’s curl)', async () => {
    const hook = await webhook({
      mapping: { kind: 'static', event: { event: 'model.refreshed', resource: { 'prefect.resource.id': 'models.recs' } } },
    });
    for (const method of ['GET', 'HEAD', 'DELETE', 'POST', 'PUT', 'PATCH']) {
      const response = await hooks.t.app.request(`/hooks/${hook.slug}`, { method });
      expect(response.status, method).toBe(204);
    }
    const events = await hooks.stored();
    expect(events.map((e) => e.event)).toEqual(Array(6).fill('model.refreshed'));
    expect(events.map((e) => e.payload.method)).toEqual(['GET', 'HEAD', 'DELETE', 'POST', 'PUT', 'PATCH']);
  });

  it('fans out: an array renders one event per element, all committed before the 204', async () => {
    const template =
      '[{{#each body.items}}{"event": "item.seen", "resource": {"prefect.resource.id": "item.{{this}}"}}{{#unless @last}},{{/unless}}{{/each}}]';
    const hook = await webhook({ mapping: { kind: 'template', template } });
    expect((await post(hook.slug, JSON.stringify({ items: [1, 2, 3] }))).status).toBe(204);
    expect(
      (await hooks.stored()).map((e) => (e as unknown as { resource: Record<string, string> }).resource['prefect.resource.id']),
    ).toEqual(['item.1', 'item.2', 'item.3']);
  });

  it('answers inertly: no script or sniffing, whatever the webhook returns (even its own HTML success response)', async () => {
    const hook = await webhook({
      mapping: { kind: 'template', template: ECHO },
      response: { status: 200, contentType: 'text/html', body: '<p>Thanks {{body.kind}}</p>' },
    });
    const response = await post(hook.slug, '{"kind": "<script>alert(1)</script>", "id": 1}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await post('AAAAAAAAAAAAAAAAAAAAAA', '{}');
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('404 with one and the same body for unknown, rotated and disabled slugs', async () => {
    const rotated = await webhook({ mapping: { kind: 'template', template: ECHO } });
    await hooks.t.api(`/api/webhooks/${rotated.id}/rotate`, { method: 'POST' });
    const disabled = await webhook({ mapping: { kind: 'template', template: ECHO }, enabled: false });
    const bodies = new Set<string>();
    for (const slug of ['AAAAAAAAAAAAAAAAAAAAAA', rotated.slug, disabled.slug]) {
      const response = await post(slug, '{}');
      expect(response.status).toBe(404);
      bodies.add(await response.text());
    }
    expect(bodies.size).toBe(1);
    expect(await hooks.stored()).toHaveLength(0);
  });
});
