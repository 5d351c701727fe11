/**
 * The pages inside workerd over D1: sign-in (session signed with Web Crypto, `Secure` over HTTPS),
 * the feed, the live preview (templates interpreted, no code generation) and replay.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUiClient } from '../ui/ui-client';
import { api, ORIGIN } from './worker-api';

const GOOD = '{"event": "shop.{{body.action}}", "resource": {"prefect.resource.id": "shop.order.{{body.id}}"}}';
/** Every request fails: the label value is a number. */
const FAILING = '{"event": "shop.{{body.action}}", "resource": {"prefect.resource.id": "shop", "n": {{json body.id}}}}';

const ui = createUiClient((request) => exports.default.fetch(request), ORIGIN);

describe('the pages on workerd with D1', () => {
  let hook: { id: string; slug: string };

  beforeAll(async () => {
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    const created = await api('/api/webhooks', 'POST', { name: 'shop', mapping: { kind: 'template', template: FAILING } });
    hook = await created.json();
  });

  it('signs in with a Secure, HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await ui.signIn(env.HOOKGATE_ADMIN_TOKEN);
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('hookgate_session='));
    expect(cookie).toMatch(/; Path=\/ui/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  });

  it('shows a delivered request in the feed, and its failure', async () => {
    const delivered = await exports.default.fetch(
      new Request(`${ORIGIN}/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"action": "paid", "id": 7}',
      }),
    );
    expect(delivered.status).toBe(400);
    const feed = await ui.request('/ui/events');
    expect(feed.status).toBe(200);
    const html = await feed.text();
    expect(html).toContain('hookgate.webhook.failed');
    expect(html).toContain('<svg');
    expect(html).not.toContain(env.HOOKGATE_ADMIN_TOKEN);
  });

  it('previews a draft template as you type: events, or the error with its position', async () => {
    const headers = { 'content-type': 'application/json', 'x-csrf-token': await ui.csrf() };
    const preview = (mapping_text: string) =>
      ui.request(`/ui/webhooks/${hook.id}/preview`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ mapping_text, sample: 'last' }),
      });
    const good = await (await preview(GOOD)).text();
    expect(good).toContain('Renders 1 event');
    expect(good).toContain('shop.order.7');
    const broken = await (await preview('{"event": "{{#each body}}"}')).text();
    expect(broken).toMatch(/Line 1, column \d+/);
  });

  it('replays the failure after the template is fixed, once', async () => {
    expect((await api(`/api/webhooks/${hook.id}`, 'PATCH', { mapping: { kind: 'template', template: GOOD } })).status).toBe(200);
    const csrf = await ui.csrf();
    const first = await ui.post(`/ui/webhooks/${hook.id}/replay`, { _csrf: csrf });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Replayed 1 of 1 failed request: 1 event (1 new, 0 already stored)');
    const again = await (await api(`/api/webhooks/${hook.id}/replay`, 'POST')).json();
    expect(again).toMatchObject({ total: 1, written: 0, duplicates: 1 });
  });
});
