/**
 * Keys in the UI: an admin makes and revokes keys on /ui/keys; a `read` key signs in to a read-only
 * UI and the server refuses its changes (403) whatever a page shows; an `emit` key cannot sign in;
 * revoking a key ends its sessions at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';
import { makeKey } from '../helpers/keys';
import { createViaApi } from '../helpers/webhooks-api';
import { createUiClient, type UiClient } from './ui-client';

const csrfOf = (html: string) => /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? '';

describe('keys in the UI', () => {
  let t: TestApp;
  let ui: UiClient;
  beforeEach(() => {
    t = createTestApp();
    ui = createUiClient((request) => t.app.fetch(request));
  });
  afterEach(() => t.close());

  it('an admin makes a key (shown once) and revokes it', async () => {
    expect((await ui.signIn(TEST_TOKEN)).status).toBe(303);
    const page = await ui.request('/ui/keys');
    expect(page.status).toBe(200);
    const csrf = csrfOf(await page.text());
    const made = await ui.post('/ui/keys', { _csrf: csrf, name: 'dashboards', scope: 'read', expires: '90d' });
    expect(made.status).toBe(201);
    const html = await made.text();
    const key = /<code>(hgk_[A-Za-z0-9_-]{43})<\/code>/.exec(html)?.[1];
    expect(key).toBeDefined();
    const again = await (await ui.request('/ui/keys')).text();
    expect(again).toContain('dashboards');
    expect(again).not.toContain(key);
    const [listed] = (await (await t.api('/api/keys')).json()) as { id: string }[];
    const revoked = await ui.post(`/ui/keys/${listed?.id}/revoke`, { _csrf: csrf });
    expect(revoked.status).toBe(303);
    expect(await (await t.api('/api/keys')).json()).toEqual([]);
  });

  it('a read key gets a read-only UI, and the server refuses its changes with 403', async () => {
    const { body: webhook } = await createViaApi(t);
    const reader = await makeKey(t, 'read');
    expect((await ui.signIn(reader.key)).status).toBe(303);
    const list = await (await ui.request('/ui/webhooks')).text();
    expect(list).toContain('models');
    expect(list).not.toContain('New webhook');
    expect(list).not.toContain('role="switch"');
    const edit = await ui.request(`/ui/webhooks/${webhook.id}`);
    expect(edit.status).toBe(200);
    const html = await edit.text();
    for (const action of ['Save mapping', 'Replay failures', 'Rotate URL', 'Delete webhook']) expect(html).not.toContain(action);
    const csrf = csrfOf(html);
    for (const path of [
      `/ui/webhooks/${webhook.id}/rotate`,
      `/ui/webhooks/${webhook.id}/delete`,
      `/ui/webhooks/${webhook.id}/replay`,
    ]) {
      const refused = await ui.post(path, { _csrf: csrf, confirm: 'yes' });
      expect(refused.status).toBe(403);
    }
    expect((await ui.post('/ui/webhooks', { _csrf: csrf, name: 'x', source: 'kind:template' })).status).toBe(403);
    expect((await ui.post(`/ui/webhooks/${webhook.id}/enabled`, { _csrf: csrf, enabled: 'false' })).status).toBe(403);
    expect((await ui.request('/ui/keys')).status).toBe(403);
    expect((await t.api(`/api/webhooks/${webhook.id}`)).status).toBe(200);
  });

  it('an emit key cannot sign in; revoking a key ends its session at once', async () => {
    const emit = await makeKey(t, 'emit');
    expect((await ui.signIn(emit.key)).status).toBe(403);
    const manager = await makeKey(t, 'manage');
    expect((await ui.signIn(manager.key)).status).toBe(303);
    expect((await ui.request('/ui/webhooks')).status).toBe(200);
    expect((await t.api(`/api/keys/${manager.id}`, { method: 'DELETE' })).status).toBe(204);
    const after = await ui.request('/ui/webhooks');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toContain('/ui/sign-in');
  });
});
