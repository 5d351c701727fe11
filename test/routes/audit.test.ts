/**
 * Audit events: every change to a webhook or a key is an event in the store, naming the acting key
 * (role `actor`) — from the API and from the UI alike — and never holds a secret, a slug or a key.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';
import { makeKey, withKey } from '../helpers/keys';
import { createUiClient } from '../ui/ui-client';

interface Stored {
  event: string;
  resource: Record<string, string>;
  related: Record<string, string>[];
  payload: Record<string, unknown>;
}

const SECRET = 'a-github-secret-that-must-not-leak';

async function auditEvents(t: TestApp): Promise<Stored[]> {
  const response = await t.api('/api/events/filter', {
    method: 'POST',
    json: { filter: { event: { prefix: ['hookgate.webhook.', 'hookgate.api-key.'] }, order: 'ASC' }, limit: 200 },
  });
  return ((await response.json()) as { events: Stored[] }).events.filter((e) => e.event !== 'hookgate.webhook.failed');
}

describe('audit events', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('records each webhook change with the acting key, never a secret, slug or key', async () => {
    const manager = await makeKey(t, 'manage');
    const call = (path: string, method: string, json?: unknown) => withKey(t, manager.key, path, { method, json });
    const created = await call('/api/webhooks', 'POST', { name: 'gh', preset: 'github', verify: { secrets: [SECRET] } });
    const webhook = (await created.json()) as { id: string; slug: string };
    await call(`/api/webhooks/${webhook.id}`, 'PATCH', {
      description: 'pushes',
      verify: { scheme: 'github', secrets: [`${SECRET}-2`] },
    });
    await call(`/api/webhooks/${webhook.id}`, 'PATCH', { enabled: false });
    await call(`/api/webhooks/${webhook.id}`, 'PATCH', { enabled: true });
    const rotated = (await (await call(`/api/webhooks/${webhook.id}/rotate`, 'POST')).json()) as { slug: string };
    await call(`/api/webhooks/${webhook.id}`, 'DELETE');

    const events = (await auditEvents(t)).filter((e) => e.event.startsWith('hookgate.webhook.'));
    expect(events.map((e) => e.event)).toEqual([
      'hookgate.webhook.created',
      'hookgate.webhook.updated',
      'hookgate.webhook.disabled',
      'hookgate.webhook.enabled',
      'hookgate.webhook.rotated',
      'hookgate.webhook.deleted',
    ]);
    for (const event of events) {
      expect(event.resource).toEqual({ 'prefect.resource.id': `hookgate.webhook.${webhook.id}`, 'prefect.resource.name': 'gh' });
      expect(event.related).toEqual([
        {
          'prefect.resource.id': `hookgate.api-key.${manager.id}`,
          'prefect.resource.role': 'actor',
          'prefect.resource.name': 'manage key',
        },
      ]);
    }
    expect(events[1]?.payload).toMatchObject({ fields: ['description', 'verify'] });
    const text = JSON.stringify(await auditEvents(t));
    for (const secret of [SECRET, webhook.slug, rotated.slug, manager.key]) expect(text).not.toContain(secret);
  });

  it('records key changes, and UI changes with the signed-in actor', async () => {
    const made = await makeKey(t, 'admin', { name: 'ops' });
    await t.api(`/api/keys/${made.id}`, { method: 'DELETE' });
    const ui = createUiClient((request) => t.app.fetch(request));
    await ui.signIn(TEST_TOKEN);
    const csrf = await ui.csrf();
    expect((await ui.post('/ui/webhooks', { _csrf: csrf, name: 'from the ui', source: 'kind:template' })).status).toBe(303);

    const events = await auditEvents(t);
    expect(events.map((e) => e.event)).toEqual([
      'hookgate.api-key.created',
      'hookgate.api-key.revoked',
      'hookgate.webhook.created',
    ]);
    expect(events[0]?.payload).toEqual({ scope: 'admin', expires: null });
    expect(events[2]?.related[0]).toMatchObject({
      'prefect.resource.id': 'hookgate.admin-token',
      'prefect.resource.role': 'actor',
    });
    const text = JSON.stringify(events);
    expect(text).not.toContain(made.key);
    expect(text).not.toContain(TEST_TOKEN);
  });
});
